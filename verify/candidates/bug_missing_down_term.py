# bug_missing_down_term.py: planted bug, the Hodge Laplacian without its down term.
#
# BUG: L_q = B_{q+1}B_{q+1}ᵀ only (the down term B_qᵀB_q is dropped), so `laplacian_spectrum`
#   is the up spectrum and `harmonic_basis` is ker of the up Laplacian (too large).
#   `up_laplacian_spectrum` and `down_laplacian_spectrum` are still right.
# MIRRORS: REFERENCE §1.1 (L_q = B_qᵀB_q + B_{q+1}B_{q+1}ᵀ; only L_0 is B_1B_1ᵀ, and in the top
#   dimension only the down term remains, as TopoNetX `hodge_laplacian_matrix`, PETLS
#   `get_down`): treating every L_q like L_0.  Not one of JL's F1–F11.
# EXPOSED BY: selfcheck/s1 (L_1 {0,0,0,3} instead of {1,3,3,4}; L_2 {0}), hexagon (L_1 all 0),
#   octahedron; degree 0 alone (three-points) passes.
#
# Everything else is correct.py: this file imports it, replaces `hodge_laplacian` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def laplacian_without_down_term(cells, q):
    return correct.up_laplacian(cells, q)  # BUG: the down term B_qᵀB_q is missing


if __name__ == "__main__":
    correct.hodge_laplacian = laplacian_without_down_term
    correct.main()

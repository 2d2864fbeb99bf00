# bug_dirac_squared.py: planted bug F8, per-degree Laplacians taken from D·Dᵀ unsliced.
#
# BUG: D·Dᵀ = ⊕_q L_q is computed from the full Dirac operator and its whole spectrum is
#   reported as the spectrum of every L_q, instead of slicing out the C_q block.
# MIRRORS: REFERENCE §4 F8, JL `Laplacian_compute.py` (builds D = M + Mᵀ and returns D·Dᵀ as
#   "the Laplacian").
# EXPOSED BY: every case that wants `laplacian_spectrum` (s1: 10 eigenvalues for each q instead
#   of 5, 4, 1); hexagon, octahedron, three-points (three points: D = 0, so L_0 passes), cycle-80.
#
# Everything else is correct.py: this file imports it, replaces `laplacian_spectra` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def laplacian_spectra_from_dirac(problem):
    # BUG (F8): the spectrum of D·Dᵀ = ⊕ L_q is reported for every q, unsliced.
    D = correct.dirac_operator(problem.cells, list(range(problem.top + 1)))
    return {str(q): correct.spectrum(D @ D.T) for q in problem.degrees}


if __name__ == "__main__":
    correct.laplacian_spectra = laplacian_spectra_from_dirac
    correct.main()

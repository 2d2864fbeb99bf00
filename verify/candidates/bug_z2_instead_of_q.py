# bug_z2_instead_of_q.py: planted bug, every rank is taken mod 2 whatever the coefficients.
#
# BUG: the coefficients option is ignored for ranks: `betti` and `boundary_ranks` are always
#   over Z/2 (GF(2) elimination is the usual fast path, applied to Q, Zp and Z as well).
#   Torsion (Smith form over Z) is unaffected.
# MIRRORS: REFERENCE §1.1 and §3 oracles (GF(2) and GF(p) agree only without torsion) and the
#   GF(2)-only reductions of §2.4; PETLS `core/Complex.hpp` warns "real coefficients stored as
#   integers (but not mod 2!)".  Not one of JL's F1–F11.
# EXPOSED BY: selfcheck/rp2-q, rp2-zp3, rp2-z (β = [1,1,1] instead of [1,0,0]; boundary_ranks
#   [5,9,0] instead of [5,10,0]).  Complexes without 2-torsion (S1, S2, S3) pass.
#
# Everything else is correct.py: this file imports it, replaces `parse_coefficients` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def always_z2(coefficients):
    return 2  # BUG: ranks are always over Z/2, whatever `coefficients` says (it is not checked)


if __name__ == "__main__":
    correct.parse_coefficients = always_z2
    correct.main()

# bug_float_rank.py: planted bug F10, floating-point rank with a coarse tolerance.
#
# BUG: over Q and Z, every rank (so `betti` and `boundary_ranks`) is
#   numpy.linalg.matrix_rank(B.astype(float32), tol=0.1) ("the entries are ±1, so a singular
#   value below 0.1 must be round-off").  The nonzero singular values of a ±1 matrix are not
#   bounded away from 0: the n-cycle has 2·sin(π/n), 0.0785 for n = 80, so two of them are cut
#   off.  Mod-p ranks stay exact.
# MIRRORS: REFERENCE §4 F10 (float `matrix_rank` for Betti numbers in JL's Betti and hypergraph
#   code, a risk there), made to fail with the float32 and hard-coded zero thresholds of
#   "other published code" in §4 (PETLS `round_zeros 1e-3`, Wang–Wei's fixed 1e-5).
# EXPOSED BY: selfcheck/cycle-80 (β = [3,3] instead of [1,1], boundary_ranks [77,0]); any cycle
#   of ≥ 63 vertices or path of ≥ 32 vertices.  S1, S2, S3 and RP² pass.
#
# Everything else is correct.py: this file imports it, replaces `rank_rational` with the
# version below, and runs correct.main().

import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def float_rank(B):
    # BUG (F10): float32 rank with a fixed, coarse tolerance instead of exact elimination
    return int(np.linalg.matrix_rank(B.astype(np.float32), tol=0.1))


if __name__ == "__main__":
    correct.rank_rational = float_rank  # the rank over Q (and for the free part over Z)
    correct.main()

# bug_top_dim_missing.py: planted bug F2, the top-dimensional Betti number is never computed.
#
# BUG: the Betti loop runs over q < top dimension; β_top keeps its initial 0.
# MIRRORS: REFERENCE §4 F2, JL `rips/betti.py` (the "debug version" still fails in general).
# EXPOSED BY: selfcheck/octahedron (S3: [1,0,0] instead of [1,0,1], as JL), rp2-z2 ([1,1,0]
#   instead of [1,1,1]), and graphs and point sets, whose top β is rarely 0: hexagon ([1,0]),
#   cycle-80, three-points ([0]).  Complexes whose top β is 0 (S1, RP² over Q, Zp, Z) pass.
#
# Everything else is correct.py: this file imports it, replaces `betti_numbers` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def betti_below_top(problem):
    # BUG (F2): the loop stops below the top dimension; β_top keeps its initial 0.
    betti = [0] * len(problem.degrees)
    for q in range(min(problem.top, problem.max_dim + 1)):
        betti[q] = correct.n_cells(problem.cells, q) - problem.ranks[q] - problem.ranks[q + 1]
    return betti


if __name__ == "__main__":
    correct.betti_numbers = betti_below_top
    correct.main()

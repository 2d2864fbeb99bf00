# bug_beta0_vertex_count.py: planted bug F3, β_0 = number of vertices when there are no triangles.
#
# BUG: a special case for complexes without triangles ("only vertices and edges") sets β_0 to
#   the number of vertices, as if the edges joined nothing.
# MIRRORS: REFERENCE §4 F3, JL `rips/betti.py` (fixed in the "debug version" of
#   `betti_compute.py`).
# EXPOSED BY: selfcheck/hexagon (S2: [6,1] instead of [1,1], as JL), selfcheck/cycle-80
#   ([80,1]).  Anything with a triangle, and edgeless point sets (three-points), pass.
#
# Everything else is correct.py: this file imports it, replaces `betti_numbers` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)

betti_from_ranks = correct.betti_numbers


def betti_with_graph_special_case(problem):
    betti = betti_from_ranks(problem)
    if len(problem.cells) <= 2 and betti:  # BUG (F3): "no triangles: every vertex is a component"
        betti[0] = correct.n_cells(problem.cells, 0)
    return betti


if __name__ == "__main__":
    correct.betti_numbers = betti_with_graph_special_case
    correct.main()

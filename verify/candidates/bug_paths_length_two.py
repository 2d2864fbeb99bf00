# bug_paths_length_two.py: planted bug F7 (first half), allowed paths cut at length 2.
#
# BUG: the allowed paths are enumerated only up to length 2 (3 vertices); A_p is taken to be
#   empty for p ≥ 3, so Ω_3 = 0 and nothing kills the 2-cycles.  (Repeated vertices are still
#   allowed: the other half of F7 is bug_simple_paths_only.py.)
# MIRRORS: REFERENCE §4 F7, JL `digraphs/*` (`networkx.all_simple_paths(…, cutoff=2)`): on the
#   JL digraph 1→2, 1→3, 2→3, 2→4, 3→4 it reports a spurious β_2 = 1 (REFERENCE §3.5).
# EXPOSED BY: selfcheck/digraph-jl (β = [1,0,1,0] instead of [1,0,0,0], dim Ω_3 = 0 instead of
#   1, ev(L_2) = {0,4,4}, no L_3), digraph-bigon-regular (a⇄b: β_2 = 1, since abab is lost).
#   Digraphs without 3-paths (squares, triangles, cycle networks at max_dim 1) pass.
#
# Everything else is correct.py: this file imports it, replaces its `allowed_paths` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def paths_up_to_length_two(vertices, arcs, top):
    """cells[p] = the allowed p-paths for p = 0 … top (walks along arcs).
    BUG (F7): the enumeration stops at length 2; A_p = ∅ for p ≥ 3."""
    heads = {v: sorted(b for (a, b) in arcs if a == v) for v in vertices}
    cells = [[(v,) for v in sorted(vertices)]]
    for p in range(1, top + 1):
        if p > 2:  # BUG (F7): cutoff = 2
            cells.append([])
            continue
        cells.append([path + (w,) for path in cells[-1] for w in heads[path[-1]]])
    return cells


if __name__ == "__main__":
    correct.allowed_paths = paths_up_to_length_two
    correct.main()

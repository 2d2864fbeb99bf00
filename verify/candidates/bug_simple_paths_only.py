# bug_simple_paths_only.py: planted bug F7 (second half), only simple paths are allowed.
#
# BUG: the allowed paths are the simple paths (no vertex twice), as networkx.all_simple_paths
#   gives them.  GLMY's allowed paths are all walks along arcs: a→b→a is allowed when a⇄b, and
#   so is every longer walk that revisits a vertex.
# MIRRORS: REFERENCE §4 F7, JL `digraphs/*` (`networkx.all_simple_paths`: "misses 1→2→1 and
#   longer paths"); REFERENCE §1.4 ("vertices may repeat, e.g. e_aba").
# EXPOSED BY: selfcheck/digraph-bigon-regular (a⇄b: Ω_2 = 0 instead of ⟨aba, bab⟩, so β =
#   [1,1,0,0] instead of [1,0,0,0], chain_dims [2,2,0,0]), digraph-cycle-network-6 (the
#   complete digraph: persistent Laplacians change).  DAGs (the JL digraph, squares, the
#   octahedron, layered digraphs) have only simple paths and pass.
#
# Everything else is correct.py: this file imports it, replaces its `allowed_paths` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def simple_paths(vertices, arcs, top):
    """cells[p] = the allowed p-paths for p = 0 … top.
    BUG (F7): only simple paths; a walk that revisits a vertex (a→b→a) is left out."""
    heads = {v: sorted(b for (a, b) in arcs if a == v) for v in vertices}
    cells = [[(v,) for v in sorted(vertices)]]
    for _ in range(top):
        cells.append([path + (w,) for path in cells[-1] for w in heads[path[-1]]
                      if w not in path])  # BUG (F7): simple paths only
    return cells


if __name__ == "__main__":
    correct.allowed_paths = simple_paths
    correct.main()

# bug_vertices_without_singletons.py: the flipped singleton-vertex convention for hypergraphs.
#
# BUG: every vertex of a hyperedge is a 0-cell, whether or not its singleton is a hyperedge
#   (as if the option `vertices` were always "all").  Embedded homology counts a vertex only
#   when {v} is a hyperedge (the default, "listed").
# MIRRORS: REFERENCE §4 "Other published code" (a flipped singleton convention: TriLoop 0 vs
#   (2,0,0)) and REFERENCE §1.8 "Singleton-vertex convention"; HyperNetX-style vertex sets.
# EXPOSED BY: selfcheck/hypergraph-triloop ({AB, BC, ACD} without singletons: β = [2,0,0]
#   and chain_dims [4,2,0] instead of [0,0,0] and [0,0,0]), hypergraph-f6 (vertex 2 of the
#   triangle 012 is not a singleton: β = [2,0,0]).  Hypergraphs that list every singleton (H4,
#   RP²) and `"vertices": "all"` cases pass.
#
# Everything else is correct.py: this file imports it, replaces its `vertex_hyperedges` with
# the version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def every_vertex(hyperedges, vertices, convention):
    """The 0-hyperedges added by the singleton convention.
    BUG: the convention is ignored; every vertex of a hyperedge becomes a 0-cell."""
    added = {}
    for e, t in hyperedges.items():
        for v in e:
            added[(v,)] = min(t, added.get((v,), t))
    return added


if __name__ == "__main__":
    correct.vertex_hyperedges = every_vertex
    correct.main()

#!/usr/bin/env python3
"""Peer for path_homology_benchmark: the same digraphs through grpphati (regular path homology, H_1).

    peer_grpphati.py WORKLOAD TASK
      WORKLOAD: wedge | random:N
      TASK:     static | grpph | grpph_par_wedge

Digraphs, drawn exactly as path_homology_benchmark.cpp draws them:
  wedge     two complete digraphs K_50 sharing node 0 (nodes 0..49 and 0,50..98), 4900 arcs;
            the same digraph as grpphati's examples/readme_2.py (up to node names).
  random:N  pair k = i*N + j (i != j) is an arc iff splitmix64-mix(42 + (k+1)*gamma) >> 11 is
            below 3 * 2^53 // (N - 1) (average out-degree 3, no self-loops).
Arcs carry no weight attribute, so grpphati's shortest-path filtration uses weight 1.

Tasks:
  static           grpphati's standard pipeline with a static filtration (every node and arc of
                   the digraph at time 0, nothing else) and RegularPathHomology: its 2-cells are
                   then the regular Omega_2 spanning set (triangles, double edges, long squares) of
                   the digraph, so the infinite H_1 bars number beta_1 of the digraph's regular
                   path homology over Z/2 — the H_1 that path_homology_benchmark computes.
                   Serial (no joblib): optimisation component_appendage_empty_serial.
  grpph            GrPPH(G) (grpphati.pipelines.grounded), the README's "Serial" run (joblib is
                   used over weak components only; the wedge has one).
  grpph_par_wedge  GrPPH_par_wedge(G), parallel over wedge components (joblib processes; their
                   CPU time is not in this process's CPU time).
For GrPPH with unit weights every H_1 bar is born at 0 and the 2-cells entering at t = 1 are
exactly the regular Omega_2 spanning set of G, so the bars alive at t = 1 (death > 1) number
beta_1(G) over Z/2.

Prints one line of key=value: tool, arcs, arcsum (sum of tail*N + head), seconds (wall, CPU),
bars, infinite bars, bars alive at 1, and, for static, the closure size full GrPPH would face
(reachable ordered pairs and the 2-paths of the shortest-path closure).
"""
import argparse
import importlib.metadata
import resource

import networkx as nx
import numpy as np

from peer_timing import timed
from splitmix import uniform53

from grpphati.filtrations.abstract import Filtration
from grpphati.homologies import RegularPathHomology
from grpphati.optimisations import component_appendage_empty_serial
from grpphati.pipelines.grounded import GrPPH, GrPPH_par_wedge
from grpphati.pipelines.standard import make_standard_pipeline

SEED = 42
WEDGE_K = 50


def random_arcs(n):
    threshold = np.uint64(3 * (1 << 53) // (n - 1))
    arcs = []
    j = np.arange(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(n):
            k = np.uint64(i * n) + j
            hit = uniform53(SEED, k) < threshold
            hit[i] = False
            arcs.extend((i, int(h)) for h in np.nonzero(hit)[0])
    return n, arcs


def wedge_arcs():
    parts = [list(range(WEDGE_K)), [0] + list(range(WEDGE_K, 2 * WEDGE_K - 1))]
    return 2 * WEDGE_K - 1, [(u, v) for part in parts for u in part for v in part if u != v]


class StaticFiltration(Filtration):
    """Every node and arc of G at time 0; no other arc ever enters."""

    def __init__(self, G):
        self.nodes = list(G.nodes)
        self.dict = {u: {v: 0 for v in G.successors(u)} for u in G.nodes}

    def node_time(self, node):
        return 0

    def edge_time(self, edge):
        return self.dict.get(edge[0], {}).get(edge[1], np.inf)

    def node_iter(self):
        return [(node, 0) for node in self.nodes]

    def edge_iter(self):
        return [((u, v), t) for u, d in self.dict.items() for v, t in d.items()]

    def edge_dict(self):
        return self.dict


STATIC = make_standard_pipeline(
    StaticFiltration, RegularPathHomology, optimisation_strat=component_appendage_empty_serial
)


def closure_size(G):
    """Reachable ordered pairs (u != v) and 2-paths u -> m -> w of the shortest-path closure."""
    indeg = dict.fromkeys(G.nodes, 0)
    outdeg = {}
    for u in G.nodes:
        reach = nx.descendants(G, u)
        outdeg[u] = len(reach)
        for v in reach:
            indeg[v] += 1
    return sum(outdeg.values()), sum(indeg[m] * outdeg[m] for m in G.nodes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workload")
    parser.add_argument("task", choices=["static", "grpph", "grpph_par_wedge"])
    args = parser.parse_args()
    if args.workload == "wedge":
        n, arcs = wedge_arcs()
    elif args.workload.startswith("random:"):
        n, arcs = random_arcs(int(args.workload.split(":")[1]))
    else:
        raise SystemExit(f"unknown workload {args.workload}")
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(arcs)
    pipeline = {"static": STATIC, "grpph": GrPPH, "grpph_par_wedge": GrPPH_par_wedge}[args.task]
    result, wall, cpu = timed(lambda: pipeline(G))
    bars = result.barcode
    infinite = sum(1 for b in bars if b[1] == np.inf)
    alive1 = sum(1 for b in bars if b[0] <= 1 < b[1])
    extra = ""
    if args.task == "static":
        pairs, two_paths = closure_size(G)
        extra = f" closure_pairs={pairs} closure_two_paths={two_paths}"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"tool=grpphati-{importlib.metadata.version('grpphati')} task={args.task} arcs={len(arcs)} "
        f"arcsum={sum(u * n + v for u, v in arcs)} seconds={wall:.3f} cpu_s={cpu:.3f} "
        f"bars={len(bars)} inf={infinite} alive1={alive1}{extra} peak_mib={peak:.0f}"
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Peer for hypergraph_benchmark: HyperNetX's Z/2 homology of the same random hypergraph.

    peer_hypernetx.py M

The hypergraph: M hyperedges of 1–4 distinct vertices (size 1 + r mod 4, vertices r mod n)
over n = max(4, M // 5) vertices, drawn from splitmix64 with seed 42 exactly as
hypergraph_benchmark.cpp draws them (duplicates kept, as separately named edges).

HyperNetX (hypernetx.algorithms.homology_mod2) computes the homology of the closure ΔH (every
subset of every hyperedge) over Z/2 — a different quantity from topospec's embedded homology
(Inf); hypergraph_benchmark's BM_ClosureBettiZ2 computes the same closure quantity. Timed:
"build" = hnx.Hypergraph + chain_complex (k-chain bases and dense boundary matrices), "Betti"
= betti (dense mod-2 row reduction of each boundary matrix). HyperNetX reports β_1 … β_top
only (β_0 is "the number of connected components", not computed there). Prints one line of
key=value, including this process's peak resident set size.
"""
import argparse
import resource
import time

import hypernetx as hnx
from hypernetx.algorithms.homology import homology_mod2 as hmod2
from splitmix import splitmix64

SEED = 42


def random_hyperedges(m):
    rng = splitmix64(SEED)
    n = max(4, m // 5)
    edges = []
    for _ in range(m):
        size = 1 + next(rng) % 4
        vertices = []
        while len(vertices) < size:
            v = next(rng) % n
            if v not in vertices:
                vertices.append(v)
        edges.append(sorted(vertices))
    return edges


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("m", type=int, help="number of hyperedges")
    args = parser.parse_args()
    edges = random_hyperedges(args.m)

    wall, cpu = time.perf_counter(), time.process_time()
    h = hnx.Hypergraph({f"e{i}": e for i, e in enumerate(edges)})
    chains, boundaries = hmod2.chain_complex(h)
    build_s, build_cpu_s = time.perf_counter() - wall, time.process_time() - cpu

    wall, cpu = time.perf_counter(), time.process_time()
    betti = hmod2.betti(boundaries)
    betti_s, betti_cpu_s = time.perf_counter() - wall, time.process_time() - cpu

    cells = sum(len(c) for c in chains.values())
    top = max(betti) if betti else 0
    betti_list = [int(betti.get(k, 0)) for k in range(1, top + 1)]
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"tool=hypernetx-{hnx.__version__} m={args.m} closure_cells={cells} "
        f"build_s={build_s:.3f} build_cpu_s={build_cpu_s:.3f} "
        f"betti_s={betti_s:.3f} betti_cpu_s={betti_cpu_s:.3f} "
        f"closure_betti_1_up={betti_list} peak_mib={peak_mib:.0f}".replace(", ", ",")
    )


if __name__ == "__main__":
    main()

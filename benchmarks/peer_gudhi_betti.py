#!/usr/bin/env python3
"""Peer for betti_benchmark: Betti numbers of the same complexes with GUDHI.

    peer_gudhi_betti.py grid N [--field P]   Freudenthal triangulation of an N^3 grid of cubes
    peer_gudhi_betti.py rgg n [--field P]    flag complex of the geometric graph on n points

Builds the complex in a gudhi.SimplexTree (the grid: its tetrahedra with insert_batch; the
geometric graph: RipsComplex on the same splitmix64 points and radius as betti_benchmark.cpp,
expanded to all cliques, filtration reset to 0), then compute_persistence(homology_coeff_field=P,
persistence_dim_max=True) and betti_numbers(). Prints one line of key=value: build and Betti
seconds (wall and CPU), simplex count, Betti numbers and the peak resident set size of this process.
GUDHI's field is at most 46337, so it has no 31-bit-prime (Q) mode; compare Z/2 with Z/2.
"""
import argparse
import math
import resource
import time

import numpy as np

import gudhi
from splitmix import splitmix64

RGG_SEED = 42
RGG_DEGREE = 15.0


def grid_tree(n):
    """The 6 tetrahedra of every cube: monotone paths from (x,y,z) to (x+1,y+1,z+1)."""
    s = n + 1
    x, y, z = np.meshgrid(np.arange(n), np.arange(n), np.arange(n), indexing="ij")
    x, y, z = x.ravel(), y.ravel(), z.ravel()
    rows = []
    for order in ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)):
        c = [x.copy(), y.copy(), z.copy()]
        path = [c[0] + s * (c[1] + s * c[2])]
        for axis in order:
            c[axis] = c[axis] + 1
            path.append(c[0] + s * (c[1] + s * c[2]))
        rows.append(np.vstack(path))
    tets = np.hstack(rows)
    st = gudhi.SimplexTree()
    st.insert_batch(tets, np.zeros(tets.shape[1]))
    return st


def rgg_tree(n):
    rng = splitmix64(RGG_SEED)
    points = [[(next(rng) >> 11) * 2.0**-53 for _ in range(3)] for _ in range(n)]
    r = (RGG_DEGREE / (4.18879020478639 * n)) ** (1.0 / 3.0)
    st = gudhi.RipsComplex(points=points, max_edge_length=r).create_simplex_tree(max_dimension=64)
    st.reset_filtration(0.0, 0)  # Betti numbers of the complex, not a Rips filtration
    return st


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["grid", "rgg"])
    ap.add_argument("size", type=int)
    ap.add_argument("--field", type=int, default=2)
    args = ap.parse_args()

    t0, c0 = time.perf_counter(), time.process_time()
    st = grid_tree(args.size) if args.kind == "grid" else rgg_tree(args.size)
    t1, c1 = time.perf_counter(), time.process_time()
    st.compute_persistence(homology_coeff_field=args.field, persistence_dim_max=True)
    betti = st.betti_numbers()
    t2, c2 = time.perf_counter(), time.process_time()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB
    print(f"tool=gudhi-{gudhi.__version__} complex={args.kind}/{args.size} field=Z{args.field} "
          f"simplices={st.num_simplices()} build_s={t1 - t0:.3f} build_cpu_s={c1 - c0:.3f} "
          f"betti_s={t2 - t1:.3f} betti_cpu_s={c2 - c1:.3f} "
          f"betti={betti} peak_rss_mib={peak_mib:.0f}")


if __name__ == "__main__":
    main()

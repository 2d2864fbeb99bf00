#!/usr/bin/env python3
"""Vietoris-Rips barcode with GUDHI, the peer of rips_barcode_benchmark --run.

    peer_gudhi_rips.py POINTS_FILE MAX_DIM [THRESHOLD|none] [FIELD]

POINTS_FILE: one point per line, comma- or space-separated. Without a threshold GUDHI gets the
enclosing radius min_i max_j d(i, j) as max_edge_length (what Ripser and topospec use by
default; the bars are the same as for the full complex). Prints one line:
tool=gudhi-<version> simplices=... seconds=... bars=[n_0, ..., n_MAX_DIM]
"""
import sys
import time

import gudhi
import numpy as np

path, max_dim = sys.argv[1], int(sys.argv[2])
threshold = sys.argv[3] if len(sys.argv) > 3 else "none"
field = int(sys.argv[4]) if len(sys.argv) > 4 else 2
start = time.perf_counter()
points = np.loadtxt(path, delimiter="," if "," in open(path).readline() else None, ndmin=2)
if threshold == "none":
    diff = points[:, None, :] - points[None, :, :]
    threshold = float(np.sqrt((diff ** 2).sum(-1)).max(axis=1).min())
else:
    threshold = float(threshold)
rips = gudhi.RipsComplex(points=points, max_edge_length=threshold)
tree = rips.create_simplex_tree(max_dimension=max_dim + 1)
pairs = tree.persistence(homology_coeff_field=field, min_persistence=0)
seconds = time.perf_counter() - start
counts = [sum(1 for q, _ in pairs if q == d) for d in range(max_dim + 1)]
print(f"tool=gudhi-{gudhi.__version__} simplices={tree.num_simplices()} seconds={seconds:.3f} "
      f"bars={counts}")

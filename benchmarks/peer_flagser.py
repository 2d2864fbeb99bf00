#!/usr/bin/env python3
"""Peer for directed_flag_benchmark: the same Erdős–Rényi digraph through flagser (pyflagser).

    peer_flagser.py N PERMILLE

Draws the digraph exactly as directed_flag_benchmark.cpp does (pair k = i*N + j, i != j, is an
arc iff splitmix64-mix(42 + (k+1)*gamma) >> 11 < PERMILLE * 2^53 // 1000, vectorised with numpy),
then times pyflagser.flagser_count_unweighted (cell counts) and pyflagser.flagser_unweighted
(homology over Z/2 in every dimension, coeff=2). Prints one line of key=value: arcs, seconds
(wall and CPU) of each, simplex counts, Betti numbers and the peak resident set size.
"""
import argparse
import resource

import numpy as np

from peer_timing import timed
from splitmix import uniform53
import scipy.sparse

import pyflagser

SEED = 42


def erdos_renyi(n, permille):
    threshold = np.uint64(permille * (1 << 53) // 1000)
    rows, cols = [], []
    j = np.arange(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(n):
            k = np.uint64(i * n) + j
            hit = uniform53(SEED, k) < threshold
            hit[i] = False
            heads = np.nonzero(hit)[0]
            rows.append(np.full(heads.size, i, dtype=np.int64))
            cols.append(heads)
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    data = np.ones(rows.size, dtype=bool)
    return scipy.sparse.coo_matrix((data, (rows, cols)), shape=(n, n)).tocsr()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("permille", type=int)
    args = parser.parse_args()
    adjacency = erdos_renyi(args.n, args.permille)
    counts, count_s, count_cpu = timed(lambda: pyflagser.flagser_count_unweighted(adjacency))
    result, betti_s, betti_cpu = timed(lambda: pyflagser.flagser_unweighted(adjacency, coeff=2))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"tool=flagser-pyflagser-{pyflagser.__version__} arcs={adjacency.nnz} "
        f"count_s={count_s:.3f} count_cpu_s={count_cpu:.3f} "
        f"homology_s={betti_s:.3f} homology_cpu_s={betti_cpu:.3f} "
        f"counts={[int(c) for c in counts]} cell_count={[int(c) for c in result['cell_count']]} "
        f"betti={[int(b) for b in result['betti']]} peak_mib={peak:.0f}"
    )


if __name__ == "__main__":
    main()

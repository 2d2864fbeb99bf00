#!/usr/bin/env python3
"""Betti numbers and Hodge Laplacian spectra of a simplicial complex.

Reads a topospec case (JSON) on stdin and prints the requested quantities as JSON on stdout:

    {"input": {"type": "simplicial_complex", "simplices": [[0, 1, 2], [2, 3]]},
     "options": {"coefficients": "Q", "max_dim": 2},
     "want": ["betti", "laplacian_spectrum"]}

Supported quantities: chain_dims, betti, euler_characteristic, boundary_ranks,
laplacian_spectrum, up_laplacian_spectrum, down_laplacian_spectrum.

Design notes:
  * Ranks are computed exactly (no floating-point matrix_rank) over the requested
    coefficients: fraction-free elimination on Python integers over Q (and for the free
    part over Z), elimination mod p over Z/p.
  * Spectra come from numpy.linalg.eigvalsh of the dense Hodge Laplacian
    L_q = B_q^T B_q + B_{q+1} B_{q+1}^T.
"""
import itertools
import json
import sys

import numpy as np

SUPPORTED = ("chain_dims", "betti", "euler_characteristic", "boundary_ranks",
             "laplacian_spectrum", "up_laplacian_spectrum", "down_laplacian_spectrum")


def closure(simplices):
    """All faces of the given simplices, grouped by dimension, each sorted."""
    faces = set()
    for s in simplices:
        s = tuple(sorted(set(s)))
        for k in range(1, len(s) + 1):
            faces.update(itertools.combinations(s, k))
    top = max((len(f) for f in faces), default=0) - 1
    return [sorted(f for f in faces if len(f) == q + 1) for q in range(top + 1)]


def boundary(cells, q):
    """Signed boundary matrix B_q : C_q -> C_{q-1} as a dense integer array."""
    if q <= 0 or q >= len(cells):
        rows = len(cells[q - 1]) if 0 < q <= len(cells) else 0
        cols = len(cells[q]) if 0 <= q < len(cells) else 0
        return np.zeros((rows, cols), dtype=np.int64)
    index = {f: i for i, f in enumerate(cells[q - 1])}
    b = np.zeros((len(cells[q - 1]), len(cells[q])), dtype=np.int64)
    for j, s in enumerate(cells[q]):
        for i in range(len(s)):
            b[index[s[:i] + s[i + 1:]], j] = (-1) ** i
    return b


def exact_rank(matrix, p=0):
    """Exact rank over Q (p = 0) or over Z/p: Gaussian elimination on Python integers.

    Over Q the elimination is fraction-free (Bareiss), so entries stay integers and nothing is
    rounded; over Z/p every entry is reduced mod p.
    """
    m = [[int(x) % p if p else int(x) for x in row] for row in matrix]
    rows, cols = len(m), (len(m[0]) if m else 0)
    rank, prev = 0, 1
    for c in range(cols):
        pivot = next((r for r in range(rank, rows) if m[r][c]), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for r in range(rank + 1, rows):
            if p:
                f = m[r][c] * pow(m[rank][c], -1, p)
                m[r] = [(x - f * y) % p for x, y in zip(m[r], m[rank])]
            else:
                m[r] = [(x * m[rank][c] - y * m[r][c]) // prev for x, y in zip(m[r], m[rank])]
        if not p:
            prev = m[rank][c]
        rank += 1
    return rank


def field_characteristic(coefficients):
    """0 for Q (and for the free part over Z), p for "Z2" or "Zp:<p>"."""
    if coefficients in ("Q", "Z"):
        return 0
    if coefficients == "Z2":
        return 2
    if coefficients.startswith("Zp:"):
        return int(coefficients[3:])
    sys.exit("unknown coefficients: %s" % coefficients)


def spectrum(matrix):
    if matrix.shape[0] == 0:
        return []
    ev = np.linalg.eigvalsh(matrix.astype(float))
    return [0.0 if abs(x) < 1e-9 else float(x) for x in ev]


def main():
    case = json.load(sys.stdin)
    inp = case["input"]
    if inp.get("type") != "simplicial_complex":
        sys.exit("unsupported input type: %s" % inp.get("type"))
    cells = closure(inp["simplices"])
    top = len(cells) - 1
    max_dim = case.get("options", {}).get("max_dim", top)
    p = field_characteristic(case.get("options", {}).get("coefficients", "Q"))
    want = case.get("want", list(SUPPORTED))

    # Enough chain groups for degree max_dim + 1 (empty beyond the top).
    while len(cells) < max_dim + 2:
        cells.append([])
    dims = [len(c) for c in cells]
    b = [boundary(cells, q) for q in range(max_dim + 2)]
    ranks = [0] + [exact_rank(b[q], p) for q in range(1, max_dim + 2)]

    out = {}
    if "chain_dims" in want:
        out["chain_dims"] = dims[:max_dim + 1]
    if "boundary_ranks" in want:
        out["boundary_ranks"] = ranks[1:max_dim + 2]
    if "betti" in want:
        out["betti"] = [dims[q] - ranks[q] - ranks[q + 1] for q in range(max_dim + 1)]
    if "euler_characteristic" in want:
        out["euler_characteristic"] = sum((-1) ** q * n for q, n in enumerate(dims))
    up = {str(q): b[q + 1] @ b[q + 1].T for q in range(max_dim + 1)}
    down = {str(q): b[q].T @ b[q] for q in range(max_dim + 1)}
    if "up_laplacian_spectrum" in want:
        out["up_laplacian_spectrum"] = {q: spectrum(m) for q, m in up.items()}
    if "down_laplacian_spectrum" in want:
        out["down_laplacian_spectrum"] = {q: spectrum(m) for q, m in down.items()}
    if "laplacian_spectrum" in want:
        out["laplacian_spectrum"] = {q: spectrum(up[q] + down[q]) for q in up}
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()

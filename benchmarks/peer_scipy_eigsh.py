#!/usr/bin/env python3
"""Peer for benchmarks/laplacian_benchmark.cpp: the 10 smallest eigenvalues of the Hodge
Laplacian L_1 of the Freudenthal triangulation of an NX×NY×NZ box of unit cubes (2-skeleton),
with scipy.sparse.linalg.eigsh in shift-invert mode (ARPACK + SuperLU), sigma = -1e-3·‖L_1‖
(largest absolute column sum), the shift topospec uses.

    python3 benchmarks/peer_scipy_eigsh.py NX [NY NZ]      (NY = NZ = NX when omitted)

Prints the sizes, the build time, the eigsh time and the eigenvalues. Exits 0 with a message
when scipy is not importable (the peer is then skipped).
"""
import itertools
import sys
import time

try:
    import numpy as np
    import scipy
    import scipy.sparse as sp
    from scipy.sparse.linalg import eigsh
except ImportError as e:  # the peer is optional
    print(f"peer_scipy_eigsh: skipped, {e} (pip install scipy)")
    sys.exit(0)


def freudenthal_2_skeleton(nx, ny, nz):
    """Edges and triangles (sorted vertex tuples, lexicographic order) of the Freudenthal
    triangulation of [0,nx]×[0,ny]×[0,nz]: per cube and per order of the axes, the tetrahedron
    (v, v+e_a, v+e_a+e_b, v+e_a+e_b+e_c). Vertex (x, y, z) has id x + (nx+1)(y + (ny+1) z), as in
    laplacian_benchmark.cpp."""
    x, y, z = np.meshgrid(np.arange(nx), np.arange(ny), np.arange(nz), indexing="ij")
    base = np.stack([x.ravel(), y.ravel(), z.ravel()], axis=1)
    vid = lambda p: p[:, 0] + (nx + 1) * (p[:, 1] + (ny + 1) * p[:, 2])
    tets = []
    for order in itertools.permutations(range(3)):
        p = base.copy()
        verts = [vid(p)]
        for axis in order:
            p[:, axis] += 1
            verts.append(vid(p))
        tets.append(np.stack(verts, axis=1))
    tets = np.sort(np.concatenate(tets), axis=1).astype(np.int64)
    tri = np.unique(np.concatenate([tets[:, [0, 1, 2]], tets[:, [0, 1, 3]], tets[:, [0, 2, 3]],
                                    tets[:, [1, 2, 3]]]), axis=0)
    edges = np.unique(np.concatenate([tri[:, [0, 1]], tri[:, [0, 2]], tri[:, [1, 2]]]), axis=0)
    return (nx + 1) * (ny + 1) * (nz + 1), edges, tri


def hodge_l1(nv, edges, tri):
    ne, nt = len(edges), len(tri)
    # B_1: column e = [a, b] has -1 at a, +1 at b.
    b1 = sp.csc_matrix((np.concatenate([-np.ones(ne), np.ones(ne)]),
                        (np.concatenate([edges[:, 0], edges[:, 1]]),
                         np.concatenate([np.arange(ne)] * 2))), shape=(nv, ne))
    # B_2: column [a, b, c] has +[b, c] - [a, c] + [a, b].
    key = edges[:, 0] * nv + edges[:, 1]
    def edge_index(u, v):
        return np.searchsorted(key, u * nv + v)
    rows = np.concatenate([edge_index(tri[:, 1], tri[:, 2]), edge_index(tri[:, 0], tri[:, 2]),
                           edge_index(tri[:, 0], tri[:, 1])])
    vals = np.concatenate([np.ones(nt), -np.ones(nt), np.ones(nt)])
    b2 = sp.csc_matrix((vals, (rows, np.concatenate([np.arange(nt)] * 3))), shape=(ne, nt))
    l1 = (b1.T @ b1 + b2 @ b2.T).tocsc()
    l1.eliminate_zeros()
    return l1


def main():
    dims = [int(a) for a in sys.argv[1:4]] or [24]
    nx, ny, nz = dims if len(dims) == 3 else (dims[0],) * 3
    k = 10
    t0 = time.perf_counter()
    nv, edges, tri = freudenthal_2_skeleton(nx, ny, nz)
    l1 = hodge_l1(nv, edges, tri)
    t1 = time.perf_counter()
    sigma = -1e-3 * abs(l1).sum(axis=0).max()
    ev = eigsh(l1, k=k, sigma=sigma, which="LM", return_eigenvectors=False)
    t2 = time.perf_counter()
    print(f"scipy {scipy.__version__} numpy {np.__version__}")
    print(f"box={nx}x{ny}x{nz} vertices={nv} edges={len(edges)} triangles={len(tri)} nnz(L1)={l1.nnz}")
    print(f"build_s={t1 - t0:.3f} eigsh_s={t2 - t1:.3f} sigma={sigma:.6g}")
    print("eigenvalues", " ".join(f"{v:.12g}" for v in np.sort(ev)))


if __name__ == "__main__":
    main()

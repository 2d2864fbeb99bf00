#!/usr/bin/env python3
"""PETLS workload (shared/benchmarks/petls-workload.md): export the presets for topospec, run
PETLS on the same export, compare spectra.

  peer_petls.py export quick|medium|grid OUTDIR     (python with gudhi + numpy, e.g. /usr/bin/python3)
  peer_petls.py petls FILE OUT                 (python with petls + numpy)
  peer_petls.py compare A B                    (any python3 with numpy)

Export format (text, one file per dataset): a header line "topospec-filtration 1", then
"simplices N", N lines "v0 … vq value" (value = GUDHI's squared alpha radius, printed with
repr so it round-trips exactly), then "requests M", M lines "dim a b" with a, b exact
filtration values. Spectra files: one line per request, "dim a b : λ1 λ2 …" ascending.
"""
import sys
import time


def points(kind, n):
    import numpy as np
    rng = np.random.default_rng(42)
    if kind == "torus":
        c, a = 3.0, 1.0
        theta = rng.random(n) * 2 * np.pi
        phi = rng.random(n) * 2 * np.pi
        pts = np.stack([(c + a * np.cos(theta)) * np.cos(phi), (c + a * np.cos(theta)) * np.sin(phi),
                        a * np.sin(theta)], axis=1)
        return pts + 0.05 * rng.standard_normal((n, 3))
    theta = rng.random(n) * 2 * np.pi
    phi = rng.random(n) * np.pi
    pts = np.stack([np.cos(theta) * np.cos(phi), np.cos(theta) * np.sin(phi), np.sin(theta)], axis=1)
    return pts + 0.02 * rng.standard_normal((n, 3))


PRESETS = {"quick": [("torus", 500, 2, 8), ("sphere", 300, 2, 8)], "medium": [("torus", 500, 3, 16)],
           # The CUDA issue's grid: the medium complex, every pair a ≤ b of its 16 sampled values.
           "grid": [("torus", 500, 3, 16)]}


def export(preset, outdir):
    import os
    import gudhi
    import numpy as np
    os.makedirs(outdir, exist_ok=True)
    for kind, n, max_dim, k in PRESETS[preset]:
        st = gudhi.AlphaComplex(points=points(kind, n)).create_simplex_tree()
        simplices = sorted(((len(s), s, v) for s, v in st.get_filtration() if len(s) <= max_dim + 1),
                           key=lambda t: (t[0], t[1]))
        values = sorted({v for _, _, v in simplices})
        # PETLS samples the distinct alpha radii; sqrt is monotone, so the same indices of the
        # distinct squared radii pick the same values (a = r²).
        sampled = [values[i] for i in np.linspace(0, len(values) - 1, k, dtype=int)]
        if preset == "grid":
            requests = [(d, sampled[i], sampled[j]) for i in range(k) for j in range(i, k)
                        for d in range(max_dim + 1)]
        else:
            requests = [(d, sampled[i], sampled[i + 1]) for i in range(k - 1) for d in range(max_dim + 1)]
            requests += [(d, sampled[-1], sampled[-1]) for d in range(max_dim + 1)]
        suffix = "_grid" if preset == "grid" else ""
        path = os.path.join(outdir, f"{kind}{n}_d{max_dim}{suffix}.txt")
        with open(path, "w") as f:
            f.write("topospec-filtration 1\n")
            f.write(f"simplices {len(simplices)}\n")
            for _, s, v in simplices:
                f.write(" ".join(map(str, s)) + " " + repr(float(v)) + "\n")
            f.write(f"requests {len(requests)}\n")
            for d, a, b in requests:
                f.write(f"{d} {float(a)!r} {float(b)!r}\n")
        print(path)


def read_export(path):
    with open(path) as f:
        assert f.readline().split() == ["topospec-filtration", "1"]
        n = int(f.readline().split()[1])
        simplices = []
        for _ in range(n):
            *verts, v = f.readline().split()
            simplices.append((tuple(int(x) for x in verts), float(v)))
        m = int(f.readline().split()[1])
        requests = []
        for _ in range(m):
            d, a, b = f.readline().split()
            requests.append((int(d), float(a), float(b)))
    return simplices, requests


def run_petls(path, out):
    import numpy as np
    import petls
    from scipy.sparse import coo_matrix
    simplices, requests = read_export(path)
    t0 = time.perf_counter()
    top = max(len(s) for s, _ in simplices) - 1
    by_dim = [[] for _ in range(top + 1)]
    for s, v in simplices:
        by_dim[len(s) - 1].append((s, v))
    # PETLS finds K_a as a prefix of each degree's columns (FilteredBoundaryMatrix), so cells go
    # in filtration order; spectra do not depend on the basis order.
    for cells in by_dim:
        cells.sort(key=lambda sv: (sv[1], sv[0]))
    index = [{s: i for i, (s, _) in enumerate(cells)} for cells in by_dim]
    boundaries, filtrations = [], []
    for q in range(top + 1):
        filtrations.append([float(np.sqrt(v)) for _, v in by_dim[q]])  # PETLS: alpha radius
    for q in range(1, top + 1):
        rows, cols, vals = [], [], []
        for j, (s, _) in enumerate(by_dim[q]):
            for i in range(len(s)):
                rows.append(index[q - 1][s[:i] + s[i + 1:]])
                cols.append(j)
                vals.append((-1) ** i)
        boundaries.append(coo_matrix((vals, (rows, cols)), shape=(len(by_dim[q - 1]), len(by_dim[q]))).tocsc())
    # eigs_Algorithm="selfadjoint": PETLS's C++ dense float32 solver (its C++ default). The Python
    # default ("eigvalsh", scipy) ignores request_list in petls 1.0.1 and computes every pair of
    # consecutive filtration values instead.
    complex_ = petls.Complex(boundaries, filtrations, eigs_Algorithm="selfadjoint")
    t1 = time.perf_counter()
    reqs = [(d, float(np.sqrt(a)), float(np.sqrt(b))) for d, a, b in requests]
    spectra = complex_.spectra(request_list=reqs)
    t2 = time.perf_counter()
    with open(out, "w") as f:
        for (d, a, b), item in zip(requests, spectra):
            ev = item[-1] if isinstance(item, (tuple, list)) and len(item) == 4 else item
            f.write(f"{d} {a!r} {b!r} : " + " ".join(repr(float(x)) for x in sorted(ev)) + "\n")
    print(f"petls build_s={t1 - t0:.3f} spectra_s={t2 - t1:.3f}")


def read_spectra(path):
    out = []
    with open(path) as f:
        for line in f:
            head, _, tail = line.partition(":")
            out.append((head.split(), [float(x) for x in tail.split()]))
    return out


def compare(a_path, b_path):
    import numpy as np
    a, b = read_spectra(a_path), read_spectra(b_path)
    assert len(a) == len(b), (len(a), len(b))
    worst_rel, worst_abs, size_mismatch = 0.0, 0.0, 0
    for (ha, va), (hb, vb) in zip(a, b):
        if len(va) != len(vb):
            size_mismatch += 1
            continue
        if not va:
            continue
        va, vb = np.array(va), np.array(vb)
        scale = max(np.abs(va).max(), 1.0)
        diff = np.abs(va - vb)
        worst_abs = max(worst_abs, diff.max())
        # Relative to each eigenvalue, but near-zero ones (below 1e-3·scale) compare absolutely
        # against the operator's scale: PETLS rounds and computes in float32.
        denom = np.maximum(np.abs(va), 1e-3 * scale)
        worst_rel = max(worst_rel, (diff / denom).max())
    print(f"requests={len(a)} size_mismatch={size_mismatch} max_rel={worst_rel:.3g} max_abs={worst_abs:.3g}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "export":
        export(sys.argv[2], sys.argv[3])
    elif cmd == "petls":
        run_petls(sys.argv[2], sys.argv[3])
    elif cmd == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: peer_petls.py export|petls|compare …")

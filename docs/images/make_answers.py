#!/usr/bin/env python3
"""Writes the answer JSON files behind the pictures in docs/images/ (see README.md there).

    /usr/bin/python3 docs/images/make_answers.py OUT_DIR

OUT_DIR/circle.json    barcode (Vietoris-Rips, GUDHI) of 40 noisy points on a circle
OUT_DIR/torus.json     barcode (alpha complex, GUDHI) of 400 noisy points on a torus
OUT_DIR/c20.json       spectral_curves of the C20 fullerene (REFERENCE.md section 3.2)
OUT_DIR/pl.json        persistent_laplacian_spectrum of a Rips filtration of 9 points (numpy)

Each answer has the shape of spec/CASES.md, as `topospec compute` prints it. The inputs are
also written as case files (*-case.json) so that topospec can recompute them.
"""
import itertools
import json
import os
import sys

import numpy as np


def barcode_json(persistence):
    bars = {}
    for dim, (birth, death) in persistence:
        if death == birth:
            continue  # zero-length bars are not reported
        bars.setdefault(str(dim), []).append([float(birth), None if death == float("inf") else float(death)])
    return {q: sorted(b, key=lambda x: (x[0], float("inf") if x[1] is None else x[1]))
            for q, b in sorted(bars.items())}


def noisy_circle(n, noise, rng):
    t = rng.uniform(0, 2 * np.pi, n)
    return np.c_[np.cos(t), np.sin(t)] + rng.normal(0, noise, (n, 2))


def noisy_torus(n, big, small, noise, rng):
    u, v = rng.uniform(0, 2 * np.pi, (2, n))
    p = np.c_[(big + small * np.cos(v)) * np.cos(u), (big + small * np.cos(v)) * np.sin(u),
              small * np.sin(v)]
    return p + rng.normal(0, noise, p.shape)


def rips_filtration(points):
    """All simplices of dimension <= 2 with their diameter (distance convention of CASES.md)."""
    n = len(points)
    d = np.linalg.norm(points[:, None] - points[None, :], axis=2)
    value = {}
    for k in range(1, 4):
        for s in itertools.combinations(range(n), k):
            value[s] = max((d[i, j] for i, j in itertools.combinations(s, 2)), default=0.0)
    return value


def boundary(rows, cols):
    """Boundary matrix from the simplices `cols` (q+1) to `rows` (q), alternating signs."""
    index = {s: i for i, s in enumerate(rows)}
    b = np.zeros((len(rows), len(cols)))
    for j, s in enumerate(cols):
        for i in range(len(s)):
            b[index[s[:i] + s[i + 1:]], j] = (-1) ** i
    return b


def persistent_laplacian(value, q, a, b):
    """Eigenvalues of Delta_q^{a,b} = d^{a,b}_{q+1} (d^{a,b}_{q+1})^T + (d_q^a)^T d_q^a."""
    cq_a = sorted(s for s, v in value.items() if len(s) == q + 1 and v <= a)
    cqm_a = sorted(s for s, v in value.items() if len(s) == q and v <= a)
    cq_b = sorted(s for s, v in value.items() if len(s) == q + 1 and v <= b)
    cqp_b = sorted(s for s, v in value.items() if len(s) == q + 2 and v <= b)
    if not cq_a:
        return []
    down = boundary(cqm_a, cq_a) if q > 0 else np.zeros((0, len(cq_a)))
    lap = down.T @ down
    if cqp_b:
        full = boundary(cq_b, cqp_b)
        in_a = set(cq_a)
        outside = [i for i, s in enumerate(cq_b) if s not in in_a]
        inside = [i for i, s in enumerate(cq_b) if s in in_a]
        # C^{a,b}_{q+1}: chains whose boundary lies in K_a (orthonormal basis of the null space)
        if outside:
            _, sv, vt = np.linalg.svd(full[outside], full_matrices=True)
            rank = int((sv > 1e-10 * max(1.0, sv.max(initial=0))).sum())
            z = vt[rank:].T
        else:
            z = np.eye(len(cqp_b))
        up = full[inside] @ z
        lap = lap + up @ up.T
    ev = np.linalg.eigvalsh(lap)
    return [0.0 if abs(x) < 1e-12 else round(float(x), 10) for x in ev]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(2024)
    import gudhi

    def dump(name, obj):
        with open(os.path.join(out, name), "w") as f:
            json.dump(obj, f, indent=1)
            f.write("\n")

    circle = noisy_circle(40, 0.08, rng)
    st = gudhi.RipsComplex(points=circle).create_simplex_tree(max_dimension=2)
    dump("circle.json", {"barcode": barcode_json(st.persistence(homology_coeff_field=2, min_persistence=0))})
    dump("circle-case.json", {"format": "topospec-case/1", "name": "noisy circle",
                              "input": {"type": "point_cloud", "points": circle.round(6).tolist(), "complex": "rips"},
                              "want": ["barcode"]})

    torus = noisy_torus(400, 2.0, 0.8, 0.03, rng)
    st = gudhi.AlphaComplex(points=torus).create_simplex_tree()
    pers = [p for p in st.persistence(homology_coeff_field=2, min_persistence=0) if p[0] <= 2]
    dump("torus.json", {"barcode": barcode_json(pers)})
    dump("torus-case.json", {"format": "topospec-case/1", "name": "noisy torus",
                             "input": {"type": "point_cloud", "points": torus.round(6).tolist(), "complex": "alpha"},
                             "options": {"max_dim": 2}, "want": ["barcode"]})

    # C20 fullerene, REFERENCE.md section 3.2: rows at r = 0, 0.73, 1.18, 1.66, 1.90, 2.03;
    # a simplex enters at distance d = 2r.
    rows = [(0.00, [20, 0], [0, 0]), (0.73, [1, 11], [0.7639, 0.7639]),
            (1.18, [1, 0], [4.7639, 1.0814]), (1.66, [1, 0], [12.7639, 6.6674]),
            (1.90, [1, 0], [18, 16]), (2.03, [1, 0], [20, 20])]
    dump("c20.json", {"spectral_curves": [{"value": round(2 * r, 2), "betti": b, "lambda_min": l}
                                          for r, b, l in rows]})
    # The same molecule in closed form (a regular dodecahedron, cube vertices at ±s as in the
    # seed paper's C20.xyz), sampled finely for topospec compute.
    s, phi = 1.170639, (1 + 5 ** 0.5) / 2
    c20 = [[s * x, s * y, s * z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)]
    for a, b in itertools.product((-1, 1), repeat=2):
        c20 += [[0, s * a / phi, s * b * phi], [s * a / phi, s * b * phi, 0], [s * a * phi, 0, s * b / phi]]
    dump("c20-fine-case.json", {"format": "topospec-case/1", "name": "C20 fullerene",
                                "input": {"type": "point_cloud", "points": c20},
                                "options": {"max_dim": 1, "values": [round(0.02 * i, 2) for i in range(226)]},
                                "want": ["spectral_curves"]})

    points = noisy_circle(9, 0.1, rng)
    value = rips_filtration(points)
    grid = sorted({round(v, 2) for v in np.quantile([v for s, v in value.items() if len(s) == 2],
                                                     np.linspace(0.05, 0.75, 8))})
    entries = []
    for q in (0, 1):
        for a in grid:
            for b in grid:
                if a <= b:
                    entries.append({"dim": q, "a": a, "b": b,
                                    "eigenvalues": persistent_laplacian(value, q, a, b)})
    dump("pl.json", {"persistent_laplacian_spectrum": entries})
    dump("pl-case.json", {"format": "topospec-case/1", "name": "9 points on a circle",
                          "input": {"type": "point_cloud", "points": points.round(6).tolist(), "complex": "rips"},
                          "options": {"max_dim": 1, "requests": [{"dim": e["dim"], "a": e["a"], "b": e["b"]} for e in entries]},
                          "want": ["persistent_laplacian_spectrum"]})


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""make_suite.py: builds and checks the reference suite verify/suite/*.json.

    /usr/bin/python3 verify/suite/tools/make_suite.py            # regenerate, then check
    /usr/bin/python3 verify/suite/tools/make_suite.py --check    # only check the committed files
    /usr/bin/python3 verify/suite/tools/make_suite.py --only NAME [NAME …]

Environment: TOPOSPEC (default build/apps/topospec/topospec), PYTHON (default /usr/bin/python3).

Each case below is a concise definition: the complex (written out, or built by a small helper
from a written-out triangulation) or another input (a filtered complex, a point cloud, a
distance matrix, a digraph or a hypergraph, written out or generated from a fixed seed or
rule), the options, the wanted
quantities and, for some quantities, a *closed form* (a value from REFERENCE §3.1–3.5, a theorem
or a formula, typed or computed here from the formula, never from a candidate).  For every case
the generator

  1. asks both independent methods, the topospec library (`topospec compute -`) and
     verify/candidates/correct.py, for every wanted quantity, through stdin as a candidate;
  2. requires them to agree: integers exactly, spectra to 1e-9, harmonic bases as subspaces
     (‖P − P'‖₂ ≤ 1e-9);
  3. requires every closed-form value to agree with both answers in the same way (or to the
     case's `closed_tol` for values printed to a few decimals: the C20 table, 1e-4); for cases
     marked `gudhi`, also computes the Rips barcode with GUDHI (a third method; needs the
     `gudhi` module, as /usr/bin/python3 has) and requires it to agree with both;
  4. writes `expect`: the closed form where there is one, otherwise the (agreed) library
     value; spectra and basis vectors rounded to 12 significant digits.  The `source` field
     names the closed-form source for the quantities that have one and "two independent
     methods" for the rest.

The check (always run after generating, or alone with --check) reads the written files back,
runs both methods on each case without its `expect`, and compares the answers with `expect`
the way shared/spec/CASES.md says (integers exactly, degree lists over the expected length,
torsion as sorted lists, spectra elementwise within abs + rel·|expected|, harmonic bases as
subspaces via orthogonal projectors).  It also checks the case format (name = file name,
kebab-case, required fields).  The README table is regenerated with the files.
"""

import json
import math
import os
import re
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SUITE = HERE.parent
ROOT = SUITE.parent.parent
TOPOSPEC = os.environ.get("TOPOSPEC", str(ROOT / "build/apps/topospec/topospec"))
PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")
CORRECT = ROOT / "verify/candidates/correct.py"

FORMAT = "topospec-case/1"
TOL = {"abs": 1e-8, "rel": 1e-8}
AGREE = 1e-9  # two methods / closed form must agree this closely on reals

SEED = "Liu–Shen–Wei, ChatGPT for Computational Topology, arXiv:2310.07570 / REFERENCE §3.1"
TWO = ("two independent methods: topospec library and verify/candidates/correct.py "
       "(exact rational elimination over Q, elimination mod p, integer Smith normal form; "
       "NumPy eigvalsh for spectra)")
TWO_FILTERED = ("two independent methods: topospec library and verify/candidates/correct.py "
                "(barcodes by exact column reduction over Q (Fractions) or Z/p; persistent "
                "Laplacians in the projection form with an SVD basis of ker R_N; NumPy eigvalsh)")
TWO_SUBSPACE = ("two independent methods: topospec library and verify/candidates/correct.py "
                "(Ω of the allowed paths / Inf of the hyperedges by exact column reduction over Q "
                "(Fractions) or Z/p, filtration-adapted; exact ranks; barcodes by exact column "
                "reduction; Laplacians in a QR-orthonormalised Ω basis; persistent Laplacians in "
                "the projection form with an exact basis of C^{a,b}; NumPy eigvalsh)")
THREE = ("three independent methods: topospec library, verify/candidates/correct.py (exact "
         "column reduction) and GUDHI {version} RipsComplex persistence (Z/{field})")

INTEGER_KEYS = ("chain_dims", "betti", "boundary_ranks", "euler_characteristic")
SPECTRA_KEYS = ("laplacian_spectrum", "up_laplacian_spectrum", "down_laplacian_spectrum",
                "dirac_spectrum_by_degree")
PERSISTENT_SPECTRA_KEYS = ("persistent_laplacian_spectrum", "persistent_dirac_spectrum")
FILTERED_KEYS = ("barcode", "persistent_betti") + PERSISTENT_SPECTRA_KEYS + \
    ("persistent_harmonic_basis", "spectral_curves")
REAL_KEYS = SPECTRA_KEYS + ("dirac_spectrum", "harmonic_basis", "barcode") + \
    PERSISTENT_SPECTRA_KEYS + ("persistent_harmonic_basis", "spectral_curves")
ALL_KEYS = INTEGER_KEYS + ("torsion",) + SPECTRA_KEYS + ("dirac_spectrum", "harmonic_basis") + \
    FILTERED_KEYS
COEFF_TAG = {"Q": "q", "Z2": "z2", "Z": "z"}


# =============================================================================================
# Complexes, written out or built from written-out pieces


def boundary_of_simplex(vertices):
    """∂Δ: every facet of the simplex on `vertices` (an (n−1)-sphere)."""
    return [list(f) for f in combinations(vertices, len(vertices) - 1)]


# Möbius–Császár 7-vertex torus: {i, i+1, i+3} and {i, i+2, i+3} mod 7.
TORUS7 = [sorted([i, (i + 1) % 7, (i + 3) % 7]) for i in range(7)] + \
         [sorted([i, (i + 2) % 7, (i + 3) % 7]) for i in range(7)]

# Six-vertex RP² (hemi-icosahedron), vertices 1..6.
RP2_6 = [[1, 2, 3], [1, 3, 4], [1, 4, 5], [1, 5, 6], [1, 2, 6],
         [2, 3, 5], [2, 4, 5], [2, 4, 6], [3, 4, 6], [3, 5, 6]]

# Five-vertex Möbius band: {i, i+1, i+2} mod 5.
MOBIUS5 = [sorted([i, (i + 1) % 5, (i + 2) % 5]) for i in range(5)]

# Minimal (8-vertex, 17-triangle) dunce hat of Hachimori, as SageMath's
# simplicial_complexes.DunceHat() (vertices 1..8).
DUNCE8 = [[1, 3, 5], [2, 3, 5], [2, 4, 5], [1, 2, 4], [1, 3, 4], [3, 4, 8], [1, 2, 8],
          [1, 7, 8], [1, 2, 7], [2, 3, 7], [3, 6, 7], [1, 3, 6], [1, 5, 6], [4, 5, 6],
          [4, 6, 8], [6, 7, 8], [2, 3, 8]]

# Octahedron (seed S3): the 8 triangles only (the closure supplies the rest).
OCTAHEDRON = [[0, 1, 2], [0, 1, 4], [0, 2, 3], [0, 3, 4], [1, 2, 5], [1, 4, 5], [2, 3, 5],
              [3, 4, 5]]

# Seed S1 exactly as the seed code lists it (closed, sorted, by dimension).
S1 = [[1], [2], [3], [4], [5], [1, 2], [2, 3], [2, 4], [3, 4], [2, 3, 4]]

# Seed S4 "tetrahedron complex".
S4 = [[0, 1, 2], [0, 1, 4], [0, 2, 3], [0, 3, 4], [1, 2, 5], [1, 4, 5], [2, 3, 4], [2, 3, 5],
      [2, 4, 5], [3, 4, 5], [2, 3, 4, 5]]

HEXAGON = [[0], [1], [2], [3], [4], [5], [0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [0, 5]]
HEXAGON_RELABELLED = [[0, 1], [0, 2], [1, 4], [2, 3], [3, 5], [4, 5]]

# The simplicial complex the seed's Rips demo produces.
RIPS_DEMO = [[0, 1], [0, 2], [1, 2], [1, 3], [2, 3], [3, 4], [0, 1, 2], [1, 2, 3]]


def klein9():
    """Klein bottle: the 3×3 grid on (Z/3)², vertex (a, b) → id 3a + b; every square split
    along its (i, j)–(i+1, j+1) diagonal; the side a = 3 is glued to a = 0 with a flip
    (3, b) ~ (0, −b)."""
    def vid(i, j):
        if i == 3:
            i, j = 0, -j
        return 3 * (i % 3) + (j % 3)
    tris = []
    for i in range(3):
        for j in range(3):
            a, b, c, d = vid(i, j), vid(i + 1, j), vid(i, j + 1), vid(i + 1, j + 1)
            tris += [sorted([a, b, d]), sorted([a, c, d])]
    return tris


def moore(n, circle=(10, 20, 30), inner=100, centre=999):
    """Moore space M(Z/n, 1): a disk whose boundary 3n-gon wraps n times around the 3-cycle
    circle[0]→circle[1]→circle[2]→circle[0].  Annulus: triangles (o_i, o_{i+1}, r_i) and
    (o_{i+1}, r_i, r_{i+1}) with o_i = circle[i mod 3] and r_i = inner + i (3n new vertices);
    the inner 3n-cycle is coned from `centre`.  f = (3n+4, 12n+3, 9n)."""
    m = 3 * n
    o = [circle[i % 3] for i in range(m)]
    r = [inner + i for i in range(m)]
    tris = []
    for i in range(m):
        j = (i + 1) % m
        tris += [sorted([o[i], o[j], r[i]]), sorted([o[j], r[i], r[j]]),
                 sorted([r[i], r[j], centre])]
    return tris


def relabel(simplices, mapping):
    return [[mapping[v] for v in s] for s in simplices]


def shift(simplices, offset, keep=()):
    """Add `offset` to every vertex id except those in `keep` (used for wedges)."""
    return [[v if v in keep else v + offset for v in s] for s in simplices]


def suspension(simplices, north, south):
    return [list(s) + [north] for s in simplices] + [list(s) + [south] for s in simplices]


# =============================================================================================
# Sanity checks of the written-out triangulations (independent of both methods)


def all_faces(simplices):
    faces = set()
    for s in simplices:
        s = tuple(sorted(s))
        for k in range(1, len(s) + 1):
            faces.update(combinations(s, k))
    return faces


def check_surface(triangles, with_boundary=False):
    """A closed (or bounded) combinatorial surface: distinct triangles, every edge in exactly
    2 triangles (1 or 2 on a surface with boundary), every vertex link a single cycle (or
    path)."""
    tris = [tuple(sorted(t)) for t in triangles]
    assert len(set(tris)) == len(tris) and all(len(set(t)) == 3 for t in tris)
    edge_count = {}
    for t in tris:
        for e in combinations(t, 2):
            edge_count[e] = edge_count.get(e, 0) + 1
    allowed = {1, 2} if with_boundary else {2}
    assert set(edge_count.values()) <= allowed, edge_count
    for v in {x for t in tris for x in t}:
        link = [tuple(x for x in t if x != v) for t in tris if v in t]
        adj = {}
        for a, b in link:
            adj.setdefault(a, []).append(b)
            adj.setdefault(b, []).append(a)
        seen, stack = set(), [next(iter(adj))]
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack += adj[x]
        assert seen == set(adj), f"link of {v} is disconnected"
        degrees = sorted(len(n) for n in adj.values())
        if not with_boundary:
            assert all(d == 2 for d in degrees), f"link of {v} is not a cycle"
    return True


def check_dunce_hat(triangles):
    """Zeeman's dunce hat: every edge in 2 triangles except the 3 edges of the glued side,
    which lie in 3 each and form a 3-cycle; the link condition fails only along that cycle."""
    edge_count = {}
    for t in triangles:
        for e in combinations(sorted(t), 2):
            edge_count[e] = edge_count.get(e, 0) + 1
    triple = sorted(e for e, c in edge_count.items() if c == 3)
    assert set(edge_count.values()) == {2, 3} and len(triple) == 3, edge_count
    assert len({v for e in triple for v in e}) == 3, triple  # a 3-cycle
    return True


check_surface(TORUS7)
check_surface(RP2_6)
check_surface(klein9())
check_surface(OCTAHEDRON)
check_surface(boundary_of_simplex([0, 1, 2, 3]))
check_surface(MOBIUS5, with_boundary=True)
check_dunce_hat(DUNCE8)
assert len(TORUS7) == 14 and len(klein9()) == 18


def f_vector(simplices):
    faces = all_faces(simplices)
    top = max((len(f) for f in faces), default=0)
    return [sum(1 for f in faces if len(f) == k + 1) for k in range(top)]


# Hand-counted f-vectors of the written-out triangulations.
assert f_vector(TORUS7) == [7, 21, 14]
assert f_vector(klein9()) == [9, 27, 18]
assert f_vector(RP2_6) == [6, 15, 10]
assert f_vector(MOBIUS5) == [5, 10, 5]
assert f_vector(DUNCE8) == [8, 24, 17]
assert f_vector(moore(3)) == [13, 39, 27] and f_vector(moore(4)) == [16, 51, 36]


# =============================================================================================
# Closed forms


def r12(x):
    """12 significant digits; values within 1e-9 of 0 become 0.0."""
    x = float(x)
    return 0.0 if abs(x) <= 1e-9 else float(f"{x:.12g}")


def spec(values):
    return sorted(r12(v) for v in values)


def rep(value, count):
    return [value] * count


def sphere_spectra(n):
    """∂Δ^{n+1} (N = n + 2 vertices).  The full simplex on N vertices has L_q = N·I for
    0 < q < N−1 and L_0 = N·I − J; its down part is N times the projector onto im B_qᵀ
    (rank B_q = C(N−1, q)) and its up part N times the projector onto im B_{q+1}.  The
    boundary sphere loses only the top up term, so L_n = N·I − b bᵀ (|b|² = N): one 0.
    Returns L, up, down: dict q → spectrum for q = 0 … n."""
    N = n + 2
    L, up, down = {}, {}, {}
    for q in range(n + 1):
        nq = math.comb(N, q + 1)
        rk_q = math.comb(N - 1, q) if q >= 1 else 0  # rank B_q
        rk_q1 = math.comb(N - 1, q + 1) if q < n else 0  # rank B_{q+1} (none at the top)
        down[str(q)] = spec(rep(0, nq - rk_q) + rep(N, rk_q))
        up[str(q)] = spec(rep(0, nq - rk_q1) + rep(N, rk_q1))
        zeros = 1 if q in (0, n) else 0
        L[str(q)] = spec(rep(0, zeros) + rep(N, nq - zeros))
    return L, up, down


def full_simplex_spectra(n):
    """Full n-simplex (N = n + 1 vertices): L_0 = N·I − J, L_q = N·I for q ≥ 1 (every nonzero
    eigenvalue is N)."""
    N = n + 1
    return {str(q): spec(rep(0, 1 if q == 0 else 0) +
                         rep(N, math.comb(N, q + 1) - (1 if q == 0 else 0)))
            for q in range(n + 1)}


def dirac_from_laplacians(L, zeros):
    """spec D = ±√λ for the nonzero λ of the up parts (each nonzero eigenvalue of D² = ⊕L_q
    shows up twice, once in L_{q-1} and once in L_q), plus Σβ zeros.  Given all L_q spectra:
    the nonzero eigenvalues of ⊕L_q pair up into ±√λ."""
    nonzero = sorted(v for q in L for v in L[q] if v != 0)
    assert len(nonzero) % 2 == 0
    half = nonzero[::2]  # each λ of D² appears twice, ±√λ
    assert half == nonzero[1::2]
    return spec([-math.sqrt(v) for v in half] + rep(0, zeros) + [math.sqrt(v) for v in half])


def cycle_spectrum(n):
    return spec(2 - 2 * math.cos(2 * math.pi * k / n) for k in range(n))


def path_spectrum(n):
    return spec(2 - 2 * math.cos(math.pi * k / n) for k in range(n))


def orthonormal(vectors):
    """Orthonormal basis (rows) of the span of `vectors` (Gram–Schmidt on exact input)."""
    out = []
    for v in vectors:
        w = np.array(v, dtype=float)
        for u in out:
            w = w - np.dot(w, u) * u
        norm = np.linalg.norm(w)
        assert norm > 1e-9
        out.append(w / norm)
    return [[r12(x) for x in u] for u in out]


def harmonic(cells, vectors_by_cell):
    """A closed-form harmonic space of one degree: `cells` (the q-simplices, sorted as the
    answer lists them) and basis vectors given as {cell: coefficient} dicts."""
    cells = sorted(tuple(sorted(c)) for c in cells)
    vectors = [[coeffs.get(c, 0) for c in cells] for coeffs in vectors_by_cell]
    return {"cells": [list(c) for c in cells], "vectors": orthonormal(vectors) if vectors else []}


def cells_of(simplices, q):
    return sorted(f for f in all_faces(simplices) if len(f) == q + 1)


# =============================================================================================
# The cases


CASES = []


def case(name, description, simplices, want, closed=None, cite=None, options=None, tags=(),
         input=None, tolerance=None, closed_tol=None, gudhi=False):
    """closed: {quantity: closed-form value}; cite: where the closed forms come from.
    input: an input object other than a simplicial_complex (then `simplices` is None);
    tolerance: the case's tolerance (default TOL); closed_tol: how closely the closed forms must
    match both methods (default AGREE; larger for values printed to a few decimals);
    gudhi: the barcode is also computed by GUDHI (a third method) and must agree."""
    closed = closed or {}
    assert set(closed) <= set(want), (name, set(closed) - set(want))
    assert not closed or cite, name
    assert (simplices is None) != (input is None), name
    CASES.append(dict(name=name, description=description, simplices=simplices,
                      want=list(want), closed=closed, cite=cite, options=options or {},
                      tags=list(tags), input=input, tolerance=tolerance, closed_tol=closed_tol,
                      gudhi=gudhi))


BASIC = ["chain_dims", "betti", "euler_characteristic"]
LAP = ["laplacian_spectrum"]
UPDOWN = ["up_laplacian_spectrum", "down_laplacian_spectrum"]

# ---------------------------------------------------------------- the seed paper (REFERENCE §3.1)
S1_L = {"0": [0.0, 0.0, 1.0, 3.0, 4.0], "1": [1.0, 3.0, 3.0, 4.0], "2": [3.0]}
R3 = math.sqrt(3)
S1_DIRAC = spec([-2, -R3, -R3, -1, 0, 0, 1, R3, R3, 2])

case("seed-s1", "Seed example S1: a filled triangle 234 with a pendant edge 12 and an isolated "
     "vertex 5. f = (5,4,1), β = (2,0,0); ev(L_0) = {0,0,1,3,4}, ev(L_1) = {1,3,3,4}, ev(L_2) = {3}.",
     S1, BASIC + ["boundary_ranks"] + LAP,
     closed={"chain_dims": [5, 4, 1], "betti": [2, 0, 0], "euler_characteristic": 2,
             "boundary_ranks": [3, 1, 0], "laplacian_spectrum": S1_L},
     cite=SEED + " (boundary_ranks: ranks of the printed B_1, B_2)",
     tags=["seed-paper", "spectra"])
case("seed-s1-dirac", "Seed example S1: Dirac operator over C_0 ⊕ C_1 ⊕ C_2 (10×10), "
     "ev {±2, ±√3, ±√3, ±1, 0, 0}; per-degree Dirac operators D_0, D_1, D_2.",
     S1, ["dirac_spectrum", "dirac_spectrum_by_degree"],
     closed={"dirac_spectrum": S1_DIRAC}, cite=SEED, tags=["seed-paper", "spectra", "dirac"])
case("seed-s1-up-down", "Seed example S1: the up (B_{q+1}B_{q+1}ᵀ) and down (B_qᵀB_q) parts "
     "of the Hodge Laplacians separately (F8/missing-down-term exposure).",
     S1, UPDOWN, tags=["seed-paper", "spectra", "up-down"])
case("seed-s1-harmonic", "Seed example S1: harmonic 0-chains = locally constant functions, "
     "spanned by the indicators of the components {1,2,3,4} and {5}; no harmonic 1- or 2-chains.",
     S1, ["betti", "harmonic_basis"],
     closed={"betti": [2, 0, 0],
             "harmonic_basis": {
                 "0": harmonic(cells_of(S1, 0), [{(1,): 1, (2,): 1, (3,): 1, (4,): 1}, {(5,): 1}]),
                 "1": harmonic(cells_of(S1, 1), []),
                 "2": harmonic(cells_of(S1, 2), [])}},
     cite=SEED + "; ker L_0 = locally constant functions (Hodge theorem)",
     tags=["seed-paper", "harmonic"])
case("seed-s1-unsorted-unclosed", "Seed example S1 listed unclosed, out of order and with "
     "unsorted vertex lists: [[4,2,3],[2,1],[5],[3,4]]. The closure must be taken (F9): same "
     "answers as seed-s1.",
     [[4, 2, 3], [2, 1], [5], [3, 4]], BASIC + LAP,
     closed={"chain_dims": [5, 4, 1], "betti": [2, 0, 0], "euler_characteristic": 2,
             "laplacian_spectrum": S1_L},
     cite=SEED + "; invariance under listing order", tags=["seed-paper", "edge-case",
                                                           "unsorted-input", "spectra"])
case("seed-s1-max-dim-0", "Seed example S1 with max_dim 0: β = (2), L_0 only, but the Dirac "
     "operator still spans the whole complex C_0 ⊕ C_1 ⊕ C_2.",
     S1, ["betti", "boundary_ranks", "laplacian_spectrum", "dirac_spectrum"],
     options={"max_dim": 0},
     closed={"betti": [2], "boundary_ranks": [3], "laplacian_spectrum": {"0": S1_L["0"]},
             "dirac_spectrum": S1_DIRAC},
     cite=SEED + "; CASES.md (max_dim, Dirac over C_0…C_top)",
     tags=["seed-paper", "max-dim", "edge-case", "spectra", "dirac"])
case("seed-s1-without-triangle", "Seed example S1 without the triangle [2,3,4]: a graph, "
     "β = (2,1), ev(L_1) = {0,1,3,4} (edges only: β_0 is not the vertex count, F3).",
     [[1], [2], [3], [4], [5], [1, 2], [2, 3], [2, 4], [3, 4]], BASIC + LAP,
     closed={"chain_dims": [5, 4], "betti": [2, 1], "euler_characteristic": 1,
             "laplacian_spectrum": {"0": [0.0, 0.0, 1.0, 3.0, 4.0], "1": [0.0, 1.0, 3.0, 4.0]}},
     cite=SEED, tags=["seed-paper", "graph", "spectra"])

HEX_EV = [0.0, 1.0, 1.0, 3.0, 3.0, 4.0]
case("seed-hexagon", "Seed example S2, the hexagon (edges only): β = (1,1) (JL's rips/betti.py "
     "returns [6,1], F3); ev(L_0) = ev(L_1) = {0,1,1,3,3,4}.",
     HEXAGON, BASIC + ["boundary_ranks"] + LAP,
     closed={"chain_dims": [6, 6], "betti": [1, 1], "euler_characteristic": 0,
             "boundary_ranks": [5, 0], "laplacian_spectrum": {"0": HEX_EV, "1": HEX_EV}},
     cite=SEED + " (boundary_ranks: rank–nullity from β)", tags=["seed-paper", "graph", "spectra"])
case("seed-hexagon-relabelled", "Seed example S2 relabelled: edges [0,1],[0,2],[1,4],[2,3],"
     "[3,5],[4,5] (no vertices listed): same β and spectra as the hexagon.",
     HEXAGON_RELABELLED, ["betti"] + LAP,
     closed={"betti": [1, 1], "laplacian_spectrum": {"0": HEX_EV, "1": HEX_EV}},
     cite=SEED, tags=["seed-paper", "graph", "spectra", "relabelled"])
case("seed-hexagon-harmonic", "Seed example S2: H_0 harmonic = the constant vector; H_1 harmonic "
     "= the oriented cycle [0,1]+[1,2]+[2,3]+[3,4]+[4,5]−[0,5].",
     HEXAGON, ["harmonic_basis"],
     closed={"harmonic_basis": {
         "0": harmonic(cells_of(HEXAGON, 0), [{(v,): 1 for v in range(6)}]),
         "1": harmonic(cells_of(HEXAGON, 1), [{(0, 1): 1, (1, 2): 1, (2, 3): 1, (3, 4): 1,
                                               (4, 5): 1, (0, 5): -1}])}},
     cite=SEED + "; a graph's harmonic 1-chains are its cycle space (ker B_1)",
     tags=["seed-paper", "graph", "harmonic"])
case("seed-hexagon-dirac", "Seed example S2: D² = L_0 ⊕ L_1, so spec D = {±1, ±1, ±√3, ±√3, "
     "±2, 0, 0} (0 with multiplicity β_0 + β_1 = 2).",
     HEXAGON, ["dirac_spectrum", "dirac_spectrum_by_degree"],
     closed={"dirac_spectrum": spec([-2, -R3, -R3, -1, -1, 0, 0, 1, 1, R3, R3, 2])},
     cite=SEED + "; D² = ⊕L_q (REFERENCE §1.1)", tags=["seed-paper", "graph", "spectra", "dirac"])

OCT_L = {"0": [0.0, 4.0, 4.0, 4.0, 6.0, 6.0],
         "1": spec([2] * 3 + [4] * 6 + [6] * 3),
         "2": spec([0, 2, 2, 2, 4, 4, 4, 6])}
case("seed-octahedron", "Seed example S3, the octahedron given by its 8 triangles only: "
     "f = (6,12,8), β = (1,0,1) (JL betti.py: [1,0,0], F2); ev(L_0) = {0,4,4,4,6,6}, "
     "ev(L_1) = {2,2,2,4×6,6,6,6}, ev(L_2) = {0,2,2,2,4,4,4,6}.",
     OCTAHEDRON, BASIC + LAP,
     closed={"chain_dims": [6, 12, 8], "betti": [1, 0, 1], "euler_characteristic": 2,
             "laplacian_spectrum": OCT_L},
     cite=SEED, tags=["seed-paper", "sphere", "spectra"])
case("seed-octahedron-z2", "Seed example S3 over Z/2: a sphere, no torsion, so β = (1,0,1) over "
     "every field; boundary ranks (5,7,0) by rank–nullity.",
     OCTAHEDRON, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 0, 1], "boundary_ranks": [5, 7, 0]},
     cite=SEED + "; universal coefficients (S² has no torsion), rank–nullity",
     tags=["seed-paper", "sphere"])
case("seed-octahedron-up-down", "Seed example S3: up and down Laplacian spectra and per-degree "
     "Dirac spectra.", OCTAHEDRON, UPDOWN + ["dirac_spectrum_by_degree"],
     tags=["seed-paper", "sphere", "spectra", "up-down", "dirac"])
case("seed-octahedron-harmonic", "Seed example S3: harmonic space of each degree; H_2 is "
     "spanned by the oriented fundamental class, H_1 = 0.",
     OCTAHEDRON, ["betti", "harmonic_basis"],
     closed={"betti": [1, 0, 1]}, cite=SEED, tags=["seed-paper", "sphere", "harmonic"])

S4_L2_REF = [0, 1.2679, 2, 2.5858, 4, 4, 4, 4.7321, 5.4142, 6]
case("seed-s4-tetrahedron-complex", "Seed example S4: closure of 012, 014, 023, 034, 125, 145, "
     "234, 235, 245, 345, 2345. f = (6,13,10,1), β = (1,0,1,0); ev(L_2) = {0, 1.2679, 2, "
     "2.5858, 4,4,4, 4.7321, 5.4142, 6} (REFERENCE, 4 decimals), ev(L_3) = {4}.",
     S4, BASIC + LAP,
     closed={"chain_dims": [6, 13, 10, 1], "betti": [1, 0, 1, 0], "euler_characteristic": 2},
     cite=SEED + " (the L_2 spectrum printed there to 4 decimals is checked too)",
     tags=["seed-paper", "spectra"])
case("seed-s4-z", "Seed example S4 over Z: free ranks (1,0,1,0), no torsion; boundary ranks.",
     S4, ["betti", "torsion", "boundary_ranks"], options={"coefficients": "Z"},
     closed={"betti": [1, 0, 1, 0]}, cite=SEED, tags=["seed-paper", "torsion"])

S5_L = full_simplex_spectra(5)
case("seed-full-5-simplex", "Seed example S5, the full 5-simplex: f = C(6,q+1), β = (1,0,0,0,"
     "0,0), every nonzero Laplacian eigenvalue is 6.",
     [[0, 1, 2, 3, 4, 5]], BASIC + LAP,
     closed={"chain_dims": [6, 15, 20, 15, 6, 1], "betti": [1, 0, 0, 0, 0, 0],
             "euler_characteristic": 1, "laplacian_spectrum": S5_L},
     cite=SEED + "; spectrum of the full simplex: all nonzero eigenvalues n+1",
     tags=["seed-paper", "spectra"])
case("seed-full-5-simplex-dirac", "Seed example S5: D² = ⊕L_q has every nonzero eigenvalue 6, "
     "so spec D = {−√6 ×31, 0, √6 ×31} (63 cells, Σβ = 1).",
     [[0, 1, 2, 3, 4, 5]], ["dirac_spectrum"],
     closed={"dirac_spectrum": dirac_from_laplacians(S5_L, 1)},
     cite=SEED + "; spectrum of the full simplex, D² = ⊕L_q",
     tags=["seed-paper", "spectra", "dirac"])
case("seed-rips-demo-complex", "The simplicial complex produced by the seed's Rips demo: edges "
     "[0,1],[0,2],[1,2],[1,3],[2,3],[3,4], triangles [0,1,2],[1,2,3]; top dimension 2, "
     "β = (1,0,0).",
     RIPS_DEMO, BASIC + ["boundary_ranks"],
     closed={"chain_dims": [5, 6, 2], "betti": [1, 0, 0], "euler_characteristic": 1,
             "boundary_ranks": [4, 2, 0]},
     cite=SEED + " (f counted from the listing; ranks by rank–nullity)", tags=["seed-paper"])
case("seed-rips-demo-spectra", "Rips demo complex: Hodge Laplacian and Dirac spectra.",
     RIPS_DEMO, LAP + ["dirac_spectrum"], tags=["seed-paper", "spectra", "dirac"])

# ---------------------------------------------------------------- spheres ∂Δ^{n+1}
for n, coeff in ((1, "Q"), (2, "Z2"), (3, "Zp:5"), (4, "Z")):
    verts = list(range(n + 2))
    sph = boundary_of_simplex(verts)
    L, up, down = sphere_spectra(n)
    betti = [1] + [0] * (n - 1) + [1]
    chain = [math.comb(n + 2, q + 1) for q in range(n + 1)]
    ranks = [math.comb(n + 1, q) for q in range(1, n + 1)] + [0]
    want = BASIC + ["boundary_ranks"]
    closed = {"chain_dims": chain, "betti": betti, "euler_characteristic": 1 + (-1) ** n,
              "boundary_ranks": ranks}
    if coeff == "Z":
        want.append("torsion")
        closed["torsion"] = {str(q): [] for q in range(n + 1)}
    else:
        want.append("laplacian_spectrum")
        closed["laplacian_spectrum"] = L
    case(f"sphere-s{n}-simplex-boundary", f"S^{n} as the boundary of the {n + 1}-simplex "
         f"({n + 2} vertices), coefficients {coeff}: β = {tuple(betti)}: the top Betti number "
         f"β_{n} = 1 must be computed (F2).",
         sph, want, options={"coefficients": coeff}, closed=closed,
         cite=f"Betti numbers of S^{n} (no torsion); f = C({n + 2}, q+1); rank ∂_q = C({n + 1}, q) "
              "(rank–nullity); spectrum of the simplex boundary: nonzero eigenvalues n+2",
         tags=["sphere", "top-dimension"] + (["spectra"] if coeff != "Z" else ["torsion"]))

L3, UP3, DOWN3 = sphere_spectra(3)
case("sphere-s3-up-down", "S^3 = ∂Δ^4: up and down Laplacian spectra: every nonzero eigenvalue "
     "is 5, with multiplicities rank B_{q+1} = C(4,q+1) (up, none at the top) and rank B_q = "
     "C(4,q) (down).",
     boundary_of_simplex(range(5)), UPDOWN, closed={"up_laplacian_spectrum": UP3,
                                                    "down_laplacian_spectrum": DOWN3},
     cite="spectrum of the full simplex on N vertices: up/down parts are N times complementary "
          "projectors, rank B_q = C(N−1,q); the boundary sphere drops the top up term",
     tags=["sphere", "spectra", "up-down"])
L4, _, _ = sphere_spectra(4)
case("sphere-s4-spectra", "S^4 = ∂Δ^5: ev(L_q) are 0 (q = 0, 4) and 6 otherwise; spec D = "
     "{−√6 ×30, 0, 0, √6 ×30}.",
     boundary_of_simplex(range(6)), LAP + ["dirac_spectrum"],
     closed={"laplacian_spectrum": L4, "dirac_spectrum": dirac_from_laplacians(L4, 2)},
     cite="spectrum of the simplex boundary: nonzero eigenvalues n+2; D² = ⊕L_q",
     tags=["sphere", "spectra", "dirac", "top-dimension"])
L2S, _, _ = sphere_spectra(2)
TET = boundary_of_simplex([0, 1, 2, 3])
case("sphere-s2-max-dim-0", "S^2 = ∂Δ^3 with max_dim 0: only degree 0 is reported; β_0 = 1, "
     "rank ∂_1 = 3, ev(L_0) = {0,4,4,4}.",
     TET, ["chain_dims", "betti", "boundary_ranks", "laplacian_spectrum"],
     options={"max_dim": 0},
     closed={"chain_dims": [4], "betti": [1], "boundary_ranks": [3],
             "laplacian_spectrum": {"0": L2S["0"]}},
     cite="Betti numbers of S^2; spectrum of the simplex boundary",
     tags=["sphere", "max-dim", "edge-case", "spectra"])
case("sphere-s2-max-dim-1", "S^2 = ∂Δ^3 with max_dim 1: degree 1 uses the 2-chains, so β_1 = 0 "
     "and L_1 keeps its up term: ev(L_1) = {4×6}.",
     TET, ["betti", "boundary_ranks", "laplacian_spectrum"], options={"max_dim": 1},
     closed={"betti": [1, 0], "boundary_ranks": [3, 3],
             "laplacian_spectrum": {"0": L2S["0"], "1": L2S["1"]}},
     cite="Betti numbers of S^2; spectrum of the simplex boundary; CASES.md (max_dim)",
     tags=["sphere", "max-dim", "edge-case", "spectra"])
case("sphere-s2-max-dim-above-top", "S^2 = ∂Δ^3 with max_dim 4 (above the top dimension 2): "
     "degrees 3 and 4 are empty: β = (1,0,1,0,0), f = (4,6,4,0,0).",
     TET, BASIC + ["boundary_ranks", "laplacian_spectrum"], options={"max_dim": 4},
     closed={"chain_dims": [4, 6, 4, 0, 0], "betti": [1, 0, 1, 0, 0], "euler_characteristic": 2,
             "boundary_ranks": [3, 3, 0, 0, 0],
             "laplacian_spectrum": dict(L2S, **{"3": [], "4": []})},
     cite="Betti numbers of S^2; spectrum of the simplex boundary",
     tags=["sphere", "max-dim", "edge-case", "spectra"])
case("full-tetrahedron-max-dim-above-top", "The full 3-simplex over Z with max_dim 5: "
     "contractible, β = (1,0,0,0,0,0), no torsion, f = (4,6,4,1,0,0).",
     [[0, 1, 2, 3]], BASIC + ["torsion", "boundary_ranks"],
     options={"coefficients": "Z", "max_dim": 5},
     closed={"chain_dims": [4, 6, 4, 1, 0, 0], "betti": [1, 0, 0, 0, 0, 0],
             "euler_characteristic": 1, "boundary_ranks": [3, 3, 1, 0, 0, 0],
             "torsion": {str(q): [] for q in range(6)}},
     cite="a simplex is contractible; rank ∂_q = C(3,q) (rank–nullity)",
     tags=["max-dim", "edge-case", "torsion"])
case("full-triangle", "The full 2-simplex: ev(L_0) = {0,3,3}, ev(L_1) = {3,3,3}, ev(L_2) = {3}; "
     "spec D = {±√3 ×3, 0}; harmonic only in degree 0 (the constant).",
     [[0, 1, 2]], ["betti", "laplacian_spectrum", "dirac_spectrum", "harmonic_basis"],
     closed={"betti": [1, 0, 0], "laplacian_spectrum": full_simplex_spectra(2),
             "dirac_spectrum": dirac_from_laplacians(full_simplex_spectra(2), 1),
             "harmonic_basis": {"0": harmonic([(0,), (1,), (2,)], [{(0,): 1, (1,): 1, (2,): 1}]),
                                "1": harmonic(cells_of([[0, 1, 2]], 1), []),
                                "2": harmonic([(0, 1, 2)], [])}},
     cite="spectrum of the full simplex: all nonzero eigenvalues n+1; D² = ⊕L_q",
     tags=["spectra", "dirac", "harmonic"])

# ---------------------------------------------------------------- empty and degenerate inputs
EVERYTHING = ["chain_dims", "betti", "torsion", "euler_characteristic", "boundary_ranks",
              "laplacian_spectrum", "up_laplacian_spectrum", "down_laplacian_spectrum",
              "dirac_spectrum", "dirac_spectrum_by_degree", "harmonic_basis"]
case("empty-complex", "An empty simplex list: the empty complex has no degrees (top dimension "
     "−1), so every degree-indexed answer is empty, χ = 0 and the Dirac spectrum is empty.",
     [], EVERYTHING,
     closed={"chain_dims": [], "betti": [], "torsion": {}, "euler_characteristic": 0,
             "boundary_ranks": [], "laplacian_spectrum": {}, "up_laplacian_spectrum": {},
             "down_laplacian_spectrum": {}, "dirac_spectrum": [], "dirac_spectrum_by_degree": {},
             "harmonic_basis": {}},
     cite="the empty complex (no cells)", tags=["edge-case", "empty"])
case("empty-complex-max-dim-2", "An empty simplex list with max_dim 2 over Z: three degrees, "
     "all zero.", [], ["chain_dims", "betti", "torsion", "euler_characteristic", "boundary_ranks"],
     options={"coefficients": "Z", "max_dim": 2},
     closed={"chain_dims": [0, 0, 0], "betti": [0, 0, 0], "torsion": {"0": [], "1": [], "2": []},
             "euler_characteristic": 0, "boundary_ranks": [0, 0, 0]},
     cite="the empty complex (no cells)", tags=["edge-case", "empty", "max-dim"])
case("single-vertex", "One vertex (id 0): β = (1), L_0 = [0], D = [0], H_0 spanned by [0].",
     [[0]], EVERYTHING,
     closed={"chain_dims": [1], "betti": [1], "torsion": {"0": []}, "euler_characteristic": 1,
             "boundary_ranks": [0], "laplacian_spectrum": {"0": [0.0]},
             "up_laplacian_spectrum": {"0": [0.0]}, "down_laplacian_spectrum": {"0": [0.0]},
             "dirac_spectrum": [0.0], "dirac_spectrum_by_degree": {"0": [0.0]},
             "harmonic_basis": {"0": harmonic([(0,)], [{(0,): 1}])}},
     cite="a point: H_0 = Z, all operators zero", tags=["edge-case", "points", "spectra",
                                                          "harmonic", "dirac"])
case("single-vertex-large-id-max-dim-2", "One vertex with id 123456789 and max_dim 2 over Z/2: "
     "β = (1,0,0); the harmonic 0-chain is on cell [123456789].",
     [[123456789]], ["chain_dims", "betti", "harmonic_basis"],
     options={"coefficients": "Z2", "max_dim": 2},
     closed={"chain_dims": [1, 0, 0], "betti": [1, 0, 0],
             "harmonic_basis": {"0": harmonic([(123456789,)], [{(123456789,): 1}]),
                                "1": harmonic([], []), "2": harmonic([], [])}},
     cite="a point: H_0 = Z", tags=["edge-case", "points", "max-dim", "large-ids", "harmonic"])
PTS = [[1000], [3], [17], [8]]
case("disjoint-points", "Four disjoint points with non-contiguous, unsorted ids 1000, 3, 17, 8: "
     "β_0 = 4, every operator is zero, H_0 = all of C_0.",
     PTS, ["chain_dims", "betti", "laplacian_spectrum", "dirac_spectrum", "harmonic_basis"],
     options={"coefficients": "Z2"},
     closed={"chain_dims": [4], "betti": [4], "laplacian_spectrum": {"0": [0.0] * 4},
             "dirac_spectrum": [0.0] * 4,
             "harmonic_basis": {"0": harmonic([(v,) for v in (3, 8, 17, 1000)],
                                              [{(v,): 1} for v in (3, 8, 17, 1000)])}},
     cite="disjoint points: H_0 = Z^4, zero boundary",
     tags=["edge-case", "points", "harmonic", "spectra", "dirac"])
case("points-no-edges-max-dim-2", "A complex with no edges: vertices 0, 5, 9, max_dim 2, "
     "coefficients Z/7: β = (3,0,0), all boundary ranks 0.",
     [[0], [5], [9]], BASIC + ["boundary_ranks"], options={"coefficients": "Zp:7", "max_dim": 2},
     closed={"chain_dims": [3, 0, 0], "betti": [3, 0, 0], "euler_characteristic": 3,
             "boundary_ranks": [0, 0, 0]},
     cite="disjoint points: H_0 = Z^3", tags=["edge-case", "points", "max-dim"])
SQ2 = math.sqrt(2)
case("single-edge", "One edge [4,9]: β = (1,0), ev(L_0) = {0,2}, ev(L_1) = {2}, spec D = "
     "{−√2, 0, √2}, H_0 spanned by [4] + [9].",
     [[4, 9]], ["betti", "laplacian_spectrum", "up_laplacian_spectrum", "down_laplacian_spectrum",
                "dirac_spectrum", "harmonic_basis"],
     closed={"betti": [1, 0], "laplacian_spectrum": {"0": [0.0, 2.0], "1": [2.0]},
             "up_laplacian_spectrum": {"0": [0.0, 2.0], "1": [0.0]},
             "down_laplacian_spectrum": {"0": [0.0, 0.0], "1": [2.0]},
             "dirac_spectrum": spec([-SQ2, 0, SQ2]),
             "harmonic_basis": {"0": harmonic([(4,), (9,)], [{(4,): 1, (9,): 1}]),
                                "1": harmonic([(4, 9)], [])}},
     cite="B_1 = (−1, 1)ᵀ: L_0 = B_1B_1ᵀ, L_1 = B_1ᵀB_1 = [2]",
     tags=["edge-case", "graph", "spectra", "up-down", "dirac", "harmonic"])
case("single-edge-max-dim-0", "One edge with max_dim 0: degree 0 still sees the edge: β_0 = 1, "
     "rank ∂_1 = 1, ev(L_0) = {0,2}.",
     [[0, 1]], ["betti", "boundary_ranks", "laplacian_spectrum"], options={"max_dim": 0},
     closed={"betti": [1], "boundary_ranks": [1], "laplacian_spectrum": {"0": [0.0, 2.0]}},
     cite="B_1 = (−1, 1)ᵀ", tags=["edge-case", "max-dim", "graph", "spectra"])

# ---------------------------------------------------------------- graphs (edges only: F3)
case("graph-path-5", "A path on 5 vertices listed as unsorted edges [[3,4],[1,0],[2,1],[3,2]]: "
     "a tree, β = (1,0); ev(L_0) = 2 − 2cos(πk/5), k = 0..4; ev(L_1) the nonzero ones.",
     [[3, 4], [1, 0], [2, 1], [3, 2]], BASIC + LAP,
     closed={"chain_dims": [5, 4], "betti": [1, 0], "euler_characteristic": 1,
             "laplacian_spectrum": {"0": path_spectrum(5), "1": path_spectrum(5)[1:]}},
     cite="Laplacian spectrum of the path graph P_n: 2 − 2cos(πk/n); L_1 = B_1ᵀB_1 shares the "
          "nonzero eigenvalues of L_0 = B_1B_1ᵀ",
     tags=["graph", "spectra", "unsorted-input"])
case("graph-cycle-12", "The 12-cycle (edges only): β = (1,1), ev(L_0) = ev(L_1) = "
     "2 − 2cos(2πk/12).",
     [[i, (i + 1) % 12] for i in range(12)], ["betti"] + LAP,
     closed={"betti": [1, 1], "laplacian_spectrum": {"0": cycle_spectrum(12),
                                                     "1": cycle_spectrum(12)}},
     cite="Laplacian spectrum of the cycle graph C_n: 2 − 2cos(2πk/n); B_1 is square",
     tags=["graph", "spectra"])
case("graph-cycle-100", "The 100-cycle (edges only): β = (1,1), rank ∂_1 = 99; ev(L_0) = "
     "ev(L_1) = 2 − 2cos(2πk/100). The smallest nonzero singular value of B_1 is 2sin(π/100) ≈ "
     "0.063, so a floating-point rank with a fixed tolerance of 0.1 miscounts (F10).",
     [[i, (i + 1) % 100] for i in range(100)], ["betti", "boundary_ranks"] + LAP,
     closed={"betti": [1, 1], "boundary_ranks": [99, 0],
             "laplacian_spectrum": {"0": cycle_spectrum(100), "1": cycle_spectrum(100)}},
     cite="Laplacian spectrum of the cycle graph C_n: 2 − 2cos(2πk/n); β_1 = E − V + 1",
     tags=["graph", "spectra", "ill-conditioned"])
case("graph-path-64-z", "A path on 64 vertices over Z: a tree, free ranks (1,0), no torsion, "
     "rank ∂_1 = 63; the smallest nonzero singular value of B_1 is 2sin(π/128) ≈ 0.049 (F10).",
     [[i, i + 1] for i in range(63)], ["betti", "torsion", "boundary_ranks"],
     options={"coefficients": "Z"},
     closed={"betti": [1, 0], "torsion": {"0": [], "1": []}, "boundary_ranks": [63, 0]},
     cite="a tree is contractible; Laplacian spectrum of the path graph P_n: 2 − 2cos(πk/n)",
     tags=["graph", "torsion", "ill-conditioned"])
case("graph-k4", "The complete graph K_4 (edges only, no triangles): β = (1,3); ev(L_0) = "
     "{0,4,4,4}, ev(L_1) = {0,0,0,4,4,4}.",
     [list(e) for e in combinations(range(4), 2)], BASIC + ["boundary_ranks"] + LAP,
     closed={"chain_dims": [4, 6], "betti": [1, 3], "euler_characteristic": -2,
             "boundary_ranks": [3, 0],
             "laplacian_spectrum": {"0": [0.0, 4.0, 4.0, 4.0],
                                    "1": [0.0, 0.0, 0.0, 4.0, 4.0, 4.0]}},
     cite="Laplacian of K_n: n·I − J; L_1 = B_1ᵀB_1 shares its nonzero eigenvalues; β_1 = E − V + 1",
     tags=["graph", "spectra"])
case("graph-star-k14", "The star K_{1,4} with centre 7 and leaves 1, 2, 3, 4 over Z/2: β = "
     "(1,0); ev(L_0) = {0,1,1,1,5}.",
     [[7, 1], [7, 2], [7, 3], [7, 4]], ["betti", "laplacian_spectrum"],
     options={"coefficients": "Z2"},
     closed={"betti": [1, 0], "laplacian_spectrum": {"0": [0.0, 1.0, 1.0, 1.0, 5.0],
                                                     "1": [1.0, 1.0, 1.0, 5.0]}},
     cite="Laplacian spectrum of K_{1,n}: 0, 1 (n−1 times), n+1; a tree has β_1 = 0",
     tags=["graph", "spectra"])
case("graph-k33", "The complete bipartite graph K_{3,3} over Z/3: β = (1,4); ev(L_0) = "
     "{0,3,3,3,3,6}, ev(L_1) = {0×4, 3×4, 6}.",
     [[a, b] for a in (0, 1, 2) for b in (3, 4, 5)], ["betti", "boundary_ranks", "laplacian_spectrum"],
     options={"coefficients": "Zp:3"},
     closed={"betti": [1, 4], "boundary_ranks": [5, 0],
             "laplacian_spectrum": {"0": [0.0, 3.0, 3.0, 3.0, 3.0, 6.0],
                                    "1": spec([0] * 4 + [3] * 4 + [6])}},
     cite="β_1 = E − V + 1 of a connected graph (no torsion); Laplacian spectrum of K_{m,n}: "
          "0, m (n−1 times), n (m−1 times), m+n; L_1 = B_1ᵀB_1 shares the nonzero eigenvalues",
     tags=["graph", "spectra"])
case("graph-two-triangles-disjoint", "Two disjoint hollow triangles {0,1,2} and {10,11,12} "
     "(edges only): β = (2,2); ev(L_0) = ev(L_1) = {0,0,3,3,3,3}.",
     [[0, 1], [1, 2], [0, 2], [10, 11], [11, 12], [10, 12]], BASIC + LAP,
     closed={"chain_dims": [6, 6], "betti": [2, 2], "euler_characteristic": 0,
             "laplacian_spectrum": {"0": [0.0, 0.0, 3.0, 3.0, 3.0, 3.0],
                                    "1": [0.0, 0.0, 3.0, 3.0, 3.0, 3.0]}},
     cite="Laplacian of the 3-cycle C_3 (= K_3): {0,3,3}; disjoint union adds spectra",
     tags=["graph", "disjoint-union", "spectra"])
case("graph-figure-eight", "A wedge of two cycles (a 4-cycle 0-1-2-3 and a 3-cycle 0-4-5, "
     "sharing vertex 0), edges only: β = (1,2).",
     [[0, 1], [1, 2], [2, 3], [0, 3], [0, 4], [4, 5], [0, 5]], BASIC + LAP + ["harmonic_basis"],
     closed={"chain_dims": [6, 7], "betti": [1, 2], "euler_characteristic": -1},
     cite="wedge sum: H̃(A ∨ B) = H̃(A) ⊕ H̃(B)", tags=["graph", "wedge", "spectra", "harmonic"])
case("graph-with-isolated-vertices", "A path 0-1-2 plus isolated vertices 7 and 9 over Z/2: "
     "β_0 = 3 (not the vertex count 5), β_1 = 0.",
     [[0, 1], [1, 2], [7], [9]], BASIC + ["boundary_ranks"], options={"coefficients": "Z2"},
     closed={"chain_dims": [5, 2], "betti": [3, 0], "euler_characteristic": 3,
             "boundary_ranks": [2, 0]},
     cite="components of a graph", tags=["graph", "points"])

# ---------------------------------------------------------------- surfaces
case("torus-q", "Möbius–Császár 7-vertex torus ({i,i+1,i+3}, {i,i+2,i+3} mod 7): f = (7,21,14), "
     "β = (1,2,1), χ = 0.",
     TORUS7, BASIC + ["boundary_ranks"],
     closed={"chain_dims": [7, 21, 14], "betti": [1, 2, 1], "euler_characteristic": 0,
             "boundary_ranks": [6, 13, 0]},
     cite="homology of the torus (Munkres §6); Császár, Acta Sci. Math. 13 (1949); rank–nullity",
     tags=["surface", "torus"])
case("torus-z", "7-vertex torus over Z: free ranks (1,2,1), no torsion.",
     TORUS7, ["betti", "torsion"], options={"coefficients": "Z"},
     closed={"betti": [1, 2, 1], "torsion": {"0": [], "1": [], "2": []}},
     cite="H_*(T²; Z) = (Z, Z², Z)", tags=["surface", "torus", "torsion"])
case("torus-z2", "7-vertex torus over Z/2: β = (1,2,1) (no torsion).",
     TORUS7, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 2, 1], "boundary_ranks": [6, 13, 0]},
     cite="H_*(T²; Z) torsion-free, universal coefficients", tags=["surface", "torus"])
case("torus-spectra", "7-vertex torus: Hodge, up and down Laplacian spectra (nullity of L_q = "
     "β_q = 1, 2, 1).",
     TORUS7, LAP + UPDOWN, tags=["surface", "torus", "spectra", "up-down"])
case("torus-harmonic", "7-vertex torus: harmonic bases; H_1 is 2-dimensional.",
     TORUS7, ["betti", "harmonic_basis"], closed={"betti": [1, 2, 1]},
     cite="homology of the torus", tags=["surface", "torus", "harmonic"])
case("torus-dirac", "7-vertex torus: full and per-degree Dirac spectra; 0 has multiplicity "
     "Σβ = 4 in spec D.", TORUS7, ["dirac_spectrum", "dirac_spectrum_by_degree"],
     tags=["surface", "torus", "spectra", "dirac"])
BIG = {0: 4294967311, 1: 12, 2: 999983, 3: 5, 4: 70000, 5: 3, 6: 123456789}
TORUS_BIG = [list(reversed(s)) for s in reversed(relabel(TORUS7, BIG))]
case("torus-large-ids-unsorted", "The 7-vertex torus relabelled with large, non-contiguous ids "
     "(one above 2^32) and listed in reverse order with decreasing vertex lists: same β and "
     "spectra; the harmonic basis is given on cells named by the user's ids.",
     TORUS_BIG, ["betti"] + LAP + ["harmonic_basis"], closed={"betti": [1, 2, 1]},
     cite="homology of the torus; invariance under relabelling",
     tags=["surface", "torus", "large-ids", "relabelled", "unsorted-input", "spectra", "harmonic"])

KLEIN = klein9()
case("klein-bottle-q", "Klein bottle, 3×3 grid on (Z/3)² with a flip (9 vertices, 18 "
     "triangles), over Q: β = (1,1,0), f = (9,27,18).",
     KLEIN, BASIC + ["boundary_ranks"],
     closed={"chain_dims": [9, 27, 18], "betti": [1, 1, 0], "euler_characteristic": 0,
             "boundary_ranks": [8, 18, 0]},
     cite="H_*(K; Z) = (Z, Z ⊕ Z/2, 0) (Munkres §6), universal coefficients; rank–nullity",
     tags=["surface", "klein-bottle", "torsion"])
case("klein-bottle-z2", "Klein bottle over Z/2: β = (1,2,1); rank ∂_2 drops from 18 (over Q) to "
     "17.", KLEIN, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 2, 1], "boundary_ranks": [8, 17, 0]},
     cite="H_*(K; Z) = (Z, Z ⊕ Z/2, 0), universal coefficients; rank–nullity",
     tags=["surface", "klein-bottle", "torsion"])
case("klein-bottle-z", "Klein bottle over Z: free ranks (1,1,0), torsion H_1 ⊇ Z/2.",
     KLEIN, ["betti", "torsion"], options={"coefficients": "Z"},
     closed={"betti": [1, 1, 0], "torsion": {"0": [], "1": [2], "2": []}},
     cite="H_*(K; Z) = (Z, Z ⊕ Z/2, 0) (Munkres §6)", tags=["surface", "klein-bottle", "torsion"])
case("klein-bottle-zp3", "Klein bottle over Z/3: β = (1,1,0) (the 2-torsion is invisible).",
     KLEIN, ["betti"], options={"coefficients": "Zp:3"}, closed={"betti": [1, 1, 0]},
     cite="H_*(K; Z) = (Z, Z ⊕ Z/2, 0), universal coefficients",
     tags=["surface", "klein-bottle", "torsion"])
case("klein-bottle-zp-mersenne", "Klein bottle over Z/(2^31 − 1), the largest prime below 2^31: "
     "β = (1,1,0).", KLEIN, ["betti", "boundary_ranks"],
     options={"coefficients": "Zp:2147483647"},
     closed={"betti": [1, 1, 0], "boundary_ranks": [8, 18, 0]},
     cite="H_*(K; Z) = (Z, Z ⊕ Z/2, 0), universal coefficients; rank–nullity",
     tags=["surface", "klein-bottle", "edge-case"])
case("klein-bottle-spectra", "Klein bottle: Hodge Laplacian spectra (real coefficients: nullity "
     "(1,1,0)) and the Dirac spectrum.",
     KLEIN, LAP + ["dirac_spectrum"], tags=["surface", "klein-bottle", "spectra", "dirac"])

RP2_CITE = "H_*(RP²; Z) = (Z, Z/2, 0) (Munkres §6), universal coefficients; six-vertex RP² (Kühnel)"
case("rp2-q", "Six-vertex RP² over Q: β = (1,0,0); boundary ranks (5,10,0).",
     RP2_6, BASIC + ["boundary_ranks"],
     closed={"chain_dims": [6, 15, 10], "betti": [1, 0, 0], "euler_characteristic": 1,
             "boundary_ranks": [5, 10, 0]},
     cite=RP2_CITE + "; rank–nullity", tags=["surface", "rp2", "torsion"])
case("rp2-z2", "Six-vertex RP² over Z/2: β = (1,1,1); boundary ranks (5,9,0) differ from Q's "
     "(5,10,0).", RP2_6, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 1, 1], "boundary_ranks": [5, 9, 0]},
     cite=RP2_CITE + "; rank–nullity", tags=["surface", "rp2", "torsion"])
case("rp2-zp2-spelling", "Six-vertex RP² with coefficients written \"Zp:2\" (the same field as "
     "\"Z2\"): β = (1,1,1).", RP2_6, ["betti"], options={"coefficients": "Zp:2"},
     closed={"betti": [1, 1, 1]}, cite=RP2_CITE, tags=["surface", "rp2", "torsion", "edge-case"])
case("rp2-z", "Six-vertex RP² over Z: free ranks (1,0,0), torsion {1: [2]}.",
     RP2_6, ["betti", "torsion", "boundary_ranks"], options={"coefficients": "Z"},
     closed={"betti": [1, 0, 0], "torsion": {"0": [], "1": [2], "2": []},
             "boundary_ranks": [5, 10, 0]},
     cite=RP2_CITE, tags=["surface", "rp2", "torsion"])
case("rp2-zp3", "Six-vertex RP² over Z/3: β = (1,0,0).",
     RP2_6, ["betti", "boundary_ranks"], options={"coefficients": "Zp:3"},
     closed={"betti": [1, 0, 0], "boundary_ranks": [5, 10, 0]},
     cite=RP2_CITE + "; rank–nullity", tags=["surface", "rp2", "torsion"])
RP2_SHUFFLED = [[3, 2, 1], [4, 3, 1], [5, 4], [1, 5, 4], [6, 5, 1], [6, 2, 1], [5, 3, 2],
                [5, 4, 2], [6, 4, 2], [6, 4, 3], [3, 1], [6, 5, 3], [6, 5, 3], [2]]
case("rp2-unsorted-redundant-z", "Six-vertex RP² listed with decreasing vertex lists, redundant "
     "faces ([5,4], [3,1], [2]) interleaved with the triangles and one triangle repeated: the "
     "closure is the same complex, torsion {1: [2]}.",
     RP2_SHUFFLED, ["chain_dims", "betti", "torsion"], options={"coefficients": "Z"},
     closed={"chain_dims": [6, 15, 10], "betti": [1, 0, 0],
             "torsion": {"0": [], "1": [2], "2": []}},
     cite=RP2_CITE, tags=["surface", "rp2", "torsion", "unsorted-input", "edge-case"])
case("rp2-spectra-harmonic", "Six-vertex RP²: Laplacian spectra and harmonic bases over the "
     "reals: only H_0 (the constant) is harmonic, since H_1(RP²; R) = H_2(RP²; R) = 0.",
     RP2_6, LAP + ["harmonic_basis"],
     closed={"harmonic_basis": {
         "0": harmonic(cells_of(RP2_6, 0), [{(v,): 1 for v in range(1, 7)}]),
         "1": harmonic(cells_of(RP2_6, 1), []), "2": harmonic(cells_of(RP2_6, 2), [])}},
     cite=RP2_CITE + "; ker L_q ≅ H_q(K; R) (Hodge theorem)",
     tags=["surface", "rp2", "spectra", "harmonic"])

case("mobius-band-q", "Five-vertex Möbius band ({i,i+1,i+2} mod 5): f = (5,10,5), β = (1,1,0) "
     "(homotopy equivalent to S^1).",
     MOBIUS5, BASIC + ["boundary_ranks"],
     closed={"chain_dims": [5, 10, 5], "betti": [1, 1, 0], "euler_characteristic": 0,
             "boundary_ranks": [4, 5, 0]},
     cite="the Möbius band deformation-retracts onto its core circle; rank–nullity",
     tags=["surface", "mobius-band"])
case("mobius-band-z2", "Five-vertex Möbius band over Z/2: β = (1,1,0) (H_2 = 0 with any "
     "coefficients: it has boundary).",
     MOBIUS5, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 1, 0], "boundary_ranks": [4, 5, 0]},
     cite="the Möbius band ≃ S^1 (no torsion)", tags=["surface", "mobius-band"])
case("mobius-band-spectra", "Five-vertex Möbius band: Laplacian spectra and harmonic 1-chain.",
     MOBIUS5, LAP + ["harmonic_basis"], tags=["surface", "mobius-band", "spectra", "harmonic"])

case("dunce-hat-z", "Minimal 8-vertex dunce hat (Hachimori; SageMath DunceHat, vertices 1..8) "
     "over Z: contractible, β = (1,0,0), no torsion, f = (8,24,17).",
     DUNCE8, BASIC + ["torsion"], options={"coefficients": "Z"},
     closed={"chain_dims": [8, 24, 17], "betti": [1, 0, 0], "euler_characteristic": 1,
             "torsion": {"0": [], "1": [], "2": []}},
     cite="Zeeman, On the dunce hat, Topology 2 (1964): contractible; triangulation of Hachimori "
          "as in SageMath simplicial_complexes.DunceHat()",
     tags=["dunce-hat", "torsion"])
case("dunce-hat-z2", "Minimal dunce hat over Z/2: β = (1,0,0).",
     DUNCE8, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 0, 0], "boundary_ranks": [7, 17, 0]},
     cite="Zeeman (1964): contractible; rank–nullity", tags=["dunce-hat"])
case("dunce-hat-spectra", "Minimal dunce hat: Laplacian spectra (nullity (1,0,0)) and the Dirac "
     "spectrum.", DUNCE8, LAP + ["dirac_spectrum"], tags=["dunce-hat", "spectra", "dirac"])

# ---------------------------------------------------------------- Moore spaces
for n in (3, 4):
    K = moore(n)
    f = f_vector(K)
    MOORE = (f"H_*(M(Z/{n},1); Z) = (Z, Z/{n}, 0) (Hatcher Example 2.40), universal coefficients; "
             f"f = (3n+4, 12n+3, 9n) with n = {n}; rank–nullity")
    desc = (f"Moore space M(Z/{n},1): a disk whose boundary {3 * n}-gon wraps {n} times around "
            f"the 3-cycle 10→20→30 (annulus to an inner {3 * n}-cycle 100…{100 + 3 * n - 1}, "
            f"coned from 999)")
    for coeff, betti in (("Z", [1, 0, 0]), ("Q", [1, 0, 0]), ("Z2", [1, 1, 1] if n == 4 else [1, 0, 0]),
                         ("Zp:3", [1, 1, 1] if n == 3 else [1, 0, 0])):
        want, closed = ["betti"], {"betti": betti}
        if coeff == "Z":
            want += ["chain_dims", "torsion"]
            closed.update(chain_dims=f, torsion={"0": [], "1": [n], "2": []})
        else:
            want.append("boundary_ranks")
            closed["boundary_ranks"] = [f[0] - 1, f[2] - betti[2], 0]
        tag = {"Z": "z", "Q": "q", "Z2": "z2", "Zp:3": "zp3"}[coeff]
        words = {"Z": f"free ranks (1,0,0), torsion {{1: [{n}]}}" + (" (one factor 4, not 2 ⊕ 2)" if n == 4 else ""),
                 "Q": "β = (1,0,0)"}.get(coeff, f"β = {tuple(betti)}")
        case(f"moore-z{n}-{tag}", f"{desc}, over {coeff}: {words}.", K, want,
             options={"coefficients": coeff}, closed=closed, cite=MOORE,
             tags=["moore-space", "torsion"])

# ---------------------------------------------------------------- wedges, disjoint unions, suspension
WEDGE_S2_S1 = TET + [[0, 4], [4, 5], [0, 5]]
case("wedge-s2-s1", "S^2 (∂Δ^3 on 0..3) wedged with a hollow triangle 0-4-5 at vertex 0: "
     "β = (1,1,1).",
     WEDGE_S2_S1, BASIC + LAP,
     closed={"chain_dims": [6, 9, 4], "betti": [1, 1, 1], "euler_characteristic": 1},
     cite="wedge sum: H̃(A ∨ B) = H̃(A) ⊕ H̃(B) (Hatcher Cor. 2.25)", tags=["wedge", "sphere", "spectra"])
RP2_B = shift(RP2_6, 10, keep=(1,))
case("wedge-rp2-rp2-z", "Two six-vertex RP²s glued at vertex 1 (the second copy's other vertices "
     "shifted by 10), over Z: free ranks (1,0,0), torsion {1: [2,2]}.",
     RP2_6 + RP2_B, ["betti", "torsion"], options={"coefficients": "Z"},
     closed={"betti": [1, 0, 0], "torsion": {"0": [], "1": [2, 2], "2": []}},
     cite="wedge sum: H̃(A ∨ B) = H̃(A) ⊕ H̃(B); H_*(RP²; Z) = (Z, Z/2, 0)",
     tags=["wedge", "rp2", "torsion"])
case("wedge-rp2-rp2-z2", "RP² ∨ RP² over Z/2: β = (1,2,2).",
     RP2_6 + RP2_B, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 2, 2], "boundary_ranks": [10, 18, 0]},
     cite="wedge sum of RP²s, universal coefficients; rank–nullity", tags=["wedge", "rp2", "torsion"])
TORUS_RP2 = TORUS7 + shift(RP2_6, 20)
case("disjoint-torus-rp2-z", "Disjoint union of the 7-vertex torus and a six-vertex RP² "
     "(ids 21..26) over Z: free ranks (2,2,1), torsion {1: [2]}.",
     TORUS_RP2, BASIC + ["torsion"], options={"coefficients": "Z"},
     closed={"chain_dims": [13, 36, 24], "betti": [2, 2, 1], "euler_characteristic": 1,
             "torsion": {"0": [], "1": [2], "2": []}},
     cite="H of a disjoint union is the direct sum; homology of T² and RP²",
     tags=["disjoint-union", "surface", "torsion"])
SPC = TET + [[10]] + [[20, 21], [21, 22], [20, 22]]
case("disjoint-sphere-point-circle", "S^2 (∂Δ^3 on 0..3) ⊔ the point 10 ⊔ a hollow triangle "
     "20-21-22: β = (3,1,1); harmonic bases: component indicators, the oriented 3-cycle "
     "[20,21]+[21,22]−[20,22], and the fundamental class ∂[0,1,2,3] = [1,2,3]−[0,2,3]+[0,1,3]−"
     "[0,1,2].",
     SPC, ["betti", "harmonic_basis"],
     closed={"betti": [3, 1, 1], "harmonic_basis": {
         "0": harmonic(cells_of(SPC, 0), [{(0,): 1, (1,): 1, (2,): 1, (3,): 1}, {(10,): 1},
                                          {(20,): 1, (21,): 1, (22,): 1}]),
         "1": harmonic(cells_of(SPC, 1), [{(20, 21): 1, (21, 22): 1, (20, 22): -1}]),
         "2": harmonic(cells_of(SPC, 2), [{(1, 2, 3): 1, (0, 2, 3): -1, (0, 1, 3): 1,
                                            (0, 1, 2): -1}])}},
     cite="H of a disjoint union is the direct sum; ker L_q ≅ H_q(K; R): locally constant "
          "functions, the cycle space of a lone cycle, the fundamental class (ker B_2 of ∂Δ^3)",
     tags=["disjoint-union", "sphere", "harmonic"])
SUSP = suspension(RP2_6, 7, 8)
case("suspension-rp2-z", "Suspension of the six-vertex RP² (apexes 7 and 8; 20 tetrahedra) over "
     "Z: free ranks (1,0,0,0), torsion {2: [2]} (torsion above degree 1).",
     SUSP, BASIC + ["torsion"], options={"coefficients": "Z"},
     closed={"chain_dims": [8, 27, 40, 20], "betti": [1, 0, 0, 0], "euler_characteristic": 1,
             "torsion": {"0": [], "1": [], "2": [2], "3": []}},
     cite="suspension isomorphism H̃_{q+1}(ΣX) = H̃_q(X); H_*(RP²; Z) = (Z, Z/2, 0)",
     tags=["suspension", "rp2", "torsion"])
case("suspension-rp2-z2", "Suspension of RP² over Z/2: β = (1,0,1,1).",
     SUSP, ["betti", "boundary_ranks"], options={"coefficients": "Z2"},
     closed={"betti": [1, 0, 1, 1], "boundary_ranks": [7, 20, 19, 0]},
     cite="suspension isomorphism, universal coefficients; rank–nullity",
     tags=["suspension", "rp2", "torsion"])


# =============================================================================================
# Filtered inputs: persistent Laplacians (REFERENCE §3.3), barcodes, Rips filtrations


def filtered(K, added):
    """A filtered_complex: the cells of K (listed with all their faces) at value 0, the added
    cells at value 1."""
    return {"type": "filtered_complex",
            "simplices": [{"simplex": list(s), "value": 0} for s in K] +
                         [{"simplex": list(s), "value": 1} for s in added]}


def persistent_dirac_from(eigenvalues, size):
    """spec D_q^{a,b} from spec Δ_q^{a,b}: D² = B Bᵀ ⊕ Δ ⊕ MᵀM with ∂_q^a ∂^{a,b}_{q+1} = 0, so
    each nonzero λ of Δ gives ±√λ, and the rest of the size = n_{q−1}(K_a) + n_q(K_a) +
    dim C^{a,b}_{q+1} is 0."""
    nonzero = [v for v in eigenvalues if v != 0]
    return spec([-math.sqrt(v) for v in nonzero] + rep(0, size - 2 * len(nonzero)) +
                [math.sqrt(v) for v in nonzero])


def request(q, a, b, **fields):
    return dict({"dim": q, "a": a, "b": b}, **fields)


PERSISTENT = ["persistent_betti", "persistent_laplacian_spectrum", "persistent_dirac_spectrum"]
REF33 = ("REFERENCE §3.3 (constructed, hand-checked persistent Laplacian tests, Wang–Nguyen–Wei "
         "/ Mémoli–Wan–Wang definition of CASES.md); persistent Dirac spectrum = ±√λ of the "
         "nonzero λ of Δ_q^{a,b} plus zeros (D² has Δ_q^{a,b} as its middle block and "
         "∂_q^a∂^{a,b}_{q+1} = 0), dim C^{a,b}_{q+1} counted by hand")
SQUARE = [[0], [1], [2], [3], [0, 1], [1, 2], [2, 3], [0, 3]]
# sq cells, sorted as the answer lists the 1-cells: 01, 03, 12, 23.
SQ_EDGES = [(0, 1), (0, 3), (1, 2), (2, 3)]

P1_EV = [0.0, 2.0, 2.0, 4.0]
case("persistent-p1-square-diagonal-triangle", "REFERENCE §3.3 P1: K = the square 0-1-2-3 at "
     "value 0; L = K + [0,2] + [0,1,2] at value 1; q = 1, (a, b) = (0, 1). ev(Δ_1^{K,L}) = "
     "{0,2,2,4}; β_1^{K,L} = 1 (the square survives: only half of it is filled); harmonic "
     "basis on (01,03,12,23) ∝ (1,−1,1,1); C^{K,L}_2 = 0 (the only triangle has the new edge 02 "
     "in its boundary), so D_1 acts on C_0 ⊕ C_1 (8 dimensions): {±2, ±√2, ±√2, 0, 0}.",
     None, PERSISTENT + ["persistent_harmonic_basis"],
     input=filtered(SQUARE, [[0, 2], [0, 1, 2]]), options={"requests": [request(1, 0, 1)]},
     closed={"persistent_betti": [request(1, 0, 1, value=1)],
             "persistent_laplacian_spectrum": [request(1, 0, 1, eigenvalues=P1_EV)],
             "persistent_dirac_spectrum": [request(1, 0, 1, eigenvalues=persistent_dirac_from(
                 P1_EV, 4 + 4 + 0))],
             "persistent_harmonic_basis": [dict(request(1, 0, 1), **harmonic(
                 SQ_EDGES, [{(0, 1): 1, (0, 3): -1, (1, 2): 1, (2, 3): 1}]))]},
     cite=REF33, tags=["persistent-laplacian", "harmonic", "dirac"])
P2_EV = [2.0, 2.0, 2.0, 4.0]
case("persistent-p2-square-two-triangles", "REFERENCE §3.3 P2: K = the square at value 0; L = "
     "K + [0,2] + [0,1,2] + [0,2,3] at value 1 (the square is filled); q = 1, (a, b) = (0, 1). "
     "ev(Δ_1^{K,L}) = {2,2,2,4}, β_1^{K,L} = 0, no persistent harmonic chains; C^{K,L}_2 is "
     "spanned by [0,1,2] + [0,2,3] (1 dimension), so D_1 is 9×9: {±2, ±√2 ×3, 0}.",
     None, PERSISTENT + ["persistent_harmonic_basis"],
     input=filtered(SQUARE, [[0, 2], [0, 1, 2], [0, 2, 3]]),
     options={"requests": [request(1, 0, 1)]},
     closed={"persistent_betti": [request(1, 0, 1, value=0)],
             "persistent_laplacian_spectrum": [request(1, 0, 1, eigenvalues=P2_EV)],
             "persistent_dirac_spectrum": [request(1, 0, 1, eigenvalues=persistent_dirac_from(
                 P2_EV, 4 + 4 + 1))],
             "persistent_harmonic_basis": [dict(request(1, 0, 1), **harmonic(SQ_EDGES, []))]},
     cite=REF33, tags=["persistent-laplacian", "harmonic", "dirac"])
P3_EV = [0.0, 2.0]
case("persistent-p3-two-points-edge", "REFERENCE §3.3 P3: K = the points {0}, {1} at value 0; "
     "L = K + [0,1] at value 1; q = 0, (a, b) = (0, 1). ev(Δ_0^{K,L}) = {0,2}, β_0^{K,L} = 1, "
     "harmonic basis (1,1)/√2; C^{K,L}_1 = span [0,1], so D_0 on C_0 ⊕ C^{K,L}_1: {±√2, 0}.",
     None, PERSISTENT + ["persistent_harmonic_basis"],
     input=filtered([[0], [1]], [[0, 1]]), options={"requests": [request(0, 0, 1)]},
     closed={"persistent_betti": [request(0, 0, 1, value=1)],
             "persistent_laplacian_spectrum": [request(0, 0, 1, eigenvalues=P3_EV)],
             "persistent_dirac_spectrum": [request(0, 0, 1, eigenvalues=persistent_dirac_from(
                 P3_EV, 2 + 1))],
             "persistent_harmonic_basis": [dict(request(0, 0, 1), **harmonic(
                 [(0,), (1,)], [{(0,): 1, (1,): 1}]))]},
     cite=REF33, tags=["persistent-laplacian", "harmonic", "dirac"])
P4_EV1 = [1.0, 1.0, 1.0, 3.0, 3.0, 4.0]
P4_EV0 = [0.0, 2.0, 2.0, 4.0, 4.0, 5.0]
HEX_CONE = [[6]] + [[i, 6] for i in range(6)] + [sorted([i, (i + 1) % 6]) + [6] for i in range(6)]
case("persistent-p4-hexagon-cone", "REFERENCE §3.3 P4: K = the hexagon at value 0; L = K + the "
     "cone from apex 6 (vertex, 6 edges, 6 triangles) at value 1. q = 1: ev(Δ_1^{K,L}) = "
     "{1,1,1,3,3,4}, β_1^{K,L} = 0 (the cone kills the cycle); C^{K,L}_2 is spanned by the sum "
     "of the oriented cone triangles (1 dimension): D_1 is 13×13. q = 0: ev(Δ_0^{K,L}) = "
     "{0,2,2,4,4,5} = hexagon L_0 + I − J/6 (Schur complement), β_0^{K,L} = 1; C^{K,L}_1 = the "
     "6 hexagon edges plus the differences [i,6] − [j,6] of cone edges (whose boundary [j] − "
     "[i] avoids the apex), 6 + 5 = 11 dimensions: D_0 is 17×17.",
     None, PERSISTENT, input=filtered(HEXAGON, HEX_CONE),
     options={"requests": [request(1, 0, 1), request(0, 0, 1)]},
     closed={"persistent_betti": [request(1, 0, 1, value=0), request(0, 0, 1, value=1)],
             "persistent_laplacian_spectrum": [request(1, 0, 1, eigenvalues=P4_EV1),
                                               request(0, 0, 1, eigenvalues=P4_EV0)],
             "persistent_dirac_spectrum": [
                 request(1, 0, 1, eigenvalues=persistent_dirac_from(P4_EV1, 6 + 6 + 1)),
                 request(0, 0, 1, eigenvalues=persistent_dirac_from(P4_EV0, 6 + 11))]},
     cite=REF33 + "; β by hand (a cone is contractible, the hexagon is connected)",
     tags=["persistent-laplacian", "dirac"])

# A square that closes at 4, gets a diagonal at 5 and is filled by two triangles at 6 and 7.
SQUARE_FILTRATION = {"type": "filtered_complex", "simplices": [
    {"simplex": [0], "value": 0}, {"simplex": [1], "value": 0}, {"simplex": [2], "value": 0},
    {"simplex": [3], "value": 0}, {"simplex": [0, 1], "value": 1},
    {"simplex": [1, 2], "value": 2}, {"simplex": [2, 3], "value": 3},
    {"simplex": [0, 3], "value": 4}, {"simplex": [0, 2], "value": 5},
    {"simplex": [0, 1, 2], "value": 6}, {"simplex": [0, 2, 3], "value": 7}]}
case("filtered-square-barcode", "A filtered square: vertices 0..3 at 0, edges 01, 12, 23 at "
     "1, 2, 3 (merging the components), 03 at 4 (closing the square), the diagonal 02 at 5 (a "
     "second cycle), triangles 012 at 6 and 023 at 7. Barcode: H_0 {[0,∞), [0,1), [0,2), "
     "[0,3)}, H_1 {[4,7), [5,6)} (elder rule: the younger cycle dies first), H_2 none. "
     "Persistent Betti numbers counted from it; spectral curves at t = 0.5 (4 points: β = "
     "(4,0), no nonzero eigenvalue), 4.5 (the 4-cycle: β = (1,1), L_0 and L_1 have spectrum "
     "{0,2,2,4}), 5.5 (K_4 minus 13, no triangles: β = (1,2), ev(L_0) = {0,2,4,4}, ev(L_1) = "
     "{0,0,2,4,4}), 7.5 (filled: β = (1,0); ev(L_1) = {2,4,4} ∪ {2,4}).",
     None, ["barcode", "persistent_betti", "spectral_curves"], input=SQUARE_FILTRATION,
     options={"max_dim": 2, "requests": [request(1, 4, 6), request(1, 5, 5), request(1, 5, 6),
                                         request(0, 1, 2), request(1, 6, 7)],
              "values": [0.5, 4.5, 5.5, 7.5]},
     closed={"barcode": {"0": [[0.0, 1.0], [0.0, 2.0], [0.0, 3.0], [0.0, None]],
                         "1": [[4.0, 7.0], [5.0, 6.0]], "2": []},
             "persistent_betti": [request(1, 4, 6, value=1), request(1, 5, 5, value=2),
                                  request(1, 5, 6, value=1), request(0, 1, 2, value=2),
                                  request(1, 6, 7, value=0)],
             "spectral_curves": [{"value": 0.5, "betti": [4, 0, 0], "lambda_min": [0.0, 0.0, 0.0]},
                                 {"value": 4.5, "betti": [1, 1, 0], "lambda_min": [2.0, 2.0, 0.0]},
                                 {"value": 5.5, "betti": [1, 2, 0], "lambda_min": [2.0, 2.0, 0.0]},
                                 {"value": 7.5, "betti": [1, 0, 0], "lambda_min": [2.0, 2.0, 2.0]}]},
     cite="hand computation (standard persistence: elder rule; Laplacians of C_4 and K_4 − e, "
          "the two triangles' B_2ᵀB_2 = [[3,±1],[±1,3]])",
     tags=["barcode"])

# Regular dodecahedron with the C20 scale of the seed paper (REFERENCE §3.2): edge 2s/φ ≈ 1.447.
PHI = (1 + math.sqrt(5)) / 2
C20_S = 1.170639
C20 = [[C20_S * x, C20_S * y, C20_S * z] for x in (1, -1) for y in (1, -1) for z in (1, -1)] + \
      [p for a in (1, -1) for b in (1, -1) for p in (
          [0.0, C20_S * a / PHI, C20_S * b * PHI], [C20_S * a / PHI, C20_S * b * PHI, 0.0],
          [C20_S * a * PHI, 0.0, C20_S * b / PHI])]
assert len(C20) == 20
assert sorted({round(math.dist(p, q), 6) for p in C20 for q in C20})[1] == round(2 * C20_S / PHI, 6)
# Rows of the REFERENCE §3.2 C20 table (r: β_0, β_1, λ⁺_0, λ⁺_1); sampled at d = 2r for r in the
# middle of each row's interval (the last row up to r = 4).
C20_ROWS = [(0.0, 20, 0, 0.0, 0.0), (0.73, 1, 11, 0.7639, 0.7639), (1.18, 1, 0, 4.7639, 1.0814),
            (1.66, 1, 0, 12.7639, 6.6674), (1.90, 1, 0, 18.0, 16.0), (2.03, 1, 0, 20.0, 20.0)]
C20_ENDS = [row[0] for row in C20_ROWS[1:]] + [4.0]
C20_CURVES = [{"value": round(row[0] + end, 6), "betti": [row[1], row[2]],
               "lambda_min": [row[3], row[4]]} for row, end in zip(C20_ROWS, C20_ENDS)]
case("rips-c20-dodecahedron-spectral-curves", "C20 (REFERENCE §3.2, seed paper): the Rips "
     "filtration of the regular dodecahedron s·(±1,±1,±1), s·(0,±1/φ,±φ), s·(±1/φ,±φ,0), "
     "s·(±φ,0,±1/φ) with s = 1.170639 (edge 2s/φ ≈ 1.447, as C20.xyz), max_dim 1 (built up "
     "to triangles). Spectral curves at d = 2r for r in the middle of each row of the table: "
     "β_0, β_1 and λ⁺_q = the (β_q+1)-th smallest eigenvalue of L_q (0.7639 = 3−√5, 4.7639, "
     "1.0814, 12.7639, 6.6674, 18, 16, 20, 20), to the table's 4 decimals (tolerance 1e-4). "
     "JL reports β_0 = 20 on the second row (F3); the correct value is 1.",
     None, ["spectral_curves"], input={"type": "point_cloud", "points": C20, "complex": "rips"},
     options={"values": [c["value"] for c in C20_CURVES]},
     closed={"spectral_curves": C20_CURVES}, closed_tol=1e-4,
     tolerance={"abs": 1e-4, "rel": 0.0},
     cite="Liu–Shen–Wei, arXiv:2310.07570 / REFERENCE §3.2 C20 table (printed to 4 decimals; "
          "β_0 corrected as REFERENCE states)",
     tags=["seed-paper", "spectral-curves"])
C20_EDGE, C20_DIAGONAL = 2 * C20_S / PHI, 2 * C20_S
case("rips-c20-dodecahedron-barcode", "C20 dodecahedron (as rips-c20-dodecahedron-spectral-"
     "curves), Rips barcode in degrees 0 and 1: the 30 edges (length 2s/φ) enter together, so "
     "19 components die at 2s/φ; they close the 12 pentagons, leaving 30 − 19 = 11 independent "
     "cycles, all filled when the pentagon diagonals (length 2s) and their triangles enter: "
     "H_0 = {[0, 2s/φ) ×19, [0, ∞)}, H_1 = {[2s/φ, 2s) ×11}.",
     None, ["barcode"], input={"type": "point_cloud", "points": C20, "complex": "rips"},
     closed={"barcode": {"0": rep([0.0, r12(C20_EDGE)], 19) + [[0.0, None]],
                         "1": rep([r12(C20_EDGE), r12(C20_DIAGONAL)], 11)}},
     cite="closed form: dodecahedron edge 2s/φ and face diagonal φ·(2s/φ) = 2s; Euler "
          "(β_1 = E − V + 1 = 11 for the 1-skeleton); REFERENCE §3.2 C20 table (β_1 = 11 on "
          "[0.73, 1.18), 0 after)",
     tags=["seed-paper", "barcode"])

# The cycle metrics C_5 (lower triangle) and C_6 (full matrix): graph distance on a cycle.
def cycle_metric(n):
    return [[min(abs(i - j), n - abs(i - j)) for j in range(n)] for i in range(n)]


C5_LOWER = [row[:i] for i, row in enumerate(cycle_metric(5))]
case("distance-matrix-lower-c5", "The graph metric of the 5-cycle as a lower-triangular "
     "distance matrix (row i has i entries, Ripser's lower-distance format): at 1 the 5-cycle, "
     "at 2 every pair is joined and every triangle is present. Barcode: H_0 {[0,1) ×4, [0,∞)}, "
     "H_1 {[1,2)}; persistent β_1^{1,1} = 1, β_1^{1,2} = 0.",
     None, ["chain_dims", "barcode", "persistent_betti"],
     input={"type": "distance_matrix", "matrix": C5_LOWER},
     options={"requests": [request(1, 1, 1), request(1, 1, 2), request(0, 0, 1)]},
     closed={"chain_dims": [5, 10],
             "barcode": {"0": rep([0.0, 1.0], 4) + [[0.0, None]], "1": [[1.0, 2.0]]},
             "persistent_betti": [request(1, 1, 1, value=1), request(1, 1, 2, value=0),
                                  request(0, 0, 1, value=1)]},
     cite="hand computation: Rips of the cycle metric (diameter convention)",
     tags=["barcode", "lower-triangular"])
case("distance-matrix-full-c6-max-dim-2", "The graph metric of the 6-cycle as a full matrix, "
     "max_dim 2: at 1 the hexagon; at 2 every pair except the 3 antipodal ones is joined, and "
     "its clique complex is the octahedron (the cross-polytope on the antipodal pairs), a "
     "2-sphere; at 3 the full simplex (built up to tetrahedra). Barcode: H_0 {[0,1) ×5, "
     "[0,∞)}, H_1 {[1,2)}, H_2 {[2,3)}.",
     None, ["barcode", "persistent_betti"],
     input={"type": "distance_matrix", "matrix": cycle_metric(6)},
     options={"max_dim": 2, "requests": [request(2, 2, 2), request(2, 2, 3), request(1, 1, 1.5)]},
     closed={"barcode": {"0": rep([0.0, 1.0], 5) + [[0.0, None]], "1": [[1.0, 2.0]],
                         "2": [[2.0, 3.0]]},
             "persistent_betti": [request(2, 2, 2, value=1), request(2, 2, 3, value=0),
                                  request(1, 1, 1.5, value=1)]},
     cite="hand computation: Rips of the cycle metric; the clique complex of K_6 minus a "
          "perfect matching is the octahedron",
     tags=["barcode"])
HEX_POINTS = [[math.cos(math.pi * k / 3), math.sin(math.pi * k / 3)] for k in range(6)]
case("rips-hexagon-threshold", "Six points of a regular hexagon (circumradius 1: distances 1, "
     "√3, 2) with max_value 1.8 (inclusive threshold: the antipodal pairs, at 2, are left out) "
     "and max_dim 2: at √3 the complex is the octahedron, which is never filled. Barcode: H_0 "
     "{[0,1) ×5, [0,∞)}, H_1 {[1,√3)}, H_2 {[√3,∞)}; the whole complex has f = (6,12,8) and "
     "β = (1,0,1).",
     None, ["chain_dims", "betti", "barcode"],
     input={"type": "point_cloud", "points": HEX_POINTS, "complex": "rips", "max_value": 1.8},
     options={"max_dim": 2},
     closed={"chain_dims": [6, 12, 8], "betti": [1, 0, 1],
             "barcode": {"0": rep([0.0, 1.0], 5) + [[0.0, None]], "1": [[1.0, r12(math.sqrt(3))]],
                         "2": [[r12(math.sqrt(3)), None]]}},
     cite="hand computation: regular hexagon distances 1, √3, 2; Rips at √3 = octahedron",
     tags=["barcode", "threshold"])


def random_points(seed, n, dim, scale=1.0):
    rng = np.random.default_rng(seed)
    return [[round(float(x) * scale, 4) for x in p] for p in rng.random((n, dim))]


def noisy_sphere(seed, n):
    rng = np.random.default_rng(seed)
    out = []
    for p in rng.normal(size=(n, 3)):
        p = p / np.linalg.norm(p) * (1 + 0.05 * rng.normal())
        out.append([round(float(x), 4) for x in p])
    return out


def random_metric_lower(seed, n):
    """A random (non-metric) dissimilarity, as a lower triangle."""
    rng = np.random.default_rng(seed)
    return [[round(float(x), 4) for x in rng.random(i)] for i in range(n)]


def full_matrix(lower):
    n = len(lower)
    return [[0.0 if i == j else lower[max(i, j)][min(i, j)] for j in range(n)] for i in range(n)]


case("rips-random-plane-20", "20 random points in the unit square (NumPy default_rng(1), 4 "
     "decimals), Rips up to triangles (max_dim 1): barcode, persistent Betti numbers and "
     "persistent Laplacian spectra.",
     None, ["barcode", "persistent_betti", "persistent_laplacian_spectrum"],
     input={"type": "point_cloud", "points": random_points(1, 20, 2), "complex": "rips"},
     options={"requests": [request(0, 0.1, 0.2), request(1, 0.25, 0.3), request(1, 0.3, 0.4)]},
     gudhi=True, tags=["barcode", "random"])
case("rips-random-sphere-14-z2", "14 points near the unit sphere (NumPy default_rng(7), radius "
     "1 ± 5 %), Rips over Z/2 with max_dim 2 (built up to tetrahedra): an H_2 bar appears.",
     None, ["barcode", "betti"],
     input={"type": "point_cloud", "points": noisy_sphere(7, 14), "complex": "rips"},
     options={"coefficients": "Z2", "max_dim": 2}, gudhi=True, tags=["barcode", "random"])
case("rips-random-plane-25-threshold", "25 random points in the unit square (default_rng(2)) "
     "with max_value 0.3 (inclusive threshold), max_dim 1, coefficients Z/3: barcode and the "
     "whole thresholded complex.",
     None, ["chain_dims", "betti", "barcode"],
     input={"type": "point_cloud", "points": random_points(2, 25, 2), "complex": "rips",
            "max_value": 0.3},
     options={"coefficients": "Zp:3"}, gudhi=True, tags=["barcode", "random", "threshold"])
case("distance-matrix-random-lower-16", "A random dissimilarity on 16 points (lower triangle, "
     "default_rng(5), not a metric), Rips with max_dim 1: barcode and spectral curves.",
     None, ["barcode", "spectral_curves"],
     input={"type": "distance_matrix", "matrix": random_metric_lower(5, 16)},
     options={"values": [0.05, 0.1, 0.2, 0.3]}, gudhi=True,
     tags=["barcode", "random", "lower-triangular", "spectral-curves"])
case("distance-matrix-random-full-12-max-dim-2", "A random dissimilarity on 12 points as a full "
     "symmetric matrix (default_rng(11)), max_dim 2, Q: barcode, persistent Laplacian, Dirac "
     "and harmonic spaces in degree 1.",
     None, ["barcode", "persistent_betti", "persistent_laplacian_spectrum",
            "persistent_dirac_spectrum", "persistent_harmonic_basis"],
     input={"type": "distance_matrix", "matrix": full_matrix(random_metric_lower(11, 12))},
     options={"max_dim": 2, "requests": [request(1, 0.3, 0.35), request(1, 0.35, 0.5),
                                         request(0, 0.1, 0.3)]},
     gudhi=True, tags=["barcode", "random"])


# =============================================================================================
# Digraphs (GLMY path homology, path Laplacians, PPH: REFERENCE §3.5) and hypergraphs
# (embedded homology: REFERENCE §3.4).  Directed flag complexes (§3.6) are not a case input.


def digraph(vertices, arcs, **fields):
    return dict({"type": "digraph", "vertices": vertices, "arcs": [list(a) for a in arcs]},
                **fields)


def hypergraph(hyperedges, **fields):
    return dict({"type": "hypergraph", "hyperedges": [list(e) for e in hyperedges]}, **fields)


def path_harmonic(cells, vectors_by_cell):
    """A closed-form harmonic space on allowed paths: cells are vertex sequences (not sorted:
    a path's order is its orientation), listed in lexicographic order as the answer lists
    them; basis vectors as {path: coefficient} dicts."""
    cells = sorted(tuple(c) for c in cells)
    vectors = [[coeffs.get(c, 0) for c in cells] for coeffs in vectors_by_cell]
    return {"cells": [list(c) for c in cells], "vectors": orthonormal(vectors) if vectors else []}


def allowed_paths_of(arcs, n_vertices, p):
    """The allowed p-paths (walks along arcs) of a digraph on vertices 0 … n−1."""
    paths = [(v,) for v in range(n_vertices)]
    for _ in range(p):
        paths = [s + (b,) for s in paths for a, b in arcs if a == s[-1]]
    return sorted(paths)


REF35 = "REFERENCE §3.5"
GLMY = "Grigor'yan–Lin–Muranov–Yau, arXiv:1207.2834"
JL_DIGRAPH = (f"{REF35} JL digraph (Liu–Shen–Wei arXiv:2310.07570, JoybearLiu/ChatGPT-for-"
              f"computational-topology digraphs/*; full GLMY values [V])")
PATH_LAPLACIAN = (f"{REF35} path-Laplacian table [V] (Wang–Wei, Found. Data Sci. 5(1), 2023: "
                  "orthonormal Ω basis)")
PATH_TABLE = f"{REF35} path-homology table [V] ({GLMY})"
REF34 = ("REFERENCE §3.4 (JL hypergraph/main_compute.py, Liu–Shen–Wei arXiv:2310.07570; "
         "embedded homology of Bressan–Li–Ren–Wu, Asian J. Math. 2019) [V]")
REF34_OTHER = ("REFERENCE §3.4 other hypergraphs and §1.8 singleton-vertex convention [V] "
               "(Bressan–Li–Ren–Wu embedded homology; HyperNetX TriLoop)")
PPH = (f"{REF35} cycle networks (Chowdhury–Mémoli, SODA 2018, arXiv:1701.00565; "
       "samirchowdhury/pypph tests/cycleNet.py, README N=11 → (1,6); pph-matlab N=5 → [1,3])")

# ---------------------------------------------------------------- digraphs: the seed paper
JL_ARCS = [(1, 2), (1, 3), (2, 3), (2, 4), (3, 4)]
case("digraph-jl-seed", "Seed-paper (JL) digraph 1→2, 1→3, 2→3, 2→4, 3→4, max_dim 3. Allowed "
     "paths: 4 vertices, 5 arcs, 123, 124, 134, 234 and 1234. dim Ω = (4,5,3,1) with Ω_2 = "
     "⟨123, 234, 124−134⟩ and Ω_3 = ⟨1234⟩; β = (1,0,0,0) (JL, with simple paths of length ≤ 2, "
     "reports β = [1,0,1]: F7). ev(L_2) = {4,4,4}, ev(L_3) = {4}; L_0 = JL's printed matrix "
     "(the graph Laplacian of K_4 minus 14: {0,2,4,4}); ev(L_1) = {2,4,4,4,4} (its down part "
     "has the nonzero eigenvalues of L_0, its up part those of B_2ᵀB_2, {4,4}).",
     None, ["chain_dims", "betti", "boundary_ranks", "laplacian_spectrum"],
     input=digraph([1, 2, 3, 4], JL_ARCS), options={"max_dim": 3},
     closed={"chain_dims": [4, 5, 3, 1], "betti": [1, 0, 0, 0], "boundary_ranks": [3, 2, 1, 0],
             "laplacian_spectrum": {"0": [0.0, 2.0, 4.0, 4.0], "1": [2.0, 4.0, 4.0, 4.0, 4.0],
                                    "2": [4.0, 4.0, 4.0], "3": [4.0]}},
     cite=JL_DIGRAPH + "; L_0 from the printed JL matrix, L_1 by the Hodge decomposition, "
          "boundary ranks by rank–nullity", tags=["seed-paper", "spectra"])
case("digraph-jl-seed-dirac", "JL digraph (as digraph-jl-seed, max_dim 2, so paths are built "
     "to degree 3): Dirac operator over Ω_0 ⊕ … ⊕ Ω_3 (13 dimensions): D² = ⊕L_q, so spec D = "
     "±√λ for the nonzero λ of {0,2,4,4} ∪ {2,4⁴} ∪ {4³} ∪ {4} paired up, plus one 0; per-degree "
     "Dirac spectra and up/down Laplacians by two methods.",
     None, ["dirac_spectrum", "dirac_spectrum_by_degree"] + UPDOWN,
     input=digraph([1, 2, 3, 4], JL_ARCS),
     closed={"dirac_spectrum": dirac_from_laplacians(
         {"0": [0.0, 2.0, 4.0, 4.0], "1": [2.0, 4.0, 4.0, 4.0, 4.0], "2": [4.0, 4.0, 4.0],
          "3": [4.0]}, 1)},
     cite=JL_DIGRAPH + "; D² = ⊕L_q (Suwayyid–Wei, arXiv:2311.14893)",
     tags=["seed-paper", "dirac", "up-down"])

# ---------------------------------------------------------------- digraphs: small examples
case("digraph-single-arc", "a→b: β = (1,0), Ω = (2,1); ev(L_0) = {0,2}, ev(L_1) = {2}.",
     None, ["chain_dims", "betti", "laplacian_spectrum"], input=digraph(2, [(0, 1)]),
     options={"max_dim": 1},
     closed={"chain_dims": [2, 1], "betti": [1, 0],
             "laplacian_spectrum": {"0": [0.0, 2.0], "1": [2.0]}},
     cite=PATH_TABLE + "; B_1 = (−1, 1)ᵀ", tags=["edge-case"])
case("digraph-bigon-regular", "a⇄b, regular theory, max_dim 3: the walks abab… and baba… are "
     "allowed and ∂-invariant (faces with aa, bb vanish), so dim Ω_p = 2 for every p and β = "
     "(1,0,0,0); ev(L_0) = {0,4}, ev(L_1) = ev(L_2) = {4,4}; L_3 = B_3ᵀB_3 + B_4B_4ᵀ = "
     "[[2,−2],[−2,2]] + [[2,2],[2,2]] = 4I (∂abab = bab − aba, ∂ababa = baba + abab).",
     None, ["chain_dims", "betti", "laplacian_spectrum"], input=digraph(2, [(0, 1), (1, 0)]),
     options={"max_dim": 3},
     closed={"chain_dims": [2, 2, 2, 2], "betti": [1, 0, 0, 0],
             "laplacian_spectrum": {"0": [0.0, 4.0], "1": [4.0, 4.0], "2": [4.0, 4.0],
                                    "3": [4.0, 4.0]}},
     cite=PATH_TABLE + "; " + PATH_LAPLACIAN + "; L_3 by hand", tags=["spectra"])
case("digraph-bigon-non-regular", "a⇄b in the non-regular theory (path_theory non_regular): "
     "aa and bb are kept as never-allowed faces, so Ω_2 = 0 and β = (1,1,0) (regular: "
     "(1,0,0)).",
     None, ["chain_dims", "betti"], input=digraph(2, [(0, 1), (1, 0)]),
     options={"path_theory": "non_regular"},
     closed={"chain_dims": [2, 2, 0], "betti": [1, 1, 0]},
     cite=PATH_TABLE + " (non-regular: Huntsman–Yutin, SteveHuntsmanBAESystems/"
          "PerformantPathHomology)", tags=["non-regular"])
R3 = math.sqrt(3)
case("digraph-transitive-triangle", "Transitive triangle 0→1, 1→2, 0→2: Ω = (3,3,1) with "
     "Ω_2 = ⟨012⟩, β = (1,0,0); ev(L_0) = {0,3,3}, ev(L_1) = {3,3,3}, ev(L_2) = {3}; Dirac over "
     "Ω_0 ⊕ … ⊕ Ω_3: {±√3 ×3, 0}.",
     None, ["chain_dims", "betti", "laplacian_spectrum", "dirac_spectrum"],
     input=digraph(3, [(0, 1), (1, 2), (0, 2)]),
     closed={"chain_dims": [3, 3, 1], "betti": [1, 0, 0],
             "laplacian_spectrum": {"0": [0.0, 3.0, 3.0], "1": [3.0, 3.0, 3.0], "2": [3.0]},
             "dirac_spectrum": spec([-R3] * 3 + [0] + [R3] * 3)},
     cite=PATH_TABLE + "; " + PATH_LAPLACIAN + "; D² = ⊕L_q", tags=["spectra", "dirac"])
case("digraph-transitive-triangle-relabelled", "Transitive triangle with source 2 and sink 0 "
     "(2→1, 1→0, 2→0; vertex ids listed as [2, 0, 1]): β = (1,0), Ω = (3,3,1).",
     None, ["chain_dims", "betti"], input=digraph([2, 0, 1], [(2, 1), (1, 0), (2, 0)]),
     options={"max_dim": 1, "coefficients": "Z2"},
     closed={"chain_dims": [3, 3], "betti": [1, 0]},
     cite=PATH_TABLE + " (C_3: the 6 acyclic orientations give (1,0))", tags=["relabelled"])
C = 1 / math.sqrt(3)
case("digraph-cyclic-triangle", "Cyclic triangle 0→1→2→0: every 2-path has a non-allowed face, "
     "Ω_2 = 0, β = (1,1,0); ev(L_0) = ev(L_1) = {0,3,3}. The harmonic 1-chain is the cycle "
     "e_01 + e_12 + e_20 on the allowed paths (cells in path order: [2,0], not [0,2]).",
     None, ["chain_dims", "betti", "laplacian_spectrum", "harmonic_basis"],
     input=digraph(3, [(0, 1), (1, 2), (2, 0)]),
     closed={"chain_dims": [3, 3, 0], "betti": [1, 1, 0],
             "laplacian_spectrum": {"0": [0.0, 3.0, 3.0], "1": [0.0, 3.0, 3.0], "2": []},
             "harmonic_basis": {
                 "0": path_harmonic([(0,), (1,), (2,)], [{(0,): 1, (1,): 1, (2,): 1}]),
                 "1": path_harmonic([(0, 1), (1, 2), (2, 0)], [{(0, 1): 1, (1, 2): 1, (2, 0): 1}]),
                 "2": path_harmonic([(0, 1, 2), (1, 2, 0), (2, 0, 1)], [])}},
     cite=PATH_TABLE + "; " + PATH_LAPLACIAN + "; harmonic chains = ker ∂ ∩ ker ∂* (Ω_2 = 0)",
     tags=["spectra", "harmonic"])
SQUARE_ARCS = [(0, 1), (1, 3), (0, 2), (2, 3)]
case("digraph-square", "Directed square a→b→d, a→c→d (a, b, c, d = 0, 1, 2, 3): Ω_2 = "
     "⟨e_abd − e_acd⟩, β = (1,0,0). In an orthonormal Ω basis ev(L_0) = {0,2,2,4}, ev(L_1) = "
     "{2,2,2,4}, ev(L_2) = {2}; the raw vector e_abd − e_acd would give {4} (unnormalised Ω "
     "basis). Harmonic: the constants in degree 0, nothing in degrees 1 and 2.",
     None, ["chain_dims", "betti", "laplacian_spectrum", "harmonic_basis"],
     input=digraph(4, SQUARE_ARCS),
     closed={"chain_dims": [4, 4, 1], "betti": [1, 0, 0],
             "laplacian_spectrum": {"0": [0.0, 2.0, 2.0, 4.0], "1": [2.0, 2.0, 2.0, 4.0],
                                    "2": [2.0]},
             "harmonic_basis": {
                 "0": path_harmonic([(v,) for v in range(4)], [{(v,): 1 for v in range(4)}]),
                 "1": path_harmonic(SQUARE_ARCS, []),
                 "2": path_harmonic([(0, 1, 3), (0, 2, 3)], [])}},
     cite=PATH_TABLE + "; " + PATH_LAPLACIAN + "; REFERENCE §1.6 normalisation pitfall",
     tags=["spectra", "harmonic"])
case("digraph-square-up-down", "Directed square (as digraph-square): up and down path "
     "Laplacians and per-degree Dirac operators in an orthonormal Ω basis.",
     None, UPDOWN + ["dirac_spectrum_by_degree"], input=digraph(4, SQUARE_ARCS),
     tags=["spectra", "up-down", "dirac"])
for name, n, arcs, text in [
        ("digraph-c4-cyclic", 4, [(0, 1), (1, 2), (2, 3), (3, 0)], "the cyclic 4-cycle"),
        ("digraph-c4-alternating", 4, [(0, 1), (2, 1), (2, 3), (0, 3)],
         "the alternating 4-cycle 0→1←2→3←0 (no 2-paths)"),
        ("digraph-c4-long-path", 4, [(0, 1), (1, 2), (2, 3), (0, 3)],
         "the 4-cycle 0→1→2→3 plus 0→3 (one 3-path, not a square)"),
        ("digraph-c5-one-reversed", 5, [(0, 1), (1, 2), (2, 3), (3, 4), (0, 4)],
         "the 5-cycle with one arc reversed"),
        ("digraph-c6-cyclic", 6, [(i, (i + 1) % 6) for i in range(6)], "the cyclic 6-cycle")]:
    case(name, f"Orientation of a cycle that is not a square: {text}. Only the 4 square "
         f"orientations of C_4 have β = (1,0); every other orientation of C_4, C_5, C_6 has "
         f"β = (1,1).", None, ["betti"], input=digraph(n, arcs), options={"max_dim": 1},
         closed={"betti": [1, 1]},
         cite=PATH_TABLE + " (C_4: 12 of 16 orientations give (1,1); C_5, C_6: all)",
         tags=["cycle"])

OCT_ARCS = [(0, 1), (2, 1), (0, 3), (2, 3)] + [(a, v) for a in (4, 5) for v in range(4)]
case("digraph-octahedron", "Octahedron digraph (sheaves path_homology examples.py): 0→1, 2→1, "
     "0→3, 2→3 and 4, 5 → each of 0–3, max_dim 3. Ω = (6,12,8,0), β = (1,0,1,0); ev(L_0) = "
     "{0,4,4,4,6,6} (the octahedron graph), ev(L_1) = {2³,4⁶,6³}, ev(L_2) = {0,2³,4³,6}.",
     None, ["chain_dims", "betti", "laplacian_spectrum"], input=digraph(6, OCT_ARCS),
     options={"max_dim": 3},
     closed={"chain_dims": [6, 12, 8, 0], "betti": [1, 0, 1, 0],
             "laplacian_spectrum": {"0": OCT_L["0"], "1": OCT_L["1"], "2": OCT_L["2"], "3": []}},
     cite=PATH_TABLE + " and path-Laplacian table (sheaves examples.py); L_0 = the Laplacian "
          "of the octahedron graph", tags=["sphere", "spectra"])
case("digraph-octahedron-harmonic", "Octahedron digraph: harmonic bases on the allowed paths "
     "(H_2 is one class, a combination of the 8 allowed 2-paths).",
     None, ["betti", "harmonic_basis"], input=digraph(6, OCT_ARCS),
     closed={"betti": [1, 0, 1]}, cite=PATH_TABLE, tags=["sphere", "harmonic"])


def layered(sizes):
    ids, start = [], 0
    for n in sizes:
        ids.append(list(range(start, start + n)))
        start += n
    return start, [(a, b) for i in range(len(sizes) - 1) for a in ids[i] for b in ids[i + 1]]


for sizes in [(2, 2), (3, 3), (2, 2, 2), (3, 2, 2), (2, 2, 2, 2), (3, 3, 2)]:
    k = len(sizes) - 1
    n, arcs = layered(sizes)
    top = math.prod(m - 1 for m in sizes)
    case("digraph-layered-k" + "".join(map(str, sizes)), f"Layered complete digraph "
         f"K_{{{','.join(map(str, sizes))}}}: every arc from layer i to layer i+1. Only β̃_{k} "
         f"≠ 0, equal to Π(n_i − 1) = {top}; max_dim {k}.",
         None, ["chain_dims", "betti"], input=digraph(n, arcs), options={"max_dim": k},
         closed={"betti": [1] + [0] * (k - 1) + [top] if k > 1 else [1, top]},
         cite=PATH_TABLE + " (layered complete digraphs; GLMY join Künneth formula)",
         tags=["layered"])

CUBE_ARCS = [(i, i | (1 << b)) for i in range(8) for b in range(3) if not i & (1 << b)]
case("digraph-cube", "The cube digraph (flagser test/c.flag): vertices 0–7, i → i + 2^b when "
     "bit b of i is 0. Path homology (1,0,0,0), Ω = (8,12,6,1) (the directed flag complex "
     "would have β = (1,5)).",
     None, ["chain_dims", "betti"], input=digraph(8, CUBE_ARCS), options={"max_dim": 3},
     closed={"chain_dims": [8, 12, 6, 1], "betti": [1, 0, 0, 0]},
     cite=PATH_TABLE + " (cube = luetge/flagser test/c.flag)", tags=["cube"])
EXOTIC = [(1, 2), (1, 3), (1, 4), (1, 5), (2, 6), (2, 7), (3, 6), (3, 8), (4, 7), (4, 9),
          (5, 8), (5, 9), (6, 0), (7, 0), (8, 0), (9, 0)]
case("digraph-exotic-sphere", "sheaves `exotic_sphere` digraph: 1 → 2, 3, 4, 5; 2 → 6, 7; "
     "3 → 6, 8; 4 → 7, 9; 5 → 8, 9; 6, 7, 8, 9 → 0. β = (1,0,0,0), Ω = (10,16,8,1).",
     None, ["chain_dims", "betti"], input=digraph(10, EXOTIC), options={"max_dim": 3},
     closed={"chain_dims": [10, 16, 8, 1], "betti": [1, 0, 0, 0]},
     cite=PATH_TABLE + " (sheaves path_homology examples.py exotic_sphere)", tags=["sphere"])
HUNTSMAN = list(zip([1, 1, 2, 2, 2, 3, 4, 4], [2, 4, 1, 3, 4, 4, 2, 3]))
for theory, betti in (("regular", [1, 0, 0, 0]), ("non_regular", [1, 0, 0, 1])):
    case(f"digraph-huntsman-{theory.replace('_', '-')}", f"Huntsman's example s = "
         f"[1,1,2,2,2,3,4,4], t = [2,4,1,3,4,4,2,3] (1⇄2, 2⇄4 and 1→4, 2→3, 3→4, 4→3), "
         f"{theory.replace('_', '-')} theory, max_dim 3: β = ({','.join(map(str, betti))}).",
         None, ["betti"], input=digraph([1, 2, 3, 4], HUNTSMAN),
         options={"max_dim": 3, "path_theory": theory}, closed={"betti": betti},
         cite=PATH_TABLE + " (SteveHuntsmanBAESystems/PerformantPathHomology pathhomology.m: "
              "non-regular [S, V]; regular [V])", tags=["non-regular"] if theory != "regular" else [])

# Bidirected RP² graph of kylekoyanagi/PathHomology src/main.jl (GRP2): vertices 1–5, a–j,
# k, l, m, o, p, n, q, r, s, t, z → ids 0–25 in that order; every edge in both directions.
GRP2_NAMES = ["1", "2", "3", "4", "5"] + list("abcdefghij") + list("klmopnqrst") + ["z"]
GRP2_EDGES = ([("1", "2"), ("2", "3"), ("3", "4"), ("4", "5"), ("5", "1")] +
              [(x, y) for x, y in zip("abcdefghij", "bcdefghija")] +
              [(x, y) for x, y in zip("klmopnqrst", "lmopnqrstk")] +
              [(str(i % 5 + 1), x) for i, x in enumerate("abcdefghij")] +
              [(x, y) for x, y in zip("abcdefghij", "klmopnqrst")] + [(x, "z") for x in "klmopnqrst"])
assert len(GRP2_NAMES) == 26 and len(GRP2_EDGES) == 55
GRP2 = [(GRP2_NAMES.index(a), GRP2_NAMES.index(b)) for e in GRP2_EDGES for a, b in (e, e[::-1])]
for coeff, betti in (("Z2", [1, 1, 1]), ("Zp:3", [1, 0, 0]), ("Zp:10007", [1, 0, 0])):
    case(f"digraph-grp2-{coeff.lower().replace(':', '')}", f"Bidirected RP² graph GRP2 "
         f"(kylekoyanagi/PathHomology src/main.jl; 26 vertices, 110 arcs), max_dim 2, over "
         f"{coeff}: β = ({','.join(map(str, betti))}) — path homology sees the torsion Z/2 of RP².",
         None, ["betti"], input=digraph(26, GRP2), options={"max_dim": 2, "coefficients": coeff},
         closed={"betti": betti},
         cite=PATH_TABLE + " (GRP2 of kylekoyanagi/PathHomology, integer Smith normal form)",
         tags=["rp2", "torsion"])

# ---------------------------------------------------------------- digraphs: PPH and persistent path Laplacians


def cycle_network(n):
    """pypph tests/cycleNet.py: the complete digraph on 0 … n−1 with w(i→j) = (j − i) mod n."""
    return digraph(n, [(i, j, (j - i) % n) for i in range(n) for j in range(n) if i != j])


for n in range(3, 9):
    case(f"digraph-cycle-network-{n}", f"Cycle network N = {n} (complete digraph, w(i→j) = "
         f"(j − i) mod {n}), max_dim 1: the arcs i→i+1 (weight 1) connect everything and close "
         f"the cycle at 1; PPH_1 is one bar [1, ⌈N/2⌉) = [1, {math.ceil(n / 2)}). H_0: [0,1) ×{n - 1} "
         f"and [0,∞).", None, ["barcode"], input=cycle_network(n), options={"max_dim": 1},
         closed={"barcode": {"0": rep([0.0, 1.0], n - 1) + [[0.0, None]],
                             "1": [[1.0, float(math.ceil(n / 2))]]}},
         cite=PPH + " [S]; N = 3..8 [V]", tags=["barcode", "pph"])
case("digraph-cycle-network-6-persistent-laplacian", "Cycle network N = 6: persistent path "
     "Laplacians Δ_1^{1,2} = {0,1,1,3,3,4} (the 6-cycle survives to 2: β_1^{1,2} = 1) and "
     "Δ_1^{1,3} = {1,1,3,3,4,5.4} (killed by 3: β_1^{1,3} = 0); persistent Dirac operators by "
     "two methods.",
     None, PERSISTENT, input=cycle_network(6),
     options={"max_dim": 1, "requests": [request(1, 1, 2), request(1, 1, 3)]},
     closed={"persistent_betti": [request(1, 1, 2, value=1), request(1, 1, 3, value=0)],
             "persistent_laplacian_spectrum": [
                 request(1, 1, 2, eigenvalues=[0.0, 1.0, 1.0, 3.0, 3.0, 4.0]),
                 request(1, 1, 3, eigenvalues=[1.0, 1.0, 3.0, 3.0, 4.0, 5.4])]},
     cite=f"{REF35} path-Laplacian table, cycle networks [V] (persistent path Laplacian: "
          "Wang–Wei; Ω^{a,b} as CASES.md)", tags=["persistent-laplacian", "pph"])
S5 = math.sqrt(5)
case("digraph-cycle-network-5-persistent-laplacian", "Cycle network N = 5: Δ_1^{1,2} = "
     "{0, (5−√5)/2 ×2, (5+√5)/2 ×2} (the 5-cycle's Laplacian: the cycle survives to 2, "
     "β_1^{1,2} = 1), with its persistent harmonic space.",
     None, ["persistent_betti", "persistent_laplacian_spectrum", "persistent_harmonic_basis"],
     input=cycle_network(5), options={"max_dim": 1, "requests": [request(1, 1, 2)]},
     closed={"persistent_betti": [request(1, 1, 2, value=1)],
             "persistent_laplacian_spectrum": [request(1, 1, 2, eigenvalues=spec(
                 [0, (5 - S5) / 2, (5 - S5) / 2, (5 + S5) / 2, (5 + S5) / 2]))]},
     cite=f"{REF35} path-Laplacian table, cycle networks [V]",
     tags=["persistent-laplacian", "harmonic", "pph"])
case("digraph-cycle-network-6-non-regular", "Cycle network N = 6 in the non-regular theory: "
     "at t = 3 the 1-cycle is still alive (β_1 = 1; regular: 0), so β_1^{3,3} = 1; barcode by "
     "two methods.",
     None, ["persistent_betti", "barcode"], input=cycle_network(6),
     options={"max_dim": 1, "path_theory": "non_regular", "requests": [request(1, 3, 3)]},
     closed={"persistent_betti": [request(1, 3, 3, value=1)]},
     cite=PPH + "; non-regular N = 6, t = 3 [V]", tags=["non-regular", "pph"])
case("digraph-filtered-triangle-vertex-values", "A filtered digraph with vertex values: "
     "vertices 0, 1, 2 with values 0, 0, 1.5; arcs 0→1 (1), 1→2 (1), 2→0 (1), 0→2 (2). An arc "
     "enters at max(weight, endpoint values): 01 at 1, 12 and 20 at 1.5, 02 at 2. At 1.5 vertex "
     "2 and the cyclic triangle enter (H_1 born; the new component dies at once); at 2, 0⇄2 "
     "makes 012 and 020 ∂-invariant and ∂(012 + 020) = 01 + 12 + 20 kills the cycle. Barcode: "
     "H_0 {[0,∞), [0,1)}, H_1 {[1.5,2)}, H_2 none. Δ_1^{1.5,2}: C^{1.5,2}_2 = {α·012 + β·020 + "
     "γ·202 : α = β + γ} (2-dimensional, boundaries ∝ the cycle z), up term (2/3)·zzᵀ, down "
     "term the cyclic triangle's {0,3,3} with kernel z: {2,3,3}. Δ_0^{1,1.5} = {0,3}: "
     "C^{1,1.5}_1 = ⟨01, 12 + 20⟩ (12 + 20 has boundary 0 − 1, which avoids vertex 2).",
     None, ["barcode", "persistent_betti", "persistent_laplacian_spectrum"],
     input=digraph(3, [(0, 1, 1), (1, 2, 1), (2, 0, 1), (0, 2, 2)], vertex_values=[0, 0, 1.5]),
     options={"requests": [request(1, 1.5, 1.9), request(1, 1.5, 2), request(0, 1, 1.5)]},
     closed={"barcode": {"0": [[0.0, 1.0], [0.0, None]], "1": [[1.5, 2.0]], "2": []},
             "persistent_betti": [request(1, 1.5, 1.9, value=1), request(1, 1.5, 2, value=0),
                                  request(0, 1, 1.5, value=1)],
             "persistent_laplacian_spectrum": [
                 request(1, 1.5, 1.9, eigenvalues=[0.0, 3.0, 3.0]),
                 request(1, 1.5, 2, eigenvalues=[2.0, 3.0, 3.0]),
                 request(0, 1, 1.5, eigenvalues=[0.0, 3.0])]},
     cite="hand computation (CASES.md digraph filtration: arc value = max(weight, endpoint "
          "values); Ω(G_t) as GLMY/Chowdhury–Mémoli; Δ_q^{a,b} as CASES.md); Δ_0^{1,1.5}: "
          "C^{1,1.5}_1 = ⟨01, 12 + 20⟩ (∂(12 + 20) = 0 − 1 avoids the new vertex 2), up term "
          "(−1,1)(−1,1)ᵀ + ½(1,−1)(1,−1)ᵀ: {0, 3}",
     tags=["barcode", "persistent-laplacian", "vertex-values"])

# ---------------------------------------------------------------- hypergraphs (REFERENCE §3.4)
HV = [[v] for v in range(6)]
HHEX = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [0, 5]]
H3_TRIANGLES = [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [0, 4, 5], [0, 1, 5]]
H4_TRIANGLES = [list(t) for t in combinations(range(6), 3) if t not in ((0, 2, 4), (1, 3, 5))]
case("hypergraph-h1-vertices", "JL hypergraph H1: the six singletons [0]…[5]. Inf = (6), "
     "β = [6], L_0 = 0.",
     None, ["chain_dims", "betti", "laplacian_spectrum"], input=hypergraph(HV),
     closed={"chain_dims": [6], "betti": [6], "laplacian_spectrum": {"0": rep(0.0, 6)}},
     cite=REF34, tags=["seed-paper", "spectra"])
case("hypergraph-h2-hexagon", "JL hypergraph H2: the six vertices and the hexagon edges (a "
     "simplicial complex): Inf = (6,6), β = [1,1], ev(L_0) = ev(L_1) = {0,1,1,3,3,4}; the "
     "harmonic 1-chain is the oriented hexagon; Dirac {±1 ×2, ±√3 ×2, ±2, 0 ×2}.",
     None, ["chain_dims", "betti", "laplacian_spectrum", "dirac_spectrum", "harmonic_basis"],
     input=hypergraph(HV + HHEX),
     closed={"chain_dims": [6, 6], "betti": [1, 1],
             "laplacian_spectrum": {"0": HEX_EV, "1": HEX_EV},
             "dirac_spectrum": spec([-2, -R3, -R3, -1, -1, 0, 0, 1, 1, R3, R3, 2]),
             "harmonic_basis": {
                 "0": harmonic(cells_of(HEXAGON, 0), [{(v,): 1 for v in range(6)}]),
                 "1": harmonic(cells_of(HEXAGON, 1), [{(0, 1): 1, (1, 2): 1, (2, 3): 1,
                                                       (3, 4): 1, (4, 5): 1, (0, 5): -1}])}},
     cite=REF34 + "; a hypergraph that is a complex has its simplicial homology (REFERENCE §3 "
          "oracles); the hexagon S2 of §3.1", tags=["seed-paper", "spectra", "harmonic", "dirac"])
case("hypergraph-h3", "JL hypergraph H3: H2 plus the triangles 012, 123, 234, 345, 045, 015. "
     "Each triangle has one non-hexagon edge, so Inf_2 = 0: Inf = (6,6,0), β = [1,1,0]; L_0, L_1 "
     "as H2, L_2 empty.",
     None, ["chain_dims", "betti", "laplacian_spectrum"], input=hypergraph(HV + HHEX + H3_TRIANGLES),
     closed={"chain_dims": [6, 6, 0], "betti": [1, 1, 0],
             "laplacian_spectrum": {"0": HEX_EV, "1": HEX_EV, "2": []}},
     cite=REF34, tags=["seed-paper", "spectra"])
case("hypergraph-h4", "JL hypergraph H4: H2 plus the 18 triangles other than 024 and 135. "
     "Inf = (6,6,9), β = [1,0,8]; ev(L_0) = {0,1,1,3,3,4}, ev(L_1) = {1,1,3,3,4,6}, ev(L_2) = "
     "{0 ×8, 6} (JL's `eigvals > 0` reports 7.6e-20 as the smallest positive eigenvalue of "
     "L_2: F5).",
     None, ["chain_dims", "betti", "laplacian_spectrum"], input=hypergraph(HV + HHEX + H4_TRIANGLES),
     closed={"chain_dims": [6, 6, 9], "betti": [1, 0, 8],
             "laplacian_spectrum": {"0": HEX_EV, "1": [1.0, 1.0, 3.0, 3.0, 4.0, 6.0],
                                    "2": rep(0.0, 8) + [6.0]}},
     cite=REF34 + " (F5: REFERENCE §4)", tags=["seed-paper", "spectra"])
case("hypergraph-h4-up-down", "JL hypergraph H4: up and down Laplacians and Dirac spectra of the "
     "infimum complex (orthonormal Inf basis).",
     None, UPDOWN + ["dirac_spectrum", "dirac_spectrum_by_degree"],
     input=hypergraph(HV + HHEX + H4_TRIANGLES),
     closed={"dirac_spectrum": dirac_from_laplacians(
         {"0": HEX_EV, "1": [1.0, 1.0, 3.0, 3.0, 4.0, 6.0], "2": rep(0.0, 8) + [6.0]}, 9)},
     cite=REF34 + "; D² = ⊕L_q", tags=["seed-paper", "spectra", "up-down", "dirac"])
for k, (edges, betti, dims) in enumerate([
        ([[1, 3], [0, 1, 2], [0, 1, 3], [2, 3, 4]], [0, 0, 0], [0, 0, 0]),
        ([[5], [1, 2], [0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3]], [1, 0, 1], None),
        ([[2], [3], [2, 3, 5], [2, 4, 5], [3, 4, 5], [2, 3, 4]], [2, 0, 1], None)], start=1):
    closed = {"betti": betti}
    if dims:
        closed["chain_dims"] = dims
    case(f"hypergraph-jl-commented-{k}", f"Commented-out input of JL hypergraph/main_compute.py: "
         f"{edges}. Embedded β = {betti}" + (" (every Inf_q = 0)." if dims else "."),
         None, ["chain_dims", "betti"], input=hypergraph(edges), closed=closed,
         cite=REF34 + " (commented JL inputs)", tags=["seed-paper"])
case("hypergraph-f6", "The F6 input [[0],[1],[0,1],[0,1,2]]: the closure faces 02, 12 are not "
     "hyperedges, so Inf = (2,1,0), β = [1,0,0], ev(L_0) = {0,2}, ev(L_1) = {2}, L_2 empty (JL's "
     "hypergraph_Laplacian.py raises a shape ValueError; its Betti routine gives [1,0,0]).",
     None, ["chain_dims", "betti", "laplacian_spectrum", "harmonic_basis"],
     input=hypergraph([[0], [1], [0, 1], [0, 1, 2]]),
     closed={"chain_dims": [2, 1, 0], "betti": [1, 0, 0],
             "laplacian_spectrum": {"0": [0.0, 2.0], "1": [2.0], "2": []},
             "harmonic_basis": {"0": harmonic([(0,), (1,)], [{(0,): 1, (1,): 1}]),
                                "1": harmonic([(0, 1)], []), "2": harmonic([(0, 1, 2)], [])}},
     cite="REFERENCE §3.4 F6 input and §4 F6 [V]", tags=["seed-paper", "spectra", "harmonic"])
TRILOOP = [[0, 1], [1, 2], [0, 2, 3]]
case("hypergraph-triloop", "HyperNetX TriLoop {AB, BC, ACD} (A–D = 0–3) with the default "
     "option vertices \"listed\": no singleton is a hyperedge, so no vertex is a 0-cell; Inf = "
     "(0,0,0) and the embedded homology is 0 (the closure ΔH has β = (1,1,0)).",
     None, ["chain_dims", "betti"], input=hypergraph(TRILOOP),
     closed={"chain_dims": [0, 0, 0], "betti": [0, 0, 0]}, cite=REF34_OTHER, tags=["singletons"])
case("hypergraph-triloop-all-vertices", "HyperNetX TriLoop {AB, BC, ACD} with option vertices "
     "\"all\": A–D become 0-hyperedges; Inf = (4,2,0), β = (2,0,0).",
     None, ["chain_dims", "betti"], input=hypergraph(TRILOOP), options={"vertices": "all"},
     closed={"chain_dims": [4, 2, 0], "betti": [2, 0, 0]}, cite=REF34_OTHER, tags=["singletons"])
case("hypergraph-vertices-field-all", "Hyperedge {0,1} with the `vertices` field [0, 1, 2] and "
     "option vertices \"all\": 0, 1 and the isolated 2 become 0-hyperedges, Inf = (3,1), β = "
     "(2,0).",
     None, ["chain_dims", "betti"], input=hypergraph([[0, 1]], vertices=[0, 1, 2]),
     options={"vertices": "all"}, closed={"chain_dims": [3, 1], "betti": [2, 0]},
     cite="CASES.md option vertices (\"all\" adds every vertex of the `vertices` field and of "
          "some hyperedge) and embedded homology", tags=["singletons", "edge-case"])
case("hypergraph-vertices-field-listed", "Hyperedge {0,1} with the `vertices` field [0, 1, 2] "
     "and the default \"listed\": no 0-cells, so Inf_1 = ker ∂ ∩ ⟨01⟩ = 0: Inf = (0,0), β = "
     "(0,0).",
     None, ["chain_dims", "betti"], input=hypergraph([[0, 1]], vertices=[0, 1, 2]),
     closed={"chain_dims": [0, 0], "betti": [0, 0]},
     cite="CASES.md option vertices and REFERENCE §1.8 singleton-vertex convention",
     tags=["singletons", "edge-case"])
for name, edges, betti, text in [
        ("hypergraph-vertices-triangle", [[0, 1, 2]], [3, 0, 0], "V + {abc}"),
        ("hypergraph-vertices-edge-triangle", [[0, 1], [0, 1, 2]], [2, 0, 0], "V + {ab, abc}"),
        ("hypergraph-vertices-two-edges-triangle", [[0, 1], [1, 2], [0, 1, 2]], [1, 0, 0],
         "V + {ab, bc, abc}")]:
    case(name, f"{text} with V = the singletons of a, b, c (= 0, 1, 2): embedded β = "
         f"{tuple(betti)}.", None, ["betti", "chain_dims"],
         input=hypergraph([[0], [1], [2]] + edges), closed={"betti": betti}, cite=REF34_OTHER,
         tags=["singletons"])
TET_TRIANGLES = [list(t) for t in combinations(range(4), 3)]
case("hypergraph-tetrahedron-triangles-no-edges", "The 4 vertices and the 4 triangles of a "
     "tetrahedron, no edges: Inf_1 = 0, Inf_2 = the boundary 2-cycle; embedded β = (4,0,1) "
     "(the closure ∂Δ³ has (1,0,1)).",
     None, ["chain_dims", "betti"], input=hypergraph([[v] for v in range(4)] + TET_TRIANGLES),
     closed={"chain_dims": [4, 0, 1], "betti": [4, 0, 1]}, cite=REF34_OTHER, tags=["sphere"])
case("hypergraph-octahedron-complex", "The octahedron S3 given as a hypergraph with all its "
     "faces (vertices, 12 edges, 8 triangles): a hypergraph that is a simplicial complex has "
     "Inf = the chains and its simplicial homology and Laplacians: f = (6,12,8), β = (1,0,1), "
     "spectra as seed-octahedron.",
     None, ["chain_dims", "betti", "laplacian_spectrum"],
     input=hypergraph([list(f) for f in sorted(all_faces(OCTAHEDRON))]),
     closed={"chain_dims": [6, 12, 8], "betti": [1, 0, 1], "laplacian_spectrum": OCT_L},
     cite=SEED + " (S3); REFERENCE §3 oracles: a hypergraph that is a complex gives simplicial "
          "homology", tags=["seed-paper", "sphere", "spectra"])
RP2_HYPER = [[v] for v in range(1, 7)] + RP2_6
for coeff, betti in (("Z2", [6, 0, 1]), ("Zp:3", [6, 0, 0]), ("Q", [6, 0, 0])):
    case(f"hypergraph-rp2-triangles-{coeff.lower().replace(':', '')}", f"The 10 triangles of "
         f"the six-vertex RP² and its 6 vertices, no edges, over {coeff}: Inf_1 = 0 and Inf_2 = "
         f"the 2-chains with zero boundary over the coefficient field — over Z/2 the sum of all "
         f"triangles (the mod-2 fundamental class), over Q and Z/3 none. Embedded β = "
         f"({','.join(map(str, betti))}), Inf = ({','.join(map(str, betti))}). (Inf over Z/2 is "
         f"larger than Inf over Z reduced mod 2, which is 0 here.)",
         None, ["chain_dims", "betti"], input=hypergraph(RP2_HYPER),
         options={"coefficients": coeff}, closed={"chain_dims": betti, "betti": betti},
         cite="closed form: Inf_n = D_n ∩ ∂⁻¹D_{n−1} over the coefficient field (Bressan–Li–"
              "Ren–Wu; REFERENCE §1.8; Sup_2 = D_2 gives the same); H_2(RP²; Z/2) = Z/2, "
              "H_2(RP²; Q) = H_2(RP²; Z/3) = 0", tags=["rp2", "torsion"])
case("hypergraph-filtered-late-boundary", "A filtered hypergraph whose triangle comes before "
     "its edges: vertices 0, 1, 2 at 0, triangle 012 at 1, edges 01 at 2, 12 at 3, 02 at 4. The "
     "triangle enters Inf only at 4 (when its boundary is allowed), together with the cycle it "
     "kills. Barcode: H_0 {[0,∞), [0,2), [0,3)}, H_1 and H_2 empty. Δ_1^{3,4} = L_1 of the path "
     "01, 12 ({1,3}: C^{3,4}_2 = 0 since ∂012 needs 02); Δ_0^{0,2} = {0,0,2}.",
     None, ["barcode", "persistent_betti", "persistent_laplacian_spectrum", "chain_dims", "betti"],
     input={"type": "hypergraph", "hyperedges": [
         {"hyperedge": [0], "value": 0}, {"hyperedge": [1], "value": 0},
         {"hyperedge": [2], "value": 0}, {"hyperedge": [0, 1, 2], "value": 1},
         {"hyperedge": [0, 1], "value": 2}, {"hyperedge": [1, 2], "value": 3},
         {"hyperedge": [0, 2], "value": 4}]},
     options={"requests": [request(1, 3, 4), request(0, 0, 2), request(1, 4, 4)]},
     closed={"barcode": {"0": [[0.0, 2.0], [0.0, 3.0], [0.0, None]], "1": [], "2": []},
             "persistent_betti": [request(1, 3, 4, value=0), request(0, 0, 2, value=2),
                                  request(1, 4, 4, value=0)],
             "persistent_laplacian_spectrum": [request(1, 3, 4, eigenvalues=[1.0, 3.0]),
                                               request(0, 0, 2, eigenvalues=[0.0, 0.0, 2.0]),
                                               request(1, 4, 4, eigenvalues=[3.0, 3.0, 3.0])],
             "chain_dims": [3, 3, 1], "betti": [1, 0, 0]},
     cite="hand computation (CASES.md hypergraph filtration; Inf(t) = D(t) ∩ ∂⁻¹D(t); the full "
          "triangle's L_1 = 3I)", tags=["barcode", "persistent-laplacian"])


# =============================================================================================
# The two methods


def request_of(c):
    return {"format": FORMAT, "name": c["name"], "input": c["input"], "options": c["options"],
            "want": c["want"]}


def run_method(cmd, request):
    p = subprocess.run(cmd, input=json.dumps(request), capture_output=True, text=True,
                       timeout=600)
    if p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed on {request['name']}: rc {p.returncode}: "
                           f"{p.stderr.strip()[-400:]}")
    return json.loads(p.stdout)


def library(request):
    return run_method([TOPOSPEC, "compute", "-"], request)


def reference(request):
    return run_method([PYTHON, str(CORRECT)], request)


# =============================================================================================
# Comparison


def projector(vectors, n):
    V = np.asarray(vectors, dtype=float).reshape(-1, n).T
    if V.shape[1] == 0:
        return np.zeros((n, n))
    return V @ np.linalg.pinv(V)


def harmonic_mismatch(got, want, tol_abs):
    """None if the answer's space equals the expected one (‖P − P_ref‖₂ ≤ tol). Cells listed
    on one side only are zero coordinates there (harmonic vectors of digraphs and hypergraphs
    are given on the allowed paths or hyperedges they touch)."""
    gc = [tuple(c) for c in got["cells"]]
    wc = [tuple(c) for c in want["cells"]]
    if len(got["vectors"]) != len(want["vectors"]):
        return f"{len(got['vectors'])} vectors != {len(want['vectors'])}"
    cells = sorted(set(gc) | set(wc))
    n = len(cells)
    if n == 0 or not want["vectors"]:
        return None

    def spread(vectors, own):
        pos = {c: i for i, c in enumerate(own)}
        return [[v[pos[c]] if c in pos else 0.0 for c in cells] for v in vectors]

    err = np.linalg.norm(projector(spread(got["vectors"], gc), n) -
                         projector(spread(want["vectors"], wc), n), 2)
    return None if err <= tol_abs else f"‖P − P_ref‖ = {err:.3g}"


def barcode_mismatch(got, want, tol_abs):
    """None if the bars of one degree match (CASES.md): the same number of infinite bars with
    births within tol_abs (sorted), and finite bars at bottleneck distance ≤ tol_abs."""
    if got is None:
        return "missing"
    try:
        g_inf = sorted(b for b, d in got if d is None)
        g_fin = [(b, d) for b, d in got if d is not None]
    except (TypeError, ValueError):
        return f"not a list of [birth, death] pairs: {got!r:.200}"
    w_inf = sorted(b for b, d in want if d is None)
    w_fin = [(b, d) for b, d in want if d is not None]
    if len(g_inf) != len(w_inf) or any(abs(a - b) > tol_abs for a, b in zip(g_inf, w_inf)):
        return f"infinite bars born at {g_inf} != {w_inf}"
    if not bottleneck_within(g_fin, w_fin, tol_abs):
        return f"finite bars {sorted(g_fin)[:6]}… ({len(g_fin)}) are not within bottleneck " \
               f"distance {tol_abs} of {sorted(w_fin)[:6]}… ({len(w_fin)})"
    return None


def bottleneck_within(A, B, eps):
    """Whether the bottleneck distance between the finite diagrams A and B is ≤ eps: a perfect
    matching of A ∪ diag(B) with B ∪ diag(A) (Kuhn's augmenting paths) in which a bar is
    matched to a bar within eps (L∞) or to the diagonal when its half-length is ≤ eps."""
    close = lambda x, y: max(abs(x[0] - y[0]), abs(x[1] - y[1])) <= eps  # noqa: E731
    short = lambda x: (x[1] - x[0]) / 2 <= eps  # noqa: E731
    n, m = len(A), len(B)
    # left: A[0..n), diagonal copies of B[0..m); right: B[0..m), diagonal copies of A[0..n)
    adj = [[j for j in range(m) if close(A[i], B[j])] + ([m + i] if short(A[i]) else [])
           for i in range(n)]
    adj += [([j] if short(B[j]) else []) + [m + i for i in range(n)] for j in range(m)]
    match = [-1] * (n + m)

    def augment(u, seen):
        for v in adj[u]:
            if v not in seen:
                seen.add(v)
                if match[v] < 0 or augment(match[v], seen):
                    match[v] = u
                    return True
        return False
    sys.setrecursionlimit(max(10000, 4 * (n + m)))
    return all(augment(u, set()) for u in range(n + m))


def gudhi_barcode(doc):
    """The third method for Rips barcodes: GUDHI's RipsComplex (diameter convention, threshold
    inclusive) and SimplexTree persistence over Z/p (p = the case's prime, 11 for Q).  Returns
    (barcode, GUDHI version, p)."""
    import gudhi
    input_, options = doc["input"], doc["options"]
    coeff = options.get("coefficients", "Q")
    field = 2 if coeff == "Z2" else int(coeff[3:]) if coeff.startswith("Zp:") else 11
    max_dim = options.get("max_dim", 1)
    kw = {} if "max_value" not in input_ else {"max_edge_length": input_["max_value"]}
    if input_["type"] == "point_cloud":
        rips = gudhi.RipsComplex(points=input_["points"], **kw)
    else:
        rips = gudhi.RipsComplex(distance_matrix=input_["matrix"], **kw)
    tree = rips.create_simplex_tree(max_dimension=max_dim + 1)
    tree.compute_persistence(homology_coeff_field=field, min_persistence=0.0)
    out = {}
    for q in range(max_dim + 1):
        out[str(q)] = [[float(b), None if math.isinf(d) else float(d)]
                       for b, d in tree.persistence_intervals_in_dimension(q) if d > b]
    return out, gudhi.__version__, field


def spectra_mismatch(got, want, tol):
    g, w = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if g.shape != w.shape:
        return f"{len(got)} eigenvalues, expected {len(want)}"
    bad = np.abs(g - w) > tol["abs"] + tol["rel"] * np.abs(w)
    return f"differ at {np.nonzero(bad)[0].tolist()}: {g[bad][:4]} vs {w[bad][:4]}" \
        if bad.any() else None


def mismatches(key, got, want, tol, exact_length=False):
    """Problems with `got` as an answer for `want` (CASES.md comparison).  exact_length: also
    require the same number of degrees (used between the two methods)."""
    if got is None:
        return [f"{key}: not attempted"]
    out = []
    if key in INTEGER_KEYS:
        if isinstance(want, int):
            if got != want or isinstance(got, bool):
                out.append(f"{key}: {got} != {want}")
        elif got[:len(want)] != want or len(got) < len(want) or \
                (exact_length and len(got) != len(want)):
            out.append(f"{key}: {got} != {want}")
    elif key == "torsion":
        degrees = set(want) | {q for q in got if int(q) <= max(map(int, want), default=-1)}
        if exact_length:
            degrees |= set(got)
        for q in sorted(degrees, key=int):
            if sorted(got.get(q, [])) != sorted(want.get(q, [])):
                out.append(f"torsion[{q}]: {got.get(q)} != {want.get(q)}")
    elif key == "dirac_spectrum":
        m = spectra_mismatch(got, want, tol)
        if m:
            out.append(f"{key}: {m}")
    elif key == "barcode":
        if exact_length and set(got) != set(want):
            out.append(f"{key}: degrees {sorted(got)} != {sorted(want)}")
        for q in want:
            m = barcode_mismatch(got.get(q), want[q], tol["abs"])
            if m:
                out.append(f"{key}[{q}]: {m}")
    elif key in ("persistent_betti", "persistent_harmonic_basis") + PERSISTENT_SPECTRA_KEYS:
        if len(got) != len(want):
            return [f"{key}: {len(got)} answers for {len(want)} requests"]
        for k, (g, w) in enumerate(zip(got, want)):
            if (g.get("dim"), g.get("a"), g.get("b")) != (w["dim"], w["a"], w["b"]):
                out.append(f"{key}[{k}]: request {g.get('dim'), g.get('a'), g.get('b')} != "
                           f"{w['dim'], w['a'], w['b']}")
                continue
            if key == "persistent_betti":
                m = None if g.get("value") == w["value"] and not isinstance(g.get("value"), bool) \
                    else f"{g.get('value')} != {w['value']}"
            elif key == "persistent_harmonic_basis":
                m = harmonic_mismatch(g, w, tol["abs"])
            else:
                m = spectra_mismatch(g.get("eigenvalues", []), w["eigenvalues"], tol)
            if m:
                out.append(f"{key}[{k}] (dim {w['dim']}, a {w['a']}, b {w['b']}): {m}")
    elif key == "spectral_curves":
        if len(got) != len(want):
            return [f"{key}: {len(got)} sampled values, expected {len(want)}"]
        for g, w in zip(got, want):
            t = w["value"]
            if abs(g.get("value", math.nan) - t) > 1e-12 * max(1.0, abs(t)):
                out.append(f"{key}: value {g.get('value')} != {t}")
                continue
            gb, wb = g.get("betti", []), w["betti"]
            if gb[:len(wb)] != wb or (exact_length and len(gb) != len(wb)):
                out.append(f"{key} at {t}: betti {gb} != {wb}")
            gl, wl = g.get("lambda_min", []), w["lambda_min"]
            if len(gl) < len(wl) or (exact_length and len(gl) != len(wl)):
                out.append(f"{key} at {t}: lambda_min {gl} != {wl}")
            else:
                m = spectra_mismatch(gl[:len(wl)], wl, tol)
                if m:
                    out.append(f"{key} at {t}: lambda_min {m}")
    elif key in SPECTRA_KEYS or key == "harmonic_basis":
        if exact_length and set(got) != set(want):
            out.append(f"{key}: degrees {sorted(got)} != {sorted(want)}")
        for q in want:
            if q not in got:
                out.append(f"{key}[{q}]: missing")
                continue
            m = harmonic_mismatch(got[q], want[q], tol["abs"]) if key == "harmonic_basis" \
                else spectra_mismatch(got[q], want[q], tol)
            if m:
                out.append(f"{key}[{q}]: {m}")
    else:
        out.append(f"{key}: unknown quantity")
    return out


def rounded(key, value):
    if key == "dirac_spectrum":
        return spec(value)
    if key == "barcode":
        return {q: sorted(([r12(b), None if d is None else r12(d)] for b, d in bars),
                          key=lambda bar: (bar[0], math.inf if bar[1] is None else bar[1]))
                for q, bars in value.items()}
    if key in PERSISTENT_SPECTRA_KEYS:
        return [dict(r, eigenvalues=spec(r["eigenvalues"])) for r in value]
    if key == "persistent_harmonic_basis":
        return [dict(r, vectors=[[r12(x) for x in v] for v in r["vectors"]]) for r in value]
    if key == "spectral_curves":
        return [dict(r, lambda_min=[r12(x) for x in r["lambda_min"]]) for r in value]
    if key in SPECTRA_KEYS:
        return {q: spec(v) for q, v in value.items()}
    if key == "harmonic_basis":
        return {q: {"cells": h["cells"], "vectors": [[r12(x) for x in v] for v in h["vectors"]]}
                for q, h in value.items()}
    if key == "torsion":
        return {q: sorted(v) for q, v in value.items()}
    return value


# =============================================================================================
# Building the files


def coefficient_tag(coeff):
    return COEFF_TAG.get(coeff, "zp")


INPUT_TAGS = {"simplicial_complex": ["simplicial"], "filtered_complex": ["filtered"],
              "point_cloud": ["point-cloud", "rips"], "distance_matrix": ["distance-matrix", "rips"],
              "digraph": ["digraph", "path-homology"], "hypergraph": ["hypergraph"]}


def build(c):
    """The case document, with `expect` from the closed forms and the two agreeing methods."""
    options = c["options"]
    coeff = options.get("coefficients", "Q")
    input_ = c["input"] or {"type": "simplicial_complex", "simplices": c["simplices"]}
    doc = {"format": FORMAT, "name": c["name"], "description": c["description"], "source": None,
           "tags": [], "input": input_,
           "options": dict({"coefficients": coeff}, **{k: v for k, v in options.items()
                                                       if k != "coefficients"}),
           "want": c["want"]}
    tags = INPUT_TAGS[input_["type"]] + [coefficient_tag(coeff)] + c["tags"]
    if any(k in SPECTRA_KEYS + ("dirac_spectrum",) + PERSISTENT_SPECTRA_KEYS for k in c["want"]):
        tags.append("spectra")
    if any(k in FILTERED_KEYS for k in c["want"]):
        tags.append("persistence")
    doc["tags"] = list(dict.fromkeys(tags))
    req = request_of(doc)
    lib, ref = library(req), reference(req)
    strict = {"abs": AGREE, "rel": AGREE}
    closed_tol = {"abs": c["closed_tol"], "rel": 0.0} if c["closed_tol"] else strict
    problems = []
    for key in c["want"]:
        if key not in lib or key not in ref:
            problems.append(f"{key}: missing from {'library' if key not in lib else 'correct.py'}")
            continue
        problems += [f"library vs correct.py: {p}"
                     for p in mismatches(key, ref[key], lib[key], strict, exact_length=True)]
        if key in c["closed"]:
            want = c["closed"][key]
            problems += [f"closed form vs library: {p}"
                         for p in mismatches(key, lib[key], want, closed_tol, exact_length=True)]
            problems += [f"closed form vs correct.py: {p}"
                         for p in mismatches(key, ref[key], want, closed_tol, exact_length=True)]
    third = None
    if c["gudhi"]:
        third, version, field = gudhi_barcode(doc)
        for label, answer in (("library", lib), ("correct.py", ref)):
            problems += [f"GUDHI vs {label}: {p}" for p in
                         mismatches("barcode", answer.get("barcode"), third, strict, exact_length=True)]
    if c["name"] == "seed-s4-tetrahedron-complex":  # REFERENCE prints ev(L_2) to 4 decimals
        got = lib["laplacian_spectrum"]["2"]
        if len(got) != len(S4_L2_REF) or max(abs(a - b) for a, b in zip(got, S4_L2_REF)) > 1e-4:
            problems.append(f"L_2 spectrum {got} does not match REFERENCE {S4_L2_REF}")
        if lib["laplacian_spectrum"]["3"] != [4.0]:
            problems.append("L_3 spectrum is not {4}")
    if problems:
        raise SystemExit(f"{c['name']}: the methods do not agree:\n  " + "\n  ".join(problems))
    expect = {key: rounded(key, c["closed"].get(key, lib[key])) for key in c["want"]}
    doc["expect"] = expect
    closed = [k for k in c["want"] if k in c["closed"]]
    three = ["barcode"] if third is not None and "barcode" not in c["closed"] else []
    computed = [k for k in c["want"] if k not in c["closed"] and k not in three]
    parts = []
    if closed:
        parts.append(f"{c['cite']} [{', '.join(closed)}]")
    if three:
        parts.append(f"{THREE.format(version=version, field=field)} [barcode]")
    if computed:
        two = TWO_SUBSPACE if input_["type"] in ("digraph", "hypergraph") else \
            TWO if input_["type"] == "simplicial_complex" and \
            not any(k in FILTERED_KEYS for k in computed) else TWO_FILTERED
        parts.append(f"{two} [{', '.join(computed)}]")
    doc["source"] = "; ".join(parts) + \
        ("; closed forms cross-checked against both methods" if closed else "")
    if any(k in REAL_KEYS for k in c["want"]):
        doc["tolerance"] = dict(c["tolerance"] or TOL)
    return doc


def dumps(doc):
    """JSON with lists of scalars (and lists of such lists, e.g. simplices) kept on one line."""
    def flat(x):
        return isinstance(x, list) and all(not isinstance(y, (list, dict)) for y in x)

    def enc(x, indent):
        pad = " " * indent
        if isinstance(x, dict):
            if not x:
                return "{}"
            items = [f'{pad}  {json.dumps(k, ensure_ascii=False)}: {enc(v, indent + 2)}'
                     for k, v in x.items()]
            return "{\n" + ",\n".join(items) + f"\n{pad}}}"
        if isinstance(x, list):
            if flat(x) or (all(flat(y) for y in x) and len(json.dumps(x)) <= 90):
                return json.dumps(x, ensure_ascii=False)
            items = [f"{pad}  {enc(v, indent + 2)}" for v in x]
            return "[\n" + ",\n".join(items) + f"\n{pad}]"
        return json.dumps(x, ensure_ascii=False)
    return enc(doc, 0) + "\n"


# =============================================================================================
# Checking the written files


NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check_file(path):
    """Problems with one written case: format, then both methods against `expect`."""
    doc = json.loads(path.read_text())
    problems = []
    for field in ("format", "name", "description", "source", "tags", "input", "options", "want",
                  "expect"):
        if field not in doc:
            problems.append(f"missing field {field}")
    if problems:
        return problems
    if doc["format"] != FORMAT:
        problems.append(f"format {doc['format']!r}")
    if doc["name"] != path.stem or not NAME_RE.match(doc["name"]):
        problems.append(f"name {doc['name']!r} is not the kebab-case file name")
    if not set(doc["expect"]) <= set(doc["want"]) or not set(doc["want"]) <= set(ALL_KEYS):
        problems.append("expect/want keys")
    real = any(k in REAL_KEYS for k in doc["want"])
    if real and "tolerance" not in doc:
        problems.append("spectra without tolerance")
    named = {k.strip() for group in re.findall(r"\[([a-z_, ]+)\]", doc["source"])
             for k in group.split(",")}
    computed = [k for k in doc["want"] if k not in named]
    if computed:
        problems.append(f"source does not say where {computed} come from")
    tol = dict(TOL, **doc.get("tolerance", {}))
    request = {k: doc[k] for k in ("format", "name", "input", "options", "want")}
    for label, method in (("topospec", library), ("correct.py", reference)):
        try:
            answer = method(request)
        except (RuntimeError, ValueError) as e:
            problems.append(f"{label}: {e}")
            continue
        for key in doc["want"]:
            if key in doc["expect"]:
                problems += [f"{label}: {p}" for p in mismatches(key, answer.get(key),
                                                                  doc["expect"][key], tol)]
    return problems


def check_all(paths):
    failed = 0
    for path in paths:
        problems = check_file(path)
        if problems:
            failed += 1
            print(f"FAIL {path.stem}")
            for p in problems:
                print(f"     {p}")
    names = [json.loads(p.read_text())["name"] for p in paths]
    assert len(set(names)) == len(names), "duplicate names"
    print(f"checked {len(paths)} cases against topospec ({TOPOSPEC}) and correct.py: "
          f"{len(paths) - failed} pass, {failed} fail")
    return failed == 0


# =============================================================================================
# README


def readme(docs):
    from collections import Counter
    per_key, per_field, per_tag, per_type = Counter(), Counter(), Counter(), Counter()
    rows = []
    for d in docs:
        per_key.update(d["want"])
        per_field[d["options"].get("coefficients", "Q")] += 1
        per_tag.update(d["tags"])
        per_type[d["input"]["type"]] += 1
        kinds = [label for label, found in (
            ("closed form", "cross-checked" in d["source"]),
            ("three independent methods (with GUDHI)", "three independent methods" in d["source"]),
            ("two independent methods", "two independent methods" in d["source"])) if found]
        closed = "closed form / publication" if kinds in ([], ["closed form"]) \
            else " + ".join(kinds)
        rows.append(f"| `{d['name']}` | {', '.join(d['want'])} | {d['options'].get('coefficients', 'Q')}"
                    f" | {closed} |")
    lines = [
        "# Reference suite (`verify/suite/`)",
        "",
        "One case per file in the `topospec-case/1` format of `shared/spec/CASES.md`. Each file",
        "holds the input, the options, the wanted quantities, the expected answer (`expect`), its",
        "`source` and `tags`. `topospec verify` runs every case here against the library or a",
        "candidate (`--candidate`).",
        "",
        "**Do not edit the JSON files by hand.** They are the committed output of",
        "`tools/make_suite.py` (run it with `/usr/bin/python3 verify/suite/tools/make_suite.py`",
        "from the repository root; `TOPOSPEC=…` picks the binary, default",
        "`build/apps/topospec/topospec`). The script holds each case as a concise definition: the",
        "triangulation written out (or built from a written-out one by relabelling, shifting,",
        "wedging or suspending), the filtered complex, point cloud, distance matrix, digraph or",
        "hypergraph written out or generated from a fixed seed or rule (layered digraphs, cycle",
        "networks), and, for some quantities, a closed form. It then",
        "",
        "1. runs both independent methods, the topospec library (`topospec compute -`) and",
        "   `verify/candidates/correct.py` (exact rational elimination, elimination mod p, integer",
        "   Smith normal form, exact column reduction for barcodes, the projection form of the",
        "   persistent Laplacian, NumPy `eigvalsh`; for digraphs and hypergraphs an exact,",
        "   filtration-adapted basis of Ω / Inf and a QR-orthonormalised one for the Laplacians),",
        "   on every case through stdin, as a candidate;",
        "2. requires them to agree (integers exactly, spectra to 1e-9, harmonic bases as subspaces",
        "   to 1e-9, barcodes at bottleneck distance 1e-9) and requires every closed form to agree",
        "   with both (to 1e-9, or to the stated precision of a printed table: the C20 spectral",
        "   curve points of REFERENCE §3.2 to 1e-4); the Rips barcodes of the random point clouds",
        "   and distance matrices are also computed by GUDHI (`gudhi.RipsComplex`, persistence",
        "   over Z/p, p = 11 for Q) and must agree with both (a third method);",
        "3. writes `expect` (the closed form where there is one, else the agreed value; reals",
        "   rounded to 12 significant digits) and a `source` that names, per quantity, the closed",
        "   form or \"two independent methods\";",
        "4. reads the files back and checks them (`--check` does only this): format, name = file",
        "   name, then both methods against `expect` with the case's tolerance, as CASES.md",
        "   compares (harmonic bases via orthogonal projectors).",
        "",
        "The written-out triangulations are also checked for what they claim to be, independently of",
        "both methods: closed surfaces have every edge in two triangles and every vertex link a",
        "cycle (torus, Klein bottle, RP², octahedron, ∂Δ³); the Möbius band's links are paths or",
        "cycles; the dunce hat has exactly three edges in three triangles, forming a 3-cycle; the",
        "f-vectors are the hand-counted ones.",
        "",
        "Harmonic bases from closed forms are stored orthonormalised (Gram–Schmidt of the exact",
        "vectors named in the description); they compare as subspaces, so any basis of the same",
        "space passes.",
        "",
        f"## Counts ({len(docs)} cases)",
        "",
        "Per input type: " + ", ".join(f"`{k}` {v}" for k, v in sorted(per_type.items())) + ".",
        "",
        "| quantity | cases |",
        "|---|---|",
    ] + [f"| `{k}` | {per_key[k]} |" for k in ALL_KEYS] + [
        "",
        "| coefficients | cases |",
        "|---|---|",
    ] + [f"| `{k}` | {v} |" for k, v in sorted(per_field.items())] + [
        "",
        "| tag | cases |",
        "|---|---|",
    ] + [f"| `{k}` | {v} |" for k, v in sorted(per_tag.items(), key=lambda kv: (-kv[1], kv[0]))] + [
        "",
        "## Cases",
        "",
        "Source: *closed form / publication* = every expected value is a closed form, a theorem or",
        "REFERENCE §3.1–3.5 (Liu–Shen–Wei, arXiv:2310.07570; the constructed persistent",
        "Laplacian tests; the hypergraph and digraph tables, with the publications and",
        "repositories they cite), each also reproduced by both methods; *two independent methods* = the",
        "library and `correct.py` agree and no closed form is stated; *three independent methods",
        "(with GUDHI)* = the barcode also agrees with GUDHI; combinations (*closed form + two",
        "independent methods*) = some of each (the file's `source` says which quantity is which).",
        "",
        "| name | quantities | coefficients | source |",
        "|---|---|---|---|",
    ] + rows + [""]
    return "\n".join(lines)


# =============================================================================================


def main(argv):
    if not Path(TOPOSPEC).exists():
        raise SystemExit(f"no topospec binary at {TOPOSPEC} (set TOPOSPEC)")
    if "--check" in argv:
        return 0 if check_all(sorted(SUITE.glob("*.json"))) else 1
    only = set(argv[argv.index("--only") + 1:]) if "--only" in argv else None
    names = [c["name"] for c in CASES]
    assert len(set(names)) == len(names), "duplicate case names"
    written = []
    for c in CASES:
        if only and c["name"] not in only:
            continue
        doc = build(c)
        path = SUITE / f"{c['name']}.json"
        path.write_text(dumps(doc))
        written.append(path)
        print(f"wrote {path.relative_to(ROOT)}")
    if not only:
        # Cases added by hand or by another generator are kept (and checked, and listed).
        for p in sorted(set(SUITE.glob("*.json")) - set(written)):
            print(f"note: {p.relative_to(ROOT)} is not defined here; kept")
        docs = sorted((json.loads(p.read_text()) for p in SUITE.glob("*.json")),
                      key=lambda d: d["name"])
        (SUITE / "README.md").write_text(readme(docs))
    return 0 if check_all(sorted(written) if only else sorted(SUITE.glob("*.json"))) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/python3
"""make_suite.py: builds and checks the reference suite verify/suite/*.json.

    /usr/bin/python3 verify/suite/tools/make_suite.py            # regenerate, then check
    /usr/bin/python3 verify/suite/tools/make_suite.py --check    # only check the committed files
    /usr/bin/python3 verify/suite/tools/make_suite.py --only NAME [NAME …]

Environment: TOPOSPEC (default build/apps/topospec/topospec), PYTHON (default /usr/bin/python3).

Each case below is a concise definition: the complex (written out, or built by a small helper
from a written-out triangulation), the options, the wanted quantities and, for some
quantities, a *closed form* (a value from REFERENCE §3.1, a theorem or a formula, typed or
computed here from the formula, never from a candidate).  For every case the generator

  1. asks both independent methods, the topospec library (`topospec compute -`) and
     verify/candidates/correct.py, for every wanted quantity, through stdin as a candidate;
  2. requires them to agree: integers exactly, spectra to 1e-9, harmonic bases as subspaces
     (‖P − P'‖₂ ≤ 1e-9);
  3. requires every closed-form value to agree with both answers in the same way;
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

INTEGER_KEYS = ("chain_dims", "betti", "boundary_ranks", "euler_characteristic")
SPECTRA_KEYS = ("laplacian_spectrum", "up_laplacian_spectrum", "down_laplacian_spectrum",
                "dirac_spectrum_by_degree")
REAL_KEYS = SPECTRA_KEYS + ("dirac_spectrum", "harmonic_basis")
ALL_KEYS = INTEGER_KEYS + ("torsion",) + REAL_KEYS
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


def case(name, description, simplices, want, closed=None, cite=None, options=None, tags=()):
    """closed: {quantity: closed-form value}; cite: where the closed forms come from."""
    closed = closed or {}
    assert set(closed) <= set(want), (name, set(closed) - set(want))
    assert not closed or cite, name
    CASES.append(dict(name=name, description=description, simplices=simplices,
                      want=list(want), closed=closed, cite=cite, options=options or {},
                      tags=list(tags)))


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
# The two methods


def request_of(c):
    return {"format": FORMAT, "name": c["name"],
            "input": {"type": "simplicial_complex", "simplices": c["input"]["simplices"]},
            "options": c["options"], "want": c["want"]}


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
    """None if the answer's space equals the expected one (same cells, ‖P − P_ref‖₂ ≤ tol)."""
    gc = [tuple(c) for c in got["cells"]]
    wc = [tuple(c) for c in want["cells"]]
    if sorted(gc) != sorted(wc):
        return f"cells {gc} != {wc}"
    n = len(wc)
    if n == 0:
        return None if not got["vectors"] and not want["vectors"] else "vectors on no cells"
    order = [gc.index(c) for c in wc]
    gv = [[v[i] for i in order] for v in got["vectors"]]
    err = np.linalg.norm(projector(gv, n) - projector(want["vectors"], n), 2)
    return None if err <= tol_abs else f"‖P − P_ref‖ = {err:.3g}"


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


def build(c):
    """The case document, with `expect` from the closed forms and the two agreeing methods."""
    options = c["options"]
    coeff = options.get("coefficients", "Q")
    doc = {"format": FORMAT, "name": c["name"], "description": c["description"], "source": None,
           "tags": [], "input": {"type": "simplicial_complex", "simplices": c["simplices"]},
           "options": dict({"coefficients": coeff}, **{k: v for k, v in options.items()
                                                       if k != "coefficients"}),
           "want": c["want"]}
    tags = ["simplicial", coefficient_tag(coeff)] + c["tags"]
    if any(k in SPECTRA_KEYS + ("dirac_spectrum",) for k in c["want"]):
        tags.append("spectra")
    doc["tags"] = list(dict.fromkeys(tags))
    req = request_of(doc)
    lib, ref = library(req), reference(req)
    strict = {"abs": AGREE, "rel": AGREE}
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
                         for p in mismatches(key, lib[key], want, strict, exact_length=True)]
            problems += [f"closed form vs correct.py: {p}"
                         for p in mismatches(key, ref[key], want, strict, exact_length=True)]
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
    computed = [k for k in c["want"] if k not in c["closed"]]
    parts = []
    if closed:
        parts.append(f"{c['cite']} [{', '.join(closed)}]")
    if computed:
        parts.append(f"{TWO} [{', '.join(computed)}]")
    doc["source"] = "; ".join(parts) + \
        ("; closed forms cross-checked against both methods" if closed else "")
    if any(k in REAL_KEYS for k in c["want"]):
        doc["tolerance"] = dict(TOL)
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
        closed = "closed form / publication" if "two independent methods" not in d["source"] \
            else ("two independent methods" if "cross-checked" not in d["source"]
                  else "closed form + two independent methods")
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
        "wedging or suspending) and, for some quantities, a closed form. It then",
        "",
        "1. runs both independent methods, the topospec library (`topospec compute -`) and",
        "   `verify/candidates/correct.py` (exact rational elimination, elimination mod p, integer",
        "   Smith normal form, NumPy `eigvalsh`), on every case through stdin, as a candidate;",
        "2. requires them to agree (integers exactly, spectra to 1e-9, harmonic bases as subspaces",
        "   to 1e-9) and requires every closed form to agree with both;",
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
        "REFERENCE §3.1 (Liu–Shen–Wei, arXiv:2310.07570), each also reproduced by both methods;",
        "*two independent methods* = the library and `correct.py` agree and no closed form is",
        "stated; *closed form + two independent methods* = some of each (the file's `source` says",
        "which quantity is which).",
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

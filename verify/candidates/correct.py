# correct.py: the readable reference candidate (no planted bug): simplicial complexes, filtered
# complexes, point clouds (Vietoris–Rips), distance matrices, digraphs (GLMY path complexes,
# PPH; directed flag complexes with the "complex": "directed_flag" extension) and hypergraphs
# (embedded homology); barcodes and persistent quantities.
#
# Protocol (docs/case-format.md): read one case JSON on stdin, print one JSON object whose keys
# are the wanted quantities, exit 0.  Run it as:  /usr/bin/python3 verify/candidates/correct.py
#
# Dense NumPy, written for reading rather than speed.  Ranks are exact: Gaussian elimination mod p
# for "Z2" / "Zp:<p>", fraction-free integer elimination for "Q" and "Z".  Torsion comes from a
# Smith normal form over Python integers.  Spectra use numpy.linalg.eigvalsh; eigenvalues within
# 1e-9 of 0 are reported as 0.0.
#
# The planted-bug candidates (bug_*.py) import this module, replace the function that carries
# their error (`correct.rank_rational = float_rank`, …) and call main().  The functions here look
# each other up by name when they run, so a replacement is seen everywhere it is used.

import itertools
import json
import math
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from functools import reduce
from math import gcd

import numpy as np

ZERO = 1e-9  # eigenvalues with |λ| ≤ ZERO are reported as 0.0


# ---------------------------------------------------------------------------------------------
# The complex


def check_simplices(simplices):
    """Refuse what the library refuses: a simplex must be a non-empty list of distinct
    integers ≥ 0."""
    if not isinstance(simplices, list):
        raise ValueError("/input/simplices is not a list")
    for k, s in enumerate(simplices):
        if not isinstance(s, list) or not s:
            raise ValueError(f"/input/simplices/{k}: not a non-empty list of vertex ids")
        for v in s:
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ValueError(f"/input/simplices/{k}: vertex id {v!r} is not an integer ≥ 0")
        if len(set(s)) != len(s):
            raise ValueError(f"/input/simplices/{k}: a vertex is repeated")


def build_complex(simplices):
    """cells[q] = the q-simplices of the closure, each a tuple of increasing vertex ids,
    listed in lexicographic order."""
    faces = set()
    for s in simplices:
        vertices = sorted(set(int(v) for v in s))
        for k in range(1, len(vertices) + 1):
            faces.update(itertools.combinations(vertices, k))
    top = max((len(f) for f in faces), default=0) - 1
    return [sorted(f for f in faces if len(f) == q + 1) for q in range(top + 1)]


def n_cells(cells, q):
    """dim C_q: the number of q-simplices, or dim Ω_q of a subspace complex (SubspaceChains)."""
    if isinstance(cells, SubspaceChains):
        return cells.dim(q)
    return len(cells[q]) if 0 <= q < len(cells) else 0


def signed_faces(simplex):
    """The boundary of a simplex as (face, sign) pairs: ∂[v0…vq] = Σ_i (-1)^i [v0…v̂i…vq]."""
    return [(simplex[:i] + simplex[i + 1:], (-1) ** i) for i in range(len(simplex))]


def face_rows(faces):
    """The row of each (q-1)-simplex in B_q: a dict from the face (a vertex tuple) to its index."""
    return {face: r for r, face in enumerate(faces)}


def boundary_matrix(cells, q):
    """Integer B_q: rows are the (q-1)-simplices, columns the q-simplices."""
    B = np.zeros((n_cells(cells, q - 1), n_cells(cells, q)), dtype=np.int64)
    if B.size == 0:
        return B
    row_of = face_rows(cells[q - 1])
    for c, s in enumerate(cells[q]):
        for face, sign in signed_faces(s):
            B[row_of[face], c] = sign
    return B


# ---------------------------------------------------------------------------------------------
# Exact ranks


def parse_coefficients(text):
    """Characteristic of the coefficient field used for ranks: 0 for "Q" and "Z", p for "Z2" and
    "Zp:<p>"."""
    if not isinstance(text, str):
        raise ValueError(f"/options/coefficients: expected a string, got {text!r}")
    if text in ("Q", "Z"):
        return 0
    if text == "Z2":
        return 2
    if text.startswith("Zp:") and text[3:].isdigit():
        p = int(text[3:])
        if p < 2 or p >= 2**31 or any(p % d == 0 for d in range(2, int(p ** 0.5) + 1)):
            raise ValueError(f"/options/coefficients: {p} is not a prime below 2^31")
        return p
    raise ValueError(f"/options/coefficients: unknown coefficients {text!r}")


def rank_mod_p(B, p):
    """Rank over the field Z/p (p < 2^31, so products fit in an int64) by Gaussian elimination."""
    A = np.array(B, dtype=np.int64) % p
    rank = 0
    rows, cols = A.shape
    for c in range(cols):
        if rank == rows:
            break
        nonzero = np.nonzero(A[rank:, c])[0]
        if len(nonzero) == 0:
            continue
        r = rank + nonzero[0]
        A[[rank, r]] = A[[r, rank]]
        inverse = pow(int(A[rank, c]), -1, p)
        A[rank, c:] = (A[rank, c:] * inverse) % p
        below = rank + 1 + np.nonzero(A[rank + 1:, c])[0]
        if len(below):
            A[below, c:] = (A[below, c:] - np.outer(A[below, c], A[rank, c:]) % p) % p
        rank += 1
    return rank


def rank_rational(B):
    """Exact rank over Q: fraction-free integer elimination (Python integers, no rounding).
    Row i becomes pivot·row_i − a_ic·row_pivot, an invertible operation over Q."""
    A = np.array(B, dtype=object)
    rank = 0
    rows, cols = A.shape
    for c in range(cols):
        if rank == rows:
            break
        nonzero = rank + np.nonzero(A[rank:, c])[0]
        if len(nonzero) == 0:
            continue
        r = min(nonzero, key=lambda i: abs(A[i, c]))  # a ±1 pivot keeps the entries small
        A[[rank, r]] = A[[r, rank]]
        pivot = A[rank, c]
        below = rank + 1 + np.nonzero(A[rank + 1:, c])[0]
        if len(below):
            A[below, c:] = A[below, c:] * pivot - np.outer(A[below, c], A[rank, c:])
            if abs(pivot) != 1:
                for i in below:
                    g = reduce(gcd, (int(x) for x in A[i, c:]), 0)
                    if g > 1:
                        A[i, c:] = A[i, c:] // g
        rank += 1
    return rank


def rank(B, p):
    """Exact rank over Q (p = 0) or over Z/p."""
    if B.size == 0:
        return 0
    return rank_rational(B) if p == 0 else rank_mod_p(B, p)


def rank_table(cells, p, max_dim):
    """ranks[q] = rank B_q for q = 0 … max_dim+1 (B_q = 0 outside the complex, and B_0 = 0)."""
    ranks = {q: rank(boundary_matrix(cells, q), p) for q in range(1, max_dim + 2)}
    ranks[0] = 0
    return ranks


def invariant_factors(B):
    """The invariant factors > 1 of an integer matrix (its Smith normal form), ascending."""
    A = np.array(B, dtype=object)
    rows, cols = A.shape
    # 1. Unit pivots (nearly all of them in a boundary matrix): a ±1 entry in column c lets
    #    unimodular row operations clear the rest of the column; its row can then be cleared by
    #    column operations that change nothing else, so the pair contributes an invariant
    #    factor 1 and is dropped.
    live = np.ones(rows, dtype=bool)
    kept_columns = []
    for c in range(cols):
        live_rows = np.nonzero(live)[0]
        column = A[live_rows, c]
        units = live_rows[(column == 1) | (column == -1)]
        if len(units) == 0:
            kept_columns.append(c)
            continue
        r = units[0]
        others = live_rows[(column != 0) & (live_rows != r)]
        if len(others):
            A[others, :] -= np.outer(A[others, c] * A[r, c], A[r, :])  # A[r, c]⁻¹ = A[r, c]
        live[r] = False
    A = A[np.ix_(np.nonzero(live)[0], kept_columns)]
    rows, cols = A.shape
    # 2. What is left: the textbook Smith algorithm.  Move the smallest entry to (t, t), divide
    #    it into its row and column, and repeat with a smaller remainder until both are clear.
    diagonal = []
    t = 0
    while t < min(rows, cols):
        nonzero = np.argwhere(A[t:, t:] != 0)
        if len(nonzero) == 0:
            break
        i, j = min(nonzero, key=lambda ij: abs(A[t + ij[0], t + ij[1]]))
        A[[t, t + i]] = A[[t + i, t]]
        A[:, [t, t + j]] = A[:, [t + j, t]]
        while True:
            pivot = A[t, t]
            A[t + 1:, t:] -= np.outer(A[t + 1:, t] // pivot, A[t, t:])
            A[t:, t + 1:] -= np.outer(A[t:, t], A[t, t + 1:] // pivot)
            column = np.nonzero(A[t + 1:, t])[0]
            row = np.nonzero(A[t, t + 1:])[0]
            if len(column) == 0 and len(row) == 0:
                break
            # A remainder smaller than the pivot is left: it becomes the pivot (Euclid).
            if len(column):
                i = min(column, key=lambda k: abs(A[t + 1 + k, t]))
                A[[t, t + 1 + i]] = A[[t + 1 + i, t]]
            else:
                j = min(row, key=lambda k: abs(A[t, t + 1 + k]))
                A[:, [t, t + 1 + j]] = A[:, [t + 1 + j, t]]
        diagonal.append(abs(int(A[t, t])))
        t += 1
    # 3. A diagonal form becomes the Smith form by replacing pairs with (gcd, lcm).
    d = sorted(x for x in diagonal if x > 1)
    for a in range(len(d)):
        for b in range(a + 1, len(d)):
            g = gcd(d[a], d[b])
            d[a], d[b] = g, d[a] * d[b] // g
    return sorted(x for x in d if x > 1)


# ---------------------------------------------------------------------------------------------
# Operators


def real_boundary(cells, q):
    """B_q as a real matrix: the integer boundary of a simplicial complex, or ∂ in orthonormal
    bases of Ω_q and Ω_{q−1} for a subspace complex (digraph, hypergraph: SubspaceChains)."""
    if isinstance(cells, SubspaceChains):
        return cells.boundary(q)
    return boundary_matrix(cells, q).astype(float)


def up_laplacian(cells, q):
    B = real_boundary(cells, q + 1)
    return B @ B.T


def down_laplacian(cells, q):
    B = real_boundary(cells, q)
    return B.T @ B


def hodge_laplacian(cells, q):
    return down_laplacian(cells, q) + up_laplacian(cells, q)


def dirac_operator(cells, degrees):
    """The symmetric block matrix over C_d for d in degrees (consecutive), with B_d and B_dᵀ off
    the diagonal."""
    sizes = [n_cells(cells, d) for d in degrees]
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
    D = np.zeros((offsets[-1], offsets[-1]))
    for k in range(1, len(degrees)):
        B = real_boundary(cells, degrees[k])
        D[offsets[k - 1]:offsets[k], offsets[k]:offsets[k + 1]] = B
        D[offsets[k]:offsets[k + 1], offsets[k - 1]:offsets[k]] = B.T
    return D


def spectrum(M):
    """All eigenvalues, ascending; those within ZERO of 0 become 0.0."""
    if M.shape[0] == 0:
        return []
    return sorted(0.0 if abs(x) <= ZERO else float(x) for x in np.linalg.eigvalsh(M))


def kernel_mask(values):
    """Which eigenvalues of a positive semidefinite operator count as 0:
    λ ≤ ZERO·max(1, λ_max)."""
    threshold = ZERO * max(1.0, float(np.max(values)))
    return values <= threshold


def embed(cells, q, vectors):
    """Vectors of C_q (columns) in the coordinates of the cells listed in cells[q]: unchanged
    for a simplicial complex; through the orthonormal basis of Ω_q for a subspace complex, so
    that they come out on elementary paths or hyperedges."""
    if isinstance(cells, SubspaceChains):
        return cells.embedding(q) @ vectors
    return vectors


def harmonic_basis(cells, q):
    """An orthonormal basis of ker L_q (the eigh eigenvectors of its zero eigenvalues)."""
    cell_list = [list(s) for s in cells[q]] if q < len(cells) else []
    if not cell_list or n_cells(cells, q) == 0:
        return {"cells": cell_list, "vectors": []}
    values, vectors = np.linalg.eigh(hodge_laplacian(cells, q))
    kernel = vectors[:, kernel_mask(values)]
    return {"cells": cell_list, "vectors": embed(cells, q, kernel).T.tolist()}


# ---------------------------------------------------------------------------------------------
# The problem: the checked case


@dataclass
class Problem:
    """What every quantity is computed from."""
    cells: list  # cells[q] = the q-simplices (see build_complex)
    p: int  # characteristic of the coefficients for ranks: 0 for "Q" and "Z"
    max_dim: int  # degrees 0 … max_dim are answered
    ranks: dict  # ranks[q] = rank B_q for q = 0 … max_dim+1 (see rank_table)
    value: dict = None  # filtered inputs: cell (vertex tuple) → filtration value; else None
    requests: list = field(default_factory=list)  # [(q, a, b)] for the persistent quantities
    sample_values: list = field(default_factory=list)  # where spectral_curves are sampled
    cache: dict = field(default_factory=dict)  # barcodes, computed once per coefficient field
    # Digraphs and hypergraphs (subspace complexes): the generators (allowed paths, hyperedges),
    # and dims[q] = dim Ω_q over the coefficients (cells is then a SubspaceChains, over R).
    generators: "Generators" = None
    dims: dict = None

    @property
    def degrees(self):
        return range(self.max_dim + 1)

    @property
    def top(self):  # the dimension of the complex; -1 for the empty complex
        return len(self.cells) - 1


def read_problem(case):
    """Check a case and set it up.  Invalid input raises ValueError."""
    if is_directed_flag(case["input"]):
        return read_directed_flag_problem(case)
    if case["input"].get("type") in SUBSPACE_INPUTS:
        return read_subspace_problem(case)
    if case["input"].get("type") != "simplicial_complex":
        return read_filtered_problem(case)
    check_simplices(case["input"].get("simplices"))
    cells = build_complex(case["input"]["simplices"])
    top = len(cells) - 1
    options = case.get("options") or {}
    coefficients = options.get("coefficients", "Q")
    p = parse_coefficients(coefficients)
    max_dim = options.get("max_dim", top)  # top = -1 for the empty complex: no degrees
    if "max_dim" in options and (isinstance(max_dim, bool) or not isinstance(max_dim, int)
                                 or max_dim < 0):
        raise ValueError(f"/options/max_dim: expected an integer ≥ 0, got {max_dim!r}")
    return Problem(cells, p, max_dim, rank_table(cells, p, max_dim))


# ---------------------------------------------------------------------------------------------
# The quantities: one function of a Problem each


def chain_dim(problem, q):
    """dim C_q over the coefficients: the number of q-cells, or dim Ω_q (Inf_q) of a subspace
    complex, which depends on the field."""
    if problem.dims is not None:
        return problem.dims[q]
    return n_cells(problem.cells, q)


def chain_dims(problem):
    return [chain_dim(problem, q) for q in problem.degrees]


def betti_numbers(problem):
    """β_q = dim C_q − rank B_q − rank B_{q+1}."""
    ranks = problem.ranks
    return [chain_dim(problem, q) - ranks[q] - ranks[q + 1] for q in problem.degrees]


def boundary_ranks(problem):
    return [problem.ranks[q] for q in range(1, problem.max_dim + 2)]


def torsion(problem):
    """Torsion of H_q(K; Z) = the invariant factors > 1 of B_{q+1}.  It is defined over Z, so it
    is answered whatever the coefficients (as the library does)."""
    return {str(q): invariant_factors(boundary_matrix(problem.cells, q + 1))
            for q in problem.degrees}


def euler_characteristic(problem):
    return sum((-1) ** q * len(problem.cells[q]) for q in range(len(problem.cells)))


def laplacian_spectra(problem):
    return {str(q): spectrum(hodge_laplacian(problem.cells, q)) for q in problem.degrees}


def up_laplacian_spectra(problem):
    return {str(q): spectrum(up_laplacian(problem.cells, q)) for q in problem.degrees}


def down_laplacian_spectra(problem):
    return {str(q): spectrum(down_laplacian(problem.cells, q)) for q in problem.degrees}


def dirac_spectrum(problem):
    """The Dirac operator spans C_0 … C_top, whatever max_dim is."""
    return spectrum(dirac_operator(problem.cells, list(range(problem.top + 1))))


def dirac_spectra_by_degree(problem):
    """Degree q: the Dirac operator restricted to C_{q-1} ⊕ C_q ⊕ C_{q+1}."""
    return {str(q): spectrum(dirac_operator(problem.cells, [d for d in (q - 1, q, q + 1)
                                                            if d >= 0]))
            for q in problem.degrees}


def harmonic_bases(problem):
    return {str(q): harmonic_basis(problem.cells, q) for q in problem.degrees}


# ---------------------------------------------------------------------------------------------
# Filtered inputs: filtered_complex, point_cloud ("rips"), distance_matrix


class NotAttempted(Exception):
    """A valid input this candidate does not compute (alpha complexes): every wanted key is
    left out."""


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def read_max_dim(options, default):
    max_dim = options.get("max_dim", default)
    if "max_dim" in options and (isinstance(max_dim, bool) or not isinstance(max_dim, int)
                                 or max_dim < 0):
        raise ValueError(f"/options/max_dim: expected an integer ≥ 0, got {max_dim!r}")
    return max_dim


def read_requests(options):
    """options.requests → [(q, a, b)], a ≤ b."""
    requests = options.get("requests", [])
    if not isinstance(requests, list):
        raise ValueError("/options/requests: expected a list of {\"dim\", \"a\", \"b\"} objects")
    out = []
    for k, r in enumerate(requests):
        at = f"/options/requests/{k}"
        if not isinstance(r, dict) or not all(f in r for f in ("dim", "a", "b")):
            raise ValueError(f"{at}: expected an object {{\"dim\", \"a\", \"b\"}}")
        q, a, b = r["dim"], r["a"], r["b"]
        if isinstance(q, bool) or not isinstance(q, int) or q < 0:
            raise ValueError(f"{at}/dim: expected an integer ≥ 0, got {q!r}")
        if not is_number(a) or not is_number(b):
            raise ValueError(f"{at}: a and b must be finite numbers")
        if a > b:
            raise ValueError(f"{at}: a = {a} is larger than b = {b}")
        out.append((q, a, b))
    return out


def read_sample_values(options):
    values = options.get("values", [])
    if not isinstance(values, list) or not all(is_number(t) for t in values):
        raise ValueError("/options/values: expected a list of finite numbers")
    return list(values)


def cells_by_dimension(value):
    """cells[q] = the q-simplices of a {simplex: value} dict, in lexicographic order."""
    top = max((len(s) for s in value), default=0) - 1
    return [sorted(s for s in value if len(s) == q + 1) for q in range(top + 1)]


def read_filtered_complex(input_):
    """{"simplex": [..], "value": t} entries → {simplex tuple: t}.  Every face must be listed
    (checked facet by facet, which covers all faces) with a value ≤ the simplex's."""
    entries = input_.get("simplices")
    if not isinstance(entries, list):
        raise ValueError("/input/simplices: expected a list of {\"simplex\", \"value\"} objects")
    value = {}
    for k, e in enumerate(entries):
        at = f"/input/simplices/{k}"
        if not isinstance(e, dict) or "simplex" not in e or "value" not in e:
            raise ValueError(f"{at}: expected an object {{\"simplex\": [..], \"value\": t}}")
        s, t = e["simplex"], e["value"]
        if not isinstance(s, list) or not s:
            raise ValueError(f"{at}/simplex: not a non-empty list of vertex ids")
        for v in s:
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ValueError(f"{at}/simplex: vertex id {v!r} is not an integer ≥ 0")
        if len(set(s)) != len(s):
            raise ValueError(f"{at}/simplex: a vertex is repeated")
        if not is_number(t):
            raise ValueError(f"{at}/value: {t!r} is not a finite number")
        key = tuple(sorted(s))
        if key in value and value[key] != t:
            raise ValueError(f"{at}: simplex {list(key)} is listed twice with different values")
        value[key] = t
    for s, t in value.items():
        for face, _ in signed_faces(s) if len(s) > 1 else []:
            if face not in value:
                raise ValueError(f"/input/simplices: the face {list(face)} of {list(s)} is missing")
            if value[face] > t:
                raise ValueError(f"/input/simplices: the face {list(face)} of {list(s)} has value "
                                 f"{value[face]}, later than the simplex's {t}")
    return value


def read_point_cloud(input_):
    """The Euclidean distance matrix of the points (a list of rows)."""
    points = input_.get("points")
    if not isinstance(points, list) or not points:
        raise ValueError("/input/points: expected a non-empty list of points")
    for i, x in enumerate(points):
        if not isinstance(x, list) or not x or not all(is_number(c) for c in x):
            raise ValueError(f"/input/points/{i}: expected a non-empty list of finite numbers")
        if len(x) != len(points[0]):
            raise ValueError(f"/input/points/{i}: {len(x)} coordinates, point 0 has "
                             f"{len(points[0])}")
    kind = input_.get("complex", "rips")
    if kind not in ("rips", "alpha"):
        raise ValueError(f"/input/complex: unknown complex {kind!r} (expected rips or alpha)")
    if kind == "alpha":
        if len(points[0]) not in (2, 3):
            raise ValueError("/input/points: alpha complexes need points in R^2 or R^3")
        raise NotAttempted("alpha complexes")
    n = len(points)
    return [[math.sqrt(sum((float(a) - float(b)) ** 2 for a, b in zip(points[i], points[j])))
             for j in range(n)] for i in range(n)]


def read_distance_matrix(input_):
    """A full symmetric matrix with zero diagonal, or the lower triangle without the diagonal
    (row i has i entries) → a full matrix (list of rows)."""
    rows = input_.get("matrix")
    if not isinstance(rows, list) or not rows:
        raise ValueError("/input/matrix: expected a non-empty list of rows")
    for i, row in enumerate(rows):
        if not isinstance(row, list) or not all(is_number(x) and x >= 0 for x in row):
            raise ValueError(f"/input/matrix/{i}: expected a list of finite distances ≥ 0")
    n = len(rows)
    if all(len(row) == n for row in rows):
        for i in range(n):
            if rows[i][i] != 0:
                raise ValueError(f"/input/matrix/{i}/{i}: the diagonal must be 0")
            for j in range(i):
                if rows[i][j] != rows[j][i]:
                    raise ValueError(f"/input/matrix/{i}/{j}: the matrix is not symmetric")
        return [[float(x) for x in row] for row in rows]
    if all(len(row) == i for i, row in enumerate(rows)):
        return [[0.0 if i == j else float(rows[max(i, j)][min(i, j)]) for j in range(n)]
                for i in range(n)]
    raise ValueError("/input/matrix: neither a full n×n matrix nor a lower triangle "
                     "(row i with i entries)")


def rips_values(dist, top, max_value):
    """Vietoris–Rips: every simplex of dimension ≤ top whose diameter (largest pairwise
    distance, 0 for a vertex) is ≤ max_value (inclusive; no threshold when None)."""
    n = len(dist)
    keep = (lambda t: True) if max_value is None else (lambda t: t <= max_value)
    value = {(i,): 0.0 for i in range(n) if keep(0.0)}
    layer = list(value)
    for _ in range(top):
        grown = []
        for s in layer:
            for v in range(s[-1] + 1, n):
                t = max([value[s]] + [dist[u][v] for u in s])
                if (v,) in value and keep(t):
                    grown.append(s + (v,))
                    value[s + (v,)] = t
        layer = grown
    return value


def read_filtered_problem(case):
    """filtered_complex, point_cloud or distance_matrix: the cells with their values."""
    input_ = case["input"]
    kind = input_.get("type")
    options = case.get("options") or {}
    p = parse_coefficients(options.get("coefficients", "Q"))
    requests = read_requests(options)
    sample_values = read_sample_values(options)
    if kind == "filtered_complex":
        value = read_filtered_complex(input_)
        max_dim = read_max_dim(options, max((len(s) for s in value), default=0) - 1)
    else:
        dist = read_point_cloud(input_) if kind == "point_cloud" else read_distance_matrix(input_)
        max_value = input_.get("max_value")
        if max_value is not None and not is_number(max_value):
            raise ValueError(f"/input/max_value: {max_value!r} is not a finite number")
        max_dim = read_max_dim(options, 1)
        # Built up to degree max_dim + 1 (and one above every requested degree).
        top = max([max_dim] + [q for q, _, _ in requests]) + 1
        value = rips_values(dist, top, max_value)
    cells = cells_by_dimension(value)
    return Problem(cells, p, max_dim, LazyRanks(cells, p), value, requests, sample_values)


class LazyRanks(dict):
    """ranks[q] = rank B_q, computed when first asked for (a Rips complex can have many
    (max_dim+1)-cells, and only some quantities need ranks)."""

    def __init__(self, cells, p):
        super().__init__({0: 0})
        self.cells, self.p = cells, p

    def __missing__(self, q):
        self[q] = rank(boundary_matrix(self.cells, q), self.p)
        return self[q]


def sublevel(problem, t):
    """K_t: the cells with value ≤ t, by dimension, each list in lexicographic order (for a
    digraph or hypergraph: Ω(G_t), a SubspaceChains)."""
    if problem.generators is not None:
        return subspace_chains(problem, t)
    return [[s for s in cells_q if problem.value[s] <= t] for cells_q in problem.cells]


# ---------------------------------------------------------------------------------------------
# Digraphs and hypergraphs: subspace complexes
#
# Both are given by generators: per degree q some ambient q-cells (the allowed q-paths of a
# digraph, the hyperedges with q + 1 vertices), each with the value from which it is present,
# and each with its ambient boundary.  The chain complex is
#     Ω_q(t) = {x ∈ span G_q(t) : ∂x ∈ span G_{q−1}(t)}        (Inf_q for a hypergraph),
# a subspace of the ambient chains: a face that is not a generator (a non-allowed path, a
# closure face that is not a hyperedge) is a constraint.  Ranks and Betti numbers are exact over
# the field; the Laplacians use an orthonormal basis of Ω (elementary cells orthonormal).


@dataclass
class Generators:
    cells: list  # cells[q] = the generators of degree q (vertex tuples), in lexicographic order
    value: dict  # generator → the value from which it is present (0 without a filtration)
    faces: object  # generator → its ambient boundary as [(face tuple, ±1)]
    filtered: bool  # weights or values were given: the persistent quantities are answered


def check_vertex_ids(ids, at):
    for v in ids:
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ValueError(f"{at}: vertex id {v!r} is not an integer ≥ 0")


def read_vertex_list(vertices, at):
    """`vertices`: a count n (ids 0 … n−1) or a list of distinct ids."""
    if isinstance(vertices, int) and not isinstance(vertices, bool) and vertices >= 0:
        return list(range(vertices))
    if not isinstance(vertices, list):
        raise ValueError(f"{at}: expected a count n ≥ 0 or a list of vertex ids")
    check_vertex_ids(vertices, at)
    if len(set(vertices)) != len(vertices):
        raise ValueError(f"{at}: a vertex id is repeated")
    return list(vertices)


# --- digraphs: GLMY path complexes


def read_digraph(input_):
    """vertices, arcs [a, b] or [a, b, w], vertex_values → (vertex ids, {(a, b): entry value},
    {v: vertex value}, filtered).  An arc enters at the largest of its weight (0 if absent) and
    its endpoints' values; of parallel arcs the smallest weight counts.  A self-loop or an
    unknown vertex is invalid input."""
    if "vertices" not in input_:
        raise ValueError("/input/vertices: missing (a count n or a list of vertex ids)")
    vertices = read_vertex_list(input_["vertices"], "/input/vertices")
    known = set(vertices)
    values = input_.get("vertex_values")
    filtered = values is not None
    if values is None:
        values = [0] * len(vertices)
    if not isinstance(values, list) or len(values) != len(vertices) or \
            not all(is_number(t) for t in values):
        raise ValueError("/input/vertex_values: expected one finite number per vertex")
    vertex_value = dict(zip(vertices, values))
    arcs = input_.get("arcs", [])
    if not isinstance(arcs, list):
        raise ValueError("/input/arcs: expected a list of [a, b] or [a, b, w]")
    weight = {}
    for k, arc in enumerate(arcs):
        at = f"/input/arcs/{k}"
        if not isinstance(arc, list) or len(arc) not in (2, 3):
            raise ValueError(f"{at}: expected [a, b] or [a, b, w]")
        check_vertex_ids(arc[:2], at)
        a, b = arc[0], arc[1]
        if a not in known or b not in known:
            raise ValueError(f"{at}: unknown vertex (not in /input/vertices)")
        if a == b:
            raise ValueError(f"{at}: a self-loop (a digraph of the path complex has no loops)")
        w = 0
        if len(arc) == 3:
            if not is_number(arc[2]):
                raise ValueError(f"{at}: the weight {arc[2]!r} is not a finite number")
            w, filtered = arc[2], True
        weight[(a, b)] = min(w, weight.get((a, b), w))  # parallel arcs: the smallest weight
    arc_value = {(a, b): max(w, vertex_value[a], vertex_value[b]) for (a, b), w in weight.items()}
    return vertices, arc_value, vertex_value, filtered


def allowed_paths(vertices, arcs, top):
    """cells[p] = the allowed p-paths for p = 0 … top: every walk i_0 → i_1 → … → i_p along
    arcs (vertices may repeat, e.g. a→b→a), as vertex tuples in lexicographic order."""
    heads = {v: sorted(b for (a, b) in arcs if a == v) for v in vertices}
    cells = [[(v,) for v in sorted(vertices)]]
    for _ in range(top):
        cells.append([path + (w,) for path in cells[-1] for w in heads[path[-1]]])
    return cells


def path_value(path, arc_value, vertex_value):
    """A path is allowed from the largest entry value of its arcs (a vertex: its value)."""
    if len(path) == 1:
        return vertex_value[path[0]]
    return max(arc_value[arc] for arc in zip(path, path[1:]))


def path_faces(path, regular):
    """∂e_{i0…ip} = Σ_k (−1)^k e_{i0…îk…ip} (∂e_a = 0).  Regular theory: a face with two equal
    consecutive vertices is 0 and is dropped; non-regular: it is kept (it is never allowed, so
    it constrains Ω)."""
    faces = []
    for k in range(len(path) if len(path) > 1 else 0):
        face = path[:k] + path[k + 1:]
        if regular and any(x == y for x, y in zip(face, face[1:])):
            continue
        faces.append((face, (-1) ** k))
    return faces


def read_path_theory(options):
    theory = options.get("path_theory", "regular")
    if theory not in ("regular", "non_regular"):
        raise ValueError(f"/options/path_theory: {theory!r} (expected regular or non_regular)")
    return theory


def read_digraph_generators(input_, options, top):
    """The allowed paths of degrees 0 … top with their values and path boundaries."""
    theory = read_path_theory(options)
    vertices, arc_value, vertex_value, filtered = read_digraph(input_)
    cells = allowed_paths(vertices, arc_value, top)
    value = {path: path_value(path, arc_value, vertex_value) for cells_p in cells
             for path in cells_p}
    regular = theory == "regular"
    return Generators(cells, value, lambda path: path_faces(path, regular), filtered)


# --- digraphs: directed flag complexes (the "complex": "directed_flag" extension)
#
# A simplicial complex whose q-simplices are the directed cliques: sequences (v0, …, vq) of
# distinct vertices with an arc vi → vj for every i < j, with the alternating face sum.  Its
# cells are vertex tuples in their directed order, so the simplicial machinery above
# (boundary_matrix, ranks, torsion, operators, barcodes) applies unchanged: a ⇄ b gives the two
# 1-simplices (a, b) and (b, a).


def is_directed_flag(input_):
    if input_.get("type") != "digraph":
        return False
    kind = input_.get("complex", "path")
    if kind not in ("path", "directed_flag"):
        raise ValueError(f"/input/complex: unknown complex {kind!r} (expected path or "
                         "directed_flag)")
    return kind == "directed_flag"


def directed_cliques(vertices, arcs, top):
    """cells[q] = the directed q-simplices for q = 0 … top (empty top degrees dropped), each in
    lexicographic order of its vertex tuple."""
    cells = [[(v,) for v in sorted(vertices)]]
    for _ in range(top):
        grown = sorted(s + (w,) for s in cells[-1] for w in vertices
                       if w not in s and all((v, w) in arcs for v in s))
        if not grown:
            break
        cells.append(grown)
    return cells


def read_directed_flag_problem(case):
    """A digraph's directed flag complex, built to degree max_dim + 1 (default max_dim 2, as for
    path complexes).  Filtered as the path complex is: a simplex enters at the largest entry
    value of its arcs (its vertex: the vertex's value)."""
    input_ = case["input"]
    options = case.get("options") or {}
    read_path_theory(options)  # validated, though it only concerns the path complex
    p = parse_coefficients(options.get("coefficients", "Q"))
    requests = read_requests(options)
    sample_values = read_sample_values(options)
    max_dim = read_max_dim(options, 2)
    top = max([max_dim] + [q for q, _, _ in requests]) + 1
    vertices, arc_value, vertex_value, filtered = read_digraph(input_)
    cells = directed_cliques(vertices, arc_value, top)
    value = None
    if filtered:
        value = {s: vertex_value[s[0]] if len(s) == 1 else
                 max(arc_value[(s[i], s[j])] for i in range(len(s)) for j in range(i + 1, len(s)))
                 for cells_q in cells for s in cells_q}
    return Problem(cells, p, max_dim, LazyRanks(cells, p), value, requests, sample_values)


# --- hypergraphs: embedded homology


def read_hyperedges(input_):
    """hyperedges: vertex lists, or {"hyperedge": [..], "value": t} → ({sorted tuple: value},
    filtered).  A hyperedge listed twice keeps its smallest value."""
    entries = input_.get("hyperedges")
    if not isinstance(entries, list):
        raise ValueError("/input/hyperedges: expected a list of hyperedges")
    value, filtered = {}, False
    for k, e in enumerate(entries):
        at = f"/input/hyperedges/{k}"
        t = 0
        if isinstance(e, dict):
            if "hyperedge" not in e:
                raise ValueError(f"{at}/hyperedge: missing")
            if "value" in e:
                t, filtered = e["value"], True
                if not is_number(t):
                    raise ValueError(f"{at}/value: {t!r} is not a finite number")
            e = e["hyperedge"]
        if not isinstance(e, list) or not e:
            raise ValueError(f"{at}: not a non-empty list of vertex ids")
        check_vertex_ids(e, at)
        if len(set(e)) != len(e):
            raise ValueError(f"{at}: a vertex is repeated")
        key = tuple(sorted(e))
        value[key] = min(t, value.get(key, t))
    return value, filtered


def vertex_hyperedges(hyperedges, vertices, convention):
    """The 0-hyperedges added by the singleton convention (option `vertices`).  "listed": none;
    a vertex is a 0-cell only when its singleton is a hyperedge.  "all": every vertex of the
    `vertices` field and of some hyperedge, present from the smallest value of a hyperedge
    containing it (0 when it is only in `vertices`)."""
    if convention == "listed":
        return {}
    added = {}
    for e, t in hyperedges.items():
        for v in e:
            added[(v,)] = min(t, added.get((v,), t))
    for v in vertices:
        added.setdefault((v,), 0)
    return added


def hyperedge_faces(e):
    """The boundary of a hyperedge in the closure ΔH (sorted orientation): Σ_i (−1)^i e∖e_i."""
    return [(e[:i] + e[i + 1:], (-1) ** i) for i in range(len(e))] if len(e) > 1 else []


def read_hypergraph_generators(input_, options):
    """The hyperedges (with the 0-hyperedges of the singleton convention), by degree."""
    convention = options.get("vertices", "listed")
    if convention not in ("listed", "all"):
        raise ValueError(f"/options/vertices: {convention!r} (expected listed or all)")
    value, filtered = read_hyperedges(input_)
    vertices = read_vertex_list(input_["vertices"], "/input/vertices") \
        if "vertices" in input_ else []
    for v, t in vertex_hyperedges(value, vertices, convention).items():
        value[v] = min(t, value.get(v, t))
    cells = cells_by_dimension(value)
    return Generators(cells, value, hyperedge_faces, filtered)


# --- Ω over a field: a basis adapted to the filtration


@dataclass
class BasisVector:
    pivot: tuple  # its last generator in filtration order (coefficient 1): it names the vector
    entry: float  # the first value at which it and its boundary are present (inf: never, ∉ Ω)
    chain: dict  # generator → coefficient (Fraction over Q, int mod p)
    boundary: dict  # (q−1)-generator → coefficient of ∂chain


def combine(x, y, f, p):
    """x − f·y for sparse vectors (dicts), over Q (p = 0) or Z/p."""
    out = dict(x)
    for k, c in y.items():
        v = out.get(k, 0) - f * c
        if p:
            v %= p
        if v:
            out[k] = v
        else:
            out.pop(k, None)
    return out


def linear_combination(coefficients, vectors, p=0):
    """Σ c_i·v_i for sparse vectors (dicts)."""
    out = {}
    for c, v in zip(coefficients, vectors):
        if c:
            out = combine(out, v, -c, p)
    return out


def ratio(x, y, p):
    return x / y if p == 0 else x * pow(y, -1, p) % p


def invariant_basis_of(generators, q, p):
    """A basis of Ω_q over Q (p = 0) or Z/p adapted to the filtration: the vectors with entry
    ≤ t are a basis of Ω_q(t).  Column reduction of the ambient boundary of the q-generators:
    columns in filtration order; rows = the (q−1)-faces ordered by the value from which they
    are allowed, never-allowed faces (non-generators) last.  A column is reduced only while
    its lowest row ℓ is allowed later than its generator g (a constraint when g appears) and
    owned by an earlier such column.  It ends as the chain x (g plus earlier generators) that
    enters at value(g) when ℓ is allowed by then, at value(ℓ) when ℓ is new (ℓ is then owned by
    x), and never (not in Ω) when ℓ is never allowed.  If x ∈ Ω(t) used a vector entering
    after t, the last such lowest row would survive in ∂x (the owned rows are distinct and the
    other vectors' rows are allowed by t): so the vectors entering by t span Ω(t)."""
    cells = generators.cells[q] if q < len(generators.cells) else []
    value = generators.value
    one = Fraction(1) if p == 0 else 1

    def row_value(face):
        return value.get(face, math.inf)

    def row_key(face):
        return (row_value(face), face not in value, face)

    reduced = {}  # lowest row → (chain, boundary) of the column that owns it
    basis = []
    for g in sorted(cells, key=lambda g: (value[g], g)):
        chain, boundary = {g: one}, {}
        for face, sign in generators.faces(g):
            boundary = combine(boundary, {face: one}, -sign, p)
        entry = value[g]
        while boundary:
            low = max(boundary, key=row_key)
            if row_value(low) <= value[g]:
                break  # ∂x is allowed when g appears
            if low not in reduced:
                reduced[low] = (chain, boundary)
                entry = row_value(low)
                break
            other_chain, other_boundary = reduced[low]
            f = ratio(boundary[low], other_boundary[low], p)
            chain = combine(chain, other_chain, f, p)
            boundary = combine(boundary, other_boundary, f, p)
        if entry < math.inf:
            basis.append(BasisVector(g, entry, chain, boundary))
    return basis


def invariant_basis(problem, q, p):
    """The adapted basis of Ω_q over the field (cached)."""
    key = ("basis", q, p)
    if key not in problem.cache:
        problem.cache[key] = invariant_basis_of(problem.generators, q, p)
    return problem.cache[key]


def coordinates(y, basis, value, p):
    """A chain y ∈ Ω_{q−1} in the adapted basis (given as {pivot: BasisVector}): {pivot:
    coefficient}.  Each basis vector is its pivot plus earlier generators, so the last
    generator of y (in filtration order) is a pivot: back substitution."""
    y, out = dict(y), {}
    while y:
        g = max(y, key=lambda g: (value[g], g))
        out[g] = y[g]
        y = combine(y, basis[g].chain, y[g], p)
    return out


def subspace_rank(problem, q, p):
    """rank ∂_q on Ω_q over the field: the exact rank of the boundaries of the basis vectors
    (columns; over Q each column scaled to integers)."""
    basis = invariant_basis(problem, q, p)
    if q <= 0 or not basis:
        return 0
    rows = {g: i for i, g in enumerate(problem.generators.cells[q - 1])}
    B = np.zeros((len(rows), len(basis)), dtype=object)
    for j, v in enumerate(basis):
        scale = reduce(lambda m, c: m * c.denominator // gcd(m, c.denominator),
                       v.boundary.values(), 1) if p == 0 else 1
        for face, c in v.boundary.items():
            B[rows[face], j] = int(c * scale)
    return rank(B, p)


class SubspaceCounts(dict):
    """dims[q] = dim Ω_q or ranks[q] = rank ∂_q on Ω_q over the coefficients (the whole
    complex), computed when first asked for."""

    def __init__(self, problem, what):
        super().__init__()
        self.problem, self.what = problem, what

    def __missing__(self, q):
        p = self.problem.p
        if self.what == "dims":
            self[q] = len(invariant_basis(self.problem, q, p)) if q >= 0 else 0
        else:
            self[q] = subspace_rank(self.problem, q, p)
        return self[q]


# --- Ω over R: orthonormal bases, the operators' view


def orthonormal_basis(V):
    """An orthonormal basis (columns) of the column space of V, whose columns are independent:
    numpy QR."""
    if V.shape[1] == 0:
        return np.zeros(V.shape)
    return np.linalg.qr(V)[0]


def chain_matrix(chains, cells):
    """Chains (dicts generator → coefficient) as the columns of a float matrix on `cells`."""
    index = {g: i for i, g in enumerate(cells)}
    V = np.zeros((len(cells), len(chains)))
    for j, chain in enumerate(chains):
        for g, c in chain.items():
            V[index[g], j] = float(c)
    return V


def ambient_boundary(generators, rows, columns):
    """The ambient boundary of the generators `columns` on the generators `rows` (the other
    faces vanish on Ω), a float matrix."""
    index = {g: i for i, g in enumerate(rows)}
    D = np.zeros((len(rows), len(columns)))
    for j, g in enumerate(columns):
        for face, sign in generators.faces(g):
            if face in index:
                D[index[face], j] += sign
    return D


class SubspaceChains:
    """Ω(G_t) (Inf(H_t)) over R, read by the operators as a complex is: cells[q] = the
    generators present at t, n_cells = dim Ω_q(t), real_boundary = ∂ in orthonormal bases,
    embedding(q) = the orthonormal basis of Ω_q(t) (columns) on cells[q]."""

    def __init__(self, problem, t):
        self.problem, self.t = problem, t
        value = problem.generators.value
        self.cells = [[g for g in cells_q if value[g] <= t] for cells_q in problem.generators.cells]
        self.bases = {}

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, q):
        return self.cells[q]

    def embedding(self, q):
        if q not in self.bases:
            vectors = [v for v in invariant_basis(self.problem, q, 0) if v.entry <= self.t]
            self.bases[q] = orthonormal_basis(chain_matrix([v.chain for v in vectors],
                                                           self.cells[q]))
        return self.bases[q]

    def dim(self, q):
        return self.embedding(q).shape[1] if 0 <= q < len(self) else 0

    def boundary(self, q):
        if q <= 0 or q >= len(self):
            return np.zeros((self.dim(q - 1), self.dim(q)))
        D = ambient_boundary(self.problem.generators, self.cells[q - 1], self.cells[q])
        return self.embedding(q - 1).T @ D @ self.embedding(q)


def subspace_chains(problem, t):
    """Ω(G_t) over R (cached per t)."""
    key = ("chains", t)
    if key not in problem.cache:
        problem.cache[key] = SubspaceChains(problem, t)
    return problem.cache[key]


def read_subspace_problem(case):
    """digraph or hypergraph: the generators, the exact counts over the coefficients and the
    real chains of the whole complex.  max_dim defaults to 2 for a digraph (paths are built to
    degree max_dim + 1, and one above every requested degree) and to the top dimension of the
    hyperedges for a hypergraph."""
    input_ = case["input"]
    options = case.get("options") or {}
    p = parse_coefficients(options.get("coefficients", "Q"))
    requests = read_requests(options)
    sample_values = read_sample_values(options)
    if input_["type"] == "digraph":
        max_dim = read_max_dim(options, 2)
        top = max([max_dim] + [q for q, _, _ in requests]) + 1
        generators = read_digraph_generators(input_, options, top)
    else:
        generators = read_hypergraph_generators(input_, options)
        max_dim = read_max_dim(options, len(generators.cells) - 1)
        top = max([max_dim, len(generators.cells) - 1] + [q for q, _, _ in requests]) + 1
        generators.cells += [[] for _ in range(top + 1 - len(generators.cells))]
    problem = Problem(None, p, max_dim, None, generators.value if generators.filtered else None,
                      requests, sample_values, generators=generators)
    problem.dims, problem.ranks = SubspaceCounts(problem, "dims"), SubspaceCounts(problem, "ranks")
    problem.ranks[0] = 0
    problem.cells = subspace_chains(problem, math.inf)
    return problem


# --- filtered digraphs and hypergraphs: the column reduction's cells, persistent Laplacians


def subspace_filtered_cells(problem, top, p):
    """The adapted basis vectors of Ω_0 … Ω_top over the field, named by their pivots (a
    vertex tuple: its length − 1 is the degree), at their entry values, with their boundaries
    in the adapted basis one degree down."""
    degrees = range(min(top, problem.top) + 1)
    by_pivot = [{v.pivot: v for v in invariant_basis(problem, q, p)} for q in degrees]
    value = {s: v.entry for basis in by_pivot for s, v in basis.items()}

    def column_of(s):
        q = len(s) - 1
        if q == 0:
            return []
        return list(coordinates(by_pivot[q][s].boundary, by_pivot[q - 1],
                                problem.generators.value, p).items())
    return list(value), value, column_of


def exact_nullspace(rows, n):
    """A basis of {y ∈ Q^n : R y = 0} (R: a list of rows of Fractions), from the reduced row
    echelon form of R."""
    A = [list(row) for row in rows]
    pivots = []
    for c in range(n):
        r = next((i for i in range(len(pivots), len(A)) if A[i][c] != 0), None)
        if r is None:
            continue
        k = len(pivots)
        A[k], A[r] = A[r], A[k]
        A[k] = [x / A[k][c] for x in A[k]]
        for i in range(len(A)):
            if i != k and A[i][c] != 0:
                A[i] = [x - A[i][c] * y for x, y in zip(A[i], A[k])]
        pivots.append(c)
    out = []
    for f in (c for c in range(n) if c not in pivots):
        y = [Fraction(0)] * n
        y[f] = Fraction(1)
        for k, c in enumerate(pivots):
            y[c] = -A[k][f]
        out.append(y)
    return out


def subspace_persistent_operators(problem, q, a, b):
    """persistent_operators for G_a ⊆ G_b: B_q^a in orthonormal bases of Ω(G_a), and ∂^{a,b}_{q+1}
    on an orthonormal basis Z of C^{a,b}_{q+1} = {c ∈ Ω_{q+1}(G_b) : ∂c ∈ Ω_q(G_a)}.  C^{a,b} is
    found exactly: in the adapted bases, ∂c must have no coordinate on the q-vectors entering
    after a."""
    Ka, Kb = sublevel(problem, a), sublevel(problem, b)
    down = real_boundary(Ka, q)
    value = problem.generators.value
    upper = [v for v in invariant_basis(problem, q + 1, 0) if v.entry <= b]
    lower = {v.pivot: v for v in invariant_basis(problem, q, 0)}
    coords = [coordinates(v.boundary, lower, value, 0) for v in upper]
    new = [s for s, v in lower.items() if v.entry > a]
    R_N = [[c.get(s, Fraction(0)) for c in coords] for s in new]
    chains = [linear_combination(y, [v.chain for v in upper])
              for y in exact_nullspace(R_N, len(upper))]
    cells_up = Kb[q + 1] if q + 1 < len(Kb) else []
    Z = orthonormal_basis(chain_matrix(chains, cells_up))
    cells_q = Ka[q] if q < len(Ka) else []
    up = Ka.embedding(q).T @ ambient_boundary(problem.generators, cells_q, cells_up) @ Z \
        if q < len(Ka) else np.zeros((0, Z.shape[1]))
    return down, up



# ---------------------------------------------------------------------------------------------
# Barcodes: the standard column reduction in exact arithmetic


def simplex_column(s):
    """The boundary of a simplex as (face, coefficient) pairs (none for a vertex)."""
    return signed_faces(s) if len(s) > 1 else []


def filtered_cells(problem, top, p):
    """The cells of dimension ≤ top with their values and boundaries, for the column reduction:
    (cells, value, column_of).  Cells are vertex tuples (their dimension is len − 1); for a
    digraph or hypergraph they are the filtered basis vectors of Ω over the field (see
    subspace_filtered_cells)."""
    if problem.generators is not None:
        return subspace_filtered_cells(problem, top, p)
    cells = [s for q in range(min(top, problem.top) + 1) for s in problem.cells[q]]
    return cells, problem.value, simplex_column


def filtration_order(cells, value):
    """The cells by (value, dimension, vertex list)."""
    return sorted(cells, key=lambda s: (value[s], len(s), s))


def reduce_columns(order, p, column_of=simplex_column):
    """Reduce the filtration-ordered boundary matrix column by column (left to right, adding
    earlier columns to clear the lowest entry) over Q (Fractions; p = 0) or Z/p.  column_of(s)
    is the boundary of cell s as (face, coefficient) pairs.
    Returns the persistence pairs as (row, column) indices into `order`."""
    index = {s: i for i, s in enumerate(order)}
    reduced = {}  # lowest row → the reduced column that owns it ({row: coefficient})
    pairs = []
    for j, s in enumerate(order):
        column = {}
        for face, c in column_of(s):
            column[index[face]] = Fraction(c) if p == 0 else c % p
        column = {r: x for r, x in column.items() if x != 0}
        while column:
            low = max(column)
            other = reduced.get(low)
            if other is None:
                break
            factor = column[low] / other[low] if p == 0 else \
                column[low] * pow(other[low], -1, p) % p
            for r, x in other.items():
                y = column.get(r, 0) - factor * x
                if p:
                    y %= p
                if y:
                    column[r] = y
                else:
                    column.pop(r, None)
        if column:
            low = max(column)
            reduced[low] = column
            pairs.append((low, j))
    return pairs


def bars(problem, top_degree, p):
    """bars[q] = [(birth, death or None)] for q = 0 … top_degree over Q (p = 0) or Z/p;
    bars of length 0 are dropped.  Cells up to dimension top_degree + 1 take part."""
    key = (top_degree, p)
    if key not in problem.cache:
        cells, value, column_of = filtered_cells(problem, top_degree + 1, p)
        order = filtration_order(cells, value)
        pairs = reduce_columns(order, p, column_of)
        paired = {i for pair in pairs for i in pair}
        out = {q: [] for q in range(top_degree + 1)}
        for i, j in pairs:
            birth, death = value[order[i]], value[order[j]]
            q = len(order[i]) - 1
            if q <= top_degree and birth < death:
                out[q].append((float(birth), float(death)))
        for i, s in enumerate(order):
            if i not in paired and len(s) - 1 <= top_degree:
                out[len(s) - 1].append((float(value[s]), None))
        for q in out:
            out[q].sort(key=lambda bar: (bar[0], math.inf if bar[1] is None else bar[1]))
        problem.cache[key] = out
    return problem.cache[key]


def field_of(problem):
    """Barcodes are over a field: "Z" gives its free part, i.e. Q."""
    return problem.p


def barcode(problem):
    out = bars(problem, problem.max_dim, field_of(problem))
    return {str(q): [[b, d] for b, d in out[q]] for q in problem.degrees}


def persistent_betti_number(problem, q, a, b, p):
    """rank(H_q(K_a) → H_q(K_b)) = the bars born by a that are alive after b."""
    return sum(1 for birth, death in bars(problem, q, p)[q]
               if birth <= a and (death is None or death > b))


def persistent_betti(problem):
    return [{"dim": q, "a": a, "b": b,
             "value": persistent_betti_number(problem, q, a, b, field_of(problem))}
            for q, a, b in problem.requests]


# ---------------------------------------------------------------------------------------------
# Persistent Laplacian, Dirac and harmonic space (projection form)


def persistent_operators(problem, q, a, b):
    """For K_a ⊆ K_b: B_q^a (C_q(K_a) → C_{q−1}(K_a)) and ∂^{a,b}_{q+1} in an orthonormal basis
    Z of C^{a,b}_{q+1} = {c ∈ C_{q+1}(K_b) : ∂c ∈ C_q(K_a)} = ker R_N, where R_N are the rows of
    B_{q+1}(K_b) of the q-cells new in K_b and R_K those of the q-cells of K_a."""
    if problem.generators is not None:
        return subspace_persistent_operators(problem, q, a, b)
    Ka, Kb = sublevel(problem, a), sublevel(problem, b)
    down = boundary_matrix(Ka, q).astype(float)
    up = boundary_matrix(Kb, q + 1)
    rows = Kb[q] if q < len(Kb) else []
    old = set(Ka[q]) if q < len(Ka) else set()
    R_K = up[[i for i, s in enumerate(rows) if s in old]]
    R_N = up[[i for i, s in enumerate(rows) if s not in old]]
    n = up.shape[1]
    if R_N.shape[0] == 0 or n == 0:
        Z = np.eye(n)
    else:
        r = rank(R_N, 0)  # exact, so the SVD is only asked for a basis
        Z = np.linalg.svd(R_N.astype(float), full_matrices=True)[2][r:].T
    return down, R_K.astype(float) @ Z


def persistent_laplacian(problem, q, a, b):
    down, up = persistent_operators(problem, q, a, b)
    return up @ up.T + down.T @ down


def persistent_laplacian_spectrum(problem):
    return [{"dim": q, "a": a, "b": b, "eigenvalues": spectrum(persistent_laplacian(problem, q, a, b))}
            for q, a, b in problem.requests]


def persistent_dirac(problem, q, a, b):
    """D_q^{a,b} on C_{q−1}(K_a) ⊕ C_q(K_a) ⊕ C^{a,b}_{q+1} (no C_{−1} at q = 0)."""
    down, up = persistent_operators(problem, q, a, b)
    m, n, k = (down.shape[0] if q > 0 else 0), up.shape[0], up.shape[1]
    D = np.zeros((m + n + k, m + n + k))
    if m:
        D[:m, m:m + n] = down
        D[m:m + n, :m] = down.T
    D[m:m + n, m + n:] = up
    D[m + n:, m:m + n] = up.T
    return D


def persistent_dirac_spectrum(problem):
    return [{"dim": q, "a": a, "b": b, "eigenvalues": spectrum(persistent_dirac(problem, q, a, b))}
            for q, a, b in problem.requests]


def persistent_harmonic_basis(problem):
    """ker Δ_q^{a,b}: the eigenvectors of its β_q^{a,b} smallest eigenvalues (β over Q, from
    the exact barcode: the nullity of Δ is the persistent Betti number over R)."""
    out = []
    for q, a, b in problem.requests:
        Ka = sublevel(problem, a)
        cells = Ka[q] if q <= problem.top else []
        vectors = []
        if cells and n_cells(Ka, q):
            _, V = np.linalg.eigh(persistent_laplacian(problem, q, a, b))
            kernel = V[:, :persistent_betti_number(problem, q, a, b, 0)]
            vectors = embed(Ka, q, kernel).T.tolist()
        out.append({"dim": q, "a": a, "b": b, "cells": [list(s) for s in cells],
                    "vectors": vectors})
    return out


def spectral_curves(problem):
    """At each sampled t: β_q(K_t) over Q (bars alive at t in the exact barcode) and λ_min[q] =
    the (β_q + 1)-th smallest eigenvalue of L_q(K_t), 0 when there is none."""
    bq = bars(problem, problem.max_dim, 0)
    out = []
    for t in problem.sample_values:
        K = sublevel(problem, t)
        betti, lam = [], []
        for q in problem.degrees:
            beta = sum(1 for birth, death in bq[q] if birth <= t and (death is None or death > t))
            ev = np.linalg.eigvalsh(hodge_laplacian(K, q)) if n_cells(K, q) else []
            betti.append(beta)
            lam.append(float(ev[beta]) if len(ev) > beta else 0.0)
        out.append({"value": t, "betti": betti, "lambda_min": lam})
    return out


def persistent_quantities():
    """The quantities of filtered inputs, by name (see quantities())."""
    return {
        "barcode": barcode,
        "persistent_betti": persistent_betti,
        "persistent_laplacian_spectrum": persistent_laplacian_spectrum,
        "persistent_dirac_spectrum": persistent_dirac_spectrum,
        "persistent_harmonic_basis": persistent_harmonic_basis,
        "spectral_curves": spectral_curves,
    }


# ---------------------------------------------------------------------------------------------
# Answers


def quantities():
    """The quantities answered, by name.  Built when called, so that it holds the functions in
    force then (a bug candidate may have replaced one)."""
    return {
        "chain_dims": chain_dims,
        "betti": betti_numbers,
        "torsion": torsion,
        "euler_characteristic": euler_characteristic,
        "boundary_ranks": boundary_ranks,
        "laplacian_spectrum": laplacian_spectra,
        "up_laplacian_spectrum": up_laplacian_spectra,
        "down_laplacian_spectrum": down_laplacian_spectra,
        "dirac_spectrum": dirac_spectrum,
        "dirac_spectrum_by_degree": dirac_spectra_by_degree,
        "harmonic_basis": harmonic_bases,
    }


FILTERED_INPUTS = ("filtered_complex", "point_cloud", "distance_matrix")
SUBSPACE_INPUTS = ("digraph", "hypergraph")  # subspace complexes, except directed flag complexes


def answer(case):
    """The answer object: every wanted quantity that is answered, in the order wanted.  Anything
    else is not attempted: the persistent quantities for a simplicial_complex (it has no
    filtration), every quantity of an alpha complex, the Euler characteristic of digraphs and
    hypergraphs (simplicial inputs only), and the torsion of subspace complexes (it would need
    a Z-basis of the lattice Ω ∩ Z^A; a directed flag complex has it)."""
    if not isinstance(case.get("input"), dict):
        raise ValueError("/input: expected an object with a \"type\"")
    kind = case["input"].get("type")
    if kind != "simplicial_complex" and kind not in FILTERED_INPUTS + SUBSPACE_INPUTS:
        print(f"input type {kind!r} is not attempted", file=sys.stderr)
        return {}
    try:
        problem = read_problem(case)
    except NotAttempted as e:
        print(f"not attempted: {e}", file=sys.stderr)
        return {}
    answered = quantities()
    if kind in SUBSPACE_INPUTS:
        answered.pop("euler_characteristic")
    if problem.generators is not None:
        answered.pop("torsion")
    if problem.value is not None:
        answered.update(persistent_quantities())
    return {name: answered[name](problem) for name in case.get("want", [])
            if isinstance(name, str) and name in answered}


def main():
    case = json.load(sys.stdin)
    try:
        out = answer(case)
    except ValueError as e:  # invalid input: a failure with a message, as the library gives
        print("error: " + str(e), file=sys.stderr)
        sys.exit(1)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

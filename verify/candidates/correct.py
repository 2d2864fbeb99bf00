# correct.py: the readable reference candidate for simplicial complexes (no planted bug).
#
# Protocol (shared/spec/CASES.md): read one case JSON on stdin, print one JSON object whose keys
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
import sys
from dataclasses import dataclass
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


def up_laplacian(cells, q):
    B = boundary_matrix(cells, q + 1).astype(float)
    return B @ B.T


def down_laplacian(cells, q):
    B = boundary_matrix(cells, q).astype(float)
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
        B = boundary_matrix(cells, degrees[k]).astype(float)
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


def harmonic_basis(cells, q):
    """An orthonormal basis of ker L_q (the eigh eigenvectors of its zero eigenvalues)."""
    cell_list = [list(s) for s in cells[q]] if q < len(cells) else []
    if not cell_list:
        return {"cells": [], "vectors": []}
    values, vectors = np.linalg.eigh(hodge_laplacian(cells, q))
    return {"cells": cell_list, "vectors": vectors[:, kernel_mask(values)].T.tolist()}


# ---------------------------------------------------------------------------------------------
# The problem: the checked case


@dataclass
class Problem:
    """What every quantity is computed from."""
    cells: list  # cells[q] = the q-simplices (see build_complex)
    p: int  # characteristic of the coefficients for ranks: 0 for "Q" and "Z"
    max_dim: int  # degrees 0 … max_dim are answered
    ranks: dict  # ranks[q] = rank B_q for q = 0 … max_dim+1 (see rank_table)

    @property
    def degrees(self):
        return range(self.max_dim + 1)

    @property
    def top(self):  # the dimension of the complex; -1 for the empty complex
        return len(self.cells) - 1


def read_problem(case):
    """Check a simplicial_complex case and set it up.  Invalid input raises ValueError."""
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


def chain_dims(problem):
    return [n_cells(problem.cells, q) for q in problem.degrees]


def betti_numbers(problem):
    """β_q = dim C_q − rank B_q − rank B_{q+1}."""
    ranks = problem.ranks
    return [n_cells(problem.cells, q) - ranks[q] - ranks[q + 1] for q in problem.degrees]


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


def answer(case):
    """The answer object: every wanted quantity that is answered, in the order wanted.  Anything
    else (barcodes, persistence, …) is not attempted."""
    if case["input"].get("type") != "simplicial_complex":
        print("only simplicial_complex inputs are supported", file=sys.stderr)
        return {}
    problem = read_problem(case)
    answered = quantities()
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

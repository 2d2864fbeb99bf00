# compare_answer.py: a tiny stand-alone comparer for check_candidates.sh (no topospec build needed).
#
#   /usr/bin/python3 compare_answer.py CASE.json ANSWER.json
#
# Compares the answer with the case's `expect` following shared/spec/CASES.md (the subset that
# the self-check cases use): integers exactly, degree-indexed lists over the expected length,
# torsion as sorted lists (missing = []), spectra elementwise within abs + rel·|expected|,
# harmonic bases as subspaces (‖P − P_ref‖₂ ≤ abs, cells matched by vertex list), barcodes as
# multisets (sorted bars matched pairwise within abs: enough for the exact bars used here,
# where the library's comparer takes the bottleneck distance), persistent Betti numbers exactly
# and persistent spectra as spectra, per request.  A wanted key missing from the answer is "not
# attempted", which is not a pass.
# Prints "pass" or one line per problem; exit status 0 on pass, 1 otherwise.

import json
import sys

import numpy as np


def compare_ints(name, got, want):
    if isinstance(want, int):
        return [] if got == want and isinstance(got, int) else [f"{name}: {got!r} != {want!r}"]
    if not isinstance(got, list) or len(got) < len(want) or got[:len(want)] != want:
        return [f"{name}: {got!r} != {want!r}"]
    return []


def compare_torsion(got, want):
    if not isinstance(got, dict):
        return [f"torsion: not an object: {got!r}"]
    degrees = {int(q) for q in want}
    top = max(degrees, default=-1)
    degrees |= {int(q) for q in got if q.lstrip("-").isdigit() and int(q) <= top}
    problems = []
    for q in sorted(degrees):
        g, w = got.get(str(q), []), want.get(str(q), [])
        if not isinstance(g, list) or sorted(g) != sorted(w):
            problems.append(f"torsion[{q}]: {g!r} != {w!r}")
    return problems


def close(got, want, tol):
    try:
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    w = np.asarray(want, dtype=float)
    if g.shape != w.shape:
        return False
    return bool(np.all(np.abs(g - w) <= tol["abs"] + tol["rel"] * np.abs(w)))


def compare_spectrum(name, got, want, tol):
    if not close(got, want, tol):
        return [f"{name}: {short(got)} != {short(want)}"]
    return []


def compare_spectra(name, got, want, tol):
    if not isinstance(got, dict):
        return [f"{name}: not an object: {short(got)}"]
    problems = []
    for q, w in want.items():
        problems += compare_spectrum(f"{name}[{q}]", got.get(q), w, tol)
    return problems


def projector(vectors, n):
    V = np.asarray(vectors, dtype=float).reshape(-1, n).T  # columns = basis vectors
    if V.shape[1] == 0:
        return np.zeros((n, n))
    return V @ np.linalg.pinv(V)


def compare_harmonic(got, want, tol):
    if not isinstance(got, dict):
        return [f"harmonic_basis: not an object: {short(got)}"]
    problems = []
    for q, w in want.items():
        g = got.get(q)
        try:
            want_cells = [tuple(c) for c in w["cells"]]
            got_cells = [tuple(c) for c in g["cells"]]
            if sorted(got_cells) != sorted(want_cells):
                problems.append(f"harmonic_basis[{q}]: cells {got_cells} != {want_cells}")
                continue
            n = len(want_cells)
            order = [got_cells.index(c) for c in want_cells]  # answer row of each expected cell
            got_vectors = [[v[i] for i in order] for v in g["vectors"]]
            if any(len(v) != n for v in g["vectors"]):
                raise ValueError("vector length")
            error = np.linalg.norm(projector(got_vectors, n) - projector(w["vectors"], n), 2) \
                if n else 0.0
            if not error <= tol["abs"]:
                problems.append(f"harmonic_basis[{q}]: ‖P − P_ref‖ = {error:.3g} "
                                f"({len(g['vectors'])} vectors, expected {len(w['vectors'])})")
        except (KeyError, TypeError, ValueError, IndexError) as e:
            problems.append(f"harmonic_basis[{q}]: malformed ({e!r})")
    return problems


def compare_barcode(got, want, tol):
    if not isinstance(got, dict):
        return [f"barcode: not an object: {short(got)}"]
    problems = []
    for q, w in want.items():
        g = got.get(q, [])
        try:
            def key(bar):
                return (float(bar[0]), float("inf") if bar[1] is None else float(bar[1]))
            g_sorted, w_sorted = sorted(map(key, g)), sorted(map(key, w))
            same = len(g_sorted) == len(w_sorted) and all(
                abs(a[0] - b[0]) <= tol["abs"] and (a[1] == b[1] or abs(a[1] - b[1]) <= tol["abs"])
                for a, b in zip(g_sorted, w_sorted))
        except (TypeError, ValueError, IndexError):
            same = False
        if not same:
            problems.append(f"barcode[{q}]: {short(g)} != {short(w)}")
    return problems


def compare_requests(name, got, want, tol):
    """persistent_betti (exact "value") or a persistent spectrum ("eigenvalues"), per request."""
    if not isinstance(got, list) or len(got) != len(want):
        return [f"{name}: {short(got)} does not answer the {len(want)} requests"]
    problems = []
    for k, (g, w) in enumerate(zip(got, want)):
        at = f"{name}[{k}] (dim {w['dim']}, a {w['a']}, b {w['b']})"
        if not isinstance(g, dict) or [g.get(f) for f in ("dim", "a", "b")] != \
                [w[f] for f in ("dim", "a", "b")]:
            problems.append(f"{at}: answers another request: {short(g)}")
        elif "value" in w:
            if g.get("value") != w["value"] or isinstance(g.get("value"), bool):
                problems.append(f"{at}: {g.get('value')!r} != {w['value']!r}")
        else:
            problems += compare_spectrum(at, g.get("eigenvalues"), w["eigenvalues"], tol)
    return problems


def short(x):
    text = json.dumps(x)
    return text if len(text) <= 120 else text[:117] + "..."


def compare(case, answer):
    tol = {"abs": 1e-8, "rel": 1e-8}
    tol.update(case.get("tolerance") or {})
    expect = case["expect"]
    problems = []
    for key in case.get("want", list(expect)):
        if key not in expect:
            continue
        if key not in answer:
            problems.append(f"{key}: not attempted")
        elif key in ("chain_dims", "betti", "boundary_ranks", "euler_characteristic"):
            problems += compare_ints(key, answer[key], expect[key])
        elif key == "torsion":
            problems += compare_torsion(answer[key], expect[key])
        elif key in ("laplacian_spectrum", "up_laplacian_spectrum", "down_laplacian_spectrum",
                     "dirac_spectrum_by_degree"):
            problems += compare_spectra(key, answer[key], expect[key], tol)
        elif key == "dirac_spectrum":
            problems += compare_spectrum(key, answer[key], expect[key], tol)
        elif key == "harmonic_basis":
            problems += compare_harmonic(answer[key], expect[key], tol)
        elif key == "barcode":
            problems += compare_barcode(answer[key], expect[key], tol)
        elif key in ("persistent_betti", "persistent_laplacian_spectrum",
                     "persistent_dirac_spectrum"):
            problems += compare_requests(key, answer[key], expect[key], tol)
        else:
            problems.append(f"{key}: this comparer does not know the quantity")
    return problems


def main():
    with open(sys.argv[1]) as f:
        case = json.load(f)
    try:
        with open(sys.argv[2]) as f:
            answer = json.load(f)
        if not isinstance(answer, dict):
            raise ValueError("the answer is not a JSON object")
    except (OSError, ValueError) as e:
        print(f"unparsable answer: {e}")
        return 1
    problems = compare(case, answer)
    print("\n".join(problems) if problems else "pass")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

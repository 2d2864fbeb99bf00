# bug_no_zero_threshold.py: planted bug F5, no eigenvalue tolerance.
#
# BUG: eigenvalues are used exactly as computed: spectra are not cleaned, a "zero" eigenvalue
#   must be exactly 0.0, so round-off zeros (±1e-16) count as nonzero.  Betti numbers over Q
#   (free ranks over Z) are taken by the Hodge theorem as dim ker L_q (fine with a tolerance),
#   and the harmonic basis keeps eigenvectors with eigenvalue == 0.0.  Mod-p Betti numbers stay
#   exact.
# MIRRORS: REFERENCE §4 F5, JL's hypergraph Laplacian code (`eigvals > 0`: H4 reports 7.6e-20
#   as its smallest positive eigenvalue instead of 6).
# EXPOSED BY: selfcheck/s1 (β_0 = 1: the component {1,2,3,4} has a −8e-17 eigenvalue, only
#   the isolated vertex's 0 is exact), hexagon, octahedron, rp2-q, cycle-80; harmonic bases
#   lose vectors.  Spectra alone still compare within tolerance; three-points (L_0 = 0) passes.
#
# Everything else is correct.py: this file imports it, replaces its `spectrum`, `kernel_mask`
# (the harmonic basis) and `betti_numbers` with the versions below, and runs correct.main().

import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)

betti_from_ranks = correct.betti_numbers


def raw_spectrum(M):
    """All eigenvalues, ascending."""
    if M.shape[0] == 0:
        return []
    return sorted(float(x) for x in np.linalg.eigvalsh(M))  # BUG (F5): no zero threshold


def exact_zeros(values):
    return values == 0.0  # BUG (F5): no zero threshold


def betti_by_hodge(problem):
    if problem.p != 0:
        return betti_from_ranks(problem)
    # Hodge theorem: β_q = dim ker L_q, counted as eigenvalues == 0.0 (F5)
    return [raw_spectrum(correct.hodge_laplacian(problem.cells, q)).count(0.0)
            for q in problem.degrees]


if __name__ == "__main__":
    correct.spectrum = raw_spectrum
    correct.kernel_mask = exact_zeros
    correct.betti_numbers = betti_by_hodge
    correct.main()

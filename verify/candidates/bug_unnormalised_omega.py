# bug_unnormalised_omega.py: Laplacians of a digraph or hypergraph in the raw basis of Ω.
#
# BUG: the exact basis of Ω_p (Inf_q) that the elimination produces, e.g. e_abd − e_acd, is
#   used as if it were orthonormal: B_p = Q_{p−1}ᵀ ∂ Q_p with the raw basis vectors as Q.
#   The Betti numbers are right (they come from exact ranks), every spectrum that involves a
#   vector of norm ≠ 1 is not.
# MIRRORS: REFERENCE §4 "Other published code" (an unnormalised Ω basis: 4 instead of 2 on
#   the square) and REFERENCE §1.6 "Normalisation pitfall" (Wang–Wei's code needs
#   `inv(T.T@T)` to get it right).
# EXPOSED BY: selfcheck/digraph-square (a→b→d, a→c→d: ev(L_2) = {4} instead of {2}, and
#   L_1 = {2,2,4,4} instead of {2,2,2,4}), digraph-jl (Ω_2 ∋ 134 − 124: ev(L_2) = {4,4,8},
#   L_3 = {6}), hypergraph-h4 (Inf_2 is not spanned by hyperedges), digraph-cycle-network-6
#   (persistent Laplacians).  Digraphs whose Ω has an elementary basis (triangles, a⇄b) and
#   hypergraphs whose Inf is spanned by hyperedges (F6, H2) pass.
#
# Everything else is correct.py: this file imports it, replaces its `orthonormal_basis` with
# the version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def raw_basis(V):
    """The basis of the column space of V.
    BUG: V itself, not orthonormalised (its columns are taken to be orthonormal)."""
    return V


if __name__ == "__main__":
    correct.orthonormal_basis = raw_basis
    correct.main()

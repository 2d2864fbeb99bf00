/// \file
/// \ingroup verify
/// Invariants of an answer that hold whatever the input is, checked on a candidate's own answers
/// without an expected answer (the identities of spec/CASES.md and REFERENCE.md §3 "oracles").
/// Each check runs only when every quantity it needs was answered and is well-formed (the
/// comparison with an expected answer reports malformed values); "the whole complex" means that
/// the reported degrees reach the input's top dimension (known for complexes and hypergraphs,
/// not for a digraph's path complex).
///
/// ~~~
///  name                      what must hold
///  non_negative              chain_dims, betti, boundary_ranks >= 0
///  betti_le_chain_dims       β_q <= n_q
///  boundary_rank_bound       rank ∂_q <= min(n_q, n_{q−1})
///  rank_nullity              β_q = n_q − rank ∂_q − rank ∂_{q+1}
///  euler_chain_dims          χ = Σ(−1)^q n_q (chain_dims covering the whole complex)
///  euler_betti               Σ(−1)^q β_q = χ (Betti numbers of every degree)
///  spectrum_size             L_q, up/down L_q and D_q have n_q (n_{q−1} + n_q + n_{q+1})
///                            eigenvalues; the Dirac operator Σ n_q
///  spectrum_non_negative     Laplacian eigenvalues >= −zero threshold
///  laplacian_nullity         #{|λ| <= zero threshold} of L_q = β_q over Q or Z; over Z/p,
///                            β_q(Z/p) >= that nullity (= the rational β_q)
///  hodge_decomposition       nonzero spectrum of L_q = nonzero up_q ∪ nonzero down_q
///  up_down                   nonzero up spectrum of L_q = nonzero down spectrum of L_{q+1}
///  dirac_symmetric           the Dirac spectrum (and each D_q's) is symmetric about 0
///  dirac_squares             {μ²} = ∪_q spectrum(L_q) over the whole complex; for D_q,
///                            {μ²} = up_{q−1} ∪ L_q ∪ down_{q+1}
///  dirac_zeros               zeros of D = Σ_q β_q over Q or Z (Betti numbers of every degree)
///  harmonic_dimension        the harmonic basis of degree q has dim ker L_q vectors (β_q over Q)
///  harmonic_orthonormal      its vectors are orthonormal
///  harmonic_cells            its cells are n_q distinct q-cells (digraphs, hypergraphs: distinct
///                            allowed paths with q arcs, hyperedges with q + 1 vertices — the
///                            ambient cells the vectors live on, any number of them)
///  digraph_chain_dims        n_0 = the vertices, n_1 = the distinct arcs, n_q <= |A_q| (walks
///                            with q arcs)
///  hypergraph_chain_dims     n_0 = the 0-hyperedges, n_q <= the hyperedges with q + 1 vertices
/// ~~~
///
/// Reals agree when |a − b| <= abs + rel·max(|a|, |b|) + 1e-9·scale, scale the largest magnitude
/// among the spectra involved (an eigensolver's error grows with ‖A‖); the zero threshold of a
/// spectrum is max(abs, 1e-8)·max(1, its largest |λ|). abs and rel are the case's tolerance.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "topospec/verify/case.hpp"

namespace topospec::verify {

/// One violated invariant of an answer.
struct InvariantViolation {
  std::string invariant;  ///< the name from the table above (invariants.hpp)
  std::string message;  ///< the numbers: "β_1 = 2 but n_1 − rank ∂_1 − rank ∂_2 = 4 − 3 − 0 = 1"
};

/// Checks every invariant of the table (invariants.hpp) that the answer `got` to case `c` lets
/// one check; returns the violations, empty when there are none. A malformed or missing quantity
/// only disables the checks that need it.
std::vector<InvariantViolation> check_invariants(const Case& c, const nlohmann::json& got);

}  // namespace topospec::verify

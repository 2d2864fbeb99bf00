/// \file
/// \ingroup topology
/// Simplicial boundary operators with the orientation of CASES.md (vertices increasing):
///
///   `∂[v0 … vq] = Σ_j (−1)^j [v0 … v̂j … vq]`   (v̂j: vertex vj omitted).
///
/// B_q has rows indexed by (q−1)-simplices and columns by q-simplices (never transposed):
/// `B_q[σ, τ] = (−1)^j` when σ is τ without its j-th vertex, 0 otherwise; `B_q B_{q+1} = 0`.
#pragma once

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {

/// ∂_q of K as a size(q-1) × size(q) integer matrix (zero matrix of that shape when q <= 0 or
/// q > dim K).
IntegerMatrix boundary_matrix(const SimplicialComplex& k, int q);

/// The simplicial chain complex of K. The complex keeps a shared copy of K for cell labels.
ChainComplex chain_complex(const SimplicialComplex& k);

}  // namespace topospec

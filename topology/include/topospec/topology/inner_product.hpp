/// \file
/// \ingroup topology
/// Diagonal inner products on the chain groups: `⟨e_i, e_j⟩_q = δ_ij w_q[i]`, w > 0.
///
/// With weights, the adjoint is `∂* = W_q^{−1} ∂ᵀ W_{q−1}`; every operator is then written in
/// the W-orthonormal bases `e_i / sqrt(w_i)`, where it is symmetric:
///
///   `B̃_q = W_{q−1}^{1/2} ∂_q W_q^{−1/2}`,
///
/// so weighted Laplacians are the unweighted formulas applied to B̃ (same spectrum as the
/// W-self-adjoint operator).
#pragma once

#include <Eigen/Core>
#include <vector>

#include "topospec/topology/chain_complex.hpp"

namespace topospec {

/// Diagonal weights `W_q = diag(w_q)` per degree; empty means the standard inner product.
struct InnerProduct {
  /// weights[q] has dim C_q positive entries; missing degrees are unweighted (all ones).
  std::vector<Eigen::VectorXd> weights;
  /// Whether no degree is weighted (the standard inner product).
  bool empty() const { return weights.empty(); }
};

/// ∂_q in the orthonormal bases of the inner product, `B̃_q = W_{q−1}^{1/2} ∂_q W_q^{−1/2}`
/// (the complex's real boundary if `ip` is empty). Throws InvalidInput on a non-positive or
/// wrongly sized weight vector.
RealMatrix orthonormal_boundary(const ChainComplex& c, int q, const InnerProduct& ip = {});

}  // namespace topospec

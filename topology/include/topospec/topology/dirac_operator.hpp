/// \file
/// \ingroup topology
/// Dirac operators (B_q in orthonormal bases, see inner_product.hpp). The full D acts on
/// C_0 ⊕ C_1 ⊕ … ⊕ C_top:
///
///   `D = [[0, B_1, 0, …], [B_1ᵀ, 0, B_2, …], [0, B_2ᵀ, 0, …], …]`,   `D² = ⊕_q L_q`,
///
/// so spec D = ±(nonzero singular values of the B_q) with Σβ_q zeros. The per-degree D_q acts
/// on C_{q−1} ⊕ C_q ⊕ C_{q+1} (C_{−1} = 0) with off-diagonal blocks B_q, B_{q+1}:
///
///   `D_q = [[0, B_q, 0], [B_qᵀ, 0, B_{q+1}], [0, B_{q+1}ᵀ, 0]]`;
///
/// the middle block of D_q² is `L_q = B_qᵀ B_q + B_{q+1} B_{q+1}ᵀ`.
#pragma once

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/inner_product.hpp"

namespace topospec {

/// The full Dirac operator D on C_0 ⊕ … ⊕ C_top (blocks in degree order), sparse and
/// symmetric. Throws InvalidInput on bad weights.
RealMatrix dirac_operator(const ChainComplex& c, const InnerProduct& ip = {});
/// The per-degree Dirac operator D_q on C_{q−1} ⊕ C_q ⊕ C_{q+1} (blocks in that order; degrees
/// outside 0..top contribute no rows). Throws InvalidInput on bad weights.
RealMatrix dirac_operator(const ChainComplex& c, int q, const InnerProduct& ip = {});

}  // namespace topospec

// Dirac operators. The full D acts on C_0 ⊕ C_1 ⊕ … ⊕ C_top:
//   D = [[0, B_1, 0, …], [B_1ᵀ, 0, B_2, …], [0, B_2ᵀ, 0, …], …],   D² = ⊕ L_q,
// so spec D = ±(nonzero singular values of the B_q) with Σβ_q zeros. The per-degree D_q acts
// on C_{q−1} ⊕ C_q ⊕ C_{q+1} (C_{−1} = 0) with off-diagonal blocks B_q, B_{q+1}; the middle
// block of D_q² is L_q.
#pragma once

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/inner_product.hpp"

namespace topospec {

RealMatrix dirac_operator(const ChainComplex& c, const InnerProduct& ip = {});
RealMatrix dirac_operator(const ChainComplex& c, int q, const InnerProduct& ip = {});

}  // namespace topospec

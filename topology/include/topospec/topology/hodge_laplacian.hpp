// Hodge Laplacians L_q = B_qᵀB_q + B_{q+1}B_{q+1}ᵀ (B in orthonormal bases, see
// inner_product.hpp): `down` is B_qᵀB_q, `up` is B_{q+1}B_{q+1}ᵀ. Sparse, dim C_q square.
// dim ker L_q = β_q over R (harmonic chains).
#pragma once

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/inner_product.hpp"

namespace topospec {

RealMatrix up_laplacian(const ChainComplex& c, int q, const InnerProduct& ip = {});
RealMatrix down_laplacian(const ChainComplex& c, int q, const InnerProduct& ip = {});
RealMatrix hodge_laplacian(const ChainComplex& c, int q, const InnerProduct& ip = {});

}  // namespace topospec

/// \file
/// \ingroup topology
/// Hodge Laplacians (B in orthonormal bases, see inner_product.hpp):
///
///   `L_q = B_qᵀ B_q + B_{q+1} B_{q+1}ᵀ`
///
/// `down` is `B_qᵀ B_q`, `up` is `B_{q+1} B_{q+1}ᵀ`. Sparse, dim C_q square (0 × 0 outside
/// 0..top); `L_0 = B_1 B_1ᵀ` and in the top degree only the down term remains.
/// dim ker L_q = β_q over R (harmonic chains).
#pragma once

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/inner_product.hpp"

namespace topospec {

/// The up Laplacian `L_q^up = B_{q+1} B_{q+1}ᵀ` (zero when q is the top degree). Throws
/// InvalidInput on bad weights.
RealMatrix up_laplacian(const ChainComplex& c, int q, const InnerProduct& ip = {});
/// The down Laplacian `L_q^down = B_qᵀ B_q` (zero for q = 0). Throws InvalidInput on bad
/// weights.
RealMatrix down_laplacian(const ChainComplex& c, int q, const InnerProduct& ip = {});
/// The Hodge Laplacian `L_q = B_qᵀ B_q + B_{q+1} B_{q+1}ᵀ`. Throws InvalidInput on bad weights.
RealMatrix hodge_laplacian(const ChainComplex& c, int q, const InnerProduct& ip = {});

}  // namespace topospec

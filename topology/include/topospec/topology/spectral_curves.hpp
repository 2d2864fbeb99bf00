/// \file
/// \ingroup topology
/// Spectral curves of a filtration: at each sampled value t, the Betti numbers of K_t (exact,
/// over Q) and λ_min of each L_q(K_t): its (β_q + 1)-th smallest eigenvalue, i.e.\ the smallest
/// nonzero one counted with the exact Betti number (0 when L_q has no nonzero eigenvalue):
///
///   `λ_min(q, t) = λ_{β_q(K_t)+1}(L_q(K_t))`,  `L_q = B_qᵀ B_q + B_{q+1} B_{q+1}ᵀ` on K_t.
///
/// These are the non-persistent (a = b) curves of the molecule figures (C20, CB7).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {

/// The curves' values at one filtration value.
struct SpectralCurvePoint {
  double value = 0;  ///< the filtration value t
  std::vector<std::int64_t> betti;  ///< β_0 … β_max_dim of K_value
  std::vector<double> lambda_min;   ///< per degree
};

/// One point per entry of `values`, degrees 0 … max_dim. Throws InvalidInput("values", …) for
/// a NaN value, InvalidInput("max_dim", …) for max_dim < 0, Error when c is not filtered.
std::vector<SpectralCurvePoint> spectral_curves(const ChainComplex& c,
                                                std::span<const double> values, int max_dim,
                                                const SpectrumOptions& opts = {});

}  // namespace topospec

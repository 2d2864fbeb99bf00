// Spectral curves of a filtration: at each sampled value t, the Betti numbers of K_t (exact,
// over Q) and λ_min of each L_q(K_t): its (β_q + 1)-th smallest eigenvalue, i.e. the smallest
// nonzero one counted with the exact Betti number (0 when L_q has no nonzero eigenvalue).
// These are the non-persistent (a = b) curves of the molecule figures (C20, CB7).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {

struct SpectralCurvePoint {
  double value = 0;
  std::vector<std::int64_t> betti;  // β_0 … β_max_dim of K_value
  std::vector<double> lambda_min;   // per degree
};

// Degrees 0 … max_dim. Throws InvalidInput("values", …) for a NaN value, Error when c is not
// filtered.
std::vector<SpectralCurvePoint> spectral_curves(const ChainComplex& c,
                                                std::span<const double> values, int max_dim,
                                                const SpectrumOptions& opts = {});

}  // namespace topospec

/// \file
/// \ingroup topology
/// Vietoris–Rips persistent homology without building the complex: the Ripser approach.
/// Simplices are indexed by the combinatorial number system and never stored; the coboundary
/// is enumerated on the fly; cohomology is reduced with clearing, apparent and emergent pairs,
/// and the reduction of each column is cached only when it is not trivial. Bars equal those of
/// persistence(rips_complex(d, max_dim + 1, threshold)) (a property test).
#pragma once

#include <optional>

#include "topospec/topology/barcode.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

/// Options of rips_persistence().
struct RipsPersistenceOptions {
  int max_dim = 1;                   ///< bars of degrees 0 … max_dim
  std::optional<double> threshold;   ///< keep simplices with diameter ≤ threshold
  Coefficients coefficients = Coefficients::prime_field(2);  ///< Zp; Q → mod 2^31 − 1; Z rejected
  Progress progress;  ///< progress and cancellation callback (may be empty)
};

/// Bars of the Vietoris–Rips filtration of `distances` (diameter convention) in degrees
/// 0 … max_dim. Throws InvalidInput for max_dim < 0, a NaN threshold or Z coefficients,
/// ResourceLimit when simplex indices of the needed dimension would overflow 63 bits (or
/// max_dim is above 58), Error when the progress callback cancels.
Barcode rips_persistence(const DistanceMatrix& distances, const RipsPersistenceOptions& opts = {});

}  // namespace topospec

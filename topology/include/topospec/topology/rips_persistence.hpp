// Vietoris–Rips persistent homology without building the complex: the Ripser approach.
// Simplices are indexed by the combinatorial number system and never stored; the coboundary
// is enumerated on the fly; cohomology is reduced with clearing, apparent and emergent pairs,
// and the reduction of each column is cached only when it is not trivial. Bars equal those of
// persistence(rips_complex(d, max_dim + 1, threshold)) (a property test).
#pragma once

#include <optional>

#include "topospec/topology/barcode.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

struct RipsPersistenceOptions {
  int max_dim = 1;                   // bars of degrees 0 … max_dim
  std::optional<double> threshold;   // keep simplices with diameter ≤ threshold
  Coefficients coefficients = Coefficients::prime_field(2);  // Zp; Q → mod 2^31 − 1; Z rejected
  Progress progress;
};

Barcode rips_persistence(const DistanceMatrix& distances, const RipsPersistenceOptions& opts = {});

}  // namespace topospec

// Persistent homology of a filtered chain complex (any builder: simplicial, path, hypergraph)
// by column reduction of the boundary in filtration order, with clearing (twist): a column
// known to be a death is zeroed without reduction. Cells are ordered by (value, degree, index),
// which is a valid filtration order because builders guarantee faces enter no later than
// cofaces and a face has lower degree. The basis of C_q must be filtration-compatible (the
// cells with value ≤ t span C_q(K_t)), which every builder guarantees.
//
// Coefficients: Z/p exactly; Q computed modulo the prime 2^31 − 1 (a bar over Q differs from
// one mod that prime only if a torsion coefficient divisible by it occurs, which ∂ with small
// entries cannot produce on complexes of practical size); Z is rejected (no barcode over Z).
#pragma once

#include "topospec/topology/barcode.hpp"
#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

struct PersistenceOptions {
  Coefficients coefficients = Coefficients::rationals();
  // Highest degree whose bars are reported; -1 = the top degree of the complex. Degree q needs
  // the (q+1)-cells, which must be present in the complex for the top bars to be finite.
  int max_dim = -1;
  Progress progress;
};

// Bars of degrees 0 … max_dim. Throws InvalidInput("coefficients", …) for Z, Error when the
// complex carries no filtration values.
Barcode persistence(const ChainComplex& c, const PersistenceOptions& opts = {});

}  // namespace topospec

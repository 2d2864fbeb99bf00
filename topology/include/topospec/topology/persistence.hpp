/// \file
/// \ingroup topology
/// Persistent homology of a filtered chain complex (any builder: simplicial, path, hypergraph)
/// by column reduction of the boundary in filtration order, with clearing (twist): a column
/// known to be a death is zeroed without reduction. Cells are ordered by (value, degree, index),
/// which is a valid filtration order because builders guarantee faces enter no later than
/// cofaces and a face has lower degree. The basis of C_q must be filtration-compatible (the
/// cells with value ≤ t span C_q(K_t)), which every builder guarantees.
///
/// Reduction: with ∂ the total boundary matrix in that order and `low(j)` the row of the
/// lowest nonzero entry of column j, `R = ∂V` (V upper triangular, invertible) is reduced when
/// the low(j) of its nonzero columns are distinct. Each pair `i = low(j)` gives the bar
/// `[value(i), value(j))` in the degree of cell i (zero-length bars dropped); each zero column
/// i that is no column's low gives `[value(i), +inf)`. Then
/// `β_q^{a,b} = dim Z_q(K_a) − dim(Z_q(K_a) ∩ B_q(K_b))` is the number of degree-q bars with
/// birth ≤ a and death > b (see barcode.hpp).
///
/// Coefficients: Z/p exactly; Q computed modulo the prime 2^31 − 1 (a bar over Q differs from
/// one mod that prime only if a torsion coefficient divisible by it occurs, which ∂ with small
/// entries cannot produce on complexes of practical size); Z is rejected (no barcode over Z).
#pragma once

#include "topospec/topology/barcode.hpp"
#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

/// Options of persistence().
struct PersistenceOptions {
  Coefficients coefficients = Coefficients::rationals();  ///< Q or Z/p; Z is rejected
  /// Highest degree whose bars are reported; -1 = the top degree of the complex. Degree q needs
  /// the (q+1)-cells, which must be present in the complex for the top bars to be finite.
  int max_dim = -1;
  Progress progress;  ///< progress and cancellation callback (may be empty)
};

/// Bars of degrees 0 … max_dim. Throws InvalidInput("coefficients", …) for Z, Error when the
/// complex carries no filtration values (and when the progress callback cancels).
Barcode persistence(const ChainComplex& c, const PersistenceOptions& opts = {});

}  // namespace topospec

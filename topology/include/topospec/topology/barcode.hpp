/// \file
/// \ingroup topology
/// Persistence barcodes: half-open bars [birth, death) per degree; death = +inf for an infinite
/// bar. Zero-length bars are never stored.
///
/// A bar is a class born when K_birth first contains it and killed when it becomes a boundary
/// in K_death. The persistent Betti numbers are read off the bars:
///
///   `β_q^{a,b} = dim Z_q(K_a) − dim(Z_q(K_a) ∩ B_q(K_b)) = rank(H_q(K_a) → H_q(K_b))`
///   `= #{bars of degree q with birth ≤ a and death > b}`,
///
/// with Z_q = ker ∂_q (cycles) and B_q = im ∂_{q+1} (boundaries).
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace topospec {

/// One half-open interval [birth, death) of a barcode.
struct Bar {
  double birth = 0;  ///< filtration value at which the class appears
  double death = std::numeric_limits<double>::infinity();  ///< when it dies; +inf if never
  /// Whether the bar never dies (death = +inf).
  bool infinite() const { return death == std::numeric_limits<double>::infinity(); }
  /// death − birth (+inf for an infinite bar).
  double length() const { return death - birth; }
  /// Same birth and death.
  bool operator==(const Bar&) const = default;
};

/// The bars of every computed degree.
struct Barcode {
  /// bars[q] for q = 0 … max degree computed, each sorted by (birth, death).
  std::vector<std::vector<Bar>> bars;

  /// Highest degree computed; -1 when there are none.
  int max_degree() const { return static_cast<int>(bars.size()) - 1; }
  const std::vector<Bar>& degree(int q) const;  ///< empty outside the computed range
  /// `β_q^{a,b} = rank(H_q(K_a) → H_q(K_b))`: the number of bars with birth ≤ a and
  /// death > b. Requires a ≤ b (InvalidInput otherwise, and for a NaN value).
  std::size_t persistent_betti(int q, double a, double b) const;
  /// β_q(K_t) = persistent_betti(q, t, t).
  std::size_t betti(int q, double t) const { return persistent_betti(q, t, t); }
  /// Sorts every degree by (birth, death).
  void normalize();
};

}  // namespace topospec

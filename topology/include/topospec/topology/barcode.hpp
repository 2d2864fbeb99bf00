// Persistence barcodes: half-open bars [birth, death) per degree; death = +inf for an infinite
// bar. Zero-length bars are never stored.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace topospec {

struct Bar {
  double birth = 0;
  double death = std::numeric_limits<double>::infinity();
  bool infinite() const { return death == std::numeric_limits<double>::infinity(); }
  double length() const { return death - birth; }
  bool operator==(const Bar&) const = default;
};

struct Barcode {
  // bars[q] for q = 0 … max degree computed, each sorted by (birth, death).
  std::vector<std::vector<Bar>> bars;

  int max_degree() const { return static_cast<int>(bars.size()) - 1; }
  const std::vector<Bar>& degree(int q) const;  // empty outside the computed range
  // β_q^{a,b} = rank(H_q(K_a) → H_q(K_b)) = #{bars with birth ≤ a < b' … } precisely:
  // the bars with birth ≤ a and death > b. Requires a ≤ b (InvalidInput otherwise).
  std::size_t persistent_betti(int q, double a, double b) const;
  // β_q(K_t) = persistent_betti(q, t, t).
  std::size_t betti(int q, double t) const { return persistent_betti(q, t, t); }
  // Sorts every degree by (birth, death).
  void normalize();
};

}  // namespace topospec

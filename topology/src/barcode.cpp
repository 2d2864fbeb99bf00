#include "topospec/topology/barcode.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "topospec/topology/error.hpp"

namespace topospec {

const std::vector<Bar>& Barcode::degree(int q) const {
  static const std::vector<Bar> kNone;
  return q < 0 || q > max_degree() ? kNone : bars[static_cast<std::size_t>(q)];
}

std::size_t Barcode::persistent_betti(int q, double a, double b) const {
  if (std::isnan(a) || std::isnan(b))
    throw InvalidInput("requests", "persistent Betti number at a NaN value");
  if (a > b)
    throw InvalidInput("requests", "persistent Betti number needs a <= b, got a = " +
                                       std::to_string(a) + ", b = " + std::to_string(b));
  // A bar [birth, death) is a class present in K_a (birth ≤ a) that is still alive in K_b
  // (death > b, the death cell not yet in K_b).
  const std::vector<Bar>& d = degree(q);
  return static_cast<std::size_t>(std::count_if(
      d.begin(), d.end(), [&](const Bar& bar) { return bar.birth <= a && bar.death > b; }));
}

void Barcode::normalize() {
  for (auto& d : bars)
    std::sort(d.begin(), d.end(), [](const Bar& x, const Bar& y) {
      return x.birth < y.birth || (x.birth == y.birth && x.death < y.death);
    });
}

}  // namespace topospec

#include "topospec/topology/device_assembly.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include "device_boundary.hpp"
#include "rips_levels.hpp"
#include "topospec/topology/backend.hpp"
#include "cuda_not_compiled.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

void require_device() {
  if (!cuda_compiled())
    throw_cuda_not_compiled();
  if (cuda_device_count() == 0) throw DeviceUnavailable(cuda_device_description());
}

}  // namespace

RealMatrix device_real_boundary(const SimplicialComplex& k, int q) {
  require_device();
  const auto rows = static_cast<std::int64_t>(k.size(q - 1));
  const auto cols = static_cast<std::int64_t>(k.size(q));
  RealMatrix b(rows, cols);
  if (q <= 0 || q > k.dimension()) return b;
  // A complex stores each dimension as one flat array of increasing vertex tuples in
  // lexicographic order, which is what the device entry point reads.
  const device_boundary::CscArrays csc = device_boundary::device_boundary_csc(
      q, k.simplex(q, 0).data(), cols, k.simplex(q - 1, 0).data(), rows);
  b.resizeNonZeros(static_cast<Eigen::Index>(csc.inner.size()));
  std::copy(csc.outer.begin(), csc.outer.end(), b.outerIndexPtr());
  std::copy(csc.inner.begin(), csc.inner.end(), b.innerIndexPtr());
  std::copy(csc.values.begin(), csc.values.end(), b.valuePtr());
  return b;
}

FilteredComplex device_rips_complex(const DistanceMatrix& distances, int max_simplex_dim,
                                    std::optional<double> threshold, std::size_t max_simplices) {
  require_device();
  const std::size_t n = distances.size();
  const std::vector<double>& lower = distances.lower();
  // Arguments the CPU builder rejects go to it, so that the errors are its own, word for word.
  const bool bad_threshold = threshold && (std::isnan(*threshold) || *threshold < 0);
  const bool no_edge = threshold && n >= 2 && !bad_threshold &&
                       *std::min_element(lower.begin(), lower.end()) > *threshold;
  if (max_simplex_dim < 0 || bad_threshold || no_edge ||
      n > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    return rips_complex(distances, max_simplex_dim, threshold, max_simplices);

  std::vector<device_boundary::RipsSimplices> levels = device_boundary::device_rips_simplices(
      lower, static_cast<std::int64_t>(n), max_simplex_dim,
      threshold.value_or(std::numeric_limits<double>::infinity()), max_simplices);
  // As the CPU builder: no trailing empty dimensions, but always dimension 0.
  while (levels.size() > 1 && levels.back().num() == 0) levels.pop_back();
  std::vector<std::vector<std::int32_t>> cells;
  std::vector<std::vector<double>> values;
  for (auto& level : levels) {
    cells.push_back(std::move(level.vertices));
    values.push_back(std::move(level.values));
  }
  // The device emits each dimension in lexicographic order, as the CPU builder does.
  return detail::rips_from_levels(n, std::move(cells), std::move(values));
}

}  // namespace topospec

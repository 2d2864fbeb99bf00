// Vietoris–Rips simplices enumerated on the GPU: for each dimension, every candidate vertex set
// is a rank in the combinatorial number system, decoded by one thread and kept when its
// diameter is within the threshold (src/thrust_rips_enumeration.hpp). The candidate range
// C(n, q+1) is processed in chunks sized to free device memory, and each chunk's kept
// simplices are copied back before the next, so host memory is bounded by the result.
#include <thrust/execution_policy.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../src/combinatorial_number_system.hpp"
#include "../src/device_boundary.hpp"
#include "../src/thrust_rips_enumeration.hpp"
#include "device_memory.cuh"
#include "thrust_errors.cuh"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/error.hpp"

namespace topospec::device_boundary {
namespace {

// Upper bound on one chunk: enough candidates to fill the device many times over, small enough
// that the worst-case chunk buffers (every candidate kept) stay at a few GiB.
constexpr std::uint64_t kMaxChunk = std::uint64_t{1} << 26;

// Candidates per chunk: half of the usable free memory for the chunk buffers, the other half
// left to copy_if's scratch (about one flag and one offset per candidate).
std::int64_t chunk_size(std::uint64_t candidates, int k) {
  const double budget = 0.5 * cuda::kUsableFraction * static_cast<double>(cuda::free_device_bytes());
  const auto per = static_cast<double>(rips_enumeration::chunk_bytes(1, k));
  const auto fit = static_cast<std::uint64_t>(budget / per);
  return static_cast<std::int64_t>(std::min({candidates, fit, kMaxChunk}));
}

}  // namespace

std::vector<RipsSimplices> device_rips_simplices(const std::vector<double>& lower, std::int64_t n,
                                                 int max_dim, double threshold,
                                                 std::size_t max_simplices) {
  if (max_dim >= rips_enumeration::kMaxVertices)
    throw InvalidInput("max_dim", "simplex dimension " + std::to_string(max_dim) +
                                      " is above the GPU enumeration's limit of " +
                                      std::to_string(rips_enumeration::kMaxVertices - 1));
  if (n < 0 || static_cast<std::uint64_t>(lower.size()) !=
                   static_cast<std::uint64_t>(n) * static_cast<std::uint64_t>(n > 0 ? n - 1 : 0) / 2)
    throw InvalidInput("lower", std::to_string(lower.size()) +
                                    " distances is not a strict lower triangle of " +
                                    std::to_string(n) + " points");
  std::vector<RipsSimplices> out;
  if (max_dim < 0) return out;
  if (cuda_device_count() == 0) throw DeviceUnavailable(cuda_device_description());

  cuda::ensure_fits(sizeof(double) * lower.size(), "distance matrix of " + std::to_string(n) + " points");
  cuda::DeviceBuffer<double> d_lower(lower.size());
  d_lower.upload(lower.data(), lower.size());
  std::size_t total = 0;
  for (int q = 0; q <= max_dim; ++q) {
    const int k = q + 1;
    RipsSimplices level;
    level.width = k;
    const std::uint64_t candidates = cns::binomial(n, k);
    if (candidates == cns::kOverflow)
      throw ResourceLimit("rips complex on the GPU: C(" + std::to_string(n) + ", " +
                          std::to_string(k) + ") candidate " + std::to_string(q) +
                          "-simplices do not fit 64-bit ranks");
    if (candidates > 0) {
      const std::string what = "rips " + std::to_string(q) + "-simplices of " +
                               std::to_string(n) + " points";
      const std::int64_t chunk = chunk_size(candidates, k);
      if (chunk < 1) throw ResourceLimit(what + ": not even one candidate fits in device memory");
      const auto c = static_cast<std::uint64_t>(chunk);
      cuda::ensure_fits(rips_enumeration::chunk_bytes(c, k) + 2 * sizeof(std::int64_t) * c, what);
      cuda::DeviceBuffer<std::uint64_t> ranks(c);
      cuda::DeviceBuffer<std::int32_t> vertices(c * static_cast<std::uint64_t>(k));
      cuda::DeviceBuffer<double> values(c);
      cuda::translate_thrust_errors(what, [&] {
        rips_enumeration::enumerate(
            thrust::device, d_lower.get(), n, k, threshold, chunk, ranks.get(), vertices.get(),
            values.get(), [&](std::int64_t kept) {
              total += static_cast<std::size_t>(kept);
              if (total > max_simplices)
                throw ResourceLimit("rips complex: more than " + std::to_string(max_simplices) +
                                    " simplices (" + std::to_string(n) +
                                    " points, up to dimension " + std::to_string(max_dim) + ")");
              const std::size_t had = level.values.size();
              const auto count = static_cast<std::size_t>(kept);
              level.values.resize(had + count);
              level.vertices.resize((had + count) * static_cast<std::size_t>(k));
              values.download(level.values.data() + had, count);
              vertices.download(level.vertices.data() + had * k, count * k);
            });
      });
    }
    const bool empty = level.num() == 0;
    out.push_back(std::move(level));
    if (empty) break;  // every larger simplex would have a face here
  }
  return out;
}

}  // namespace topospec::device_boundary

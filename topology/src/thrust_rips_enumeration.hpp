// Private to topology: Vietoris–Rips simplices of one dimension as Thrust algorithms over raw
// arrays, independent of the execution policy (cuda/rips_enumeration.cu runs them on the GPU,
// a unit test on the CPU with thrust::cpp::par). Plain C++17; no topospec types.
//
// Each candidate k-subset (k = q+1 vertices) is a rank in the lexicographic combinatorial number
// system (combinatorial_number_system.hpp): one work item decodes its rank and keeps it when
// every pairwise distance is ≤ the threshold. copy_if over increasing ranks is stable, so the
// kept simplices come out in lexicographic order of their vertex lists — the CPU Rips builder's
// (and SimplicialComplex's) own order — and chunks of consecutive ranks concatenate in order.
// Distances are read from the strict lower triangle, row by row (DistanceMatrix::lower()).
#pragma once

#include <thrust/copy.h>
#include <thrust/execution_policy.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>

#include <cstdint>

#include "combinatorial_number_system.hpp"

namespace topospec::rips_enumeration {

/// Most vertices of a simplex a work item decodes (a local array): dimension ≤ 31.
inline constexpr int kMaxVertices = 32;

/// d(i, j) for i ≠ j from the strict lower triangle.
TOPOSPEC_HD inline double distance(const double* lower, std::int64_t i, std::int64_t j) {
  if (i < j) {
    const std::int64_t t = i;
    i = j, j = t;
  }
  return lower[i * (i - 1) / 2 + j];
}

// Whether the candidate of this rank has diameter ≤ threshold (stops at the first longer edge).
struct WithinThreshold {
  const double* lower;
  std::int64_t n;
  int k;
  double threshold;
  TOPOSPEC_HD bool operator()(std::uint64_t r) const {
    std::int32_t a[kMaxVertices];
    cns::unrank(r, k, n, a);
    for (int x = 1; x < k; ++x)
      for (int y = 0; y < x; ++y)
        if (!(distance(lower, a[x], a[y]) <= threshold)) return false;
    return true;
  }
};

// Kept candidate e: its vertices and diameter (largest pairwise distance; 0 for a vertex).
struct Emit {
  const double* lower;
  std::int64_t n;
  int k;
  const std::uint64_t* ranks;
  std::int32_t* vertices;
  double* values;
  TOPOSPEC_HD void operator()(std::int64_t e) const {
    std::int32_t* a = vertices + e * k;
    cns::unrank(ranks[e], k, n, a);
    double diameter = 0.0;
    for (int x = 1; x < k; ++x)
      for (int y = 0; y < x; ++y) {
        const double d = distance(lower, a[x], a[y]);
        diameter = d > diameter ? d : diameter;
      }
    values[e] = diameter;
  }
};

/// Device (or host) elements one chunk of `chunk` candidates needs, for sizing before allocating:
/// ranks (uint64), vertices (int32, chunk·k) and values (double), all worst case (every
/// candidate kept).
inline std::uint64_t chunk_bytes(std::uint64_t chunk, int k) {
  return chunk * (sizeof(std::uint64_t) + sizeof(std::int32_t) * static_cast<std::uint64_t>(k) +
                  sizeof(double));
}

/// The candidates of ranks first .. first+count−1 among the k-subsets of n points with diameter
/// ≤ threshold, in rank order: their vertex lists to vertices[0 .. kept·k) and diameters to
/// values[0 .. kept), using ranks[0 .. count) as scratch. Returns kept. Requires
/// 1 ≤ k ≤ kMaxVertices and first + count ≤ C(n, k) (which must fit 64 bits).
template <class Policy>
std::int64_t enumerate_chunk(Policy&& policy, const double* lower, std::int64_t n, int k,
                             double threshold, std::uint64_t first, std::int64_t count,
                             std::uint64_t* ranks, std::int32_t* vertices, double* values) {
  thrust::counting_iterator<std::uint64_t> begin(first);
  const std::uint64_t* end =
      thrust::copy_if(policy, begin, begin + count, ranks, WithinThreshold{lower, n, k, threshold});
  const std::int64_t kept = end - ranks;
  thrust::counting_iterator<std::int64_t> zero(0);
  thrust::for_each(policy, zero, zero + kept, Emit{lower, n, k, ranks, vertices, values});
  return kept;
}

/// All candidates in chunks of at most `chunk`: after each, sink(kept) is called while
/// vertices/values hold that chunk's results (the caller copies them out).
template <class Policy, class Sink>
void enumerate(Policy&& policy, const double* lower, std::int64_t n, int k, double threshold,
               std::int64_t chunk, std::uint64_t* ranks, std::int32_t* vertices, double* values,
               Sink&& sink) {
  const std::uint64_t total = cns::binomial(n, k);
  for (std::uint64_t first = 0; first < total; first += static_cast<std::uint64_t>(chunk)) {
    const std::uint64_t left = total - first;
    const auto count = static_cast<std::int64_t>(
        left < static_cast<std::uint64_t>(chunk) ? left : static_cast<std::uint64_t>(chunk));
    sink(enumerate_chunk(policy, lower, n, k, threshold, first, count, ranks, vertices, values));
  }
}

}  // namespace topospec::rips_enumeration

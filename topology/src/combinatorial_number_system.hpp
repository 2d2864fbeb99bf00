// Private to topology: the combinatorial number system, ranking the k-subsets of {0, …, n−1}
// in lexicographic order of their increasing element lists, so that the GPU Rips enumeration
// (one thread per candidate rank) emits simplices in the order the CPU builder does. Plain
// C++17 with __host__ __device__ functions: nvcc uses it in kernels, g++ in unit tests.
//
// Lexicographic rank of a_0 < … < a_{k−1}: with b_i = n−1−a_i (decreasing), x ↦ n−1−x turns
// lexicographic order into reverse colexicographic order, and the colex rank of {b} is
// Σ_i C(b_i, k−i). So rank = C(n, k) − 1 − Σ_i C(n−1−a_i, k−i). Unranking inverts the colex
// sum greedily, each b_i found by binary search (O(k² log n)), not by scanning n values.
#pragma once

#include <cstdint>

#include "host_device.hpp"

namespace topospec::cns {

/// Saturation value: a binomial coefficient that does not fit 64 bits.
inline constexpr std::uint64_t kOverflow = ~std::uint64_t{0};

/// C(n, k), or kOverflow when it does not fit in 64 bits (0 for k > n or k < 0). Each step
/// C(m, i) = C(m−1, i−1)·m / i is exact; it is split as (r/i)·m + (r%i)·m/i so that no
/// intermediate exceeds the result (r·m itself may overflow when the quotient does not).
TOPOSPEC_HD inline std::uint64_t binomial(std::int64_t n, std::int64_t k) {
  if (k < 0 || n < 0 || k > n) return 0;
  if (k > n - k) k = n - k;
  std::uint64_t r = 1;
  for (std::int64_t i = 1; i <= k; ++i) {
    const auto m = static_cast<std::uint64_t>(n - k + i);
    const auto ii = static_cast<std::uint64_t>(i);
    const std::uint64_t q = r / ii, rem = r % ii;
    const std::uint64_t low = rem * m / ii;  // rem < i, so rem·m < k·n: no overflow
    if (q != 0 && q > (kOverflow - 1 - low) / m) return kOverflow;
    r = q * m + low;
  }
  return r;
}

/// Lexicographic rank of the increasing k-subset `a` of {0, …, n−1}; requires C(n, k) to fit
/// (binomial(n, k) != kOverflow).
TOPOSPEC_HD inline std::uint64_t rank(const std::int32_t* a, int k, std::int64_t n) {
  std::uint64_t colex = 0;
  for (int i = 0; i < k; ++i) colex += binomial(n - 1 - a[i], k - i);
  return binomial(n, k) - 1 - colex;
}

/// The k-subset of {0, …, n−1} with lexicographic rank r < C(n, k), written increasing to a[0..k).
TOPOSPEC_HD inline void unrank(std::uint64_t r, int k, std::int64_t n, std::int32_t* a) {
  std::uint64_t m = binomial(n, k) - 1 - r;  // colex rank of b = n−1−a
  std::int64_t hi = n - 1;                    // b_i < b_{i−1}, and b_0 ≤ n−1
  for (int i = 0; i < k; ++i) {
    const int j = k - i;
    // Largest b in [j−1, hi] with C(b, j) ≤ m (C(j−1, j) = 0 ≤ m always holds).
    std::int64_t lo = j - 1, up = hi;
    while (lo < up) {
      const std::int64_t mid = lo + (up - lo + 1) / 2;
      if (binomial(mid, j) <= m)
        lo = mid;
      else
        up = mid - 1;
    }
    m -= binomial(lo, j);
    a[i] = static_cast<std::int32_t>(n - 1 - lo);
    hi = lo - 1;
  }
}

}  // namespace topospec::cns

// The combinatorial number system behind the GPU Rips enumeration (one candidate simplex per
// rank): binomials against Pascal's triangle with overflow detection, rank/unrank as inverse
// bijections onto lexicographic order, and 64-bit ranks of 4-subsets of 10^5 points.
#include "../../topology/src/combinatorial_number_system.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

namespace topospec::cns {
namespace {

// The next k-subset of {0..n-1} in lexicographic order; false after the last.
bool next_subset(std::vector<std::int32_t>& a, std::int64_t n) {
  const int k = static_cast<int>(a.size());
  int i = k - 1;
  while (i >= 0 && a[i] == n - k + i) --i;
  if (i < 0) return false;
  ++a[i];
  for (int j = i + 1; j < k; ++j) a[j] = a[j - 1] + 1;
  return true;
}

// Exact C(n, k) in 128 bits (n small enough that it does not overflow there).
unsigned __int128 binomial128(std::int64_t n, std::int64_t k) {
  unsigned __int128 r = 1;
  for (std::int64_t i = 1; i <= k; ++i) r = r * static_cast<unsigned __int128>(n - k + i) / i;
  return r;
}

TEST(CombinatorialNumberSystem, BinomialMatchesPascalAndSaturates) {
  // Pascal's triangle with saturating addition up to n = 70 (overflow starts at C(68, 34)).
  std::vector<std::vector<std::uint64_t>> pascal(71);
  for (int n = 0; n <= 70; ++n) {
    pascal[n].assign(n + 1, 1);
    for (int k = 1; k < n; ++k) {
      const std::uint64_t a = pascal[n - 1][k - 1], b = pascal[n - 1][k];
      pascal[n][k] = (a == kOverflow || b == kOverflow || a > kOverflow - 1 - b) ? kOverflow : a + b;
    }
    for (int k = 0; k <= n; ++k) EXPECT_EQ(binomial(n, k), pascal[n][k]) << "C(" << n << ", " << k << ")";
  }
  EXPECT_NE(binomial(67, 33), kOverflow);
  EXPECT_EQ(binomial(68, 34), kOverflow);
  EXPECT_EQ(binomial(5, 6), 0u);
  EXPECT_EQ(binomial(5, -1), 0u);
  EXPECT_EQ(binomial(0, 0), 1u);
}

TEST(CombinatorialNumberSystem, RankAndUnrankFollowLexicographicOrder) {
  for (std::int64_t n = 1; n <= 12; ++n)
    for (int k = 1; k <= n; ++k) {
      std::vector<std::int32_t> a(k), decoded(k);
      std::iota(a.begin(), a.end(), 0);
      std::uint64_t index = 0;
      do {
        ASSERT_EQ(rank(a.data(), k, n), index) << "n = " << n << " k = " << k;
        unrank(index, k, n, decoded.data());
        ASSERT_EQ(decoded, a) << "n = " << n << " k = " << k << " rank " << index;
        ++index;
      } while (next_subset(a, n));
      EXPECT_EQ(index, binomial(n, k)) << "n = " << n << " k = " << k;
    }
}

TEST(CombinatorialNumberSystem, LargeNRanksFit64BitsAndRoundTrip) {
  constexpr std::int64_t n = 100000;
  for (int k = 1; k <= 4; ++k) {
    const std::uint64_t total = binomial(n, k);
    ASSERT_NE(total, kOverflow);
    ASSERT_EQ(static_cast<unsigned __int128>(total), binomial128(n, k)) << "k = " << k;
    std::vector<std::int32_t> first(k), last(k), a(k), b(k);
    std::iota(first.begin(), first.end(), 0);
    std::iota(last.begin(), last.end(), static_cast<std::int32_t>(n - k));
    EXPECT_EQ(rank(first.data(), k, n), 0u);
    EXPECT_EQ(rank(last.data(), k, n), total - 1);
    unrank(total - 1, k, n, a.data());
    EXPECT_EQ(a, last);

    std::mt19937_64 rng(42 + k);
    std::uniform_int_distribution<std::uint64_t> pick(0, total - 1);
    for (int trial = 0; trial < 2000; ++trial) {
      const std::uint64_t r = pick(rng), s = pick(rng);
      unrank(r, k, n, a.data());
      unrank(s, k, n, b.data());
      ASSERT_TRUE(std::is_sorted(a.begin(), a.end()) &&
                  std::adjacent_find(a.begin(), a.end()) == a.end() && a.front() >= 0 &&
                  a.back() < n)
          << "rank " << r;
      ASSERT_EQ(rank(a.data(), k, n), r);
      // Rank order is lexicographic order.
      EXPECT_EQ(r < s, a < b) << "ranks " << r << ", " << s;
      // Neighbouring ranks are neighbouring subsets.
      if (r + 1 < total) {
        std::vector<std::int32_t> next = a;
        ASSERT_TRUE(next_subset(next, n));
        unrank(r + 1, k, n, b.data());
        EXPECT_EQ(b, next) << "rank " << r + 1;
      }
    }
  }
  // Five vertices of 10^5 points exceed 64 bits: reported, not wrapped.
  EXPECT_EQ(binomial(n, 5), kOverflow);
}

}  // namespace
}  // namespace topospec::cns

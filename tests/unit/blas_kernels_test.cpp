// OpenBLAS's kernel choice and the serial-BLAS guard the verify workers rely on.
#include "topospec/topology/blas_kernels.hpp"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "topospec/topology/spectrum.hpp"

namespace {

int openblas_threads() {
  const auto get = reinterpret_cast<int (*)()>(::dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  return get ? get() : -1;
}

TEST(BlasKernels, NamedWhenOpenBlasIsLoaded) {
  if (openblas_threads() < 0) GTEST_SKIP() << "not linked with OpenBLAS";
  EXPECT_FALSE(topospec::blas_kernels().empty());
}

TEST(SerialBlas, OneThreadWhileAliveAndTheOldCountAfter) {
  const int before = openblas_threads();
  if (before < 0) GTEST_SKIP() << "not linked with OpenBLAS";
  {
    const topospec::SerialBlas serial;
    EXPECT_EQ(openblas_threads(), 1);
    {
      const topospec::SerialBlas nested;  // ends first: the outer guard still holds
    }
    EXPECT_EQ(openblas_threads(), 1);
  }
  EXPECT_EQ(openblas_threads(), before);
}

// The situation the guard exists for: dense eigenproblems solved in several threads at once.
TEST(SerialBlas, ConcurrentDenseEigenproblemsAgree) {
  const topospec::SerialBlas serial;
  const int n = 600;  // above the two-stage reduction's threshold
  std::vector<Eigen::Triplet<double, std::int64_t>> entries;
  for (int i = 0; i < n; ++i)
    for (int j = std::max(0, i - 3); j <= std::min(n - 1, i + 3); ++j)
      entries.emplace_back(i, j, i == j ? 7.0 : 1.0 / (1 + i + j));
  topospec::RealMatrix a(n, n);
  a.setFromTriplets(entries.begin(), entries.end());
  const std::vector<double> reference = topospec::full_spectrum(a);
  std::vector<std::vector<double>> got(4);
  std::vector<std::thread> threads;
  for (auto& g : got)
    threads.emplace_back([&a, &g] {
      for (int round = 0; round < 5; ++round) g = topospec::full_spectrum(a);
    });
  for (auto& t : threads) t.join();
  for (const auto& g : got) {
    ASSERT_EQ(g.size(), reference.size());
    for (std::size_t i = 0; i < g.size(); ++i) EXPECT_NEAR(g[i], reference[i], 1e-10);
  }
}

}  // namespace

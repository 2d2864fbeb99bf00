// The batched path of sparse symmetric eigenvalues, which sends the connected components of
// many matrices to the GPU in one call, run here with a host block solver: its splitting into
// components and its reassembly must give each matrix's own spectrum (dense Eigen solve of the
// whole matrix), whatever the block sizes, isolated rows and order of the matrices.
#include "../../topology/src/dense_symmetric_eigen.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <Eigen/SparseCore>
#include <algorithm>
#include <numeric>
#include <random>

#include "topospec/topology/error.hpp"

namespace topospec::detail {
namespace {

// Eigen's solver on each block, counting the calls (the batch must be one call).
struct HostSolver {
  int* calls;
  std::vector<std::vector<double>> operator()(const std::vector<Eigen::MatrixXd>& blocks) const {
    ++*calls;
    std::vector<std::vector<double>> out;
    for (const auto& b : blocks) {
      EXPECT_GE(b.rows(), 2) << "isolated rows are not blocks";
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(b, Eigen::EigenvaluesOnly);
      out.emplace_back(es.eigenvalues().data(), es.eigenvalues().data() + b.rows());
    }
    return out;
  }
};

std::vector<double> whole(const RealMatrix& g) {
  if (g.rows() == 0) return {};
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(Eigen::MatrixXd(g), Eigen::EigenvaluesOnly);
  return {es.eigenvalues().data(), es.eigenvalues().data() + g.rows()};
}

// A symmetric matrix of order n made of random blocks of the given sizes (size 1: an isolated
// row with a random diagonal), its rows scattered by a random permutation; only the lower
// triangle is stored when `lower_only`.
RealMatrix scattered_blocks(const std::vector<int>& sizes, std::mt19937_64& rng, bool lower_only) {
  const int n = std::accumulate(sizes.begin(), sizes.end(), 0);
  std::vector<int> perm(static_cast<std::size_t>(n));
  std::iota(perm.begin(), perm.end(), 0);
  std::shuffle(perm.begin(), perm.end(), rng);
  std::normal_distribution<double> g;
  std::vector<Eigen::Triplet<double, std::int64_t>> t;
  int start = 0;
  for (int s : sizes) {
    for (int i = 0; i < s; ++i)
      for (int j = 0; j <= i; ++j) {
        // A path inside the block keeps it connected; other entries are sparse.
        const bool keep = i == j || i == j + 1 || std::uniform_int_distribution<int>(0, 3)(rng) == 0;
        if (!keep) continue;
        const double v = g(rng) + (i == j + 1 ? 3.0 : 0.0);
        const int r = perm[static_cast<std::size_t>(start + i)], c = perm[static_cast<std::size_t>(start + j)];
        t.emplace_back(r, c, v);
        if (r != c && !lower_only) t.emplace_back(c, r, v);
      }
    start += s;
  }
  RealMatrix m(n, n);
  m.setFromTriplets(t.begin(), t.end());
  if (lower_only) {
    // Store the lower triangle of the symmetric matrix: (max, min) of each pair.
    std::vector<Eigen::Triplet<double, std::int64_t>> low;
    for (auto& e : t) low.emplace_back(std::max(e.row(), e.col()), std::min(e.row(), e.col()), e.value());
    m.setZero();
    m.setFromTriplets(low.begin(), low.end());
  }
  return m;
}

void expect_spectrum(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-10) << "eigenvalue " << i;
}

TEST(ComponentSpectra, EachMatrixGetsItsOwnSpectrumFromOneBatch) {
  std::mt19937_64 rng(11);
  const std::vector<std::vector<int>> layouts = {
      {5}, {1, 1, 1}, {3, 1, 7, 2, 1}, {40, 1, 33, 2}, {2, 2, 2, 2, 2, 2}, {1}};
  std::vector<RealMatrix> gs;
  for (const auto& sizes : layouts) gs.push_back(scattered_blocks(sizes, rng, false));
  gs.push_back(RealMatrix(0, 0));
  int calls = 0;
  const auto out = component_spectra(gs, HostSolver{&calls});
  EXPECT_EQ(calls, 1);
  ASSERT_EQ(out.size(), gs.size());
  for (std::size_t i = 0; i < gs.size(); ++i) expect_spectrum(out[i], whole(gs[i]));
}

TEST(ComponentSpectra, ReadsTheLowerTriangleOnly) {
  std::mt19937_64 rng(5);
  const std::vector<int> sizes{4, 1, 9};
  std::mt19937_64 rng_copy = rng;
  const RealMatrix full = scattered_blocks(sizes, rng, false);
  const RealMatrix lower = scattered_blocks(sizes, rng_copy, true);
  int calls = 0;
  const auto out = component_spectra({lower}, HostSolver{&calls});
  expect_spectrum(out[0], whole(full));
}

TEST(ComponentSpectra, AgreesWithTheSerialSparsePath) {
  // Gram matrices of a boundary-like ±1 matrix: kernels (repeated zeros) and repeated values.
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int> coin(0, 5), sign(0, 1);
  std::vector<Eigen::Triplet<double, std::int64_t>> t;
  for (int j = 0; j < 60; ++j)
    for (int i = 0; i < 45; ++i)
      if (coin(rng) == 0) t.emplace_back(i, j, sign(rng) ? 1.0 : -1.0);
  RealMatrix b(45, 60);
  b.setFromTriplets(t.begin(), t.end());
  const RealMatrix bt = b.transpose();
  const std::vector<RealMatrix> gs{RealMatrix(b * bt), RealMatrix(bt * b)};
  const SpectrumOptions cpu;
  const auto batched = sparse_symmetric_eigenvalues_batched(gs, cpu);  // no GPU here: serial path
  int calls = 0;
  const auto split = component_spectra(gs, HostSolver{&calls});
  for (std::size_t i = 0; i < gs.size(); ++i) {
    expect_spectrum(split[i], sparse_symmetric_eigenvalues(gs[i], cpu));
    expect_spectrum(batched[i], split[i]);
  }
}

TEST(ComponentSpectra, RejectsANonSquareMatrix) {
  int calls = 0;
  EXPECT_THROW(component_spectra({RealMatrix(2, 3)}, HostSolver{&calls}), InvalidInput);
  EXPECT_EQ(calls, 0);
}

TEST(ComponentSpectra, BatchGoesToTheGpuOnlyWithADevice) {
  SpectrumOptions opts;
  opts.backend = Backend::Cpu;
  EXPECT_FALSE(batch_on_gpu(opts));
  opts.backend = Backend::Cuda;
  EXPECT_EQ(batch_on_gpu(opts), cuda_device_count() > 0);
}

}  // namespace
}  // namespace topospec::detail

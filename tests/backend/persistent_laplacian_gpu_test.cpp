// Persistent Laplacian and Dirac spectra with the GPU batch path (rounds of requests whose
// connected components are solved together on the device) against the CPU path, on random and
// edge-case filtrations. Skips, visibly, without a GPU.
#include "../../topology/src/device_projection.hpp"
#include "../../topology/src/kernel_projection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/persistent_laplacian.hpp"
#include "topospec/topology/point_cloud.hpp"

namespace topospec {
namespace {

#define SKIP_WITHOUT_GPU() \
  if (cuda_device_count() == 0) GTEST_SKIP() << "no GPU: " << cuda_device_description()

std::vector<PersistentRequest> all_pairs(const std::vector<double>& values, int max_dim) {
  std::vector<PersistentRequest> out;
  for (int q = 0; q <= max_dim; ++q)
    for (double a : values)
      for (double b : values)
        if (a <= b) out.push_back({q, a, b});
  return out;
}

// Laplacian and Dirac spectra on both backends, equal within 1e-9 relative to the spectrum's
// scale; numeric nullities equal.
void expect_backends_agree(const ChainComplex& c, const std::vector<PersistentRequest>& requests,
                           PersistentLaplacianForm form = PersistentLaplacianForm::Projection) {
  PersistentLaplacianOptions cpu, gpu;
  cpu.form = gpu.form = form;
  cpu.spectrum.backend = Backend::Cpu;
  gpu.spectrum.backend = Backend::Cuda;
  for (bool dirac : {false, true}) {
    const auto a = dirac ? persistent_dirac_spectra(c, requests, cpu) : persistent_laplacian_spectra(c, requests, cpu);
    const auto b = dirac ? persistent_dirac_spectra(c, requests, gpu) : persistent_laplacian_spectra(c, requests, gpu);
    ASSERT_EQ(a.size(), requests.size());
    ASSERT_EQ(b.size(), requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
      const auto& r = requests[i];
      EXPECT_EQ(b[i].request, r);
      ASSERT_EQ(a[i].eigenvalues.size(), b[i].eigenvalues.size())
          << (dirac ? "Dirac" : "Laplacian") << " q=" << r.dim << " a=" << r.a << " b=" << r.b;
      double scale = 1;
      for (double x : a[i].eigenvalues) scale = std::max(scale, std::abs(x));
      for (std::size_t k = 0; k < a[i].eigenvalues.size(); ++k)
        EXPECT_NEAR(a[i].eigenvalues[k], b[i].eigenvalues[k], 1e-9 * scale)
            << (dirac ? "Dirac" : "Laplacian") << " q=" << r.dim << " a=" << r.a << " b=" << r.b
            << " eigenvalue " << k;
      EXPECT_EQ(a[i].numeric_nullity, b[i].numeric_nullity) << "q=" << r.dim << " a=" << r.a << " b=" << r.b;
    }
  }
}

FilteredComplex random_rips(int points, int dim, double threshold, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::vector<double>> rows(static_cast<std::size_t>(points));
  for (auto& r : rows) r = {u(rng), u(rng), u(rng)};
  return rips_complex(DistanceMatrix::euclidean(PointCloud::from_rows(rows)), dim, threshold);
}

TEST(CudaPersistentLaplacian, RandomRipsGridMatchesCpu) {
  SKIP_WITHOUT_GPU();
  // 60 points up to tetrahedra: more requests than one device round, blocks of every size.
  const auto f = random_rips(60, 3, 0.55, 21);
  expect_backends_agree(f.chain_complex(), all_pairs({0.15, 0.25, 0.35, 0.45, 0.55}, 2));
}

TEST(CudaPersistentLaplacian, SchurFormMatchesCpu) {
  SKIP_WITHOUT_GPU();
  const auto f = random_rips(30, 2, 0.6, 4);
  expect_backends_agree(f.chain_complex(), all_pairs({0.2, 0.4, 0.6}, 1), PersistentLaplacianForm::Schur);
}

TEST(CudaPersistentLaplacian, TiesInFiltrationValues) {
  SKIP_WITHOUT_GPU();
  // Integer-valued lower-star filtration of a triangulated octahedron: many simplices enter at
  // the same value.
  const auto k = SimplicialComplex::from_simplices(std::vector<Simplex>{
      {0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5}, {1, 4, 5}, {2, 3, 5}, {3, 4, 5}});
  const std::vector<double> f{0, 1, 1, 1, 1, 2};
  expect_backends_agree(lower_star(k, f).chain_complex(), all_pairs({0, 1, 2}, 2));
}

TEST(CudaPersistentLaplacian, OneSimplexAndEmptyBlocks) {
  SKIP_WITHOUT_GPU();
  // One vertex: every block 1 × 1 or empty; requests below every value (empty K_a), and degrees
  // above the top.
  const FilteredSimplex one[] = {{{0}, 0.5}};
  expect_backends_agree(filtered_complex(one).chain_complex(), all_pairs({0.0, 0.5, 1.0}, 2));
  const FilteredSimplex edge[] = {{{0}, 0.0}, {{1}, 0.0}, {{0, 1}, 1.0}};
  expect_backends_agree(filtered_complex(edge).chain_complex(), all_pairs({-1.0, 0.0, 1.0}, 2));
}

}  // namespace
}  // namespace topospec

namespace topospec::detail {
namespace {

TEST(CudaPersistentLaplacian, ProjectionStepMatchesTheCpuFactor) {
  SKIP_WITHOUT_GPU();
  // Boundary-like blocks (entries −1, 0, 1) with dependent rows, from one constraint row up to
  // hundreds, and a pair with no constraint rows (ker N is everything).
  std::mt19937_64 rng(13);
  std::uniform_int_distribution<int> entry(-1, 1);
  auto block = [&](int rows, int cols) {
    Eigen::MatrixXd m(rows, cols);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < cols; ++j) m(i, j) = entry(rng);
    for (int i = rows / 2; i < rows; i += 3) m.row(i) = m.row(i - 1) - m.row(i / 3);
    return m;
  };
  std::vector<Eigen::MatrixXd> rs, ns;
  for (auto [k, n, s] : {std::tuple{5, 1, 4}, std::tuple{40, 30, 64}, std::tuple{300, 200, 500},
                         std::tuple{7, 0, 9}, std::tuple{120, 150, 130}}) {
    rs.push_back(block(k, s));
    ns.push_back(block(n, s));
  }
  std::vector<ProjectionInput> inputs;
  for (std::size_t i = 0; i < rs.size(); ++i) inputs.push_back({&rs[i], &ns[i]});
  const auto got = cuda_kernel_projected_blocks(inputs);
  ASSERT_EQ(got.size(), inputs.size());
  for (std::size_t i = 0; i < rs.size(); ++i) {
    Eigen::Index kernel_dim = -1;
    const Eigen::MatrixXd want = gram(restrict_to_kernel(rs[i], ns[i], 1e-10, kernel_dim));
    EXPECT_EQ(got[i].kernel_dim, kernel_dim) << "pair " << i;
    EXPECT_LT((got[i].block - want).norm(), 1e-9 * (1 + rs[i].squaredNorm())) << "pair " << i;
  }
}

}  // namespace
}  // namespace topospec::detail

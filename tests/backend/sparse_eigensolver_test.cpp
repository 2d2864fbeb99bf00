// The GPU matrix-free Lanczos (laplacian_smallest_eigenvalues with Backend::Cuda, and the
// assembled-CSR entry point) against the CPU path on the same complexes. Skips, visibly, when
// this build has no CUDA or the machine has no GPU.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "../../topology/src/device_sparse.hpp"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/generators.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

#define SKIP_WITHOUT_GPU()                                                              \
  if (cuda_device_count() == 0)                                                         \
  GTEST_SKIP() << "no GPU: " << cuda_device_description()

// GPU and CPU agree to 1e-8·‖L_q‖ (the CPU reference is the dense spectrum).
void expect_gpu_matches_cpu(const ChainComplex& c, int q, std::size_t k, const std::string& what) {
  const RealMatrix l = hodge_laplacian(c, q);
  std::vector<double> cpu = full_spectrum(l);
  cpu.resize(std::min(k, cpu.size()));
  SpectrumOptions gpu_opts;
  gpu_opts.backend = Backend::Cuda;
  const std::vector<double> gpu = laplacian_smallest_eigenvalues(c, q, k, gpu_opts);
  ASSERT_EQ(gpu.size(), cpu.size()) << what << " q = " << q << " k = " << k;
  const double tol = 1e-8 * std::max(abs_sum_norm(l), 1.0);
  for (std::size_t i = 0; i < cpu.size(); ++i)
    EXPECT_NEAR(gpu[i], cpu[i], tol) << what << " q = " << q << " k = " << k << " i = " << i;
}

// Periodic m³ grid, each cube cut into 6 tetrahedra: the 3-torus, β = (1, 3, 3, 1).
ChainComplex three_torus(int m) {
  auto id = [m](int x, int y, int z) { return VertexId{x % m + m * (y % m + m * (z % m))}; };
  static constexpr int kOrders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                        {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  std::vector<Simplex> tets;
  for (int z = 0; z < m; ++z)
    for (int y = 0; y < m; ++y)
      for (int x = 0; x < m; ++x)
        for (const auto& order : kOrders) {
          int p[3] = {x, y, z};
          Simplex t{id(x, y, z)};
          for (int axis : order) {
            ++p[axis];
            t.push_back(id(p[0], p[1], p[2]));
          }
          tets.push_back(t);
        }
  return chain_complex(SimplicialComplex::from_simplices(tets));
}

TEST(CudaSparseEigensolver, GeneratorsMatchCpu) {
  SKIP_WITHOUT_GPU();
  const std::vector<std::pair<std::string, SimplicialComplex>> complexes = {
      {"torus", generators::torus()},
      {"S^2", generators::octahedral_sphere(2)},
      {"S^3", generators::simplex_boundary(4)},
      {"klein bottle", generators::klein_bottle()},
      {"wedge of tori", generators::wedge(generators::torus(), generators::torus())}};
  for (const auto& [name, k] : complexes) {
    const ChainComplex c = chain_complex(k);
    for (int q = 0; q <= c.top_degree(); ++q)
      for (std::size_t kk : {std::size_t{1}, std::size_t{4}, std::size_t{10}})
        expect_gpu_matches_cpu(c, q, kk, name);
  }
}

TEST(CudaSparseEigensolver, ThreeTorusKernelAndRestarts) {
  SKIP_WITHOUT_GPU();
  // n = 7·6³ = 1512 edges: larger than the Krylov subspace, so thick restarts and the
  // certification reruns run on the device; the kernel of L_1 has dimension 3.
  const ChainComplex c = three_torus(6);
  for (std::size_t k : {1, 3, 4, 10}) expect_gpu_matches_cpu(c, 1, k, "T^3 6x6x6");
  expect_gpu_matches_cpu(c, 2, 10, "T^3 6x6x6");
}

TEST(CudaSparseEigensolver, RandomComplexesMatchCpu) {
  SKIP_WITHOUT_GPU();
  for (std::uint64_t seed : {1, 2, 3}) {
    const ChainComplex c = chain_complex(generators::random_clique_complex(60, 0.25, 3, seed));
    for (int q = 0; q <= std::min(c.top_degree(), 2); ++q)
      expect_gpu_matches_cpu(c, q, 8, "random clique seed " + std::to_string(seed));
  }
}

TEST(CudaSparseEigensolver, EdgeCases) {
  SKIP_WITHOUT_GPU();
  SpectrumOptions gpu;
  gpu.backend = Backend::Cuda;
  const ChainComplex t = chain_complex(generators::torus());
  EXPECT_TRUE(laplacian_smallest_eigenvalues(t, 5, 3, gpu).empty());  // empty degree
  EXPECT_TRUE(laplacian_smallest_eigenvalues(t, 1, 0, gpu).empty());
  expect_gpu_matches_cpu(t, 1, 100, "torus k > n");  // clamped to n = 21: a full spectrum
  // One simplex: a single vertex (L_0 = 0) and a single edge (L_0 with eigenvalues 0, 2).
  const ChainComplex vertex = chain_complex(SimplicialComplex::from_simplices({{3}}));
  EXPECT_EQ(laplacian_smallest_eigenvalues(vertex, 0, 2, gpu), std::vector<double>{0.0});
  const ChainComplex edge = chain_complex(SimplicialComplex::from_simplices({{0, 1}}));
  expect_gpu_matches_cpu(edge, 0, 2, "edge");
  expect_gpu_matches_cpu(edge, 1, 2, "edge");
}

TEST(CudaSparseEigensolver, AssembledCsrMatchesCpu) {
  SKIP_WITHOUT_GPU();
  const RealMatrix l = hodge_laplacian(three_torus(5), 1);
  Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t> r = l;
  r.makeCompressed();
  const device_sparse::CsrView view{r.rows(), r.cols(), r.outerIndexPtr(), r.innerIndexPtr(),
                                    r.valuePtr()};
  const double norm = abs_sum_norm(l);
  const auto gpu = device_sparse::cuda_csr_smallest_eigenvalues(view, 12, norm, {});
  std::vector<double> cpu = full_spectrum(l);
  ASSERT_EQ(gpu.size(), 12u);
  for (std::size_t i = 0; i < 12; ++i) EXPECT_NEAR(gpu[i], cpu[i], 1e-8 * norm) << i;
}

TEST(CudaSparseEigensolver, TooLargeForTheDeviceThrowsResourceLimit) {
  SKIP_WITHOUT_GPU();
  // A 2 × 2 CSR view whose offsets claim 2^40 entries: the estimate alone must refuse it,
  // before any allocation or upload reads the (absent) index and value arrays.
  const std::int64_t n = std::int64_t{1} << 40;
  const std::int64_t offsets[3] = {0, n / 2, n};
  const device_sparse::CsrView huge{2, 2, offsets, nullptr, nullptr};
  EXPECT_THROW(device_sparse::cuda_csr_smallest_eigenvalues(huge, 1, 1.0, {}), ResourceLimit);
}

}  // namespace
}  // namespace topospec

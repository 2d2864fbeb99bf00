// CUDA dense eigensolver against the CPU reference (Eigen) on the same inputs. Skips, visibly,
// when this build has no CUDA or the machine has no GPU.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <random>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

#define SKIP_WITHOUT_GPU()                                                              \
  if (cuda_device_count() == 0)                                                         \
  GTEST_SKIP() << "no GPU: " << cuda_device_description()

Eigen::MatrixXd random_symmetric(int n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g;
  Eigen::MatrixXd a(n, n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) a(i, j) = g(rng);
  return (a + a.transpose()) / 2;
}

void expect_same_spectrum(const Eigen::MatrixXd& a) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> cpu(a, Eigen::EigenvaluesOnly);
  const std::vector<double> gpu = cuda_symmetric_eigenvalues(a);
  ASSERT_EQ(gpu.size(), static_cast<std::size_t>(a.rows()));
  const double scale = std::max(1.0, cpu.eigenvalues().cwiseAbs().maxCoeff());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    EXPECT_NEAR(gpu[i], cpu.eigenvalues()[i], 1e-10 * scale) << "eigenvalue " << i;
}

TEST(CudaDenseEigensolver, RandomSymmetricMatchesCpu) {
  SKIP_WITHOUT_GPU();
  for (int n : {1, 2, 7, 64, 300, 1000}) expect_same_spectrum(random_symmetric(n, 17 + n));
}

TEST(CudaDenseEigensolver, EmptyMatrix) {
  SKIP_WITHOUT_GPU();
  EXPECT_TRUE(cuda_symmetric_eigenvalues(Eigen::MatrixXd(0, 0)).empty());
}

TEST(CudaDenseEigensolver, LaplacianWithRepeatedEigenvaluesAndKernel) {
  SKIP_WITHOUT_GPU();
  // L_1 of the full 5-simplex: eigenvalue 6 with high multiplicity, kernel of dimension 0;
  // L_0 of the 5-simplex: a one-dimensional kernel.
  std::vector<Simplex> top{{0, 1, 2, 3, 4, 5}};
  const auto k = SimplicialComplex::from_simplices(top);
  const auto c = chain_complex(k);
  const Eigen::MatrixXd b1 = Eigen::MatrixXd(c.real_boundary(1));
  const Eigen::MatrixXd b2 = Eigen::MatrixXd(c.real_boundary(2));
  expect_same_spectrum(b1.transpose() * b1 + b2 * b2.transpose());
  expect_same_spectrum(b1 * b1.transpose());
}

TEST(CudaDenseEigensolver, BatchedMatchesCpuAcrossJacobiAndSyevdSizes) {
  SKIP_WITHOUT_GPU();
  // Orders on both sides of the Jacobi limit (32), repeated orders (one Jacobi launch each),
  // an empty and a 1 × 1 matrix, and more syevd blocks than streams.
  std::vector<Eigen::MatrixXd> batch;
  unsigned seed = 100;
  for (int n : {0, 1, 2, 3, 32, 3, 33, 16, 64, 2, 300, 31, 129, 700, 5, 1})
    batch.push_back(random_symmetric(n, seed++));
  const auto out = cuda_symmetric_eigenvalues_batched(batch);
  ASSERT_EQ(out.size(), batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    ASSERT_EQ(out[i].size(), static_cast<std::size_t>(batch[i].rows())) << "matrix " << i;
    if (batch[i].rows() == 0) continue;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> cpu(batch[i], Eigen::EigenvaluesOnly);
    const double scale = std::max(1.0, cpu.eigenvalues().cwiseAbs().maxCoeff());
    for (Eigen::Index k = 0; k < batch[i].rows(); ++k)
      EXPECT_NEAR(out[i][static_cast<std::size_t>(k)], cpu.eigenvalues()[k], 1e-10 * scale)
          << "matrix " << i << " (order " << batch[i].rows() << "), eigenvalue " << k;
  }
}

TEST(CudaDenseEigensolver, BatchedLaplaciansKeepTheirKernelsAndRepeatedValues) {
  SKIP_WITHOUT_GPU();
  // L_0 … L_3 of the full 5-simplex (orders 6, 15, 20, 15): eigenvalue 6 with multiplicity,
  // kernel of L_0 one-dimensional; many copies so that a Jacobi batch has several blocks.
  const auto c = chain_complex(SimplicialComplex::from_simplices(std::vector<Simplex>{{0, 1, 2, 3, 4, 5}}));
  std::vector<Eigen::MatrixXd> batch;
  for (int copy = 0; copy < 3; ++copy)
    for (int q = 0; q <= 3; ++q) batch.push_back(Eigen::MatrixXd(hodge_laplacian(c, q)));
  const auto out = cuda_symmetric_eigenvalues_batched(batch);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> cpu(batch[i], Eigen::EigenvaluesOnly);
    for (Eigen::Index k = 0; k < batch[i].rows(); ++k)
      EXPECT_NEAR(out[i][static_cast<std::size_t>(k)], cpu.eigenvalues()[k], 1e-10) << "matrix " << i;
  }
}

TEST(CudaDenseEigensolver, BatchedRejectsANonSquareMatrix) {
  EXPECT_THROW(cuda_symmetric_eigenvalues_batched({Eigen::MatrixXd(2, 3)}), Error);
}

TEST(CudaBackendSelection, FallsBackWithMessageWithoutDevice) {
  const BackendChoice choice = select_backend(Backend::Auto);
  if (cuda_device_count() > 0) {
    EXPECT_EQ(choice.used, Backend::Cuda);
    EXPECT_TRUE(choice.message.empty());
  } else {
    EXPECT_EQ(choice.used, Backend::Cpu);
    EXPECT_NE(choice.message.find("using the CPU backend"), std::string::npos);
    EXPECT_THROW(cuda_symmetric_eigenvalues(Eigen::MatrixXd::Identity(2, 2)), Error);
  }
  EXPECT_EQ(select_backend(Backend::Cpu).used, Backend::Cpu);
}

}  // namespace
}  // namespace topospec

namespace topospec {
namespace {

TEST(CudaSpectrum, FullSpectrumOnEitherBackendAgrees) {
  if (cuda_device_count() == 0) GTEST_SKIP() << "no GPU: " << cuda_device_description();
  // Laplacians of the octahedral 2-sphere and a 4-simplex boundary: kernels, repeated values.
  for (const std::vector<Simplex>& top :
       {std::vector<Simplex>{{0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5}, {1, 4, 5},
                             {2, 3, 5}, {3, 4, 5}},
        std::vector<Simplex>{{0, 1, 2, 3}, {0, 1, 2, 4}, {0, 1, 3, 4}, {0, 2, 3, 4},
                             {1, 2, 3, 4}}}) {
    const auto c = chain_complex(SimplicialComplex::from_simplices(top));
    for (int q = 0; q <= c.top_degree(); ++q) {
      const RealMatrix l = hodge_laplacian(c, q);
      SpectrumOptions cpu, gpu;
      gpu.backend = Backend::Cuda;
      const auto a = full_spectrum(l, cpu), b = full_spectrum(l, gpu);
      ASSERT_EQ(a.size(), b.size());
      for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-10) << "L_" << q;
    }
  }
}

}  // namespace
}  // namespace topospec

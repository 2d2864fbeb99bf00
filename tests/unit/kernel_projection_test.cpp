// R Z (Z an orthonormal basis of ker N) and M Mᵀ, the dense algebra of the projection form,
// against an independent formula: R Z Zᵀ Rᵀ = R (I − N⁺N) Rᵀ with Eigen's pseudo-inverse.
#include "../../topology/src/kernel_projection.hpp"
#include "row_space_projection.hpp"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <Eigen/QR>
#include <random>

namespace topospec::detail {
namespace {

using Dense = Eigen::MatrixXd;

// An n × s matrix of small integers (boundary-like) whose last rows repeat sums of earlier
// ones, so that its rank is below n.
Dense deficient(int n, int s, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> entry(-1, 1);
  Dense m(n, s);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < s; ++j) m(i, j) = entry(rng);
  for (int i = n / 2; i < n; i += 3) m.row(i) = m.row(i - 1) - m.row(i / 3);
  return m;
}

TEST(KernelProjection, MatchesThePseudoInverseProjector) {
  std::mt19937_64 rng(3);
  for (auto [n, s, k] : {std::tuple{7, 12, 5}, std::tuple{20, 15, 9}, std::tuple{30, 60, 25},
                         std::tuple{1, 4, 3}}) {
    const Dense nm = deficient(n, s, rng);
    const Dense r = deficient(k, s, rng);
    Eigen::Index kernel_dim = -1;
    const Dense rz = restrict_to_kernel(r, nm, 1e-10, kernel_dim);
    Eigen::FullPivLU<Dense> lu(nm);
    EXPECT_EQ(kernel_dim, s - lu.rank()) << n << "x" << s;
    ASSERT_EQ(rz.rows(), k);
    ASSERT_EQ(rz.cols(), kernel_dim);
    const Dense pinv = nm.completeOrthogonalDecomposition().pseudoInverse();
    const Dense projector = Dense::Identity(s, s) - pinv * nm;
    const Dense want = r * projector * r.transpose();
    EXPECT_LT((gram(rz) - want).norm(), 1e-10 * (1 + want.norm())) << n << "x" << s;
  }
}

TEST(KernelProjection, TheDeviceFormAgreesWithThePivotedQr) {
  // Rank by eigenvalues of N Nᵀ (the device) against rank by pivoted QR (the CPU), and the
  // same block, on rank-deficient boundary-like matrices, a ±1 incidence pattern of a real
  // boundary, and the edge cases.
  std::mt19937_64 rng(9);
  std::vector<std::pair<Dense, Dense>> cases;
  for (auto [n, s, k] : {std::tuple{7, 12, 5}, std::tuple{20, 15, 9}, std::tuple{30, 60, 25},
                         std::tuple{1, 4, 3}, std::tuple{80, 200, 60}})
    cases.emplace_back(deficient(k, s, rng), deficient(n, s, rng));
  cases.emplace_back(deficient(4, 6, rng), Dense::Identity(6, 6));
  for (const auto& [r, nm] : cases) {
    Eigen::Index kernel_dim = -1;
    const Dense want = gram(restrict_to_kernel(r, nm, 1e-10, kernel_dim));
    const ProjectedBlock got = row_space_projection(r, nm);
    EXPECT_EQ(got.kernel_dim, kernel_dim) << nm.rows() << "x" << nm.cols();
    EXPECT_LT((got.block - want).norm(), 1e-9 * (1 + r.squaredNorm())) << nm.rows() << "x" << nm.cols();
  }
}

TEST(KernelProjection, EdgeCases) {
  std::mt19937_64 rng(5);
  const Dense r = deficient(4, 6, rng);
  Eigen::Index kernel_dim = -1;
  // No constraint rows: ker N is everything and R Z = R.
  EXPECT_EQ(restrict_to_kernel(r, Dense(0, 6), 1e-10, kernel_dim), r);
  EXPECT_EQ(kernel_dim, 6);
  // No rows of R: only the kernel dimension.
  const Dense nm = deficient(3, 6, rng);
  const Dense none = restrict_to_kernel(Dense(0, 6), nm, 1e-10, kernel_dim);
  EXPECT_EQ(none.rows(), 0);
  EXPECT_EQ(kernel_dim, 6 - Eigen::FullPivLU<Dense>(nm).rank());
  // Full column rank N: the kernel is {0}.
  const Dense full = Dense::Identity(6, 6);
  EXPECT_EQ(restrict_to_kernel(r, full, 1e-10, kernel_dim).cols(), 0);
  EXPECT_EQ(kernel_dim, 0);
  EXPECT_EQ(gram(Dense(3, 0)), Dense::Zero(3, 3));
  EXPECT_EQ(gram(Dense(0, 3)).size(), 0);
  EXPECT_LT((gram(r) - r * r.transpose()).norm(), 1e-12);
}

}  // namespace
}  // namespace topospec::detail

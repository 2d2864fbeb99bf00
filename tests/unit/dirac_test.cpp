// Dirac operators: block layout, D² = ⊕ L_q, spectra of REFERENCE §3.1.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/dirac_operator.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

ChainComplex complex_of(std::initializer_list<Simplex> simplices) {
  return chain_complex(SimplicialComplex::from_simplices(simplices));
}

Eigen::MatrixXd dense(const RealMatrix& m) { return Eigen::MatrixXd(m); }

ChainComplex s1() {
  return complex_of({{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {2, 3, 4}});
}

ChainComplex octahedron() {
  return complex_of({{0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5}, {1, 4, 5},
                     {2, 3, 5}, {3, 4, 5}});
}

// blockdiag(L_lo, …, L_hi) as a dense matrix.
Eigen::MatrixXd laplacian_blocks(const ChainComplex& c, int lo, int hi,
                                 const InnerProduct& ip = {}) {
  Eigen::Index n = 0;
  for (int q = lo; q <= hi; ++q) n += static_cast<Eigen::Index>(c.dim(q));
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, n);
  Eigen::Index at = 0;
  for (int q = lo; q <= hi; ++q) {
    const auto d = static_cast<Eigen::Index>(c.dim(q));
    if (d > 0) m.block(at, at, d, d) = dense(hodge_laplacian(c, q, ip));
    at += d;
  }
  return m;
}

TEST(DiracTest, SeedExampleBlocks) {
  const ChainComplex c = s1();
  const RealMatrix d = dirac_operator(c);
  ASSERT_EQ(d.rows(), 10);
  ASSERT_EQ(d.cols(), 10);
  const Eigen::MatrixXd m = dense(d);
  EXPECT_EQ(m, m.transpose());
  // Layout C_0 (rows 0..4) ⊕ C_1 (5..8) ⊕ C_2 (9): B_1 and B_2 above the diagonal.
  EXPECT_EQ(m.block(0, 5, 5, 4), dense(c.real_boundary(1)));
  EXPECT_EQ(m.block(5, 9, 4, 1), dense(c.real_boundary(2)));
  EXPECT_EQ(m.block(0, 0, 5, 5), Eigen::MatrixXd::Zero(5, 5));
  EXPECT_EQ(m.block(0, 9, 5, 1), Eigen::MatrixXd::Zero(5, 1));
  EXPECT_EQ(d.nonZeros(), 2 * (c.real_boundary(1).nonZeros() + c.real_boundary(2).nonZeros()));
}

TEST(DiracTest, SeedExampleSquareAndSpectrum) {
  const ChainComplex c = s1();
  const RealMatrix d = dirac_operator(c);
  EXPECT_EQ(dense(d) * dense(d), laplacian_blocks(c, 0, 2));
  const double r3 = std::sqrt(3.0);
  const std::vector<double> expected{-2, -r3, -r3, -1, 0, 0, 1, r3, r3, 2};
  const std::vector<double> ev = full_spectrum(d);
  ASSERT_EQ(ev.size(), expected.size());
  for (std::size_t i = 0; i < ev.size(); ++i) EXPECT_NEAR(ev[i], expected[i], 1e-9) << i;
}

TEST(DiracTest, OctahedronSpectrumIsSignedSingularValues) {
  const ChainComplex c = octahedron();
  const RealMatrix d = dirac_operator(c);
  EXPECT_EQ(dense(d) * dense(d), laplacian_blocks(c, 0, 2));
  // Nonzero singular values: √ of the nonzero eigenvalues of L_0 (B_1) and L_2 (B_2);
  // zeros: β_0 + β_1 + β_2 = 2.
  std::vector<double> expected{0, 0};
  for (double l : {4.0, 4.0, 4.0, 6.0, 6.0, 2.0, 2.0, 2.0, 4.0, 4.0, 4.0, 6.0}) {
    expected.push_back(std::sqrt(l));
    expected.push_back(-std::sqrt(l));
  }
  std::sort(expected.begin(), expected.end());
  const std::vector<double> ev = full_spectrum(d);
  ASSERT_EQ(ev.size(), expected.size());
  for (std::size_t i = 0; i < ev.size(); ++i) EXPECT_NEAR(ev[i], expected[i], 1e-9) << i;
}

TEST(DiracTest, PerDegreeOperator) {
  const ChainComplex c = octahedron();  // dims 6, 12, 8
  // q = 0: C_{-1} = 0, so D_0 acts on C_0 ⊕ C_1 with the single block B_1.
  const Eigen::MatrixXd d0 = dense(dirac_operator(c, 0));
  ASSERT_EQ(d0.rows(), 18);
  EXPECT_EQ(d0.block(0, 6, 6, 12), dense(c.real_boundary(1)));
  EXPECT_EQ((d0 * d0).block(0, 0, 6, 6), dense(hodge_laplacian(c, 0)));
  EXPECT_EQ((d0 * d0).block(6, 6, 12, 12), dense(down_laplacian(c, 1)));
  // q = 1: the middle block of D_1² is L_1 and the outer blocks are B_1B_1ᵀ and B_2ᵀB_2.
  const Eigen::MatrixXd d1 = dense(dirac_operator(c, 1));
  ASSERT_EQ(d1.rows(), 26);
  const Eigen::MatrixXd sq = d1 * d1;
  EXPECT_EQ(sq.block(6, 6, 12, 12), dense(hodge_laplacian(c, 1)));
  EXPECT_EQ(sq.block(0, 0, 6, 6), dense(up_laplacian(c, 0)));
  EXPECT_EQ(sq.block(18, 18, 8, 8), dense(down_laplacian(c, 2)));
  EXPECT_EQ(sq.block(0, 18, 6, 8), Eigen::MatrixXd::Zero(6, 8));  // B_1B_2 = 0
  // q = top: C_{top+1} = 0, so D_2 acts on C_1 ⊕ C_2.
  const Eigen::MatrixXd d2 = dense(dirac_operator(c, 2));
  ASSERT_EQ(d2.rows(), 20);
  EXPECT_EQ((d2 * d2).block(12, 12, 8, 8), dense(hodge_laplacian(c, 2)));
  // For a 1-complex the full D equals D_0 and D_1.
  const ChainComplex hex = complex_of({{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 5}});
  EXPECT_EQ(dense(dirac_operator(hex, 0)), dense(dirac_operator(hex)));
  EXPECT_EQ(dense(dirac_operator(hex, 1)), dense(dirac_operator(hex)));
}

TEST(DiracTest, EmptyAndOutOfRange) {
  EXPECT_EQ(dirac_operator(ChainComplex{}).rows(), 0);
  const ChainComplex c = s1();
  EXPECT_EQ(dirac_operator(c, 5).rows(), 0);
  // D_3 on C_2 ⊕ 0 ⊕ 0 has no block: the 1×1 zero matrix.
  const RealMatrix d3 = dirac_operator(c, 3);
  EXPECT_EQ(d3.rows(), 1);
  EXPECT_EQ(d3.nonZeros(), 0);
}

TEST(DiracTest, WeightedSquareIsWeightedLaplacians) {
  const ChainComplex c = octahedron();
  std::vector<Eigen::VectorXd> w;
  for (int q = 0; q <= 2; ++q) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(c.dim(q)));
    for (Eigen::Index i = 0; i < v.size(); ++i) v[i] = 1.0 + 0.25 * ((3 * i + q) % 5);
    w.push_back(v);
  }
  const InnerProduct ip{w};
  const Eigen::MatrixXd d = dense(dirac_operator(c, ip));
  EXPECT_TRUE((d * d).isApprox(laplacian_blocks(c, 0, 2, ip), 1e-12));
  const Eigen::MatrixXd d1 = dense(dirac_operator(c, 1, ip));
  EXPECT_TRUE((d1 * d1).block(6, 6, 12, 12).isApprox(dense(hodge_laplacian(c, 1, ip)), 1e-12));
}

}  // namespace
}  // namespace topospec

// Hodge Laplacians and weighted boundaries on the hand-checked complexes of REFERENCE §3.1.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/inner_product.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

ChainComplex complex_of(std::initializer_list<Simplex> simplices) {
  return chain_complex(SimplicialComplex::from_simplices(simplices));
}

Eigen::MatrixXd dense(const RealMatrix& m) { return Eigen::MatrixXd(m); }

Eigen::MatrixXd rows(std::initializer_list<std::initializer_list<double>> r) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(r.size()),
                    static_cast<Eigen::Index>(r.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& row : r) {
    Eigen::Index j = 0;
    for (double v : row) m(i, j++) = v;
    ++i;
  }
  return m;
}

void expect_spectrum(const std::vector<double>& actual, std::vector<double> expected,
                     double tol = 1e-9) {
  std::sort(expected.begin(), expected.end());
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i)
    EXPECT_NEAR(actual[i], expected[i], tol) << "eigenvalue " << i;
}

std::vector<double> repeat(double v, std::size_t times) { return std::vector<double>(times, v); }

std::vector<double> concat(std::initializer_list<std::vector<double>> parts) {
  std::vector<double> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// REFERENCE §3.1 S1: a path 1-2, a filled triangle 2-3-4, an isolated vertex 5.
ChainComplex s1() {
  return complex_of({{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {2, 3, 4}});
}

ChainComplex octahedron() {
  return complex_of({{0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5}, {1, 4, 5},
                     {2, 3, 5}, {3, 4, 5}});
}

TEST(LaplacianTest, SeedExampleBoundaries) {
  const ChainComplex c = s1();
  EXPECT_EQ(dense(orthonormal_boundary(c, 1)),
            rows({{-1, 0, 0, 0}, {1, -1, -1, 0}, {0, 1, 0, -1}, {0, 0, 1, 1}, {0, 0, 0, 0}}));
  EXPECT_EQ(dense(orthonormal_boundary(c, 2)), rows({{0}, {1}, {-1}, {1}}));
}

TEST(LaplacianTest, SeedExampleLaplacians) {
  const ChainComplex c = s1();
  const RealMatrix l0 = hodge_laplacian(c, 0);
  const RealMatrix l1 = hodge_laplacian(c, 1);
  const RealMatrix l2 = hodge_laplacian(c, 2);
  EXPECT_EQ(dense(l0), rows({{1, -1, 0, 0, 0},
                             {-1, 3, -1, -1, 0},
                             {0, -1, 2, -1, 0},
                             {0, -1, -1, 2, 0},
                             {0, 0, 0, 0, 0}}));
  EXPECT_EQ(dense(l1), rows({{2, -1, -1, 0}, {-1, 3, 0, 0}, {-1, 0, 3, 0}, {0, 0, 0, 3}}));
  EXPECT_EQ(dense(l2), rows({{3}}));
  expect_spectrum(full_spectrum(l0), {0, 0, 1, 3, 4});
  expect_spectrum(full_spectrum(l1), {1, 3, 3, 4});
  expect_spectrum(full_spectrum(l2), {3});
}

TEST(LaplacianTest, UpAndDownTermsAtTheEnds) {
  const ChainComplex c = s1();
  // L_0 has no down term, L_2 (top) no up term: zero matrices of the right shape.
  const RealMatrix down0 = down_laplacian(c, 0);
  EXPECT_EQ(down0.rows(), 5);
  EXPECT_EQ(down0.cols(), 5);
  EXPECT_EQ(down0.nonZeros(), 0);
  const RealMatrix up2 = up_laplacian(c, 2);
  EXPECT_EQ(up2.rows(), 1);
  EXPECT_EQ(up2.nonZeros(), 0);
  EXPECT_EQ(dense(down_laplacian(c, 2)), rows({{3}}));
  // L_1 = B_1ᵀB_1 + B_2B_2ᵀ, each term checked against the hand products.
  EXPECT_EQ(dense(up_laplacian(c, 1)),
            rows({{0, 0, 0, 0}, {0, 1, -1, 1}, {0, -1, 1, -1}, {0, 1, -1, 1}}));
  EXPECT_EQ(dense(down_laplacian(c, 1)),
            rows({{2, -1, -1, 0}, {-1, 2, 1, -1}, {-1, 1, 2, 1}, {0, -1, 1, 2}}));
}

TEST(LaplacianTest, DegreesOutsideTheComplexAreEmpty) {
  const ChainComplex c = s1();
  for (int q : {-1, 3, 7}) {
    const RealMatrix l = hodge_laplacian(c, q);
    EXPECT_EQ(l.rows(), 0) << q;
    EXPECT_EQ(l.cols(), 0) << q;
  }
  const ChainComplex empty;
  EXPECT_EQ(hodge_laplacian(empty, 0).rows(), 0);
}

TEST(LaplacianTest, ExactCancellationsArePruned) {
  // Filled triangle: in L_1 the down and up terms cancel off the diagonal, L_1 = 3I.
  const ChainComplex c = complex_of({{0, 1, 2}});
  const RealMatrix l1 = hodge_laplacian(c, 1);
  EXPECT_EQ(dense(l1), 3 * Eigen::MatrixXd::Identity(3, 3));
  EXPECT_EQ(l1.nonZeros(), 3);
}

TEST(LaplacianTest, SeedExampleWithoutTriangle) {
  const ChainComplex c =
      complex_of({{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}});
  expect_spectrum(full_spectrum(hodge_laplacian(c, 1)), {0, 1, 3, 4});
}

TEST(LaplacianTest, Hexagon) {
  const std::vector<double> expected{0, 1, 1, 3, 3, 4};
  const ChainComplex c = complex_of({{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 5}});
  expect_spectrum(full_spectrum(hodge_laplacian(c, 0)), expected);
  expect_spectrum(full_spectrum(hodge_laplacian(c, 1)), expected);
  // The relabelled hexagon of REFERENCE §3.1 S2.
  const ChainComplex r = complex_of({{0, 1}, {0, 2}, {1, 4}, {2, 3}, {3, 5}, {4, 5}});
  expect_spectrum(full_spectrum(hodge_laplacian(r, 0)), expected);
  expect_spectrum(full_spectrum(hodge_laplacian(r, 1)), expected);
}

TEST(LaplacianTest, Octahedron) {
  const ChainComplex c = octahedron();
  expect_spectrum(full_spectrum(hodge_laplacian(c, 0)), {0, 4, 4, 4, 6, 6});
  expect_spectrum(full_spectrum(hodge_laplacian(c, 1)),
                  concat({{2, 2, 2}, repeat(4, 6), {6, 6, 6}}));
  expect_spectrum(full_spectrum(hodge_laplacian(c, 2)), {0, 2, 2, 2, 4, 4, 4, 6});
}

TEST(LaplacianTest, S4IrrationalEigenvalues) {
  const ChainComplex c = complex_of({{0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5},
                                     {1, 4, 5}, {2, 3, 4}, {2, 3, 5}, {2, 4, 5}, {3, 4, 5},
                                     {2, 3, 4, 5}});
  ASSERT_EQ(c.dims(), (std::vector<std::size_t>{6, 13, 10, 1}));
  const double r3 = std::sqrt(3.0), r2 = std::sqrt(2.0);
  expect_spectrum(full_spectrum(hodge_laplacian(c, 2)),
                  {0, 3 - r3, 2, 4 - r2, 4, 4, 4, 3 + r3, 4 + r2, 6});
  expect_spectrum(full_spectrum(hodge_laplacian(c, 3)), {4});
}

TEST(LaplacianTest, FullFiveSimplex) {
  const ChainComplex c = complex_of({{0, 1, 2, 3, 4, 5}});
  for (int q = 0; q <= 5; ++q) {
    const std::vector<double> ev = full_spectrum(hodge_laplacian(c, q));
    ASSERT_EQ(ev.size(), c.dim(q));
    // β = (1, 0, …): one zero in degree 0, every other eigenvalue is 6.
    std::vector<double> expected(c.dim(q), 6.0);
    if (q == 0) expected[0] = 0;
    expect_spectrum(ev, expected);
  }
}

// --- weighted inner products ---

TEST(LaplacianTest, WeightValidation) {
  const ChainComplex c = s1();
  InnerProduct wrong_size{{Eigen::VectorXd::Ones(5), Eigen::VectorXd::Ones(3)}};
  try {
    orthonormal_boundary(c, 1, wrong_size);
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "weights[1]");
  }
  Eigen::VectorXd w1 = Eigen::VectorXd::Ones(4);
  w1[2] = 0;
  try {
    hodge_laplacian(c, 0, InnerProduct{{Eigen::VectorXd::Ones(5), w1}});
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "weights[1][2]");
  }
  w1[2] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(orthonormal_boundary(c, 2, InnerProduct{{Eigen::VectorXd::Ones(5), w1}}),
               InvalidInput);
  w1[2] = -1;
  EXPECT_THROW(up_laplacian(c, 1, InnerProduct{{Eigen::VectorXd::Ones(5), w1}}), InvalidInput);
}

TEST(LaplacianTest, WeightedBoundaryEntries) {
  const ChainComplex c = s1();
  Eigen::VectorXd w0(5), w1(4);
  w0 << 1, 4, 9, 16, 25;
  w1 << 2, 3, 5, 7;
  const Eigen::MatrixXd b = dense(orthonormal_boundary(c, 1, InnerProduct{{w0, w1}}));
  const Eigen::MatrixXd plain = dense(c.real_boundary(1));
  for (Eigen::Index i = 0; i < 5; ++i)
    for (Eigen::Index j = 0; j < 4; ++j)
      EXPECT_DOUBLE_EQ(b(i, j), std::sqrt(w0[i]) * plain(i, j) / std::sqrt(w1[j]));
  // A missing degree is unweighted: only W_0 given, so B_2 is unchanged.
  EXPECT_EQ(dense(orthonormal_boundary(c, 2, InnerProduct{{w0}})), dense(c.real_boundary(2)));
}

// The W-self-adjoint Laplacian W_q^{-1}∂_qᵀW_{q-1}∂_q + ∂_{q+1}W_{q+1}^{-1}∂_{q+1}ᵀW_q built
// densely from the integer boundaries; it is not symmetric, so a general eigensolver is used.
std::vector<double> self_adjoint_route(const ChainComplex& c, int q,
                                       const std::vector<Eigen::VectorXd>& w) {
  auto W = [&](int d) -> Eigen::MatrixXd {
    return w[static_cast<std::size_t>(d)].asDiagonal();
  };
  auto Winv = [&](int d) -> Eigen::MatrixXd {
    return w[static_cast<std::size_t>(d)].cwiseInverse().asDiagonal();
  };
  const auto n = static_cast<Eigen::Index>(c.dim(q));
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, n);
  if (q >= 1) {
    const Eigen::MatrixXd d = dense(c.real_boundary(q));
    m += Winv(q) * d.transpose() * W(q - 1) * d;
  }
  if (q < c.top_degree()) {
    const Eigen::MatrixXd d = dense(c.real_boundary(q + 1));
    m += d * Winv(q + 1) * d.transpose() * W(q);
  }
  Eigen::EigenSolver<Eigen::MatrixXd> es(m, false);
  std::vector<double> ev;
  for (Eigen::Index i = 0; i < n; ++i) {
    EXPECT_NEAR(es.eigenvalues()[i].imag(), 0, 1e-9);
    ev.push_back(es.eigenvalues()[i].real());
  }
  std::sort(ev.begin(), ev.end());
  return ev;
}

TEST(LaplacianTest, WeightedSpectrumMatchesSelfAdjointOperator) {
  const ChainComplex c = complex_of({{0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5},
                                     {1, 4, 5}, {2, 3, 4}, {2, 3, 5}, {2, 4, 5}, {3, 4, 5},
                                     {2, 3, 4, 5}});
  std::vector<Eigen::VectorXd> w;
  for (int q = 0; q <= c.top_degree(); ++q) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(c.dim(q)));
    for (Eigen::Index i = 0; i < v.size(); ++i) v[i] = 0.5 + 0.37 * ((i * 7 + q * 3) % 11);
    w.push_back(v);
  }
  const InnerProduct ip{w};
  for (int q = 0; q <= c.top_degree(); ++q) {
    const RealMatrix l = hodge_laplacian(c, q, ip);
    EXPECT_EQ(dense(l), dense(l).transpose()) << "weighted L_" << q << " is symmetric";
    const std::vector<double> ev = full_spectrum(l);
    const std::vector<double> ref = self_adjoint_route(c, q, w);
    ASSERT_EQ(ev.size(), ref.size());
    for (std::size_t i = 0; i < ev.size(); ++i) EXPECT_NEAR(ev[i], ref[i], 1e-9) << q << " " << i;
    // Weights change the spectrum but not the kernel dimension (β is topological).
    EXPECT_EQ(numeric_nullity(ev, zero_threshold(l)),
              numeric_nullity(full_spectrum(hodge_laplacian(c, q)), 1e-8));
  }
}

}  // namespace
}  // namespace topospec

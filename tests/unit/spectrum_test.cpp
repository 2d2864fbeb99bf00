// Eigenvalue routines (dense and Spectra paths), zero thresholds and harmonic spaces.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/dirac_operator.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

ChainComplex complex_of(std::initializer_list<Simplex> simplices) {
  return chain_complex(SimplicialComplex::from_simplices(simplices));
}

ChainComplex s1() {
  return complex_of({{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {2, 3, 4}});
}

// An m×m torus grid (each square split along a diagonal): β = (1, 2, 1), many repeated
// eigenvalues (the translations act on it). Vertex ids start at `first_id`.
std::vector<Simplex> torus_triangles(int m, VertexId first_id = 0) {
  std::vector<Simplex> t;
  auto v = [&](int i, int j) { return first_id + ((i + m) % m) * m + (j + m) % m; };
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < m; ++j) {
      t.push_back({v(i, j), v(i + 1, j), v(i + 1, j + 1)});
      t.push_back({v(i, j), v(i, j + 1), v(i + 1, j + 1)});
    }
  return t;
}

ChainComplex torus(int m) {
  const auto t = torus_triangles(m);
  return chain_complex(SimplicialComplex::from_simplices(t));
}

void expect_close(const std::vector<double>& a, const std::vector<double>& b, double tol,
                  const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], tol) << what << " #" << i;
}

SpectrumOptions sparse_options() {
  SpectrumOptions o;
  o.dense_threshold = 10;  // forces the Spectra path on anything but tiny operators
  return o;
}

TEST(SpectrumTest, ZeroThresholdIsScaleAware) {
  const RealMatrix l0 = hodge_laplacian(s1(), 0);
  // Largest absolute column sum of L_0 is vertex 2's: 3 + 1 + 1 + 1.
  SpectrumOptions o;
  o.atol = 1e-9;
  o.rtol = 1e-6;
  EXPECT_DOUBLE_EQ(zero_threshold(l0, o), 1e-9 + 6e-6);
  const RealMatrix scaled = 1000.0 * l0;
  EXPECT_DOUBLE_EQ(zero_threshold(scaled, o), 1e-9 + 6e-3);
}

TEST(SpectrumTest, NumericNullity) {
  EXPECT_EQ(numeric_nullity({-1e-12, 0, 3e-11, 1e-3, 2}, 1e-10), 3u);
  EXPECT_EQ(numeric_nullity({}, 1e-10), 0u);
  const RealMatrix l0 = hodge_laplacian(s1(), 0);
  EXPECT_EQ(numeric_nullity(full_spectrum(l0), zero_threshold(l0)), 2u);
}

TEST(SpectrumTest, SmallestEigenvaluesDense) {
  const ChainComplex oct = complex_of({{0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5},
                                       {1, 4, 5}, {2, 3, 5}, {3, 4, 5}});
  expect_close(smallest_eigenvalues(hodge_laplacian(oct, 1), 4), {2, 2, 2, 4}, 1e-9, "L1");
  expect_close(smallest_eigenvalues(hodge_laplacian(oct, 0), 100), {0, 4, 4, 4, 6, 6}, 1e-9,
               "k > n is clamped");
  EXPECT_TRUE(smallest_eigenvalues(hodge_laplacian(oct, 0), 0).empty());
}

TEST(SpectrumTest, SmallestNonzeroEigenvalue) {
  EXPECT_NEAR(smallest_nonzero_eigenvalue(hodge_laplacian(s1(), 0), 2), 1.0, 1e-9);
  const ChainComplex hex = complex_of({{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 5}});
  EXPECT_NEAR(smallest_nonzero_eigenvalue(hodge_laplacian(hex, 1), 1), 1.0, 1e-9);
  // n ≤ nullity: no nonzero eigenvalue.
  const ChainComplex points = complex_of({{0}, {1}});
  EXPECT_EQ(smallest_nonzero_eigenvalue(hodge_laplacian(points, 0), 2), 0.0);
}

TEST(SpectrumTest, SpectraPathMatchesDense) {
  const ChainComplex c = torus(7);  // 49 + 147 + 98 = 294 cells
  ASSERT_EQ(c.dims(), (std::vector<std::size_t>{49, 147, 98}));
  for (int q = 0; q <= 2; ++q) {
    const RealMatrix l = hodge_laplacian(c, q);
    const std::vector<double> all = full_spectrum(l);
    for (std::size_t k : {1u, 6u, 12u}) {
      const std::vector<double> want(all.begin(), all.begin() + static_cast<long>(k));
      expect_close(smallest_eigenvalues(l, k, sparse_options()), want, 1e-8,
                   "L_" + std::to_string(q) + " k=" + std::to_string(k));
    }
  }
  // β_1 = 2 counted by the sparse path: the third smallest of L_1 is the first nonzero one.
  const RealMatrix l1 = hodge_laplacian(c, 1);
  const auto ev = smallest_eigenvalues(l1, 3, sparse_options());
  EXPECT_EQ(numeric_nullity(ev, zero_threshold(l1)), 2u);
  EXPECT_NEAR(smallest_nonzero_eigenvalue(l1, 2, sparse_options()), full_spectrum(l1)[2], 1e-8);
}

TEST(SpectrumTest, SpectraPathRecoversMissedCopies) {
  // Found by the property tests: eigenvalue 3 of this L_2 (29×29) has multiplicity 3 and the
  // first Lanczos run returns only two copies; the certification rerun must add the third.
  const ChainComplex c = complex_of({{4, 1, 6, 0}, {3, 5, 4, 0, 1}, {7, 0, 2, 5}, {3, 8, 6, 2},
                                     {8, 4, 1, 0}, {5, 7, 0, 1}, {3, 2, 1}, {4, 5, 0, 2}});
  const RealMatrix l2 = hodge_laplacian(c, 2);
  ASSERT_EQ(l2.rows(), 29);
  const std::vector<double> all = full_spectrum(l2);
  ASSERT_NEAR(all[4], 3, 1e-9);
  ASSERT_NEAR(all[6], 3, 1e-9);
  SpectrumOptions o;
  o.dense_threshold = 4;
  expect_close(smallest_eigenvalues(l2, 7, o), std::vector<double>(all.begin(), all.begin() + 7),
               1e-8, "L_2 k=7");
}

TEST(SpectrumTest, SpectraPathOnIndefiniteOperator) {
  // The Dirac operator has negative eigenvalues: the smallest are the most negative, which a
  // shift just below zero would miss; the solver must move the shift below the spectrum.
  const RealMatrix d = dirac_operator(torus(5));
  const std::vector<double> all = full_spectrum(d);
  const std::vector<double> want(all.begin(), all.begin() + 5);
  expect_close(smallest_eigenvalues(d, 5, sparse_options()), want, 1e-8, "Dirac");
}

TEST(SpectrumTest, DenseSolverSurvivesEigenNonConvergence) {
  // Found by the property tests: Eigen 3.4.0's SelfAdjointEigenSolver reports NoConvergence on
  // this 24×24 B_1ᵀB_1 (15 zero eigenvalues). Its nonzero spectrum is that of B_1B_1ᵀ = L_0.
  const ChainComplex c =
      complex_of({{1, 7, 3, 5}, {0}, {6, 2, 3, 8, 7}, {5, 8, 4}, {8, 7, 0, 4, 3}});
  const RealMatrix down1 = down_laplacian(c, 1);
  ASSERT_EQ(down1.rows(), 24);
  const std::vector<double> ev = full_spectrum(down1);
  std::vector<double> want(24 - 9, 0.0);
  for (double l : full_spectrum(hodge_laplacian(c, 0))) want.push_back(l);
  std::sort(want.begin(), want.end());
  expect_close(ev, want, 1e-9, "down L_1");
}

TEST(SpectrumTest, NearFullRequestFallsBackToDense) {
  const RealMatrix l1 = hodge_laplacian(torus(4), 1);
  const auto n = static_cast<std::size_t>(l1.rows());
  std::vector<double> all = full_spectrum(l1);
  all.pop_back();
  expect_close(smallest_eigenvalues(l1, n - 1, sparse_options()), all, 1e-9, "k = n - 1");
}

TEST(SpectrumTest, ErrorsAndBudgets) {
  SpectrumOptions tiny;
  tiny.max_dense_bytes = 100;  // less than one 5×5 dense matrix
  const RealMatrix l0 = hodge_laplacian(s1(), 0);
  try {
    full_spectrum(l0, tiny);
    FAIL() << "expected ResourceLimit";
  } catch (const ResourceLimit& e) {
    EXPECT_NE(std::string(e.what()).find("GB"), std::string::npos) << e.what();
  }
  EXPECT_THROW(full_spectrum(s1().real_boundary(1)), InvalidInput);  // 5×4, not square
  EXPECT_TRUE(full_spectrum(RealMatrix(0, 0)).empty());
}

TEST(SpectrumTest, ProgressAndCancellation) {
  const RealMatrix l1 = hodge_laplacian(torus(7), 1);
  SpectrumOptions o = sparse_options();
  std::vector<std::string> stages;
  o.progress = [&](std::string_view stage, std::size_t, std::size_t) {
    stages.emplace_back(stage);
    return true;
  };
  smallest_eigenvalues(l1, 4, o);
  EXPECT_NE(std::find(stages.begin(), stages.end(), "shift-invert factorization"), stages.end());
  o.progress = [](std::string_view, std::size_t, std::size_t) { return false; };
  EXPECT_THROW(smallest_eigenvalues(l1, 4, o), Error);
  EXPECT_THROW(full_spectrum(l1, o), Error);
}

// --- harmonic spaces ---

void expect_harmonic(const HarmonicSpace& h, const RealMatrix& l, std::size_t dim) {
  EXPECT_EQ(h.exact_betti, dim);
  EXPECT_EQ(h.numeric_nullity, dim);
  EXPECT_TRUE(h.agrees());
  ASSERT_EQ(h.basis.cols(), static_cast<Eigen::Index>(dim));
  ASSERT_EQ(h.basis.rows(), l.rows());
  ASSERT_EQ(h.cells.size(), static_cast<std::size_t>(l.rows()));
  const Eigen::Index k = h.basis.cols();
  EXPECT_LE((h.basis.transpose() * h.basis - Eigen::MatrixXd::Identity(k, k)).norm(), 1e-10);
  EXPECT_LE((l * h.basis).norm(), 1e-8);
}

TEST(SpectrumTest, HarmonicSpaceDense) {
  // Hexagon with user ids 10..60: H_1 is spanned by the normalized cycle.
  const ChainComplex hex =
      complex_of({{10, 20}, {20, 30}, {30, 40}, {40, 50}, {50, 60}, {10, 60}});
  const HarmonicSpace h1 = harmonic_space(hex, 1);
  EXPECT_EQ(h1.degree, 1);
  expect_harmonic(h1, hodge_laplacian(hex, 1), 1);
  EXPECT_EQ(h1.cells.front(), (CellLabel{10, 20}));
  EXPECT_EQ(h1.cells.back(), (CellLabel{50, 60}));
  // Every edge carries ±1/√6 (the cycle, with the sign of each edge's orientation).
  for (Eigen::Index i = 0; i < 6; ++i) EXPECT_NEAR(std::abs(h1.basis(i, 0)), 1 / std::sqrt(6.0), 1e-12);

  const ChainComplex c = s1();
  const HarmonicSpace h0 = harmonic_space(c, 0);
  expect_harmonic(h0, hodge_laplacian(c, 0), 2);
  EXPECT_EQ(h0.cells[4], (CellLabel{5}));
  EXPECT_GT(h0.zero_threshold, 0);
  // ker L_0 = locally constant functions: span{1_{1,2,3,4}, 1_{5}}; compare projectors.
  Eigen::MatrixXd ref = Eigen::MatrixXd::Zero(5, 2);
  ref.block(0, 0, 4, 1).setConstant(0.5);
  ref(4, 1) = 1;
  EXPECT_LE((h0.basis * h0.basis.transpose() - ref * ref.transpose()).norm(), 1e-10);

  const HarmonicSpace h1s1 = harmonic_space(c, 1);
  expect_harmonic(h1s1, hodge_laplacian(c, 1), 0);
  const HarmonicSpace out = harmonic_space(c, 4);
  EXPECT_EQ(out.basis.size(), 0);
  EXPECT_TRUE(out.agrees());
}

TEST(SpectrumTest, HarmonicSpaceSparsePathMatchesDense) {
  const ChainComplex c = torus(7);
  for (int q = 0; q <= 2; ++q) {
    const RealMatrix l = hodge_laplacian(c, q);
    const HarmonicSpace sparse = harmonic_space(c, q, {}, sparse_options());
    const HarmonicSpace dense = harmonic_space(c, q);
    expect_harmonic(sparse, l, q == 1 ? 2 : 1);
    // Bases differ by a rotation; the projectors agree.
    EXPECT_LE((sparse.basis * sparse.basis.transpose() - dense.basis * dense.basis.transpose())
                  .norm(),
              1e-8);
  }
}

TEST(SpectrumTest, HarmonicSpaceSparsePathFindsRepeatedZeros) {
  // Five disjoint tori: ker L_0 has dimension 5 and ker L_1 dimension 10, a repeated zero that
  // a single Krylov space does not resolve reliably.
  std::vector<Simplex> t;
  for (int copy = 0; copy < 5; ++copy) {
    const auto one = torus_triangles(4, 100 * copy);
    t.insert(t.end(), one.begin(), one.end());
  }
  const ChainComplex c = chain_complex(SimplicialComplex::from_simplices(t));
  expect_harmonic(harmonic_space(c, 0, {}, sparse_options()), hodge_laplacian(c, 0), 5);
  expect_harmonic(harmonic_space(c, 1, {}, sparse_options()), hodge_laplacian(c, 1), 10);
  const auto ev = smallest_eigenvalues(hodge_laplacian(c, 1), 12, sparse_options());
  const auto all = full_spectrum(hodge_laplacian(c, 1));
  expect_close(ev, std::vector<double>(all.begin(), all.begin() + 12), 1e-8, "5 tori L_1");
}

TEST(SpectrumTest, WeightedHarmonicSpace) {
  const ChainComplex c = torus(5);
  std::vector<Eigen::VectorXd> w;
  for (int q = 0; q <= 2; ++q) w.push_back(Eigen::VectorXd::LinSpaced(
                                   static_cast<Eigen::Index>(c.dim(q)), 0.5, 3.0));
  const InnerProduct ip{w};
  const HarmonicSpace h = harmonic_space(c, 1, ip);
  expect_harmonic(h, hodge_laplacian(c, 1, ip), 2);
}

}  // namespace
}  // namespace topospec

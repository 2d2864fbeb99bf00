// Persistent Laplacians, Dirac operators and harmonic spaces on the hand-checkable pairs of
// REFERENCE §3.3 (P1–P4), the K_a = K_b reduction to the Hodge Laplacian, and errors.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/persistent_laplacian.hpp"

namespace topospec {
namespace {

constexpr double kTol = 1e-9;

struct Entry {
  Simplex simplex;
  double value;
};

// The closure of the listed simplices, each face entering at the smallest value of a listed
// simplex containing it (the lists below always list every simplex anyway).
ChainComplex filtered(const std::vector<Entry>& entries) {
  std::vector<Simplex> simplices;
  for (const auto& e : entries) simplices.push_back(e.simplex);
  const auto k = SimplicialComplex::from_simplices(simplices);
  std::vector<std::vector<double>> values(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q)
    values[static_cast<std::size_t>(q)].assign(k.size(q), std::numeric_limits<double>::infinity());
  for (const auto& e : entries) {
    const auto idx = k.find(e.simplex);
    const int q = static_cast<int>(e.simplex.size()) - 1;
    double& v = values[static_cast<std::size_t>(q)][*idx];
    v = std::min(v, e.value);
  }
  ChainComplex c = chain_complex(k);
  c.set_values(values);
  return c;
}

std::vector<Entry> square(double value) {
  return {{{0}, value}, {{1}, value}, {{2}, value}, {{3}, value},
          {{0, 1}, value}, {{1, 2}, value}, {{2, 3}, value}, {{0, 3}, value}};
}

std::vector<Entry> hexagon(double value) {
  std::vector<Entry> e;
  for (VertexId i = 0; i < 6; ++i) e.push_back({{i}, value});
  for (VertexId i = 0; i < 6; ++i) e.push_back({{i, (i + 1) % 6}, value});
  return e;
}

std::vector<double> eigenvalues(const Eigen::MatrixXd& m) {
  if (m.rows() == 0) return {};
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(m, Eigen::EigenvaluesOnly);
  return {es.eigenvalues().data(), es.eigenvalues().data() + es.eigenvalues().size()};
}

void expect_spectrum(const std::vector<double>& got, const std::vector<double>& want,
                     double tol = kTol) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "index " << i;
}

// All four forms of the spectrum: Schur matrix, projection matrix, split spectra (both forms).
void expect_all_spectra(const ChainComplex& c, const PersistentRequest& r,
                        const std::vector<double>& want) {
  expect_spectrum(eigenvalues(persistent_laplacian(c, r, PersistentLaplacianForm::Schur)), want);
  expect_spectrum(eigenvalues(persistent_laplacian(c, r, PersistentLaplacianForm::Projection)), want);
  for (auto form : {PersistentLaplacianForm::Schur, PersistentLaplacianForm::Projection}) {
    PersistentLaplacianOptions opts;
    opts.form = form;
    const auto s = persistent_laplacian_spectra(c, std::span(&r, 1), opts);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].request, r);
    expect_spectrum(s[0].eigenvalues, want);
    const auto zeros = static_cast<std::size_t>(std::count_if(want.begin(), want.end(),
                                                              [](double x) { return x == 0.0; }));
    EXPECT_EQ(s[0].numeric_nullity, zeros);
  }
}

ChainComplex p1() {
  auto e = square(0);
  e.push_back({{0, 2}, 1});
  e.push_back({{0, 1, 2}, 1});
  return filtered(e);
}

TEST(PersistentLaplacian, P1SquareToSquareWithOneTriangle) {
  const auto c = p1();
  const PersistentRequest r{1, 0, 1};
  expect_all_spectra(c, r, {0, 2, 2, 4});
  // Rows: the edges of K_a in the complex's order 01, 03, 12, 23 (02 enters later).
  const auto cells = persistent_cells(c, 1, 0);
  ASSERT_EQ(cells.size(), 4u);
  const std::vector<Simplex> labels{{0, 1}, {0, 3}, {1, 2}, {2, 3}};
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(c.label(1, cells[i]), labels[i]);

  const auto h = persistent_harmonic_spaces(c, std::span(&r, 1));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].cells, labels);
  ASSERT_EQ(h[0].basis.cols(), 1);
  Eigen::Vector4d want(1, -1, 1, 1);
  want /= 2;
  const double sign = h[0].basis.col(0).dot(want) > 0 ? 1 : -1;
  EXPECT_LT((sign * h[0].basis.col(0) - want).norm(), 1e-10);
}

TEST(PersistentLaplacian, P2SquareFilledByTwoTriangles) {
  auto e = square(0);
  e.push_back({{0, 2}, 1});
  e.push_back({{0, 1, 2}, 1});
  e.push_back({{0, 2, 3}, 1});
  const auto c = filtered(e);
  const PersistentRequest r{1, 0, 1};
  expect_all_spectra(c, r, {2, 2, 2, 4});
  const auto h = persistent_harmonic_spaces(c, std::span(&r, 1));
  EXPECT_EQ(h[0].basis.cols(), 0);
  EXPECT_EQ(h[0].basis.rows(), 4);
}

TEST(PersistentLaplacian, P3TwoPointsJoined) {
  const auto c = filtered({{{0}, 0}, {{1}, 0}, {{0, 1}, 1}});
  const PersistentRequest r{0, 0, 1};
  expect_all_spectra(c, r, {0, 2});
  const auto h = persistent_harmonic_spaces(c, std::span(&r, 1));
  ASSERT_EQ(h[0].basis.cols(), 1);
  EXPECT_NEAR(std::abs(h[0].basis(0, 0)), 1 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(h[0].basis(0, 0), h[0].basis(1, 0), 1e-12);
}

ChainComplex p4() {
  auto e = hexagon(0);
  e.push_back({{6}, 1});
  for (VertexId i = 0; i < 6; ++i) {
    e.push_back({{i, 6}, 1});
    e.push_back({{i, (i + 1) % 6, 6}, 1});
  }
  return filtered(e);
}

TEST(PersistentLaplacian, P4HexagonToCone) {
  const auto c = p4();
  expect_all_spectra(c, {1, 0, 1}, {1, 1, 1, 3, 3, 4});
  expect_all_spectra(c, {0, 0, 1}, {0, 2, 2, 4, 4, 5});
  // At q = 0 the Schur complement is the hexagon's L_0 + I − J/6.
  const auto hex = c.sublevel(0);
  Eigen::MatrixXd want = Eigen::MatrixXd(hodge_laplacian(hex, 0));
  want += Eigen::MatrixXd::Identity(6, 6) - Eigen::MatrixXd::Constant(6, 6, 1.0 / 6);
  EXPECT_LT((persistent_laplacian(c, {0, 0, 1}) - want).norm(), 1e-12);
  EXPECT_LT((persistent_laplacian(c, {0, 0, 1}, PersistentLaplacianForm::Projection) - want).norm(),
            1e-12);
}

TEST(PersistentLaplacian, EqualScalesGiveTheHodgeLaplacian) {
  const auto c = p4();
  for (double t : {0.0, 1.0})
    for (int q = 0; q <= 2; ++q) {
      const Eigen::MatrixXd want = Eigen::MatrixXd(hodge_laplacian(c.sublevel(t), q));
      const PersistentRequest r{q, t, t};
      EXPECT_LT((persistent_laplacian(c, r) - want).norm(), 1e-12) << "q=" << q << " t=" << t;
      const auto s = persistent_laplacian_spectra(c, std::span(&r, 1));
      expect_spectrum(s[0].eigenvalues, eigenvalues(want));
    }
}

TEST(PersistentLaplacian, DegreesAboveTheTopAndEmptySublevels) {
  const auto c = p4();
  const PersistentRequest above{3, 0, 1}, below{1, -1, 1};
  EXPECT_EQ(persistent_laplacian(c, above).rows(), 0);
  EXPECT_EQ(persistent_laplacian(c, below).rows(), 0);
  const std::vector<PersistentRequest> rs{above, below};
  for (const auto& s : persistent_laplacian_spectra(c, rs)) EXPECT_TRUE(s.eigenvalues.empty());
  for (const auto& s : persistent_dirac_spectra(c, rs)) EXPECT_TRUE(s.eigenvalues.empty());
}

TEST(PersistentDirac, P1Spectrum) {
  const auto c = p1();
  const PersistentRequest r{1, 0, 1};
  const Eigen::MatrixXd d = persistent_dirac(c, r);
  // C_0(K_a) ⊕ C_1(K_a) ⊕ C^{a,b}_2 = 4 + 4 + 0: [012] has the new edge 02 in its boundary.
  ASSERT_EQ(d.rows(), 8);
  EXPECT_LT((d - d.transpose()).norm(), 1e-14);
  const double s2 = std::sqrt(2.0);
  const std::vector<double> want{-2, -s2, -s2, 0, 0, s2, s2, 2};
  expect_spectrum(eigenvalues(d), want);
  const auto s = persistent_dirac_spectra(c, std::span(&r, 1));
  expect_spectrum(s[0].eigenvalues, want);
  EXPECT_EQ(s[0].numeric_nullity, 2u);
  // The middle block of D² is Δ.
  const Eigen::MatrixXd d2 = d * d;
  EXPECT_LT((d2.block(4, 4, 4, 4) - persistent_laplacian(c, r)).norm(), 1e-12);
}

TEST(PersistentDirac, SquareMiddleBlockIsTheLaplacian) {
  auto e = square(0);
  e.push_back({{0, 2}, 1});
  e.push_back({{0, 1, 2}, 1});
  e.push_back({{0, 2, 3}, 1});
  const auto c = filtered(e);
  for (const PersistentRequest r : {PersistentRequest{1, 0, 1}, PersistentRequest{0, 0, 1},
                                    PersistentRequest{1, 1, 1}, PersistentRequest{2, 1, 1}}) {
    const Eigen::MatrixXd d = persistent_dirac(c, r);
    const Eigen::MatrixXd l = persistent_laplacian(c, r);
    const Eigen::Index p = r.dim == 0 ? 0 : static_cast<Eigen::Index>(c.sublevel_cells(r.dim - 1, r.a).size());
    const Eigen::MatrixXd d2 = d * d;
    EXPECT_LT((d2.block(p, p, l.rows(), l.cols()) - l).norm(), 1e-12);
    const auto s = persistent_dirac_spectra(c, std::span(&r, 1));
    expect_spectrum(s[0].eigenvalues, eigenvalues(d));
  }
  // P2: C^{a,b}_2 is spanned by ([012] + [023])/√2, so D_1 has 4 + 4 + 1 rows.
  EXPECT_EQ(persistent_dirac(c, {1, 0, 1}).rows(), 9);
}

TEST(PersistentLaplacian, Errors) {
  const auto c = p1();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const PersistentRequest bad : {PersistentRequest{1, 1, 0}, PersistentRequest{-1, 0, 1},
                                      PersistentRequest{1, nan, 1}, PersistentRequest{1, 0, nan}}) {
    try {
      persistent_laplacian(c, bad);
      ADD_FAILURE() << "no exception";
    } catch (const InvalidInput& e) {
      EXPECT_EQ(e.where(), "requests");
    }
    const std::vector<PersistentRequest> rs{{0, 0, 1}, bad};
    EXPECT_THROW(persistent_laplacian_spectra(c, rs), InvalidInput);
    EXPECT_THROW(persistent_dirac_spectra(c, rs), InvalidInput);
    EXPECT_THROW(persistent_harmonic_spaces(c, rs), InvalidInput);
    EXPECT_THROW(persistent_dirac(c, bad), InvalidInput);
  }
  const auto unfiltered = chain_complex(SimplicialComplex::from_simplices({{0, 1}}));
  const PersistentRequest r{0, 0, 1};
  EXPECT_THROW(persistent_laplacian(unfiltered, r), Error);
  EXPECT_THROW(persistent_laplacian_spectra(unfiltered, std::span(&r, 1)), Error);
  EXPECT_THROW(persistent_cells(unfiltered, 0, 0), Error);
}

TEST(PersistentSpectrum, SmallestNonzeroSkipsTheNumericalZeros) {
  PersistentSpectrum s;
  s.zero_threshold = 1e-10;
  s.eigenvalues = {-3e-13, 0, 4e-11, 2, 3};
  EXPECT_EQ(s.smallest_nonzero(), 2);
  s.eigenvalues = {0, 1e-12};
  EXPECT_EQ(s.smallest_nonzero(), 0);
  s.eigenvalues = {};
  EXPECT_EQ(s.smallest_nonzero(), 0);
  // P1 (REFERENCE §3.3): spec Δ_1^{0,1} = {0, 2, 2, 4}, computed.
  const PersistentRequest r{1, 0, 1};
  const auto computed = persistent_laplacian_spectra(p1(), std::span(&r, 1));
  ASSERT_EQ(computed.size(), 1u);
  EXPECT_NEAR(computed[0].smallest_nonzero(), 2, kTol);
}

// A Rips filtration of 40 random points in the unit cube, up to triangles, and every pair (q, a, b)
// of 6 of its values for q = 0, 1, 2: requests of very different sizes.
struct Batch {
  ChainComplex complex;
  std::vector<PersistentRequest> requests;
};

Batch rips_batch() {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::vector<double>> rows(40);
  for (auto& r : rows) r = {u(rng), u(rng), u(rng)};
  const auto f = rips_complex(DistanceMatrix::euclidean(PointCloud::from_rows(rows)), 2, 0.6);
  Batch b{f.chain_complex(), {}};
  const double scales[] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
  for (int q = 0; q <= 2; ++q)
    for (double a : scales)
      for (double s : scales)
        if (a <= s) b.requests.push_back({q, a, s});
  return b;
}

TEST(PersistentLaplacian, ThreadsDoNotChangeTheResults) {
  const Batch b = rips_batch();
  PersistentLaplacianOptions one, four;
  one.threads = 1;
  four.threads = 4;
  const auto l1 = persistent_laplacian_spectra(b.complex, b.requests, one);
  const auto l4 = persistent_laplacian_spectra(b.complex, b.requests, four);
  const auto d1 = persistent_dirac_spectra(b.complex, b.requests, one);
  const auto d4 = persistent_dirac_spectra(b.complex, b.requests, four);
  ASSERT_EQ(l1.size(), b.requests.size());
  ASSERT_EQ(l4.size(), b.requests.size());
  ASSERT_EQ(d4.size(), b.requests.size());
  for (std::size_t i = 0; i < b.requests.size(); ++i) {
    EXPECT_EQ(l4[i].request, b.requests[i]);  // request order, whatever order they ran in
    expect_spectrum(l4[i].eigenvalues, l1[i].eigenvalues, 1e-10);
    EXPECT_EQ(l4[i].numeric_nullity, l1[i].numeric_nullity);
    EXPECT_EQ(d4[i].request, b.requests[i]);
    expect_spectrum(d4[i].eigenvalues, d1[i].eigenvalues, 1e-10);
  }
  // Harmonic spaces: the same subspace (projectors agree; bases may differ by a rotation).
  const auto h1 = persistent_harmonic_spaces(b.complex, b.requests, one);
  const auto h4 = persistent_harmonic_spaces(b.complex, b.requests, four);
  ASSERT_EQ(h4.size(), b.requests.size());
  for (std::size_t i = 0; i < b.requests.size(); ++i) {
    EXPECT_EQ(h4[i].request, b.requests[i]);
    EXPECT_EQ(h4[i].cells, h1[i].cells);
    ASSERT_EQ(h4[i].basis.cols(), h1[i].basis.cols());
    const Eigen::MatrixXd p1 = h1[i].basis * h1[i].basis.transpose();
    const Eigen::MatrixXd p4 = h4[i].basis * h4[i].basis.transpose();
    EXPECT_LT((p1 - p4).norm(), 1e-9) << "request " << i;
  }
}

TEST(PersistentLaplacian, ThreadsPassOnErrorsAndCancellation) {
  const Batch b = rips_batch();
  PersistentLaplacianOptions opts;
  opts.threads = 3;
  opts.spectrum.max_dense_bytes = 8 * 20 * 20;  // some requests fit, the larger ones do not
  EXPECT_THROW(persistent_laplacian_spectra(b.complex, b.requests, opts), ResourceLimit);
  opts.spectrum.max_dense_bytes = PersistentLaplacianOptions{}.spectrum.max_dense_bytes;
  std::size_t calls = 0;
  opts.spectrum.progress = [&calls](std::string_view, std::size_t, std::size_t) {
    return ++calls < 5;  // serialised by the library: no data race on `calls`
  };
  EXPECT_THROW(persistent_laplacian_spectra(b.complex, b.requests, opts), Error);
  EXPECT_GE(calls, 5u);
}

}  // namespace
}  // namespace topospec

// Properties of persistent Laplacians on random filtrations (random complexes on ≤ 8 vertices,
// random monotone values on a small grid so that ties occur): Schur form = projection form,
// nullity = β_q^{a,b} from exact ranks, β^{a,b} ≤ min(β^a, β^b), split spectra = the dense
// eigensolve of Δ (also on thin torus grids with hundreds of rows, where the sparse
// eigensolver's component split and band path run), the middle block of (D^{a,b})² = Δ,
// harmonic bases orthonormal and in ker Δ.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/persistent_laplacian.hpp"

namespace topospec {
namespace {

template <typename T>
T uniform(T lo, T hi) {
  return *rc::gen::resize(100, rc::gen::inRange<T>(lo, hi));
}

// A random complex (closure of random vertex subsets) with values: each simplex enters at the
// largest value of its facets plus a random step in {0, 1, 2}; vertices at 0..3.
ChainComplex random_filtration() {
  const int n = uniform(2, 9);
  const int count = uniform(1, 12);
  std::vector<Simplex> simplices;
  for (int s = 0; s < count; ++s) {
    const int size = uniform(1, std::min(n, 4) + 1);
    simplices.push_back(*rc::gen::resize(
        100, rc::gen::unique<std::vector<VertexId>>(static_cast<std::size_t>(size),
                                                     rc::gen::inRange<VertexId>(0, n))));
  }
  const auto k = SimplicialComplex::from_simplices(simplices);
  std::vector<std::vector<double>> values(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) {
      double v = q == 0 ? uniform(0, 4) : 0.0;
      for (auto f : k.facets(q, i)) v = std::max(v, values[static_cast<std::size_t>(q - 1)][f]);
      values[static_cast<std::size_t>(q)].push_back(v + (q == 0 ? 0 : uniform(0, 3)));
    }
  ChainComplex c = chain_complex(k);
  c.set_values(values);
  return c;
}

PersistentRequest random_request(const ChainComplex& c) {
  const int q = uniform(0, std::max(c.top_degree(), 0) + 1);
  const double a = uniform(0, 10) * 1.0, b = a + uniform(0, 6);
  return {q, a, b};
}

// Integer ∂_p restricted to rows `rows` and columns `cols` (value thresholds).
IntegerMatrix restricted(const ChainComplex& c, int p, double row_lo, double row_hi, double col_t) {
  const auto& m = c.boundary(p);
  std::vector<std::int64_t> row_pos(static_cast<std::size_t>(m.rows()), -1);
  std::int64_t nr = 0;
  for (std::size_t i = 0; i < row_pos.size(); ++i) {
    const double v = c.values()[static_cast<std::size_t>(p - 1)][i];
    if (v > row_lo && v <= row_hi) row_pos[i] = nr++;
  }
  std::vector<Eigen::Triplet<std::int64_t, std::int64_t>> t;
  std::int64_t nc = 0;
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    if (!(c.values()[static_cast<std::size_t>(p)][static_cast<std::size_t>(j)] <= col_t)) continue;
    for (IntegerMatrix::InnerIterator it(m, j); it; ++it)
      if (row_pos[static_cast<std::size_t>(it.row())] >= 0)
        t.emplace_back(row_pos[static_cast<std::size_t>(it.row())], nc, it.value());
    ++nc;
  }
  IntegerMatrix out(nr, nc);
  out.setFromTriplets(t.begin(), t.end());
  return out;
}

std::size_t rank(const IntegerMatrix& m) {
  return m.rows() == 0 || m.cols() == 0 ? 0 : smith_form(m).rank;
}

// β_q^{a,b} = dim Z_q(K_a) − dim(Z_q(K_a) ∩ B_q(K_b)); the intersection is ∂ of
// {x ∈ C_{q+1}(K_b) : ∂x ∈ C_q(K_a)} = ker R_N, of dimension rk ∂^b_{q+1} − rk R_N. So
// β = n_q(a) − rk ∂_q^a − rk ∂_{q+1}^b + rk R_N, all exact ranks over Q.
std::size_t exact_persistent_betti(const ChainComplex& c, const PersistentRequest& r) {
  const int q = r.dim;
  if (q > c.top_degree()) return 0;
  const std::size_t n = c.sublevel_cells(q, r.a).size();
  const std::size_t rk_down = q == 0 ? 0 : rank(restricted(c, q, -1e300, r.a, r.a));
  if (q + 1 > c.top_degree()) return n - rk_down;
  const std::size_t rk_up = rank(restricted(c, q + 1, -1e300, r.b, r.b));
  const std::size_t rk_new = rank(restricted(c, q + 1, r.a, r.b, r.b));
  return n - rk_down - rk_up + rk_new;
}

std::vector<double> eigenvalues(const Eigen::MatrixXd& m) {
  if (m.rows() == 0) return {};
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(m, Eigen::EigenvaluesOnly);
  return {es.eigenvalues().data(), es.eigenvalues().data() + es.eigenvalues().size()};
}

RC_GTEST_PROP(PersistentLaplacianProperties, SchurEqualsProjection, ()) {
  const auto c = random_filtration();
  const auto r = random_request(c);
  const Eigen::MatrixXd s = persistent_laplacian(c, r, PersistentLaplacianForm::Schur);
  const Eigen::MatrixXd p = persistent_laplacian(c, r, PersistentLaplacianForm::Projection);
  RC_ASSERT(s.rows() == p.rows());
  if (s.size() == 0) return;
  RC_ASSERT((s - p).cwiseAbs().maxCoeff() <= 1e-9 * std::max(1.0, s.cwiseAbs().maxCoeff()));
  RC_ASSERT((s - s.transpose()).norm() <= 1e-12);
}

RC_GTEST_PROP(PersistentLaplacianProperties, NullityIsExactPersistentBetti, ()) {
  const auto c = random_filtration();
  const auto r = random_request(c);
  const std::size_t beta = exact_persistent_betti(c, r);
  for (auto form : {PersistentLaplacianForm::Schur, PersistentLaplacianForm::Projection}) {
    PersistentLaplacianOptions opts;
    opts.form = form;
    const auto s = persistent_laplacian_spectra(c, std::span(&r, 1), opts);
    RC_ASSERT(s[0].numeric_nullity == beta);
    const auto h = persistent_harmonic_spaces(c, std::span(&r, 1), opts);
    RC_ASSERT(static_cast<std::size_t>(h[0].basis.cols()) == beta);
  }
  // Monotone: the image of H_q(K_a) → H_q(K_b) is at most either end.
  const auto ka = c.sublevel(r.a), kb = c.sublevel(r.b);
  HomologyOptions ho;
  ho.max_dim = r.dim;
  const auto beta_a = homology(ka, ho).betti.at(static_cast<std::size_t>(r.dim));
  const auto beta_b = homology(kb, ho).betti.at(static_cast<std::size_t>(r.dim));
  RC_ASSERT(beta <= std::min(beta_a, beta_b));
  if (r.a == r.b) RC_ASSERT(beta == beta_a);
}

RC_GTEST_PROP(PersistentLaplacianProperties, SplitSpectrumEqualsDenseEigensolve, ()) {
  const auto c = random_filtration();
  std::vector<PersistentRequest> rs;
  for (int i = 0; i < 4; ++i) rs.push_back(random_request(c));
  for (auto form : {PersistentLaplacianForm::Schur, PersistentLaplacianForm::Projection}) {
    PersistentLaplacianOptions opts;
    opts.form = form;
    const auto s = persistent_laplacian_spectra(c, rs, opts);
    RC_ASSERT(s.size() == rs.size());
    for (std::size_t i = 0; i < rs.size(); ++i) {
      RC_ASSERT(s[i].request == rs[i]);
      const auto want = eigenvalues(persistent_laplacian(c, rs[i]));
      RC_ASSERT(s[i].eigenvalues.size() == want.size());
      for (std::size_t j = 0; j < want.size(); ++j)
        RC_ASSERT(std::abs(s[i].eigenvalues[j] - want[j]) <= 1e-9);
    }
  }
}

// A thin complex: a triangulated torus grid (rows × cols vertices, periodic) with random
// lower-star-like values. Its Gram matrices have hundreds of rows, several components at small
// a and a small reverse Cuthill–McKee bandwidth, so the spectra go through the component split
// and the band path (dsytrd_sb2st) of the sparse eigensolver; they must equal the dense
// eigensolve of Δ to ~1e-10 relative.
ChainComplex random_torus_grid() {
  const int rows = uniform(3, 5), cols = uniform(20, 31);
  std::vector<Simplex> triangles;
  const auto at = [&](int i, int j) { return static_cast<VertexId>((i % rows) * cols + (j % cols)); };
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) {
      triangles.push_back({at(i, j), at(i + 1, j), at(i + 1, j + 1)});
      triangles.push_back({at(i, j), at(i, j + 1), at(i + 1, j + 1)});
    }
  const auto k = SimplicialComplex::from_simplices(triangles);
  std::vector<std::vector<double>> values(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) {
      double v = q == 0 ? uniform(0, 8) : 0.0;
      for (auto f : k.facets(q, i)) v = std::max(v, values[static_cast<std::size_t>(q - 1)][f]);
      values[static_cast<std::size_t>(q)].push_back(v + (q == 0 ? 0 : uniform(0, 2)));
    }
  ChainComplex c = chain_complex(k);
  c.set_values(values);
  return c;
}

RC_GTEST_PROP(PersistentLaplacianProperties, SparseBandPathEqualsDenseOnThinComplex, ()) {
  const auto c = random_torus_grid();
  std::vector<PersistentRequest> rs;
  for (int i = 0; i < 2; ++i) {
    const double a = uniform(2, 14) * 1.0;
    rs.push_back({uniform(0, 3), a, a + uniform(0, 4)});
  }
  rs.push_back({uniform(0, 3), 100.0, 100.0});  // the whole surface: one large component
  std::vector<std::vector<double>> want;
  for (const auto& r : rs) want.push_back(eigenvalues(persistent_laplacian(c, r)));
  for (auto form : {PersistentLaplacianForm::Projection, PersistentLaplacianForm::Schur}) {
    PersistentLaplacianOptions opts;
    opts.form = form;
    const auto s = persistent_laplacian_spectra(c, rs, opts);
    for (std::size_t i = 0; i < rs.size(); ++i) {
      RC_ASSERT(s[i].eigenvalues.size() == want[i].size());
      const double scale = want[i].empty() ? 1.0 : std::max(1.0, std::abs(want[i].back()));
      for (std::size_t j = 0; j < want[i].size(); ++j)
        RC_ASSERT(std::abs(s[i].eigenvalues[j] - want[i][j]) <= 1e-10 * scale);
    }
  }
}

RC_GTEST_PROP(PersistentLaplacianProperties, DiracSquaredMiddleBlockIsLaplacian, ()) {
  const auto c = random_filtration();
  const auto r = random_request(c);
  const Eigen::MatrixXd d = persistent_dirac(c, r);
  const Eigen::MatrixXd l = persistent_laplacian(c, r);
  const Eigen::Index p = r.dim == 0 ? 0 : static_cast<Eigen::Index>(c.sublevel_cells(r.dim - 1, r.a).size());
  RC_ASSERT(d.rows() >= p + l.rows());
  RC_ASSERT((d - d.transpose()).norm() <= 1e-12);
  const Eigen::MatrixXd d2 = d * d;
  if (l.size() > 0) RC_ASSERT((d2.block(p, p, l.rows(), l.cols()) - l).cwiseAbs().maxCoeff() <= 1e-9);
  // Its spectrum, from the Gram spectra, matches the dense one.
  const auto s = persistent_dirac_spectra(c, std::span(&r, 1));
  const auto want = eigenvalues(d);
  RC_ASSERT(s[0].eigenvalues.size() == want.size());
  for (std::size_t j = 0; j < want.size(); ++j) RC_ASSERT(std::abs(s[0].eigenvalues[j] - want[j]) <= 1e-8);
}

RC_GTEST_PROP(PersistentLaplacianProperties, HarmonicBasisIsOrthonormalKernel, ()) {
  const auto c = random_filtration();
  const auto r = random_request(c);
  const auto h = persistent_harmonic_spaces(c, std::span(&r, 1));
  const Eigen::MatrixXd l = persistent_laplacian(c, r);
  const Eigen::MatrixXd& v = h[0].basis;
  RC_ASSERT(v.rows() == l.rows());
  RC_ASSERT(h[0].cells.size() == static_cast<std::size_t>(l.rows()));
  if (v.cols() == 0) return;
  RC_ASSERT((v.transpose() * v - Eigen::MatrixXd::Identity(v.cols(), v.cols())).norm() <= 1e-10);
  RC_ASSERT((l * v).norm() <= 1e-9);
}

}  // namespace
}  // namespace topospec

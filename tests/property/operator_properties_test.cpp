// Properties of Laplacians and Dirac operators on random simplicial complexes (≤ 9 vertices):
// D² = ⊕ L_q, symmetric Dirac spectrum, up + down = L, nullity = exact β, L ⪰ 0, invariance
// under relabelling of the vertices.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/dirac_operator.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

constexpr double kTol = 1e-8;

// A random list of simplices (random vertex subsets of {0..n-1}, n ≤ 9, up to 5 vertices each);
// the complex is their closure.
// rapidcheck scales inRange with its size parameter (small early on); full size keeps the
// draws uniform so that most cases have triangles and tetrahedra, while shrinking still works.
template <typename T>
T uniform(T lo, T hi) {
  return *rc::gen::resize(100, rc::gen::inRange<T>(lo, hi));
}

std::vector<Simplex> random_simplices() {
  const int n = uniform(1, 10);
  const int count = uniform(1, 14);
  std::vector<Simplex> out;
  for (int s = 0; s < count; ++s) {
    const int size = uniform(1, std::min(n, 5) + 1);
    auto verts = *rc::gen::resize(100, rc::gen::unique<std::vector<VertexId>>(
                                           static_cast<std::size_t>(size),
                                           rc::gen::inRange<VertexId>(0, n)));
    out.push_back(verts);
  }
  return out;
}

ChainComplex random_complex() {
  const auto simplices = random_simplices();
  return chain_complex(SimplicialComplex::from_simplices(simplices));
}

Eigen::MatrixXd dense(const RealMatrix& m) { return Eigen::MatrixXd(m); }

std::vector<double> sorted(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v;
}

void assert_close(const std::vector<double>& a, const std::vector<double>& b, double tol) {
  RC_ASSERT(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) RC_ASSERT(std::abs(a[i] - b[i]) <= tol);
}

RC_GTEST_PROP(OperatorProperties, DiracSquaredIsLaplacianBlocksExactly, ()) {
  const ChainComplex c = random_complex();
  const RealMatrix d = dirac_operator(c);
  RealMatrix square = d * d;
  square.prune([](Eigen::Index, Eigen::Index, double v) { return v != 0.0; });
  // blockdiag(L_0, …, L_top) assembled from the sparse Laplacians.
  std::vector<Eigen::Triplet<double, std::int64_t>> t;
  std::int64_t at = 0;
  for (int q = 0; q <= c.top_degree(); ++q) {
    const RealMatrix l = hodge_laplacian(c, q);
    for (Eigen::Index j = 0; j < l.outerSize(); ++j)
      for (RealMatrix::InnerIterator it(l, j); it; ++it)
        t.emplace_back(at + it.row(), at + j, it.value());
    at += static_cast<std::int64_t>(c.dim(q));
  }
  RealMatrix blocks(d.rows(), d.cols());
  blocks.setFromTriplets(t.begin(), t.end());
  // Integer entries: the products are exact, so are the comparisons (incl. the sparsity).
  RC_ASSERT(square.nonZeros() == blocks.nonZeros());
  RC_ASSERT(dense(square) == dense(blocks));
}

RC_GTEST_PROP(OperatorProperties, DiracSpectrumIsSymmetricAndSquaresToLaplacians, ()) {
  const ChainComplex c = random_complex();
  const std::vector<double> mu = full_spectrum(dirac_operator(c));
  const std::size_t n = mu.size();
  for (std::size_t i = 0; i < n; ++i) RC_ASSERT(std::abs(mu[i] + mu[n - 1 - i]) <= kTol);
  std::vector<double> squares;
  for (double m : mu) squares.push_back(m * m);
  std::vector<double> laplacian_ev;
  for (int q = 0; q <= c.top_degree(); ++q) {
    const auto ev = full_spectrum(hodge_laplacian(c, q));
    laplacian_ev.insert(laplacian_ev.end(), ev.begin(), ev.end());
  }
  assert_close(sorted(squares), sorted(laplacian_ev), 1e-7);
  // Per degree: D_q² has L_q as its middle block.
  const int q = uniform(0, c.top_degree() + 1);
  const Eigen::MatrixXd dq = dense(dirac_operator(c, q));
  const auto off = static_cast<Eigen::Index>(c.dim(q - 1));
  const auto nq = static_cast<Eigen::Index>(c.dim(q));
  RC_ASSERT(Eigen::MatrixXd((dq * dq).block(off, off, nq, nq)) == dense(hodge_laplacian(c, q)));
}

RC_GTEST_PROP(OperatorProperties, UpPlusDownIsTheLaplacian, ()) {
  const ChainComplex c = random_complex();
  for (int q = 0; q <= c.top_degree(); ++q) {
    const RealMatrix up = up_laplacian(c, q);
    const RealMatrix down = down_laplacian(c, q);
    RC_ASSERT(dense(up) + dense(down) == dense(hodge_laplacian(c, q)));
    // Each term is itself positive semidefinite.
    for (const RealMatrix* term : {&up, &down})
      for (double l : full_spectrum(*term)) RC_ASSERT(l >= -kTol);
  }
}

RC_GTEST_PROP(OperatorProperties, NullityIsExactRationalBetti, ()) {
  const ChainComplex c = random_complex();
  HomologyOptions rationals;
  rationals.coefficients = Coefficients::rationals();
  const HomologyResult h = homology(c, rationals);
  for (int q = 0; q <= c.top_degree(); ++q) {
    const RealMatrix l = hodge_laplacian(c, q);
    const auto ev = full_spectrum(l);
    for (double v : ev) RC_ASSERT(v >= -zero_threshold(l));  // L ⪰ 0
    RC_ASSERT(numeric_nullity(ev, zero_threshold(l)) == h.betti.at(static_cast<std::size_t>(q)));
  }
  // The Dirac kernel has dimension Σ β_q.
  const RealMatrix d = dirac_operator(c);
  const std::size_t total = std::accumulate(h.betti.begin(), h.betti.end(), std::size_t{0});
  RC_ASSERT(numeric_nullity(full_spectrum(d), zero_threshold(d)) == total);
}

RC_GTEST_PROP(OperatorProperties, SparsePathAgreesWithDense, ()) {
  // Shift-invert Lanczos (forced by a tiny dense threshold) must find the same k smallest
  // eigenvalues, repeated ones included, and a harmonic space of dimension exactly β_q.
  const ChainComplex c = random_complex();
  SpectrumOptions sparse;
  sparse.dense_threshold = 4;
  const int q = uniform(0, c.top_degree() + 1);
  const RealMatrix l = hodge_laplacian(c, q);
  const auto all = full_spectrum(l);
  // k below n/3, where the Lanczos path is taken (larger k goes dense by design).
  const int n = static_cast<int>(all.size());
  const auto k = static_cast<std::size_t>(std::min(uniform<int>(1, std::max(2, n / 3)), n));
  assert_close(smallest_eigenvalues(l, k, sparse),
               std::vector<double>(all.begin(), all.begin() + static_cast<long>(k)), 1e-8);
  const HarmonicSpace h = harmonic_space(c, q, {}, sparse);
  RC_ASSERT(h.agrees());
  RC_ASSERT(h.basis.cols() == static_cast<Eigen::Index>(h.exact_betti));
  if (h.basis.cols() > 0) RC_ASSERT((l * h.basis).norm() <= 1e-8);
}

RC_GTEST_PROP(OperatorProperties, SpectraInvariantUnderRelabelling, ()) {
  const auto simplices = random_simplices();
  // Injective relabelling of 0..8 into 0..99 (changes vertex order, hence orientations and
  // the order of cells).
  auto image = *rc::gen::resize(
      100, rc::gen::unique<std::vector<VertexId>>(9, rc::gen::inRange<VertexId>(0, 100)));
  std::vector<Simplex> relabelled;
  for (const auto& s : simplices) {
    Simplex r;
    for (VertexId v : s) r.push_back(image[static_cast<std::size_t>(v)]);
    relabelled.push_back(r);
  }
  const ChainComplex a = chain_complex(SimplicialComplex::from_simplices(simplices));
  const ChainComplex b = chain_complex(SimplicialComplex::from_simplices(relabelled));
  RC_ASSERT(a.dims() == b.dims());
  for (int q = 0; q <= a.top_degree(); ++q)
    assert_close(full_spectrum(hodge_laplacian(a, q)), full_spectrum(hodge_laplacian(b, q)), kTol);
  assert_close(full_spectrum(dirac_operator(a)), full_spectrum(dirac_operator(b)), kTol);
}

RC_GTEST_PROP(OperatorProperties, WeightedDiracSquaredIsWeightedLaplacians, ()) {
  const ChainComplex c = random_complex();
  InnerProduct ip;
  for (int q = 0; q <= c.top_degree(); ++q) {
    Eigen::VectorXd w(static_cast<Eigen::Index>(c.dim(q)));
    for (Eigen::Index i = 0; i < w.size(); ++i) w[i] = uniform(1, 50) / 10.0;
    ip.weights.push_back(w);
  }
  const Eigen::MatrixXd d = dense(dirac_operator(c, ip));
  Eigen::Index at = 0;
  const Eigen::MatrixXd sq = d * d;
  for (int q = 0; q <= c.top_degree(); ++q) {
    const auto n = static_cast<Eigen::Index>(c.dim(q));
    const Eigen::MatrixXd l = dense(hodge_laplacian(c, q, ip));
    RC_ASSERT((sq.block(at, at, n, n) - l).norm() <= 1e-12 * (1 + l.norm()));
    // Weights change eigenvalues, not the kernel dimension.
    const RealMatrix lw = hodge_laplacian(c, q, ip);
    const RealMatrix l1 = hodge_laplacian(c, q);
    RC_ASSERT(numeric_nullity(full_spectrum(lw), zero_threshold(lw)) ==
              numeric_nullity(full_spectrum(l1), zero_threshold(l1)));
    at += n;
  }
}

}  // namespace
}  // namespace topospec

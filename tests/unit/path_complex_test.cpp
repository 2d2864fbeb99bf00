// GLMY path complexes on the digraphs of REFERENCE §3.5 with exact answers: dim Ω, path Betti
// numbers in both theories, path Laplacian spectra in an orthonormal basis of Ω (the
// normalisation pitfall: the directed square's L_2 is [2], not [4]), persistent path homology
// and persistent path Laplacians of cycle networks, and errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "topospec/hypergraph/path_complex.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/persistence.hpp"
#include "topospec/topology/persistent_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

Digraph digraph(std::vector<VertexId> vertices, const std::vector<std::pair<VertexId, VertexId>>& arcs) {
  std::vector<Arc> a;
  for (auto [s, t] : arcs) a.push_back({s, t, std::nullopt});
  return Digraph::from_arcs(std::move(vertices), a);
}

Digraph digraph(std::size_t n, const std::vector<std::pair<VertexId, VertexId>>& arcs) {
  std::vector<VertexId> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<VertexId>(i);
  return digraph(std::move(v), arcs);
}

std::vector<std::size_t> betti(const ChainComplex& c, int max_dim,
                               Coefficients k = Coefficients::rationals()) {
  HomologyOptions o;
  o.coefficients = k;
  o.max_dim = max_dim;
  return homology(c, o).betti;
}

std::vector<std::size_t> dims(const ChainComplex& c, int max_dim) {
  std::vector<std::size_t> d;
  for (int q = 0; q <= max_dim; ++q) d.push_back(c.dim(q));
  return d;
}

std::vector<double> spectrum(const ChainComplex& c, int q) {
  std::vector<double> ev = full_spectrum(hodge_laplacian(c, q));
  std::sort(ev.begin(), ev.end());
  return ev;
}

void expect_spectrum(const std::vector<double>& got, std::vector<double> want) {
  std::sort(want.begin(), want.end());
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-9) << "eigenvalue " << i;
}

InfimumComplex build(const Digraph& g, int top, PathTheory theory = PathTheory::Regular) {
  PathComplexOptions o;
  o.top = top;
  o.theory = theory;
  return path_complex(g, o);
}

// Seed paper (Liu–Shen–Wei, JL digraphs/*): the full GLMY answer, not the truncated one.
TEST(PathComplex, SeedPaperDigraphFullGlmyAnswer) {
  const Digraph g = digraph({1, 2, 3, 4}, {{1, 2}, {1, 3}, {2, 3}, {2, 4}, {3, 4}});
  EXPECT_EQ(allowed_path_counts(g, 3), (std::vector<std::size_t>{4, 5, 4, 1}));
  const InfimumComplex p = build(g, 4);
  EXPECT_EQ(dims(p.chains, 3), (std::vector<std::size_t>{4, 5, 3, 1}));
  EXPECT_EQ(betti(p.chains, 3), (std::vector<std::size_t>{1, 0, 0, 0}));
  expect_spectrum(spectrum(p.chains, 2), {4, 4, 4});
  expect_spectrum(spectrum(p.chains, 3), {4});
  EXPECT_EQ(path_betti_by_ranks(g, 3, PathTheory::Regular), (std::vector<std::size_t>{1, 0, 0, 0}));
}

TEST(PathComplex, TwoCycleRegularAndNonRegular) {
  const Digraph g = digraph(2, {{0, 1}, {1, 0}});
  const InfimumComplex r = build(g, 4);
  EXPECT_EQ(dims(r.chains, 4), (std::vector<std::size_t>{2, 2, 2, 2, 2}));
  EXPECT_EQ(betti(r.chains, 3), (std::vector<std::size_t>{1, 0, 0, 0}));
  expect_spectrum(spectrum(r.chains, 0), {0, 4});
  expect_spectrum(spectrum(r.chains, 1), {4, 4});
  expect_spectrum(spectrum(r.chains, 2), {4, 4});
  const InfimumComplex n = build(g, 3, PathTheory::NonRegular);
  EXPECT_EQ(betti(n.chains, 2), (std::vector<std::size_t>{1, 1, 0}));
  EXPECT_EQ(path_betti_by_ranks(g, 2, PathTheory::NonRegular), (std::vector<std::size_t>{1, 1, 0}));
}

TEST(PathComplex, Triangles) {
  const InfimumComplex t = build(digraph(3, {{0, 1}, {1, 2}, {0, 2}}), 3);
  EXPECT_EQ(dims(t.chains, 2), (std::vector<std::size_t>{3, 3, 1}));
  EXPECT_EQ(betti(t.chains, 1), (std::vector<std::size_t>{1, 0}));
  expect_spectrum(spectrum(t.chains, 0), {0, 3, 3});
  expect_spectrum(spectrum(t.chains, 1), {3, 3, 3});
  expect_spectrum(spectrum(t.chains, 2), {3});
  const InfimumComplex c = build(digraph(3, {{0, 1}, {1, 2}, {2, 0}}), 2);
  EXPECT_EQ(betti(c.chains, 1), (std::vector<std::size_t>{1, 1}));
  expect_spectrum(spectrum(c.chains, 1), {0, 3, 3});
}

// The normalisation pitfall: Ω_2 = ⟨e_abd − e_acd⟩; with the unit vector L_2 = [2] (not [4]).
TEST(PathComplex, DirectedSquareOrthonormalBasis) {
  const InfimumComplex s = build(digraph(4, {{0, 1}, {1, 3}, {0, 2}, {2, 3}}), 3);
  EXPECT_EQ(dims(s.chains, 2), (std::vector<std::size_t>{4, 4, 1}));
  EXPECT_EQ(betti(s.chains, 1), (std::vector<std::size_t>{1, 0}));
  expect_spectrum(spectrum(s.chains, 0), {0, 2, 2, 4});
  expect_spectrum(spectrum(s.chains, 1), {2, 2, 2, 4});
  expect_spectrum(spectrum(s.chains, 2), {2});
  // The integer basis vector is e_013 − e_023 up to sign; the harmonic-free embedding is unit.
  const IntegerMatrix& b2 = s.integer_basis[2];
  EXPECT_EQ(b2.nonZeros(), 2);
  EXPECT_EQ(std::abs(b2.coeff(0, 0)) + std::abs(b2.coeff(1, 0)), 2);
}

// Octahedron (sheaves examples.py): 0→1, 2→1, 0→3, 2→3, {4,5}→{0,1,2,3}.
TEST(PathComplex, Octahedron) {
  const InfimumComplex o = build(digraph(6, {{0, 1}, {2, 1}, {0, 3}, {2, 3}, {4, 0}, {4, 1}, {4, 2},
                                              {4, 3}, {5, 0}, {5, 1}, {5, 2}, {5, 3}}),
                                 4);
  EXPECT_EQ(dims(o.chains, 3), (std::vector<std::size_t>{6, 12, 8, 0}));
  EXPECT_EQ(betti(o.chains, 3), (std::vector<std::size_t>{1, 0, 1, 0}));
  expect_spectrum(spectrum(o.chains, 1), {2, 2, 2, 4, 4, 4, 4, 4, 4, 6, 6, 6});
  expect_spectrum(spectrum(o.chains, 2), {0, 2, 2, 2, 4, 4, 4, 6});
}

TEST(PathComplex, CubeAndExoticSphere) {
  std::vector<std::pair<VertexId, VertexId>> cube;
  for (VertexId v = 0; v < 8; ++v)
    for (int bit = 0; bit < 3; ++bit)
      if (!(v >> bit & 1)) cube.push_back({v, v | (VertexId{1} << bit)});
  const InfimumComplex c = build(digraph(8, cube), 4);
  EXPECT_EQ(dims(c.chains, 3), (std::vector<std::size_t>{8, 12, 6, 1}));
  EXPECT_EQ(betti(c.chains, 3), (std::vector<std::size_t>{1, 0, 0, 0}));

  const InfimumComplex e = build(digraph(10, {{1, 2}, {1, 3}, {1, 4}, {1, 5}, {2, 6}, {2, 7}, {3, 6},
                                               {3, 8}, {4, 7}, {4, 9}, {5, 8}, {5, 9}, {6, 0}, {7, 0},
                                               {8, 0}, {9, 0}}),
                                 4);
  EXPECT_EQ(dims(e.chains, 3), (std::vector<std::size_t>{10, 16, 8, 1}));
  EXPECT_EQ(betti(e.chains, 3), (std::vector<std::size_t>{1, 0, 0, 0}));
}

// Huntsman's example (PerformantPathHomology): non-regular (1,0,0,1), regular (1,0,0,0).
TEST(PathComplex, HuntsmanExampleBothTheories) {
  const std::vector<VertexId> s{1, 1, 2, 2, 2, 3, 4, 4}, t{2, 4, 1, 3, 4, 4, 2, 3};
  std::vector<std::pair<VertexId, VertexId>> arcs;
  for (std::size_t i = 0; i < s.size(); ++i) arcs.push_back({s[i], t[i]});
  const Digraph g = digraph({1, 2, 3, 4}, arcs);
  EXPECT_EQ(betti(build(g, 4, PathTheory::NonRegular).chains, 3), (std::vector<std::size_t>{1, 0, 0, 1}));
  EXPECT_EQ(betti(build(g, 4).chains, 3), (std::vector<std::size_t>{1, 0, 0, 0}));
  EXPECT_EQ(path_betti_by_ranks(g, 3, PathTheory::NonRegular), (std::vector<std::size_t>{1, 0, 0, 1}));
}

// Cycle networks (pypph cycleNet): complete digraph on N vertices, w(i→j) = (j − i) mod N.
Digraph cycle_network(int n) {
  std::vector<Arc> arcs;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (i != j) arcs.push_back({i, j, static_cast<double>(((j - i) % n + n) % n)});
  return Digraph::from_arcs(static_cast<std::size_t>(n), arcs);
}

TEST(PathComplex, CycleNetworkPersistentPathHomology) {
  for (int n = 3; n <= 7; ++n) {
    const InfimumComplex p = build(cycle_network(n), 2);
    PersistenceOptions o;
    o.max_dim = 1;
    const Barcode b = persistence(p.chains, o);
    const auto bars = b.degree(1);
    ASSERT_EQ(bars.size(), 1u) << "N = " << n;
    EXPECT_EQ(bars[0].birth, 1.0);
    EXPECT_EQ(bars[0].death, std::ceil(n / 2.0)) << "N = " << n;
  }
}

TEST(PathComplex, CycleNetworkPersistentLaplacians) {
  const InfimumComplex six = build(cycle_network(6), 2);
  const std::vector<PersistentRequest> r6{{1, 1, 2}, {1, 1, 3}};
  const auto s6 = persistent_laplacian_spectra(six.chains, r6);
  expect_spectrum(s6[0].eigenvalues, {0, 1, 1, 3, 3, 4});
  ASSERT_EQ(s6[1].eigenvalues.size(), 6u);
  EXPECT_NEAR(s6[1].eigenvalues[0], 1, 1e-9);
  EXPECT_NEAR(s6[1].eigenvalues[4], 4, 1e-9);
  EXPECT_NEAR(s6[1].eigenvalues[5], 5.4, 0.05);  // REFERENCE prints one decimal
  const InfimumComplex five = build(cycle_network(5), 2);
  const std::vector<PersistentRequest> r5{{1, 1, 2}};
  const double a = (5 - std::sqrt(5.0)) / 2, b = (5 + std::sqrt(5.0)) / 2;
  expect_spectrum(persistent_laplacian_spectra(five.chains, r5)[0].eigenvalues, {0, a, a, b, b});
}

TEST(PathComplex, Errors) {
  EXPECT_THROW(digraph(2, {{0, 0}}), InvalidInput);
  EXPECT_THROW(digraph(2, {{0, 5}}), InvalidInput);
  PathComplexOptions o;
  o.top = 30;
  o.max_paths = 10;
  EXPECT_THROW(path_complex(digraph(2, {{0, 1}, {1, 0}}), o), ResourceLimit);
}

}  // namespace
}  // namespace topospec

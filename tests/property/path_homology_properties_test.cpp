// Properties of GLMY path complexes: closed forms (layered complete digraphs, orientations of
// C_3 … C_6, cycle networks), and on random digraphs: the Ω-based Betti numbers equal the
// rank-only ones in both theories over Q and Z/2 (Ω over F_2 for Z/2), ∂∂ = 0 in both forms,
// nullity L_q = β_q, the real form is orthonormal-invariant (relabelling changes no spectrum),
// and the filtration-adapted basis: the sublevel complex at t has the homology of the path
// complex of G_t built directly.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "topospec/hypergraph/path_complex.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/persistence.hpp"
#include "topospec/topology/spectrum.hpp"
#include "property/random_complexes.hpp"

namespace topospec {
namespace {

std::vector<std::size_t> betti(const ChainComplex& c, int max_dim,
                               Coefficients k = Coefficients::rationals()) {
  HomologyOptions o;
  o.coefficients = k;
  o.max_dim = max_dim;
  return homology(c, o).betti;
}

InfimumComplex build(const Digraph& g, int top, PathTheory theory = PathTheory::Regular,
                     std::uint32_t modulus = 0) {
  PathComplexOptions o;
  o.top = top;
  o.theory = theory;
  o.modulus = modulus;
  return path_complex(g, o);
}

// A random digraph on ≤ 6 vertices, with 2-cycles, optionally weighted by small integers.
Digraph random_digraph(bool weighted) {
  const int n = *rc::gen::inRange(1, 7);
  std::vector<Arc> arcs;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (i != j && *rc::gen::inRange(0, 100) < 40)
        arcs.push_back({i, j, weighted ? std::optional<double>(*rc::gen::inRange(0, 4)) : std::nullopt});
  return Digraph::from_arcs(static_cast<std::size_t>(n), arcs);
}

// Layered complete digraph K_{n0,…,nk}: only β̃_k = Π(n_i − 1) (GLMY join Künneth).
RC_GTEST_PROP(PathHomologyProperties, LayeredCompleteDigraphs, ()) {
  const int layers = *rc::gen::inRange(2, 5);
  std::vector<int> sizes;
  int total = 0;
  for (int i = 0; i < layers; ++i) {
    sizes.push_back(*rc::gen::inRange(2, layers == 4 ? 3 : 4));
    total += sizes.back();
  }
  std::vector<Arc> arcs;
  int start = 0;
  for (int i = 0; i + 1 < layers; ++i) {
    for (int a = 0; a < sizes[i]; ++a)
      for (int b = 0; b < sizes[i + 1]; ++b) arcs.push_back({start + a, start + sizes[i] + b, std::nullopt});
    start += sizes[i];
  }
  const Digraph g = Digraph::from_arcs(static_cast<std::size_t>(total), arcs);
  const int k = layers - 1;
  std::vector<std::size_t> want(static_cast<std::size_t>(k + 1), 0);
  want[0] = 1;
  std::size_t product = 1;
  for (int s : sizes) product *= static_cast<std::size_t>(s - 1);
  want[static_cast<std::size_t>(k)] = product;
  RC_ASSERT(betti(build(g, k + 1).chains, k) == want);
}

// Every orientation of C_n: C_3 — 6 acyclic ones (1,0), 2 cyclic (1,1); C_4 — only the 4
// "squares" (two directed paths of length 2) give (1,0); C_5, C_6 — always (1,1).
TEST(PathHomologyProperties, CycleOrientations) {
  for (int n = 3; n <= 6; ++n) {
    int trivial = 0;
    for (int mask = 0; mask < (1 << n); ++mask) {
      std::vector<Arc> arcs;
      for (int i = 0; i < n; ++i) {
        const int j = (i + 1) % n;
        arcs.push_back(mask >> i & 1 ? Arc{i, j, std::nullopt} : Arc{j, i, std::nullopt});
      }
      const auto b = betti(build(Digraph::from_arcs(static_cast<std::size_t>(n), arcs), 2).chains, 1);
      ASSERT_EQ(b[0], 1u);
      if (b[1] == 0) ++trivial;
    }
    EXPECT_EQ(trivial, n == 3 ? 6 : n == 4 ? 4 : 0) << "C_" << n;
  }
}

// Cycle networks (pypph cycleNet.py) N = 3 … 8: a single H_1 bar [1, ⌈N/2⌉).
TEST(PathHomologyProperties, CycleNetworkBars) {
  for (int n = 3; n <= 8; ++n) {
    std::vector<Arc> arcs;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j)
        if (i != j) arcs.push_back({i, j, static_cast<double>(((j - i) % n + n) % n)});
    PersistenceOptions o;
    o.max_dim = 1;
    const Barcode b = persistence(build(Digraph::from_arcs(static_cast<std::size_t>(n), arcs), 2).chains, o);
    ASSERT_EQ(b.degree(1).size(), 1u) << "N = " << n;
    EXPECT_EQ(b.degree(1)[0].birth, 1.0);
    EXPECT_EQ(b.degree(1)[0].death, std::ceil(n / 2.0)) << "N = " << n;
  }
}

RC_GTEST_PROP(PathHomologyProperties, OmegaBettiEqualsRankOnlyBetti, ()) {
  const Digraph g = random_digraph(false);
  const PathTheory theory = *rc::gen::element(PathTheory::Regular, PathTheory::NonRegular);
  const int max_dim = 3;
  RC_ASSERT(betti(build(g, max_dim + 1, theory).chains, max_dim) ==
            path_betti_by_ranks(g, max_dim, theory));
  const Coefficients f2 = Coefficients::prime_field(2);
  RC_ASSERT(betti(build(g, max_dim + 1, theory, 2).chains, max_dim, f2) ==
            path_betti_by_ranks(g, max_dim, theory, f2));
  // Over Z the free ranks are the rational Betti numbers.
  RC_ASSERT(betti(build(g, max_dim + 1, theory).chains, max_dim, Coefficients::integers()) ==
            path_betti_by_ranks(g, max_dim, theory));
}

RC_GTEST_PROP(PathHomologyProperties, BoundarySquaresToZeroAndNullityIsBetti, ()) {
  const Digraph g = random_digraph(false);
  const InfimumComplex p = build(g, 4);
  const ChainComplex& c = p.chains;
  for (int q = 1; q < c.top_degree(); ++q) {
    const IntegerMatrix dd = c.boundary(q) * c.boundary(q + 1);
    RC_ASSERT(dd.norm() == 0);
    const RealMatrix rr = c.real_boundary(q) * c.real_boundary(q + 1);
    RC_ASSERT(rr.norm() < 1e-10);
  }
  const auto b = betti(c, 3);
  for (int q = 0; q <= 3; ++q) {
    if (c.dim(q) == 0) continue;
    const RealMatrix l = hodge_laplacian(c, q);
    RC_ASSERT(numeric_nullity(full_spectrum(l), zero_threshold(l, {})) == b[static_cast<std::size_t>(q)]);
  }
}

RC_GTEST_PROP(PathHomologyProperties, RelabellingChangesNoSpectrum, ()) {
  const Digraph g = random_digraph(false);
  std::vector<VertexId> ids(g.vertex_count());
  std::iota(ids.begin(), ids.end(), 0);
  const std::vector<VertexId> perm = test::shuffled(ids);
  std::vector<Arc> arcs;
  for (const auto& a : g.arcs()) arcs.push_back({perm[a.tail] * 7 + 3, perm[a.head] * 7 + 3, std::nullopt});
  std::vector<VertexId> relabelled;
  for (VertexId v : ids) relabelled.push_back(perm[static_cast<std::size_t>(v)] * 7 + 3);
  const Digraph h = Digraph::from_arcs(relabelled, arcs);
  const InfimumComplex pg = build(g, 3), ph = build(h, 3);
  for (int q = 0; q <= 2; ++q) {
    RC_ASSERT(pg.chains.dim(q) == ph.chains.dim(q));
    if (pg.chains.dim(q) == 0) continue;
    std::vector<double> a = full_spectrum(hodge_laplacian(pg.chains, q));
    std::vector<double> b = full_spectrum(hodge_laplacian(ph.chains, q));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    for (std::size_t i = 0; i < a.size(); ++i) RC_ASSERT(std::abs(a[i] - b[i]) < 1e-9);
  }
}

// The sublevel complex at t of the filtered Ω basis is Ω of G_t (same dims and Betti numbers).
RC_GTEST_PROP(PathHomologyProperties, SublevelIsThePathComplexOfTheSubdigraph, ()) {
  const Digraph g = random_digraph(true);
  const InfimumComplex p = build(g, 3);
  const double t = *rc::gen::inRange(0, 4);
  std::vector<Arc> early;
  for (const auto& a : g.arcs())
    if (a.value <= t) early.push_back({g.vertex_ids()[a.tail], g.vertex_ids()[a.head], std::nullopt});
  const Digraph gt = Digraph::from_arcs(g.vertex_ids(), early);
  const InfimumComplex direct = build(gt, 3);
  const ChainComplex sub = p.chains.sublevel(t);
  for (int q = 0; q <= 3; ++q) RC_ASSERT(sub.dim(q) == direct.chains.dim(q));
  RC_ASSERT(betti(sub, 2) == betti(direct.chains, 2));
}

}  // namespace
}  // namespace topospec

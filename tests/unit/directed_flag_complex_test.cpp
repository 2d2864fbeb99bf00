// Directed flag complexes on hand-checked digraphs: flagser's reference cases (REFERENCE §3.6,
// flagser test/base.h), complete digraphs (β_{n−1} = 2, 9, 44, 1854 for n = 3, 4, 5, 7 and
// n!/(n−q−1)! q-simplices), orientation and labels, filtration values, limits.
#include "topospec/hypergraph/directed_flag_complex.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "topospec/topology/error.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {
namespace {

using Sizes = std::vector<std::size_t>;

Digraph digraph(std::size_t n, const std::vector<std::pair<VertexId, VertexId>>& pairs) {
  std::vector<Arc> arcs;
  for (auto [t, h] : pairs) arcs.push_back({t, h, std::nullopt});
  return Digraph::from_arcs(n, arcs);
}

Digraph complete_digraph(std::size_t n) {
  std::vector<std::pair<VertexId, VertexId>> pairs;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (i != j) pairs.emplace_back(static_cast<VertexId>(i), static_cast<VertexId>(j));
  return digraph(n, pairs);
}

// β_0 … β_max_dim over Q of the directed flag complex, built up to max_dim + 1.
Sizes betti(const Digraph& g, int max_dim) {
  DirectedFlagOptions options;
  options.top = max_dim + 1;
  HomologyOptions h;
  h.max_dim = max_dim;
  const HomologyResult r = homology(directed_flag_complex(g, options), h);
  EXPECT_TRUE(r.certain) << r.method;
  return r.betti;
}

// Column j of ∂_q as (label of the face, coefficient), sorted by label.
std::vector<std::pair<CellLabel, std::int64_t>> boundary_terms(const ChainComplex& c, int q,
                                                               std::size_t j) {
  std::vector<std::pair<CellLabel, std::int64_t>> terms;
  const IntegerMatrix& b = c.boundary(q);
  for (IntegerMatrix::InnerIterator it(b, static_cast<Eigen::Index>(j)); it; ++it)
    terms.emplace_back(c.label(q - 1, static_cast<std::size_t>(it.row())), it.value());
  std::sort(terms.begin(), terms.end());
  return terms;
}

std::size_t index_of(const ChainComplex& c, int q, const CellLabel& label) {
  for (std::size_t i = 0; i < c.dim(q); ++i)
    if (c.label(q, i) == label) return i;
  ADD_FAILURE() << "no cell with that label in degree " << q;
  return 0;
}

// ---- flagser's test/base.h cases (all β over Q, REFERENCE §3.6).

TEST(DirectedFlagComplex, FlagserCaseA) {
  const auto g = digraph(5, {{0, 2}, {1, 0}, {2, 1}, {1, 3}, {2, 3}, {3, 4}, {4, 2}});
  EXPECT_EQ(betti(g, 2), (Sizes{1, 2, 0}));
  // flagser's output file for a.flag lists the cell counts 5, 7, 1, 0.
  EXPECT_EQ(directed_flag_counts(g, 3), (Sizes{5, 7, 1, 0}));
}

TEST(DirectedFlagComplex, FlagserCaseB) {
  EXPECT_EQ(betti(digraph(4, {{0, 1}, {1, 2}, {2, 0}, {0, 3}, {1, 3}, {2, 3}}), 2),
            (Sizes{1, 0, 0}));
}

TEST(DirectedFlagComplex, FlagserCaseCIsTheCubeGraph) {
  // 8 vertices, 12 arcs, no directed triangles: β_1 = 12 − 8 + 1.
  const auto g = digraph(8, {{0, 1}, {0, 2}, {0, 4}, {1, 3}, {1, 5}, {2, 3}, {2, 6}, {3, 7},
                             {4, 5}, {4, 6}, {5, 7}, {6, 7}});
  EXPECT_EQ(betti(g, 1), (Sizes{1, 5}));
}

TEST(DirectedFlagComplex, FlagserCaseD) {
  const auto g = digraph(5, {{0, 1}, {1, 2}, {2, 0}, {3, 0}, {3, 1}, {3, 2}, {4, 0}, {4, 1},
                             {4, 2}});
  EXPECT_EQ(betti(g, 2), (Sizes{1, 0, 1}));
}

TEST(DirectedFlagComplex, FlagserCaseE) {
  const auto g = digraph(5, {{0, 1}, {1, 2}, {0, 2}, {3, 0}, {3, 1}, {3, 2}, {4, 0}, {4, 1},
                             {4, 2}});
  EXPECT_EQ(betti(g, 3), (Sizes{1, 0, 0, 0}));
}

TEST(DirectedFlagComplex, FlagserCaseF) {
  EXPECT_EQ(betti(digraph(3, {{0, 1}, {1, 0}, {0, 2}, {2, 0}, {2, 1}}), 2), (Sizes{1, 0, 0}));
}

TEST(DirectedFlagComplex, FlagserCaseD2ReciprocalArcsAreTwoSimplices) {
  const auto g = digraph(2, {{0, 1}, {1, 0}});
  EXPECT_EQ(directed_flag_counts(g, 2), (Sizes{2, 2, 0}));
  EXPECT_EQ(betti(g, 1), (Sizes{1, 1}));
}

// ---- Complete digraphs: n!/(n−q−1)! q-simplices; β_{n−1} = D_n (2, 9, 44, 1854), else trivial.

std::size_t falling(std::size_t n, std::size_t k) {  // n (n−1) … (n−k+1)
  std::size_t r = 1;
  for (std::size_t i = 0; i < k; ++i) r *= n - i;
  return r;
}

void expect_complete(std::size_t n, std::size_t top_betti) {
  const auto g = complete_digraph(n);
  DirectedFlagOptions options;
  options.top = static_cast<int>(n);  // one past the last nonempty dimension
  const ChainComplex c = directed_flag_complex(g, options);
  ASSERT_EQ(c.top_degree(), static_cast<int>(n) - 1);
  for (std::size_t q = 0; q < n; ++q) EXPECT_EQ(c.dim(static_cast<int>(q)), falling(n, q + 1));
  Sizes expected(n, 0);
  expected[0] = 1;
  expected[n - 1] = top_betti;
  EXPECT_EQ(homology(c).betti, expected) << "n = " << n;
}

TEST(DirectedFlagComplex, CompleteDigraphs) {
  expect_complete(3, 2);
  expect_complete(4, 9);
  expect_complete(5, 44);
}

TEST(DirectedFlagComplex, CompleteDigraphOnSevenVertices) { expect_complete(7, 1854); }

TEST(DirectedFlagComplex, CountsMatchTheComplexAndStopAtTop) {
  const auto g = complete_digraph(5);
  EXPECT_EQ(directed_flag_counts(g, 2), (Sizes{5, 20, 60}));
  DirectedFlagOptions options;
  options.top = 2;
  EXPECT_EQ(directed_flag_complex(g, options).dims(), (Sizes{5, 20, 60}));
  EXPECT_EQ(directed_flag_counts(g, 6), (Sizes{5, 20, 60, 120, 120, 0, 0}));
}

// ---- Orientation and labels.

TEST(DirectedFlagComplex, BoundaryDeletesEachPositionWithAlternatingSign) {
  // User ids 20 → 5 → 10 and 20 → 10: the 2-simplex is (20, 5, 10) in directed order, although
  // its ids are not increasing.
  const std::vector<Arc> arcs = {{20, 5, {}}, {5, 10, {}}, {20, 10, {}}};
  const auto g = Digraph::from_arcs({10, 20, 5}, arcs);
  const ChainComplex c = directed_flag_complex(g);
  ASSERT_EQ(c.dims(), (Sizes{3, 3, 1}));
  EXPECT_EQ(c.label(2, 0), (CellLabel{20, 5, 10}));
  // ∂(20, 5, 10) = (5, 10) − (20, 10) + (20, 5)
  EXPECT_EQ(boundary_terms(c, 2, 0),
            (std::vector<std::pair<CellLabel, std::int64_t>>{
                {{5, 10}, 1}, {{20, 5}, 1}, {{20, 10}, -1}}));
  // ∂(20, 5) = (5) − (20)
  EXPECT_EQ(boundary_terms(c, 1, index_of(c, 1, {20, 5})),
            (std::vector<std::pair<CellLabel, std::int64_t>>{{{5}, 1}, {{20}, -1}}));
}

TEST(DirectedFlagComplex, ReciprocalArcsHaveOppositeBoundaries) {
  const auto g = digraph(2, {{0, 1}, {1, 0}});
  const ChainComplex c = directed_flag_complex(g);
  EXPECT_EQ(boundary_terms(c, 1, index_of(c, 1, {0, 1})),
            (std::vector<std::pair<CellLabel, std::int64_t>>{{{0}, -1}, {{1}, 1}}));
  EXPECT_EQ(boundary_terms(c, 1, index_of(c, 1, {1, 0})),
            (std::vector<std::pair<CellLabel, std::int64_t>>{{{0}, 1}, {{1}, -1}}));
}

TEST(DirectedFlagComplex, ACycleHasNoTwoSimplices) {
  // 0 → 1 → 2 → 0 is not a directed clique (no vertex is a source of the other two).
  const auto g = digraph(3, {{0, 1}, {1, 2}, {2, 0}});
  EXPECT_EQ(directed_flag_counts(g, 2), (Sizes{3, 3, 0}));
  EXPECT_EQ(betti(g, 1), (Sizes{1, 1}));
}

TEST(DirectedFlagComplex, EmptyAndEdgelessDigraphs) {
  EXPECT_EQ(directed_flag_complex(Digraph::from_arcs(0, {})).top_degree(), -1);
  const ChainComplex points = directed_flag_complex(Digraph::from_arcs(4, {}));
  EXPECT_EQ(points.dims(), (Sizes{4}));
  EXPECT_FALSE(points.filtered());
  EXPECT_EQ(homology(points).betti, (Sizes{4}));
}

// ---- Filtration values.

TEST(DirectedFlagComplex, ValuesAreTheLargestArcEntryValue) {
  // Arc weights 1, 3, 2 and vertex values 0, 0, 4 (vertex 2 enters at 4, so do its arcs).
  const std::vector<Arc> arcs = {{0, 1, 1.0}, {1, 2, 3.0}, {0, 2, 2.0}, {1, 0, 0.5}};
  const auto g = Digraph::from_arcs(3, arcs, {0.0, 0.0, 4.0});
  const ChainComplex c = directed_flag_complex(g);
  ASSERT_TRUE(c.filtered());
  auto value = [&](int q, const CellLabel& l) { return c.values()[q][index_of(c, q, l)]; };
  EXPECT_EQ(value(0, {0}), 0.0);
  EXPECT_EQ(value(0, {2}), 4.0);
  EXPECT_EQ(value(1, {0, 1}), 1.0);
  EXPECT_EQ(value(1, {1, 0}), 0.5);
  EXPECT_EQ(value(1, {1, 2}), 4.0);
  EXPECT_EQ(value(2, {0, 1, 2}), 4.0);
  EXPECT_EQ(value(2, {1, 0, 2}), 4.0);
  // Without vertex values the 2-simplex (0, 1, 2) enters with its heaviest arc, 1 → 2.
  const ChainComplex d = directed_flag_complex(Digraph::from_arcs(3, arcs));
  EXPECT_EQ(d.values()[2][index_of(d, 2, {0, 1, 2})], 3.0);
  EXPECT_EQ(d.values()[2][index_of(d, 2, {1, 0, 2})], 3.0);
  EXPECT_EQ(d.sublevel(1.0).dims(), (Sizes{3, 2}));  // 0 ⇄ 1 only
}

TEST(DirectedFlagComplex, UnweightedDigraphIsNotFiltered) {
  EXPECT_FALSE(directed_flag_complex(complete_digraph(3)).filtered());
}

// ---- Limits and options.

TEST(DirectedFlagComplex, TooManySimplicesIsAResourceLimitWithTheCount) {
  DirectedFlagOptions options;
  options.top = 4;
  options.max_simplices = 100;
  try {
    directed_flag_complex(complete_digraph(5), options);
    FAIL() << "no ResourceLimit";
  } catch (const ResourceLimit& e) {
    // 5 + 20 + 60 + 120 + 120 simplices
    EXPECT_NE(std::string(e.what()).find("325"), std::string::npos) << e.what();
  }
  options.max_simplices = 325;
  EXPECT_EQ(directed_flag_complex(complete_digraph(5), options).dims().size(), 5u);
}

TEST(DirectedFlagComplex, NegativeTopIsInvalid) {
  DirectedFlagOptions options;
  options.top = -1;
  EXPECT_THROW(directed_flag_complex(complete_digraph(3), options), InvalidInput);
  EXPECT_THROW(directed_flag_counts(complete_digraph(3), -1), InvalidInput);
}

TEST(DirectedFlagComplex, ProgressIsReportedAndCanCancel) {
  DirectedFlagOptions options;
  std::size_t calls = 0;
  options.progress = [&](std::string_view, std::size_t, std::size_t) { return ++calls < 1000; };
  directed_flag_complex(complete_digraph(4), options);
  EXPECT_GT(calls, 0u);
  options.progress = [](std::string_view, std::size_t, std::size_t) { return false; };
  EXPECT_THROW(directed_flag_complex(complete_digraph(4), options), Error);
}

}  // namespace
}  // namespace topospec

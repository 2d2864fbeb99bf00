// Properties of directed flag complexes on random digraphs: ∂∂ = 0, simplex counts against a
// brute-force enumeration of vertex sequences, Euler characteristic from counts and from Betti
// numbers, filtration values, invariance under relabelling, and agreement with the simplicial
// clique complex when every arc goes from a smaller to a larger vertex.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "property/random_complexes.hpp"
#include "topospec/hypergraph/directed_flag_complex.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {
namespace {

using Sizes = std::vector<std::size_t>;

// A random digraph on 1 … 8 vertices with ids 0 … n−1: each ordered pair is an arc with a
// generated density, reciprocal pairs included; weights in {0, …, 4} when `weighted`.
std::vector<Arc> random_arcs(std::size_t n, bool weighted) {
  const int density = *rc::gen::inRange(10, 95);
  std::vector<Arc> arcs;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (i != j && *rc::gen::inRange(0, 100) < density) {
        Arc a{static_cast<VertexId>(i), static_cast<VertexId>(j), std::nullopt};
        if (weighted) a.weight = *rc::gen::inRange(0, 5);
        arcs.push_back(a);
      }
  return arcs;
}

// Brute force: every sequence of distinct vertices with an arc from each to every later one,
// found by trying every next vertex (no candidate lists, no intersections).
Sizes brute_force_counts(const Digraph& g, int top) {
  Sizes counts(static_cast<std::size_t>(top) + 1, 0);
  std::vector<std::size_t> path;
  auto grow = [&](auto&& self) -> void {
    ++counts[path.size() - 1];
    if (static_cast<int>(path.size()) > top) return;
    for (std::size_t w = 0; w < g.vertex_count(); ++w) {
      if (std::find(path.begin(), path.end(), w) != path.end()) continue;
      if (!std::all_of(path.begin(), path.end(), [&](std::size_t v) { return g.has_arc(v, w); }))
        continue;
      path.push_back(w);
      self(self);
      path.pop_back();
    }
  };
  for (std::size_t v = 0; v < g.vertex_count(); ++v) {
    path = {v};
    grow(grow);
  }
  return counts;
}

Sizes betti(const ChainComplex& c, int max_dim) {
  HomologyOptions o;
  o.max_dim = max_dim;
  return homology(c, o).betti;
}

RC_GTEST_PROP(DirectedFlagProperties, BoundaryOfBoundaryIsZero, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 9);
  const auto arcs = random_arcs(n, false);
  const ChainComplex c = directed_flag_complex(Digraph::from_arcs(n, arcs));
  for (int q = 2; q <= c.top_degree(); ++q) {
    const IntegerMatrix dd = c.boundary(q - 1) * c.boundary(q);
    RC_ASSERT(IntegerMatrix(dd.pruned()).nonZeros() == 0);
  }
}

RC_GTEST_PROP(DirectedFlagProperties, CountsMatchBruteForceAndTheComplex, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 8);
  const int top = *rc::gen::inRange(0, 7);
  const Digraph g = Digraph::from_arcs(n, random_arcs(n, false));
  const Sizes expected = brute_force_counts(g, top);
  RC_ASSERT(directed_flag_counts(g, top) == expected);
  DirectedFlagOptions options;
  options.top = top;
  Sizes dims = directed_flag_complex(g, options).dims();
  dims.resize(expected.size(), 0);  // the complex stops at its last nonempty degree
  RC_ASSERT(dims == expected);
}

RC_GTEST_PROP(DirectedFlagProperties, EulerCharacteristicFromCountsAndFromBetti, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 9);
  const Digraph g = Digraph::from_arcs(n, random_arcs(n, false));
  DirectedFlagOptions options;
  options.top = static_cast<int>(n) - 1;  // every simplex: the whole complex
  const ChainComplex c = directed_flag_complex(g, options);
  const Sizes counts = directed_flag_counts(g, options.top);
  std::int64_t from_counts = 0, from_betti = 0;
  for (std::size_t q = 0; q < counts.size(); ++q)
    from_counts += (q % 2 == 0 ? 1 : -1) * static_cast<std::int64_t>(counts[q]);
  const Sizes b = betti(c, c.top_degree());
  for (std::size_t q = 0; q < b.size(); ++q)
    from_betti += (q % 2 == 0 ? 1 : -1) * static_cast<std::int64_t>(b[q]);
  RC_ASSERT(c.euler_characteristic() == from_counts);
  RC_ASSERT(from_betti == from_counts);
}

// The value of a simplex is the largest entry value of its arcs (its vertex's for q = 0), so it
// is at least each face's value: the complex is a filtration.
RC_GTEST_PROP(DirectedFlagProperties, ValuesAreLargestArcValuesAndMonotone, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(2, 8);
  auto arcs = random_arcs(n, true);
  arcs.push_back({0, 1, 7.0});  // weighted for sure
  const Digraph g = Digraph::from_arcs(n, arcs);
  const ChainComplex c = directed_flag_complex(g);
  RC_ASSERT(c.filtered());
  for (int q = 0; q <= c.top_degree(); ++q)
    for (std::size_t i = 0; i < c.dim(q); ++i) {
      const CellLabel s = c.label(q, i);
      double expected = q == 0 ? g.vertex_value(*g.vertex_index(s[0])) : 0.0;
      for (std::size_t a = 0; a < s.size(); ++a)
        for (std::size_t b = a + 1; b < s.size(); ++b)
          expected = std::max(expected, g.arc_value(*g.vertex_index(s[a]), *g.vertex_index(s[b])));
      RC_ASSERT(c.values()[q][i] == expected);
      if (q > 0)
        for (IntegerMatrix::InnerIterator it(c.boundary(q), static_cast<Eigen::Index>(i)); it; ++it)
          RC_ASSERT(c.values()[q - 1][static_cast<std::size_t>(it.row())] <= c.values()[q][i]);
    }
}

RC_GTEST_PROP(DirectedFlagProperties, RelabellingChangesNothing, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 9);
  const auto arcs = random_arcs(n, false);
  std::vector<VertexId> map(n);
  std::iota(map.begin(), map.end(), 0);
  for (VertexId& v : map) v *= 3;  // ids need not be 0 … n−1
  map = test::shuffled(map);
  std::vector<Arc> relabelled = arcs;
  for (Arc& a : relabelled) a = {map[a.tail], map[a.head], std::nullopt};
  const ChainComplex c = directed_flag_complex(Digraph::from_arcs(n, arcs));
  const ChainComplex d =
      directed_flag_complex(Digraph::from_arcs(std::vector<VertexId>(map), relabelled));
  RC_ASSERT(c.dims() == d.dims());
  RC_ASSERT(betti(c, c.top_degree() - 1) == betti(d, d.top_degree() - 1));
}

// Arcs only from smaller to larger vertices: the directed cliques are the cliques of the
// underlying graph listed in increasing order, so the complex is its clique (flag) complex,
// built here independently as a SimplicialComplex from every clique found by brute force.
RC_GTEST_PROP(DirectedFlagProperties, AcyclicOrientationGivesTheCliqueComplex, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 10);
  const int density = *rc::gen::inRange(20, 90);
  std::vector<Arc> arcs;
  std::vector<std::vector<bool>> adjacent(n, std::vector<bool>(n, false));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (*rc::gen::inRange(0, 100) < density) {
        arcs.push_back({static_cast<VertexId>(i), static_cast<VertexId>(j), std::nullopt});
        adjacent[i][j] = adjacent[j][i] = true;
      }
  std::vector<Simplex> cliques;
  for (std::uint32_t mask = 1; mask < (1u << n); ++mask) {
    Simplex s;
    for (std::size_t v = 0; v < n; ++v)
      if (mask >> v & 1) s.push_back(static_cast<VertexId>(v));
    bool clique = true;
    for (std::size_t a = 0; a < s.size() && clique; ++a)
      for (std::size_t b = a + 1; b < s.size() && clique; ++b) clique = adjacent[s[a]][s[b]];
    if (clique) cliques.push_back(s);
  }
  const SimplicialComplex k = SimplicialComplex::from_simplices(cliques);
  DirectedFlagOptions options;
  options.top = static_cast<int>(n);
  const ChainComplex c = directed_flag_complex(Digraph::from_arcs(n, arcs), options);
  RC_ASSERT(c.dims() == k.f_vector());
  RC_ASSERT(betti(c, c.top_degree()) == betti(chain_complex(k), k.dimension()));
}

}  // namespace
}  // namespace topospec

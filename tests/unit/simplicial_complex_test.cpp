// SimplicialComplex: closure, user ids, lookup, facets/cofacets, errors, the empty complex.
#include "topospec/topology/simplicial_complex.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

using Indices = std::vector<std::int32_t>;

Indices as_vector(std::span<const std::int32_t> s) { return Indices(s.begin(), s.end()); }

// The InvalidInput thrown by building `simplices` (fails the test if none is thrown).
InvalidInput invalid_input_of(const std::vector<Simplex>& simplices) {
  try {
    SimplicialComplex::from_simplices(simplices);
  } catch (const InvalidInput& e) {
    return e;
  }
  ADD_FAILURE() << "no InvalidInput thrown";
  return InvalidInput("", "");
}

TEST(SimplicialComplex, ClosureOfATriangleAndAnEdge) {
  // {0,1,2} brings 3 edges and 3 vertices; {2,3} adds one edge and vertex 3.
  const auto k = SimplicialComplex::from_simplices({{0, 1, 2}, {2, 3}});
  EXPECT_EQ(k.dimension(), 2);
  EXPECT_EQ(k.f_vector(), (std::vector<std::size_t>{4, 4, 1}));
  EXPECT_EQ(k.total_size(), 9u);
  EXPECT_EQ(k.num_vertices(), 4u);
  EXPECT_EQ(k.size(3), 0u);
  EXPECT_EQ(k.size(-1), 0u);
}

TEST(SimplicialComplex, ClosureOfATetrahedronIsAllItsFaces) {
  const auto k = SimplicialComplex::from_simplices({{3, 1, 0, 2}});
  EXPECT_EQ(k.f_vector(), (std::vector<std::size_t>{4, 6, 4, 1}));
}

TEST(SimplicialComplex, DuplicatesAndListedFacesAreCountedOnce) {
  const auto k = SimplicialComplex::from_simplices({{0, 1}, {1, 0}, {0, 1, 2}, {2}, {2, 1, 0}});
  EXPECT_EQ(k.f_vector(), (std::vector<std::size_t>{3, 3, 1}));
}

TEST(SimplicialComplex, SimplicesAreStoredSortedAndLexicographic) {
  const auto k = SimplicialComplex::from_simplices({{4, 2, 0}, {3, 1}, {0, 3}});
  for (int q = 0; q <= k.dimension(); ++q) {
    for (std::size_t i = 0; i < k.size(q); ++i) {
      const Indices s = as_vector(k.simplex(q, i));
      EXPECT_TRUE(std::is_sorted(s.begin(), s.end()));
      if (i > 0) {
        EXPECT_LT(as_vector(k.simplex(q, i - 1)), s);
      }
    }
  }
  EXPECT_EQ(k.simplex_ids(2, 0), (Simplex{0, 2, 4}));
  // Edges of {0,2,4}, {1,3}, {0,3} in lexicographic order.
  std::vector<Simplex> edges;
  for (std::size_t i = 0; i < k.size(1); ++i) edges.push_back(k.simplex_ids(1, i));
  EXPECT_EQ(edges, (std::vector<Simplex>{{0, 2}, {0, 3}, {0, 4}, {1, 3}, {2, 4}}));
}

TEST(SimplicialComplex, UserIdsAreKept) {
  const VertexId big = 1000000000000;  // above 2^32: ids are 64-bit
  const auto k = SimplicialComplex::from_simplices({{big, 10}, {10, 20, 30}});
  EXPECT_EQ(k.vertex_ids(), (std::vector<VertexId>{10, 20, 30, big}));
  EXPECT_EQ(k.vertex_index(10), 0);
  EXPECT_EQ(k.vertex_index(big), 3);
  EXPECT_FALSE(k.vertex_index(11).has_value());
  EXPECT_FALSE(k.vertex_index(-1).has_value());
  // Simplices come back in user ids, increasing.
  const auto e = k.find({big, 10});
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(k.simplex_ids(1, *e), (Simplex{10, big}));
  EXPECT_EQ(k.simplex_ids(2, 0), (Simplex{10, 20, 30}));
  EXPECT_EQ(k.f_vector(), (std::vector<std::size_t>{4, 4, 1}));
}

TEST(SimplicialComplex, FindAndIndexOfAgreeWithStorage) {
  const auto k = SimplicialComplex::from_simplices({{0, 1, 2, 3}, {3, 4, 5}, {5, 6}, {7}});
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) {
      EXPECT_EQ(k.index_of(k.simplex(q, i)), i);
      Simplex ids = k.simplex_ids(q, i);
      EXPECT_EQ(k.find(ids), i);
      std::reverse(ids.begin(), ids.end());  // any order of the ids
      EXPECT_EQ(k.find(ids), i);
    }
  EXPECT_FALSE(k.find({0, 4}).has_value());           // both vertices exist, the edge does not
  EXPECT_FALSE(k.find({2, 3, 4}).has_value());        // edge 24 is absent
  EXPECT_FALSE(k.find({3, 5, 6}).has_value());        // edges 35, 56 exist, 36 does not
  EXPECT_FALSE(k.find({0, 0}).has_value());           // repeated vertex
  EXPECT_FALSE(k.find({0, 99}).has_value());          // unknown vertex
  EXPECT_FALSE(k.find({}).has_value());               // empty
  EXPECT_FALSE(k.find({0, 1, 2, 3, 4}).has_value());  // above the top dimension
  const Indices missing = {1, 4};
  EXPECT_FALSE(k.index_of(missing).has_value());
}

TEST(SimplicialComplex, FacetsDropOneVertexEach) {
  const auto k = SimplicialComplex::from_simplices({{0, 1, 2, 3}, {2, 3, 4}});
  std::vector<std::size_t> out;
  for (int q = 1; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) {
      k.facets(q, i, out);
      ASSERT_EQ(out.size(), static_cast<std::size_t>(q + 1));
      const Indices s = as_vector(k.simplex(q, i));
      for (int j = 0; j <= q; ++j) {
        Indices face = s;
        face.erase(face.begin() + j);
        EXPECT_EQ(as_vector(k.simplex(q - 1, out[j])), face) << "q=" << q << " i=" << i;
      }
    }
  k.facets(0, 0, out);
  EXPECT_TRUE(out.empty());
}

TEST(SimplicialComplex, CofacetsMatchABruteForceScan) {
  const auto k = SimplicialComplex::from_simplices(
      {{0, 1, 2, 3}, {1, 2, 4}, {2, 4, 5}, {4, 5, 6}, {6, 7}, {0, 7}, {8}});
  std::vector<std::size_t> facets;
  for (int q = 0; q < k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) {
      const Indices face = as_vector(k.simplex(q, i));
      std::vector<std::uint32_t> expected;
      for (std::size_t j = 0; j < k.size(q + 1); ++j) {
        const Indices co = as_vector(k.simplex(q + 1, j));
        if (std::includes(co.begin(), co.end(), face.begin(), face.end()))
          expected.push_back(static_cast<std::uint32_t>(j));
      }
      auto got = k.cofacets(q, i);
      EXPECT_EQ(std::vector<std::uint32_t>(got.begin(), got.end()), expected)
          << "q=" << q << " i=" << i;
      // Each cofacet lists this face among its facets.
      for (std::uint32_t j : got) {
        k.facets(q + 1, j, facets);
        EXPECT_NE(std::find(facets.begin(), facets.end(), i), facets.end());
      }
    }
  // Top-dimensional simplices and out-of-range degrees have no cofacets.
  EXPECT_TRUE(k.cofacets(k.dimension(), 0).empty());
  EXPECT_TRUE(k.cofacets(-1, 0).empty());
  // Vertex 8 is isolated; vertex 2 lies on edges 01..: 02, 12, 23, 24, 25.
  EXPECT_TRUE(k.cofacets(0, *k.find({8})).empty());
  EXPECT_EQ(k.cofacets(0, *k.find({2})).size(), 5u);
}

TEST(SimplicialComplex, EmptySimplexIsAnErrorNamingItsPosition) {
  const auto e = invalid_input_of({{0, 1}, {}});
  EXPECT_EQ(e.where(), "/1");
}

TEST(SimplicialComplex, NegativeIdIsAnErrorNamingTheEntry) {
  const auto e = invalid_input_of({{0, 1}, {2, 3}, {4, -5, 6}});
  EXPECT_EQ(e.where(), "/2/1");
  EXPECT_NE(std::string(e.what()).find("-5"), std::string::npos);
}

TEST(SimplicialComplex, RepeatedVertexIsAnErrorNamingTheSimplex) {
  const auto e = invalid_input_of({{0, 1, 2}, {3, 4, 3}});
  EXPECT_EQ(e.where(), "/1");
  EXPECT_NE(std::string(e.what()).find("repeated"), std::string::npos);
}

TEST(SimplicialComplex, HugeClosureIsAResourceLimit) {
  // A 70-vertex simplex has 2^70 − 1 faces: refused before allocating.
  Simplex big(70);
  for (int i = 0; i < 70; ++i) big[i] = i;
  EXPECT_THROW(SimplicialComplex::from_simplices({big}), ResourceLimit);
  // The budget is a parameter: a tetrahedron has 15 faces.
  const std::vector<Simplex> tet = {{0, 1, 2, 3}};
  EXPECT_THROW(SimplicialComplex::from_simplices(tet, 14), ResourceLimit);
  EXPECT_EQ(SimplicialComplex::from_simplices(tet, 15).total_size(), 15u);
}

TEST(SimplicialComplex, EmptyComplex) {
  for (const SimplicialComplex& k :
       {SimplicialComplex(), SimplicialComplex::from_simplices(std::span<const Simplex>())}) {
    EXPECT_EQ(k.dimension(), -1);
    EXPECT_EQ(k.total_size(), 0u);
    EXPECT_TRUE(k.f_vector().empty());
    EXPECT_EQ(k.num_vertices(), 0u);
    EXPECT_EQ(k.size(0), 0u);
    EXPECT_FALSE(k.find({0}).has_value());
    EXPECT_FALSE(k.vertex_index(0).has_value());
    EXPECT_TRUE(k.cofacets(0, 0).empty());
  }
}

TEST(SimplicialComplex, VerticesOnly) {
  const auto k = SimplicialComplex::from_simplices({{5}, {3}, {5}});
  EXPECT_EQ(k.dimension(), 0);
  EXPECT_EQ(k.f_vector(), (std::vector<std::size_t>{2}));
  EXPECT_EQ(k.vertex_ids(), (std::vector<VertexId>{3, 5}));
}

}  // namespace
}  // namespace topospec

#include "topospec/topology/filtration.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

// Value of the simplex with these user ids; fails the test when absent.
double value_of(const FilteredComplex& f, const Simplex& s) {
  const auto i = f.complex.find(s);
  if (!i) {
    ADD_FAILURE() << "simplex missing";
    return std::numeric_limits<double>::quiet_NaN();
  }
  return f.values[s.size() - 1][*i];
}

// Expects an InvalidInput from `fn` with this place and these fragments in its message.
template <class Fn>
void expect_invalid(Fn fn, const std::string& where, std::vector<std::string> fragments) {
  try {
    fn();
    ADD_FAILURE() << "no InvalidInput thrown (expected at " << where << ")";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), where) << e.what();
    for (const auto& f : fragments)
      EXPECT_NE(std::string(e.what()).find(f), std::string::npos)
          << "'" << f << "' not in: " << e.what();
  }
}

// ---------------------------------------------------------------- filtered_complex

TEST(FilteredComplex, BuildsTriangleWithValuesInComplexOrder) {
  // Listed out of order, with unsorted vertex ids.
  std::vector<FilteredSimplex> in = {
      {{2, 1, 0}, 3}, {{1, 0}, 1},   {{7}, 0},
      {{0}, 0},       {{2}, 1},      {{2, 0}, 2},
      {{1}, 0},       {{1, 2}, 2.5}, {{7, 2}, std::numeric_limits<double>::infinity()}};
  const FilteredComplex f = filtered_complex(in);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{4, 4, 1}));
  EXPECT_EQ(value_of(f, {0}), 0);
  EXPECT_EQ(value_of(f, {2}), 1);
  EXPECT_EQ(value_of(f, {0, 1}), 1);
  EXPECT_EQ(value_of(f, {0, 2}), 2);
  EXPECT_EQ(value_of(f, {1, 2}), 2.5);
  EXPECT_TRUE(std::isinf(value_of(f, {2, 7})));
  EXPECT_EQ(value_of(f, {0, 1, 2}), 3);
  // values[q][i] follows the complex's (q, i) order.
  for (int q = 0; q <= f.complex.dimension(); ++q)
    for (std::size_t i = 0; i < f.complex.size(q); ++i) {
      const Simplex s = f.complex.simplex_ids(q, i);
      double expected = -1;
      for (const auto& e : in) {
        Simplex t = e.simplex;
        std::sort(t.begin(), t.end());
        if (t == s) expected = e.value;
      }
      EXPECT_EQ(f.values[q][i], expected);
    }
  EXPECT_EQ(f.distinct_values(),
            (std::vector<double>{0, 1, 2, 2.5, 3, std::numeric_limits<double>::infinity()}));
  const ChainComplex c = f.chain_complex();
  EXPECT_TRUE(c.filtered());
  EXPECT_EQ(c.dims(), (std::vector<std::size_t>{4, 4, 1}));
  EXPECT_EQ(c.values(), f.values);
  const ChainComplex k1 = c.sublevel(1.0);
  EXPECT_EQ(k1.dim(0), 4u);
  EXPECT_EQ(k1.dim(1), 1u);
  EXPECT_EQ(k1.dim(2), 0u);
}

TEST(FilteredComplex, EqualDuplicatesAreMerged) {
  std::vector<FilteredSimplex> in = {{{0}, 0}, {{1}, 0.5}, {{0, 1}, 1}, {{1, 0}, 1}, {{1}, 0.5}};
  const FilteredComplex f = filtered_complex(in);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{2, 1}));
  EXPECT_EQ(value_of(f, {1}), 0.5);
}

TEST(FilteredComplex, EmptyInputGivesEmptyComplex) {
  const FilteredComplex f = filtered_complex({});
  EXPECT_EQ(f.complex.dimension(), -1);
  EXPECT_TRUE(f.values.empty());
  EXPECT_TRUE(f.distinct_values().empty());
}

TEST(FilteredComplex, MissingFaceNamesSimplexAndFace) {
  std::vector<FilteredSimplex> in = {{{0}, 0},    {{1}, 0},    {{2}, 0},
                                     {{0, 1}, 1}, {{1, 2}, 1}, {{0, 1, 2}, 2}};
  expect_invalid([&] { filtered_complex(in); }, "/5", {"[0,1,2]", "[0,2]", "not listed"});
  std::vector<FilteredSimplex> no_vertex = {{{0}, 0}, {{0, 3}, 1}};
  expect_invalid([&] { filtered_complex(no_vertex); }, "/1", {"[0,3]", "[3]"});
}

TEST(FilteredComplex, FaceAfterCofaceNamesBothSimplicesAndValues) {
  std::vector<FilteredSimplex> in = {{{0}, 0}, {{1}, 2}, {{0, 1}, 1}};
  expect_invalid([&] { filtered_complex(in); }, "/2", {"[0,1]", "[1]", "/1", "value 1", "at 2"});
  std::vector<FilteredSimplex> tri = {{{0}, 0},    {{1}, 0},    {{2}, 0},      {{0, 1}, 1},
                                      {{0, 2}, 1}, {{1, 2}, 4}, {{2, 1, 0}, 3}};
  expect_invalid([&] { filtered_complex(tri); }, "/6", {"[0,1,2]", "[1,2]", "/5", "4", "3"});
}

TEST(FilteredComplex, RejectsNaNConflictingDuplicatesAndBadSimplices) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<FilteredSimplex> a = {{{0}, 0}, {{1}, nan}};
  expect_invalid([&] { filtered_complex(a); }, "/1", {"NaN"});
  std::vector<FilteredSimplex> b = {{{0}, 0}, {{1}, 0}, {{0, 1}, 1}, {{1, 0}, 2}};
  expect_invalid([&] { filtered_complex(b); }, "/3", {"[0,1]", "/2", "2", "1"});
  std::vector<FilteredSimplex> c = {{{0}, 0}, {{}, 0}};
  expect_invalid([&] { filtered_complex(c); }, "/1", {"empty"});
  std::vector<FilteredSimplex> d = {{{-1}, 0}};
  expect_invalid([&] { filtered_complex(d); }, "/0", {"negative"});
  std::vector<FilteredSimplex> e = {{{0}, 0}, {{0, 0}, 0}};
  expect_invalid([&] { filtered_complex(e); }, "/1", {"repeated"});
}

// ---------------------------------------------------------------- Vietoris–Rips

DistanceMatrix rips_demo_distances() {
  // REFERENCE.md §3.1: (0,0), (2,1), (2,1), (3,3), (3,4), with a duplicate point.
  return DistanceMatrix::euclidean(PointCloud::from_rows({{0, 0}, {2, 1}, {2, 1}, {3, 3}, {3, 4}}));
}

TEST(RipsComplex, ReferenceDemoAtThreshold3) {
  const FilteredComplex f = rips_complex(rips_demo_distances(), 2, 3.0);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{5, 6, 2}));
  std::vector<Simplex> edges, triangles;
  for (std::size_t i = 0; i < f.complex.size(1); ++i) edges.push_back(f.complex.simplex_ids(1, i));
  for (std::size_t i = 0; i < f.complex.size(2); ++i)
    triangles.push_back(f.complex.simplex_ids(2, i));
  EXPECT_EQ(edges, (std::vector<Simplex>{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}, {3, 4}}));
  EXPECT_EQ(triangles, (std::vector<Simplex>{{0, 1, 2}, {1, 2, 3}}));
  const double r5 = std::sqrt(5.0);
  EXPECT_EQ(f.values[0], (std::vector<double>(5, 0.0)));
  EXPECT_DOUBLE_EQ(value_of(f, {0, 1}), r5);
  EXPECT_DOUBLE_EQ(value_of(f, {1, 2}), 0.0);
  EXPECT_DOUBLE_EQ(value_of(f, {2, 3}), r5);
  EXPECT_DOUBLE_EQ(value_of(f, {3, 4}), 1.0);
  EXPECT_DOUBLE_EQ(value_of(f, {0, 1, 2}), r5);
  EXPECT_DOUBLE_EQ(value_of(f, {1, 2, 3}), r5);
  // Without a threshold every pair is an edge; dimension capped at 2.
  const FilteredComplex all = rips_complex(rips_demo_distances(), 2);
  EXPECT_EQ(all.complex.f_vector(), (std::vector<std::size_t>{5, 10, 10}));
  EXPECT_DOUBLE_EQ(value_of(all, {0, 3, 4}), 5.0);
}

TEST(RipsComplex, ThresholdIsInclusive) {
  // Points 0, 1, 3 on a line: edges 1, 2, 3.
  const auto d = DistanceMatrix::from_rows({{}, {1}, {3, 2}});
  const FilteredComplex f = rips_complex(d, 2, 2.0);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{3, 2}));
  EXPECT_EQ(value_of(f, {1, 2}), 2.0);
  EXPECT_FALSE(f.complex.find({0, 2}));
  const FilteredComplex g = rips_complex(d, 2, 3.0);
  EXPECT_EQ(g.complex.f_vector(), (std::vector<std::size_t>{3, 3, 1}));
  EXPECT_EQ(value_of(g, {0, 1, 2}), 3.0);
}

TEST(RipsComplex, ThresholdBelowEveryEdgeIsAnError) {
  const auto d = DistanceMatrix::from_rows({{}, {1}, {3, 2}});
  expect_invalid([&] { rips_complex(d, 1, 0.5); }, "max_value", {"0.5", "smallest is 1"});
  expect_invalid([&] { rips_complex(d, 1, -1.0); }, "max_value", {"negative"});
  expect_invalid([&] { rips_complex(d, 1, std::numeric_limits<double>::quiet_NaN()); }, "max_value",
                 {"NaN"});
  expect_invalid([&] { rips_complex(d, -1); }, "max_dim", {"negative"});
  // One point: no edge to miss.
  const FilteredComplex one = rips_complex(DistanceMatrix::from_rows({{}}), 1, 0.5);
  EXPECT_EQ(one.complex.f_vector(), (std::vector<std::size_t>{1}));
}

TEST(RipsComplex, CompleteGraphCountsAndResourceLimit) {
  std::vector<std::vector<double>> rows(7, std::vector<double>(7, 1.0));
  for (std::size_t i = 0; i < 7; ++i) rows[i][i] = 0;
  const auto d = DistanceMatrix::from_rows(rows);
  // C(7,1) + C(7,2) + C(7,3) + C(7,4)
  const FilteredComplex f = rips_complex(d, 3);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{7, 21, 35, 35}));
  for (int q = 1; q <= 3; ++q)
    for (double v : f.values[q]) EXPECT_EQ(v, 1.0);
  EXPECT_EQ(rips_complex(d, 3, std::nullopt, 98).complex.total_size(), 98u);
  EXPECT_THROW(rips_complex(d, 3, std::nullopt, 97), ResourceLimit);
  EXPECT_EQ(rips_complex(d, 0).complex.f_vector(), (std::vector<std::size_t>{7}));
}

TEST(RipsComplex, DiameterConventionOnSquare) {
  // Unit square: sides 1, diagonals √2; every triangle has a diagonal.
  const auto d = DistanceMatrix::euclidean(PointCloud::from_rows({{0, 0}, {1, 0}, {1, 1}, {0, 1}}));
  const FilteredComplex f = rips_complex(d, 3);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{4, 6, 4, 1}));
  EXPECT_DOUBLE_EQ(value_of(f, {0, 1}), 1.0);
  EXPECT_DOUBLE_EQ(value_of(f, {0, 2}), std::sqrt(2.0));
  for (double v : f.values[2]) EXPECT_DOUBLE_EQ(v, std::sqrt(2.0));
  EXPECT_EQ(rips_complex(d, 3, 1.2).complex.f_vector(), (std::vector<std::size_t>{4, 4}));
  EXPECT_EQ(f.distinct_values(), (std::vector<double>{0, 1, std::sqrt(2.0)}));
}

// ---------------------------------------------------------------- lower star

TEST(LowerStar, SimplexEntersAtItsLargestVertexValue) {
  const auto k = SimplicialComplex::from_simplices({{0, 1, 2}, {2, 5}});
  const std::vector<double> v = {0.5, 2, 1, 3};  // vertex ids 0, 1, 2, 5
  const FilteredComplex f = lower_star(k, v);
  EXPECT_EQ(value_of(f, {5}), 3);
  EXPECT_EQ(value_of(f, {0, 1}), 2);
  EXPECT_EQ(value_of(f, {0, 2}), 1);
  EXPECT_EQ(value_of(f, {2, 5}), 3);
  EXPECT_EQ(value_of(f, {0, 1, 2}), 2);
  EXPECT_EQ(f.distinct_values(), (std::vector<double>{0.5, 1, 2, 3}));
  expect_invalid([&] { lower_star(k, std::vector<double>{1, 2}); }, "vertex_values", {"2 values"});
  const std::vector<double> bad = {0, std::numeric_limits<double>::quiet_NaN(), 0, 0};
  expect_invalid([&] { lower_star(k, bad); }, "vertex_values/1", {"NaN"});
}

// ---------------------------------------------------------------- alpha

TEST(AlphaComplex, AcuteTriangleIsAllGabriel) {
  const auto f = alpha_complex(PointCloud::from_rows({{0, 0}, {2, 0}, {1, 2}}), 2);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{3, 3, 1}));
  EXPECT_EQ(f.values[0], (std::vector<double>(3, 0.0)));
  EXPECT_NEAR(value_of(f, {0, 1}), 1.0, 1e-14);
  EXPECT_NEAR(value_of(f, {0, 2}), 1.25, 1e-14);
  EXPECT_NEAR(value_of(f, {1, 2}), 1.25, 1e-14);
  EXPECT_NEAR(value_of(f, {0, 1, 2}), 25.0 / 16, 1e-14);
}

TEST(AlphaComplex, ObtuseTriangleLongEdgeEntersWithTheTriangle) {
  // Obtuse at (2,1): the edge [0,1] contains that vertex in its diametral circle.
  const auto f = alpha_complex(PointCloud::from_rows({{0, 0}, {4, 0}, {2, 1}}), 2);
  EXPECT_NEAR(value_of(f, {0, 2}), 1.25, 1e-14);
  EXPECT_NEAR(value_of(f, {1, 2}), 1.25, 1e-14);
  EXPECT_NEAR(value_of(f, {0, 1, 2}), 6.25, 1e-13);
  EXPECT_NEAR(value_of(f, {0, 1}), 6.25, 1e-13);  // not its own 4
  // Threshold (inclusive) and dimension cap.
  const auto g = alpha_complex(PointCloud::from_rows({{0, 0}, {4, 0}, {2, 1}}), 2, 1.25);
  EXPECT_EQ(g.complex.f_vector(), (std::vector<std::size_t>{3, 2}));
  const auto h = alpha_complex(PointCloud::from_rows({{0, 0}, {4, 0}, {2, 1}}), 1);
  EXPECT_EQ(h.complex.f_vector(), (std::vector<std::size_t>{3, 3}));
  EXPECT_NEAR(value_of(h, {0, 1}), 6.25, 1e-13);
  // The same triangle in a plane of R³ (a 2-dimensional 3-D triangulation).
  const auto s = alpha_complex(PointCloud::from_rows({{0, 0, 1}, {4, 0, 1}, {2, 1, 1}}), 3);
  EXPECT_EQ(s.complex.f_vector(), (std::vector<std::size_t>{3, 3, 1}));
  EXPECT_NEAR(value_of(s, {0, 1}), 6.25, 1e-13);
  EXPECT_NEAR(value_of(s, {0, 2}), 1.25, 1e-14);
}

TEST(AlphaComplex, FourPointsTwoTriangles) {
  // Rhombus-like quadrilateral: the Delaunay diagonal is the short one, [1,3].
  const auto f = alpha_complex(PointCloud::from_rows({{0, 0}, {2, -1}, {4, 0}, {2, 1}}), 2);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{4, 5, 2}));
  EXPECT_FALSE(f.complex.find({0, 2}));
  EXPECT_NEAR(value_of(f, {1, 3}), 1.0, 1e-14);  // Gabriel: both apexes are outside
  EXPECT_NEAR(value_of(f, {0, 1}), 1.25, 1e-14);
  // Triangle (0,0),(2,-1),(2,1): circumcentre (1.25, 0), R² = 1.5625.
  EXPECT_NEAR(value_of(f, {0, 1, 3}), 1.5625, 1e-14);
  EXPECT_NEAR(value_of(f, {1, 2, 3}), 1.5625, 1e-14);
}

TEST(AlphaComplex, CornerTetrahedron) {
  const auto f =
      alpha_complex(PointCloud::from_rows({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), 3);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{4, 6, 4, 1}));
  EXPECT_NEAR(value_of(f, {0, 1}), 0.25, 1e-15);
  EXPECT_NEAR(value_of(f, {0, 3}), 0.25, 1e-15);
  EXPECT_NEAR(value_of(f, {1, 2}), 0.5, 1e-15);  // Gabriel (origin on its diametral sphere)
  EXPECT_NEAR(value_of(f, {0, 1, 2}), 0.5, 1e-15);
  // The far face is not Gabriel: the origin lies inside its smallest circumsphere.
  EXPECT_NEAR(value_of(f, {1, 2, 3}), 0.75, 1e-15);
  EXPECT_NEAR(value_of(f, {0, 1, 2, 3}), 0.75, 1e-15);
  const auto g =
      alpha_complex(PointCloud::from_rows({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), 3, 0.5);
  EXPECT_EQ(g.complex.f_vector(), (std::vector<std::size_t>{4, 6, 3}));
}

TEST(AlphaComplex, CollinearAndTinyInputs) {
  const auto f = alpha_complex(PointCloud::from_rows({{0, 0}, {1, 0}, {3, 0}}), 2);
  EXPECT_EQ(f.complex.f_vector(), (std::vector<std::size_t>{3, 2}));
  EXPECT_NEAR(value_of(f, {0, 1}), 0.25, 1e-15);
  EXPECT_NEAR(value_of(f, {1, 2}), 1.0, 1e-15);
  const auto g = alpha_complex(PointCloud::from_rows({{0, 0, 0}, {1, 1, 1}, {2, 2, 2}}), 3);
  EXPECT_EQ(g.complex.f_vector(), (std::vector<std::size_t>{3, 2}));
  EXPECT_NEAR(value_of(g, {0, 1}), 0.75, 1e-15);
  const auto one = alpha_complex(PointCloud::from_rows({{5, 5}}), 2);
  EXPECT_EQ(one.complex.f_vector(), (std::vector<std::size_t>{1}));
}

TEST(AlphaComplex, RejectsOtherDimensionsAndDuplicates) {
  expect_invalid([] { alpha_complex(PointCloud::from_rows({{0}, {1}}), 1); }, "points", {"R^1"});
  expect_invalid(
      [] {
        alpha_complex(PointCloud::from_rows({{0, 0, 0, 0}, {1, 0, 0, 0}}), 1);
      },
      "points", {"R^4"});
  expect_invalid(
      [] {
        alpha_complex(PointCloud::from_rows({{0, 0}, {1, 1}, {2, 0}, {1, 1}}), 2);
      },
      "/3", {"duplicates point 1"});
  expect_invalid(
      [] {
        alpha_complex(PointCloud::from_rows({{0, 0}, {1, 1}}), 2, -1.0);
      },
      "max_value", {"negative"});
}

}  // namespace
}  // namespace topospec

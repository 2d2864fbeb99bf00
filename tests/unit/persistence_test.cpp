// Barcodes of filtered chain complexes on hand-computed examples, the effect of the coefficient
// field, the Barcode queries, and the rejected inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "../../topology/src/persistence_reduction.hpp"
#include "topospec/topology/barcode.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/generators.hpp"
#include "topospec/topology/persistence.hpp"

namespace topospec {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The chain complex of k with each simplex entering at value(simplex in user ids).
template <class F>
ChainComplex filtered(const SimplicialComplex& k, F value) {
  ChainComplex c = chain_complex(k);
  std::vector<std::vector<double>> values(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) values[q].push_back(value(k.simplex_ids(q, i)));
  c.set_values(std::move(values));
  return c;
}

ChainComplex from_map(const std::map<Simplex, double>& entry) {
  std::vector<Simplex> simplices;
  for (const auto& [s, v] : entry) simplices.push_back(s);
  const auto k = SimplicialComplex::from_simplices(simplices);
  return filtered(k, [&](const Simplex& s) { return entry.at(s); });
}

PersistenceOptions over(Coefficients f, int max_dim = -1) {
  PersistenceOptions o;
  o.coefficients = f;
  o.max_dim = max_dim;
  return o;
}

// Both reduction directions must give the same bars; return them.
Barcode both_ways(const ChainComplex& c, const PersistenceOptions& o) {
  const Barcode h = detail::persistence(c, o, detail::PersistenceDirection::homology);
  const Barcode co = detail::persistence(c, o, detail::PersistenceDirection::cohomology);
  EXPECT_EQ(h.bars, co.bars);
  const Barcode a = persistence(c, o);
  EXPECT_EQ(a.bars, h.bars);
  return a;
}

TEST(Persistence, TriangleBoundaryThenFilled) {
  // Vertices at 0; edges at 1, 2, 3 close a loop at 3; the triangle at 4 fills it.
  const ChainComplex c = from_map({{{0}, 0},
                                   {{1}, 0},
                                   {{2}, 0},
                                   {{0, 1}, 1},
                                   {{1, 2}, 2},
                                   {{0, 2}, 3},
                                   {{0, 1, 2}, 4}});
  const Barcode b = both_ways(c, {});
  ASSERT_EQ(b.max_degree(), 2);
  EXPECT_EQ(b.degree(0), (std::vector<Bar>{{0, 1}, {0, 2}, {0, kInf}}));
  EXPECT_EQ(b.degree(1), (std::vector<Bar>{{3, 4}}));
  EXPECT_TRUE(b.degree(2).empty());
  EXPECT_TRUE(b.degree(3).empty());
  EXPECT_TRUE(b.degree(-1).empty());
  EXPECT_EQ(b.betti(0, 0), 3u);
  EXPECT_EQ(b.betti(0, 1.5), 2u);
  EXPECT_EQ(b.betti(0, 3), 1u);
  EXPECT_EQ(b.betti(1, 3), 1u);
  EXPECT_EQ(b.betti(1, 3.999), 1u);
  EXPECT_EQ(b.betti(1, 4), 0u);
  EXPECT_EQ(b.persistent_betti(1, 3, 3.5), 1u);
  EXPECT_EQ(b.persistent_betti(1, 3, 4), 0u);
  EXPECT_EQ(b.persistent_betti(0, 0, 1.5), 2u);  // rank H_0(K_0) → H_0(K_1.5)
  EXPECT_EQ(b.persistent_betti(0, 0, 100), 1u);
}

TEST(Persistence, SquareCycleThenDiagonalAndTriangle) {
  // The square 0-1-2-3 closes at 4; the diagonal [0,2] at 5 makes a second cycle; the
  // triangle [0,1,2] at 6 kills the younger one (elder rule), the square stays.
  const ChainComplex c = from_map({{{0}, 0},
                                   {{1}, 0},
                                   {{2}, 0},
                                   {{3}, 0},
                                   {{0, 1}, 1},
                                   {{1, 2}, 2},
                                   {{2, 3}, 3},
                                   {{0, 3}, 4},
                                   {{0, 2}, 5},
                                   {{0, 1, 2}, 6}});
  for (const Coefficients f :
       {Coefficients::rationals(), Coefficients::prime_field(2), Coefficients::prime_field(3)}) {
    const Barcode b = both_ways(c, over(f));
    EXPECT_EQ(b.degree(0), (std::vector<Bar>{{0, 1}, {0, 2}, {0, 3}, {0, kInf}})) << f.name();
    EXPECT_EQ(b.degree(1), (std::vector<Bar>{{4, kInf}, {5, 6}})) << f.name();
    EXPECT_TRUE(b.degree(2).empty());
    EXPECT_EQ(b.persistent_betti(1, 5, 5.5), 2u);
    EXPECT_EQ(b.persistent_betti(1, 5, 6), 1u);
    EXPECT_EQ(b.persistent_betti(1, 4, 6), 1u);
    EXPECT_EQ(b.persistent_betti(1, 3, 6), 0u);
  }
  // max_dim 0: only H_0 (computed with the edges).
  const Barcode b0 = both_ways(c, over(Coefficients::rationals(), 0));
  ASSERT_EQ(b0.max_degree(), 0);
  EXPECT_EQ(b0.degree(0).size(), 4u);
  // max_dim above the top degree: empty degrees.
  const Barcode b5 = both_ways(c, over(Coefficients::rationals(), 4));
  ASSERT_EQ(b5.max_degree(), 4);
  EXPECT_TRUE(b5.degree(3).empty());
}

TEST(Persistence, TiesAndZeroLengthBarsAreDropped) {
  // Everything at value 1: the filtration is a single step; only the infinite bars of the
  // filled triangle's homology remain (H_0), every pair is of zero length.
  const ChainComplex c =
      filtered(generators::full_simplex(2), [](const Simplex&) { return 1.0; });
  const Barcode b = both_ways(c, {});
  EXPECT_EQ(b.degree(0), (std::vector<Bar>{{1, kInf}}));
  EXPECT_TRUE(b.degree(1).empty());
  EXPECT_TRUE(b.degree(2).empty());
}

TEST(Persistence, CellsAtInfinityNeverEnter) {
  const ChainComplex c = from_map({{{0}, 0}, {{1}, 0}, {{0, 1}, kInf}});
  const Barcode b = both_ways(c, {});
  EXPECT_EQ(b.degree(0), (std::vector<Bar>{{0, kInf}, {0, kInf}}));
}

// RP² with vertices at 0, edges at 1, and its ten triangles entering one at a time at 2 … 11.
ChainComplex staged(const SimplicialComplex& k) {
  std::map<Simplex, double> triangle_value;
  for (std::size_t i = 0; i < k.size(2); ++i) triangle_value[k.simplex_ids(2, i)] = 2.0 + i;
  return filtered(k, [&](const Simplex& s) {
    return s.size() == 1 ? 0.0 : s.size() == 2 ? 1.0 : triangle_value.at(s);
  });
}

std::size_t count(const std::vector<Bar>& bars, Bar bar) {
  return static_cast<std::size_t>(std::count(bars.begin(), bars.end(), bar));
}

TEST(Persistence, ProjectivePlaneDependsOnTheField) {
  const SimplicialComplex rp2 = generators::real_projective_plane();  // f = (6, 15, 10)
  const ChainComplex c = staged(rp2);
  // K_1 (the 1-skeleton) has 15 − 6 + 1 = 10 independent cycles, all born at 1.
  // Over Z/2 the ten triangles kill 9 of them and the last one closes a 2-cycle (H_2 = Z/2);
  // over Q and Z/3 all ten triangles kill a cycle and nothing survives.
  const Barcode z2 = both_ways(c, over(Coefficients::prime_field(2)));
  const Barcode q = both_ways(c, over(Coefficients::rationals()));
  const Barcode z3 = both_ways(c, over(Coefficients::prime_field(3)));
  for (const Barcode* b : {&z2, &q, &z3}) {
    EXPECT_EQ(b->degree(0).size(), 6u);
    EXPECT_EQ(count(b->degree(0), {0, 1}), 5u);
    EXPECT_EQ(count(b->degree(0), {0, kInf}), 1u);
  }
  ASSERT_EQ(z2.degree(1).size(), 10u);
  EXPECT_EQ(count(z2.degree(1), {1, kInf}), 1u);
  ASSERT_EQ(z2.degree(2).size(), 1u);
  EXPECT_EQ(z2.degree(2)[0], (Bar{11, kInf}));  // the last triangle closes RP²
  ASSERT_EQ(q.degree(1).size(), 10u);
  EXPECT_EQ(count(q.degree(1), {1, kInf}), 0u);
  EXPECT_TRUE(q.degree(2).empty());
  EXPECT_EQ(q.bars, z3.bars);
  // Each triangle kills exactly one cycle over Q: the deaths are 2 … 11.
  for (int t = 2; t <= 11; ++t) EXPECT_EQ(count(q.degree(1), {1, double(t)}), 1u) << t;
  // Over Z/2 the last triangle makes a 2-cycle instead of killing: deaths 2 … 10.
  for (int t = 2; t <= 10; ++t) EXPECT_EQ(count(z2.degree(1), {1, double(t)}), 1u) << t;
  EXPECT_EQ(z2.betti(1, 11), 1u);
  EXPECT_EQ(z2.betti(2, 11), 1u);
  EXPECT_EQ(q.betti(1, 11), 0u);
}

TEST(Persistence, MooreSpaceSeesItsPrime) {
  // M(Z/3, 1): H_1 = Z/3. Over Z/3 an infinite bar in degrees 1 and 2; over Z/2 and Q none.
  const ChainComplex c = staged(generators::moore_space(3));
  const Barcode z3 = both_ways(c, over(Coefficients::prime_field(3)));
  const Barcode z2 = both_ways(c, over(Coefficients::prime_field(2)));
  const Barcode q = both_ways(c, over(Coefficients::rationals()));
  auto infinite = [](const std::vector<Bar>& bars) {
    return std::count_if(bars.begin(), bars.end(), [](const Bar& b) { return b.infinite(); });
  };
  EXPECT_EQ(infinite(z3.degree(1)), 1);
  EXPECT_EQ(infinite(z3.degree(2)), 1);
  EXPECT_EQ(infinite(z2.degree(1)), 0);
  EXPECT_EQ(infinite(z2.degree(2)), 0);
  EXPECT_EQ(z2.bars, q.bars);
  EXPECT_NE(z3.bars, q.bars);
}

TEST(Persistence, ReportsProgress) {
  const ChainComplex c = staged(generators::torus());
  PersistenceOptions o;
  std::size_t calls = 0;
  o.progress = [&](std::string_view, std::size_t done, std::size_t total) {
    EXPECT_LE(done, total);
    ++calls;
    return true;
  };
  const Barcode b = persistence(c, o);
  EXPECT_GT(calls, 0u);
  EXPECT_EQ(b.betti(1, 100), 2u);
  EXPECT_EQ(b.betti(2, 100), 1u);
  o.progress = [](std::string_view, std::size_t, std::size_t) { return false; };
  EXPECT_THROW(persistence(c, o), Error);
}

TEST(Persistence, RejectsBadInput) {
  const ChainComplex c = staged(generators::torus());
  EXPECT_THROW(persistence(c, over(Coefficients::integers())), InvalidInput);
  try {
    persistence(c, over(Coefficients::integers()));
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "coefficients");
  }
  EXPECT_THROW(persistence(c, over(Coefficients{Coefficients::Kind::Zp, 4})), InvalidInput);
  EXPECT_THROW(persistence(c, over(Coefficients::rationals(), -2)), InvalidInput);
  // Unfiltered.
  EXPECT_THROW(persistence(chain_complex(generators::torus())), Error);
  // A triangle entering before one of its edges.
  const ChainComplex bad = from_map({{{0}, 0}, {{1}, 0}, {{2}, 0}, {{0, 1}, 1}, {{1, 2}, 1},
                                     {{0, 2}, 3}, {{0, 1, 2}, 2}});
  EXPECT_THROW(persistence(bad), InvalidInput);
  const ChainComplex nan = from_map({{{0}, std::nan("")}});
  EXPECT_THROW(persistence(nan), InvalidInput);
}

TEST(Barcode, QueriesAndNormalize) {
  Barcode b;
  b.bars = {{{2, kInf}, {0, 3}, {0, 1}}, {{1, 5}}};
  b.normalize();
  EXPECT_EQ(b.degree(0), (std::vector<Bar>{{0, 1}, {0, 3}, {2, kInf}}));
  EXPECT_EQ(b.max_degree(), 1);
  EXPECT_TRUE(b.degree(0)[2].infinite());
  EXPECT_EQ(b.degree(0)[1].length(), 3);
  // Half-open: a bar [0, 3) is alive at 2.999 and dead at 3.
  EXPECT_EQ(b.persistent_betti(0, 0, 0.999), 2u);
  EXPECT_EQ(b.persistent_betti(0, 0, 1), 1u);
  EXPECT_EQ(b.persistent_betti(0, 0, 2.999), 1u);
  EXPECT_EQ(b.persistent_betti(0, 0, 3), 0u);
  EXPECT_EQ(b.persistent_betti(0, 2, 3), 1u);
  EXPECT_EQ(b.persistent_betti(0, 2, 2), 2u);
  EXPECT_EQ(b.persistent_betti(1, 1, 4), 1u);
  EXPECT_EQ(b.persistent_betti(1, 0.5, 4), 0u);
  EXPECT_EQ(b.persistent_betti(7, 0, 1), 0u);
  EXPECT_THROW(b.persistent_betti(0, 2, 1), InvalidInput);
  try {
    b.persistent_betti(0, 2, 1);
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "requests");
  }
  EXPECT_THROW(b.persistent_betti(0, std::nan(""), 1), InvalidInput);
  EXPECT_THROW(b.persistent_betti(0, 0, std::nan("")), InvalidInput);
}

TEST(Persistence, EmptyComplex) {
  const Barcode b = persistence(ChainComplex{});
  EXPECT_EQ(b.max_degree(), 0);
  EXPECT_TRUE(b.degree(0).empty());
}

}  // namespace
}  // namespace topospec

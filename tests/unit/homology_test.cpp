// Exact homology on hand-computed complexes: Betti numbers over Q, Z/p and Z, torsion, boundary
// ranks, certainty, and the Smith form / rank_mod_p primitives on hand-made matrices.
#include "topospec/topology/homology.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {
namespace {

using Sizes = std::vector<std::size_t>;
using Factors = std::vector<std::int64_t>;

const Coefficients kQ = Coefficients::rationals();
const Coefficients kZ = Coefficients::integers();
const Coefficients kZ2 = Coefficients::prime_field(2);
const Coefficients kZ3 = Coefficients::prime_field(3);

ChainComplex complex_of(const std::vector<Simplex>& simplices) {
  return chain_complex(SimplicialComplex::from_simplices(simplices));
}

HomologyResult homology_of(const ChainComplex& c, Coefficients k, int max_dim = -1) {
  HomologyOptions o;
  o.coefficients = k;
  o.max_dim = max_dim;
  return homology(c, o);
}

Sizes betti(const ChainComplex& c, Coefficients k, int max_dim = -1) {
  return homology_of(c, k, max_dim).betti;
}

IntegerMatrix dense_to_sparse(const std::vector<std::vector<std::int64_t>>& rows) {
  const auto r = static_cast<Eigen::Index>(rows.size());
  const auto c = static_cast<Eigen::Index>(rows.empty() ? 0 : rows[0].size());
  IntegerMatrix m(r, c);
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index j = 0; j < c; ++j)
      if (rows[i][j] != 0) m.insert(i, j) = rows[i][j];
  m.makeCompressed();
  return m;
}

// ---- Triangulations, each checked by its f-vector and Euler characteristic below.

std::vector<Simplex> boundary_of_tetrahedron() {
  return {{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}};
}

std::vector<Simplex> octahedron() {  // REFERENCE §3.1 S3
  return {{0, 1, 2}, {0, 1, 4}, {0, 2, 3}, {0, 3, 4}, {1, 2, 5}, {1, 4, 5}, {2, 3, 5}, {3, 4, 5}};
}

// Möbius–Császár 7-vertex torus: triangles {i, i+1, i+3} and {i, i+2, i+3} mod 7.
std::vector<Simplex> torus7() {
  std::vector<Simplex> t;
  for (VertexId i = 0; i < 7; ++i) {
    t.push_back({i, (i + 1) % 7, (i + 3) % 7});
    t.push_back({i, (i + 2) % 7, (i + 3) % 7});
  }
  return t;
}

// 6-vertex RP² (half of the icosahedron).
std::vector<Simplex> rp2() {
  return {{1, 2, 3}, {1, 3, 4}, {1, 4, 5}, {1, 5, 6}, {1, 2, 6},
          {2, 3, 5}, {2, 4, 5}, {2, 4, 6}, {3, 4, 6}, {3, 5, 6}};
}

// Klein bottle: a 3×3 grid of squares, each cut along its diagonal, with (i, j) ~ (i + 3, j)
// and (i, j + 3) ~ (−i, j) (the flip makes it nonorientable). Vertex (i, j) is i + 3j.
std::vector<Simplex> klein_bottle() {
  auto v = [](VertexId i, VertexId j) -> VertexId {
    if (j == 3) i = -i, j = 0;
    return ((i % 3) + 3) % 3 + 3 * j;
  };
  std::vector<Simplex> t;
  for (VertexId i = 0; i < 3; ++i)
    for (VertexId j = 0; j < 3; ++j) {
      t.push_back({v(i, j), v(i + 1, j), v(i + 1, j + 1)});
      t.push_back({v(i, j), v(i, j + 1), v(i + 1, j + 1)});
    }
  return t;
}

// Moore space M(Z/m, 1): a disk whose boundary 3m-gon wraps m times around the triangle
// a0 a1 a2 (outer position k is vertex k mod 3); an inner ring b_0..b_{3m-1} (ids 3 + k) and a
// centre (id 3 + 3m) make it a simplicial complex. H_1 = Z/m, H_2 = 0.
std::vector<Simplex> moore_space(VertexId m) {
  const VertexId n = 3 * m, centre = 3 + n;
  std::vector<Simplex> t;
  for (VertexId k = 0; k < n; ++k) {
    const VertexId a0 = k % 3, a1 = (k + 1) % 3, b0 = 3 + k, b1 = 3 + (k + 1) % n;
    t.push_back({a0, a1, b0});
    t.push_back({a1, b0, b1});
    t.push_back({b0, b1, centre});
  }
  return t;
}

// REFERENCE §3.1 S1.
std::vector<Simplex> seed_s1(bool with_triangle) {
  std::vector<Simplex> s{{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}};
  if (with_triangle) s.push_back({2, 3, 4});
  return s;
}

TEST(HomologyTriangulations, FVectorsAndEulerCharacteristics) {
  struct Case {
    const char* name;
    std::vector<Simplex> simplices;
    Sizes f;
    std::int64_t chi;
  };
  const std::vector<Case> cases = {
      {"S2 (tetrahedron)", boundary_of_tetrahedron(), {4, 6, 4}, 2},
      {"octahedron", octahedron(), {6, 12, 8}, 2},
      {"torus", torus7(), {7, 21, 14}, 0},
      {"RP2", rp2(), {6, 15, 10}, 1},
      {"Klein bottle", klein_bottle(), {9, 27, 18}, 0},
      {"M(Z/3,1)", moore_space(3), {13, 39, 27}, 1},
      {"S1 seed", seed_s1(true), {5, 4, 1}, 2},
  };
  for (const Case& c : cases) {
    const SimplicialComplex k = SimplicialComplex::from_simplices(c.simplices);
    EXPECT_EQ(k.f_vector(), c.f) << c.name;
    EXPECT_EQ(chain_complex(k).euler_characteristic(), c.chi) << c.name;
  }
}

TEST(HomologyTriangulations, SurfacesAreClosedPseudomanifolds) {
  // Every edge of a closed surface lies in exactly two triangles.
  for (const auto& surface : {torus7(), rp2(), klein_bottle(), octahedron()}) {
    const SimplicialComplex k = SimplicialComplex::from_simplices(surface);
    for (std::size_t e = 0; e < k.size(1); ++e) EXPECT_EQ(k.cofacets(1, e).size(), 2u);
  }
}

// ---- Hand-computed homology.

TEST(Homology, SphereOverEveryCoefficientRing) {
  for (const auto& s : {boundary_of_tetrahedron(), octahedron()}) {
    const ChainComplex c = complex_of(s);
    for (Coefficients k : {kQ, kZ, kZ2, kZ3}) EXPECT_EQ(betti(c, k), (Sizes{1, 0, 1})) << k.name();
    EXPECT_EQ(homology_of(c, kZ).torsion, (std::vector<Factors>{{}, {}, {}}));
  }
}

TEST(Homology, OctahedronRanksAndDims) {
  const HomologyResult h = homology_of(complex_of(octahedron()), kQ);
  EXPECT_EQ(h.chain_dims, (Sizes{6, 12, 8}));
  EXPECT_EQ(h.boundary_ranks, (Sizes{5, 7, 0}));
  EXPECT_EQ(h.betti, (Sizes{1, 0, 1}));
  EXPECT_TRUE(h.certain);
}

TEST(Homology, TorusOverEveryCoefficientRing) {
  const ChainComplex c = complex_of(torus7());
  for (Coefficients k : {kQ, kZ, kZ2, kZ3, Coefficients::prime_field(2147483647)})
    EXPECT_EQ(betti(c, k), (Sizes{1, 2, 1})) << k.name();
  const HomologyResult z = homology_of(c, kZ);
  EXPECT_EQ(z.torsion, (std::vector<Factors>{{}, {}, {}}));
  EXPECT_EQ(z.boundary_ranks, (Sizes{6, 13, 0}));
  EXPECT_TRUE(homology_of(c, kQ).certain);
}

TEST(Homology, KleinBottle) {
  const ChainComplex c = complex_of(klein_bottle());
  EXPECT_EQ(betti(c, kQ), (Sizes{1, 1, 0}));
  EXPECT_EQ(betti(c, kZ3), (Sizes{1, 1, 0}));
  EXPECT_EQ(betti(c, kZ2), (Sizes{1, 2, 1}));
  const HomologyResult z = homology_of(c, kZ);
  EXPECT_EQ(z.betti, (Sizes{1, 1, 0}));
  EXPECT_EQ(z.torsion, (std::vector<Factors>{{}, {2}, {}}));
}

TEST(Homology, ProjectivePlane) {
  const ChainComplex c = complex_of(rp2());
  EXPECT_EQ(betti(c, kQ), (Sizes{1, 0, 0}));
  EXPECT_EQ(betti(c, kZ3), (Sizes{1, 0, 0}));
  EXPECT_EQ(betti(c, kZ2), (Sizes{1, 1, 1}));
  const HomologyResult z = homology_of(c, kZ);
  EXPECT_EQ(z.betti, (Sizes{1, 0, 0}));
  EXPECT_EQ(z.torsion, (std::vector<Factors>{{}, {2}, {}}));
  EXPECT_EQ(z.boundary_ranks, (Sizes{5, 10, 0}));
  EXPECT_EQ(homology_of(c, kZ2).boundary_ranks, (Sizes{5, 9, 0}));
}

TEST(Homology, MooreSpaceSeesItsPrimeOnly) {
  const ChainComplex m3 = complex_of(moore_space(3));
  EXPECT_EQ(betti(m3, kZ3), (Sizes{1, 1, 1}));
  EXPECT_EQ(betti(m3, kZ2), (Sizes{1, 0, 0}));
  EXPECT_EQ(betti(m3, kQ), (Sizes{1, 0, 0}));
  EXPECT_EQ(homology_of(m3, kZ).torsion, (std::vector<Factors>{{}, {3}, {}}));

  const ChainComplex m4 = complex_of(moore_space(4));
  EXPECT_EQ(betti(m4, kZ2), (Sizes{1, 1, 1}));
  EXPECT_EQ(betti(m4, kZ3), (Sizes{1, 0, 0}));
  EXPECT_EQ(homology_of(m4, kZ).torsion, (std::vector<Factors>{{}, {4}, {}}));

  const ChainComplex m5 = complex_of(moore_space(5));
  EXPECT_EQ(betti(m5, Coefficients::prime_field(5)), (Sizes{1, 1, 1}));
  EXPECT_EQ(homology_of(m5, kZ).torsion, (std::vector<Factors>{{}, {5}, {}}));
}

TEST(Homology, TorsionInSeveralDegreesAndDisjointUnions) {
  // RP² ⊔ M(Z/3,1) ⊔ a point: H_0 = Z^3, H_1 = Z/2 ⊕ Z/3 (invariant factors [6]).
  std::vector<Simplex> s = rp2();
  for (Simplex t : moore_space(3)) {
    for (VertexId& v : t) v += 100;
    s.push_back(t);
  }
  s.push_back({1000});
  const HomologyResult z = homology_of(complex_of(s), kZ);
  EXPECT_EQ(z.betti, (Sizes{3, 0, 0}));
  EXPECT_EQ(z.torsion, (std::vector<Factors>{{}, {6}, {}}));
}

TEST(Homology, TorsionSurvivesClearing) {
  // RP² with a solid tetrahedron glued along the triangle 123 (and a new vertex 7) is homotopy
  // equivalent to RP². The tetrahedron's ±1 pivot clears a column of ∂_2 before the Smith form
  // of ∂_2 (which has the invariant factor 2) is taken.
  std::vector<Simplex> s = rp2();
  s.push_back({1, 2, 3, 7});
  const HomologyResult z = homology_of(complex_of(s), kZ);
  EXPECT_EQ(z.betti, (Sizes{1, 0, 0, 0}));
  EXPECT_EQ(z.torsion, (std::vector<Factors>{{}, {2}, {}, {}}));
  EXPECT_EQ(z.boundary_ranks, (Sizes{6, 12, 1, 0}));
  EXPECT_NE(z.method.find("Smith normal form"), std::string::npos) << z.method;
  EXPECT_EQ(betti(complex_of(s), kZ2), (Sizes{1, 1, 1, 0}));
}

TEST(Homology, SeedExampleS1) {
  const ChainComplex c = complex_of(seed_s1(true));
  for (Coefficients k : {kQ, kZ, kZ2}) {
    const HomologyResult h = homology_of(c, k);
    EXPECT_EQ(h.chain_dims, (Sizes{5, 4, 1}));
    EXPECT_EQ(h.boundary_ranks, (Sizes{3, 1, 0}));
    EXPECT_EQ(h.betti, (Sizes{2, 0, 0})) << k.name();
  }
  EXPECT_EQ(betti(complex_of(seed_s1(false)), kQ), (Sizes{2, 1}));
}

TEST(Homology, FullFiveSimplexIsAcyclic) {
  const ChainComplex c = complex_of({{0, 1, 2, 3, 4, 5}});
  for (Coefficients k : {kQ, kZ, kZ2}) {
    const HomologyResult h = homology_of(c, k);
    EXPECT_EQ(h.chain_dims, (Sizes{6, 15, 20, 15, 6, 1}));
    EXPECT_EQ(h.betti, (Sizes{1, 0, 0, 0, 0, 0})) << k.name();
    EXPECT_EQ(h.boundary_ranks, (Sizes{5, 10, 10, 5, 1, 0}));
  }
}

TEST(Homology, EmptyComplex) {
  const ChainComplex empty = complex_of({});
  for (Coefficients k : {kQ, kZ, kZ2}) {
    const HomologyResult h = homology_of(empty, k);
    EXPECT_EQ(h.betti, (Sizes{0}));
    EXPECT_EQ(h.chain_dims, (Sizes{0}));
    EXPECT_EQ(h.boundary_ranks, (Sizes{0}));
    EXPECT_TRUE(h.certain);
  }
  EXPECT_EQ(betti(empty, kQ, 2), (Sizes{0, 0, 0}));
  EXPECT_EQ(homology_of(empty, kZ, 2).torsion, (std::vector<Factors>{{}, {}, {}}));
  EXPECT_EQ(betti(ChainComplex(), kZ2, 1), (Sizes{0, 0}));
}

TEST(Homology, PointsAndMaxDim) {
  EXPECT_EQ(betti(complex_of({{7}}), kQ), (Sizes{1}));
  EXPECT_EQ(betti(complex_of({{0}, {5}, {9}}), kZ), (Sizes{3}));
  // max_dim above the top degree: zero chains, zero Betti numbers.
  const HomologyResult h = homology_of(complex_of(boundary_of_tetrahedron()), kZ2, 4);
  EXPECT_EQ(h.betti, (Sizes{1, 0, 1, 0, 0}));
  EXPECT_EQ(h.chain_dims, (Sizes{4, 6, 4, 0, 0}));
  EXPECT_EQ(h.boundary_ranks, (Sizes{3, 3, 0, 0, 0}));
  // max_dim below the top degree still uses ∂_{max_dim+1}: the filled tetrahedron has β_1 = 0.
  const ChainComplex solid = complex_of({{0, 1, 2, 3}});
  EXPECT_EQ(betti(solid, kQ, 1), (Sizes{1, 0}));
  EXPECT_EQ(homology_of(solid, kQ, 1).boundary_ranks, (Sizes{3, 3}));
  EXPECT_EQ(betti(solid, kQ, 0), (Sizes{1}));
}

TEST(Homology, ProgressIsReportedAndCanCancel) {
  const ChainComplex c = complex_of(torus7());
  HomologyOptions o;
  std::vector<std::string> stages;
  o.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
    EXPECT_LE(done, total);
    if (stages.empty() || stages.back() != stage) stages.emplace_back(stage);
    return true;
  };
  homology(c, o);
  EXPECT_EQ(stages, (std::vector<std::string>{"rank ∂_2", "rank ∂_1"}));
  o.progress = [](std::string_view, std::size_t, std::size_t) { return false; };
  EXPECT_THROW(homology(c, o), Error);
}

TEST(Homology, RejectsBadOptions) {
  const ChainComplex c = complex_of(torus7());
  HomologyOptions o;
  o.max_dim = -2;
  EXPECT_THROW(homology(c, o), InvalidInput);
  o.max_dim = -1;
  o.coefficients = {Coefficients::Kind::Zp, 4};  // bypasses prime_field's check
  EXPECT_THROW(homology(c, o), InvalidInput);
}

// A hand-made complex whose boundary is a multiple of p = 2^31 − 1: mod p the rank looks zero,
// so the default Q answer is wrong and must say it is uncertain; exact_rationals fixes it.
TEST(Homology, RationalCertaintyIsHonest) {
  const std::int64_t p = 2147483647;
  std::vector<IntegerMatrix> b{dense_to_sparse({{p, 0}, {0, 1}})};
  const ChainComplex c({2, 2}, b, nullptr);
  const HomologyResult guess = homology_of(c, kQ);
  EXPECT_FALSE(guess.certain);
  EXPECT_EQ(guess.betti, (Sizes{1, 1}));
  EXPECT_NE(guess.method.find("not certain"), std::string::npos) << guess.method;

  HomologyOptions o;
  o.exact_rationals = true;
  const HomologyResult exact = homology(c, o);
  EXPECT_TRUE(exact.certain);
  EXPECT_EQ(exact.betti, (Sizes{0, 0}));
  EXPECT_EQ(exact.boundary_ranks, (Sizes{2, 0}));
  const HomologyResult z = homology_of(c, kZ);
  EXPECT_EQ(z.betti, (Sizes{0, 0}));
  EXPECT_EQ(z.torsion, (std::vector<Factors>{{p}, {}}));
}

TEST(Homology, ExactRationalsAgreeOnTorsionComplexes) {
  for (const auto& s : {rp2(), klein_bottle(), moore_space(3), torus7()}) {
    const ChainComplex c = complex_of(s);
    HomologyOptions o;
    o.exact_rationals = true;
    const HomologyResult exact = homology(c, o);
    const HomologyResult fast = homology_of(c, kQ);
    EXPECT_TRUE(exact.certain);
    EXPECT_TRUE(fast.certain) << fast.method;
    EXPECT_EQ(exact.betti, fast.betti);
    EXPECT_EQ(exact.boundary_ranks, fast.boundary_ranks);
  }
}

// ---- Primitives.

TEST(RankModP, SmallMatrices) {
  const IntegerMatrix m = dense_to_sparse({{2, 4, 0}, {1, 2, 3}, {0, 0, 3}});
  EXPECT_EQ(rank_mod_p(m, 2), 2u);  // mod 2: rows (0,0,0), (1,0,1), (0,0,1)
  EXPECT_EQ(rank_mod_p(m, 3), 1u);  // mod 3: rows (2,1,0), (1,2,0), 0 — proportional
  EXPECT_EQ(rank_mod_p(m, 5), 2u);  // columns 0 and 1 are proportional over Q
  EXPECT_EQ(rank_mod_p(dense_to_sparse({{-1}}), 2147483647), 1u);
  EXPECT_EQ(rank_mod_p(IntegerMatrix(0, 0), 7), 0u);
  EXPECT_EQ(rank_mod_p(IntegerMatrix(4, 3), 7), 0u);
  EXPECT_THROW(rank_mod_p(m, 4), InvalidInput);
  EXPECT_THROW(rank_mod_p(m, 0), InvalidInput);
}

TEST(RankModP, BoundaryOfTorusOverFields) {
  const SimplicialComplex k = SimplicialComplex::from_simplices(torus7());
  for (std::uint32_t p : {2u, 3u, 2147483647u}) {
    EXPECT_EQ(rank_mod_p(boundary_matrix(k, 1), p), 6u);
    EXPECT_EQ(rank_mod_p(boundary_matrix(k, 2), p), 13u);
  }
}

TEST(SmithForm, HandComputed) {
  // A classic example: Smith form diag(2, 6, 12).
  SmithForm s = smith_form(dense_to_sparse({{2, 4, 4}, {-6, 6, 12}, {10, -4, -16}}));
  EXPECT_EQ(s.rank, 3u);
  EXPECT_EQ(s.torsion, (Factors{2, 6, 12}));
  // diag(2, 3) has invariant factors 1, 6.
  s = smith_form(dense_to_sparse({{2, 0}, {0, 3}}));
  EXPECT_EQ(s.rank, 2u);
  EXPECT_EQ(s.torsion, (Factors{6}));
  // Rank-deficient with a unit: [[1, 2], [2, 4]] ~ diag(1, 0).
  s = smith_form(dense_to_sparse({{1, 2}, {2, 4}}));
  EXPECT_EQ(s.rank, 1u);
  EXPECT_TRUE(s.torsion.empty());
  s = smith_form(dense_to_sparse({{0, 0, 0}, {0, 0, 0}}));
  EXPECT_EQ(s.rank, 0u);
  EXPECT_EQ(smith_form(IntegerMatrix(0, 5)).rank, 0u);
}

TEST(SmithForm, BoundaryOfProjectivePlane) {
  const SimplicialComplex k = SimplicialComplex::from_simplices(rp2());
  const SmithForm s2 = smith_form(boundary_matrix(k, 2));
  EXPECT_EQ(s2.rank, 10u);
  EXPECT_EQ(s2.torsion, (Factors{2}));
  const SmithForm s1 = smith_form(boundary_matrix(k, 1));
  EXPECT_EQ(s1.rank, 5u);
  EXPECT_TRUE(s1.torsion.empty());
}

TEST(SmithForm, OverflowIsANumericalFailure) {
  // Invariant factors 1 and 2^40·3^25 > 2^63.
  const std::int64_t a = std::int64_t{1} << 40, b = 847288609443;  // 3^25
  EXPECT_THROW(smith_form(dense_to_sparse({{a, 0}, {0, b}})), NumericalFailure);
  // The same entries as 1×1 blocks are fine.
  EXPECT_EQ(smith_form(dense_to_sparse({{b}})).torsion, (Factors{b}));
}

}  // namespace
}  // namespace topospec

// The infimum complex engine: the exact basis over Z versus Z/p (Inf over F_p can be larger than
// the lattice reduced mod p), integer coordinates that are exact, and a filtration-adapted basis.
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "topospec/hypergraph/hypergraph.hpp"
#include "topospec/hypergraph/infimum_complex.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {
namespace {

// The 10 triangles of the 6-vertex RP² and its 6 vertices, no edges: over Z no 2-chain has its
// boundary on hyperedges (Inf_2 = 0); mod 2 the sum of all triangles is a cycle (Inf_2 = F_2).
TEST(InfimumComplex, FieldVersusLattice) {
  std::vector<Hyperedge> edges;
  for (Simplex t : std::vector<Simplex>{{0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}, {0, 5, 1},
                                         {1, 2, 4}, {2, 3, 5}, {3, 4, 1}, {4, 5, 2}, {5, 1, 3}})
    edges.push_back({t, std::nullopt});
  for (VertexId v = 0; v < 6; ++v) edges.push_back({{v}, std::nullopt});
  const Hypergraph h = Hypergraph::from_hyperedges(edges);
  const HypergraphGenerators gen = hypergraph_generators(h, 2);

  const InfimumComplex over_z = infimum_complex(gen.degrees, gen.labels);
  EXPECT_EQ(over_z.chains.dim(2), 0u);
  HomologyOptions z2;
  z2.coefficients = Coefficients::prime_field(2);
  z2.max_dim = 2;
  EXPECT_EQ(homology(over_z.chains, z2).betti, (std::vector<std::size_t>{6, 0, 0}));

  InfimumOptions mod2;
  mod2.modulus = 2;
  const InfimumComplex over_f2 = infimum_complex(gen.degrees, gen.labels, mod2);
  EXPECT_EQ(over_f2.chains.dim(2), 1u);
  EXPECT_EQ(homology(over_f2.chains, z2).betti, (std::vector<std::size_t>{6, 0, 1}));
  EXPECT_EQ(supremum_betti(gen.degrees, 2, Coefficients::prime_field(2)), (std::vector<std::size_t>{6, 0, 1}));
  EXPECT_EQ(supremum_betti(gen.degrees, 2), (std::vector<std::size_t>{6, 0, 0}));
}

// A block whose lattice is not spanned by the primitive multiples of a rational echelon basis:
// generators x, y, z of degree 1 with ∂x = 2r, ∂y = r + s, ∂z = r − s... here through degree 0
// rows: x, y, z have boundaries on two never-generator rows r, s with coefficients giving the
// lattice {2a + b + c = 0} ∩ {…}; the basis must be a Z-basis (index 1), checked via the
// coordinates of ∂ being integral (the engine throws otherwise) and via Smith form of the basis.
TEST(InfimumComplex, LatticeBasisIsSaturated) {
  // Degree 0: one generator (vertex 0) and rows for the never-generators r (1 row).
  // Degree 1: three generators with ∂ = (2, 1, 1) on the non-generator row r and (−1, 0, 0)... on
  // the generator row: Inf_1 = {(a, b, c) : 2a + b + c = 0}, a rank-2 saturated lattice, which
  // contains (0, 1, −1) although the echelon vectors scaled to integers are (−1, 2, 0), (−1, 0, 2).
  std::vector<InfimumDegree> d(2);
  d[0].generators = 1;
  d[1].generators = 3;
  d[1].boundary = IntegerMatrix(2, 3);
  d[1].boundary.insert(1, 0) = 2;
  d[1].boundary.insert(1, 1) = 1;
  d[1].boundary.insert(1, 2) = 1;
  const InfimumComplex inf = infimum_complex(d, {});
  ASSERT_EQ(inf.chains.dim(1), 2u);
  // A Z-basis of a saturated rank-2 lattice: its 2×2 minors have gcd 1.
  const Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> b = inf.integer_basis[1].toDense();
  std::int64_t g = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = i + 1; j < 3; ++j) g = std::gcd(g, std::abs(b(i, 0) * b(j, 1) - b(i, 1) * b(j, 0)));
  EXPECT_EQ(g, 1);
  // Every basis vector satisfies the constraint.
  for (int k = 0; k < 2; ++k) EXPECT_EQ(2 * b(0, k) + b(1, k) + b(2, k), 0);
}

// Filtration: x = e_0 − e_1 needs the late row r allowed; the basis must put it at r's time.
TEST(InfimumComplex, EntryTimeWaitsForTheBoundary) {
  std::vector<InfimumDegree> d(2);
  d[0].generators = 2;
  d[0].values = {0.0, 3.0};  // the second degree-0 generator enters at 3
  d[1].generators = 1;
  d[1].values = {1.0};
  d[1].boundary = IntegerMatrix(2, 1);
  d[1].boundary.insert(0, 0) = -1;
  d[1].boundary.insert(1, 0) = 1;
  const InfimumComplex inf = infimum_complex(d, {});
  ASSERT_TRUE(inf.chains.filtered());
  ASSERT_EQ(inf.chains.dim(1), 1u);
  EXPECT_EQ(inf.chains.values()[1][0], 3.0);
}

}  // namespace
}  // namespace topospec

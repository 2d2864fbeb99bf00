// Generators: f-vectors, Euler characteristics, manifold structure and homology of every
// generator against the values stated (with sources) in generators.hpp.
#include "topospec/topology/generators.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/spectrum.hpp"
#include "topospec/verify/answer.hpp"
#include "topospec/verify/case.hpp"
#include "topospec/verify/compare.hpp"

namespace topospec {
namespace {

namespace gen = topospec::generators;
using Sizes = std::vector<std::size_t>;
using Torsion = std::vector<std::vector<std::int64_t>>;

std::size_t binom(std::size_t n, std::size_t k) {
  if (k > n) return 0;
  std::size_t c = 1;
  for (std::size_t i = 1; i <= k; ++i) c = c * (n - k + i) / i;
  return c;
}

std::int64_t euler(const SimplicialComplex& k) {
  std::int64_t chi = 0;
  for (int q = 0; q <= k.dimension(); ++q)
    chi += (q % 2 == 0 ? 1 : -1) * static_cast<std::int64_t>(k.size(q));
  return chi;
}

HomologyResult homology_of(const SimplicialComplex& k, Coefficients c) {
  HomologyOptions options;
  options.coefficients = c;
  return homology(chain_complex(k), options);
}
Sizes betti(const SimplicialComplex& k, Coefficients c = Coefficients::rationals()) {
  return homology_of(k, c).betti;
}
const Coefficients kQ = Coefficients::rationals();
const Coefficients kZ = Coefficients::integers();
Coefficients zp(std::uint64_t p) { return Coefficients::prime_field(p); }

// Number of cofacets of every q-simplex.
Sizes cofacet_counts(const SimplicialComplex& k, int q) {
  Sizes n(k.size(q));
  for (std::size_t i = 0; i < n.size(); ++i) n[i] = k.cofacets(q, i).size();
  return n;
}

// True when the graph given by its edges is one cycle through all its vertices.
bool is_single_cycle(const std::vector<std::pair<VertexId, VertexId>>& edges) {
  if (edges.size() < 3) return false;
  std::map<VertexId, std::vector<VertexId>> adj;
  for (auto [a, b] : edges) {
    adj[a].push_back(b);
    adj[b].push_back(a);
  }
  for (const auto& [v, nb] : adj)
    if (nb.size() != 2) return false;
  // Walk around from one vertex; a single cycle returns after visiting every vertex.
  VertexId prev = adj.begin()->first, cur = adj.begin()->second[0];
  std::size_t steps = 1;
  while (cur != adj.begin()->first) {
    const auto& nb = adj[cur];
    const VertexId next = nb[0] == prev ? nb[1] : nb[0];
    prev = cur;
    cur = next;
    ++steps;
  }
  return steps == adj.size();
}

// A closed surface: pure 2-dimensional, every edge in exactly two triangles, every vertex link
// a single cycle.
void expect_closed_surface(const SimplicialComplex& k) {
  ASSERT_EQ(k.dimension(), 2);
  for (std::size_t c : cofacet_counts(k, 1)) EXPECT_EQ(c, 2u);
  for (std::size_t v = 0; v < k.size(0); ++v) {
    std::vector<std::pair<VertexId, VertexId>> link;
    for (std::size_t t = 0; t < k.size(2); ++t) {
      Simplex s = k.simplex_ids(2, t);
      auto it = std::find(s.begin(), s.end(), k.vertex_ids()[v]);
      if (it == s.end()) continue;
      s.erase(it);
      link.emplace_back(s[0], s[1]);
    }
    EXPECT_TRUE(is_single_cycle(link)) << "link of vertex " << k.vertex_ids()[v];
  }
}

// No torsion in any degree.
bool torsion_free(const HomologyResult& h) {
  return std::all_of(h.torsion.begin(), h.torsion.end(), [](const auto& t) { return t.empty(); });
}

// Every clique of the 1-skeleton with at most max_dim + 1 vertices is a simplex (checked by
// brute force up to 4 vertices), and nothing above max_dim is present.
void expect_flag_complex(const SimplicialComplex& k, int max_dim) {
  ASSERT_LE(k.dimension(), max_dim);
  const auto n = static_cast<VertexId>(k.num_vertices());
  ASSERT_EQ(k.vertex_ids().back(), n - 1);
  auto edge = [&](VertexId a, VertexId b) { return k.find({a, b}).has_value(); };
  for (VertexId a = 0; a < n; ++a)
    for (VertexId b = a + 1; b < n; ++b) {
      if (!edge(a, b)) continue;
      for (VertexId c = b + 1; c < n; ++c) {
        const bool clique3 = edge(a, c) && edge(b, c);
        EXPECT_EQ(k.find({a, b, c}).has_value(), clique3 && max_dim >= 2);
        if (!clique3) continue;
        for (VertexId d = c + 1; d < n; ++d) {
          const bool clique4 = edge(a, d) && edge(b, d) && edge(c, d);
          EXPECT_EQ(k.find({a, b, c, d}).has_value(), clique4 && max_dim >= 3);
        }
      }
    }
}

// Same vertex ids and the same simplices.
bool same_complex(const SimplicialComplex& a, const SimplicialComplex& b) {
  if (a.vertex_ids() != b.vertex_ids() || a.f_vector() != b.f_vector()) return false;
  for (int q = 0; q <= a.dimension(); ++q)
    for (std::size_t i = 0; i < a.size(q); ++i)
      if (a.simplex_ids(q, i) != b.simplex_ids(q, i)) return false;
  return true;
}

// The invariants from_closed_cells relies on (checked there only by debug assertions): each
// simplex has increasing vertex indices, each dimension is strictly lexicographically
// increasing, every facet of every simplex is present, and every vertex is a 0-simplex.
void expect_well_formed(const SimplicialComplex& k) {
  ASSERT_EQ(k.size(0), k.num_vertices());
  EXPECT_TRUE(std::is_sorted(k.vertex_ids().begin(), k.vertex_ids().end()));
  for (int q = 0; q <= k.dimension(); ++q) {
    ASSERT_GT(k.size(q), 0u) << "empty dimension " << q << " below the top";
    for (std::size_t i = 0; i < k.size(q); ++i) {
      const auto s = k.simplex(q, i);
      const std::vector<std::int32_t> v(s.begin(), s.end());
      ASSERT_TRUE(std::adjacent_find(v.begin(), v.end(), std::greater_equal<>()) == v.end())
          << "simplex (" << q << ", " << i << ") is not strictly increasing";
      if (i > 0) {
        const auto p = k.simplex(q, i - 1);
        ASSERT_TRUE(std::lexicographical_compare(p.begin(), p.end(), v.begin(), v.end()))
            << "dimension " << q << " is not strictly lexicographic at " << i;
      }
      for (int j = 0; q > 0 && j <= q; ++j) {
        std::vector<std::int32_t> f = v;
        f.erase(f.begin() + j);
        ASSERT_TRUE(k.index_of(f).has_value())
            << "a facet of (" << q << ", " << i << ") is missing";
      }
    }
  }
}

template <class F>
void expect_invalid_parameter(F&& f, const std::string& parameter) {
  try {
    f();
    ADD_FAILURE() << "no InvalidInput for " << parameter;
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), parameter);
  }
}

// ---------------------------------------------------------------- spheres and simplices

TEST(Generators, SimplexBoundaryIsASphere) {
  for (int n = 0; n <= 6; ++n) {
    SCOPED_TRACE(n);
    const auto k = gen::simplex_boundary(n);
    ASSERT_EQ(k.dimension(), n);
    for (int q = 0; q <= n; ++q) EXPECT_EQ(k.size(q), binom(n + 2, q + 1));
    EXPECT_EQ(euler(k), n % 2 == 0 ? 2 : 0);
    // A pseudomanifold: every (n−1)-face lies in exactly two n-simplices.
    if (n >= 1) {
      for (std::size_t c : cofacet_counts(k, n - 1)) EXPECT_EQ(c, 2u);
    }
    Sizes expected(n + 1, 0);
    expected[0] += 1;
    expected[n] += 1;  // S^0: two points
    EXPECT_EQ(betti(k), expected);
    EXPECT_EQ(betti(k, zp(2)), expected);
    const auto hz = homology_of(k, kZ);
    EXPECT_EQ(hz.betti, expected);
    EXPECT_TRUE(torsion_free(hz));
  }
}

TEST(Generators, FullSimplexIsContractible) {
  for (int n = 0; n <= 6; ++n) {
    SCOPED_TRACE(n);
    const auto k = gen::full_simplex(n);
    ASSERT_EQ(k.dimension(), n);
    for (int q = 0; q <= n; ++q) EXPECT_EQ(k.size(q), binom(n + 1, q + 1));
    EXPECT_EQ(euler(k), 1);
    Sizes expected(n + 1, 0);
    expected[0] = 1;
    EXPECT_EQ(betti(k), expected);
    EXPECT_EQ(betti(k, zp(2)), expected);
  }
}

TEST(Generators, OctahedralSphere) {
  for (int n = 0; n <= 5; ++n) {
    SCOPED_TRACE(n);
    const auto k = gen::octahedral_sphere(n);
    ASSERT_EQ(k.dimension(), n);
    EXPECT_EQ(k.num_vertices(), static_cast<std::size_t>(2 * n + 2));
    for (int q = 0; q <= n; ++q) EXPECT_EQ(k.size(q), (std::size_t{2} << q) * binom(n + 1, q + 1));
    EXPECT_EQ(euler(k), n % 2 == 0 ? 2 : 0);
    // Antipodal vertices 2i, 2i+1 never share an edge.
    for (int i = 0; i <= n; ++i) EXPECT_FALSE(k.find({2 * i, 2 * i + 1}).has_value());
    if (n >= 1) {
      for (std::size_t c : cofacet_counts(k, n - 1)) EXPECT_EQ(c, 2u);
    }
    Sizes expected(n + 1, 0);
    expected[0] += 1;
    expected[n] += 1;
    EXPECT_EQ(betti(k), expected);
    const auto hz = homology_of(k, kZ);
    EXPECT_EQ(hz.betti, expected);
    EXPECT_TRUE(torsion_free(hz));
  }
  // n = 2 is the octahedron of REFERENCE §3.1 S3.
  const auto oct = gen::octahedral_sphere(2);
  EXPECT_EQ(oct.f_vector(), (Sizes{6, 12, 8}));
  expect_closed_surface(oct);
}

// ---------------------------------------------------------------- closed surfaces

TEST(Generators, TorusHasSevenVerticesAndHomologyOfT2) {
  const auto k = gen::torus();
  EXPECT_EQ(k.f_vector(), (Sizes{7, 21, 14}));  // the 1-skeleton is K_7
  EXPECT_EQ(euler(k), 0);
  expect_closed_surface(k);
  EXPECT_EQ(betti(k), (Sizes{1, 2, 1}));
  EXPECT_EQ(betti(k, zp(2)), (Sizes{1, 2, 1}));
  EXPECT_EQ(betti(k, zp(3)), (Sizes{1, 2, 1}));
  const auto hz = homology_of(k, kZ);
  EXPECT_EQ(hz.betti, (Sizes{1, 2, 1}));
  EXPECT_TRUE(torsion_free(hz));
}

TEST(Generators, KleinBottle) {
  const auto k = gen::klein_bottle();
  EXPECT_EQ(k.f_vector(), (Sizes{9, 27, 18}));
  EXPECT_EQ(euler(k), 0);
  expect_closed_surface(k);
  EXPECT_EQ(betti(k), (Sizes{1, 1, 0}));         // non-orientable: H_2 = 0
  EXPECT_EQ(betti(k, zp(2)), (Sizes{1, 2, 1}));  // the Z/2 in H_1 shows mod 2
  EXPECT_EQ(betti(k, zp(3)), (Sizes{1, 1, 0}));
  const auto hz = homology_of(k, kZ);
  EXPECT_EQ(hz.betti, (Sizes{1, 1, 0}));
  EXPECT_EQ(hz.torsion, (Torsion{{}, {2}, {}}));
}

TEST(Generators, RealProjectivePlane) {
  const auto k = gen::real_projective_plane();
  EXPECT_EQ(k.f_vector(), (Sizes{6, 15, 10}));  // the 1-skeleton is K_6
  EXPECT_EQ(euler(k), 1);
  expect_closed_surface(k);
  EXPECT_EQ(betti(k), (Sizes{1, 0, 0}));
  EXPECT_EQ(betti(k, zp(2)), (Sizes{1, 1, 1}));
  EXPECT_EQ(betti(k, zp(3)), (Sizes{1, 0, 0}));
  const auto hz = homology_of(k, kZ);
  EXPECT_EQ(hz.betti, (Sizes{1, 0, 0}));
  EXPECT_EQ(hz.torsion, (Torsion{{}, {2}, {}}));
}

// ---------------------------------------------------------------- with boundary, contractible

TEST(Generators, MobiusBand) {
  const auto k = gen::mobius_band();
  EXPECT_EQ(k.f_vector(), (Sizes{5, 10, 5}));
  EXPECT_EQ(euler(k), 0);
  // Edges {i, i+1} are interior (2 triangles); the edges {i, i+2} form the boundary, which is
  // one 5-cycle (an annulus would have two boundary circles).
  std::vector<std::pair<VertexId, VertexId>> boundary;
  for (std::size_t e = 0; e < k.size(1); ++e) {
    const auto n = k.cofacets(1, e).size();
    EXPECT_TRUE(n == 1 || n == 2);
    if (n == 1) boundary.emplace_back(k.simplex_ids(1, e)[0], k.simplex_ids(1, e)[1]);
  }
  EXPECT_EQ(boundary.size(), 5u);
  EXPECT_TRUE(is_single_cycle(boundary));
  EXPECT_EQ(betti(k), (Sizes{1, 1, 0}));
  EXPECT_EQ(betti(k, zp(2)), (Sizes{1, 1, 0}));
  EXPECT_TRUE(torsion_free(homology_of(k, kZ)));
}

TEST(Generators, DunceHatIsContractible) {
  const auto k = gen::dunce_hat();
  EXPECT_EQ(k.f_vector(), (Sizes{8, 24, 17}));
  EXPECT_EQ(euler(k), 1);
  // The glued sides form the 3-cycle 0-1-2: those edges lie in 3 triangles (one per side of the
  // original triangle), every other edge in 2 (interior of the disk).
  for (std::size_t e = 0; e < k.size(1); ++e) {
    const Simplex s = k.simplex_ids(1, e);
    const bool glued = s[1] <= 2;
    EXPECT_EQ(k.cofacets(1, e).size(), glued ? 3u : 2u) << s[0] << "-" << s[1];
  }
  // So no edge is free (in exactly one triangle): no collapse can even start.
  EXPECT_EQ(betti(k), (Sizes{1, 0, 0}));
  EXPECT_EQ(betti(k, zp(2)), (Sizes{1, 0, 0}));
  EXPECT_EQ(betti(k, zp(3)), (Sizes{1, 0, 0}));
  const auto hz = homology_of(k, kZ);
  EXPECT_EQ(hz.betti, (Sizes{1, 0, 0}));
  EXPECT_TRUE(torsion_free(hz));
}

TEST(Generators, MooreSpaceZ3HasTorsion) {
  const auto k = gen::moore_space(3);
  EXPECT_EQ(k.f_vector(), (Sizes{13, 39, 27}));
  EXPECT_EQ(euler(k), 1);
  EXPECT_EQ(betti(k, zp(3)), (Sizes{1, 1, 1}));
  EXPECT_EQ(betti(k), (Sizes{1, 0, 0}));
  EXPECT_EQ(betti(k, zp(2)), (Sizes{1, 0, 0}));
  const auto hz = homology_of(k, kZ);
  EXPECT_EQ(hz.betti, (Sizes{1, 0, 0}));
  EXPECT_EQ(hz.torsion, (Torsion{{}, {3}, {}}));
}

TEST(Generators, MooreSpaceForSeveralOrders) {
  for (int p = 1; p <= 7; ++p) {
    SCOPED_TRACE(p);
    const auto k = gen::moore_space(p);
    const std::size_t up = p;
    EXPECT_EQ(k.f_vector(), (Sizes{3 * up + 4, 12 * up + 3, 9 * up}));
    EXPECT_EQ(euler(k), 1);
    // A disk with boundary glued: interior edges in 2 triangles, the 3 glued edges in p.
    for (std::size_t e = 0; e < k.size(1); ++e)
      EXPECT_EQ(k.cofacets(1, e).size(), k.simplex_ids(1, e)[1] <= 2 ? up : 2u);
    const auto hz = homology_of(k, kZ);
    EXPECT_EQ(hz.betti, (Sizes{1, 0, 0}));
    EXPECT_EQ(hz.torsion[1], p == 1 ? std::vector<std::int64_t>{} : std::vector<std::int64_t>{p});
    // Mod 2 the torsion shows exactly when p is even.
    EXPECT_EQ(betti(k, zp(2)), p % 2 == 0 ? (Sizes{1, 1, 1}) : (Sizes{1, 0, 0}));
  }
}

// ---------------------------------------------------------------- wedge, disjoint union

TEST(Generators, WedgeIdentifiesTheSmallestVertices) {
  const auto a = SimplicialComplex::from_simplices({{10, 20}});
  const auto b = SimplicialComplex::from_simplices({{5, 7}, {7, 9}});
  const auto w = gen::wedge(a, b);
  // 5 ↦ 10; 7, 9 ↦ 21, 22.
  EXPECT_EQ(w.vertex_ids(), (std::vector<VertexId>{10, 20, 21, 22}));
  EXPECT_EQ(w.f_vector(), (Sizes{4, 3}));
  EXPECT_TRUE(w.find({10, 20}).has_value());
  EXPECT_TRUE(w.find({10, 21}).has_value());
  EXPECT_TRUE(w.find({21, 22}).has_value());
  EXPECT_EQ(betti(w), (Sizes{1, 0}));
}

TEST(Generators, WedgeAddsReducedHomology) {
  const auto t = gen::torus(), rp2 = gen::real_projective_plane();
  const auto w = gen::wedge(t, rp2);
  EXPECT_EQ(w.f_vector(), (Sizes{7 + 6 - 1, 21 + 15, 14 + 10}));
  EXPECT_EQ(euler(w), euler(t) + euler(rp2) - 1);
  EXPECT_EQ(betti(w), (Sizes{1, 2, 1}));
  EXPECT_EQ(betti(w, zp(2)), (Sizes{1, 3, 2}));
  const auto hz = homology_of(w, kZ);
  EXPECT_EQ(hz.betti, (Sizes{1, 2, 1}));
  EXPECT_EQ(hz.torsion, (Torsion{{}, {2}, {}}));
  // A bouquet of spheres of different dimensions.
  const auto bouquet = gen::wedge(gen::wedge(gen::simplex_boundary(1), gen::simplex_boundary(2)),
                                  gen::octahedral_sphere(3));
  EXPECT_EQ(betti(bouquet), (Sizes{1, 1, 1, 1}));
  // Mixed dimensions: each simplex keeps its dimension.
  EXPECT_EQ(bouquet.size(3), 16u);
  EXPECT_EQ(bouquet.num_vertices(), 3u + 4u + 8u - 2u);
  expect_invalid_parameter([&] { gen::wedge(SimplicialComplex(), t); }, "a");
  expect_invalid_parameter([&] { gen::wedge(t, SimplicialComplex()); }, "b");
}

TEST(Generators, DisjointUnion) {
  const auto t = gen::torus(), kb = gen::klein_bottle();
  const auto u = gen::disjoint_union(t, kb);
  EXPECT_EQ(u.f_vector(), (Sizes{16, 48, 32}));
  EXPECT_EQ(u.vertex_ids().front(), 0);
  EXPECT_EQ(u.vertex_ids().back(), 15);
  EXPECT_EQ(euler(u), 0);
  EXPECT_EQ(betti(u), (Sizes{2, 3, 1}));
  EXPECT_EQ(betti(u, zp(2)), (Sizes{2, 4, 2}));
  // b's ids go above a's: an edge 3-4 of the Klein bottle becomes 10-11.
  ASSERT_TRUE(kb.find({3, 4}).has_value());
  EXPECT_TRUE(u.find({10, 11}).has_value());
  // With user ids and an empty side.
  const auto a = SimplicialComplex::from_simplices({{100, 200}});
  const auto b = SimplicialComplex::from_simplices({{1, 2, 3}});
  const auto ab = gen::disjoint_union(a, b);
  EXPECT_EQ(ab.vertex_ids(), (std::vector<VertexId>{100, 200, 201, 202, 203}));
  EXPECT_TRUE(ab.find({201, 202, 203}).has_value());
  EXPECT_EQ(betti(ab), (Sizes{2, 0, 0}));
  const auto eb = gen::disjoint_union(SimplicialComplex(), b);
  EXPECT_EQ(eb.vertex_ids(), (std::vector<VertexId>{0, 1, 2}));
  EXPECT_EQ(eb.f_vector(), (Sizes{3, 3, 1}));
  EXPECT_TRUE(same_complex(gen::disjoint_union(a, SimplicialComplex()), a));
}

// ---------------------------------------------------------------- random complexes

TEST(Generators, LinialMeshulamFVector) {
  const int n = 9;
  const auto k = gen::linial_meshulam(n, 2, 0.5, 42);
  ASSERT_EQ(k.dimension(), 2);
  EXPECT_EQ(k.size(0), 9u);
  EXPECT_EQ(k.size(1), binom(n, 2));  // full 1-skeleton
  EXPECT_GT(k.size(2), 0u);
  EXPECT_LT(k.size(2), binom(n, 3));
  EXPECT_EQ(euler(k), 9 - 36 + static_cast<std::int64_t>(k.size(2)));
  // Homology is consistent with χ, and the complete 1-skeleton is connected.
  const Sizes b = betti(k);
  EXPECT_EQ(b[0], 1u);
  EXPECT_EQ(static_cast<std::int64_t>(b[0]) - static_cast<std::int64_t>(b[1]) +
                static_cast<std::int64_t>(b[2]),
            euler(k));
  // prob = 0 and prob = 1: the (d−1)-skeleton, and the d-skeleton of the full simplex, whose
  // only homology above degree 0 is β_d = C(n−1, d+1).
  EXPECT_EQ(gen::linial_meshulam(n, 2, 0.0, 1).f_vector(), (Sizes{9, 36}));
  const auto full = gen::linial_meshulam(n, 2, 1.0, 1);
  EXPECT_EQ(full.f_vector(), (Sizes{9, 36, 84}));
  EXPECT_EQ(betti(full), (Sizes{1, 0, binom(n - 1, 3)}));
  const auto full3 = gen::linial_meshulam(7, 3, 1.0, 1);
  EXPECT_EQ(full3.f_vector(), (Sizes{7, 21, 35, 35}));
  EXPECT_EQ(betti(full3), (Sizes{1, 0, 0, binom(6, 4)}));
  // d = 1 is G(n, p) with all vertices.
  EXPECT_EQ(gen::linial_meshulam(5, 1, 0.0, 3).f_vector(), (Sizes{5}));
  // The number of d-simplices is Binomial(C(n, d+1), prob): mean 1218, sd 29 here.
  const auto big = gen::linial_meshulam(30, 2, 0.3, 7);
  EXPECT_NEAR(static_cast<double>(big.size(2)), 0.3 * binom(30, 3), 6 * 29.2);
}

TEST(Generators, RandomGeneratorsAreDeterministicInTheSeed) {
  EXPECT_TRUE(
      same_complex(gen::linial_meshulam(10, 2, 0.4, 5), gen::linial_meshulam(10, 2, 0.4, 5)));
  EXPECT_TRUE(same_complex(gen::random_clique_complex(25, 0.3, 3, 9),
                           gen::random_clique_complex(25, 0.3, 3, 9)));
  EXPECT_TRUE(same_complex(gen::random_geometric_clique_complex(40, 0.3, 2, 3, 11),
                           gen::random_geometric_clique_complex(40, 0.3, 2, 3, 11)));
  // Different seeds give different complexes (for these sizes a coincidence is negligible).
  EXPECT_FALSE(
      same_complex(gen::linial_meshulam(10, 2, 0.4, 5), gen::linial_meshulam(10, 2, 0.4, 6)));
  EXPECT_FALSE(same_complex(gen::random_clique_complex(25, 0.3, 3, 9),
                            gen::random_clique_complex(25, 0.3, 3, 10)));
  EXPECT_FALSE(same_complex(gen::random_geometric_clique_complex(40, 0.3, 2, 3, 11),
                            gen::random_geometric_clique_complex(40, 0.3, 2, 3, 12)));
}

TEST(Generators, RandomCliqueComplexIsAFlagComplex) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const auto k = gen::random_clique_complex(18, 0.45, 3, seed);
    EXPECT_EQ(k.num_vertices(), 18u);
    expect_flag_complex(k, 3);
    const auto h = homology_of(k, zp(2));
    std::int64_t alt = 0;
    for (std::size_t q = 0; q < h.betti.size(); ++q)
      alt += (q % 2 == 0 ? 1 : -1) * static_cast<std::int64_t>(h.betti[q]);
    EXPECT_EQ(alt, euler(k));
  }
  const auto k1 = gen::random_clique_complex(18, 0.45, 1, 1);
  expect_flag_complex(k1, 1);
  // Same seed, larger max_dim: the same graph, more simplices on top.
  EXPECT_EQ(gen::random_clique_complex(18, 0.45, 3, 1).size(1), k1.size(1));
  // Extremes: no edges (isolated vertices, all kept), and the complete graph.
  EXPECT_EQ(gen::random_clique_complex(6, 0.0, 3, 1).f_vector(), (Sizes{6}));
  EXPECT_EQ(gen::random_clique_complex(6, 1.0, 3, 1).f_vector(), (Sizes{6, 15, 20, 15}));
  EXPECT_EQ(gen::random_clique_complex(6, 1.0, 10, 1).f_vector(), (Sizes{6, 15, 20, 15, 6, 1}));
  EXPECT_EQ(gen::random_clique_complex(0, 0.5, 2, 1).dimension(), -1);
}

TEST(Generators, RandomGeometricCliqueComplex) {
  const auto k = gen::random_geometric_clique_complex(60, 0.25, 2, 3, 4);
  EXPECT_EQ(k.num_vertices(), 60u);
  expect_flag_complex(k, 3);
  // Same seed, same points: a larger radius only adds edges.
  const auto bigger = gen::random_geometric_clique_complex(60, 0.35, 2, 3, 4);
  EXPECT_GT(bigger.size(1), k.size(1));
  for (std::size_t e = 0; e < k.size(1); ++e)
    EXPECT_TRUE(bigger.find(k.simplex_ids(1, e)).has_value());
  // Radius 0: no edges; radius ≥ the cube's diameter: everything.
  EXPECT_EQ(gen::random_geometric_clique_complex(10, 0.0, 3, 2, 1).f_vector(), (Sizes{10}));
  EXPECT_EQ(gen::random_geometric_clique_complex(6, 2.0, 3, 2, 1).f_vector(), (Sizes{6, 15, 20}));
  // Higher-dimensional space works too.
  expect_flag_complex(gen::random_geometric_clique_complex(30, 0.9, 5, 3, 2), 3);
}

// ---------------------------------------------------------------- Freudenthal grid

// f-vector of the Kuhn triangulation: a q-simplex is a base point b and a chain of q nonempty
// disjoint axis sets, so f_q = Σ_U (ordered splits of U into q parts) · Π_{i∈U} n_i Π_{i∉U}
// (n_i+1).
Sizes freudenthal_f_vector(std::size_t nx, std::size_t ny, std::size_t nz) {
  const std::size_t X = nx + 1, Y = ny + 1, Z = nz + 1;
  const std::size_t one = nx * Y * Z + X * ny * Z + X * Y * nz;
  const std::size_t two = nx * ny * Z + nx * Y * nz + X * ny * nz;
  const std::size_t three = nx * ny * nz;
  return {X * Y * Z, one + two + three, 2 * two + 6 * three, 6 * three};
}

TEST(Generators, FreudenthalGridSmall) {
  for (auto [nx, ny, nz] : std::vector<std::array<int, 3>>{{1, 1, 1}, {2, 3, 4}, {3, 1, 2}}) {
    SCOPED_TRACE(testing::Message() << nx << "x" << ny << "x" << nz);
    const auto k = gen::freudenthal_grid(nx, ny, nz);
    EXPECT_EQ(k.f_vector(), freudenthal_f_vector(nx, ny, nz));
    EXPECT_EQ(euler(k), 1);
    // A 3-manifold with boundary: every triangle in one or two tetrahedra.
    for (std::size_t c : cofacet_counts(k, 2)) EXPECT_TRUE(c == 1 || c == 2);
    EXPECT_EQ(betti(k), (Sizes{1, 0, 0, 0}));
    EXPECT_TRUE(torsion_free(homology_of(k, kZ)));
  }
  // Vertex (x, y, z) has id x + (nx+1)(y + (ny+1) z); the tetrahedron of the cube at the origin
  // that steps x, then y, then z.
  const auto k = gen::freudenthal_grid(2, 3, 4);
  const VertexId sy = 3, sz = 3 * 4;
  EXPECT_TRUE(k.find({0, 1, 1 + sy, 1 + sy + sz}).has_value());
  EXPECT_FALSE(k.find({1, sy}).has_value());  // the other diagonal of the bottom square
  EXPECT_EQ(k.vertex_ids().back(), 2 + sy * 3 + sz * 4);
}

TEST(Generators, FreudenthalGridScalesToMillionsOfSimplices) {
  const auto start = std::chrono::steady_clock::now();
  const auto k = gen::freudenthal_grid(40, 40, 40);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(k.f_vector(), freudenthal_f_vector(40, 40, 40));
  EXPECT_GT(k.total_size(), 1000000u);
  EXPECT_EQ(euler(k), 1);
  RecordProperty("seconds_40x40x40", std::to_string(seconds));
  EXPECT_LT(seconds, 30.0) << "freudenthal_grid(40, 40, 40) is far too slow";
}

TEST(Generators, EveryGeneratorBuildsAWellFormedComplex) {
  const auto t = gen::torus();
  const std::vector<std::pair<const char*, SimplicialComplex>> all = {
      {"simplex_boundary(4)", gen::simplex_boundary(4)},
      {"full_simplex(5)", gen::full_simplex(5)},
      {"octahedral_sphere(4)", gen::octahedral_sphere(4)},
      {"torus", t},
      {"klein_bottle", gen::klein_bottle()},
      {"real_projective_plane", gen::real_projective_plane()},
      {"mobius_band", gen::mobius_band()},
      {"dunce_hat", gen::dunce_hat()},
      {"moore_space(4)", gen::moore_space(4)},
      {"wedge", gen::wedge(gen::simplex_boundary(1), gen::full_simplex(3))},
      {"wedge (tail)", gen::wedge(t, gen::mobius_band())},
      {"disjoint_union", gen::disjoint_union(gen::full_simplex(3), t)},
      {"linial_meshulam", gen::linial_meshulam(12, 3, 0.2, 1)},
      {"random_clique_complex", gen::random_clique_complex(30, 0.4, 4, 1)},
      {"random_geometric_clique_complex", gen::random_geometric_clique_complex(50, 0.3, 3, 3, 1)},
      {"freudenthal_grid", gen::freudenthal_grid(3, 2, 2)}};
  for (const auto& [name, k] : all) {
    SCOPED_TRACE(name);
    expect_well_formed(k);
  }
}

// ---------------------------------------------------------------- bundled example cases

// examples/cases/*.json: each parses cleanly, its expectations agree with the library, and the
// surfaces are exactly the generators' complexes (so the README demo shows these generators).
TEST(Generators, BundledExampleCasesAgreeWithTheLibrary) {
  const auto dir = std::filesystem::path(TOPOSPEC_SOURCE_DIR) / "examples/cases";
  const std::map<std::string, SimplicialComplex> generated = {
      {"torus-7-vertex", gen::torus()},
      {"rp2-6-vertex", gen::real_projective_plane()},
      {"klein-bottle-z2", gen::klein_bottle()}};
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const auto c = verify::read_case_file(entry.path());
    EXPECT_TRUE(c.warnings.empty()) << c.warnings.front();
    seen.insert(c.name);
    if (c.input_type != verify::InputType::SimplicialComplex) {
      // Filtered examples: the library's answer meets every expectation.
      const auto result = verify::compare_answer(c, c.expect, verify::answer_case(c));
      EXPECT_TRUE(result.passed())
          << (result.first_problem() ? result.first_problem()->message : std::string());
      continue;
    }
    const auto k = SimplicialComplex::from_simplices(c.simplices);
    if (auto it = generated.find(c.name); it != generated.end()) {
      EXPECT_TRUE(same_complex(k, it->second));
    }
    const auto& e = c.expect;
    HomologyOptions options;
    options.coefficients = c.options.coefficients;
    const auto cc = chain_complex(k);
    const auto h = homology(cc, options);
    EXPECT_EQ(e.at("chain_dims").get<Sizes>(), h.chain_dims);
    EXPECT_EQ(e.at("betti").get<Sizes>(), h.betti);
    EXPECT_EQ(e.at("boundary_ranks").get<Sizes>(), h.boundary_ranks);
    EXPECT_EQ(e.at("euler_characteristic").get<std::int64_t>(), euler(k));
    if (e.contains("torsion")) {
      for (int q = 0; q <= k.dimension(); ++q)
        EXPECT_EQ(e.at("torsion").at(std::to_string(q)).get<std::vector<std::int64_t>>(),
                  h.torsion[q]);
    }
    for (int q = 0; q <= k.dimension(); ++q) {
      const auto want = e.at("laplacian_spectrum").at(std::to_string(q)).get<std::vector<double>>();
      const auto got = full_spectrum(hodge_laplacian(cc, q));
      ASSERT_EQ(got.size(), want.size());
      for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-9);
    }
  }
  EXPECT_EQ(seen, (std::set<std::string>{"s1-seed", "hexagon", "octahedron", "torus-7-vertex",
                                         "rp2-6-vertex", "klein-bottle-z2", "c20-fullerene-rips",
                                         "seed-digraph-path-homology", "hypergraph-h4",
                                         "cycle-network-6-persistent-laplacian"}));
}

// ---------------------------------------------------------------- argument checks

TEST(Generators, InvalidArgumentsNameTheParameter) {
  expect_invalid_parameter([] { gen::simplex_boundary(-1); }, "n");
  expect_invalid_parameter([] { gen::full_simplex(-2); }, "n");
  expect_invalid_parameter([] { gen::octahedral_sphere(-1); }, "n");
  expect_invalid_parameter([] { gen::moore_space(0); }, "p");
  expect_invalid_parameter([] { gen::linial_meshulam(-1, 2, 0.5, 1); }, "n");
  expect_invalid_parameter([] { gen::linial_meshulam(5, 0, 0.5, 1); }, "d");
  expect_invalid_parameter([] { gen::linial_meshulam(5, 2, 1.5, 1); }, "prob");
  expect_invalid_parameter([] { gen::linial_meshulam(5, 2, -0.1, 1); }, "prob");
  expect_invalid_parameter([] { gen::linial_meshulam(5, 2, std::nan(""), 1); }, "prob");
  expect_invalid_parameter([] { gen::random_clique_complex(-3, 0.5, 2, 1); }, "n");
  expect_invalid_parameter([] { gen::random_clique_complex(5, 2.0, 2, 1); }, "edge_prob");
  expect_invalid_parameter([] { gen::random_clique_complex(5, 0.5, -1, 1); }, "max_dim");
  expect_invalid_parameter([] { gen::random_geometric_clique_complex(-1, 0.1, 2, 2, 1); }, "n");
  expect_invalid_parameter([] { gen::random_geometric_clique_complex(5, -0.1, 2, 2, 1); },
                           "radius");
  expect_invalid_parameter(
      [] {
        gen::random_geometric_clique_complex(5, std::numeric_limits<double>::infinity(), 2, 2, 1);
      },
      "radius");
  expect_invalid_parameter([] { gen::random_geometric_clique_complex(5, 0.1, 0, 2, 1); },
                           "dim_space");
  expect_invalid_parameter([] { gen::random_geometric_clique_complex(5, 0.1, 2, -1, 1); },
                           "max_dim");
  expect_invalid_parameter([] { gen::freudenthal_grid(0, 1, 1); }, "nx");
  expect_invalid_parameter([] { gen::freudenthal_grid(1, -1, 1); }, "ny");
  expect_invalid_parameter([] { gen::freudenthal_grid(1, 1, 0); }, "nz");
}

TEST(Generators, OversizedRequestsAreResourceLimits) {
  // Refused from the estimate, before anything of that size is allocated.
  EXPECT_THROW(gen::simplex_boundary(40), ResourceLimit);
  EXPECT_THROW(gen::full_simplex(100), ResourceLimit);
  EXPECT_THROW(gen::octahedral_sphere(30), ResourceLimit);
  EXPECT_THROW(gen::linial_meshulam(100000, 3, 0.1, 1), ResourceLimit);
  EXPECT_THROW(gen::random_clique_complex(1000000, 0.1, 2, 1), ResourceLimit);
  EXPECT_THROW(gen::freudenthal_grid(2000, 2000, 2000), ResourceLimit);
}

}  // namespace
}  // namespace topospec

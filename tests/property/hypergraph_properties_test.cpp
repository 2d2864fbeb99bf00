// Properties of hypergraph embedded homology on random hypergraphs: a hypergraph closed under
// faces is its simplicial complex (Betti numbers, torsion and Hodge spectra); the Inf chain
// complex and the rank-only supremum formula give the same Betti numbers over Q and Z/2; ∂∂ = 0
// in the exact and the orthonormal real form; nullity L_q = β_q over Q; invariance under
// relabelling the vertices (which also flips orientations).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "property/random_complexes.hpp"
#include "topospec/hypergraph/hypergraph.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/simplicial_complex.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

using Sizes = std::vector<std::size_t>;
using test::random_simplices;
using test::shuffled;

constexpr double kTol = 1e-8;  // relative, for eigenvalues

Hypergraph hypergraph_of(const std::vector<Simplex>& edges) {
  std::vector<Hyperedge> in;
  for (const Simplex& s : edges) in.push_back({s, std::nullopt});
  return Hypergraph::from_hyperedges(in);
}

// Every simplex of K, as a list of hyperedges.
std::vector<Simplex> all_simplices(const SimplicialComplex& k) {
  std::vector<Simplex> out;
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) out.push_back(k.simplex_ids(q, i));
  return out;
}

// A random hypergraph: up to 24 random hyperedges of 1–5 vertices on at most 10 vertices, or a
// random part of the closure of a random complex (relabelled RP², M(Z/3,1), torus seeds
// included), where faces missing under present hyperedges make Inf a proper subspace, or the
// triangles of RP² with a few of their faces.
std::vector<Simplex> random_hyperedges() {
  const int kind = *rc::gen::inRange(0, 8);
  if (kind == 0) {
    // The triangles of RP² with some of its edges and vertices: the constraint rows can carry
    // 2-torsion, where Z/2 embedded homology differs from the Z-lattice Inf reduced mod 2.
    std::vector<Simplex> out = test::seed(1);
    const SimplicialComplex k = SimplicialComplex::from_simplices(out);
    for (int q = 0; q <= 1; ++q)
      for (std::size_t i = 0; i < k.size(q); ++i)
        if (*rc::gen::inRange(0, 4) == 0) out.push_back(k.simplex_ids(q, i));
    return out;
  }
  if (kind <= 4) {
    const int n = *rc::gen::inRange(1, 11);
    const int count = *rc::gen::inRange(0, 25);
    std::vector<VertexId> all(n);
    std::iota(all.begin(), all.end(), 0);
    std::vector<Simplex> out;
    for (int k = 0; k < count; ++k) {
      const int size = *rc::gen::inRange(1, std::min(n, 5) + 1);
      const std::vector<VertexId> v = shuffled(all);
      out.emplace_back(v.begin(), v.begin() + size);
    }
    return out;
  }
  const SimplicialComplex k = SimplicialComplex::from_simplices(random_simplices());
  const int keep_percent = *rc::gen::inRange(30, 101);
  std::vector<Simplex> out;
  for (const Simplex& s : all_simplices(k))
    if (*rc::gen::inRange(0, 100) < keep_percent) out.push_back(s);
  return out;
}

int top_of(const Hypergraph& h) { return std::max(h.top_degree(), 0); }

Sizes betti_of(const ChainComplex& c, int max_dim, Coefficients k = Coefficients::rationals()) {
  HomologyOptions o;
  o.coefficients = k;
  o.max_dim = max_dim;
  return homology(c, o).betti;
}

std::vector<double> spectrum(const ChainComplex& c, int q) {
  return full_spectrum(hodge_laplacian(c, q));
}

void assert_close(const std::vector<double>& a, const std::vector<double>& b) {
  RC_ASSERT(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    RC_ASSERT(std::abs(a[i] - b[i]) <= kTol * std::max(1.0, std::abs(b[i])));
}

// Whether the constraint rows (closure faces that are not hyperedges) of every degree have the
// same rank over Z/p as over Q. Then the Z-basis of Inf reduced mod p spans Inf over Z/p, and
// the Inf complex's Z/p homology is the Z/p embedded homology; otherwise (p-torsion in the
// constraints, e.g. the triangles of RP² alone, p = 2) the two may differ.
bool constraints_torsion_free(const Hypergraph& h, int top, std::uint32_t p) {
  const HypergraphGenerators g = hypergraph_generators(h, top);
  for (std::size_t q = 1; q < g.degrees.size(); ++q) {
    const IntegerMatrix& b = g.degrees[q].boundary;
    const auto first = static_cast<Eigen::Index>(g.degrees[q - 1].generators);
    const IntegerMatrix a = b.bottomRows(b.rows() - first);
    if (rank_mod_p(a, p) != rank_mod_p(a, 2147483647u)) return false;
  }
  return true;
}

// ---- (a) A hypergraph that is a simplicial complex.

RC_GTEST_PROP(HypergraphProperties, ClosedHypergraphIsItsSimplicialComplex, ()) {
  const SimplicialComplex k = SimplicialComplex::from_simplices(random_simplices());
  const Hypergraph h = hypergraph_of(all_simplices(k));
  const int top = k.dimension();
  RC_ASSERT(h.top_degree() == top);
  const ChainComplex simplicial = chain_complex(k);
  const InfimumComplex inf = embedded_complex(h);
  for (int q = 0; q <= top; ++q) RC_ASSERT(inf.chains.dim(q) == k.size(q));
  const Sizes beta = betti_of(simplicial, top);
  RC_ASSERT(betti_of(inf.chains, top) == beta);
  RC_ASSERT(embedded_betti_by_ranks(h, top) == beta);
  HomologyOptions z;
  z.coefficients = Coefficients::integers();
  RC_ASSERT(homology(inf.chains, z).torsion == homology(simplicial, z).torsion);
  for (int q = 0; q <= top; ++q) assert_close(spectrum(inf.chains, q), spectrum(simplicial, q));
}

// ---- (b) Inf and Sup agree.

RC_GTEST_PROP(HypergraphProperties, InfBettiEqualsSupremumBetti, ()) {
  const Hypergraph h = hypergraph_of(random_hyperedges());
  const int top = top_of(h);
  const InfimumComplex inf = embedded_complex(h, top);
  const Sizes beta = betti_of(inf.chains, top);
  RC_ASSERT(embedded_betti_by_ranks(h, top) == beta);
  // Euler: Σ (−1)^q dim Inf_q = Σ (−1)^q β_q (Inf is empty above the top hyperedge degree).
  std::int64_t euler = 0;
  for (int q = 0; q <= top; ++q)
    euler += (q % 2 ? -1 : 1) * static_cast<std::int64_t>(beta[static_cast<std::size_t>(q)]);
  RC_ASSERT(inf.chains.euler_characteristic() == euler);
  const Coefficients z2 = Coefficients::prime_field(2);
  const bool comparable = constraints_torsion_free(h, top, 2);
  RC_TAG(comparable ? "Z/2 compared" : "2-torsion in the constraints");
  const Sizes beta2 = embedded_betti_by_ranks(h, top, z2);
  if (comparable) RC_ASSERT(beta2 == betti_of(inf.chains, top, z2));
  // Inf over F_2 itself agrees always.
  InfimumOptions mod2;
  mod2.modulus = 2;
  RC_ASSERT(betti_of(embedded_complex(h, top, mod2).chains, top, z2) == beta2);
}

// ---- (c) ∂∂ = 0.

RC_GTEST_PROP(HypergraphProperties, BoundarySquaresToZero, ()) {
  const InfimumComplex inf = embedded_complex(hypergraph_of(random_hyperedges()));
  const ChainComplex& c = inf.chains;
  for (int q = 2; q <= c.top_degree(); ++q) {
    const IntegerMatrix dd = c.boundary(q - 1) * c.boundary(q);
    for (Eigen::Index j = 0; j < dd.outerSize(); ++j)
      for (IntegerMatrix::InnerIterator it(dd, j); it; ++it) RC_ASSERT(it.value() == 0);
    const RealMatrix rr = c.real_boundary(q - 1) * c.real_boundary(q);
    for (Eigen::Index j = 0; j < rr.outerSize(); ++j)
      for (RealMatrix::InnerIterator it(rr, j); it; ++it) RC_ASSERT(std::abs(it.value()) <= 1e-12);
  }
}

// ---- (d) The orthonormal real form carries the rational homology.

RC_GTEST_PROP(HypergraphProperties, LaplacianNullityIsExactRationalBetti, ()) {
  const Hypergraph h = hypergraph_of(random_hyperedges());
  const int top = top_of(h);
  const InfimumComplex inf = embedded_complex(h, top);
  const Sizes beta = betti_of(inf.chains, top);
  for (int q = 0; q <= top; ++q) {
    const RealMatrix l = hodge_laplacian(inf.chains, q);
    const std::vector<double> ev = full_spectrum(l);
    for (double v : ev) RC_ASSERT(v >= -zero_threshold(l));  // L ⪰ 0
    RC_ASSERT(numeric_nullity(ev, zero_threshold(l)) == beta[static_cast<std::size_t>(q)]);
  }
}

// ---- (e) Relabelling the vertices (any injective map; order changes flip orientations).

RC_GTEST_PROP(HypergraphProperties, InvariantUnderRelabelling, ()) {
  const std::vector<Simplex> edges = random_hyperedges();
  std::vector<VertexId> ids(40);
  std::iota(ids.begin(), ids.end(), 0);
  const std::vector<VertexId> map = shuffled(ids);  // vertex ids are < 15
  std::vector<Simplex> relabelled = edges;
  for (Simplex& s : relabelled)
    for (VertexId& v : s) v = 3 * map[static_cast<std::size_t>(v)] + 1;
  const Hypergraph h = hypergraph_of(edges), g = hypergraph_of(relabelled);
  const int top = top_of(h);
  RC_ASSERT(top_of(g) == top);
  const InfimumComplex a = embedded_complex(h, top), b = embedded_complex(g, top);
  RC_ASSERT(a.chains.dims() == b.chains.dims());
  RC_ASSERT(betti_of(a.chains, top) == betti_of(b.chains, top));
  RC_ASSERT(embedded_betti_by_ranks(h, top) == embedded_betti_by_ranks(g, top));
  for (int q = 0; q <= top; ++q) assert_close(spectrum(a.chains, q), spectrum(b.chains, q));
}

}  // namespace
}  // namespace topospec

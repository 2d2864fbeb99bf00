// Properties of barcodes on random filtrations of random complexes: persistent Betti numbers
// from the bars equal an independent rank computation of H_q(K_a) → H_q(K_b); the bars at the
// last value give the homology of the whole complex; β^{a,b} ≤ min(β^a, β^b); relabelling the
// vertices changes nothing; the homology and cohomology reductions agree.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <vector>

// White-box: the two reduction directions are private to the library.
#include "../../topology/src/persistence_reduction.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/persistence.hpp"
#include "topospec/topology/simplicial_complex.hpp"
#include "property/random_complexes.hpp"

namespace topospec {
namespace {

using test::random_simplices;
using test::shuffled;

// A random monotone filtration: lower-star of random vertex values plus a random increment per
// simplex on top of its largest facet (small integers, so many ties).
std::vector<std::vector<double>> random_values(const SimplicialComplex& k) {
  std::vector<std::vector<double>> v(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) {
      double base = 0;
      for (std::uint32_t f : k.facets(q, i)) base = std::max(base, v[q - 1][f]);
      const int bump = *rc::gen::inRange(0, 6);
      v[q].push_back(base + (q == 0 ? bump : std::max(0, bump - 3)));
    }
  return v;
}

struct Filtered {
  SimplicialComplex k;
  ChainComplex c;
};

Filtered random_filtered() {
  Filtered f;
  f.k = SimplicialComplex::from_simplices(random_simplices());
  f.c = chain_complex(f.k);
  f.c.set_values(random_values(f.k));
  return f;
}

Coefficients random_field() {
  switch (*rc::gen::inRange(0, 3)) {
    case 0:
      return Coefficients::prime_field(2);
    case 1:
      return Coefficients::prime_field(3);
    default:
      return Coefficients::rationals();
  }
}

std::uint32_t prime_of(Coefficients f) {
  return f.kind == Coefficients::Kind::Q ? 2147483647u : f.p;
}

PersistenceOptions over(Coefficients f, int max_dim = -1) {
  PersistenceOptions o;
  o.coefficients = f;
  o.max_dim = max_dim;
  return o;
}

std::vector<double> levels(const ChainComplex& c) {
  std::vector<double> t{-1};  // below everything: K = ∅
  for (const auto& d : c.values()) t.insert(t.end(), d.begin(), d.end());
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  return t;
}

// Rows with row_keep and columns with col_keep of m.
template <class RowKeep, class ColKeep>
IntegerMatrix restricted(const IntegerMatrix& m, RowKeep row_keep, ColKeep col_keep) {
  std::vector<Eigen::Index> row_pos(static_cast<std::size_t>(m.rows()), -1);
  Eigen::Index rows = 0, cols = 0;
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    if (row_keep(static_cast<std::size_t>(i))) row_pos[static_cast<std::size_t>(i)] = rows++;
  std::vector<Eigen::Triplet<std::int64_t, std::int64_t>> e;
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    if (!col_keep(static_cast<std::size_t>(j))) continue;
    for (IntegerMatrix::InnerIterator it(m, j); it; ++it)
      if (row_pos[static_cast<std::size_t>(it.row())] >= 0)
        e.emplace_back(row_pos[static_cast<std::size_t>(it.row())], cols, it.value());
    ++cols;
  }
  IntegerMatrix out(rows, cols);
  out.setFromTriplets(e.begin(), e.end());
  return out;
}

// rank(H_q(K_a) → H_q(K_b)) without any pairing: dim Z_q(K_a) − dim(Z_q(K_a) ∩ B_q(K_b)), where
// Z_q(K_a) ∩ B_q(K_b) = ∂ C^{a,b}_{q+1}, C^{a,b}_{q+1} = {c ∈ C_{q+1}(K_b) : ∂c ∈ C_q(K_a)} ⊇
// Z_{q+1}(K_b), so its dimension is rk ∂^b_{q+1} − rk(the rows of ∂^b_{q+1} of the q-cells in
// K_b \ K_a). Hence β^{a,b} = n^a_q − rk ∂^a_q − rk ∂^b_{q+1} + rk ∂^b_{q+1}[new rows].
std::size_t persistent_betti_by_ranks(const ChainComplex& c, int q, double a, double b,
                                      std::uint32_t p) {
  const auto& v = c.values();
  auto in = [&](int d, double t) {
    return [&, d, t](std::size_t i) {
      return d >= 0 && d <= c.top_degree() && v[static_cast<std::size_t>(d)][i] <= t;
    };
  };
  std::size_t n_a = 0;
  for (std::size_t i = 0; i < c.dim(q); ++i) n_a += in(q, a)(i);
  const std::size_t rk_a = rank_mod_p(restricted(c.boundary(q), in(q - 1, a), in(q, a)), p);
  const std::size_t rk_b = rank_mod_p(restricted(c.boundary(q + 1), in(q, b), in(q + 1, b)), p);
  const std::size_t rk_new = rank_mod_p(
      restricted(c.boundary(q + 1), [&](std::size_t i) { return in(q, b)(i) && !in(q, a)(i); },
                 in(q + 1, b)),
      p);
  return n_a - rk_a - rk_b + rk_new;
}

RC_GTEST_PROP(PersistenceProperties, PersistentBettiMatchesRanks, ()) {
  const Filtered f = random_filtered();
  const Coefficients field = random_field();
  const Barcode bars = persistence(f.c, over(field));
  const std::vector<double> t = levels(f.c);
  for (int q = 0; q <= f.c.top_degree(); ++q)
    for (std::size_t i = 0; i < t.size(); ++i)
      for (std::size_t j = i; j < t.size(); ++j)
        RC_ASSERT(bars.persistent_betti(q, t[i], t[j]) ==
                  persistent_betti_by_ranks(f.c, q, t[i], t[j], prime_of(field)));
}

RC_GTEST_PROP(PersistenceProperties, LastValueGivesHomology, ()) {
  const Filtered f = random_filtered();
  const Coefficients field = random_field();
  const Barcode bars = persistence(f.c, over(field));
  HomologyOptions o;
  o.coefficients = field;
  const HomologyResult h = homology(f.c, o);
  const double last = levels(f.c).back();
  RC_ASSERT(bars.max_degree() == f.c.top_degree());
  for (int q = 0; q <= f.c.top_degree(); ++q) {
    RC_ASSERT(bars.betti(q, last) == h.betti[static_cast<std::size_t>(q)]);
    // Every infinite bar is a class of the whole complex.
    RC_ASSERT(static_cast<std::size_t>(std::count_if(
                  bars.degree(q).begin(), bars.degree(q).end(),
                  [](const Bar& b) { return b.infinite(); })) == h.betti[static_cast<std::size_t>(q)]);
  }
}

RC_GTEST_PROP(PersistenceProperties, BarsAreWellFormedAndMonotone, ()) {
  const Filtered f = random_filtered();
  const Barcode bars = persistence(f.c, over(random_field()));
  const std::vector<double> t = levels(f.c);
  for (int q = 0; q <= bars.max_degree(); ++q) {
    RC_ASSERT(std::is_sorted(bars.degree(q).begin(), bars.degree(q).end(),
                             [](const Bar& x, const Bar& y) {
                               return x.birth < y.birth || (x.birth == y.birth && x.death < y.death);
                             }));
    for (const Bar& b : bars.degree(q)) RC_ASSERT(b.birth < b.death);
    for (std::size_t i = 0; i < t.size(); ++i)
      for (std::size_t j = i; j < t.size(); ++j)
        RC_ASSERT(bars.persistent_betti(q, t[i], t[j]) <=
                  std::min(bars.betti(q, t[i]), bars.betti(q, t[j])));
  }
}

RC_GTEST_PROP(PersistenceProperties, InvariantUnderRelabelling, ()) {
  const Filtered f = random_filtered();
  const Coefficients field = random_field();
  // Send vertex ids through a random injective map; keep each simplex's value.
  std::vector<VertexId> ids = f.k.vertex_ids();
  std::vector<VertexId> targets(ids.size());
  std::iota(targets.begin(), targets.end(), 0);
  for (VertexId& x : targets) x *= *rc::gen::inRange(1, 4);  // distinct, not consecutive
  for (std::size_t i = 1; i < targets.size(); ++i) targets[i] = std::max(targets[i], targets[i - 1] + 1);
  targets = shuffled(targets);
  std::map<VertexId, VertexId> to;
  for (std::size_t i = 0; i < ids.size(); ++i) to[ids[i]] = targets[i];
  std::map<Simplex, double> value;
  std::vector<Simplex> facets;
  for (int q = 0; q <= f.k.dimension(); ++q)
    for (std::size_t i = 0; i < f.k.size(q); ++i) {
      Simplex s = f.k.simplex_ids(q, i);
      for (VertexId& x : s) x = to[x];
      std::sort(s.begin(), s.end());
      value[s] = f.c.values()[static_cast<std::size_t>(q)][i];
      facets.push_back(s);
    }
  const SimplicialComplex k2 = SimplicialComplex::from_simplices(facets);
  ChainComplex c2 = chain_complex(k2);
  std::vector<std::vector<double>> v2(static_cast<std::size_t>(k2.dimension() + 1));
  for (int q = 0; q <= k2.dimension(); ++q)
    for (std::size_t i = 0; i < k2.size(q); ++i) v2[q].push_back(value.at(k2.simplex_ids(q, i)));
  c2.set_values(std::move(v2));
  RC_ASSERT(persistence(f.c, over(field)).bars == persistence(c2, over(field)).bars);
}

RC_GTEST_PROP(PersistenceProperties, HomologyAndCohomologyReductionsAgree, ()) {
  const Filtered f = random_filtered();
  const Coefficients field = random_field();
  const int max_dim = *rc::gen::inRange(0, std::max(f.c.top_degree(), 0) + 2);
  const PersistenceOptions o = over(field, max_dim);
  const Barcode h = detail::persistence(f.c, o, detail::PersistenceDirection::homology);
  const Barcode co = detail::persistence(f.c, o, detail::PersistenceDirection::cohomology);
  RC_ASSERT(h.bars == co.bars);
  RC_ASSERT(h.max_degree() == max_dim);
  // Truncating max_dim keeps the lower degrees as they are.
  const Barcode full = persistence(f.c, over(field));
  for (int q = 0; q <= std::min(max_dim, full.max_degree()); ++q)
    RC_ASSERT(h.degree(q) == full.degree(q));
}

}  // namespace
}  // namespace topospec

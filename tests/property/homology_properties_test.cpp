// Properties of exact homology on random complexes and random integer matrices: Euler
// characteristic, the universal coefficient theorem, relabelling invariance, ∂∂ = 0, agreement
// of the integral (clearing) path with plain Smith forms and of the reduction strategies, and
// rank_mod_p / smith_form against independent dense references written here.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

// White-box: the reduction strategies are private to the library.
#include "../../topology/src/sparse_elimination.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/simplicial_complex.hpp"
#include "property/random_complexes.hpp"

namespace topospec {
namespace {

using Dense = std::vector<std::vector<std::int64_t>>;
__extension__ typedef __int128 Wide;  // the references' exact arithmetic
using Sizes = std::vector<std::size_t>;
using Factors = std::vector<std::int64_t>;

// ---- Random complexes.

using test::random_simplices;
using test::shuffled;

ChainComplex complex_of(const std::vector<Simplex>& s) {
  return chain_complex(SimplicialComplex::from_simplices(s));
}

HomologyResult homology_of(const ChainComplex& c, Coefficients k, int max_dim = -1) {
  HomologyOptions o;
  o.coefficients = k;
  o.max_dim = max_dim;
  return homology(c, o);
}

// Number of invariant factors divisible by p.
std::size_t divisible(const Factors& f, std::int64_t p) {
  return static_cast<std::size_t>(
      std::count_if(f.begin(), f.end(), [&](std::int64_t d) { return d % p == 0; }));
}

// ---- Dense references.

IntegerMatrix to_sparse(const Dense& a, std::size_t rows, std::size_t cols) {
  IntegerMatrix m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j)
      if (a[i][j] != 0)
        m.insert(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = a[i][j];
  m.makeCompressed();
  return m;
}

Dense random_dense(std::size_t rows, std::size_t cols, int lo, int hi, int zero_percent) {
  Dense a(rows, std::vector<std::int64_t>(cols, 0));
  for (auto& row : a)
    for (auto& x : row)
      if (*rc::gen::inRange(0, 100) >= zero_percent) x = *rc::gen::inRange(lo, hi + 1);
  return a;
}

// Gaussian elimination over Z/p, row by row.
std::size_t dense_rank_mod_p(Dense a, std::uint64_t p) {
  const std::size_t rows = a.size(), cols = rows ? a[0].size() : 0;
  auto pow_mod = [p](std::uint64_t b, std::uint64_t e) {
    std::uint64_t r = 1;
    for (b %= p; e; e >>= 1, b = b * b % p)
      if (e & 1) r = r * b % p;
    return r;
  };
  for (auto& row : a)
    for (auto& x : row)
      x = ((x % static_cast<std::int64_t>(p)) + static_cast<std::int64_t>(p)) %
          static_cast<std::int64_t>(p);
  std::size_t rank = 0;
  for (std::size_t j = 0; j < cols && rank < rows; ++j) {
    std::size_t piv = rank;
    while (piv < rows && a[piv][j] == 0) ++piv;
    if (piv == rows) continue;
    std::swap(a[piv], a[rank]);
    const std::uint64_t inv = pow_mod(static_cast<std::uint64_t>(a[rank][j]), p - 2);
    for (std::size_t i = 0; i < rows; ++i) {
      if (i == rank || a[i][j] == 0) continue;
      const std::uint64_t f = static_cast<std::uint64_t>(a[i][j]) * inv % p;
      for (std::size_t k = j; k < cols; ++k)
        a[i][k] = static_cast<std::int64_t>((static_cast<std::uint64_t>(a[i][k]) +
                                             (p - f) * static_cast<std::uint64_t>(a[rank][k])) %
                                            p);
    }
    ++rank;
  }
  return rank;
}

// Textbook Smith normal form with the divisibility step, in 128-bit arithmetic: returns the
// nonzero invariant factors d_1 | d_2 | ….
std::vector<Wide> reference_smith(const Dense& in) {
  const std::size_t rows = in.size(), cols = rows ? in[0].size() : 0;
  std::vector<std::vector<Wide>> a(rows, std::vector<Wide>(cols));
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) a[i][j] = in[i][j];
  auto abs128 = [](Wide v) { return v < 0 ? -v : v; };
  std::vector<Wide> d;
  for (std::size_t t = 0; t < std::min(rows, cols); ++t) {
    for (;;) {
      std::size_t pi = rows, pj = cols;
      for (std::size_t i = t; i < rows; ++i)
        for (std::size_t j = t; j < cols; ++j)
          if (a[i][j] != 0 && (pi == rows || abs128(a[i][j]) < abs128(a[pi][pj]))) pi = i, pj = j;
      if (pi == rows) return d;
      std::swap(a[t], a[pi]);
      for (auto& row : a) std::swap(row[t], row[pj]);
      bool done = true;
      for (std::size_t i = t + 1; i < rows; ++i) {
        const Wide q = a[i][t] / a[t][t];
        for (std::size_t j = t; j < cols; ++j) a[i][j] -= q * a[t][j];
        done = done && a[i][t] == 0;
      }
      for (std::size_t j = t + 1; j < cols; ++j) {
        const Wide q = a[t][j] / a[t][t];
        for (std::size_t i = t; i < rows; ++i) a[i][j] -= q * a[i][t];
        done = done && a[t][j] == 0;
      }
      if (!done) continue;
      // Divisibility: a pivot must divide the whole trailing block; if not, fold that row in.
      std::size_t bad = rows;
      for (std::size_t i = t + 1; i < rows && bad == rows; ++i)
        for (std::size_t j = t + 1; j < cols; ++j)
          if (a[i][j] % a[t][t] != 0) {
            bad = i;
            break;
          }
      if (bad == rows) break;
      for (std::size_t j = t; j < cols; ++j) a[t][j] += a[bad][j];
    }
    d.push_back(abs128(a[t][t]));
  }
  return d;
}

// Determinantal divisors: D_k = gcd of all k×k minors, d_k = D_k / D_{k-1} (small matrices).
std::vector<Wide> determinantal_factors(const Dense& a) {
  const std::size_t rows = a.size(), cols = rows ? a[0].size() : 0;
  auto det = [&](const std::vector<std::size_t>& r, const std::vector<std::size_t>& c) {
    // Bareiss fraction-free elimination.
    const std::size_t k = r.size();
    std::vector<std::vector<Wide>> m(k, std::vector<Wide>(k));
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j) m[i][j] = a[r[i]][c[j]];
    Wide prev = 1, sign = 1;
    for (std::size_t t = 0; t < k; ++t) {
      std::size_t p = t;
      while (p < k && m[p][t] == 0) ++p;
      if (p == k) return Wide{0};
      if (p != t) std::swap(m[p], m[t]), sign = -sign;
      for (std::size_t i = t + 1; i < k; ++i)
        for (std::size_t j = t + 1; j < k; ++j)
          m[i][j] = (m[i][j] * m[t][t] - m[i][t] * m[t][j]) / prev;
      prev = m[t][t];
    }
    return sign * m[k - 1][k - 1];
  };
  auto subsets = [](std::size_t n, std::size_t k) {
    std::vector<std::vector<std::size_t>> out;
    std::vector<std::size_t> s;
    auto rec = [&](auto&& self, std::size_t from) -> void {
      if (s.size() == k) return out.push_back(s);
      for (std::size_t i = from; i < n; ++i) s.push_back(i), self(self, i + 1), s.pop_back();
    };
    rec(rec, 0);
    return out;
  };
  std::vector<Wide> factors;
  Wide previous = 1;
  for (std::size_t k = 1; k <= std::min(rows, cols); ++k) {
    Wide g = 0;
    for (const auto& r : subsets(rows, k))
      for (const auto& c : subsets(cols, k)) {
        Wide x = det(r, c), y = g;
        x = x < 0 ? -x : x;
        while (x != 0) y %= x, std::swap(x, y);
        g = y;
      }
    if (g == 0) break;
    factors.push_back(g / previous);
    previous = g;
  }
  return factors;
}

Factors nonunit(const std::vector<Wide>& d) {
  Factors f;
  for (Wide x : d)
    if (x > 1) f.push_back(static_cast<std::int64_t>(x));
  return f;
}

// ---- Complexes.

RC_GTEST_PROP(HomologyProperties, EulerCharacteristicOverEveryRing, ()) {
  const ChainComplex c = complex_of(random_simplices());
  for (Coefficients k : {Coefficients::rationals(), Coefficients::integers(),
                         Coefficients::prime_field(2), Coefficients::prime_field(3)}) {
    const HomologyResult h = homology_of(c, k);
    std::int64_t chi = 0;
    for (std::size_t q = 0; q < h.betti.size(); ++q)
      chi += (q % 2 ? -1 : 1) * static_cast<std::int64_t>(h.betti[q]);
    RC_ASSERT(chi == c.euler_characteristic());
    RC_ASSERT(h.chain_dims == c.dims());
  }
}

RC_GTEST_PROP(HomologyProperties, UniversalCoefficients, ()) {
  const ChainComplex c = complex_of(random_simplices());
  const HomologyResult z = homology_of(c, Coefficients::integers());
  const HomologyResult q = homology_of(c, Coefficients::rationals());
  RC_ASSERT(z.betti == q.betti);  // free ranks over Z = Betti numbers over Q
  for (std::int64_t p : {2, 3, 5}) {
    const HomologyResult f = homology_of(c, Coefficients::prime_field(p));
    bool p_torsion = false;
    for (std::size_t d = 0; d < f.betti.size(); ++d) {
      // β_d(Z/p) = rank H_d + #(p | factor of H_d) + #(p | factor of H_{d−1}).
      const std::size_t expected =
          z.betti[d] + divisible(z.torsion[d], p) + (d > 0 ? divisible(z.torsion[d - 1], p) : 0);
      RC_ASSERT(f.betti[d] == expected);
      RC_ASSERT(f.betti[d] >= q.betti[d]);
      p_torsion = p_torsion || divisible(z.torsion[d], p) > 0;
    }
    if (!p_torsion) RC_ASSERT(f.betti == q.betti);
  }
}

RC_GTEST_PROP(HomologyProperties, RationalsByPrimeMatchExactRationals, ()) {
  const ChainComplex c = complex_of(random_simplices());
  HomologyOptions exact;
  exact.exact_rationals = true;
  const HomologyResult e = homology(c, exact);
  const HomologyResult f = homology_of(c, Coefficients::rationals());
  RC_ASSERT(e.certain);
  RC_ASSERT(e.betti == f.betti);
  RC_ASSERT(e.boundary_ranks == f.boundary_ranks);
  RC_CLASSIFY(f.certain);
}

RC_GTEST_PROP(HomologyProperties, InvariantUnderRelabelling, ()) {
  const std::vector<Simplex> s = random_simplices();
  VertexId top = 0;
  for (const Simplex& x : s) top = std::max(top, *std::max_element(x.begin(), x.end()));
  std::vector<VertexId> ids(top + 1);
  std::iota(ids.begin(), ids.end(), 0);
  ids = shuffled(ids);
  const VertexId stretch = *rc::gen::inRange<VertexId>(1, 1000);
  std::vector<Simplex> t = s;
  for (Simplex& x : t)
    for (VertexId& v : x) v = ids[v] * stretch + 3;
  const ChainComplex a = complex_of(s), b = complex_of(t);
  for (Coefficients k :
       {Coefficients::rationals(), Coefficients::prime_field(2), Coefficients::integers()}) {
    const HomologyResult ha = homology_of(a, k), hb = homology_of(b, k);
    RC_ASSERT(ha.betti == hb.betti);
    RC_ASSERT(ha.boundary_ranks == hb.boundary_ranks);
    RC_ASSERT(ha.torsion == hb.torsion);
  }
}

RC_GTEST_PROP(HomologyProperties, BoundaryOfBoundaryIsZero, ()) {
  const ChainComplex c = complex_of(random_simplices());
  for (int q = 1; q < c.top_degree(); ++q) {
    const IntegerMatrix dd = c.boundary(q) * c.boundary(q + 1);
    for (Eigen::Index j = 0; j < dd.outerSize(); ++j)
      for (IntegerMatrix::InnerIterator it(dd, j); it; ++it) RC_ASSERT(it.value() == 0);
  }
}

// The integral path (reduction mod p with clearing, Smith forms only where pivots are not ±1)
// against the Smith form of every whole boundary matrix.
RC_GTEST_PROP(HomologyProperties, IntegralPathMatchesPlainSmithForms, ()) {
  const ChainComplex c = complex_of(random_simplices());
  const int max_dim = *rc::gen::inRange(0, c.top_degree() + 2);
  const HomologyResult z = homology_of(c, Coefficients::integers(), max_dim);
  for (int q = 1; q <= max_dim + 1; ++q) {
    const SmithForm s = smith_form(c.boundary(q));
    RC_ASSERT(z.boundary_ranks[q - 1] == s.rank);
    if (q - 1 <= max_dim) RC_ASSERT(z.torsion[q - 1] == s.torsion);
  }
  RC_CLASSIFY(z.method.find("Smith") != std::string::npos, "some degree needed a Smith form");
}

// Homology and cohomology reductions, in either order, give the same ranks (clearing included,
// and the extra degree reduced only for clearing when max_dim is below the top), and so does
// homology() through its public options.
RC_GTEST_PROP(HomologyProperties, ReductionStrategiesAgree, ()) {
  const ChainComplex c = complex_of(random_simplices());
  const std::uint32_t p = *rc::gen::element(2u, 3u, 2147483647u);
  const int q_max = *rc::gen::inRange(1, std::max(c.top_degree(), 1) + 1);
  std::vector<std::size_t> expected;
  for (int q = 1; q <= std::min(q_max, c.top_degree()); ++q)
    expected.push_back(rank_mod_p(c.boundary(q), p));
  for (bool cohomology : {false, true})
    for (bool reverse : {false, true}) {
      const detail::RankSequence r =
          detail::boundary_ranks_mod_p(c, q_max, p, {cohomology, reverse}, p != 2, {});
      RC_ASSERT(r.ranks == expected);
    }
  const Coefficients k =
      p == 2147483647u ? Coefficients::rationals() : Coefficients::prime_field(p);
  const HomologyResult h = homology_of(c, k, q_max - 1);
  expected.resize(q_max, 0);
  RC_ASSERT(h.boundary_ranks == expected);
}

// ---- Matrices.

RC_GTEST_PROP(RankModPProperties, MatchesDenseGaussianElimination, ()) {
  const bool large = *rc::gen::arbitrary<bool>();
  const std::size_t rows = *rc::gen::inRange<std::size_t>(0, large ? 41 : 9);
  const std::size_t cols = *rc::gen::inRange<std::size_t>(0, large ? 41 : 9);
  const Dense a = large ? random_dense(rows, cols, -1, 1, 85) : random_dense(rows, cols, -6, 6, 40);
  const IntegerMatrix m = to_sparse(a, rows, cols);
  for (std::uint32_t p : {2u, 3u, 5u, 7u, 2147483647u})
    RC_ASSERT(rank_mod_p(m, p) == dense_rank_mod_p(a, p));
}

RC_GTEST_PROP(SmithFormProperties, MatchesTextbookReference, ()) {
  const std::size_t rows = *rc::gen::inRange<std::size_t>(0, 8);
  const std::size_t cols = *rc::gen::inRange<std::size_t>(0, 8);
  const Dense a = random_dense(rows, cols, -4, 4, *rc::gen::inRange(0, 80));
  const SmithForm s = smith_form(to_sparse(a, rows, cols));
  const std::vector<Wide> d = reference_smith(a);
  RC_ASSERT(s.rank == d.size());
  RC_ASSERT(s.torsion == nonunit(d));
}

RC_GTEST_PROP(SmithFormProperties, MatchesDeterminantalDivisors, ()) {
  const std::size_t rows = *rc::gen::inRange<std::size_t>(1, 5);
  const std::size_t cols = *rc::gen::inRange<std::size_t>(1, 5);
  const Dense a = random_dense(rows, cols, -6, 6, 30);
  const SmithForm s = smith_form(to_sparse(a, rows, cols));
  const std::vector<Wide> d = determinantal_factors(a);
  RC_ASSERT(s.rank == d.size());
  RC_ASSERT(s.torsion == nonunit(d));
}

// Larger sparse ±1/±2 matrices exercise the unit-pivot phase together with the dense remainder.
RC_GTEST_PROP(SmithFormProperties, SparseMatchesTextbookReference, ()) {
  const std::size_t rows = *rc::gen::inRange<std::size_t>(1, 25);
  const std::size_t cols = *rc::gen::inRange<std::size_t>(1, 25);
  const Dense a = random_dense(rows, cols, -2, 2, 85);
  const SmithForm s = smith_form(to_sparse(a, rows, cols));
  const std::vector<Wide> d = reference_smith(a);
  RC_ASSERT(s.rank == d.size());
  RC_ASSERT(s.torsion == nonunit(d));
  RC_ASSERT(s.rank == rank_mod_p(to_sparse(a, rows, cols), 2147483647));
}

}  // namespace
}  // namespace topospec

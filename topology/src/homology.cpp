#include "topospec/topology/homology.hpp"

#include <algorithm>
#include <string>

#include "sparse_elimination.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

constexpr std::uint32_t kLargePrime = 2147483647;  // 2^31 − 1, the prime behind Q

// Reducing ∂ (homology, high degrees first, pivot = lexicographically last face) beat reducing
// ∂ᵀ (cohomology) by 2–10x on Freudenthal grids and random clique complexes, with or without
// reversing the order: most columns of ∂ in lexicographic order already have a new pivot and
// are never touched. BENCHMARKS.md has the measurements.
constexpr detail::RankStrategy kDefaultStrategy{.cohomology = false, .reverse = false};

std::string stage(const char* what, int q) { return std::string(what) + " ∂_" + std::to_string(q); }

std::string join_degrees(const std::vector<int>& qs) {
  std::string s;
  for (int q : qs) s += (s.empty() ? "∂_" : ", ∂_") + std::to_string(q);
  return s;
}

// b without the columns j with drop[j] != 0.
IntegerMatrix without_columns(const IntegerMatrix& b, const std::vector<std::uint8_t>& drop) {
  if (std::find(drop.begin(), drop.end(), 1) == drop.end()) return b;
  std::vector<Eigen::Index> keep;
  std::int64_t nnz = 0;
  for (Eigen::Index j = 0; j < b.cols(); ++j)
    if (!drop[static_cast<std::size_t>(j)]) {
      keep.push_back(j);
      for (IntegerMatrix::InnerIterator it(b, j); it; ++it) ++nnz;
    }
  IntegerMatrix out(b.rows(), static_cast<Eigen::Index>(keep.size()));
  out.reserve(nnz);
  for (std::size_t k = 0; k < keep.size(); ++k) {
    out.startVec(static_cast<Eigen::Index>(k));
    for (IntegerMatrix::InnerIterator it(b, keep[k]); it; ++it)
      out.insertBack(it.index(), static_cast<Eigen::Index>(k)) = it.value();
  }
  out.finalize();
  return out;
}

struct IntegralRanks {
  std::vector<std::size_t> ranks;                  // ranks[q-1] = rank ∂_q, q = 1..q_max
  std::vector<std::vector<std::int64_t>> factors;  // factors[q-1] = invariant factors > 1 of ∂_q
  std::vector<int> by_smith;                       // degrees that needed a Smith form
};

// Ranks and invariant factors of ∂_1 … ∂_{q_max} over Z. Each ∂_q is first reduced mod
// 2^31 − 1 while checking that the reduction is an exact integral one. If it is, with ±1
// pivots, all invariant factors are 1 and the rank is the number of pivots. Otherwise the Smith
// form of ∂_q is computed, without the columns cleared by ∂_{q+1}: an exact reduced column c of
// ∂_{q+1} with pivot ±1 in row i is a cycle (∂_q c = 0) whose lowest entry is ±1 at i, so
// replacing basis vector e_i of C_q by c is a unimodular (triangular) change of basis that turns
// column i of ∂_q into zero without changing its Smith form.
IntegralRanks integral_ranks(const ChainComplex& c, int q_max, const Progress& progress) {
  IntegralRanks out;
  out.ranks.assign(q_max, 0);
  out.factors.assign(q_max, {});
  std::vector<std::uint8_t> cleared;
  for (int q = detail::first_reduced_degree(c, q_max); q >= 1; --q) {
    const IntegerMatrix b = c.boundary(q);
    const detail::ColumnMatrix m = detail::to_columns_mod_p(b, kLargePrime);
    if (cleared.size() != m.cols) cleared.assign(m.cols, 0);
    const std::string name = stage("rank", q);
    const detail::ReductionResult r = detail::reduce_mod_p(
        m, kLargePrime, cleared, true,
        [&](std::size_t done, std::size_t total) { report_progress(progress, name, done, total); });
    // (A degree above q_max is reduced only for its pivots, which clear ∂_{q_max}.)
    if (q <= q_max && r.unimodular) {
      out.ranks[q - 1] = r.rank;
    } else if (q <= q_max) {
      const std::string smith = stage("Smith form", q);
      report_progress(progress, smith, 0, 1);
      SmithForm s = smith_form(without_columns(b, cleared));
      report_progress(progress, smith, 1, 1);
      out.ranks[q - 1] = s.rank;
      out.factors[q - 1] = std::move(s.torsion);
      out.by_smith.insert(out.by_smith.begin(), q);
    }
    cleared.assign(m.rows, 0);
    for (std::size_t t = 0; t < r.pivot_rows.size(); ++t)
      if (r.unit_pivot[t]) cleared[r.pivot_rows[t]] = 1;
  }
  return out;
}

std::string integral_method(const IntegralRanks& z) {
  std::string s = "integral sparse elimination mod 2147483647 with clearing (exact, ±1 pivots)";
  if (!z.by_smith.empty())
    s +=
        "; Smith normal form (sparse unit pivots, dense remainder) for " + join_degrees(z.by_smith);
  return s;
}

}  // namespace

std::size_t rank_mod_p(const IntegerMatrix& m, std::uint32_t p) {
  if (p >= (std::uint32_t{1} << 31) || !is_prime(p))
    throw InvalidInput("p", std::to_string(p) + " is not a prime below 2^31");
  detail::ColumnMatrix columns = detail::to_columns_mod_p(m, p);
  // Columns that reduce to zero cost the most; reduce the side with fewer of them.
  if (columns.cols > columns.rows) columns = detail::transpose(columns);
  return detail::reduce_mod_p(columns, p, {}, false, {}).rank;
}

HomologyResult homology(const ChainComplex& c, const HomologyOptions& options) {
  if (options.max_dim < -1)
    throw InvalidInput("max_dim", "must be >= 0 (or -1 for the top degree), got " +
                                      std::to_string(options.max_dim));
  const Coefficients::Kind kind = options.coefficients.kind;
  if (kind == Coefficients::Kind::Zp &&
      (options.coefficients.p >= (std::uint32_t{1} << 31) || !is_prime(options.coefficients.p)))
    throw InvalidInput("coefficients",
                       std::to_string(options.coefficients.p) + " is not a prime below 2^31");
  const int top = c.top_degree();
  const int max_dim = options.max_dim < 0 ? std::max(top, 0) : options.max_dim;
  const int q_max = max_dim + 1;  // β_max_dim needs ∂_{max_dim+1}

  HomologyResult result;
  result.coefficients = options.coefficients;
  result.chain_dims.resize(max_dim + 1);
  for (int q = 0; q <= max_dim; ++q) result.chain_dims[q] = c.dim(q);
  result.certain = true;

  if (kind == Coefficients::Kind::Z || (kind == Coefficients::Kind::Q && options.exact_rationals)) {
    IntegralRanks z = integral_ranks(c, q_max, options.progress);
    result.boundary_ranks = z.ranks;
    result.method = integral_method(z);
    if (kind == Coefficients::Kind::Z) {
      result.torsion.assign(max_dim + 1, {});
      for (int q = 0; q <= max_dim; ++q) result.torsion[q] = std::move(z.factors[q]);
    }
  } else {
    const bool rationals = kind == Coefficients::Kind::Q;
    const std::uint32_t p = rationals ? kLargePrime : options.coefficients.p;
    detail::RankSequence seq = detail::boundary_ranks_mod_p(
        c, q_max, p, kDefaultStrategy, rationals, [&](int q, std::size_t done, std::size_t total) {
          report_progress(options.progress, stage("rank", q), done, total);
        });
    result.boundary_ranks.assign(q_max, 0);
    std::copy(seq.ranks.begin(), seq.ranks.end(), result.boundary_ranks.begin());
    result.method = "sparse elimination mod " + std::to_string(p) + " with clearing";
    if (rationals) {
      // rank mod p ≤ rank over Q. A rank is certified equal when (a) its reduction mirrored
      // an exact integral one, (b) it is full, or (c) a neighbouring mod-p Betti number is 0:
      // β over Q ≤ β mod p and β_k = n_k − r_k − r_{k+1}, so β_k = 0 pins r_k and r_{k+1}.
      // r_{q_max+1} is known (zero) only when q_max ≥ top.
      auto r = [&](int k) { return k >= 1 && k <= q_max ? result.boundary_ranks[k - 1] : 0; };
      auto zero_betti = [&](int k) {
        if (k < 0 || k > q_max || (k == q_max && q_max < top)) return false;
        return c.dim(k) == r(k) + r(k + 1);
      };
      std::vector<int> uncertain;
      for (int q = 1; q <= std::min(q_max, top); ++q) {
        const bool ok = seq.integral[q - 1] || r(q) == std::min(c.dim(q - 1), c.dim(q)) ||
                        zero_betti(q - 1) || zero_betti(q);
        if (!ok) uncertain.push_back(q);
      }
      result.certain = uncertain.empty();
      result.method += uncertain.empty()
                           ? "; every rank certified over Q"
                           : "; not certain over Q: rank " + join_degrees(uncertain) +
                                 " may exceed its value mod p if H_*(K; Z) has " +
                                 std::to_string(p) + "-torsion (exact_rationals decides)";
    }
  }

  result.betti.resize(max_dim + 1);
  for (int q = 0; q <= max_dim; ++q) {
    const std::size_t in = q == 0 ? 0 : result.boundary_ranks[q - 1];
    const std::size_t out = result.boundary_ranks[q];
    if (in + out > c.dim(q))  // only possible when ∂∂ ≠ 0
      throw InvalidInput("chain complex", "∂_" + std::to_string(q) + "∂_" + std::to_string(q + 1) +
                                              " ≠ 0: boundary ranks exceed dim C_" +
                                              std::to_string(q));
    result.betti[q] = c.dim(q) - in - out;
  }
  return result;
}

}  // namespace topospec

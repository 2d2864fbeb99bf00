#include "topospec/topology/persistence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>

#include "persistence_reduction.hpp"
#include "sparse_elimination.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {
namespace detail {
namespace {

constexpr std::uint32_t kLargePrime = 2147483647;  // 2^31 − 1, the prime behind Q (homology.cpp)

// Cells of one degree in filtration order: order[k] is the cell at position k (sorted by
// (value, index)); rank is the inverse permutation. Across degrees the order (value, degree,
// index) needs nothing more: a boundary matrix only compares cells of one degree with each
// other, and a face of equal value precedes its coface because its degree is lower.
struct DegreeOrder {
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> rank;
};

DegreeOrder filtration_order(const std::vector<double>& values, int q) {
  if (values.size() >= UINT32_MAX)
    throw ResourceLimit("persistence: " + std::to_string(values.size()) + " cells of degree " +
                        std::to_string(q) + " (at most 2^32 - 2 supported)");
  DegreeOrder d;
  const auto n = static_cast<std::uint32_t>(values.size());
  for (std::uint32_t i = 0; i < n; ++i)
    if (std::isnan(values[i]))
      throw InvalidInput("values", "cell " + std::to_string(i) + " of degree " +
                                       std::to_string(q) + " has a NaN filtration value");
  d.order.resize(n);
  std::iota(d.order.begin(), d.order.end(), 0u);
  std::stable_sort(d.order.begin(), d.order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
  d.rank.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) d.rank[d.order[k]] = k;
  return d;
}

// ∂_q mod p with rows and columns in filtration order. Also checks that no face enters after
// its coface (a pair would otherwise be born after it dies).
ColumnMatrix filtration_columns(const ChainComplex& c, int q, const DegreeOrder& rows,
                                const DegreeOrder& cols, std::uint32_t p) {
  const IntegerMatrix& b = c.boundary(q);
  const std::vector<double>& row_values = c.values()[static_cast<std::size_t>(q - 1)];
  const std::vector<double>& col_values = c.values()[static_cast<std::size_t>(q)];
  ColumnMatrix m;
  m.rows = static_cast<std::uint32_t>(rows.order.size());
  m.cols = static_cast<std::uint32_t>(cols.order.size());
  m.offsets.assign(std::size_t{m.cols} + 1, 0);
  m.index.reserve(static_cast<std::size_t>(b.nonZeros()));
  if (p != 2) m.values.reserve(static_cast<std::size_t>(b.nonZeros()));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> column;
  for (std::uint32_t k = 0; k < m.cols; ++k) {
    const std::uint32_t j = cols.order[k];
    column.clear();
    for (IntegerMatrix::InnerIterator it(b, j); it; ++it) {
      std::int64_t v = it.value() % static_cast<std::int64_t>(p);
      if (v < 0) v += p;
      if (v == 0) continue;
      const auto i = static_cast<std::size_t>(it.index());
      if (row_values[i] > col_values[j])
        throw InvalidInput("values", "cell " + std::to_string(j) + " of degree " +
                                         std::to_string(q) + " enters at " +
                                         std::to_string(col_values[j]) + ", before its face " +
                                         std::to_string(i) + " (at " +
                                         std::to_string(row_values[i]) + ")");
      column.emplace_back(rows.rank[i], static_cast<std::uint32_t>(v));
    }
    std::sort(column.begin(), column.end());
    std::size_t n = 0;  // merge repeated rows (hand-made storage may have them)
    for (std::size_t e = 0; e < column.size(); ++e) {
      if (n > 0 && column[n - 1].first == column[e].first) {
        column[n - 1].second =
            static_cast<std::uint32_t>((std::uint64_t{column[n - 1].second} + column[e].second) % p);
        if (column[n - 1].second == 0) --n;
      } else {
        column[n++] = column[e];
      }
    }
    for (std::size_t e = 0; e < n; ++e) {
      m.index.push_back(column[e].first);
      if (p != 2) m.values.push_back(column[e].second);
    }
    m.offsets[k + 1] = m.index.size();
  }
  return m;
}

void add_bar(Barcode& out, int q, double birth, double death) {
  if (birth != death) out.bars[static_cast<std::size_t>(q)].push_back({birth, death});
}

struct Setup {
  std::uint32_t p = 2;
  int top = -1;
  int max_dim = -1;
  std::vector<DegreeOrder> orders;  // degrees 0 … min(max_dim + 1, top)
};

Setup setup(const ChainComplex& c, const PersistenceOptions& opts) {
  Setup s;
  switch (opts.coefficients.kind) {
    case Coefficients::Kind::Z:
      throw InvalidInput("coefficients", "barcodes need a field: use Q or Z/p, not Z");
    case Coefficients::Kind::Q:
      s.p = kLargePrime;
      break;
    case Coefficients::Kind::Zp:
      s.p = opts.coefficients.p;
      if (s.p >= (std::uint32_t{1} << 31) || !is_prime(s.p))
        throw InvalidInput("coefficients", std::to_string(s.p) + " is not a prime below 2^31");
      break;
  }
  if (opts.max_dim < -1)
    throw InvalidInput("max_dim", "must be >= 0 (or -1 for the top degree), got " +
                                      std::to_string(opts.max_dim));
  if (!c.filtered() && c.top_degree() >= 0)
    throw Error("persistence: the chain complex carries no filtration values");
  s.top = c.top_degree();
  s.max_dim = opts.max_dim < 0 ? std::max(s.top, 0) : opts.max_dim;
  const int needed = std::min(s.max_dim + 1, s.top);
  const int deepest = s.top < 0 ? -1 : first_reduced_degree(c, std::max(needed, 0));
  for (int q = 0; q <= std::max(needed, deepest); ++q)
    s.orders.push_back(filtration_order(c.values()[static_cast<std::size_t>(q)], q));
  return s;
}

ReductionProgress hook(const Progress& progress, const std::string& stage) {
  if (!progress) return {};
  return [&progress, stage](std::size_t done, std::size_t total) {
    report_progress(progress, stage, done, total);
  };
}

// Homology with clearing (twist): ∂_hi … ∂_1 with hi = min(max_dim + 1, top). A pivot (row σ,
// column τ) of reduced ∂_q pairs σ (degree q − 1, positive) with τ; σ's own column in ∂_{q−1}
// would reduce to zero, so it is skipped.
Barcode by_homology(const ChainComplex& c, const PersistenceOptions& opts, const Setup& s) {
  Barcode out;
  out.bars.resize(static_cast<std::size_t>(s.max_dim) + 1);
  if (s.top < 0) return out;
  // Reducing ∂_q for q above max_dim + 1 reports nothing, but its pivots clear ∂_{q−1}, whose
  // uncleared cycles are the costly columns (the cost estimate of homology()).
  const int hi = first_reduced_degree(c, std::min(s.max_dim + 1, s.top));
  // killed[q][k]: the q-cell at filtration position k is paired with a (q+1)-cell;
  // negative[q][k]: it is paired with a (q−1)-cell.
  std::vector<std::vector<std::uint8_t>> killed(static_cast<std::size_t>(hi) + 1),
      negative(static_cast<std::size_t>(hi) + 1);
  for (int q = 0; q <= hi; ++q) {
    killed[q].assign(s.orders[q].order.size(), 0);
    negative[q].assign(s.orders[q].order.size(), 0);
  }
  std::vector<std::uint8_t> skip;
  for (int q = hi; q >= 1; --q) {
    const ColumnMatrix m = filtration_columns(c, q, s.orders[q - 1], s.orders[q], s.p);
    if (skip.size() != m.cols) skip.assign(m.cols, 0);
    const ReductionResult r =
        reduce_mod_p(m, s.p, skip, false, hook(opts.progress, "persistence ∂_" + std::to_string(q)));
    const auto& rv = c.values()[static_cast<std::size_t>(q - 1)];
    const auto& cv = c.values()[static_cast<std::size_t>(q)];
    for (std::size_t t = 0; t < r.pivot_rows.size(); ++t) {
      const std::uint32_t row = r.pivot_rows[t], col = r.pivot_cols[t];
      killed[q - 1][row] = 1;
      negative[q][col] = 1;
      if (q - 1 <= s.max_dim)
        add_bar(out, q - 1, rv[s.orders[q - 1].order[row]], cv[s.orders[q].order[col]]);
    }
    skip = killed[q - 1];  // the cleared columns of ∂_{q−1}
  }
  for (int q = 0; q <= std::min(s.max_dim, s.top); ++q) {
    const auto& v = c.values()[static_cast<std::size_t>(q)];
    for (std::size_t k = 0; k < s.orders[q].order.size(); ++k)
      if (!killed[q][k] && !negative[q][k])
        add_bar(out, q, v[s.orders[q].order[k]], std::numeric_limits<double>::infinity());
  }
  out.normalize();
  return out;
}

// Cohomology with clearing: δ_0 … δ_max_dim, δ_q the anti-transpose of ∂_{q+1} (columns: the
// q-cells in reverse filtration order; rows: the (q+1)-cells likewise, so the pivot is the
// earliest coface). Its pairs are those of homology (de Silva–Morozov–Vejdemo-Johansson). A
// pivot row τ is a negative (q+1)-cell, whose column in δ_{q+1} is skipped; a column that
// reduces to zero and was not skipped is an essential class. ∂_{max_dim+1} only supplies rows,
// so its (often many) cells are never reduced as columns.
Barcode by_cohomology(const ChainComplex& c, const PersistenceOptions& opts, const Setup& s) {
  Barcode out;
  out.bars.resize(static_cast<std::size_t>(s.max_dim) + 1);
  if (s.top < 0) return out;
  std::vector<std::uint8_t> skip;  // by reversed filtration position of the q-cells
  for (int q = 0; q <= std::min(s.max_dim, s.top); ++q) {
    const auto& v = c.values()[static_cast<std::size_t>(q)];
    const DegreeOrder& cells = s.orders[q];
    const std::size_t n = cells.order.size();
    if (skip.size() != n) skip.assign(n, 0);
    std::vector<std::uint8_t> zero(n, 1);  // column reduced to zero (or skipped)
    std::vector<std::uint8_t> next_skip;
    if (q + 1 <= s.top) {
      const DegreeOrder& cofaces = s.orders[q + 1];
      const ColumnMatrix m =
          reversed(transpose(filtration_columns(c, q + 1, cells, cofaces, s.p)));
      const ReductionResult r = reduce_mod_p(
          m, s.p, skip, false, hook(opts.progress, "persistence δ_" + std::to_string(q)));
      const auto& cv = c.values()[static_cast<std::size_t>(q + 1)];
      const std::size_t nc = cofaces.order.size();
      next_skip.assign(nc, 0);
      for (std::size_t t = 0; t < r.pivot_rows.size(); ++t) {
        const std::uint32_t row = r.pivot_rows[t], col = r.pivot_cols[t];
        zero[col] = 0;
        next_skip[row] = 1;
        add_bar(out, q, v[cells.order[n - 1 - col]], cv[cofaces.order[nc - 1 - row]]);
      }
    } else {
      report_progress(opts.progress, "persistence δ_" + std::to_string(q), n, n);
    }
    for (std::size_t k = 0; k < n; ++k)
      if (zero[k] && !skip[k])
        add_bar(out, q, v[cells.order[n - 1 - k]], std::numeric_limits<double>::infinity());
    skip.swap(next_skip);
  }
  out.normalize();
  return out;
}

}  // namespace

Barcode persistence(const ChainComplex& c, const PersistenceOptions& opts,
                    PersistenceDirection direction) {
  const Setup s = setup(c, opts);
  if (direction == PersistenceDirection::automatic) {
    // Homology with clearing wins on lower-star and other sparse filtrations (Freudenthal grid,
    // 1.7·10^6 cells: 5–20x faster); cohomology wins when ∂_{max_dim+1} has many more columns
    // than rows (Rips, clique complexes: 4–5x), since homology would reduce each of those
    // mostly positive columns to zero while cohomology only reads them as rows.
    // (With cells above max_dim + 1, homology clears ∂_{max_dim+1} from there instead.)
    const int d = s.max_dim + 1;
    const bool wide = d == s.top && c.dim(d) > 2 * c.dim(d - 1);
    direction = wide ? PersistenceDirection::cohomology : PersistenceDirection::homology;
  }
  return direction == PersistenceDirection::homology ? by_homology(c, opts, s)
                                                     : by_cohomology(c, opts, s);
}

}  // namespace detail

Barcode persistence(const ChainComplex& c, const PersistenceOptions& opts) {
  return detail::persistence(c, opts, detail::PersistenceDirection::automatic);
}

}  // namespace topospec

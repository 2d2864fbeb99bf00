// Smith normal form of a sparse integer matrix in two phases:
//  1. sparse elimination on unit pivots (±1), chosen Markowitz style (a shortest column, then
//     in it the unit entry whose row is shortest). A unit pivot contributes invariant factor 1
//     and its Schur complement A − a_{·j} u a_{i·} is again integral, so the remaining block
//     has the same nonunit invariant factors. Boundary matrices are nearly all unit pivots.
//  2. the small remainder (no unit entries left) densely: diagonalise by gcd steps with the
//     smallest-magnitude pivot, then turn the diagonal into a divisibility chain.
// All arithmetic is int64 with overflow checks; an overflow is a NumericalFailure.
#include <algorithm>
#include <numeric>
#include <queue>
#include <string>

#include "topospec/topology/error.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {
namespace {

// Largest dense remainder (entries) before giving up with a ResourceLimit: 2 GiB of int64.
constexpr std::size_t kMaxDenseEntries = std::size_t{1} << 28;

[[noreturn]] void overflow(const char* where) {
  throw NumericalFailure(std::string("Smith normal form: 64-bit overflow in ") + where);
}

std::int64_t mul_checked(std::int64_t a, std::int64_t b, const char* where) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) overflow(where);
  return r;
}

std::int64_t sub_checked(std::int64_t a, std::int64_t b, const char* where) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) overflow(where);
  return r;
}

std::size_t checked_dim(Eigen::Index n) {
  if (n >= INT32_MAX)
    throw ResourceLimit("Smith normal form: " + std::to_string(n) +
                        " rows or columns (at most 2^31 - 2 supported)");
  return static_cast<std::size_t>(n);
}

struct Entry {
  std::uint32_t row;
  std::int64_t value;
};

// Phase 1. Works on columns (sorted by row) plus, per row, a list of the columns that may
// have an entry there (stale items are skipped when read) and the exact entry count per row.
class UnitElimination {
 public:
  explicit UnitElimination(const IntegerMatrix& m)
      : rows_(checked_dim(m.rows())),
        cols_(checked_dim(m.cols())),
        row_count_(rows_, 0),
        row_cols_(rows_),
        col_alive_(cols_, 1),
        seen_(cols_, 0) {
    for (std::size_t j = 0; j < cols_; ++j) {
      auto& col = cols_data_[j];
      for (IntegerMatrix::InnerIterator it(m, static_cast<Eigen::Index>(j)); it; ++it)
        if (it.value() != 0) col.push_back({static_cast<std::uint32_t>(it.index()), it.value()});
      std::sort(col.begin(), col.end(),
                [](const Entry& a, const Entry& b) { return a.row < b.row; });
      // Merge duplicates (only possible in hand-made uncompressed storage).
      std::size_t n = 0;
      for (std::size_t e = 0; e < col.size(); ++e) {
        if (n > 0 && col[n - 1].row == col[e].row) {
          if (__builtin_add_overflow(col[n - 1].value, col[e].value, &col[n - 1].value))
            overflow("input");
          if (col[n - 1].value == 0) --n;
        } else {
          col[n++] = col[e];
        }
      }
      col.resize(n);
      for (const Entry& e : col) {
        ++row_count_[e.row];
        row_cols_[e.row].push_back(static_cast<std::uint32_t>(j));
      }
    }
  }

  // Eliminates unit pivots until none is left; returns how many.
  std::size_t run() {
    using Key = std::pair<std::uint32_t, std::uint32_t>;  // (column length, column)
    std::priority_queue<Key, std::vector<Key>, std::greater<>> queue;
    for (std::size_t j = 0; j < cols_; ++j)
      if (!cols_data_[j].empty())
        queue.push(
            {static_cast<std::uint32_t>(cols_data_[j].size()), static_cast<std::uint32_t>(j)});
    std::size_t pivots = 0;
    while (!queue.empty()) {
      const auto [length, j] = queue.top();
      queue.pop();
      const auto& col = cols_data_[j];
      if (!col_alive_[j] || col.size() != length || col.empty()) continue;  // stale key
      std::int64_t best = -1;
      std::uint32_t best_count = UINT32_MAX;
      for (std::size_t e = 0; e < col.size(); ++e)
        if ((col[e].value == 1 || col[e].value == -1) && row_count_[col[e].row] < best_count) {
          best = static_cast<std::int64_t>(e);
          best_count = row_count_[col[e].row];
        }
      if (best < 0) continue;  // no unit now; requeued if a later update changes it
      eliminate(j, static_cast<std::size_t>(best), queue);
      ++pivots;
    }
    return pivots;
  }

  // The remaining nonzero block, densely (row-major), and its shape.
  std::vector<std::int64_t> remainder(std::size_t& rows, std::size_t& cols) const {
    std::vector<std::uint32_t> live_cols;
    std::vector<std::int64_t> row_pos(rows_, -1);
    rows = 0;
    for (std::size_t j = 0; j < cols_; ++j) {
      if (!col_alive_[j] || cols_data_[j].empty()) continue;
      live_cols.push_back(static_cast<std::uint32_t>(j));
      for (const Entry& e : cols_data_[j])
        if (row_pos[e.row] < 0) row_pos[e.row] = static_cast<std::int64_t>(rows++);
    }
    cols = live_cols.size();
    if (rows != 0 && cols > kMaxDenseEntries / rows)
      throw ResourceLimit("Smith normal form: the non-unit remainder is " + std::to_string(rows) +
                          " x " + std::to_string(cols) + " (" +
                          std::to_string(rows * cols * 8 / (1 << 20)) +
                          " MiB dense; limit 2048 MiB)");
    std::vector<std::int64_t> dense(rows * cols, 0);
    for (std::size_t c = 0; c < cols; ++c)
      for (const Entry& e : cols_data_[live_cols[c]])
        dense[static_cast<std::size_t>(row_pos[e.row]) * cols + c] = e.value;
    return dense;
  }

 private:
  template <class Queue>
  void eliminate(std::uint32_t j, std::size_t pivot_entry, Queue& queue) {
    const std::vector<Entry> pivot_col = cols_data_[j];  // copy: columns below are rewritten
    const std::uint32_t i = pivot_col[pivot_entry].row;
    const std::int64_t u = pivot_col[pivot_entry].value;  // ±1, its own inverse
    col_alive_[j] = 0;
    for (const Entry& e : pivot_col) --row_count_[e.row];
    cols_data_[j].clear();
    ++stamp_;
    // Schur complement: every other column l with a_il ≠ 0 becomes col_l − a_il·u·col_j,
    // which clears row i; afterwards row i and column j are gone.
    for (std::uint32_t l : row_cols_[i]) {
      if (!col_alive_[l] || seen_[l] == stamp_) continue;
      seen_[l] = stamp_;
      auto& col = cols_data_[l];
      auto it = std::lower_bound(col.begin(), col.end(), i,
                                 [](const Entry& e, std::uint32_t r) { return e.row < r; });
      if (it == col.end() || it->row != i) continue;  // stale
      const std::int64_t factor = mul_checked(it->value, u, "elimination");
      update_column(l, pivot_col, factor);
      queue.push({static_cast<std::uint32_t>(col.size()), l});
    }
    row_cols_[i].clear();
    row_cols_[i].shrink_to_fit();
  }

  // col_l −= factor · pivot_col, keeping row counts and row lists current.
  void update_column(std::uint32_t l, const std::vector<Entry>& pivot_col, std::int64_t factor) {
    auto& col = cols_data_[l];
    scratch_.clear();
    std::size_t a = 0, b = 0;
    while (a < col.size() || b < pivot_col.size()) {
      if (b == pivot_col.size() || (a < col.size() && col[a].row < pivot_col[b].row)) {
        scratch_.push_back(col[a++]);
      } else if (a == col.size() || pivot_col[b].row < col[a].row) {
        const std::uint32_t r = pivot_col[b].row;
        scratch_.push_back(
            {r, sub_checked(0, mul_checked(factor, pivot_col[b].value, "elimination"),
                            "elimination")});
        ++row_count_[r];
        row_cols_[r].push_back(l);
        ++b;
      } else {
        const std::int64_t v = sub_checked(
            col[a].value, mul_checked(factor, pivot_col[b].value, "elimination"), "elimination");
        if (v != 0)
          scratch_.push_back({col[a].row, v});
        else
          --row_count_[col[a].row];
        ++a;
        ++b;
      }
    }
    col.swap(scratch_);
  }

  std::size_t rows_, cols_;
  std::vector<std::vector<Entry>> cols_data_ = std::vector<std::vector<Entry>>(cols_);
  std::vector<std::uint32_t> row_count_;
  std::vector<std::vector<std::uint32_t>> row_cols_;
  std::vector<std::uint8_t> col_alive_;
  std::vector<std::uint32_t> seen_;
  std::uint32_t stamp_ = 0;
  std::vector<Entry> scratch_;
};

// Phase 2: diagonalises the dense rows × cols block `a` (row-major) by unimodular row and
// column operations; returns the nonzero diagonal (absolute values), not yet a chain.
std::vector<std::int64_t> dense_diagonal(std::vector<std::int64_t>& a, std::size_t rows,
                                         std::size_t cols) {
  auto at = [&](std::size_t i, std::size_t j) -> std::int64_t& { return a[i * cols + j]; };
  auto swap_rows = [&](std::size_t x, std::size_t y) {
    if (x != y)
      for (std::size_t j = 0; j < cols; ++j) std::swap(at(x, j), at(y, j));
  };
  auto swap_cols = [&](std::size_t x, std::size_t y) {
    if (x != y)
      for (std::size_t i = 0; i < rows; ++i) std::swap(at(i, x), at(i, y));
  };
  auto magnitude = [](std::int64_t v) {
    if (v == INT64_MIN) overflow("dense phase");
    return v < 0 ? -v : v;
  };
  std::vector<std::int64_t> diagonal;
  for (std::size_t t = 0; t < std::min(rows, cols); ++t) {
    // Smallest nonzero magnitude in the trailing block as pivot: keeps entries small.
    std::size_t pi = rows, pj = cols;
    std::int64_t best = 0;
    for (std::size_t i = t; i < rows; ++i)
      for (std::size_t j = t; j < cols; ++j)
        if (at(i, j) != 0 && (best == 0 || magnitude(at(i, j)) < best)) {
          best = magnitude(at(i, j));
          pi = i;
          pj = j;
        }
    if (best == 0) break;
    swap_rows(t, pi);
    swap_cols(t, pj);
    for (;;) {
      const std::int64_t p = at(t, t);
      bool clean = true;
      for (std::size_t i = t + 1; i < rows; ++i) {  // row operations clear column t
        if (at(i, t) == 0) continue;
        const std::int64_t q = at(i, t) / p;
        for (std::size_t j = t; j < cols; ++j)
          if (at(t, j) != 0)
            at(i, j) =
                sub_checked(at(i, j), mul_checked(q, at(t, j), "dense phase"), "dense phase");
        if (at(i, t) != 0) clean = false;
      }
      for (std::size_t j = t + 1; j < cols; ++j) {  // column operations clear row t
        if (at(t, j) == 0) continue;
        const std::int64_t q = at(t, j) / p;
        for (std::size_t i = t; i < rows; ++i)
          if (at(i, t) != 0)
            at(i, j) =
                sub_checked(at(i, j), mul_checked(q, at(i, t), "dense phase"), "dense phase");
        if (at(t, j) != 0) clean = false;
      }
      if (clean) break;
      // A remainder smaller than the pivot is left in row or column t: make it the pivot.
      std::size_t bi = t, bj = t;
      std::int64_t small = magnitude(p);
      for (std::size_t i = t + 1; i < rows; ++i)
        if (at(i, t) != 0 && magnitude(at(i, t)) < small)
          small = magnitude(at(i, t)), bi = i, bj = t;
      for (std::size_t j = t + 1; j < cols; ++j)
        if (at(t, j) != 0 && magnitude(at(t, j)) < small)
          small = magnitude(at(t, j)), bi = t, bj = j;
      swap_rows(t, bi);
      swap_cols(t, bj);
    }
    diagonal.push_back(magnitude(at(t, t)));
  }
  return diagonal;
}

}  // namespace

SmithForm smith_form(const IntegerMatrix& m) {
  UnitElimination elimination(m);
  SmithForm result;
  result.rank = elimination.run();
  std::size_t rows = 0, cols = 0;
  std::vector<std::int64_t> block = elimination.remainder(rows, cols);
  std::vector<std::int64_t> d = dense_diagonal(block, rows, cols);
  result.rank += d.size();
  // A diagonal matrix's invariant factors: repeatedly replace (d_i, d_j) by (gcd, lcm), which
  // keeps the product and makes d_i the gcd of all that follow.
  for (std::size_t i = 0; i < d.size(); ++i)
    for (std::size_t j = i + 1; j < d.size(); ++j) {
      const std::int64_t g = std::gcd(d[i], d[j]);
      std::int64_t lcm;
      if (__builtin_mul_overflow(d[i] / g, d[j], &lcm))
        throw NumericalFailure("Smith normal form: an invariant factor exceeds 64 bits");
      d[i] = g;
      d[j] = lcm;
    }
  for (std::int64_t f : d)
    if (f > 1) result.torsion.push_back(f);
  return result;
}

}  // namespace topospec

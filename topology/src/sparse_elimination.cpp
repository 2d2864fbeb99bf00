#include "sparse_elimination.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "topospec/topology/error.hpp"

namespace topospec::detail {
namespace {

constexpr std::size_t kProgressEvery = std::size_t{1} << 14;

std::uint32_t checked_dim(Eigen::Index n, const char* what) {
  if (n < 0 || static_cast<std::uint64_t>(n) >= UINT32_MAX)
    throw ResourceLimit(std::string("sparse elimination: ") + std::to_string(n) + " " + what +
                        " (at most 2^32 - 2 supported)");
  return static_cast<std::uint32_t>(n);
}

// Inverse of a in Z/p (a != 0 mod p, p prime) by the extended Euclidean algorithm.
std::uint32_t inverse_mod(std::uint32_t a, std::uint32_t p) {
  std::int64_t r0 = p, r1 = a, t0 = 0, t1 = 1;
  while (r1 != 0) {
    const std::int64_t q = r0 / r1;
    std::swap(r0, r1);
    r1 -= q * r0;
    std::swap(t0, t1);
    t1 -= q * t0;
  }
  return static_cast<std::uint32_t>(t0 < 0 ? t0 + p : t0);
}

// Symmetric representative in (−p/2, p/2].
inline std::int64_t symmetric(std::uint32_t v, std::uint32_t p) {
  return v > p / 2 ? static_cast<std::int64_t>(v) - p : static_cast<std::int64_t>(v);
}

// A reduced column kept for later additions: either still the input column (most pivot
// columns never change) or a copy in the arena.
struct Stored {
  std::size_t offset;
  std::uint32_t length;
  bool in_arena;
  std::uint32_t pivot_inverse;  // inverse of the pivot entry (p > 2)
};

// out = a Δ b for sorted index lists (addition over Z/2).
void symmetric_difference(const std::vector<std::uint32_t>& a, const std::uint32_t* b,
                          std::size_t nb, std::vector<std::uint32_t>& out) {
  out.resize(a.size() + nb);
  std::uint32_t* o = out.data();
  std::size_t i = 0, j = 0;
  const std::size_t na = a.size();
  while (i < na && j < nb) {
    const std::uint32_t x = a[i], y = b[j];
    if (x < y) {
      *o++ = x;
      ++i;
    } else if (y < x) {
      *o++ = y;
      ++j;
    } else {
      ++i;
      ++j;
    }
  }
  o = std::copy(a.data() + i, a.data() + na, o);
  o = std::copy(b + j, b + nb, o);
  out.resize(static_cast<std::size_t>(o - out.data()));
}

ReductionResult reduce_mod_2(const ColumnMatrix& m, const std::vector<std::uint8_t>& skip,
                             const ReductionProgress& progress) {
  ReductionResult result;
  std::vector<std::int32_t> pivot_of_row(m.rows, -1);  // row -> index into `stored`
  std::vector<Stored> stored;
  std::vector<std::uint32_t> arena;
  std::vector<std::uint32_t> work, tmp;
  const std::uint32_t* input = m.index.data();
  for (std::uint32_t j = 0; j < m.cols; ++j) {
    if (progress && j % kProgressEvery == 0) progress(j, m.cols);
    if (!skip.empty() && skip[j]) continue;
    const std::size_t begin = m.offsets[j];
    const auto length = static_cast<std::uint32_t>(m.offsets[j + 1] - begin);
    if (length == 0) continue;
    std::uint32_t low = input[begin + length - 1];
    std::int32_t k = pivot_of_row[low];
    if (k < 0) {  // a new pivot at once: keep the input column, copy nothing
      pivot_of_row[low] = static_cast<std::int32_t>(stored.size());
      stored.push_back({begin, length, false, 1});
      result.pivot_rows.push_back(low);
      result.pivot_cols.push_back(j);
      continue;
    }
    work.assign(input + begin, input + begin + length);
    for (;;) {
      const Stored& s = stored[k];
      const std::uint32_t* other = (s.in_arena ? arena.data() : input) + s.offset;
      symmetric_difference(work, other, s.length, tmp);
      work.swap(tmp);
      if (work.empty()) break;
      low = work.back();
      k = pivot_of_row[low];
      if (k < 0) break;
    }
    if (work.empty()) continue;
    pivot_of_row[low] = static_cast<std::int32_t>(stored.size());
    stored.push_back({arena.size(), static_cast<std::uint32_t>(work.size()), true, 1});
    arena.insert(arena.end(), work.begin(), work.end());
    result.pivot_rows.push_back(low);
    result.pivot_cols.push_back(j);
  }
  if (progress) progress(m.cols, m.cols);
  result.rank = result.pivot_rows.size();
  return result;
}

// A column over Z/p as parallel (row, value) arrays.
struct WorkColumn {
  std::vector<std::uint32_t> rows;
  std::vector<std::uint32_t> values;
};

// out = scale·a − mult·b over Z/p (rows sorted; scale = 1 unless tracking). With kTrack, also
// checks that the same operation on the symmetric representatives, with the integers iscale
// and imult, stays inside (−p/2, p/2), clearing `exact` otherwise.
template <bool kTrack>
void axpy_mod_p(const WorkColumn& a, const std::uint32_t* b_rows, const std::uint32_t* b_values,
                std::size_t nb, std::uint32_t p, std::uint32_t scale, std::uint32_t mult,
                std::int64_t iscale, std::int64_t imult, bool& exact, WorkColumn& out) {
  const std::uint64_t neg = p - mult;  // −mult mod p (mult ≠ 0)
  const std::int64_t half = p / 2;
  out.rows.resize(a.rows.size() + nb);
  out.values.resize(a.rows.size() + nb);
  std::size_t n = 0, i = 0, j = 0;
  const std::size_t na = a.rows.size();
  auto check = [&](std::uint32_t x, std::uint32_t y) {
    if constexpr (kTrack) {
      const std::int64_t r = iscale * symmetric(x, p) - imult * symmetric(y, p);
      if (r > half || r < -half) exact = false;
    }
  };
  auto scaled = [&](std::uint32_t x) {
    if constexpr (kTrack) {
      check(x, 0);
      return scale == 1 ? x : static_cast<std::uint32_t>(std::uint64_t{scale} * x % p);
    } else {
      return x;
    }
  };
  while (i < na && j < nb) {
    const std::uint32_t x = a.rows[i], y = b_rows[j];
    if (x < y) {
      out.rows[n] = x;
      out.values[n++] = scaled(a.values[i++]);
    } else if (y < x) {
      check(0, b_values[j]);
      out.rows[n] = y;
      out.values[n++] = static_cast<std::uint32_t>(neg * b_values[j] % p);
      ++j;
    } else {
      check(a.values[i], b_values[j]);
      const std::uint64_t ax = kTrack ? std::uint64_t{scale} * a.values[i] % p : a.values[i];
      const auto v = static_cast<std::uint32_t>((neg * b_values[j] + ax) % p);
      if (v != 0) {
        out.rows[n] = x;
        out.values[n++] = v;
      }
      ++i;
      ++j;
    }
  }
  for (; i < na; ++i) {
    out.rows[n] = a.rows[i];
    out.values[n++] = scaled(a.values[i]);
  }
  for (; j < nb; ++j) {
    check(0, b_values[j]);
    out.rows[n] = b_rows[j];
    out.values[n++] = static_cast<std::uint32_t>(neg * b_values[j] % p);
  }
  out.rows.resize(n);
  out.values.resize(n);
}

template <bool kTrack>
ReductionResult reduce_general(const ColumnMatrix& m, std::uint32_t p,
                               const std::vector<std::uint8_t>& skip,
                               const ReductionProgress& progress) {
  ReductionResult result;
  // Entries ≥ p/2 in magnitude were already wrapped: nothing below mirrors the integers.
  result.integral = result.unimodular = kTrack && m.entries_exact;
  std::vector<std::int32_t> pivot_of_row(m.rows, -1);
  std::vector<Stored> stored;
  std::vector<std::uint8_t> stored_exact;  // per stored column (kTrack)
  std::vector<std::uint32_t> arena_rows, arena_values;
  WorkColumn work, tmp;
  auto store = [&](std::uint32_t column, std::size_t offset, std::uint32_t length, bool in_arena,
                   std::uint32_t pivot, std::uint32_t low, bool exact) {
    pivot_of_row[low] = static_cast<std::int32_t>(stored.size());
    stored.push_back({offset, length, in_arena, inverse_mod(pivot, p)});
    result.pivot_rows.push_back(low);
    result.pivot_cols.push_back(column);
    if constexpr (kTrack) {
      const bool unit = exact && (pivot == 1 || pivot == p - 1);
      stored_exact.push_back(exact);
      result.unit_pivot.push_back(unit);
      result.integral = result.integral && exact;
      result.unimodular = result.unimodular && unit;
    }
  };
  for (std::uint32_t j = 0; j < m.cols; ++j) {
    if (progress && j % kProgressEvery == 0) progress(j, m.cols);
    if (!skip.empty() && skip[j]) continue;
    const std::size_t begin = m.offsets[j];
    const auto length = static_cast<std::uint32_t>(m.offsets[j + 1] - begin);
    if (length == 0) continue;
    std::uint32_t low = m.index[begin + length - 1];
    std::int32_t k = pivot_of_row[low];
    if (k < 0) {
      store(j, begin, length, false, m.values[begin + length - 1], low, m.entries_exact);
      continue;
    }
    bool exact = m.entries_exact;
    work.rows.assign(m.index.begin() + begin, m.index.begin() + begin + length);
    work.values.assign(m.values.begin() + begin, m.values.begin() + begin + length);
    for (;;) {
      const Stored& s = stored[k];
      const std::uint32_t* rows = (s.in_arena ? arena_rows.data() : m.index.data()) + s.offset;
      const std::uint32_t* values = (s.in_arena ? arena_values.data() : m.values.data()) + s.offset;
      const std::uint32_t a = work.values.back();
      if constexpr (kTrack) exact = exact && stored_exact[k];
      if (kTrack && exact) {
        // Fraction-free: work ← (b/g)·work − (a/g)·column with g = gcd(a, b) on the integer
        // representatives, so the integers stay an integral combination of input columns. A
        // nonzero scale changes neither the rank nor the pivots, over Q or mod p.
        std::int64_t sa = symmetric(a, p), sb = symmetric(values[s.length - 1], p);
        const std::int64_t g = std::gcd(sa, sb);
        sa /= g;
        sb /= g;
        if (sb < 0) sa = -sa, sb = -sb;
        auto mod = [p](std::int64_t v) {
          return static_cast<std::uint32_t>(v < 0 ? v + static_cast<std::int64_t>(p) : v);
        };
        axpy_mod_p<true>(work, rows, values, s.length, p, mod(sb), mod(sa), sb, sa, exact, tmp);
      } else {
        const auto mult = static_cast<std::uint32_t>(std::uint64_t{a} * s.pivot_inverse % p);
        axpy_mod_p<false>(work, rows, values, s.length, p, 1, mult, 1, 0, exact, tmp);
      }
      std::swap(work, tmp);
      if (work.rows.empty()) break;
      low = work.rows.back();
      k = pivot_of_row[low];
      if (k < 0) break;
    }
    if (work.rows.empty()) {
      // A zero column: exact means its integer combination really is zero over Z.
      if constexpr (kTrack) {
        result.integral = result.integral && exact;
        result.unimodular = result.unimodular && exact;
      }
      continue;
    }
    store(j, arena_rows.size(), static_cast<std::uint32_t>(work.rows.size()), true,
          work.values.back(), low, exact);
    arena_rows.insert(arena_rows.end(), work.rows.begin(), work.rows.end());
    arena_values.insert(arena_values.end(), work.values.begin(), work.values.end());
  }
  if (progress) progress(m.cols, m.cols);
  result.rank = result.pivot_rows.size();
  return result;
}

}  // namespace

ColumnMatrix to_columns_mod_p(const IntegerMatrix& m, std::uint32_t p) {
  ColumnMatrix out;
  out.rows = checked_dim(m.rows(), "rows");
  out.cols = checked_dim(m.cols(), "columns");
  out.offsets.assign(std::size_t{out.cols} + 1, 0);
  out.index.reserve(static_cast<std::size_t>(m.nonZeros()));
  if (p != 2) out.values.reserve(static_cast<std::size_t>(m.nonZeros()));
  const std::int64_t half = p / 2;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> column;
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    column.clear();
    bool sorted = true;
    for (IntegerMatrix::InnerIterator it(m, j); it; ++it) {
      if (it.value() > half || it.value() < -half) out.entries_exact = false;
      std::int64_t v = it.value() % static_cast<std::int64_t>(p);
      if (v < 0) v += p;
      if (v == 0) continue;
      const auto row = static_cast<std::uint32_t>(it.index());
      if (!column.empty() && column.back().first >= row) sorted = false;
      column.emplace_back(row, static_cast<std::uint32_t>(v));
    }
    if (!sorted) {  // Eigen keeps columns sorted; be safe with hand-made storage.
      std::sort(column.begin(), column.end());
      std::size_t n = 0;
      for (std::size_t i = 0; i < column.size(); ++i) {
        if (n > 0 && column[n - 1].first == column[i].first) {
          column[n - 1].second = static_cast<std::uint32_t>(
              (std::uint64_t{column[n - 1].second} + column[i].second) % p);
          if (column[n - 1].second == 0) --n;
        } else {
          column[n++] = column[i];
        }
      }
      column.resize(n);
    }
    for (const auto& [row, v] : column) {
      out.index.push_back(row);
      if (p != 2) out.values.push_back(v);
    }
    out.offsets[j + 1] = out.index.size();
  }
  return out;
}

ColumnMatrix transpose(const ColumnMatrix& m) {
  ColumnMatrix t;
  t.rows = m.cols;
  t.cols = m.rows;
  t.offsets.assign(std::size_t{t.cols} + 1, 0);
  for (std::uint32_t r : m.index) ++t.offsets[r + 1];
  std::partial_sum(t.offsets.begin(), t.offsets.end(), t.offsets.begin());
  t.index.resize(m.index.size());
  t.entries_exact = m.entries_exact;
  if (!m.values.empty()) t.values.resize(m.values.size());
  std::vector<std::size_t> fill(t.offsets.begin(), t.offsets.end() - 1);
  for (std::uint32_t j = 0; j < m.cols; ++j)
    for (std::size_t e = m.offsets[j]; e < m.offsets[j + 1]; ++e) {
      const std::size_t dst = fill[m.index[e]]++;
      t.index[dst] = j;
      if (!m.values.empty()) t.values[dst] = m.values[e];
    }
  return t;
}

ReductionResult reduce_mod_p(const ColumnMatrix& m, std::uint32_t p,
                             const std::vector<std::uint8_t>& skip, bool track_integral,
                             const ReductionProgress& progress) {
  if (m.rows >= static_cast<std::uint32_t>(INT32_MAX))
    throw ResourceLimit("sparse elimination: more than 2^31 - 1 rows");
  if (p == 2) {
    return reduce_mod_2(m, skip, progress);
  }
  return track_integral ? reduce_general<true>(m, p, skip, progress)
                        : reduce_general<false>(m, p, skip, progress);
}

ColumnMatrix reversed(const ColumnMatrix& m) {
  ColumnMatrix r;
  r.rows = m.rows;
  r.cols = m.cols;
  r.offsets.assign(std::size_t{m.cols} + 1, 0);
  r.index.resize(m.index.size());
  r.values.resize(m.values.size());
  std::size_t n = 0;
  for (std::uint32_t j = m.cols; j-- > 0;) {
    for (std::size_t e = m.offsets[j + 1]; e-- > m.offsets[j];) {
      r.index[n] = m.rows - 1 - m.index[e];
      if (!m.values.empty()) r.values[n] = m.values[e];
      ++n;
    }
    r.offsets[m.cols - j] = n;
  }
  r.entries_exact = m.entries_exact;
  return r;
}

int first_reduced_degree(const ChainComplex& c, int q_max) {
  const int top = c.top_degree();
  if (q_max >= top || q_max < 1) return std::min(q_max, top);
  // Cost in column reductions of starting at degree d: every column of ∂_{q_max+1} … ∂_d once
  // (mostly short), plus the cycles of ∂_d, which nothing clears and which reduce to zero only
  // after many additions; there are at least n_d − n_{d−1} of them.
  constexpr double kCycleCost = 8;  // measured 7–20 on grids and clique complexes
  int first = q_max;
  double best = 0, above = 0;
  for (int d = q_max; d <= top; ++d) {
    if (d > q_max) above += static_cast<double>(c.dim(d));
    const double cycles =
        std::max(0.0, static_cast<double>(c.dim(d)) - static_cast<double>(c.dim(d - 1)));
    const double cost = above + kCycleCost * cycles;
    if (d == q_max || cost < best) best = cost, first = d;
  }
  return first;
}

RankSequence boundary_ranks_mod_p(
    const ChainComplex& c, int q_max, std::uint32_t p, RankStrategy strategy, bool track_integral,
    const std::function<void(int q, std::size_t, std::size_t)>& progress) {
  RankSequence out;
  q_max = std::min(q_max, c.top_degree());
  if (q_max < 1) return out;
  out.ranks.assign(q_max, 0);
  out.integral.assign(q_max, false);
  const int first = strategy.cohomology ? 1 : first_reduced_degree(c, q_max);
  const int steps = strategy.cohomology ? q_max : first;
  std::vector<std::uint8_t> skip;
  bool source_integral = true;  // the reduction that produced `skip` was integral
  for (int step = 0; step < steps; ++step) {
    const int q = strategy.cohomology ? step + 1 : first - step;
    ColumnMatrix m = to_columns_mod_p(c.boundary(q), p);
    if (strategy.cohomology) m = transpose(m);
    if (strategy.reverse) m = reversed(m);
    if (skip.size() != m.cols) skip.assign(m.cols, 0);
    ReductionProgress hook;
    if (progress) hook = [&](std::size_t done, std::size_t total) { progress(q, done, total); };
    ReductionResult r = reduce_mod_p(m, p, skip, track_integral, hook);
    if (q <= q_max) {
      out.ranks[q - 1] = r.rank;
      out.integral[q - 1] = track_integral && r.integral && source_integral;
    }
    source_integral = r.integral;
    // The pivots of this matrix are the columns of the next one that reduce to zero.
    skip.assign(m.rows, 0);
    for (std::uint32_t row : r.pivot_rows) skip[row] = 1;
  }
  return out;
}

}  // namespace topospec::detail

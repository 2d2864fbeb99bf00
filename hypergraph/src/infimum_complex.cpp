// The infimum complex (infimum_complex.hpp).
//
// Entry time. Write W x for the vector x ∈ Z^{G_q} followed by its boundary ∂x; give the row of
// generator g the time v_g and the row of an ambient (q−1)-cell the value of that cell as a
// generator (+∞ when it never is one). Then x ∈ Inf_q(t) exactly when every nonzero row of W x
// has time ≤ t, so the entry time of x is the largest time among the nonzero rows of W x.
// Ordering the rows by time, the column reduction of W by lowest nonzero row (persistence's
// reduction, here over Z with unimodular gcd steps) gives a Z-basis whose members have distinct
// lowest rows; the members whose lowest row has time ≤ t are then a Z-basis of the lattice
// Inf_q(t) ∩ Z^{G_q}, for every t at once. Members with lowest row at time +∞ are not in Inf.
//
// Sparsity. A boundary entry of generator g at a row of time ≤ v_g never decides an entry time
// (any x using g already has time ≥ v_g), so it is left out of W. Without a filtration only the
// rows of non-generators remain, and W couples only generators that share such a row: the
// reduction works block by block, and a generator without any remaining row is a basis vector
// on its own.
#include "topospec/hypergraph/infimum_complex.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <utility>

#include "topospec/topology/error.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

using Entry = std::pair<std::uint32_t, std::int64_t>;  // (row position, value)
using Column = std::vector<Entry>;                       // rows increasing, no zeros

std::int64_t checked(__int128 x) {
  if (x > std::numeric_limits<std::int64_t>::max() || x < std::numeric_limits<std::int64_t>::min())
    throw NumericalFailure(
        "infimum complex: an exact basis coefficient overflows 64 bits (coefficient growth in "
        "a block of the integer reduction)");
  return static_cast<std::int64_t>(x);
}

// a·x + b·y, sparse; over Z (p = 0, overflow-checked) or reduced into [0, p).
std::int64_t reduce(__int128 v, std::int64_t p) {
  if (p == 0) return checked(v);
  const auto r = static_cast<std::int64_t>(v % p);
  return r < 0 ? r + p : r;
}

Column combine(std::int64_t a, const Column& x, std::int64_t b, const Column& y, std::int64_t p = 0) {
  Column out;
  out.reserve(x.size() + y.size());
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (j == y.size() || (i < x.size() && x[i].first < y[j].first)) {
      const std::int64_t v = reduce(static_cast<__int128>(a) * x[i].second, p);
      if (v != 0) out.emplace_back(x[i].first, v);
      ++i;
    } else if (i == x.size() || y[j].first < x[i].first) {
      const std::int64_t v = reduce(static_cast<__int128>(b) * y[j].second, p);
      if (v != 0) out.emplace_back(y[j].first, v);
      ++j;
    } else {
      const std::int64_t v = reduce(static_cast<__int128>(a) * x[i].second +
                                        static_cast<__int128>(b) * y[j].second,
                                    p);
      if (v != 0) out.emplace_back(x[i].first, v);
      ++i;
      ++j;
    }
  }
  return out;
}

// Extended Euclid: s·a + t·b = g = gcd(a, b) > 0.
std::int64_t extended_gcd(std::int64_t a, std::int64_t b, std::int64_t& s, std::int64_t& t) {
  std::int64_t r0 = a, r1 = b, s0 = 1, s1 = 0, t0 = 0, t1 = 1;
  while (r1 != 0) {
    const std::int64_t q = r0 / r1;
    std::tie(r0, r1) = std::make_pair(r1, r0 - q * r1);
    std::tie(s0, s1) = std::make_pair(s1, checked(static_cast<__int128>(s0) - static_cast<__int128>(q) * s1));
    std::tie(t0, t1) = std::make_pair(t1, checked(static_cast<__int128>(t0) - static_cast<__int128>(q) * t1));
  }
  if (r0 < 0) {
    r0 = -r0;
    s0 = -s0;
    t0 = -t0;
  }
  s = s0;
  t = t0;
  return r0;
}

// a^{-1} mod p (p prime, a ≠ 0 mod p).
std::int64_t inverse_mod(std::int64_t a, std::int64_t p) {
  std::int64_t s = 0, t = 0;
  extended_gcd(a, p, s, t);
  return reduce(s, p);
}

struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// One degree of the result: the reduced columns of W and everything derived from them.
struct Degree {
  std::size_t generators = 0;
  std::size_t rows = 0;          // rows of W: generators first (positions by time order)
  std::vector<double> row_time;  // by row position
  std::vector<std::uint32_t> generator_row;  // generator → its row position in W
  std::vector<std::uint32_t> row_generator;  // row position → generator (or UINT32_MAX)
  std::vector<Column> w;                     // unreduced W columns (for coordinates)
  std::vector<std::uint32_t> block;          // generator → block id (dense)
  std::size_t blocks = 0, largest = 0;
  // Basis vectors (cells), in output order.
  std::vector<Column> reduced;              // reduced W column of each cell
  std::vector<std::int64_t> low_to_cell;    // row position → cell, or −1
  std::vector<double> value;
  std::vector<std::uint32_t> label_generator;  // the last generator (in row order) of each cell
  // Orthonormal basis: per cell, (generator, coefficient) pairs.
  std::vector<std::vector<std::pair<std::uint32_t, double>>> orthonormal;
  std::vector<std::vector<std::size_t>> block_cells;  // block → cells, in row order of lows
  // generator → its cell when that cell is the generator itself (a block of one generator
  // without constraint rows: the common case, handled without any reduction), else −1.
  std::vector<std::int64_t> identity_cell;
};

double generator_value(const InfimumDegree& d, std::size_t g) {
  return d.values.empty() ? 0.0 : d.values[g];
}

void validate(const std::vector<InfimumDegree>& degrees) {
  for (std::size_t q = 0; q < degrees.size(); ++q) {
    const InfimumDegree& d = degrees[q];
    const std::string where = "degree " + std::to_string(q);
    if (!d.values.empty() && d.values.size() != d.generators)
      throw InvalidInput(where, "values given for " + std::to_string(d.values.size()) + " of " +
                                    std::to_string(d.generators) + " generators");
    for (double v : d.values)
      if (std::isnan(v)) throw InvalidInput(where, "a generator value is NaN");
    if (q == 0) {
      if (d.boundary.size() != 0 && d.boundary.cols() != 0 &&
          d.boundary.cols() != static_cast<Eigen::Index>(d.generators))
        throw InvalidInput(where, "degree 0 has a boundary");
      continue;
    }
    if (d.boundary.cols() != static_cast<Eigen::Index>(d.generators))
      throw InvalidInput(where, "boundary has " + std::to_string(d.boundary.cols()) +
                                    " columns for " + std::to_string(d.generators) + " generators");
    if (d.boundary.rows() < static_cast<Eigen::Index>(degrees[q - 1].generators))
      throw InvalidInput(where, "boundary has fewer rows than the generators of degree " +
                                    std::to_string(q - 1));
  }
}

// Builds W for degree q, reduces it, and keeps the cells of Inf_q.
Degree reduce_degree(const std::vector<InfimumDegree>& degrees, std::size_t q, std::int64_t p) {
  const InfimumDegree& d = degrees[q];
  Degree out;
  out.generators = d.generators;
  const std::size_t below = q == 0 ? 0 : degrees[q - 1].generators;
  const std::size_t ambient_rows = q == 0 ? 0 : static_cast<std::size_t>(d.boundary.rows());
  auto ambient_time = [&](std::size_t r) {
    return r < below ? generator_value(degrees[q - 1], r) : kNever;
  };

  // Rows that any generator keeps (a boundary entry at a row later than the generator).
  std::vector<char> kept(ambient_rows, 0);
  if (q > 0)
    for (Eigen::Index g = 0; g < d.boundary.outerSize(); ++g)
      for (IntegerMatrix::InnerIterator it(d.boundary, g); it; ++it)
        if (it.value() != 0 &&
            ambient_time(static_cast<std::size_t>(it.row())) > generator_value(d, static_cast<std::size_t>(g)))
          kept[static_cast<std::size_t>(it.row())] = 1;

  // Row order: by time, generators before ambient cells at equal time, then by index.
  struct RowKey {
    double time;
    int kind;
    std::size_t index;
  };
  std::vector<RowKey> keys;
  keys.reserve(d.generators + ambient_rows);
  for (std::size_t g = 0; g < d.generators; ++g) keys.push_back({generator_value(d, g), 0, g});
  for (std::size_t r = 0; r < ambient_rows; ++r)
    if (kept[r]) keys.push_back({ambient_time(r), 1, r});
  std::sort(keys.begin(), keys.end(), [](const RowKey& a, const RowKey& b) {
    return std::tie(a.time, a.kind, a.index) < std::tie(b.time, b.kind, b.index);
  });
  if (keys.size() > std::numeric_limits<std::uint32_t>::max() - 1)
    throw ResourceLimit("infimum complex: degree " + std::to_string(q) + " has " +
                        std::to_string(keys.size()) + " rows, beyond 2^32 − 1");
  out.rows = keys.size();
  out.row_time.resize(keys.size());
  out.generator_row.resize(d.generators);
  out.row_generator.assign(keys.size(), std::numeric_limits<std::uint32_t>::max());
  std::vector<std::uint32_t> ambient_row(ambient_rows, std::numeric_limits<std::uint32_t>::max());
  for (std::size_t k = 0; k < keys.size(); ++k) {
    out.row_time[k] = keys[k].time;
    if (keys[k].kind == 0) {
      out.generator_row[keys[k].index] = static_cast<std::uint32_t>(k);
      out.row_generator[k] = static_cast<std::uint32_t>(keys[k].index);
    } else {
      ambient_row[keys[k].index] = static_cast<std::uint32_t>(k);
    }
  }

  // W columns and the blocks (generators joined through a shared kept row).
  UnionFind uf(d.generators);
  std::vector<std::int64_t> first_user(ambient_rows, -1);
  out.w.resize(d.generators);
  for (std::size_t g = 0; g < d.generators; ++g) {
    Column& col = out.w[g];
    col.emplace_back(out.generator_row[g], 1);
    if (q > 0)
      for (IntegerMatrix::InnerIterator it(d.boundary, static_cast<Eigen::Index>(g)); it; ++it) {
        const auto r = static_cast<std::size_t>(it.row());
        if (it.value() == 0 || !(ambient_time(r) > generator_value(d, g))) continue;
        const std::int64_t v = p == 0 ? it.value() : reduce(it.value(), p);
        if (v != 0) col.emplace_back(ambient_row[r], v);
        if (first_user[r] < 0)
          first_user[r] = static_cast<std::int64_t>(g);
        else
          uf.unite(static_cast<std::uint32_t>(first_user[r]), static_cast<std::uint32_t>(g));
      }
    std::sort(col.begin(), col.end());
  }
  out.block.resize(d.generators);
  std::vector<std::int64_t> block_of_root(d.generators, -1);
  std::vector<std::size_t> block_size;
  for (std::size_t g = 0; g < d.generators; ++g) {
    const std::uint32_t root = uf.find(static_cast<std::uint32_t>(g));
    if (block_of_root[root] < 0) {
      block_of_root[root] = static_cast<std::int64_t>(block_size.size());
      block_size.push_back(0);
    }
    out.block[g] = static_cast<std::uint32_t>(block_of_root[root]);
    ++block_size[out.block[g]];
  }
  out.blocks = block_size.size();
  out.largest = block_size.empty() ? 0 : *std::max_element(block_size.begin(), block_size.end());

  // Column reduction by lowest row over Z (unimodular steps). Columns of different blocks share
  // no row, so this is the block-by-block reduction.
  std::vector<Column> cols = out.w;
  std::vector<std::int64_t> owner(keys.size(), -1);  // row position → column owning it as low
  for (std::size_t j = 0; j < cols.size(); ++j) {
    while (!cols[j].empty()) {
      const std::uint32_t low = cols[j].back().first;
      if (owner[low] < 0) {
        owner[low] = static_cast<std::int64_t>(j);
        break;
      }
      Column& ci = cols[static_cast<std::size_t>(owner[low])];
      const std::int64_t a = ci.back().second, b = cols[j].back().second;
      if (p != 0) {
        cols[j] = combine(1, cols[j], reduce(-static_cast<__int128>(b) * inverse_mod(a, p), p), ci, p);
      } else if (b % a == 0) {
        cols[j] = combine(1, cols[j], -(b / a), ci);
      } else {
        std::int64_t s = 0, t = 0;
        const std::int64_t g = extended_gcd(a, b, s, t);
        Column new_i = combine(s, ci, t, cols[j]);
        cols[j] = combine(a / g, cols[j], -(b / g), ci);
        ci = std::move(new_i);
      }
    }
  }

  // Cells: the reduced columns whose lowest row has a finite time, ordered by that row.
  std::vector<std::size_t> cells;
  for (std::size_t j = 0; j < cols.size(); ++j)
    if (!cols[j].empty() && out.row_time[cols[j].back().first] != kNever) cells.push_back(j);
  std::sort(cells.begin(), cells.end(),
            [&](std::size_t x, std::size_t y) { return cols[x].back().first < cols[y].back().first; });
  out.low_to_cell.assign(keys.size(), -1);
  out.block_cells.resize(out.blocks);
  out.identity_cell.assign(d.generators, -1);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    Column& col = cols[cells[c]];
    // Normalise the pivot: positive over Z, 1 over Z/p.
    if (p != 0) {
      const std::int64_t inv = inverse_mod(col.back().second, p);
      for (Entry& e : col) e.second = reduce(static_cast<__int128>(e.second) * inv, p);
    } else if (col.back().second < 0) {
      for (Entry& e : col) e.second = -e.second;
    }
    out.low_to_cell[col.back().first] = static_cast<std::int64_t>(c);
    out.value.push_back(out.row_time[col.back().first]);
    std::uint32_t last = 0;
    bool found = false;
    for (const Entry& e : col)
      if (out.row_generator[e.first] != std::numeric_limits<std::uint32_t>::max()) {
        last = out.row_generator[e.first];
        found = true;
      }
    if (!found) throw Error("internal: infimum complex cell without generators");
    out.label_generator.push_back(last);
    out.block_cells[out.block[last]].push_back(c);
    if (col.size() == 1 && block_size[out.block[last]] == 1) out.identity_cell[last] = static_cast<std::int64_t>(c);
    out.reduced.push_back(std::move(col));
  }

  // Orthonormal basis: Gram–Schmidt (twice, for orthogonality to working precision) within
  // each block, in the order of the cells' lows, so that it is adapted to the filtration too.
  out.orthonormal.resize(out.reduced.size());
  if (p != 0) return out;  // over Z/p there is no real form
  std::vector<std::int64_t> local(d.generators, -1);
  for (std::size_t b = 0; b < out.blocks; ++b) {
    const std::vector<std::size_t>& bc = out.block_cells[b];
    if (bc.empty()) continue;
    if (bc.size() == 1 && out.reduced[bc[0]].size() == 1) {  // a generator on its own
      out.orthonormal[bc[0]].emplace_back(out.label_generator[bc[0]], 1.0);
      continue;
    }
    // Generators of this block that the cells touch, as dense local coordinates.
    std::vector<std::uint32_t> gens;
    for (std::size_t c : bc)
      for (const Entry& e : out.reduced[c])
        if (out.row_generator[e.first] != std::numeric_limits<std::uint32_t>::max() &&
            local[out.row_generator[e.first]] < 0) {
          local[out.row_generator[e.first]] = static_cast<std::int64_t>(gens.size());
          gens.push_back(out.row_generator[e.first]);
        }
    Eigen::MatrixXd u = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(gens.size()),
                                              static_cast<Eigen::Index>(bc.size()));
    for (std::size_t k = 0; k < bc.size(); ++k)
      for (const Entry& e : out.reduced[bc[k]])
        if (out.row_generator[e.first] != std::numeric_limits<std::uint32_t>::max())
          u(local[out.row_generator[e.first]], static_cast<Eigen::Index>(k)) =
              static_cast<double>(e.second);
    for (Eigen::Index k = 0; k < u.cols(); ++k) {
      for (int pass = 0; pass < 2; ++pass)
        for (Eigen::Index i = 0; i < k; ++i) u.col(k) -= u.col(i).dot(u.col(k)) * u.col(i);
      const double norm = u.col(k).norm();
      if (!(norm > 0)) throw NumericalFailure("infimum complex: a basis vector vanished in Gram–Schmidt");
      u.col(k) /= norm;
    }
    for (std::size_t k = 0; k < bc.size(); ++k) {
      auto& o = out.orthonormal[bc[k]];
      for (std::size_t i = 0; i < gens.size(); ++i) {
        const double x = u(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k));
        if (x != 0.0) o.emplace_back(gens[i], x);
      }
      std::sort(o.begin(), o.end());
    }
    for (std::uint32_t g : gens) local[g] = -1;
  }
  return out;
}

// Integer coordinates of y (a vector of Inf_{q} given on the generators, in the lattice) in the
// cells of `deg`: reduce W y by the reduced columns.
std::vector<std::pair<std::size_t, std::int64_t>> coordinates(
    const Degree& deg, const std::vector<std::pair<std::uint32_t, std::int64_t>>& y, std::int64_t p) {
  // W y = Σ y_g W_g.
  Column wy;
  for (const auto& [g, v] : y) wy = combine(1, wy, v, deg.w[g], p);
  std::vector<std::pair<std::size_t, std::int64_t>> out;
  while (!wy.empty()) {
    const auto [low, x] = wy.back();
    const std::int64_t cell = deg.low_to_cell[low];
    if (cell < 0)
      throw Error("internal: infimum complex boundary leaves the lattice (row " +
                  std::to_string(low) + ")");
    const Column& c = deg.reduced[static_cast<std::size_t>(cell)];
    if (p == 0 && x % c.back().second != 0)
      throw Error("internal: infimum complex boundary has a non-integral coordinate");
    const std::int64_t k = p == 0 ? x / c.back().second : x;  // pivots are 1 over Z/p
    out.emplace_back(static_cast<std::size_t>(cell), k);
    wy = combine(1, wy, p == 0 ? -k : p - k, c, p);
  }
  return out;
}

}  // namespace

InfimumComplex infimum_complex(const std::vector<InfimumDegree>& degrees, CellLabeler generator_labels,
                               const InfimumOptions& options) {
  validate(degrees);
  const auto p = static_cast<std::int64_t>(options.modulus);
  const std::size_t top = degrees.size();
  std::vector<Degree> deg;
  deg.reserve(top);
  for (std::size_t q = 0; q < top; ++q) {
    report_progress(options.progress, "Inf_q blocks", q, top);
    deg.push_back(reduce_degree(degrees, q, p));
  }
  report_progress(options.progress, "Inf_q blocks", top, top);

  InfimumComplex out;
  std::vector<std::size_t> dims(top);
  for (std::size_t q = 0; q < top; ++q) {
    dims[q] = deg[q].reduced.size();
    out.blocks.push_back(deg[q].blocks);
    out.largest_block.push_back(deg[q].largest);
  }

  // Boundaries: ∂ of each cell of degree q, on the generators of degree q−1 (the other rows
  // cancel), in integer coordinates of the cells of degree q−1 and in orthonormal ones.
  std::vector<IntegerMatrix> boundaries;
  std::vector<RealMatrix> real;
  for (std::size_t q = 1; q < top; ++q) {
    const InfimumDegree& d = degrees[q];
    const std::size_t below = degrees[q - 1].generators;
    const Degree& lower = deg[q - 1];
    std::vector<Eigen::Triplet<std::int64_t, std::int64_t>> ints;
    std::vector<Eigen::Triplet<double, std::int64_t>> reals;
    std::vector<std::int64_t> acc_int(below, 0);
    std::vector<double> acc_real(below, 0.0);
    std::vector<std::uint32_t> touched;
    std::vector<char> mark(below, 0);
    std::vector<std::pair<std::uint32_t, std::int64_t>> y;
    std::vector<std::size_t> blocks;
    for (std::size_t c = 0; c < deg[q].reduced.size(); ++c) {
      // Integer: ∂ of the exact basis vector.
      touched.clear();
      for (const Entry& e : deg[q].reduced[c]) {
        const std::uint32_t g = deg[q].row_generator[e.first];
        if (g == std::numeric_limits<std::uint32_t>::max()) continue;
        for (IntegerMatrix::InnerIterator it(d.boundary, g); it; ++it) {
          const auto r = static_cast<std::size_t>(it.row());
          if (r >= below) continue;
          acc_int[r] = reduce(static_cast<__int128>(acc_int[r]) +
                                  static_cast<__int128>(e.second) * it.value(),
                              p);
          if (!mark[r]) {
            mark[r] = 1;
            touched.push_back(static_cast<std::uint32_t>(r));
          }
        }
      }
      std::sort(touched.begin(), touched.end());
      y.clear();
      bool direct = true;  // every row is a generator that is its own cell
      for (std::uint32_t r : touched) {
        if (acc_int[r] != 0) {
          y.emplace_back(r, acc_int[r]);
          direct = direct && lower.identity_cell[r] >= 0;
        }
        acc_int[r] = 0;
        mark[r] = 0;
      }
      if (direct)
        for (const auto& [r, k] : y)
          ints.emplace_back(lower.identity_cell[r], static_cast<std::int64_t>(c), k);
      else
        for (const auto& [cell, k] : coordinates(lower, y, p))
          ints.emplace_back(static_cast<std::int64_t>(cell), static_cast<std::int64_t>(c), k);
      if (p != 0) continue;  // no real form over Z/p

      // Real: ∂ of the orthonormal vector, projected on the orthonormal cells it touches.
      touched.clear();
      double norm2 = 0;
      for (const auto& [g, x] : deg[q].orthonormal[c])
        for (IntegerMatrix::InnerIterator it(d.boundary, g); it; ++it) {
          const auto r = static_cast<std::size_t>(it.row());
          if (r >= below) continue;
          acc_real[r] += x * static_cast<double>(it.value());
          if (!mark[r]) {
            mark[r] = 1;
            touched.push_back(static_cast<std::uint32_t>(r));
          }
        }
      blocks.clear();
      for (std::uint32_t r : touched) norm2 += acc_real[r] * acc_real[r];
      const double drop = 1e-13 * std::sqrt(norm2);
      for (std::uint32_t r : touched) {
        if (lower.identity_cell[r] >= 0) {
          if (std::abs(acc_real[r]) > drop)
            reals.emplace_back(lower.identity_cell[r], static_cast<std::int64_t>(c), acc_real[r]);
        } else {
          blocks.push_back(lower.block[r]);
        }
      }
      std::sort(blocks.begin(), blocks.end());
      blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
      for (std::size_t b : blocks)
        for (std::size_t cell : lower.block_cells[b]) {
          double dot = 0;
          for (const auto& [g, x] : lower.orthonormal[cell]) dot += x * acc_real[g];
          if (std::abs(dot) > drop)
            reals.emplace_back(static_cast<std::int64_t>(cell), static_cast<std::int64_t>(c), dot);
        }
      for (std::uint32_t r : touched) {
        acc_real[r] = 0;
        mark[r] = 0;
      }
    }
    IntegerMatrix b(static_cast<Eigen::Index>(dims[q - 1]), static_cast<Eigen::Index>(dims[q]));
    b.setFromTriplets(ints.begin(), ints.end());
    RealMatrix rb(static_cast<Eigen::Index>(dims[q - 1]), static_cast<Eigen::Index>(dims[q]));
    rb.setFromTriplets(reals.begin(), reals.end());
    boundaries.push_back(std::move(b));
    real.push_back(std::move(rb));
  }

  // Labels: the generator at which each cell enters.
  auto label_generators = std::make_shared<std::vector<std::vector<std::uint32_t>>>();
  for (const Degree& d : deg) label_generators->push_back(d.label_generator);
  CellLabeler labels = [generator_labels, label_generators](int q, std::size_t i) {
    return generator_labels ? generator_labels(q, (*label_generators)[static_cast<std::size_t>(q)][i])
                            : CellLabel{};
  };
  if (p != 0) real.clear();
  out.chains = ChainComplex(dims, std::move(boundaries), labels, std::move(real));

  bool filtered = false;
  for (const InfimumDegree& d : degrees) filtered = filtered || !d.values.empty();
  if (filtered && !out.chains.dims().empty()) {
    std::vector<std::vector<double>> values;
    for (std::size_t q = 0; q < out.chains.dims().size(); ++q) values.push_back(deg[q].value);
    out.chains.set_values(std::move(values));
  }

  std::vector<RealMatrix> embeddings;
  for (std::size_t q = 0; q < top; ++q) {
    out.integer_basis.emplace_back(static_cast<Eigen::Index>(deg[q].generators),
                                   static_cast<Eigen::Index>(dims[q]));
    std::vector<Eigen::Triplet<std::int64_t, std::int64_t>> ib;
    std::vector<Eigen::Triplet<double, std::int64_t>> eb;
    for (std::size_t c = 0; c < dims[q]; ++c) {
      for (const Entry& e : deg[q].reduced[c])
        if (deg[q].row_generator[e.first] != std::numeric_limits<std::uint32_t>::max())
          ib.emplace_back(deg[q].row_generator[e.first], static_cast<std::int64_t>(c), e.second);
      for (const auto& [g, x] : deg[q].orthonormal[c])
        eb.emplace_back(g, static_cast<std::int64_t>(c), x);
    }
    out.integer_basis.back().setFromTriplets(ib.begin(), ib.end());
    RealMatrix e(static_cast<Eigen::Index>(deg[q].generators), static_cast<Eigen::Index>(dims[q]));
    e.setFromTriplets(eb.begin(), eb.end());
    embeddings.push_back(std::move(e));
  }
  if (p == 0 && !out.chains.dims().empty()) {
    embeddings.resize(out.chains.dims().size());
    out.chains.set_embedding(std::move(embeddings), generator_labels);
  }
  return out;
}

std::vector<std::size_t> supremum_betti(const std::vector<InfimumDegree>& degrees, int max_dim,
                                        Coefficients coefficients) {
  if (coefficients.kind == Coefficients::Kind::Z)
    throw InvalidInput("coefficients", "supremum_betti needs a field (Q or Z/p)");
  const std::uint32_t p = coefficients.kind == Coefficients::Kind::Q ? 2147483647u : coefficients.p;
  auto generators = [&](int q) -> std::size_t {
    return q >= 0 && q < static_cast<int>(degrees.size()) ? degrees[q].generators : 0;
  };
  // rk ∂G_q over the whole ambient, and rk of ∂G_q on the rows of non-generators.
  auto rank_full = [&](int q) -> std::size_t {
    if (q <= 0 || q >= static_cast<int>(degrees.size()) || degrees[q].generators == 0) return 0;
    return rank_mod_p(degrees[q].boundary, p);
  };
  auto rank_outside = [&](int q) -> std::size_t {
    if (q <= 0 || q >= static_cast<int>(degrees.size()) || degrees[q].generators == 0) return 0;
    const IntegerMatrix& b = degrees[q].boundary;
    const auto below = static_cast<Eigen::Index>(degrees[q - 1].generators);
    if (b.rows() == below) return 0;
    const IntegerMatrix outside = b.bottomRows(b.rows() - below);
    return rank_mod_p(outside, p);
  };
  std::vector<std::size_t> betti;
  for (int q = 0; q <= max_dim; ++q) {
    const std::size_t sup = generators(q) + rank_outside(q + 1);
    betti.push_back(sup - rank_full(q) - rank_full(q + 1));
  }
  return betti;
}

}  // namespace topospec

// Vietoris–Rips persistence without building the complex (the approach of Ripser, Bauer 2021).
//
// A q-simplex with vertices v_q > … > v_0 has index Σ_k C(v_k, k + 1) (combinatorial number
// system), so a simplex is a 64-bit integer plus its diameter. The filtration order is
// (diameter ascending, index descending); this is a valid filtration order and it makes the
// earliest cofacet of equal diameter the first one met when cofacets are enumerated by
// decreasing index, which is what the emergent-pair shortcut needs.
//
// Degree 0 is Kruskal's union-find. Degrees q ≥ 1 reduce the coboundary matrix (columns: the
// q-simplices, latest first; pivot: the earliest nonzero cofacet) with
//  * clearing: a q-simplex that is the pivot of a (q−1)-column is never reduced;
//  * emergent pairs: when the earliest cofacet has the column's diameter and is not a pivot
//    yet, the column is paired at once, without enumerating the rest of its coboundary;
//  * an implicit matrix: a reduced column is kept as its (usually empty) list of added
//    columns V and re-enumerated when needed, never as its coboundary.
// The threshold defaults to (and is capped by) the enclosing radius min_i max_j d(i, j): at
// that value the complex is a cone, so no bar dies later and none is born later.
#include "topospec/topology/rips_persistence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

using Index = std::int64_t;
using Coef = std::uint32_t;
constexpr double kInf = std::numeric_limits<double>::infinity();

struct DiamIndex {
  double diam;
  Index index;
};

struct Entry {
  double diam;
  Index index;
  Coef coef;
};

// True when a enters the filtration after b: (diameter, −index) order. Used both as the heap
// comparator (the heap top is the earliest entry: the pivot) and to sort columns latest first.
template <class A, class B>
inline bool later(const A& a, const B& b) {
  return a.diam > b.diam || (a.diam == b.diam && a.index < b.index);
}

class Binomials {
 public:
  // C(v, k) for 0 ≤ v ≤ n, 0 ≤ k ≤ k_max. Throws ResourceLimit when an index of a
  // k_max-simplex could overflow 63 bits.
  Binomials(Index n, int k_max) : n_(n + 1), table_(static_cast<std::size_t>((k_max + 1) * (n + 1)), 0) {
    constexpr Index kLimit = Index{1} << 62;
    for (Index v = 0; v <= n; ++v) {
      at(v, 0) = 1;
      for (int k = 1; k <= k_max; ++k) {
        const Index a = v > 0 ? at(v - 1, k - 1) : 0;
        const Index b = v > 0 ? at(v - 1, k) : 0;
        if (a > kLimit - b)
          throw ResourceLimit("rips_persistence: simplex indices of dimension " +
                              std::to_string(k - 1) + " on " + std::to_string(n) +
                              " points exceed 63 bits; lower max_dim or the number of points");
        at(v, k) = a + b;
      }
    }
  }
  Index operator()(Index v, int k) const {
    return table_[static_cast<std::size_t>(k) * static_cast<std::size_t>(n_) +
                  static_cast<std::size_t>(v)];
  }

 private:
  Index& at(Index v, int k) {
    return table_[static_cast<std::size_t>(k) * static_cast<std::size_t>(n_) +
                  static_cast<std::size_t>(v)];
  }
  Index n_;
  std::vector<Index> table_;
};

// Open addressing, linear probing; keys are simplex indices (≥ 0), −1 marks an empty slot.
class PivotMap {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  void reset(std::size_t expected) {
    std::size_t cap = 16;
    while (cap < 2 * expected + 16) cap <<= 1;
    keys_.assign(cap, -1);
    values_.assign(cap, kNone);
    mask_ = cap - 1;
    size_ = 0;
  }
  std::uint32_t find(Index key) const {
    for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] < 0) return kNone;
    }
  }
  void insert(Index key, std::uint32_t value) {
    if (2 * (size_ + 1) > keys_.size()) grow();
    place(key, value);
    ++size_;
  }

 private:
  std::size_t slot(Index key) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ULL) >>
                                    17) &
           mask_;
  }
  void place(Index key, std::uint32_t value) {
    std::size_t i = slot(key);
    while (keys_[i] >= 0) i = (i + 1) & mask_;
    keys_[i] = key;
    values_[i] = value;
  }
  void grow() {
    std::vector<Index> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_values = std::move(values_);
    keys_.assign(old_keys.size() * 2, -1);
    values_.assign(old_keys.size() * 2, kNone);
    mask_ = keys_.size() - 1;
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] >= 0) place(old_keys[i], old_values[i]);
  }
  std::vector<Index> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

Coef inverse_mod(Coef a, Coef p) {
  std::int64_t t = 0, new_t = 1, r = p, new_r = a;
  while (new_r != 0) {
    const std::int64_t quotient = r / new_r;
    t = std::exchange(new_t, t - quotient * new_t);
    r = std::exchange(new_r, r - quotient * new_r);
  }
  return static_cast<Coef>(t < 0 ? t + p : t);
}

// Cofacet enumeration over all vertices (the full distance matrix is kept square for fast
// rows). Cofacets above the threshold are skipped.
struct DenseGeometry {
  Index n;
  std::vector<double> full;  // n × n
  double threshold;

  template <class F>
  void visit(const Entry& s, int q, const Index* vs, bool all, const Binomials& binom, Coef p,
             F&& f) const {
    Index below = s.index, above = 0;
    int j = 0;  // vertices of s above v
    const Index v_min = all ? 0 : vs[0] + 1;
    const Coef minus = s.coef == 0 ? 0 : p - s.coef;
    for (Index v = n - 1; v >= v_min; --v) {
      if (j <= q && vs[j] == v) {
        below -= binom(v, q + 1 - j);
        above += binom(v, q + 2 - j);
        ++j;
        continue;
      }
      const double* row = full.data() + v * n;
      double diam = s.diam;
      bool inside = true;
      for (int i = 0; i <= q; ++i) {
        const double d = row[vs[i]];
        if (d > threshold) {
          inside = false;
          break;
        }
        diam = std::max(diam, d);
      }
      if (!inside) continue;
      if (!f(Entry{diam, above + binom(v, q + 2 - j) + below, ((q + 1 - j) & 1) ? minus : s.coef}))
        return;
    }
  }
};

// Cofacet enumeration by intersecting neighbour lists (edges ≤ threshold, sorted by vertex
// descending): pays when the threshold keeps few edges.
struct SparseGeometry {
  std::vector<std::size_t> offset;  // n + 1
  std::vector<std::int32_t> vertex;
  std::vector<double> dist;

  template <class F>
  void visit(const Entry& s, int q, const Index* vs, bool all, const Binomials& binom, Coef p,
             F&& f) const {
    std::size_t it[64], end[64];
    for (int i = 0; i <= q; ++i) {
      it[i] = offset[static_cast<std::size_t>(vs[i])];
      end[i] = offset[static_cast<std::size_t>(vs[i]) + 1];
    }
    Index below = s.index, above = 0;
    int j = 0;
    const Coef minus = s.coef == 0 ? 0 : p - s.coef;
    while (it[0] < end[0]) {
      std::int32_t x = vertex[it[0]];
      if (!all && x < vs[0]) return;
      bool common = true;
      for (int i = 1; i <= q; ++i) {
        while (it[i] < end[i] && vertex[it[i]] > x) ++it[i];
        if (it[i] == end[i]) return;
        if (vertex[it[i]] < x) {
          x = vertex[it[i]];
          while (it[0] < end[0] && vertex[it[0]] > x) ++it[0];
          common = false;
          break;
        }
      }
      if (!common) continue;
      double diam = s.diam;
      for (int i = 0; i <= q; ++i) diam = std::max(diam, dist[it[i]]);
      const Index v = x;
      while (j <= q && vs[j] > v) {
        below -= binom(vs[j], q + 1 - j);
        above += binom(vs[j], q + 2 - j);
        ++j;
      }
      ++it[0];
      if (!f(Entry{diam, above + binom(v, q + 2 - j) + below, ((q + 1 - j) & 1) ? minus : s.coef}))
        return;
    }
  }
};

struct Edge {
  double diam;
  Index index;
  std::int32_t u, v;  // u > v
};

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n), rank_(n, 0) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  bool unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (rank_[a] < rank_[b]) std::swap(a, b);
    parent_[b] = a;
    if (rank_[a] == rank_[b]) ++rank_[a];
    return true;
  }

 private:
  std::vector<std::size_t> parent_;
  std::vector<std::uint8_t> rank_;
};

template <class Geometry>
class Reducer {
 public:
  Reducer(const Geometry& geo, Index n, int max_q, Coef p, const Progress& progress)
      : geo_(geo), n_(n), binom_(n, max_q + 2), p_(p), progress_(progress) {}

  // Bars of degree q ≥ 1 from the columns (q-simplices, latest first); fills pivots_.
  void reduce(int q, const std::vector<DiamIndex>& columns, std::vector<Bar>& bars) {
    pivots_.reset(columns.size());
    slots_.clear();
    vstore_.clear();
    const std::string stage = "rips_persistence: degree " + std::to_string(q);
    report_progress(progress_, stage, 0, columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if ((c & 0xFFF) == 0 && c > 0) report_progress(progress_, stage, c, columns.size());
      const Entry sigma{columns[c].diam, columns[c].index, 1};
      heap_.clear();
      work_v_.clear();
      // Enumerate δσ; stop at once on an emergent pair.
      bool check = true, emergent = false;
      Entry pivot{};
      decode(sigma.index, q);
      geo_.visit(sigma, q, vs_, true, binom_, p_, [&](const Entry& e) {
        if (check && e.diam == sigma.diam) {
          if (pivots_.find(e.index) == PivotMap::kNone) {
            pivot = e;
            emergent = true;
            return false;
          }
          check = false;
        }
        push(e);
        return true;
      });
      if (emergent) {  // zero-length bar: not reported
        add_slot(sigma, pivot);
        continue;
      }
      bool paired = false;
      while (pop_pivot(pivot)) {
        const std::uint32_t j = pivots_.find(pivot.index);
        if (j == PivotMap::kNone) {
          combine_work_v();
          add_slot(sigma, pivot);
          if (pivot.diam > sigma.diam) bars.push_back(Bar{sigma.diam, pivot.diam});
          paired = true;
          break;
        }
        const Slot slot = slots_[j];
        const Coef factor = static_cast<Coef>(
            p_ - static_cast<std::uint64_t>(pivot.coef) * slot.inverse_pivot % p_);
        add_column(Entry{slot.diam, slot.index, factor}, q);
        for (std::size_t k = slot.v_begin; k < slot.v_end; ++k) {
          Entry e = vstore_[k];
          e.coef = static_cast<Coef>(static_cast<std::uint64_t>(e.coef) * factor % p_);
          add_column(e, q);
        }
      }
      if (!paired) bars.push_back(Bar{sigma.diam, kInf});
    }
    report_progress(progress_, stage, columns.size(), columns.size());
  }

  // The (q+1)-simplices from the q-simplices (each once: from its facet without its top
  // vertex); columns = those not cleared by the pivots of degree q, latest first.
  void assemble(int q, const std::vector<DiamIndex>& simplices, std::vector<DiamIndex>* next,
                std::vector<DiamIndex>& columns) {
    columns.clear();
    if (next) next->clear();
    for (const DiamIndex& s : simplices) {
      decode(s.index, q);
      geo_.visit(Entry{s.diam, s.index, 1}, q, vs_, false, binom_, p_, [&](const Entry& e) {
        if (next) next->push_back(DiamIndex{e.diam, e.index});
        if (pivots_.find(e.index) == PivotMap::kNone)
          columns.push_back(DiamIndex{e.diam, e.index});
        return true;
      });
    }
    std::sort(columns.begin(), columns.end(),
              [](const DiamIndex& a, const DiamIndex& b) { return later(a, b); });
  }

  const Binomials& binomials() const { return binom_; }

 private:
  struct Slot {
    Index index;
    double diam;
    Coef inverse_pivot;
    std::size_t v_begin, v_end;
  };

  // Vertices of the q-simplex `index`, descending, into vs_.
  void decode(Index index, int q) {
    Index top = n_ - 1;
    for (int k = q + 1; k >= 1; --k) {
      // The largest v ≤ top with C(v, k) ≤ index.
      Index lo = k - 1, hi = top;
      while (lo < hi) {
        const Index mid = hi - (hi - lo) / 2;
        if (binom_(mid, k) <= index)
          lo = mid;
        else
          hi = mid - 1;
      }
      vs_[q + 1 - k] = lo;
      index -= binom_(lo, k);
      top = lo - 1;
    }
  }

  void push(const Entry& e) {
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), later<Entry, Entry>);
  }

  // Pops the earliest entry with a nonzero summed coefficient and pushes it back (its
  // cancellation by the added column then happens inside the heap).
  bool pop_pivot(Entry& pivot) {
    while (!heap_.empty()) {
      Entry top = heap_.front();
      std::pop_heap(heap_.begin(), heap_.end(), later<Entry, Entry>);
      heap_.pop_back();
      while (!heap_.empty() && heap_.front().index == top.index) {
        top.coef = static_cast<Coef>((top.coef + heap_.front().coef) % p_);
        std::pop_heap(heap_.begin(), heap_.end(), later<Entry, Entry>);
        heap_.pop_back();
      }
      if (top.coef != 0) {
        push(top);
        pivot = top;
        return true;
      }
    }
    return false;
  }

  void add_column(const Entry& s, int q) {
    work_v_.push_back(s);
    decode(s.index, q);
    geo_.visit(s, q, vs_, true, binom_, p_, [&](const Entry& e) {
      push(e);
      return true;
    });
  }

  void combine_work_v() {
    std::sort(work_v_.begin(), work_v_.end(),
              [](const Entry& a, const Entry& b) { return a.index < b.index; });
    std::size_t out = 0;
    for (std::size_t i = 0; i < work_v_.size();) {
      Entry e = work_v_[i++];
      while (i < work_v_.size() && work_v_[i].index == e.index)
        e.coef = static_cast<Coef>((e.coef + work_v_[i++].coef) % p_);
      if (e.coef != 0) work_v_[out++] = e;
    }
    work_v_.resize(out);
  }

  // Records the pair (σ, pivot) with the reduction in work_v_ (empty for a plain column).
  void add_slot(const Entry& sigma, const Entry& pivot) {
    const std::size_t begin = vstore_.size();
    vstore_.insert(vstore_.end(), work_v_.begin(), work_v_.end());
    pivots_.insert(pivot.index, static_cast<std::uint32_t>(slots_.size()));
    slots_.push_back(Slot{sigma.index, sigma.diam, inverse_mod(pivot.coef, p_), begin,
                          vstore_.size()});
  }

  const Geometry& geo_;
  Index n_;
  Binomials binom_;
  Coef p_;
  const Progress& progress_;
  PivotMap pivots_;
  std::vector<Slot> slots_;
  std::vector<Entry> vstore_;
  std::vector<Entry> heap_;
  std::vector<Entry> work_v_;
  Index vs_[64];
};

void sort_bars(std::vector<Bar>& bars) {
  std::sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
    return a.birth < b.birth || (a.birth == b.birth && a.death < b.death);
  });
}

template <class Geometry>
void higher_degrees(const Geometry& geo, Index n, int max_q, Coef p, const Progress& progress,
                    std::vector<Edge>& edges, std::vector<bool>& tree, Barcode& out) {
  Reducer<Geometry> reducer(geo, n, max_q, p, progress);
  std::vector<DiamIndex> simplices, columns, next;
  // Degree-1 columns: the edges that merged nothing, latest first (edges are in filtration
  // order); the simplices are all edges.
  for (std::size_t i = edges.size(); i-- > 0;)
    if (!tree[i]) columns.push_back(DiamIndex{edges[i].diam, edges[i].index});
  if (max_q >= 2) {
    simplices.reserve(edges.size());
    for (const Edge& e : edges) simplices.push_back(DiamIndex{e.diam, e.index});
  }
  std::vector<Edge>().swap(edges);
  for (int q = 1; q <= max_q; ++q) {
    reducer.reduce(q, columns, out.bars[static_cast<std::size_t>(q)]);
    if (q == max_q) break;
    reducer.assemble(q, simplices, q + 1 < max_q ? &next : nullptr, columns);
    std::swap(simplices, next);
  }
}

}  // namespace

Barcode rips_persistence(const DistanceMatrix& distances, const RipsPersistenceOptions& opts) {
  if (opts.max_dim < 0)
    throw InvalidInput("max_dim", "must be ≥ 0, got " + std::to_string(opts.max_dim));
  if (opts.threshold && std::isnan(*opts.threshold))
    throw InvalidInput("threshold", "must not be NaN");
  Coef p = 0;
  switch (opts.coefficients.kind) {
    case Coefficients::Kind::Z:
      throw InvalidInput("coefficients",
                         "a barcode needs field coefficients (Q or Zp), not Z");
    case Coefficients::Kind::Q: p = 2147483647u; break;  // Q through a large prime
    case Coefficients::Kind::Zp: p = opts.coefficients.p; break;
  }
  if (p < 2) throw InvalidInput("coefficients", "modulus must be a prime");

  Barcode out;
  out.bars.resize(static_cast<std::size_t>(opts.max_dim) + 1);
  const Index n = static_cast<Index>(distances.size());
  if (n == 0) return out;
  const std::vector<double>& lower = distances.lower();

  // Enclosing radius: from its center every point is within it, so K_r is a cone.
  std::vector<double> row_max(static_cast<std::size_t>(n), 0.0);
  for (Index i = 1, k = 0; i < n; ++i)
    for (Index j = 0; j < i; ++j, ++k) {
      row_max[static_cast<std::size_t>(i)] = std::max(row_max[static_cast<std::size_t>(i)], lower[k]);
      row_max[static_cast<std::size_t>(j)] = std::max(row_max[static_cast<std::size_t>(j)], lower[k]);
    }
  const double enclosing = *std::min_element(row_max.begin(), row_max.end());
  const double threshold = opts.threshold ? std::min(*opts.threshold, enclosing) : enclosing;
  if (threshold < 0) return out;  // not even the vertices enter

  // Degree 0: Kruskal over the edges in filtration order (diameter, −index); an edge index is
  // C(u, 2) + v = its position in the lower triangle.
  std::vector<Edge> edges;
  for (Index u = 1, k = 0; u < n; ++u)
    for (Index v = 0; v < u; ++v, ++k)
      if (lower[k] <= threshold)
        edges.push_back(Edge{lower[k], k, static_cast<std::int32_t>(u), static_cast<std::int32_t>(v)});
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return later(b, a); });
  report_progress(opts.progress, "rips_persistence: degree 0", 0, edges.size());
  UnionFind components(static_cast<std::size_t>(n));
  std::vector<bool> tree(edges.size(), false);
  std::vector<Bar>& bars0 = out.bars[0];
  for (std::size_t i = 0; i < edges.size(); ++i)
    if (components.unite(static_cast<std::size_t>(edges[i].u), static_cast<std::size_t>(edges[i].v))) {
      tree[i] = true;
      if (edges[i].diam > 0) bars0.push_back(Bar{0.0, edges[i].diam});
    }
  for (Index v = 0; v < n; ++v)
    if (components.find(static_cast<std::size_t>(v)) == static_cast<std::size_t>(v))
      bars0.push_back(Bar{0.0, kInf});
  report_progress(opts.progress, "rips_persistence: degree 0", edges.size(), edges.size());

  // Degrees ≥ 1 need q-simplices, which exist for q ≤ n − 1.
  const int max_q = static_cast<int>(std::min<Index>(opts.max_dim, n - 1));
  if (max_q >= 1) {
    if (max_q + 2 > 60)
      throw ResourceLimit("rips_persistence: max_dim " + std::to_string(opts.max_dim) +
                          " is above the supported 58");
    const double pairs = 0.5 * static_cast<double>(n) * static_cast<double>(n - 1);
    // Neighbour lists pay off when a threshold keeps a small part of all edges.
    if (static_cast<double>(edges.size()) < 0.25 * pairs) {
      SparseGeometry geo;
      geo.offset.assign(static_cast<std::size_t>(n) + 1, 0);
      for (const Edge& e : edges) {
        ++geo.offset[static_cast<std::size_t>(e.u) + 1];
        ++geo.offset[static_cast<std::size_t>(e.v) + 1];
      }
      for (Index v = 0; v < n; ++v)
        geo.offset[static_cast<std::size_t>(v) + 1] += geo.offset[static_cast<std::size_t>(v)];
      geo.vertex.resize(2 * edges.size());
      geo.dist.resize(2 * edges.size());
      // Filling vertex by vertex in increasing order of the other end, then reversing each
      // list, gives neighbours sorted descending.
      std::vector<std::size_t> fill(geo.offset.begin(), geo.offset.end() - 1);
      for (Index u = 1, k = 0; u < n; ++u)
        for (Index v = 0; v < u; ++v, ++k)
          if (lower[k] <= threshold) {
            auto& fu = fill[static_cast<std::size_t>(u)];
            geo.vertex[fu] = static_cast<std::int32_t>(v);
            geo.dist[fu++] = lower[k];
            auto& fv = fill[static_cast<std::size_t>(v)];
            geo.vertex[fv] = static_cast<std::int32_t>(u);
            geo.dist[fv++] = lower[k];
          }
      for (Index v = 0; v < n; ++v) {
        const auto b = geo.offset[static_cast<std::size_t>(v)];
        const auto e = geo.offset[static_cast<std::size_t>(v) + 1];
        std::reverse(geo.vertex.begin() + static_cast<std::ptrdiff_t>(b),
                     geo.vertex.begin() + static_cast<std::ptrdiff_t>(e));
        std::reverse(geo.dist.begin() + static_cast<std::ptrdiff_t>(b),
                     geo.dist.begin() + static_cast<std::ptrdiff_t>(e));
      }
      higher_degrees(geo, n, max_q, p, opts.progress, edges, tree, out);
    } else {
      DenseGeometry geo{n, std::vector<double>(static_cast<std::size_t>(n * n), 0.0), threshold};
      for (Index u = 1, k = 0; u < n; ++u)
        for (Index v = 0; v < u; ++v, ++k)
          geo.full[static_cast<std::size_t>(u * n + v)] = geo.full[static_cast<std::size_t>(v * n + u)] =
              lower[k];
      higher_degrees(geo, n, max_q, p, opts.progress, edges, tree, out);
    }
  }
  for (auto& bars : out.bars) sort_bars(bars);
  return out;
}

}  // namespace topospec

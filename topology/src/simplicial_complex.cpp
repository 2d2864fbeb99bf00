#include "topospec/topology/simplicial_complex.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <string>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Sorts the flat (width)-tuples of `flat` lexicographically and removes duplicates. Tuples
// are packed into one integer key when width·bits fits 64 or 128 bits (the common case), so the
// sort moves plain integers; otherwise an index sort with a lexicographic comparator.
template <typename Key>
void sort_unique_packed(std::vector<std::int32_t>& flat, std::size_t width, int bits) {
  const std::size_t n = flat.size() / width;
  std::vector<Key> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    Key k = 0;
    for (std::size_t j = 0; j < width; ++j) k = (k << bits) | static_cast<Key>(flat[i * width + j]);
    keys[i] = k;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  flat.resize(keys.size() * width);
  const Key mask = (Key{1} << bits) - 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    Key k = keys[i];
    for (std::size_t j = width; j-- > 0; k >>= bits) flat[i * width + j] = static_cast<std::int32_t>(k & mask);
  }
}

void sort_unique_tuples(std::vector<std::int32_t>& flat, std::size_t width, std::size_t num_vertices) {
  const std::size_t n = flat.size() / width;
  if (n == 0) return;
  int bits = 1;
  while ((std::size_t{1} << bits) < num_vertices) ++bits;
  if (width * bits <= 64) return sort_unique_packed<std::uint64_t>(flat, width, bits);
  if (width * bits <= 128) return sort_unique_packed<unsigned __int128>(flat, width, bits);
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  const std::int32_t* base = flat.data();
  auto less = [&](std::uint32_t a, std::uint32_t b) {
    return std::lexicographical_compare(base + a * width, base + (a + 1) * width, base + b * width,
                                        base + (b + 1) * width);
  };
  auto equal = [&](std::uint32_t a, std::uint32_t b) {
    return std::equal(base + a * width, base + (a + 1) * width, base + b * width);
  };
  std::sort(order.begin(), order.end(), less);
  std::vector<std::int32_t> out;
  out.reserve(flat.size());
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0 && equal(order[k], order[k - 1])) continue;
    out.insert(out.end(), base + order[k] * width, base + (order[k] + 1) * width);
  }
  flat.swap(out);
}

}  // namespace

SimplicialComplex SimplicialComplex::from_simplices(std::span<const Simplex> simplices,
                                                    std::size_t max_simplices) {
  // Validate and estimate the closure size before allocating it.
  std::size_t estimate = 0;
  std::vector<VertexId> ids;
  int top = -1;
  for (std::size_t k = 0; k < simplices.size(); ++k) {
    const Simplex& s = simplices[k];
    // The place is only spelled out on error (this loop runs once per input simplex).
    auto where = [k] { return std::string(1, '/').append(std::to_string(k)); };
    if (s.empty()) throw InvalidInput(where(), "empty simplex");
    for (std::size_t j = 0; j < s.size(); ++j)
      if (s[j] < 0)
        throw InvalidInput(where() + "/" + std::to_string(j),
                           "negative vertex id " + std::to_string(s[j]));
    Simplex sorted = s;
    std::sort(sorted.begin(), sorted.end());
    if (auto it = std::adjacent_find(sorted.begin(), sorted.end()); it != sorted.end())
      throw InvalidInput(where(), "vertex " + std::to_string(*it) + " repeated in a simplex");
    if (s.size() > 62 || estimate + ((std::size_t{1} << s.size()) - 1) > max_simplices) {
      std::string bound = "2^" + std::to_string(s.size());
      if (s.size() <= 62) bound = std::to_string(estimate + ((std::size_t{1} << s.size()) - 1));
      throw ResourceLimit("the closure of the simplices up to " + where() + " has up to " + bound +
                          " faces (limit " + std::to_string(max_simplices) + ")");
    }
    estimate += (std::size_t{1} << s.size()) - 1;
    top = std::max(top, static_cast<int>(s.size()) - 1);
    ids.insert(ids.end(), s.begin(), s.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() > static_cast<std::size_t>(INT32_MAX))
    throw ResourceLimit("more than 2^31 vertices");

  std::vector<std::vector<std::int32_t>> cells(top + 1);
  for (const Simplex& s : simplices) {
    std::vector<std::int32_t> v(s.size());
    for (std::size_t j = 0; j < s.size(); ++j)
      v[j] = static_cast<std::int32_t>(std::lower_bound(ids.begin(), ids.end(), s[j]) - ids.begin());
    std::sort(v.begin(), v.end());
    auto& dst = cells[s.size() - 1];
    dst.insert(dst.end(), v.begin(), v.end());
  }
  // Closure, top-down: the facets of the (q+1)-simplices join the listed q-simplices.
  for (int q = top; q >= 0; --q) {
    const std::size_t w = q + 1;
    if (q < top) {
      const auto& up = cells[q + 1];
      const std::size_t n_up = up.size() / (w + 1);
      auto& dst = cells[q];
      dst.reserve(dst.size() + n_up * (w + 1) * w);
      for (std::size_t i = 0; i < n_up; ++i) {
        const std::int32_t* s = up.data() + i * (w + 1);
        for (std::size_t skip = 0; skip <= w; ++skip)
          for (std::size_t j = 0; j <= w; ++j)
            if (j != skip) dst.push_back(s[j]);
      }
    }
    sort_unique_tuples(cells[q], w, ids.size());
  }
  // Vertices: the closure contains every vertex of every simplex already.
  return from_sorted_cells(std::move(ids), std::move(cells));
}

SimplicialComplex SimplicialComplex::from_closed_cells(std::vector<VertexId> vertex_ids,
                                                       std::vector<std::vector<std::int32_t>> cells) {
  for (std::size_t q = 0; q < cells.size(); ++q)
    sort_unique_tuples(cells[q], q + 1, vertex_ids.size());
  return from_sorted_cells(std::move(vertex_ids), std::move(cells));
}

SimplicialComplex SimplicialComplex::from_sorted_cells(std::vector<VertexId> vertex_ids,
                                                       std::vector<std::vector<std::int32_t>> cells) {
  SimplicialComplex k;
  k.vertex_ids_ = std::move(vertex_ids);
  k.cells_ = std::move(cells);
  while (!k.cells_.empty() && k.cells_.back().empty()) k.cells_.pop_back();
  assert(k.cells_.empty() || k.cells_[0].size() == k.vertex_ids_.size());
  k.build_indices();
  return k;
}

std::uint64_t SimplicialComplex::hash(std::span<const std::int32_t> v) const {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL * (v.size() + 1);
  for (std::int32_t x : v) h = mix(h ^ static_cast<std::uint32_t>(x)) + 0x9e3779b97f4a7c15ULL;
  return h;
}

void SimplicialComplex::build_indices() {
  const int top = dimension();
  index_.assign(top + 1, {});
  for (int q = 0; q <= top; ++q) {
    const std::size_t n = size(q);
    if (n >= UINT32_MAX) throw ResourceLimit("more than 2^32 simplices in one dimension");
    std::size_t cap = 4;
    while (cap < 2 * n) cap <<= 1;
    auto& idx = index_[q];
    idx.slots.assign(cap, 0);
    idx.mask = cap - 1;
    for (std::size_t i = 0; i < n; ++i) {
      std::uint64_t h = hash(simplex(q, i)) & idx.mask;
      while (idx.slots[h] != 0) h = (h + 1) & idx.mask;
      idx.slots[h] = static_cast<std::uint32_t>(i + 1);
    }
  }
  // Facet table: one hash lookup per facet, once; boundaries and cofacets are read from it.
  facets_.assign(top + 1, {});
  for (int q = 1; q <= top; ++q) {
    auto& tab = facets_[q];
    tab.resize(size(q) * (q + 1));
    std::int32_t buf[64];
    for (std::size_t i = 0; i < size(q); ++i) {
      auto s = simplex(q, i);
      for (int skip = 0; skip <= q; ++skip) {
        int m = 0;
        for (int j = 0; j <= q; ++j)
          if (j != skip) buf[m++] = s[j];
        auto f = index_of(std::span<const std::int32_t>(buf, q));
        assert(f && "complex is not closed");
        tab[i * (q + 1) + skip] = static_cast<std::uint32_t>(*f);
      }
    }
  }
  // Cofacets as CSR, the transpose of the facet table (filled in increasing coface order).
  coface_offsets_.assign(std::max(top, 0), {});
  coface_targets_.assign(std::max(top, 0), {});
  for (int q = 0; q < top; ++q) {
    auto& off = coface_offsets_[q];
    auto& tgt = coface_targets_[q];
    const auto& tab = facets_[q + 1];
    off.assign(size(q) + 1, 0);
    for (std::uint32_t f : tab) ++off[f + 1];
    std::partial_sum(off.begin(), off.end(), off.begin());
    tgt.resize(off.back());
    std::vector<std::uint32_t> fill(off.begin(), off.end() - 1);
    for (std::size_t k = 0; k < tab.size(); ++k)
      tgt[fill[tab[k]]++] = static_cast<std::uint32_t>(k / (q + 2));
  }
}

std::size_t SimplicialComplex::size(int q) const {
  return q < 0 || q > dimension() ? 0 : cells_[q].size() / (q + 1);
}

std::size_t SimplicialComplex::total_size() const {
  std::size_t n = 0;
  for (int q = 0; q <= dimension(); ++q) n += size(q);
  return n;
}

std::vector<std::size_t> SimplicialComplex::f_vector() const {
  std::vector<std::size_t> f(dimension() + 1);
  for (int q = 0; q <= dimension(); ++q) f[q] = size(q);
  return f;
}

std::optional<std::int32_t> SimplicialComplex::vertex_index(VertexId id) const {
  auto it = std::lower_bound(vertex_ids_.begin(), vertex_ids_.end(), id);
  if (it == vertex_ids_.end() || *it != id) return std::nullopt;
  return static_cast<std::int32_t>(it - vertex_ids_.begin());
}

Simplex SimplicialComplex::simplex_ids(int q, std::size_t i) const {
  Simplex s;
  s.reserve(q + 1);
  for (std::int32_t v : simplex(q, i)) s.push_back(vertex_ids_[v]);
  return s;
}

std::optional<std::size_t> SimplicialComplex::index_of(
    std::span<const std::int32_t> sorted_vertices) const {
  const int q = static_cast<int>(sorted_vertices.size()) - 1;
  if (q < 0 || q > dimension()) return std::nullopt;
  const auto& idx = index_[q];
  for (std::uint64_t h = hash(sorted_vertices) & idx.mask;; h = (h + 1) & idx.mask) {
    const std::uint32_t slot = idx.slots[h];
    if (slot == 0) return std::nullopt;
    auto cand = simplex(q, slot - 1);
    if (std::equal(cand.begin(), cand.end(), sorted_vertices.begin())) return slot - 1;
  }
}

std::optional<std::size_t> SimplicialComplex::find(const Simplex& ids) const {
  std::vector<std::int32_t> v;
  v.reserve(ids.size());
  for (VertexId id : ids) {
    auto i = vertex_index(id);
    if (!i) return std::nullopt;
    v.push_back(*i);
  }
  std::sort(v.begin(), v.end());
  if (std::adjacent_find(v.begin(), v.end()) != v.end()) return std::nullopt;
  return index_of(v);
}

void SimplicialComplex::facets(int q, std::size_t i, std::vector<std::size_t>& out) const {
  auto f = facets(q, i);
  out.assign(f.begin(), f.end());
}

std::span<const std::uint32_t> SimplicialComplex::cofacets(int q, std::size_t i) const {
  if (q < 0 || q >= dimension()) return {};
  const auto& off = coface_offsets_[q];
  return {coface_targets_[q].data() + off[i], off[i + 1] - off[i]};
}

}  // namespace topospec

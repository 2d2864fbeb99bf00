#include "topospec/hypergraph/directed_flag_complex.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

// A vertex w extends the directed clique (v_0 … v_q) iff v_i → w for every i, so the
// candidates of a clique are the intersection of its vertices' out-neighbour lists, and each
// level intersects its parent's candidates with one more list. Candidates carry the largest
// entry value of the arcs from the clique into them, so a simplex's value is known on arrival.
struct Candidate {
  std::uint32_t vertex;
  double value;
};

// out ∩ candidates (both increasing), the value of each survivor raised by its new arc.
// Galloping when the out-list is much longer than the candidates (hubs).
void intersect(std::span<const Candidate> candidates, std::span<const std::uint32_t> out,
               std::span<const double> out_values, std::vector<Candidate>& result) {
  result.clear();
  if (candidates.empty() || out.empty()) return;
  if (candidates.size() * 16 < out.size()) {
    auto it = out.begin();
    for (const Candidate& c : candidates) {
      it = std::lower_bound(it, out.end(), c.vertex);
      if (it == out.end()) return;
      if (*it == c.vertex) {
        const auto k = static_cast<std::size_t>(it - out.begin());
        result.push_back({c.vertex, std::max(c.value, out_values[k])});
      }
    }
    return;
  }
  std::size_t i = 0, k = 0;
  while (i < candidates.size() && k < out.size()) {
    if (candidates[i].vertex < out[k]) {
      ++i;
    } else if (out[k] < candidates[i].vertex) {
      ++k;
    } else {
      result.push_back({out[k], std::max(candidates[i].value, out_values[k])});
      ++i;
      ++k;
    }
  }
}

// Depth-first enumeration of the directed cliques with at most top + 1 vertices, rooted at each
// vertex in turn. Prefixes come before their extensions and candidates are increasing, so within
// each dimension the simplices arrive in lexicographic order of their vertex sequences.
// visit(q, vertices, value) is called for every q-simplex; a return of false skips its cofaces.
class CliqueWalker {
 public:
  CliqueWalker(const Digraph& g, int top) : g_(g), top_(top) {
    candidates_.resize(static_cast<std::size_t>(std::max(top, 0)) + 1);
    path_.resize(candidates_.size());
    value_.resize(candidates_.size());
  }

  template <class Visit>
  void from_root(std::uint32_t v, Visit& visit) {
    path_[0] = v;
    value_[0] = g_.vertex_value(v);
    if (!visit(0, std::span<const std::uint32_t>(path_.data(), 1), value_[0]) || top_ < 1) return;
    auto& c = candidates_[0];
    const auto out = g_.out_neighbours(v);
    const auto values = g_.out_values(v);
    c.resize(out.size());
    for (std::size_t k = 0; k < out.size(); ++k) c[k] = {out[k], values[k]};
    extend(0, visit);
  }


 private:
  template <class Visit>
  void extend(int q, Visit& visit) {
    // candidates_[q] stays valid: deeper levels write only candidates_[q + 1 …].
    const auto& cand = candidates_[static_cast<std::size_t>(q)];
    for (const Candidate& c : cand) {
      const auto next = static_cast<std::size_t>(q) + 1;
      path_[next] = c.vertex;
      value_[next] = std::max(value_[q], c.value);
      if (!visit(q + 1, std::span<const std::uint32_t>(path_.data(), next + 1), value_[next]))
        continue;
      if (q + 1 >= top_) continue;
      intersect(cand, g_.out_neighbours(c.vertex), g_.out_values(c.vertex), candidates_[next]);
      if (!candidates_[next].empty()) extend(q + 1, visit);
    }
  }

  const Digraph& g_;
  int top_;
  std::vector<std::vector<Candidate>> candidates_;  // per level, reused
  std::vector<std::uint32_t> path_;
  std::vector<double> value_;
};

// Counts per dimension; at the level below the top only the intersection sizes are needed,
// so the top simplices are counted without being visited one by one.
std::vector<std::size_t> count_cliques(const Digraph& g, int top, const Progress& progress) {
  std::vector<std::size_t> counts(static_cast<std::size_t>(std::max(top, -1) + 1), 0);
  if (top < 0) return counts;
  const std::size_t n = g.vertex_count();
  std::vector<std::vector<std::uint32_t>> level(static_cast<std::size_t>(top) + 1);
  // level[q] = common out-neighbours of the current q-simplex.
  auto common = [&](std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                    std::vector<std::uint32_t>& out) {
    out.clear();
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  };
  auto walk = [&](auto&& self, int q) -> void {
    const auto& cand = level[static_cast<std::size_t>(q)];
    counts[static_cast<std::size_t>(q) + 1] += cand.size();
    if (q + 1 >= top) return;
    for (std::uint32_t w : cand) {
      auto& next = level[static_cast<std::size_t>(q) + 1];
      common(cand, g.out_neighbours(w), next);
      if (!next.empty()) self(self, q + 1);
    }
  };
  for (std::size_t v = 0; v < n; ++v) {
    if (v % 256 == 0) report_progress(progress, "directed flag count", v, n);
    ++counts[0];
    if (top < 1) continue;
    const auto out = g.out_neighbours(v);
    level[0].assign(out.begin(), out.end());
    walk(walk, 0);
  }
  return counts;
}

// The q-simplices as flat (q+1)-tuples in lexicographic order, with the start of each first
// vertex's block, so a face is found by binary search inside one block.
struct Cells {
  std::vector<std::uint32_t> vertices;
  std::vector<double> values;
  std::vector<std::size_t> first;  // first[v] = index of the first simplex starting at v; n+1
};

// Index of the q-simplex `face` (q+1 vertices) in cells[q].
std::size_t find_face(const Cells& cells, int q, const std::uint32_t* face) {
  const std::size_t width = static_cast<std::size_t>(q) + 1;
  std::size_t lo = cells.first[face[0]], hi = cells.first[face[0] + 1];
  const std::uint32_t* base = cells.vertices.data();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::uint32_t* s = base + mid * width;
    if (std::lexicographical_compare(s + 1, s + width, face + 1, face + width))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;  // present: a face of a directed clique is a directed clique
}

IntegerMatrix boundary_of(const std::vector<Cells>& cells, int q, std::size_t rows) {
  const Cells& c = cells[static_cast<std::size_t>(q)];
  const std::size_t width = static_cast<std::size_t>(q) + 1;
  const auto cols = static_cast<Eigen::Index>(c.vertices.size() / width);
  IntegerMatrix b(static_cast<Eigen::Index>(rows), cols);
  // Every column has exactly q + 1 entries (distinct faces), written straight into the
  // compressed arrays with rows increasing, as Eigen expects.
  const Eigen::Index nnz = cols * static_cast<Eigen::Index>(width);
  b.resizeNonZeros(nnz);
  auto* outer = b.outerIndexPtr();
  auto* inner = b.innerIndexPtr();
  auto* value = b.valuePtr();
  std::vector<std::uint32_t> face(width);
  std::vector<std::pair<std::int64_t, std::int64_t>> entry(width);
  for (Eigen::Index j = 0; j < cols; ++j) {
    const std::uint32_t* s = c.vertices.data() + static_cast<std::size_t>(j) * width;
    for (std::size_t i = 0; i < width; ++i) {
      // The face without position i, with sign (−1)^i.
      std::copy(s, s + i, face.begin());
      std::copy(s + i + 1, s + width, face.begin() + static_cast<std::ptrdiff_t>(i));
      entry[i] = {static_cast<std::int64_t>(find_face(cells[static_cast<std::size_t>(q) - 1],
                                                      q - 1, face.data())),
                  i % 2 == 0 ? 1 : -1};
    }
    std::sort(entry.begin(), entry.end());
    outer[j] = j * static_cast<Eigen::Index>(width);
    for (std::size_t i = 0; i < width; ++i) {
      inner[static_cast<std::size_t>(j) * width + i] = entry[i].first;
      value[static_cast<std::size_t>(j) * width + i] = entry[i].second;
    }
  }
  outer[cols] = nnz;
  return b;
}

}  // namespace

std::vector<std::size_t> directed_flag_counts(const Digraph& g, int top) {
  if (top < 0) throw InvalidInput("top", "must be at least 0");
  return count_cliques(g, top, {});
}

ChainComplex directed_flag_complex(const Digraph& g, const DirectedFlagOptions& options) {
  const int top = options.top;
  if (top < 0) throw InvalidInput("top", "must be at least 0");
  const std::size_t n = g.vertex_count();
  if (n > std::numeric_limits<std::uint32_t>::max() - 1)
    throw ResourceLimit("directed flag complex: more than 2^32 - 2 vertices");

  // Count first, so that an oversized complex fails before anything is stored.
  const std::vector<std::size_t> counts = count_cliques(g, top, options.progress);
  std::size_t total = 0;
  for (std::size_t c : counts) total += c;
  if (total > options.max_simplices)
    throw ResourceLimit("directed flag complex: " + std::to_string(total) +
                        " simplices of dimension <= " + std::to_string(top) + " exceed the limit " +
                        std::to_string(options.max_simplices));
  int built = -1;  // highest dimension with simplices
  for (std::size_t q = 0; q < counts.size(); ++q)
    if (counts[q] > 0) built = static_cast<int>(q);

  const bool weighted = g.weighted();
  auto cells = std::make_shared<std::vector<Cells>>(static_cast<std::size_t>(built + 1));
  for (int q = 0; q <= built; ++q) {
    Cells& c = (*cells)[static_cast<std::size_t>(q)];
    c.vertices.reserve(counts[static_cast<std::size_t>(q)] * (static_cast<std::size_t>(q) + 1));
    if (weighted) c.values.reserve(counts[static_cast<std::size_t>(q)]);
    c.first.assign(n + 1, 0);
  }
  auto store = [&](int q, std::span<const std::uint32_t> s, double value) {
    Cells& c = (*cells)[static_cast<std::size_t>(q)];
    c.vertices.insert(c.vertices.end(), s.begin(), s.end());
    if (weighted) c.values.push_back(value);
    ++c.first[s[0] + 1];
    return true;
  };
  if (built >= 0) {
    CliqueWalker walker(g, built);
    for (std::size_t v = 0; v < n; ++v) {
      if (v % 256 == 0) report_progress(options.progress, "directed flag complex", v, n);
      walker.from_root(static_cast<std::uint32_t>(v), store);
    }
  }
  for (Cells& c : *cells)
    for (std::size_t v = 0; v < n; ++v) c.first[v + 1] += c.first[v];

  std::vector<std::size_t> dims(counts.begin(), counts.begin() + (built + 1));
  std::vector<IntegerMatrix> boundaries;
  for (int q = 1; q <= built; ++q) {
    report_progress(options.progress, "directed flag boundary", static_cast<std::size_t>(q),
                    static_cast<std::size_t>(built));
    boundaries.push_back(boundary_of(*cells, q, dims[static_cast<std::size_t>(q) - 1]));
  }

  std::vector<std::vector<double>> values;
  if (weighted)
    for (Cells& c : *cells) values.push_back(std::move(c.values));
  auto ids = std::make_shared<const std::vector<VertexId>>(g.vertex_ids());
  ChainComplex complex(std::move(dims), std::move(boundaries),
                       [cells, ids](int q, std::size_t i) {
                         const std::size_t width = static_cast<std::size_t>(q) + 1;
                         const std::uint32_t* s = (*cells)[static_cast<std::size_t>(q)]
                                                      .vertices.data() + i * width;
                         CellLabel label(width);
                         for (std::size_t k = 0; k < width; ++k) label[k] = (*ids)[s[k]];
                         return label;
                       });
  if (weighted) complex.set_values(std::move(values));
  return complex;
}

}  // namespace topospec

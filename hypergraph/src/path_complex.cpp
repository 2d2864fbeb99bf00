// GLMY path complexes (path_complex.hpp): allowed paths are enumerated in lexicographic order
// of dense vertex indices (a depth-first walk over sorted out-neighbours), so a face is found by
// binary search among the paths one degree lower. Only interior deletions can leave A_{p−1}
// (deleting an end of an allowed path leaves an allowed path), and such a face is either allowed
// (the arc v_{k−1} → v_{k+1} exists), degenerate (v_{k−1} = v_{k+1}: zero in the regular theory,
// a never-allowed term in the non-regular one) or a never-allowed path.
#include "topospec/hypergraph/path_complex.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

std::size_t saturating_add(std::size_t a, std::size_t b) {
  return a > std::numeric_limits<std::size_t>::max() - b ? std::numeric_limits<std::size_t>::max() : a + b;
}

// Paths of one degree: vertex sequences of length p + 1, flat, lexicographic.
struct Paths {
  int p = 0;
  std::vector<std::uint32_t> flat;
  std::vector<double> value;  // allow time: the largest entry value of its arcs (vertex for p = 0)
  std::size_t size() const { return value.size(); }
  const std::uint32_t* path(std::size_t i) const { return flat.data() + i * static_cast<std::size_t>(p + 1); }
  // Index of the sequence s (length p + 1), or −1.
  std::int64_t find(const std::uint32_t* s) const {
    const std::size_t len = static_cast<std::size_t>(p + 1);
    std::size_t lo = 0, hi = size();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      const std::uint32_t* m = path(mid);
      if (std::lexicographical_compare(m, m + len, s, s + len))
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo < size() && std::equal(s, s + len, path(lo))) return static_cast<std::int64_t>(lo);
    return -1;
  }
};

// Extends every path of `prev` by one arc, keeping lexicographic order.
Paths extend(const Digraph& g, const Paths& prev) {
  Paths next;
  next.p = prev.p + 1;
  const std::size_t len = static_cast<std::size_t>(prev.p + 1);
  for (std::size_t i = 0; i < prev.size(); ++i) {
    const std::uint32_t* s = prev.path(i);
    const std::uint32_t last = s[len - 1];
    const auto heads = g.out_neighbours(last);
    const auto values = g.out_values(last);
    for (std::size_t k = 0; k < heads.size(); ++k) {
      next.flat.insert(next.flat.end(), s, s + len);
      next.flat.push_back(heads[k]);
      next.value.push_back(prev.p == 0 ? values[k] : std::max(prev.value[i], values[k]));
    }
  }
  return next;
}

struct SequenceHash {
  std::size_t operator()(const std::vector<std::uint32_t>& s) const {
    std::size_t h = 1469598103934665603ull;
    for (std::uint32_t x : s) h = (h ^ x) * 1099511628211ull;
    return h;
  }
};

}  // namespace

std::vector<std::size_t> allowed_path_counts(const Digraph& g, int top) {
  std::vector<std::size_t> counts;
  if (top < 0) return counts;
  // walks[v] = allowed paths of the current length starting at v.
  std::vector<std::size_t> walks(g.vertex_count(), 1), next(g.vertex_count());
  for (int p = 0; p <= top; ++p) {
    std::size_t total = 0;
    for (std::size_t w : walks) total = saturating_add(total, w);
    counts.push_back(total);
    for (std::size_t v = 0; v < g.vertex_count(); ++v) {
      std::size_t s = 0;
      for (std::uint32_t h : g.out_neighbours(v)) s = saturating_add(s, walks[h]);
      next[v] = s;
    }
    walks.swap(next);
  }
  return counts;
}

AllowedPaths allowed_paths(const Digraph& g, const PathComplexOptions& options) {
  if (options.top < 0) throw InvalidInput("top", "must be ≥ 0");
  const std::vector<std::size_t> counts = allowed_path_counts(g, options.top);
  std::size_t total = 0;
  for (std::size_t c : counts) total = saturating_add(total, c);
  if (total > options.max_paths)
    throw ResourceLimit("the path complex up to degree " + std::to_string(options.top) + " has " +
                        (total == std::numeric_limits<std::size_t>::max() ? std::string("more than 2^64")
                                                                          : std::to_string(total)) +
                        " allowed paths; the limit is " + std::to_string(options.max_paths));

  auto paths = std::make_shared<std::vector<Paths>>();
  Paths vertices;
  for (std::size_t v = 0; v < g.vertex_count(); ++v) {
    vertices.flat.push_back(static_cast<std::uint32_t>(v));
    vertices.value.push_back(g.vertex_value(v));
  }
  paths->push_back(std::move(vertices));
  for (int p = 1; p <= options.top; ++p) {
    report_progress(options.progress, "allowed paths", static_cast<std::size_t>(p),
                    static_cast<std::size_t>(options.top));
    paths->push_back(extend(g, paths->back()));
  }

  AllowedPaths out;
  for (int p = 0; p <= options.top; ++p) {
    const Paths& a = (*paths)[static_cast<std::size_t>(p)];
    InfimumDegree d;
    d.generators = a.size();
    d.values = a.value;
    if (p > 0) {
      const Paths& below = (*paths)[static_cast<std::size_t>(p - 1)];
      std::unordered_map<std::vector<std::uint32_t>, std::int64_t, SequenceHash> never;
      std::vector<Eigen::Triplet<std::int64_t, std::int64_t>> entries;
      entries.reserve(a.size() * static_cast<std::size_t>(p + 1));
      std::vector<std::uint32_t> face(static_cast<std::size_t>(p));
      for (std::size_t i = 0; i < a.size(); ++i) {
        const std::uint32_t* s = a.path(i);
        for (int k = 0; k <= p; ++k) {
          std::copy(s, s + k, face.begin());
          std::copy(s + k + 1, s + p + 1, face.begin() + k);
          const std::int64_t sign = k % 2 == 0 ? 1 : -1;
          const bool interior = k > 0 && k < p;
          std::int64_t row = -1;
          if (interior && s[k - 1] == s[k + 1]) {
            if (options.theory == PathTheory::Regular) continue;  // a degenerate face is 0
          } else if (!interior || g.has_arc(s[k - 1], s[k + 1])) {
            row = below.find(face.data());
            if (row < 0) throw Error("internal: a face of an allowed path is missing");
          }
          if (row < 0) {
            const auto [it, fresh] = never.try_emplace(face, static_cast<std::int64_t>(never.size()));
            row = static_cast<std::int64_t>(below.size()) + it->second;
          }
          entries.emplace_back(row, static_cast<std::int64_t>(i), sign);
        }
      }
      d.boundary = IntegerMatrix(static_cast<Eigen::Index>(below.size() + never.size()),
                                 static_cast<Eigen::Index>(a.size()));
      d.boundary.setFromTriplets(entries.begin(), entries.end());
    }
    out.degrees.push_back(std::move(d));
  }
  std::vector<VertexId> ids = g.vertex_ids();
  out.labels = [paths, ids = std::move(ids)](int p, std::size_t i) {
    const Paths& a = (*paths)[static_cast<std::size_t>(p)];
    const std::uint32_t* s = a.path(i);
    CellLabel label;
    for (int k = 0; k <= p; ++k) label.push_back(ids[s[k]]);
    return label;
  };
  return out;
}

InfimumComplex path_complex(const Digraph& g, const PathComplexOptions& options) {
  AllowedPaths a = allowed_paths(g, options);
  InfimumOptions o;
  o.modulus = options.modulus;
  o.progress = options.progress;
  return infimum_complex(a.degrees, a.labels, o);
}

std::vector<std::size_t> path_betti_by_ranks(const Digraph& g, int max_dim, PathTheory theory,
                                             Coefficients coefficients) {
  PathComplexOptions o;
  o.theory = theory;
  o.top = max_dim + 1;
  return supremum_betti(allowed_paths(g, o).degrees, max_dim, coefficients);
}

}  // namespace topospec

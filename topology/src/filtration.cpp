#include "topospec/topology/filtration.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <string>
#include <unordered_map>

#include "rips_levels.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {

namespace {

std::string position(std::size_t i) { return "/" + std::to_string(i); }

std::string format_simplex(const Simplex& s) {
  std::string out = "[";
  for (std::size_t j = 0; j < s.size(); ++j) out += (j ? "," : "") + std::to_string(s[j]);
  return out + "]";
}

std::string format_value(double x) {
  std::ostringstream os;
  os.precision(17);
  os << x;
  return os.str();
}

struct SimplexHash {
  std::size_t operator()(const Simplex& s) const noexcept {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL * (s.size() + 1);
    for (VertexId v : s) {
      h ^= static_cast<std::uint64_t>(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
      h *= 0xbf58476d1ce4e5b9ULL;
    }
    return static_cast<std::size_t>(h ^ (h >> 31));
  }
};

void check_threshold(std::optional<double> threshold) {
  if (!threshold) return;
  if (std::isnan(*threshold)) throw InvalidInput("max_value", "threshold is NaN");
  if (*threshold < 0)
    throw InvalidInput("max_value", "threshold " + format_value(*threshold) +
                                        " is negative: no vertex would enter");
}

}  // namespace

ChainComplex FilteredComplex::chain_complex() const {
  ChainComplex c = topospec::chain_complex(complex);
  c.set_values(values);
  return c;
}

std::vector<double> FilteredComplex::distinct_values() const {
  std::vector<double> all;
  for (const auto& v : values) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

FilteredComplex filtered_complex(std::span<const FilteredSimplex> simplices) {
  // Canonical (sorted) form of every entry; the first position of each distinct simplex.
  std::vector<Simplex> sorted(simplices.size());
  std::unordered_map<Simplex, std::size_t, SimplexHash> first;
  first.reserve(simplices.size());
  int top = -1;
  for (std::size_t i = 0; i < simplices.size(); ++i) {
    Simplex s = simplices[i].simplex;
    const double value = simplices[i].value;
    if (s.empty()) throw InvalidInput(position(i), "empty simplex");
    if (std::isnan(value)) throw InvalidInput(position(i), "value is NaN");
    std::sort(s.begin(), s.end());
    if (s.front() < 0)
      throw InvalidInput(position(i), "negative vertex id " + std::to_string(s.front()));
    if (auto it = std::adjacent_find(s.begin(), s.end()); it != s.end())
      throw InvalidInput(position(i), "vertex " + std::to_string(*it) + " is repeated");
    auto [it, inserted] = first.try_emplace(s, i);
    if (!inserted && simplices[it->second].value != value)
      throw InvalidInput(position(i), "simplex " + format_simplex(s) + " has value " +
                                          format_value(value) + " here but " +
                                          format_value(simplices[it->second].value) + " at " +
                                          position(it->second));
    top = std::max(top, static_cast<int>(s.size()) - 1);
    sorted[i] = std::move(s);
  }

  // Closedness and monotonicity: checking facets suffices (by induction over dimension).
  Simplex face;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const Simplex& s = sorted[i];
    if (first.at(s) != i || s.size() < 2) continue;
    for (std::size_t j = 0; j < s.size(); ++j) {
      face.assign(s.begin(), s.end());
      face.erase(face.begin() + static_cast<std::ptrdiff_t>(j));
      auto it = first.find(face);
      if (it == first.end())
        throw InvalidInput(position(i), "simplex " + format_simplex(s) + " has the face " +
                                            format_simplex(face) + ", which is not listed");
      const double fv = simplices[it->second].value;
      if (fv > simplices[i].value)
        throw InvalidInput(position(i), "simplex " + format_simplex(s) + " has value " +
                                            format_value(simplices[i].value) + " but its face " +
                                            format_simplex(face) + " (at " + position(it->second) +
                                            ") enters later, at " + format_value(fv));
    }
  }

  // Dense vertex indices in increasing id order (every vertex is listed: the input is closed).
  std::vector<VertexId> ids;
  for (std::size_t i = 0; i < sorted.size(); ++i)
    if (sorted[i].size() == 1 && first.at(sorted[i]) == i) ids.push_back(sorted[i][0]);
  std::sort(ids.begin(), ids.end());
  auto index = [&](VertexId v) {
    return static_cast<std::int32_t>(std::lower_bound(ids.begin(), ids.end(), v) - ids.begin());
  };
  std::vector<std::vector<std::int32_t>> cells(static_cast<std::size_t>(top + 1));
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (first.at(sorted[i]) != i) continue;
    auto& c = cells[sorted[i].size() - 1];
    for (VertexId v : sorted[i]) c.push_back(index(v));
  }

  FilteredComplex out;
  out.complex = SimplicialComplex::from_closed_cells(std::move(ids), std::move(cells));
  out.values.resize(static_cast<std::size_t>(out.complex.dimension() + 1));
  for (int q = 0; q <= out.complex.dimension(); ++q) out.values[q].assign(out.complex.size(q), 0.0);
  std::vector<std::int32_t> local;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (first.at(sorted[i]) != i) continue;
    local.clear();
    for (VertexId v : sorted[i]) local.push_back(*out.complex.vertex_index(v));
    const auto at = out.complex.index_of(local);
    assert(at);
    out.values[sorted[i].size() - 1][*at] = simplices[i].value;
  }
  return out;
}

namespace {

// Depth-first enumeration of the cliques of the threshold graph, each clique extended only by
// larger vertices (so each is visited once, and per dimension in lexicographic order).
// `visit(q, vertices, diameter)` returns false to stop the enumeration.
class CliqueEnumerator {
 public:
  CliqueEnumerator(const DistanceMatrix& d, const std::vector<std::vector<std::int32_t>>& upper,
                   int max_dim)
      : d_(d), upper_(upper), max_dim_(max_dim) {}

  template <class Visit>
  bool run(Visit&& visit) {
    const auto n = static_cast<std::int32_t>(upper_.size());
    clique_.clear();
    for (std::int32_t v = 0; v < n; ++v) {
      clique_.assign(1, v);
      if (!visit(0, clique_, 0.0)) return false;
      if (max_dim_ >= 1 && !extend(upper_[v], 0.0, visit)) return false;
    }
    return true;
  }

 private:
  template <class Visit>
  bool extend(const std::vector<std::int32_t>& candidates, double diameter, Visit& visit) {
    const int q = static_cast<int>(clique_.size());  // dimension of the extended simplex
    std::vector<std::int32_t> next;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const std::int32_t u = candidates[k];
      double diam = diameter;
      for (std::int32_t w : clique_) diam = std::max(diam, d_(static_cast<std::size_t>(u), w));
      clique_.push_back(u);
      bool ok = visit(q, clique_, diam);
      if (ok && q < max_dim_) {
        // Candidates of the larger clique: later candidates that are also neighbours of u.
        next.clear();
        const auto& nu = upper_[u];
        std::set_intersection(candidates.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                              candidates.end(), nu.begin(), nu.end(), std::back_inserter(next));
        if (!next.empty()) ok = extend(next, diam, visit);
      }
      clique_.pop_back();
      if (!ok) return false;
    }
    return true;
  }

  const DistanceMatrix& d_;
  const std::vector<std::vector<std::int32_t>>& upper_;
  int max_dim_;
  std::vector<std::int32_t> clique_;
};

}  // namespace

FilteredComplex rips_complex(const DistanceMatrix& distances, int max_simplex_dim,
                             std::optional<double> threshold, std::size_t max_simplices) {
  if (max_simplex_dim < 0)
    throw InvalidInput(
        "max_dim", "maximal simplex dimension " + std::to_string(max_simplex_dim) + " is negative");
  check_threshold(threshold);
  const std::size_t n = distances.size();
  if (n > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw ResourceLimit("rips complex: more than 2^31 - 1 points");
  const double t = threshold.value_or(std::numeric_limits<double>::infinity());

  // Upper neighbour lists (u > v, d(u, v) ≤ t), increasing.
  std::vector<std::vector<std::int32_t>> upper(n);
  std::size_t edges = 0;
  double shortest = std::numeric_limits<double>::infinity();
  for (std::size_t i = 1; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const double x = distances(i, j);
      shortest = std::min(shortest, x);
      if (x <= t && max_simplex_dim >= 1) {
        upper[j].push_back(static_cast<std::int32_t>(i));
        ++edges;
      }
    }
  if (n >= 2 && threshold && shortest > t)
    throw InvalidInput("max_value", "threshold " + format_value(t) +
                                        " is below every pairwise distance (the smallest is " +
                                        format_value(shortest) + "): the complex has no edge");

  CliqueEnumerator cliques(distances, upper, max_simplex_dim);
  // Count first, so that the limit is enforced before anything is stored.
  std::vector<std::size_t> counts(static_cast<std::size_t>(max_simplex_dim) + 1, 0);
  std::size_t total = 0;
  const bool fits = cliques.run([&](int q, const std::vector<std::int32_t>&, double) {
    ++counts[q];
    return ++total <= max_simplices;
  });
  if (!fits)
    throw ResourceLimit("rips complex: more than " + std::to_string(max_simplices) +
                        " simplices (" + std::to_string(n) + " points, " + std::to_string(edges) +
                        " edges within the threshold, up to dimension " +
                        std::to_string(max_simplex_dim) + ")");
  while (counts.size() > 1 && counts.back() == 0) counts.pop_back();

  std::vector<std::vector<std::int32_t>> cells(counts.size());
  std::vector<std::vector<double>> values(counts.size());
  for (std::size_t q = 0; q < counts.size(); ++q) {
    cells[q].reserve(counts[q] * (q + 1));
    values[q].reserve(counts[q]);
  }
  cliques.run([&](int q, const std::vector<std::int32_t>& s, double diameter) {
    cells[q].insert(cells[q].end(), s.begin(), s.end());
    values[q].push_back(diameter);
    return true;
  });
  // The enumeration order is lexicographic per dimension, which is the complex's own order.
  return detail::rips_from_levels(n, std::move(cells), std::move(values));
}

FilteredComplex lower_star(const SimplicialComplex& k, std::span<const double> vertex_values) {
  if (vertex_values.size() != k.num_vertices())
    throw InvalidInput("vertex_values", std::to_string(vertex_values.size()) + " values for " +
                                            std::to_string(k.num_vertices()) + " vertices");
  for (std::size_t i = 0; i < vertex_values.size(); ++i)
    if (std::isnan(vertex_values[i]))
      throw InvalidInput("vertex_values" + position(i),
                         "value of vertex " + std::to_string(k.vertex_ids()[i]) + " is NaN");
  FilteredComplex out;
  out.complex = k;
  out.values.resize(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q) {
    auto& v = out.values[q];
    v.resize(k.size(q));
    for (std::size_t i = 0; i < v.size(); ++i) {
      double m = -std::numeric_limits<double>::infinity();
      for (std::int32_t x : k.simplex(q, i)) m = std::max(m, vertex_values[x]);
      v[i] = m;
    }
  }
  return out;
}

FilteredComplex detail::rips_from_levels(std::size_t n, std::vector<std::vector<std::int32_t>> cells,
                                         std::vector<std::vector<double>> values) {
  std::vector<VertexId> ids(n);
  std::iota(ids.begin(), ids.end(), VertexId{0});
  FilteredComplex out;
  out.complex = SimplicialComplex::from_closed_cells(std::move(ids), std::move(cells));
  out.values = std::move(values);
  out.values.resize(static_cast<std::size_t>(out.complex.dimension() + 1));
  return out;
}

}  // namespace topospec

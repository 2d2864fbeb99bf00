#include "topospec/topology/generators.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec::generators {
namespace {

using Cells = std::vector<std::vector<std::int32_t>>;  // cells[q]: flat (q+1)-tuples

constexpr std::size_t kSaturated = std::numeric_limits<std::size_t>::max();

std::size_t add_sat(std::size_t a, std::size_t b) {
  return a > kSaturated - b ? kSaturated : a + b;
}
std::size_t mul_sat(std::size_t a, std::size_t b) {
  return (a != 0 && b > kSaturated / a) ? kSaturated : a * b;
}

// C(n, k), saturating at SIZE_MAX.
std::size_t binomial(std::size_t n, std::size_t k) {
  if (k > n) return 0;
  k = std::min(k, n - k);
  std::size_t c = 1;
  for (std::size_t i = 1; i <= k; ++i) {
    // c * (n - k + i) / i is exact at every step; divide first where possible to delay overflow.
    const std::size_t g = std::gcd(c, i);
    const std::size_t num = (n - k + i) / (i / g);
    c = mul_sat(c / g, num);
    if (c == kSaturated) return c;
  }
  return c;
}

void require(bool ok, const char* parameter, const std::string& message) {
  if (!ok) throw InvalidInput(parameter, message);
}

// Size check before anything proportional to `estimate` is allocated.
void check_budget(std::size_t estimate, const std::string& what) {
  if (estimate > kDefaultMaxSimplices)
    throw ResourceLimit(
        what + " would have " +
        (estimate == kSaturated ? std::string("at least 2^64") : std::to_string(estimate)) +
        " simplices (limit " + std::to_string(kDefaultMaxSimplices) + ")");
}

// Uniform double in [0, 1) from the top 53 bits of one draw: the same on every platform.
double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }
// True with probability p (exactly never for p = 0, always for p = 1).
bool coin(std::mt19937_64& rng, double p) { return uniform01(rng) < p; }

std::vector<VertexId> iota_ids(std::size_t n) {
  std::vector<VertexId> ids(n);
  std::iota(ids.begin(), ids.end(), VertexId{0});
  return ids;
}

// Calls emit(c) for every k-subset c of {0, …, m−1}, in lexicographic order.
template <class Emit>
void for_each_subset(int m, int k, Emit&& emit) {
  if (k <= 0 || k > m) return;
  std::vector<std::int32_t> c(k);
  std::iota(c.begin(), c.end(), 0);
  for (;;) {
    emit(c);
    int i = k - 1;
    while (i >= 0 && c[i] == m - k + i) --i;
    if (i < 0) return;
    ++c[i];
    for (int j = i + 1; j < k; ++j) c[j] = c[j - 1] + 1;
  }
}

// All subsets of {0, …, m−1} with 1..max_size elements, as lexicographically sorted cells.
Cells all_subsets(int m, int max_size) {
  Cells cells(std::max(max_size, 0));
  for (int k = 1; k <= max_size; ++k)
    for_each_subset(m, k, [&](const std::vector<std::int32_t>& c) {
      cells[k - 1].insert(cells[k - 1].end(), c.begin(), c.end());
    });
  return cells;
}

SimplicialComplex from_triangles(const std::vector<std::array<VertexId, 3>>& triangles) {
  std::vector<Simplex> s;
  s.reserve(triangles.size());
  for (const auto& t : triangles) s.push_back({t[0], t[1], t[2]});
  return SimplicialComplex::from_simplices(s);
}

// Calls visit(clique) for every clique of 2..max_size vertices of the graph given by sorted
// higher-neighbour lists. Depth-first extension by the common higher neighbours visits the
// cliques of each size in lexicographic order.
template <class Visit>
void for_each_clique(const std::vector<std::vector<std::int32_t>>& higher, int max_size,
                     Visit&& visit) {
  std::vector<std::int32_t> clique;
  // candidates[l]: common higher neighbours of the current clique of l + 1 vertices.
  std::vector<std::vector<std::int32_t>> candidates(std::max(max_size, 1));
  auto extend = [&](auto&& self, int level) -> void {
    for (std::int32_t v : candidates[level]) {
      clique.push_back(v);
      visit(clique);
      if (level + 2 < max_size) {
        auto& next = candidates[level + 1];
        next.clear();
        std::set_intersection(candidates[level].begin(), candidates[level].end(), higher[v].begin(),
                              higher[v].end(), std::back_inserter(next));
        if (!next.empty()) self(self, level + 1);
      }
      clique.pop_back();
    }
  };
  if (max_size < 2) return;
  for (std::size_t v = 0; v < higher.size(); ++v) {
    clique.assign(1, static_cast<std::int32_t>(v));
    candidates[0] = higher[v];
    extend(extend, 0);
  }
}

// Clique complex of a graph on {0, …, n−1} (sorted higher-neighbour lists), cliques of up to
// max_dim + 1 vertices. A counting pass checks the budget before the cells are allocated.
SimplicialComplex clique_complex(int n, const std::vector<std::vector<std::int32_t>>& higher,
                                 int max_dim, const std::string& what) {
  const int max_size = static_cast<int>(std::min<std::int64_t>(max_dim + std::int64_t{1}, n));
  std::vector<std::size_t> count(std::max(max_size, 1), 0);
  count[0] = static_cast<std::size_t>(n);
  std::size_t total = count[0];
  for_each_clique(higher, max_size, [&](const std::vector<std::int32_t>& c) {
    ++count[c.size() - 1];
    if (++total > kDefaultMaxSimplices) check_budget(total, what);
  });
  Cells cells(count.size());
  for (std::size_t q = 0; q < cells.size(); ++q) cells[q].reserve(count[q] * (q + 1));
  cells[0].resize(n);
  std::iota(cells[0].begin(), cells[0].end(), 0);
  for_each_clique(higher, max_size, [&](const std::vector<std::int32_t>& c) {
    cells[c.size() - 1].insert(cells[c.size() - 1].end(), c.begin(), c.end());
  });
  return SimplicialComplex::from_closed_cells(iota_ids(n), std::move(cells));
}

}  // namespace

SimplicialComplex simplex_boundary(int n) {
  require(n >= 0, "n", "must be >= 0, got " + std::to_string(n));
  // 2^{n+2} − 2 proper nonempty faces of Δ^{n+1}.
  check_budget(n + 2 >= 64 ? kSaturated : (std::size_t{1} << (n + 2)) - 2,
               "simplex_boundary(" + std::to_string(n) + ")");
  return SimplicialComplex::from_closed_cells(iota_ids(n + 2), all_subsets(n + 2, n + 1));
}

SimplicialComplex full_simplex(int n) {
  require(n >= 0, "n", "must be >= 0, got " + std::to_string(n));
  check_budget(n + 1 >= 64 ? kSaturated : (std::size_t{1} << (n + 1)) - 1,
               "full_simplex(" + std::to_string(n) + ")");
  return SimplicialComplex::from_closed_cells(iota_ids(n + 1), all_subsets(n + 1, n + 1));
}

SimplicialComplex octahedral_sphere(int n) {
  require(n >= 0, "n", "must be >= 0, got " + std::to_string(n));
  // Faces: a nonempty choice of pairs and a sign for each: 3^{n+1} − 1.
  std::size_t faces = 1;
  for (int i = 0; i <= n && faces != kSaturated; ++i) faces = mul_sat(faces, 3);
  check_budget(faces - 1, "octahedral_sphere(" + std::to_string(n) + ")");
  // The faces are the vertex sets without an antipodal pair {2i, 2i+1}. Depth-first choice of
  // increasing vertices, each from a later pair than the last, lists each size in lex order.
  const int pairs = n + 1;
  Cells cells(pairs);
  std::vector<std::int32_t> face;
  auto extend = [&](auto&& self, std::int32_t first) -> void {
    for (std::int32_t v = first; v < 2 * pairs; ++v) {
      face.push_back(v);
      cells[face.size() - 1].insert(cells[face.size() - 1].end(), face.begin(), face.end());
      self(self, 2 * (v / 2 + 1));
      face.pop_back();
    }
  };
  extend(extend, 0);
  return SimplicialComplex::from_closed_cells(iota_ids(2 * pairs), std::move(cells));
}

SimplicialComplex torus() {
  std::vector<std::array<VertexId, 3>> t;
  for (VertexId i = 0; i < 7; ++i) {
    t.push_back({i, (i + 1) % 7, (i + 3) % 7});
    t.push_back({i, (i + 2) % 7, (i + 3) % 7});
  }
  return from_triangles(t);
}

SimplicialComplex klein_bottle() {
  // Grid point (x, y), 0 <= x, y <= 3, glued: (x, 3) ~ (x, 0) and (3, y) ~ (0, −y).
  auto vertex = [](int x, int y) -> VertexId {
    y %= 3;
    if (x == 3) return (3 - y) % 3;  // (0, −y)
    return 3 * x + y;
  };
  std::vector<std::array<VertexId, 3>> t;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      t.push_back({vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1)});
      t.push_back({vertex(i, j), vertex(i, j + 1), vertex(i + 1, j + 1)});
    }
  return from_triangles(t);
}

SimplicialComplex real_projective_plane() {
  // The hemi-icosahedron's 10 triangles (ten antipodal pairs of the icosahedron's 20).
  // clang-format off
  return from_triangles({{0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}, {0, 1, 5},
                         {1, 2, 4}, {1, 3, 4}, {1, 3, 5}, {2, 3, 5}, {2, 4, 5}});
  // clang-format on
}

SimplicialComplex mobius_band() {
  std::vector<std::array<VertexId, 3>> t;
  for (VertexId i = 0; i < 5; ++i) t.push_back({i, (i + 1) % 5, (i + 2) % 5});
  return from_triangles(t);
}

SimplicialComplex dunce_hat() {
  // The disk's boundary, read around, is 0 1 2 | 0 1 2 | 0 2 1 (sides a, a, a⁻¹ with a = 0→1→2→0).
  // Interior vertex 3 covers the boundary edges 01, 12 of the first side, 4 covers 20, 01,
  // 5 covers 12, 20, 6 covers 02, and 7 covers 21, 10; consecutive interior vertices share a
  // triangle on their common boundary vertex; the pentagon 3-4-5-6-7 is fanned from 3. No
  // interior vertex meets two boundary positions with the same label, so the gluing makes no
  // identification other than the intended one (the f-vector (8, 24, 17) confirms it).
  // 9 triangles on the boundary edges, 5 between neighbouring interior vertices, 3 inside.
  // clang-format off
  return from_triangles({{0, 1, 3}, {1, 2, 3}, {0, 2, 4}, {0, 1, 4}, {1, 2, 5}, {0, 2, 5},
                         {0, 2, 6}, {1, 2, 7}, {0, 1, 7},
                         {2, 3, 4}, {1, 4, 5}, {0, 5, 6}, {2, 6, 7}, {0, 3, 7},
                         {3, 4, 5}, {3, 5, 6}, {3, 6, 7}});
  // clang-format on
}

SimplicialComplex moore_space(int p) {
  require(p >= 1, "p", "must be >= 1, got " + std::to_string(p));
  check_budget(mul_sat(static_cast<std::size_t>(p), 25), "moore_space(" + std::to_string(p) + ")");
  // Boundary position i (0 <= i < 3p) carries vertex i mod 3, so the boundary reads a^p. Edge
  // (i, i+1) gets the interior vertex r_i = 3 + i: it meets two distinct labels only, so no
  // unintended identification happens. Neighbouring r's share a triangle on position i + 1;
  // the ring of r's is coned from the centre.
  const VertexId m = 3 * static_cast<VertexId>(p);
  const VertexId centre = m + 3;
  auto r = [&](VertexId i) { return 3 + (i % m + m) % m; };
  std::vector<std::array<VertexId, 3>> t;
  for (VertexId i = 0; i < m; ++i) {
    t.push_back({i % 3, (i + 1) % 3, r(i)});
    t.push_back({r(i), r(i + 1), (i + 1) % 3});
    t.push_back({r(i), r(i + 1), centre});
  }
  return from_triangles(t);
}

SimplicialComplex wedge(const SimplicialComplex& a, const SimplicialComplex& b) {
  require(a.num_vertices() > 0, "a", "wedge of an empty complex");
  require(b.num_vertices() > 0, "b", "wedge of an empty complex");
  const std::size_t na = a.num_vertices(), nb = b.num_vertices();
  require(na + nb - 1 <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()), "b",
          "too many vertices");
  const VertexId top_id = a.vertex_ids().back();
  require(top_id <= std::numeric_limits<VertexId>::max() - static_cast<VertexId>(nb), "b",
          "relabelled vertex ids would overflow");
  std::vector<VertexId> ids = a.vertex_ids();
  for (std::size_t i = 1; i < nb; ++i) ids.push_back(top_id + static_cast<VertexId>(i));
  // b's vertex 0 becomes a's vertex 0; the others follow a's. The map is increasing, so
  // mapped simplices stay sorted; only their interleaving with a's cells needs a sort.
  auto map_b = [&](std::int32_t v) { return v == 0 ? 0 : static_cast<std::int32_t>(na) + v - 1; };
  const int top = std::max(a.dimension(), b.dimension());
  Cells cells(top + 1);
  for (int q = 0; q <= top; ++q) {
    auto& dst = cells[q];
    dst.reserve((a.size(q) + b.size(q)) * (q + 1));
    for (std::size_t i = 0; i < a.size(q); ++i) {
      auto s = a.simplex(q, i);
      dst.insert(dst.end(), s.begin(), s.end());
    }
    for (std::size_t i = 0; i < b.size(q); ++i)
      for (std::int32_t v : b.simplex(q, i)) dst.push_back(map_b(v));
  }
  return SimplicialComplex::from_closed_cells(std::move(ids), std::move(cells));
}

SimplicialComplex disjoint_union(const SimplicialComplex& a, const SimplicialComplex& b) {
  const std::size_t na = a.num_vertices(), nb = b.num_vertices();
  require(na + nb <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()), "b",
          "too many vertices");
  const VertexId first = na == 0 ? 0 : a.vertex_ids().back() + 1;
  require(nb == 0 || first <= std::numeric_limits<VertexId>::max() - static_cast<VertexId>(nb), "b",
          "relabelled vertex ids would overflow");
  std::vector<VertexId> ids = a.vertex_ids();
  for (std::size_t i = 0; i < nb; ++i) ids.push_back(first + static_cast<VertexId>(i));
  // b's indices are shifted above a's: appending keeps every dimension lexicographically sorted.
  const int top = std::max(a.dimension(), b.dimension());
  Cells cells(top + 1);
  for (int q = 0; q <= top; ++q) {
    auto& dst = cells[q];
    dst.reserve((a.size(q) + b.size(q)) * (q + 1));
    for (std::size_t i = 0; i < a.size(q); ++i) {
      auto s = a.simplex(q, i);
      dst.insert(dst.end(), s.begin(), s.end());
    }
    for (std::size_t i = 0; i < b.size(q); ++i)
      for (std::int32_t v : b.simplex(q, i)) dst.push_back(static_cast<std::int32_t>(na) + v);
  }
  return SimplicialComplex::from_closed_cells(std::move(ids), std::move(cells));
}

SimplicialComplex linial_meshulam(int n, int d, double prob, std::uint64_t seed) {
  require(n >= 0, "n", "must be >= 0, got " + std::to_string(n));
  require(d >= 1, "d", "must be >= 1, got " + std::to_string(d));
  require(prob >= 0.0 && prob <= 1.0, "prob", "must lie in [0, 1], got " + std::to_string(prob));
  // Every d-subset is drawn, so the candidates count against the budget, not just the result.
  std::size_t estimate = 0;
  for (int k = 1; k <= d + 1; ++k) estimate = add_sat(estimate, binomial(n, k));
  check_budget(estimate,
               "linial_meshulam(n = " + std::to_string(n) + ", d = " + std::to_string(d) + ")");
  Cells cells = all_subsets(n, d);
  cells.emplace_back();
  std::mt19937_64 rng(seed);
  for_each_subset(n, d + 1, [&](const std::vector<std::int32_t>& c) {
    if (coin(rng, prob)) cells[d].insert(cells[d].end(), c.begin(), c.end());
  });
  return SimplicialComplex::from_closed_cells(iota_ids(n), std::move(cells));
}

SimplicialComplex random_clique_complex(int n, double edge_prob, int max_dim, std::uint64_t seed) {
  require(n >= 0, "n", "must be >= 0, got " + std::to_string(n));
  require(edge_prob >= 0.0 && edge_prob <= 1.0, "edge_prob",
          "must lie in [0, 1], got " + std::to_string(edge_prob));
  require(max_dim >= 0, "max_dim", "must be >= 0, got " + std::to_string(max_dim));
  const std::string what = "random_clique_complex(n = " + std::to_string(n) + ")";
  check_budget(add_sat(n, binomial(n, 2)), what);  // one coin per vertex pair
  std::vector<std::vector<std::int32_t>> higher(n);
  std::mt19937_64 rng(seed);
  for (std::int32_t i = 0; i < n; ++i)
    for (std::int32_t j = i + 1; j < n; ++j)
      if (coin(rng, edge_prob)) higher[i].push_back(j);
  return clique_complex(n, higher, max_dim, what);
}

SimplicialComplex random_geometric_clique_complex(int n, double radius, int dim_space, int max_dim,
                                                  std::uint64_t seed) {
  require(n >= 0, "n", "must be >= 0, got " + std::to_string(n));
  require(radius >= 0.0 && std::isfinite(radius), "radius",
          "must be finite and >= 0, got " + std::to_string(radius));
  require(dim_space >= 1, "dim_space", "must be >= 1, got " + std::to_string(dim_space));
  require(max_dim >= 0, "max_dim", "must be >= 0, got " + std::to_string(max_dim));
  const std::string what = "random_geometric_clique_complex(n = " + std::to_string(n) + ")";
  check_budget(mul_sat(n, dim_space), what);
  const std::size_t dims = static_cast<std::size_t>(dim_space);
  std::vector<double> x(static_cast<std::size_t>(n) * dims);
  std::mt19937_64 rng(seed);
  for (double& c : x) c = uniform01(rng);
  // Sweep along the first coordinate: only pairs within `radius` there need a distance.
  std::vector<std::int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    return x[a * dims] < x[b * dims] || (x[a * dims] == x[b * dims] && a < b);
  });
  const double r2 = radius * radius;
  auto for_each_close_pair = [&](auto&& visit) {
    for (std::size_t s = 0; s < order.size(); ++s) {
      const std::int32_t a = order[s];
      for (std::size_t t = s + 1; t < order.size(); ++t) {
        const std::int32_t b = order[t];
        if (x[b * dims] - x[a * dims] > radius) break;
        double d2 = 0;
        for (std::size_t k = 0; k < dims; ++k) {
          const double diff = x[a * dims + k] - x[b * dims + k];
          d2 += diff * diff;
        }
        if (d2 <= r2) visit(std::min(a, b), std::max(a, b));
      }
    }
  };
  // Count the edges first so that a dense draw is refused before it is stored.
  std::vector<std::size_t> degree(n, 0);
  std::size_t edges = 0;
  for_each_close_pair([&](std::int32_t a, std::int32_t) {
    ++degree[a];
    if (++edges > kDefaultMaxSimplices) check_budget(edges, what);
  });
  std::vector<std::vector<std::int32_t>> higher(n);
  for (std::int32_t v = 0; v < n; ++v) higher[v].reserve(degree[v]);
  for_each_close_pair([&](std::int32_t a, std::int32_t b) { higher[a].push_back(b); });
  for (auto& h : higher) std::sort(h.begin(), h.end());
  return clique_complex(n, higher, max_dim, what);
}

SimplicialComplex freudenthal_grid(int nx, int ny, int nz) {
  require(nx >= 1, "nx", "must be >= 1, got " + std::to_string(nx));
  require(ny >= 1, "ny", "must be >= 1, got " + std::to_string(ny));
  require(nz >= 1, "nz", "must be >= 1, got " + std::to_string(nz));
  // Per grid point at most 1 vertex, 7 edges, 12 triangles, 6 tetrahedra.
  const std::size_t points =
      mul_sat(mul_sat(nx + std::size_t{1}, ny + std::size_t{1}), nz + std::size_t{1});
  check_budget(mul_sat(points, 26), "freudenthal_grid(" + std::to_string(nx) + ", " +
                                        std::to_string(ny) + ", " + std::to_string(nz) + ")");
  const VertexId sx = 1, sy = nx + VertexId{1}, sz = sy * (ny + VertexId{1});
  const std::array<VertexId, 3> step = {sx, sy, sz};
  // The 6 orders in which a monotone path from (0,0,0) to (1,1,1) can take the three axes.
  static constexpr std::array<std::array<int, 3>, 6> kOrders = {
      {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}};
  std::vector<Simplex> tets;
  tets.reserve(std::size_t{6} * nx * ny * nz);
  for (int z = 0; z < nz; ++z)
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) {
        const VertexId base = x * sx + y * sy + z * sz;
        for (const auto& order : kOrders) {
          Simplex t(4);
          t[0] = base;
          for (int k = 0; k < 3; ++k) t[k + 1] = t[k] + step[order[k]];
          tets.push_back(std::move(t));
        }
      }
  return SimplicialComplex::from_simplices(tets);
}

PointCloud regular_dodecahedron(double edge_length) {
  require(std::isfinite(edge_length) && edge_length > 0, "edge_length",
          "must be a positive number, got " + std::to_string(edge_length));
  const double phi = (1 + std::sqrt(5.0)) / 2;
  const double scale = edge_length * phi / 2;
  std::vector<double> xyz;
  auto add = [&](double x, double y, double z) {
    for (double v : {x, y, z}) xyz.push_back(v * scale);
  };
  for (double x : {-1.0, 1.0})
    for (double y : {-1.0, 1.0})
      for (double z : {-1.0, 1.0}) add(x, y, z);
  for (double s : {-1.0, 1.0})
    for (double t : {-1.0, 1.0}) add(0, s / phi, t * phi);
  for (double s : {-1.0, 1.0})
    for (double t : {-1.0, 1.0}) add(s / phi, t * phi, 0);
  for (double s : {-1.0, 1.0})
    for (double t : {-1.0, 1.0}) add(s * phi, 0, t / phi);
  return PointCloud(3, std::move(xyz));
}

}  // namespace topospec::generators

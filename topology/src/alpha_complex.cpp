// Alpha complexes through CGAL's Delaunay triangulations (kept apart from filtration.cpp so that
// the heavy CGAL headers compile once, and only when CGAL is found).
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "topospec/topology/error.hpp"
#include "topospec/topology/filtration.hpp"

#ifdef TOPOSPEC_WITH_CGAL
#include <CGAL/Delaunay_triangulation_2.h>
#include <CGAL/Delaunay_triangulation_3.h>
#include <CGAL/Delaunay_triangulation_cell_base_3.h>
#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Triangulation_data_structure_2.h>
#include <CGAL/Triangulation_data_structure_3.h>
#include <CGAL/Triangulation_vertex_base_with_info_2.h>
#include <CGAL/Triangulation_vertex_base_with_info_3.h>
#endif

namespace topospec {

#ifdef TOPOSPEC_WITH_CGAL
namespace {

// Exact predicates (the Delaunay and Gabriel decisions are exact); radii are computed in double
// precision, relative to one vertex, which is accurate for non-degenerate simplices.
using Kernel = CGAL::Exact_predicates_inexact_constructions_kernel;

using Dt2 = CGAL::Delaunay_triangulation_2<
    Kernel, CGAL::Triangulation_data_structure_2<
                CGAL::Triangulation_vertex_base_with_info_2<std::int32_t, Kernel>>>;
using Dt3 = CGAL::Delaunay_triangulation_3<
    Kernel, CGAL::Triangulation_data_structure_3<
                CGAL::Triangulation_vertex_base_with_info_3<std::int32_t, Kernel>,
                CGAL::Delaunay_triangulation_cell_base_3<Kernel>>>;

// Maximal finite simplices of the triangulation (of its current dimension, which is lower than
// the ambient one for affinely dependent points), as sorted index tuples.
std::vector<std::vector<std::int32_t>> maximal_cells(const Dt2& dt) {
  std::vector<std::vector<std::int32_t>> out;
  if (dt.dimension() == 2) {
    for (auto f = dt.finite_faces_begin(); f != dt.finite_faces_end(); ++f)
      out.push_back({f->vertex(0)->info(), f->vertex(1)->info(), f->vertex(2)->info()});
  } else if (dt.dimension() == 1) {
    for (auto e = dt.finite_edges_begin(); e != dt.finite_edges_end(); ++e)
      out.push_back({e->first->vertex(Dt2::cw(e->second))->info(),
                     e->first->vertex(Dt2::ccw(e->second))->info()});
  }
  return out;
}

std::vector<std::vector<std::int32_t>> maximal_cells(const Dt3& dt) {
  std::vector<std::vector<std::int32_t>> out;
  if (dt.dimension() == 3) {
    for (auto c = dt.finite_cells_begin(); c != dt.finite_cells_end(); ++c)
      out.push_back(
          {c->vertex(0)->info(), c->vertex(1)->info(), c->vertex(2)->info(), c->vertex(3)->info()});
  } else if (dt.dimension() == 2) {  // facets are (c, 3): the cells' vertices 0, 1, 2
    for (auto f = dt.finite_facets_begin(); f != dt.finite_facets_end(); ++f)
      out.push_back(
          {f->first->vertex(0)->info(), f->first->vertex(1)->info(), f->first->vertex(2)->info()});
  } else if (dt.dimension() == 1) {
    for (auto e = dt.finite_edges_begin(); e != dt.finite_edges_end(); ++e)
      out.push_back({e->first->vertex(e->second)->info(), e->first->vertex(e->third)->info()});
  }
  return out;
}

// Geometry of one ambient dimension: squared radius of the smallest circumsphere of a simplex,
// and whether a point lies strictly inside that sphere (the face is then not Gabriel).
struct Geometry2 {
  using Point = Kernel::Point_2;
  std::vector<Point> p;
  double squared_radius(std::span<const std::int32_t> s) const {
    if (s.size() == 2) return CGAL::squared_radius(p[s[0]], p[s[1]]);
    return CGAL::squared_radius(p[s[0]], p[s[1]], p[s[2]]);
  }
  bool strictly_inside(std::span<const std::int32_t> s, std::int32_t t) const {
    // Only edges of triangles are tested in the plane.
    return CGAL::side_of_bounded_circle(p[s[0]], p[s[1]], p[t]) == CGAL::ON_BOUNDED_SIDE;
  }
};

struct Geometry3 {
  using Point = Kernel::Point_3;
  std::vector<Point> p;
  double squared_radius(std::span<const std::int32_t> s) const {
    if (s.size() == 2) return CGAL::squared_radius(p[s[0]], p[s[1]]);
    if (s.size() == 3) return CGAL::squared_radius(p[s[0]], p[s[1]], p[s[2]]);
    return CGAL::squared_radius(p[s[0]], p[s[1]], p[s[2]], p[s[3]]);
  }
  bool strictly_inside(std::span<const std::int32_t> s, std::int32_t t) const {
    if (s.size() == 2)
      return CGAL::side_of_bounded_sphere(p[s[0]], p[s[1]], p[t]) == CGAL::ON_BOUNDED_SIDE;
    return CGAL::side_of_bounded_sphere(p[s[0]], p[s[1]], p[s[2]], p[t]) == CGAL::ON_BOUNDED_SIDE;
  }
};

// Alpha values on the full Delaunay complex, as GUDHI's AlphaComplex::create_complex: from the
// top dimension down, a simplex without a value gets its own squared circumradius; it then
// passes its value to each facet that already has one (minimum) or that is not Gabriel with
// respect to the opposite vertex (the facet's smallest circumsphere is not empty, so it enters
// with this coface). Vertices enter at 0.
template <class Geometry>
std::vector<std::vector<double>> alpha_values(const SimplicialComplex& k, const Geometry& g) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<double>> v(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q) v[q].assign(k.size(q), nan);
  for (int q = k.dimension(); q >= 1; --q) {
    for (std::size_t i = 0; i < k.size(q); ++i) {
      const auto s = k.simplex(q, i);
      if (std::isnan(v[q][i])) v[q][i] = g.squared_radius(s);
      if (q < 2) continue;  // vertices are 0 anyway
      const auto facets = k.facets(q, i);
      std::int32_t face[3];
      for (int j = 0; j <= q; ++j) {
        double& fv = v[q - 1][facets[j]];
        if (!std::isnan(fv)) {
          fv = std::min(fv, v[q][i]);
          continue;
        }
        int m = 0;
        for (int l = 0; l <= q; ++l)
          if (l != j) face[m++] = s[l];
        if (g.strictly_inside(std::span<const std::int32_t>(face, q), s[j])) fv = v[q][i];
      }
    }
  }
  if (!v.empty()) std::fill(v[0].begin(), v[0].end(), 0.0);
  // Rounding could make a face exceed a coface by an ulp; the filtration must be monotone.
  for (int q = 1; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i)
      for (std::uint32_t f : k.facets(q, i)) v[q][i] = std::max(v[q][i], v[q - 1][f]);
  return v;
}

template <class Dt, class Geometry>
FilteredComplex alpha_in(const PointCloud& points, int max_simplex_dim,
                         std::optional<double> threshold) {
  const std::size_t n = points.size();
  Geometry g;
  std::vector<std::pair<typename Geometry::Point, std::int32_t>> input;
  input.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = points.point(i);
    typename Geometry::Point pt;
    if constexpr (std::is_same_v<typename Geometry::Point, Kernel::Point_2>)
      pt = typename Geometry::Point(x[0], x[1]);
    else
      pt = typename Geometry::Point(x[0], x[1], x[2]);
    g.p.push_back(pt);
    input.emplace_back(pt, static_cast<std::int32_t>(i));
  }
  Dt dt(input.begin(), input.end());

  // The full Delaunay complex: all faces of the maximal cells (and every point as a vertex).
  std::vector<std::vector<std::int32_t>> cells(
      static_cast<std::size_t>(std::max(dt.dimension(), 0)) + 1);
  cells[0].resize(n);
  std::iota(cells[0].begin(), cells[0].end(), 0);
  for (auto& c : maximal_cells(dt)) {
    std::sort(c.begin(), c.end());
    const int m = static_cast<int>(c.size());
    for (unsigned mask = 1; mask < (1u << m); ++mask) {
      const int size = std::popcount(mask);
      if (size < 2) continue;
      for (int l = 0; l < m; ++l)
        if (mask & (1u << l)) cells[size - 1].push_back(c[l]);
    }
  }
  std::vector<VertexId> ids(n);
  std::iota(ids.begin(), ids.end(), VertexId{0});
  SimplicialComplex full = SimplicialComplex::from_closed_cells(ids, std::move(cells));
  std::vector<std::vector<double>> values = alpha_values(full, g);

  // Truncate by dimension and threshold. Values are monotone, so the kept set is closed; the
  // kept cells stay in lexicographic order, which is the order of the rebuilt complex.
  const double t = threshold.value_or(std::numeric_limits<double>::infinity());
  const int top = std::min(full.dimension(), max_simplex_dim);
  FilteredComplex out;
  if (top == full.dimension() &&
      std::all_of(values.begin(), values.end(), [t](const std::vector<double>& v) {
        return std::all_of(v.begin(), v.end(), [t](double x) { return x <= t; });
      })) {
    out.complex = std::move(full);  // nothing to cut: no second build
    out.values = std::move(values);
    return out;
  }
  std::vector<std::vector<std::int32_t>> kept(static_cast<std::size_t>(top) + 1);
  std::vector<std::vector<double>> kept_values(kept.size());
  for (int q = 0; q <= top; ++q)
    for (std::size_t i = 0; i < full.size(q); ++i)
      if (values[q][i] <= t) {
        const auto s = full.simplex(q, i);
        kept[q].insert(kept[q].end(), s.begin(), s.end());
        kept_values[q].push_back(values[q][i]);
      }
  out.complex = SimplicialComplex::from_closed_cells(std::move(ids), std::move(kept));
  kept_values.resize(static_cast<std::size_t>(out.complex.dimension() + 1));
  out.values = std::move(kept_values);
  return out;
}

}  // namespace
#endif

FilteredComplex alpha_complex(const PointCloud& points, int max_simplex_dim,
                              std::optional<double> threshold) {
  const std::size_t d = points.dimension();
  if (points.size() == 0) throw InvalidInput("points", "the point cloud is empty");
  if (d != 2 && d != 3)
    throw InvalidInput(
        "points", "alpha complexes need points in R^2 or R^3, these are in R^" + std::to_string(d));
  if (max_simplex_dim < 0)
    throw InvalidInput(
        "max_dim", "maximal simplex dimension " + std::to_string(max_simplex_dim) + " is negative");
  if (threshold && std::isnan(*threshold)) throw InvalidInput("max_value", "threshold is NaN");
  if (threshold && *threshold < 0)
    throw InvalidInput("max_value", "threshold is negative: no vertex would enter");
  if (points.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw ResourceLimit("alpha complex: more than 2^31 - 1 points");
  // Delaunay triangulations merge equal points silently; the vertex ids would be lost.
  std::vector<std::size_t> order(points.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto less = [&](std::size_t a, std::size_t b) {
    const auto pa = points.point(a), pb = points.point(b);
    if (std::lexicographical_compare(pa.begin(), pa.end(), pb.begin(), pb.end())) return true;
    if (std::equal(pa.begin(), pa.end(), pb.begin())) return a < b;
    return false;
  };
  std::sort(order.begin(), order.end(), less);
  for (std::size_t k = 1; k < order.size(); ++k) {
    const auto pa = points.point(order[k - 1]), pb = points.point(order[k]);
    if (std::equal(pa.begin(), pa.end(), pb.begin()))
      throw InvalidInput("/" + std::to_string(order[k]), "point " + std::to_string(order[k]) +
                                                             " duplicates point " +
                                                             std::to_string(order[k - 1]));
  }
#ifdef TOPOSPEC_WITH_CGAL
  if (d == 2) return alpha_in<Dt2, Geometry2>(points, max_simplex_dim, threshold);
  return alpha_in<Dt3, Geometry3>(points, max_simplex_dim, threshold);
#else
  throw NotCompiled("alpha complexes need CGAL, which this build of topospec does not have");
#endif
}

}  // namespace topospec

/// \file
/// \ingroup topology
/// Filtered simplicial complexes: a simplicial complex with an entry value for every simplex,
/// monotone (a face never enters after a simplex that contains it). K_t is the subcomplex of the
/// simplices with value ≤ t (inclusive, as CASES.md).
///
/// Builders: an explicit list of (simplex, value); Vietoris–Rips (diameter convention: a simplex
/// enters at the largest distance between two of its vertices, as Ripser and GUDHI); alpha
/// complexes of points in R² and R³ (CGAL Delaunay triangulation; value = squared radius of the
/// smallest empty circumsphere, as GUDHI); lower-star filtrations of a vertex function.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {

/// One entry of an explicit filtration: a simplex and the value at which it enters.
struct FilteredSimplex {
  Simplex simplex;  ///< user ids, any order
  double value = 0;  ///< entry value
};

/// A simplicial complex with a monotone entry value for every simplex.
struct FilteredComplex {
  SimplicialComplex complex;  ///< every simplex of the filtration
  std::vector<std::vector<double>> values;  ///< values[q][i]: entry value of simplex (q, i)

  /// The chain complex of `complex` with the filtration values attached.
  ChainComplex chain_complex() const;
  /// All distinct values, ascending.
  std::vector<double> distinct_values() const;
};

/// An explicit filtration. Every face of a listed simplex must be listed too, and no face may
/// have a larger value than a simplex containing it. Throws InvalidInput naming the offending
/// entry by position ("/3"), and for a monotonicity violation naming both simplices. A NaN value
/// is an error; +inf is allowed (never enters a finite K_t).
FilteredComplex filtered_complex(std::span<const FilteredSimplex> simplices);

/// Vietoris–Rips up to simplices of dimension `max_simplex_dim`, keeping simplices with value
/// ≤ threshold when given: a simplex σ enters at `max_{u,v ∈ σ} d(u, v)` (0 for a vertex).
/// Throws InvalidInput("max_dim", …) for a negative dimension, InvalidInput("max_value", …)
/// for a NaN or negative threshold or one below every edge of a cloud with ≥ 2 points,
/// ResourceLimit when the complex would exceed max_simplices (counted before it is stored).
FilteredComplex rips_complex(const DistanceMatrix& distances, int max_simplex_dim,
                             std::optional<double> threshold = std::nullopt,
                             std::size_t max_simplices = kDefaultMaxSimplices);

/// Alpha complex of points in R² or R³ (CGAL), simplices up to `max_simplex_dim`, value =
/// squared circumradius of the smallest empty circumsphere (GUDHI's convention); threshold on
/// that value when given. Throws InvalidInput for another ambient dimension or duplicate points
/// (named by position), NotCompiled when built without CGAL.
FilteredComplex alpha_complex(const PointCloud& points, int max_simplex_dim,
                              std::optional<double> threshold = std::nullopt);

/// Lower-star filtration: each simplex of k enters at the largest value of its vertices,
/// `value(σ) = max_{v ∈ σ} f(v)`. vertex_values[i] belongs to vertex index i
/// (k.vertex_ids()[i]). Throws InvalidInput for a size mismatch or a NaN value.
FilteredComplex lower_star(const SimplicialComplex& k, std::span<const double> vertex_values);

}  // namespace topospec

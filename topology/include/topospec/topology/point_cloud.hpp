/// \file
/// \ingroup topology
/// Point clouds and distance matrices: the inputs of Vietoris–Rips and alpha filtrations.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace topospec {

/// n points in R^d, stored row-major. Vertex id i is point i.
class PointCloud {
 public:
  /// The empty cloud (no points, dimension 0).
  PointCloud() = default;
  /// One point per row. Throws InvalidInput (`/<i>/<j>` relative places) for rows of unequal
  /// length, an empty cloud, or a NaN or infinite coordinate.
  static PointCloud from_rows(const std::vector<std::vector<double>>& rows);
  /// Points of `dimension` coordinates each, concatenated row-major in `coordinates`;
  /// validated likewise (also InvalidInput when the count is not a multiple of `dimension`).
  PointCloud(std::size_t dimension, std::vector<double> coordinates);

  /// Number of points n.
  std::size_t size() const { return dimension_ == 0 ? 0 : coordinates_.size() / dimension_; }
  /// Ambient dimension d.
  std::size_t dimension() const { return dimension_; }
  /// The d coordinates of point i.
  std::span<const double> point(std::size_t i) const {
    return {coordinates_.data() + i * dimension_, dimension_};
  }
  /// All coordinates, row-major (n·d values).
  const std::vector<double>& coordinates() const { return coordinates_; }

 private:
  std::size_t dimension_ = 0;
  std::vector<double> coordinates_;
};

/// A symmetric n × n matrix of non-negative finite distances with zero diagonal, stored as its
/// strict lower triangle (Ripser's lower-distance layout).
class DistanceMatrix {
 public:
  /// The empty matrix (n = 0).
  DistanceMatrix() = default;
  /// Euclidean distances between the points.
  static DistanceMatrix euclidean(const PointCloud& points);
  /// A full symmetric matrix (rows of length n) or a lower triangle without the diagonal (row i
  /// has i entries). Throws InvalidInput (`/<i>/<j>`) for an asymmetric, negative, NaN or
  /// infinite entry, a nonzero diagonal, or a ragged shape.
  static DistanceMatrix from_rows(const std::vector<std::vector<double>>& rows);

  /// Number of points n.
  std::size_t size() const { return n_; }
  /// d(i, j), symmetric; 0 on the diagonal.
  double operator()(std::size_t i, std::size_t j) const {
    if (i == j) return 0.0;
    if (i < j) std::swap(i, j);
    return lower_[i * (i - 1) / 2 + j];
  }
  /// Strict lower triangle, row by row: (1,0), (2,0), (2,1), (3,0), …
  const std::vector<double>& lower() const { return lower_; }

 private:
  std::size_t n_ = 0;
  std::vector<double> lower_;
};

}  // namespace topospec

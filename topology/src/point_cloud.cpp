#include "topospec/topology/point_cloud.hpp"

#include <cmath>
#include <string>

#include "topospec/topology/error.hpp"

namespace topospec {

namespace {

std::string place(std::size_t i, std::size_t j) {
  return "/" + std::to_string(i) + "/" + std::to_string(j);
}

void require_finite(double x, std::size_t i, std::size_t j, const char* what) {
  if (std::isnan(x)) throw InvalidInput(place(i, j), std::string(what) + " is NaN");
  if (std::isinf(x)) throw InvalidInput(place(i, j), std::string(what) + " is infinite");
}

}  // namespace

PointCloud::PointCloud(std::size_t dimension, std::vector<double> coordinates)
    : dimension_(dimension), coordinates_(std::move(coordinates)) {
  if (dimension_ == 0 || coordinates_.empty())
    throw InvalidInput("", "the point cloud is empty");
  if (coordinates_.size() % dimension_ != 0)
    throw InvalidInput("", "coordinate count " + std::to_string(coordinates_.size()) +
                               " is not a multiple of the dimension " + std::to_string(dimension_));
  for (std::size_t k = 0; k < coordinates_.size(); ++k)
    require_finite(coordinates_[k], k / dimension_, k % dimension_, "coordinate");
}

PointCloud PointCloud::from_rows(const std::vector<std::vector<double>>& rows) {
  if (rows.empty()) throw InvalidInput("", "the point cloud is empty");
  const std::size_t d = rows[0].size();
  if (d == 0) throw InvalidInput("/0", "a point has no coordinates");
  std::vector<double> flat;
  flat.reserve(rows.size() * d);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != d)
      throw InvalidInput("/" + std::to_string(i), "point has " + std::to_string(rows[i].size()) +
                                                      " coordinates, point 0 has " +
                                                      std::to_string(d));
    flat.insert(flat.end(), rows[i].begin(), rows[i].end());
  }
  return PointCloud(d, std::move(flat));
}

DistanceMatrix DistanceMatrix::euclidean(const PointCloud& points) {
  DistanceMatrix m;
  m.n_ = points.size();
  m.lower_.reserve(m.n_ * (m.n_ - (m.n_ > 0)) / 2);
  for (std::size_t i = 1; i < m.n_; ++i) {
    const auto p = points.point(i);
    for (std::size_t j = 0; j < i; ++j) {
      const auto r = points.point(j);
      double s = 0;
      for (std::size_t k = 0; k < p.size(); ++k) s += (p[k] - r[k]) * (p[k] - r[k]);
      m.lower_.push_back(std::sqrt(s));
    }
  }
  return m;
}

DistanceMatrix DistanceMatrix::from_rows(const std::vector<std::vector<double>>& rows) {
  DistanceMatrix m;
  m.n_ = rows.size();
  if (m.n_ == 0) throw InvalidInput("", "the distance matrix is empty");
  // Lower-triangular layout: row i has i entries (row 0 is empty). Full: every row has n. Row 0
  // tells which one is meant, so that the row reported is the first one that breaks it.
  const bool full = !rows[0].empty();
  const std::string n = std::to_string(m.n_);
  for (std::size_t i = 0; i < m.n_; ++i) {
    const std::size_t k = rows[i].size();
    if (k == (full ? m.n_ : i)) continue;
    const std::string has = "row has " + std::to_string(k) + (k == 1 ? " entry; " : " entries; ");
    throw InvalidInput("/" + std::to_string(i),
                       has + (i == 0 ? "a full matrix needs " + n + ", a lower-triangular one 0"
                              : full ? "a full matrix (row 0 has " + n + ") needs " + n
                                     : "row " + std::to_string(i) +
                                           " of a lower-triangular matrix (row 0 is "
                                           "empty) needs " +
                                           std::to_string(i)));
  }
  m.lower_.reserve(m.n_ * (m.n_ - 1) / 2);
  for (std::size_t i = 0; i < m.n_; ++i) {
    if (full) {
      require_finite(rows[i][i], i, i, "distance");
      if (rows[i][i] != 0) throw InvalidInput(place(i, i), "diagonal entry is not 0");
    }
    for (std::size_t j = 0; j < i; ++j) {
      const double x = rows[i][j];
      require_finite(x, i, j, "distance");
      if (x < 0) throw InvalidInput(place(i, j), "distance is negative");
      if (full && rows[j][i] != x)
        throw InvalidInput(place(j, i), "matrix is not symmetric: " + std::to_string(rows[j][i]) +
                                            " here, " + std::to_string(x) + " at " + place(i, j));
      m.lower_.push_back(x);
    }
  }
  return m;
}

}  // namespace topospec

// The device projection step's algorithm (topology/cuda/kernel_projection.cu) step by step with
// Eigen, for the tests: the rank of N Nᵀ by kDeviceRankThreshold, Y = Nᵀ U₊ Λ₊^{-1/2} (an
// orthonormal basis of the row space of N), R Rᵀ − (R Y)(R Y)ᵀ.
#pragma once

#include <Eigen/Eigenvalues>
#include <cmath>

#include "../../topology/src/device_projection.hpp"

namespace topospec::detail {

inline ProjectedBlock row_space_projection(const Eigen::MatrixXd& r, const Eigen::MatrixXd& n) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(n * n.transpose());
  const Eigen::VectorXd& w = es.eigenvalues();  // ascending
  const Eigen::Index m = w.size();
  Eigen::Index rank = 0;
  while (rank < m && w(m - 1 - rank) > kDeviceRankThreshold * w(m - 1)) ++rank;
  Eigen::MatrixXd u = es.eigenvectors().rightCols(rank);
  for (Eigen::Index j = 0; j < rank; ++j) u.col(j) /= std::sqrt(w(m - rank + j));
  const Eigen::MatrixXd ry = r * (n.transpose() * u);
  return {r * r.transpose() - ry * ry.transpose(), n.cols() - rank};
}

}  // namespace topospec::detail

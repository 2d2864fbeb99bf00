// The projection-form term of persistent Laplacians, R Π_{ker N} Rᵀ, through its factor R Z
// (Z an orthonormal basis of ker N), with dense algebra in LAPACK/BLAS where the build has
// them (Eigen otherwise).
#pragma once

#include <Eigen/Core>

namespace topospec::detail {

// R Z for Z an orthonormal basis of ker N (N: n × s, R: k × s), and dim ker N. A column-pivoted
// QR of Nᵀ = QR gives it: the trailing s − rank columns of Q span ker N, so
// R Z = ((Qᵀ Rᵀ) rows rank…s−1)ᵀ; Q is applied (LAPACK dormqr), never formed. rank counts the
// |R_ii| above `threshold`·|R_00|.
Eigen::MatrixXd restrict_to_kernel(const Eigen::MatrixXd& r, const Eigen::MatrixXd& n,
                                   double threshold, Eigen::Index& kernel_dim);

// M Mᵀ (symmetric, both triangles filled), by BLAS dsyrk where available.
Eigen::MatrixXd gram(const Eigen::MatrixXd& m);

}  // namespace topospec::detail

// Private: dense symmetric eigensolvers for the small leftover eigenproblems of persistent
// Laplacians (and whoever else holds a dense matrix already). The CPU path uses LAPACK's
// divide-and-conquer dsyevd through LAPACKE when the build found it (TOPOSPEC_WITH_LAPACKE),
// else Eigen's SelfAdjointEigenSolver; `opts.backend` may send eigenvalue-only problems to the
// GPU exactly as full_spectrum does.
#pragma once

#include <Eigen/Core>
#include <utility>
#include <vector>

#include "topospec/topology/spectrum.hpp"

namespace topospec::detail {

// All eigenvalues of the symmetric `a` (lower triangle read), ascending. Throws
// NumericalFailure when the solver does not converge.
std::vector<double> dense_symmetric_eigenvalues(Eigen::MatrixXd a, const SpectrumOptions& opts);

// Eigenvalues ascending and the matching orthonormal eigenvectors (columns).
std::pair<std::vector<double>, Eigen::MatrixXd> dense_symmetric_eigenpairs(
    Eigen::MatrixXd a, const SpectrumOptions& opts);

}  // namespace topospec::detail

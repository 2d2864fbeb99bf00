#include "kernel_projection.hpp"

#include <Eigen/QR>
#include <stdexcept>
#include <vector>

#ifdef TOPOSPEC_WITH_LAPACKE
#include <cblas.h>
#include <lapacke.h>
#endif

#include "topospec/topology/error.hpp"

namespace topospec::detail {

using Dense = Eigen::MatrixXd;
using Index = Eigen::Index;

Dense restrict_to_kernel(const Dense& r, const Dense& n, double threshold, Index& kernel_dim) {
  const Index s = n.cols();
  if (r.cols() != s) throw std::invalid_argument("restrict_to_kernel: R and N differ in columns");
  if (n.rows() == 0) {  // no constraint: ker N is everything, Z = I
    kernel_dim = s;
    return r;
  }
#ifdef TOPOSPEC_WITH_LAPACKE
  Dense qr = n.transpose();  // s × n, column-major, overwritten by the factorization
  const Index p = std::min(s, n.rows());
  std::vector<lapack_int> pivots(static_cast<std::size_t>(n.rows()), 0);
  std::vector<double> tau(static_cast<std::size_t>(p));
  if (LAPACKE_dgeqp3(LAPACK_COL_MAJOR, static_cast<lapack_int>(s), static_cast<lapack_int>(n.rows()),
                     qr.data(), static_cast<lapack_int>(s), pivots.data(), tau.data()) != 0)
    throw NumericalFailure("column-pivoted QR (dgeqp3) failed");
  Index rank = 0;
  const double cut = threshold * std::abs(qr(0, 0));
  while (rank < p && std::abs(qr(rank, rank)) > cut) ++rank;
  kernel_dim = s - rank;
  if (r.rows() == 0 || kernel_dim == 0) return Dense(r.rows(), kernel_dim);
  Dense c = r.transpose();  // s × k: Qᵀ c in place
  if (LAPACKE_dormqr(LAPACK_COL_MAJOR, 'L', 'T', static_cast<lapack_int>(s),
                     static_cast<lapack_int>(r.rows()), static_cast<lapack_int>(p), qr.data(),
                     static_cast<lapack_int>(s), tau.data(), c.data(),
                     static_cast<lapack_int>(s)) != 0)
    throw NumericalFailure("applying Q (dormqr) failed");
  return c.bottomRows(kernel_dim).transpose();
#else
  Eigen::ColPivHouseholderQR<Dense> qr(n.transpose());
  qr.setThreshold(threshold);
  kernel_dim = s - qr.rank();
  if (r.rows() == 0 || kernel_dim == 0) return Dense(r.rows(), kernel_dim);
  const Dense c = qr.householderQ().transpose() * r.transpose();
  return c.bottomRows(kernel_dim).transpose();
#endif
}

Dense gram(const Dense& m) {
  const Index k = m.rows();
  Dense g(k, k);
  if (k == 0) return g;
  if (m.cols() == 0) return Dense::Zero(k, k);
#ifdef TOPOSPEC_WITH_LAPACKE
  cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, static_cast<int>(k),
              static_cast<int>(m.cols()), 1.0, m.data(), static_cast<int>(k), 0.0, g.data(),
              static_cast<int>(k));
  for (Index j = 1; j < k; ++j)
    for (Index i = 0; i < j; ++i) g(i, j) = g(j, i);
#else
  g = m * m.transpose();
#endif
  return g;
}

}  // namespace topospec::detail

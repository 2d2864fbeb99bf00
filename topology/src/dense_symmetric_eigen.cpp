#include "dense_symmetric_eigen.hpp"

#include <Eigen/Eigenvalues>
#include <string>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/error.hpp"

#ifdef TOPOSPEC_WITH_LAPACKE
#include <lapacke.h>
#endif

namespace topospec::detail {

namespace {

bool on_gpu(const SpectrumOptions& opts, Eigen::Index n) {
  if (opts.backend == Backend::Cpu || cuda_device_count() == 0) return false;
  return opts.backend == Backend::Cuda || n >= kCudaDenseEigenThreshold;
}

#ifdef TOPOSPEC_WITH_LAPACKE
// dsyevd overwrites `a` with the eigenvectors when asked for them.
std::vector<double> lapack_solve(Eigen::MatrixXd& a, bool vectors) {
  const auto n = static_cast<lapack_int>(a.rows());
  std::vector<double> w(static_cast<std::size_t>(n));
  const lapack_int info =
      LAPACKE_dsyevd(LAPACK_COL_MAJOR, vectors ? 'V' : 'N', 'L', n, a.data(), n, w.data());
  if (info != 0)
    throw NumericalFailure("dense symmetric eigensolver (dsyevd) failed, info = " +
                           std::to_string(info) + " (n = " + std::to_string(n) + ")");
  return w;
}
#else
// Eigen 3.4.0's tridiagonal QR can fail to converge with eigenvalues at zero; a shift into
// [‖A‖, 3‖A‖] leaves the eigenvectors unchanged (as spectrum.cpp does).
std::vector<double> eigen_solve(Eigen::MatrixXd& a, bool vectors) {
  const int mode = vectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(a, mode);
  double shift = 0;
  if (es.info() != Eigen::Success) {
    const double bound = a.cwiseAbs().rowwise().sum().maxCoeff();
    shift = bound > 0 ? 2 * bound : 1.0;
    a.diagonal().array() += shift;
    es.compute(a, mode);
  }
  if (es.info() != Eigen::Success)
    throw NumericalFailure("dense symmetric eigensolver did not converge (n = " +
                           std::to_string(a.rows()) + ")");
  std::vector<double> w(es.eigenvalues().data(), es.eigenvalues().data() + es.eigenvalues().size());
  for (double& x : w) x -= shift;
  if (vectors) a = es.eigenvectors();
  return w;
}
#endif

std::vector<double> cpu_solve(Eigen::MatrixXd& a, bool vectors) {
#ifdef TOPOSPEC_WITH_LAPACKE
  return lapack_solve(a, vectors);
#else
  return eigen_solve(a, vectors);
#endif
}

}  // namespace

std::vector<double> dense_symmetric_eigenvalues(Eigen::MatrixXd a, const SpectrumOptions& opts) {
  if (a.rows() == 0) return {};
  if (on_gpu(opts, a.rows())) return cuda_symmetric_eigenvalues(a);
  report_progress(opts.progress, "dense eigensolver", 0, 1);
  auto w = cpu_solve(a, false);
  report_progress(opts.progress, "dense eigensolver", 1, 1);
  return w;
}

std::pair<std::vector<double>, Eigen::MatrixXd> dense_symmetric_eigenpairs(
    Eigen::MatrixXd a, const SpectrumOptions& opts) {
  if (a.rows() == 0) return {{}, Eigen::MatrixXd(0, 0)};
  report_progress(opts.progress, "dense eigensolver", 0, 1);
  auto w = cpu_solve(a, true);
  report_progress(opts.progress, "dense eigensolver", 1, 1);
  return {std::move(w), std::move(a)};
}

}  // namespace topospec::detail

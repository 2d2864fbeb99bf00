// The projection step of persistent Laplacians on the GPU: R Π_{ker N} Rᵀ for each pair's
// blocks on its changing cells, through the eigen-decomposition of N Nᵀ (cuSOLVER has no
// column-pivoted QR, which the CPU path uses): Y = Nᵀ U₊ Λ₊^{-1/2} is an orthonormal basis of
// the row space of N, so R Π_{ker N} Rᵀ = R Rᵀ − (R Y)(R Y)ᵀ.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../src/device_projection.hpp"
#include "device_memory.cuh"
#include "topospec/topology/backend.hpp"

namespace topospec::detail {

std::vector<ProjectedBlock> cuda_kernel_projected_blocks(const std::vector<ProjectionInput>& pairs) {
  std::vector<ProjectedBlock> out(pairs.size());
  if (pairs.empty()) return out;
  if (cuda_device_count() == 0) throw DeviceUnavailable(cuda_device_description());
  cuda::SolverHandle solver;
  cuda::BlasHandle blas;
  // Buffers sized once for the largest pair: R (k × s), N (n × s), D = U (n × n), eigenvalues,
  // Y (s × n), R Y (k × n), the result (k × k), syevd's workspace.
  std::size_t k_max = 0, n_max = 0, s_max = 0;
  for (const auto& p : pairs) {
    if (p.r->cols() != p.n->cols()) throw InvalidInput("matrix", "R and N differ in columns");
    k_max = std::max<std::size_t>(k_max, p.r->rows());
    n_max = std::max<std::size_t>(n_max, p.n->rows());
    s_max = std::max<std::size_t>(s_max, p.r->cols());
  }
  int lwork = 1;
  if (n_max > 0) {
    const int n = static_cast<int>(n_max);
    cuda::check(cusolverDnDsyevd_bufferSize(solver.h, CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_LOWER,
                                            n, nullptr, n, nullptr, &lwork),
                "syevd_bufferSize");
    lwork = std::max(lwork, 1);
  }
  const std::size_t doubles = k_max * s_max + n_max * s_max + n_max * n_max + n_max + s_max * n_max +
                              k_max * n_max + k_max * k_max + std::size_t(lwork);
  cuda::ensure_fits(doubles * sizeof(double), "persistent Laplacian projection step");
  cuda::DeviceBuffer<double> d_r(k_max * s_max), d_n(n_max * s_max), d_u(n_max * n_max),
      d_w(std::max<std::size_t>(n_max, 1)), d_y(s_max * n_max), d_ry(k_max * n_max),
      d_out(k_max * k_max), d_work(static_cast<std::size_t>(lwork)), d_scale(std::max<std::size_t>(n_max, 1));
  cuda::DeviceBuffer<int> d_info(1);
  std::vector<double> w(n_max), scale(n_max);

  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const Eigen::MatrixXd& r = *pairs[i].r;
    const Eigen::MatrixXd& nm = *pairs[i].n;
    const int k = static_cast<int>(r.rows()), n = static_cast<int>(nm.rows()), s = static_cast<int>(r.cols());
    ProjectedBlock& res = out[i];
    res.block = Eigen::MatrixXd::Zero(k, k);
    res.kernel_dim = s;
    if (k == 0 || s == 0) continue;
    d_r.upload(r.data(), std::size_t(k) * s);
    const double one = 1.0, zero = 0.0, minus_one = -1.0;
    // R Rᵀ into the result's lower triangle.
    cuda::check(cublasDsyrk(blas.h, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, k, s, &one, d_r.get(), k,
                            &zero, d_out.get(), k),
                "syrk R Rᵀ");
    int rank = 0;
    if (n > 0) {
      d_n.upload(nm.data(), std::size_t(n) * s);
      cuda::check(cublasDsyrk(blas.h, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, n, s, &one, d_n.get(), n,
                              &zero, d_u.get(), n),
                  "syrk N Nᵀ");
      cuda::check(cusolverDnDsyevd(solver.h, CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_LOWER, n,
                                   d_u.get(), n, d_w.get(), d_work.get(), lwork, d_info.get()),
                  "syevd N Nᵀ");
      int info = 0;
      d_info.download(&info, 1);
      if (info != 0)
        throw NumericalFailure("cuSOLVER syevd did not converge on N Nᵀ (info " + std::to_string(info) + ")");
      d_w.download(w.data(), std::size_t(n));
      const double top = w[std::size_t(n) - 1];
      while (rank < n && w[std::size_t(n - 1 - rank)] > kDeviceRankThreshold * top) ++rank;
      const int first = n - rank;
      for (int j = 0; j < rank; ++j) scale[std::size_t(j)] = 1.0 / std::sqrt(w[std::size_t(first + j)]);
      if (rank > 0) {
        d_scale.upload(scale.data(), std::size_t(rank));
        // U₊ Λ₊^{-1/2} in place (the trailing rank columns of U), then Y = Nᵀ U₊ Λ₊^{-1/2}.
        double* u_plus = d_u.get() + std::size_t(first) * n;
        cuda::check(cublasDdgmm(blas.h, CUBLAS_SIDE_RIGHT, n, rank, u_plus, n, d_scale.get(), 1,
                                u_plus, n),
                    "dgmm");
        cuda::check(cublasDgemm(blas.h, CUBLAS_OP_T, CUBLAS_OP_N, s, rank, n, &one, d_n.get(), n,
                                u_plus, n, &zero, d_y.get(), s),
                    "gemm Nᵀ U");
        cuda::check(cublasDgemm(blas.h, CUBLAS_OP_N, CUBLAS_OP_N, k, rank, s, &one, d_r.get(), k,
                                d_y.get(), s, &zero, d_ry.get(), k),
                    "gemm R Y");
        cuda::check(cublasDsyrk(blas.h, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, k, rank, &minus_one,
                                d_ry.get(), k, &one, d_out.get(), k),
                    "syrk R Y");
      }
    }
    d_out.download(res.block.data(), std::size_t(k) * k);
    res.block.triangularView<Eigen::StrictlyUpper>() = res.block.transpose();
    res.kernel_dim = s - rank;
  }
  return out;
}

}  // namespace topospec::detail

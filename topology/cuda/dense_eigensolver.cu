// Dense symmetric eigenvalues on the GPU with cuSOLVER's divide-and-conquer syevd: the
// building block for the many small dense blocks of spectra and persistent Laplacians.
#include <cuda_runtime.h>
#include <cusolverDn.h>

#include <string>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess) throw NumericalFailure(std::string(what) + ": " + cudaGetErrorString(e));
}
void check(cusolverStatus_t s, const char* what) {
  if (s != CUSOLVER_STATUS_SUCCESS)
    throw NumericalFailure(std::string(what) + ": cuSOLVER status " + std::to_string(int(s)));
}

// Owns a device allocation (plain cudaMalloc, no managed memory).
template <typename T>
struct DeviceBuffer {
  T* ptr = nullptr;
  explicit DeviceBuffer(std::size_t n) { check(cudaMalloc(&ptr, n * sizeof(T)), "cudaMalloc"); }
  ~DeviceBuffer() { cudaFree(ptr); }
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
};

struct SolverHandle {
  cusolverDnHandle_t h = nullptr;
  SolverHandle() { check(cusolverDnCreate(&h), "cusolverDnCreate"); }
  ~SolverHandle() { cusolverDnDestroy(h); }
};

}  // namespace

std::vector<double> cuda_symmetric_eigenvalues(const Eigen::MatrixXd& a) {
  const int n = static_cast<int>(a.rows());
  if (a.rows() != a.cols()) throw InvalidInput("matrix", "not square");
  if (n == 0) return {};
  if (cuda_device_count() == 0) throw DeviceUnavailable(cuda_device_description());

  SolverHandle solver;
  int lwork = 0;
  check(cusolverDnDsyevd_bufferSize(solver.h, CUSOLVER_EIG_MODE_NOVECTOR, CUBLAS_FILL_MODE_LOWER,
                                    n, nullptr, n, nullptr, &lwork),
        "syevd_bufferSize");
  // Estimate before allocating: matrix + eigenvalues + workspace.
  const std::size_t need =
      sizeof(double) * (std::size_t(n) * n + n + std::size_t(lwork)) + sizeof(int);
  std::size_t free_bytes = 0, total_bytes = 0;
  check(cudaMemGetInfo(&free_bytes, &total_bytes), "cudaMemGetInfo");
  if (need > free_bytes * 9 / 10)
    throw ResourceLimit("dense eigensolve of order " + std::to_string(n) + " needs " +
                        std::to_string(need >> 20) + " MiB of device memory; " +
                        std::to_string(free_bytes >> 20) + " MiB free");

  DeviceBuffer<double> d_a(std::size_t(n) * n), d_w(n), d_work(std::max(lwork, 1));
  DeviceBuffer<int> d_info(1);
  check(cudaMemcpy(d_a.ptr, a.data(), sizeof(double) * n * n, cudaMemcpyHostToDevice), "copy A");
  check(cusolverDnDsyevd(solver.h, CUSOLVER_EIG_MODE_NOVECTOR, CUBLAS_FILL_MODE_LOWER, n, d_a.ptr,
                         n, d_w.ptr, d_work.ptr, lwork, d_info.ptr),
        "syevd");
  int info = 0;
  std::vector<double> w(n);
  check(cudaMemcpy(&info, d_info.ptr, sizeof(int), cudaMemcpyDeviceToHost), "copy info");
  check(cudaMemcpy(w.data(), d_w.ptr, sizeof(double) * n, cudaMemcpyDeviceToHost), "copy W");
  if (info != 0) throw NumericalFailure("cuSOLVER syevd did not converge (info " + std::to_string(info) + ")");
  return w;  // syevd returns eigenvalues in ascending order
}

}  // namespace topospec

// Private to topology/cuda: checked CUDA library calls, owning device buffers (plain
// cudaMalloc, never managed memory) and the device-memory estimate every path makes before it
// allocates. A failed call throws NumericalFailure naming the call; an allocation that would not
// fit throws ResourceLimit before anything is allocated.
#pragma once

#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <cusolverDn.h>
#include <cusparse.h>

#include <cstddef>
#include <string>

#include "topospec/topology/error.hpp"

namespace topospec::cuda {

inline void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess) throw NumericalFailure(std::string(what) + ": " + cudaGetErrorString(e));
}
inline void check(cusolverStatus_t s, const char* what) {
  if (s != CUSOLVER_STATUS_SUCCESS)
    throw NumericalFailure(std::string(what) + ": cuSOLVER status " + std::to_string(int(s)));
}
inline void check(cusparseStatus_t s, const char* what) {
  if (s != CUSPARSE_STATUS_SUCCESS)
    throw NumericalFailure(std::string(what) + ": " + cusparseGetErrorString(s));
}
inline void check(cublasStatus_t s, const char* what) {
  if (s != CUBLAS_STATUS_SUCCESS)
    throw NumericalFailure(std::string(what) + ": cuBLAS status " + std::to_string(int(s)));
}

// Fraction of the currently free device memory one operation may plan to use: the rest is
// left for the libraries' own scratch and for fragmentation.
inline constexpr double kUsableFraction = 0.9;

// Free device memory in bytes.
inline std::size_t free_device_bytes() {
  std::size_t free_bytes = 0, total_bytes = 0;
  check(cudaMemGetInfo(&free_bytes, &total_bytes), "cudaMemGetInfo");
  return free_bytes;
}

// Throws ResourceLimit when `bytes` would not fit in the usable part of free device memory.
inline void ensure_fits(std::size_t bytes, const std::string& what) {
  const std::size_t free_bytes = free_device_bytes();
  if (static_cast<double>(bytes) > kUsableFraction * static_cast<double>(free_bytes))
    throw ResourceLimit(what + " needs " + std::to_string(bytes >> 20) + " MiB of device memory; " +
                        std::to_string(free_bytes >> 20) + " MiB free");
}

// Owns n elements of device memory.
template <typename T>
class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  explicit DeviceBuffer(std::size_t n) : n_(n) {
    if (n > 0) check(cudaMalloc(reinterpret_cast<void**>(&ptr_), n * sizeof(T)), "cudaMalloc");
  }
  ~DeviceBuffer() {
    if (ptr_) cudaFree(ptr_);
  }
  DeviceBuffer(DeviceBuffer&& o) noexcept : ptr_(o.ptr_), n_(o.n_) { o.ptr_ = nullptr, o.n_ = 0; }
  DeviceBuffer& operator=(DeviceBuffer&& o) noexcept {
    if (this != &o) {
      if (ptr_) cudaFree(ptr_);
      ptr_ = o.ptr_, n_ = o.n_;
      o.ptr_ = nullptr, o.n_ = 0;
    }
    return *this;
  }
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;

  T* get() const { return ptr_; }
  std::size_t size() const { return n_; }
  void upload(const T* host, std::size_t n, std::size_t offset = 0) {
    if (n > 0) check(cudaMemcpy(ptr_ + offset, host, n * sizeof(T), cudaMemcpyHostToDevice), "upload");
  }
  void download(T* host, std::size_t n, std::size_t offset = 0) const {
    if (n > 0) check(cudaMemcpy(host, ptr_ + offset, n * sizeof(T), cudaMemcpyDeviceToHost), "download");
  }

 private:
  T* ptr_ = nullptr;
  std::size_t n_ = 0;
};

// RAII streams and library handles.
struct Stream {
  cudaStream_t s = nullptr;
  Stream() { check(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking), "cudaStreamCreate"); }
  ~Stream() { cudaStreamDestroy(s); }
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;
};
struct SolverHandle {
  cusolverDnHandle_t h = nullptr;
  SolverHandle() { check(cusolverDnCreate(&h), "cusolverDnCreate"); }
  ~SolverHandle() { cusolverDnDestroy(h); }
  SolverHandle(const SolverHandle&) = delete;
  SolverHandle& operator=(const SolverHandle&) = delete;
};
struct SparseHandle {
  cusparseHandle_t h = nullptr;
  SparseHandle() { check(cusparseCreate(&h), "cusparseCreate"); }
  ~SparseHandle() { cusparseDestroy(h); }
  SparseHandle(const SparseHandle&) = delete;
  SparseHandle& operator=(const SparseHandle&) = delete;
};
struct BlasHandle {
  cublasHandle_t h = nullptr;
  BlasHandle() { check(cublasCreate(&h), "cublasCreate"); }
  ~BlasHandle() { cublasDestroy(h); }
  BlasHandle(const BlasHandle&) = delete;
  BlasHandle& operator=(const BlasHandle&) = delete;
};

}  // namespace topospec::cuda

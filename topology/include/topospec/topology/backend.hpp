/// \file
/// \ingroup topology
/// Compute backends. `cpu` is always built and is the reference; `cuda` exists when the library
/// was compiled with TOPOSPEC_CUDA and a device is present at run time. `auto` picks CUDA where
/// it pays and otherwise falls back to the CPU, saying why.
#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

namespace topospec {

/// A requested or used compute backend.
enum class Backend { Auto /**< GPU where it pays */, Cpu /**< reference */, Cuda /**< GPU */ };

/// Parses "auto", "cpu", "cuda"; throws InvalidInput("backend", …) otherwise.
Backend parse_backend(std::string_view text);
/// The spelling parse_backend() accepts: "auto", "cpu" or "cuda".
std::string to_string(Backend backend);

/// Whether the CUDA backend was compiled into this library.
bool cuda_compiled();
/// Number of usable CUDA devices (0 when not compiled or none present; never throws).
int cuda_device_count();
/// "NVIDIA H100 80GB HBM3, 79 GiB" or why there is none.
std::string cuda_device_description();

/// The backend select_backend() settled on, and why it differs from the request.
struct BackendChoice {
  Backend used = Backend::Cpu;  ///< Cpu or Cuda, never Auto
  std::string message;  ///< non-empty when the request could not be honoured (the fallback reason)
};

/// Resolves a request against what is compiled and present. `auto` and `cuda` fall back to the
/// CPU with a message when CUDA is not compiled or there is no device.
BackendChoice select_backend(Backend requested);

/// Dense operators at or above this many rows go to the GPU under `auto` (measured; see
/// BENCHMARKS.md).
inline constexpr Eigen::Index kCudaDenseEigenThreshold = 1024;

/// All eigenvalues of a dense symmetric matrix on the GPU (cuSOLVER syevd), ascending.
/// Throws NotCompiled without CUDA, DeviceUnavailable without a device, ResourceLimit when the
/// matrix and workspace would not fit in free device memory (estimated before allocating).
std::vector<double> cuda_symmetric_eigenvalues(const Eigen::MatrixXd& a);

/// All eigenvalues of each dense symmetric matrix (lower triangles read) on the GPU, ascending,
/// in input order: the many small blocks of a persistent-Laplacian grid in few launches. Orders
/// ≤ 32 go through cuSOLVER's batched Jacobi solver (syevjBatched, one launch per order; a
/// block whose sweeps do not converge is redone by syevd), larger ones through syevd on a few
/// streams. Batches are split to fit free device memory; one matrix that does not fit throws
/// ResourceLimit. Throws NotCompiled without CUDA, DeviceUnavailable without a device (orders
/// 0 and 1 need neither).
std::vector<std::vector<double>> cuda_symmetric_eigenvalues_batched(
    const std::vector<Eigen::MatrixXd>& matrices);

}  // namespace topospec

// Private: the projection step of persistent Laplacians on the GPU (topology/cuda/
// kernel_projection.cu). Plain Eigen types, C++17, so nvcc can compile against it.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace topospec::detail {

// One pair's dense blocks on its changing cells (persistent_laplacian.cpp): R = R_{K,S}
// (k × s) and N = R_{N,S} (n × s).
struct ProjectionInput {
  const Eigen::MatrixXd* r = nullptr;
  const Eigen::MatrixXd* n = nullptr;
};

// R Π_{ker N} Rᵀ (k × k, both triangles filled) and dim ker N of one pair.
struct ProjectedBlock {
  Eigen::MatrixXd block;
  Eigen::Index kernel_dim = 0;
};

// Relative eigenvalue threshold for the rank of N Nᵀ: λ counts as nonzero above this times the
// largest. syevd's eigenvalues carry an absolute error of about ε‖N Nᵀ‖ (1e-16 relative), and
// boundary submatrices have small integer entries, whose nonzero singular values sit far above
// 1e-6 of the largest (λ = σ²: 1e-12).
inline constexpr double kDeviceRankThreshold = 1e-12;

// R Π_{ker N} Rᵀ for every pair, on the device, one after another on one stream:
// D = N Nᵀ (syrk), D = U Λ Uᵀ (syevd), Y = Nᵀ U₊ Λ₊^{-1/2} (an orthonormal basis of the row
// space of N, so Π_{ker N} = I − Y Yᵀ), then R Rᵀ − (R Y)(R Y)ᵀ (gemm, two syrk). Device memory
// is estimated for the largest pair before anything is allocated (ResourceLimit when it does
// not fit). Throws NotCompiled without CUDA, DeviceUnavailable without a device.
std::vector<ProjectedBlock> cuda_kernel_projected_blocks(const std::vector<ProjectionInput>& pairs);

}  // namespace topospec::detail

// Private to topology: the CUDA entry points for the k smallest eigenvalues of large sparse
// symmetric operators (cuda/sparse_eigensolver.cu), in plain types only, so that nvcc (C++17)
// never sees chain_complex.hpp. spectrum.cpp converts boundaries to CSR views and calls these
// only when a device exists; without CUDA compiled they throw NotCompiled
// (src/device_sparse_stubs.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "lanczos.hpp"

namespace topospec::device_sparse {

/// A CSR matrix on the host, borrowed (nothing is copied until the upload): row i has the
/// entries offsets[i] .. offsets[i+1]-1 of `indices` (column) and `values`.
struct CsrView {
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  const std::int64_t* offsets = nullptr;  ///< rows + 1 entries
  const std::int64_t* indices = nullptr;  ///< nnz entries
  const double* values = nullptr;         ///< nnz entries
  std::int64_t nnz() const { return rows > 0 ? offsets[rows] - offsets[0] : 0; }
};

/// The two boundaries of a Hodge Laplacian L_q = B_qᵀ B_q + B_{q+1} B_{q+1}ᵀ (n = dim C_q), each
/// also transposed explicitly: non-transposed SpMV is much faster than the transposed mode.
/// A boundary with no rows or columns (q = 0, or the top degree) may be empty (0 × 0).
struct HodgeBoundaries {
  CsrView down;     ///< B_q, dim C_{q-1} × n
  CsrView down_t;   ///< B_qᵀ, n × dim C_{q-1}
  CsrView up;       ///< B_{q+1}, n × dim C_{q+1}
  CsrView up_t;     ///< B_{q+1}ᵀ, dim C_{q+1} × n
};

/// The k smallest eigenvalues (ascending, k clamped to n) of L_q, matrix-free on the device:
/// L_q is never formed. `sigma` ≥ ‖L_q‖_2. Throws NotCompiled without CUDA, DeviceUnavailable
/// without a device, ResourceLimit when the boundaries, Krylov basis and workspace would not
/// fit in free device memory (estimated before allocating), NumericalFailure when Lanczos does
/// not converge or a CUDA library call fails.
std::vector<double> cuda_hodge_smallest_eigenvalues(const HodgeBoundaries& b, std::int64_t n,
                                                    std::size_t k, double sigma,
                                                    const lanczos::Options& opts,
                                                    lanczos::Stats* stats = nullptr);

/// The same for an assembled symmetric positive semidefinite CSR matrix `a` (n × n).
std::vector<double> cuda_csr_smallest_eigenvalues(const CsrView& a, std::size_t k, double sigma,
                                                  const lanczos::Options& opts,
                                                  lanczos::Stats* stats = nullptr);

/// Whether a CSR matrix fits 32-bit indices (half the index memory and faster SpMV).
inline bool fits_int32(const CsrView& a) {
  constexpr std::int64_t kMax = 2147483647;
  return a.rows < kMax && a.cols < kMax && a.nnz() < kMax;
}

/// Device bytes the uploaded CSR arrays take (32-bit indices where they fit).
inline std::size_t csr_device_bytes(const CsrView& a) {
  const std::size_t index = fits_int32(a) ? 4 : 8;
  const auto nnz = static_cast<std::size_t>(a.nnz());
  return index * (static_cast<std::size_t>(a.rows) + 1 + nnz) + sizeof(double) * nnz;
}

/// Vectors of length n that lanczos::SmallestEigenvalues holds at its peak for k values: the
/// basis (m + 1) and restart workspace (m) of a run, its k output vectors and their sorted copy
/// (or the k kept vectors during a rerun), with m = min(max(2k + 1, min_subspace), n).
inline std::size_t lanczos_vectors(std::size_t n, std::size_t k, const lanczos::Options& opts) {
  k = k < n ? k : n;
  std::size_t m = 2 * k + 1 > opts.min_subspace ? 2 * k + 1 : opts.min_subspace;
  m = m < n ? m : n;
  return 2 * m + 1 + 2 * k;
}

}  // namespace topospec::device_sparse

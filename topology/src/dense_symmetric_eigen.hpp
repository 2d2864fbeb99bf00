// Private: dense symmetric eigensolvers for the small leftover eigenproblems of persistent
// Laplacians (and whoever else holds a dense matrix already). The CPU path uses LAPACK's
// divide-and-conquer dsyevd through LAPACKE when the build found it (TOPOSPEC_WITH_LAPACKE),
// else Eigen's SelfAdjointEigenSolver; `opts.backend` may send eigenvalue-only problems to the
// GPU exactly as full_spectrum does. Sparse symmetric matrices (Gram matrices of boundaries of
// thin complexes) go through sparse_symmetric_eigenvalues, which exploits their block and band
// structure before falling back to the dense solve.
#pragma once

#include <Eigen/Core>
#include <functional>
#include <utility>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec::detail {

// All eigenvalues of the symmetric `a` (lower triangle read), ascending. Throws
// NumericalFailure when the solver does not converge.
std::vector<double> dense_symmetric_eigenvalues(Eigen::MatrixXd a, const SpectrumOptions& opts);

// Eigenvalues ascending and the matching orthonormal eigenvectors (columns).
std::pair<std::vector<double>, Eigen::MatrixXd> dense_symmetric_eigenpairs(
    Eigen::MatrixXd a, const SpectrumOptions& opts);

// All eigenvalues of the sparse symmetric `g` (lower triangle read), ascending. Each connected
// component of its sparsity graph is solved on its own (an isolated row contributes its diagonal
// entry); a component is reordered by reverse Cuthill–McKee and, when its bandwidth b is at most
// kBandFraction of its order m, reduced from band storage straight to tridiagonal form
// (LAPACK dsytrd_sb2st, O(m²b)) and finished by dsterf; otherwise it is solved densely as
// above. Needs LAPACKE and Boost.Graph at build time, else every component is solved densely.
// Sends the whole matrix to the GPU when `opts` would send its dense form there.
std::vector<double> sparse_symmetric_eigenvalues(const RealMatrix& g, const SpectrumOptions& opts);

// Whether sparse_symmetric_eigenvalues_batched takes the batched path: a usable device and a
// backend other than Cpu.
bool batch_on_gpu(const SpectrumOptions& opts);

// Eigenvalues of each sparse symmetric matrix (lower triangles read), ascending, in input
// order. When batch_on_gpu(opts), the connected components of all the matrices go to the device
// together (cuda_symmetric_eigenvalues_batched): a grid's many small blocks in few launches;
// under Auto only when their work Σm³ reaches that of one dense solve of
// kCudaDenseEigenThreshold rows (else they are solved densely here). Otherwise each matrix is
// solved by sparse_symmetric_eigenvalues.
std::vector<std::vector<double>> sparse_symmetric_eigenvalues_batched(const std::vector<RealMatrix>& gs,
                                                                      const SpectrumOptions& opts);

// Solves a list of dense symmetric blocks (lower triangles), eigenvalues ascending per block.
using DenseBatchSolver =
    std::function<std::vector<std::vector<double>>(const std::vector<Eigen::MatrixXd>&)>;

// The batched path with its block solver as a parameter (the device one in production, a host
// one in tests): splits every matrix into the connected components of its sparsity graph,
// solves all components with one call of `solve` (an isolated row contributes its diagonal
// entry), and reassembles each matrix's spectrum. Throws InvalidInput for a non-square matrix.
std::vector<std::vector<double>> component_spectra(const std::vector<RealMatrix>& gs,
                                                   const DenseBatchSolver& solve);

// Band path used when bandwidth ≤ kBandFraction · order (and order ≥ kBandMinOrder). Measured
// on the 1268–3078-row Gram matrices of the PETLS torus (one thread, OpenBLAS's AVX-512
// kernels), sb2st + dsterf against the dense two-stage solve: 0.53× time at b/m = 0.04, 0.75×
// at 0.06, 0.92× at 0.086, 1.12–1.17× at 0.11 (cost ∝ m²b against m³: parity near 0.1).
inline constexpr double kBandFraction = 0.1;
inline constexpr Eigen::Index kBandMinOrder = 64;

}  // namespace topospec::detail

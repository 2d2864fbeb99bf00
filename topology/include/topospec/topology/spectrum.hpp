/// \file
/// \ingroup topology
/// Eigenvalues of real symmetric sparse operators, and harmonic spaces.
///
/// For a symmetric A (n × n) the spectrum is the eigenvalues `λ_1 ≤ … ≤ λ_n` of `A v = λ v`;
/// the harmonic space of L_q is `ker L_q = ker B_q ∩ ker B_{q+1}ᵀ ≅ H_q(·; R)`, of dimension
/// β_q. Small operators (n ≤ dense_threshold) use a dense symmetric eigensolver; large ones use
/// Spectra (Lanczos with shift-invert near zero) for the k smallest eigenvalues.
/// The zero threshold is scale-aware: `|λ| ≤ atol + rtol·‖A‖` (‖A‖ bounded by the largest
/// absolute row sum, `‖A‖_∞ = max_i Σ_j |a_ij|`); it is reported with each result.
///
/// Shift-invert: `A − σI` is factorized once by a sparse Cholesky (fill-reducing AMD ordering)
/// at `σ = −shift·‖A‖ < 0`, which is positive definite for a positive semidefinite A
/// (Laplacians), so the eigenvalues nearest σ are the smallest ones. When the factorization
/// shows `A − σI` is not positive definite (an indefinite A such as a Dirac operator), σ moves
/// below −‖A‖, which is still correct, only slower. One Lanczos run can converge while missing
/// copies of a repeated eigenvalue (a Krylov space holds one direction per eigenspace); so every
/// result is checked by a rerun from a fresh start vector with all pairs found so far projected
/// out, repeated until nothing below the k-th value remains (harmonic_space: until no new null
/// vector appears). Returned values are Rayleigh quotients of the Ritz vectors, each of which
/// must pass a residual check `‖Av − λv‖ ≤ 10⁻⁶‖A‖`. When Lanczos fails (no convergence, failed
/// check) the routines fall back to the dense solver if it fits max_dense_bytes, else throw
/// NumericalFailure.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <optional>
#include <vector>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/inner_product.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

/// Solver choice, tolerances and budgets for the eigenvalue routines.
struct SpectrumOptions {
  std::size_t dense_threshold = 2000;  ///< n ≤ this: dense solver; above: Spectra (k smallest)
  double atol = 1e-10;  ///< absolute part of the zero threshold `atol + rtol·‖A‖`
  double rtol = 1e-10;  ///< relative part of the zero threshold `atol + rtol·‖A‖`
  /// Largest dense n×n matrix a dense solve may allocate (8n² bytes; the default is n = 20000).
  std::size_t max_dense_bytes = std::size_t{3'200'000'000};
  double shift = 1e-3;             ///< σ = −shift·‖A‖ for shift-invert
  double lanczos_tol = 1e-10;      ///< Spectra's relative convergence tolerance
  int lanczos_max_restarts = 1000;  ///< Spectra's iteration limit per Lanczos run
  /// Where dense full spectra run: `Cuda` always on the GPU, `Auto` on the GPU from
  /// kCudaDenseEigenThreshold rows when one is usable (backend.hpp), `Cpu` never.
  Backend backend = Backend::Cpu;
  Progress progress;  ///< progress and cancellation callback (may be empty)
};

/// The largest absolute column sum of `a`, `max_j Σ_i |a_ij|`: for a symmetric operator its
/// ‖a‖_∞, the bound on ‖a‖₂ that zero thresholds and tolerances scale with.
double abs_sum_norm(const RealMatrix& a);

/// Zero threshold for the operator `a` under `opts`: `atol + rtol·‖a‖_∞`.
double zero_threshold(const RealMatrix& a, const SpectrumOptions& opts = {});

/// All eigenvalues, ascending. Throws InvalidInput for a non-square operator, ResourceLimit
/// when n exceeds what a dense solve may use (the estimate is in the message),
/// NumericalFailure when the dense solver does not converge.
std::vector<double> full_spectrum(const RealMatrix& a, const SpectrumOptions& opts = {});

/// The k smallest eigenvalues, ascending (k is clamped to n). Dense when n ≤ dense_threshold
/// or k ≥ n/3 (where Krylov work approaches a dense solve) and it fits; Spectra otherwise.
/// Throws InvalidInput for a non-square operator, NumericalFailure when Lanczos fails and no
/// dense fallback fits, ResourceLimit when a required dense solve does not fit.
std::vector<double> smallest_eigenvalues(const RealMatrix& a, std::size_t k,
                                         const SpectrumOptions& opts = {});

/// The smallest eigenvalue above the zero threshold, given the (exact) nullity; 0 when there is
/// none. Computes the nullity + 1 smallest eigenvalues, i.e.\ returns `λ_{nullity+1}`.
double smallest_nonzero_eigenvalue(const RealMatrix& a, std::size_t nullity,
                                   const SpectrumOptions& opts = {});

/// Hodge Laplacians with at least this many rows go to the GPU under Backend::Auto (when a
/// device is usable). An estimate, not yet measured (benchmarks/gpu/sparse_laplacian_benchmark
/// will): from here the CPU's sparse Cholesky for shift-invert grows superlinearly on meshes of
/// dimension ≥ 3, while the device's start-up and uploads (about a second) stay small.
inline constexpr std::size_t kCudaSparseLaplacianThreshold = 200'000;

/// The k smallest eigenvalues of the Hodge Laplacian L_q of `c` (default inner product),
/// ascending; k is clamped to dim C_q, and q outside 0..top gives an empty result.
/// On the CPU L_q is assembled (hodge_laplacian) and smallest_eigenvalues() runs. On the GPU
/// (`backend == Cuda`, or `Auto` from kCudaSparseLaplacianThreshold rows, and a device present)
/// a thick-restart Lanczos with full reorthogonalization runs on σI − L_q with device-resident
/// vectors, applying `L_q x = B_qᵀ(B_q x) + B_{q+1}(B_{q+1}ᵀ x)` matrix-free, with
/// σ = ‖B_q‖₁‖B_q‖_∞ + ‖B_{q+1}‖₁‖B_{q+1}‖_∞ ≥ ‖L_q‖; each returned value is a Rayleigh quotient
/// whose residual is at most 10⁻⁸σ, and repeated eigenvalues (the kernel, of dimension β_q) come
/// with full multiplicity through the reruns described in the file comment. lanczos_tol and
/// lanczos_max_restarts apply to both. Throws NumericalFailure when Lanczos does not converge,
/// ResourceLimit when the device (or a dense CPU solve) would run out of memory.
std::vector<double> laplacian_smallest_eigenvalues(const ChainComplex& c, int q, std::size_t k,
                                                   const SpectrumOptions& opts = {});

/// Number of eigenvalues with `|λ| ≤ threshold`.
std::size_t numeric_nullity(const std::vector<double>& eigenvalues, double threshold);

/// An orthonormal basis of ker L_q, columns labelled by the cells of degree q. With an inner
/// product the coordinates are those of the W-orthonormal basis `e_i/√w_i` (where L_q is
/// symmetric); divide row i by √w_i for coefficients on the elementary chain e_i.
struct HarmonicSpace {
  int degree = 0;                ///< q
  std::vector<CellLabel> cells;  ///< label of each row of `basis`
  Eigen::MatrixXd basis;         ///< dim C_q × nullity, orthonormal columns
  std::size_t exact_betti = 0;   ///< β_q over Q from exact homology
  std::size_t numeric_nullity = 0;  ///< number of eigenvalues of L_q within the zero threshold
  double zero_threshold = 0;  ///< the threshold used, `atol + rtol·‖L_q‖_∞`
  /// Whether the numeric nullity equals the exact Betti number.
  bool agrees() const { return exact_betti == numeric_nullity; }
};

/// Harmonic space of L_q; the numeric nullity is compared with the exact rational Betti number
/// (a disagreement is reported through agrees(), never hidden). Empty for q outside 0..top.
/// Throws InvalidInput on bad weights, NumericalFailure or ResourceLimit as the eigenvalue
/// routines do.
HarmonicSpace harmonic_space(const ChainComplex& c, int q, const InnerProduct& ip = {},
                             const SpectrumOptions& opts = {});

}  // namespace topospec

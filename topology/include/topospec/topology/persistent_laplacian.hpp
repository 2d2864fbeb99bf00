/// \file
/// \ingroup topology
/// Persistent Laplacians, persistent Dirac operators and persistent harmonic spaces of a
/// filtered chain complex (Wang–Nguyen–Wei; Mémoli–Wan–Wang), for K_a ⊆ K_b (K_t = cells with
/// value ≤ t). With B_q^a = ∂_q of K_a and B^{a,b}_{q+1} the restriction of ∂_{q+1} to
///
///   `C^{a,b}_{q+1} = {c ∈ C_{q+1}(K_b) : ∂c ∈ C_q(K_a)}`,
///
/// the persistent Laplacian on C_q(K_a) is
///
///   `Δ_q^{a,b} = B^{a,b}_{q+1} (B^{a,b}_{q+1})ᵀ + (B_q^a)ᵀ B_q^a`
///
/// (for a = b it is L_q(K_a)). Let B = ∂_{q+1} of K_b restricted to the q-cells of K_b, R_K its
/// rows of q-cells in K_a and R_N its rows of q-cells that enter in (a, b]. The up term has two
/// equal forms:
///  * Schur: `A − Cᵀ D⁺ C` with `A = R_K R_Kᵀ`, `C = R_N R_Kᵀ`, `D = R_N R_Nᵀ`;
///  * projection: `R_K Π R_Kᵀ` with Π the orthogonal projector onto ker R_N.
///
/// Only the cells that change enter a factorisation; no matrix over all cells is formed.
/// Its nullity is the persistent Betti number
/// `β_q^{a,b} = dim ker Δ_q^{a,b} = rank(H_q(K_a) → H_q(K_b))` (checked against the barcode).
/// Persistent Dirac D_q^{a,b} acts on C_{q−1}(K_a) ⊕ C_q(K_a) ⊕ C^{a,b}_{q+1} with off-diagonal
/// blocks B_q^a and B^{a,b}_{q+1} (in an orthonormal basis of C^{a,b}_{q+1}):
///
///   `D_q^{a,b} = [[0, B_q^a, 0], [(B_q^a)ᵀ, 0, B^{a,b}_{q+1}], [0, (B^{a,b}_{q+1})ᵀ, 0]]`;
///
/// the middle block of its square is Δ_q^{a,b}, and its spectrum is ± the nonzero singular
/// values of B_q^a and B^{a,b}_{q+1}, zeros elsewhere.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <span>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {

/// One persistent operator to compute: degree q = dim on the pair K_a ⊆ K_b.
struct PersistentRequest {
  int dim = 0;  ///< the degree q (>= 0)
  double a = 0;  ///< filtration value of the smaller complex K_a
  double b = 0;  ///< filtration value of the larger complex K_b (a ≤ b)
  /// Same degree and values.
  bool operator==(const PersistentRequest&) const = default;
};

/// How the up term of Δ_q^{a,b} is formed (same operator either way).
enum class PersistentLaplacianForm { Schur /**< `A − Cᵀ D⁺ C` */, Projection /**< `R_K Π R_Kᵀ` */ };

/// Options of the batched persistent Laplacian and Dirac routines.
struct PersistentLaplacianOptions {
  /// Projection is the default: for spectra its factor R_{K,S}Z has dim ker R_{N,S} columns
  /// where the Schur factor R_{K,S}Π has |S|, so the smaller Gram matrix is never larger.
  /// Schur stays available (same operator, checked equal by the property tests).
  PersistentLaplacianForm form = PersistentLaplacianForm::Projection;
  /// Requests solved at once, each on its own thread (they are independent); 0 = one per core.
  /// With more than one, each BLAS call stays on its thread (SerialBlas, blas_kernels.hpp).
  /// With a GPU (spectrum.backend Cuda or Auto, and a device), these threads build the
  /// matrices of a round of requests and the device solves their eigenproblems in one batch.
  /// Results do not depend on it.
  unsigned threads = 0;
  SpectrumOptions spectrum;  ///< tolerances (zero threshold), dense budget, progress
};

/// Δ_q^{a,b} as a dense symmetric matrix over the q-cells of K_a (in the complex's order).
/// Throws InvalidInput("requests", …) when a > b or q < 0, Error when c is not filtered,
/// ResourceLimit when the dense matrix would exceed the default dense budget.
Eigen::MatrixXd persistent_laplacian(const ChainComplex& c, const PersistentRequest& r,
                                     PersistentLaplacianForm form = PersistentLaplacianForm::Schur);

/// The q-cells of K_a (indices into degree q of c), in the row order of persistent_laplacian.
/// Throws InvalidInput for q < 0 or a NaN a, Error when c is not filtered.
std::vector<std::size_t> persistent_cells(const ChainComplex& c, int q, double a);

/// D_q^{a,b} as a dense symmetric matrix (blocks in the order C_{q−1}(K_a), C_q(K_a),
/// C^{a,b}_{q+1}). Throws as persistent_laplacian.
Eigen::MatrixXd persistent_dirac(const ChainComplex& c, const PersistentRequest& r);

/// The spectrum of one persistent operator.
struct PersistentSpectrum {
  PersistentRequest request;  ///< the operator's (q, a, b)
  std::vector<double> eigenvalues;  ///< all eigenvalues, ascending
  /// `atol + rtol·N`, N a bound on ‖Δ_q^{a,b}‖ (Dirac spectra: `atol + rtol·√N`).
  double zero_threshold = 0;
  std::size_t numeric_nullity = 0;  ///< eigenvalues within the zero threshold (= β_q^{a,b})
  /// λ_min: the smallest eigenvalue above the zero threshold (the heat maps' quantity); 0 when
  /// every eigenvalue is zero.
  double smallest_nonzero() const {
    for (double l : eigenvalues)
      if (l > zero_threshold) return l;
    return 0;
  }
};

/// Full spectra of Δ_q^{a,b} for every request. Each request is computed on its own (no sweep
/// over a shared factorization), in parallel (options.threads); what requests share is cached
/// within one call: the boundary
/// matrices, and the Gram spectra of ∂_p on K_t, keyed by the p-cells present (the down term of
/// (q, a, ·); the up term of (q, ·, b) when no new q-cell has a coface in K_b). Spectra are the
/// union of the nonzero Gram spectra of the up and down terms, zero-padded; each Gram matrix is
/// split into connected components and solved in band form after reverse Cuthill–McKee when
/// its bandwidth is small, densely (LAPACK dsyevd) otherwise. On a GPU (spectrum.backend Cuda,
/// or Auto with a device) requests go in rounds of 16, largest first: the round's Gram
/// matrices are built on the CPU threads (the projection step of pairs with ≥ 128 changing
/// columns on the device), and all their connected components are solved in one batched
/// device call (cuda_symmetric_eigenvalues_batched) while the next round is prepared; under
/// Auto only a round whose eigenproblems add up to at least one dense solve of
/// kCudaDenseEigenThreshold rows goes to the device. Throws InvalidInput("requests", …) for a
/// bad request, Error when c is not filtered, ResourceLimit past the dense budget.
std::vector<PersistentSpectrum> persistent_laplacian_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts = {});

/// Full spectra of D_q^{a,b}: ± the square roots of the nonzero Gram eigenvalues, zero-padded
/// to dim C_{q−1}(K_a) + dim C_q(K_a) + dim C^{a,b}_{q+1}. Throws as
/// persistent_laplacian_spectra.
std::vector<PersistentSpectrum> persistent_dirac_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts = {});

/// The persistent harmonic space `ker Δ_q^{a,b} ≅ im(H_q(K_a) → H_q(K_b))` of one request.
struct PersistentHarmonicSpace {
  PersistentRequest request;  ///< the operator's (q, a, b)
  std::vector<CellLabel> cells;  ///< label of each row of `basis` (the q-cells of K_a)
  Eigen::MatrixXd basis;         ///< orthonormal columns spanning ker Δ_q^{a,b}
  double zero_threshold = 0;  ///< eigenvalues with `|λ|` at most this count as zero
};

/// Persistent harmonic spaces for every request, from a dense eigendecomposition of
/// Δ_q^{a,b} (formed as `opts.form` says), requests in parallel (opts.threads). Throws InvalidInput("requests", …) for a bad
/// request, Error when c is not filtered, ResourceLimit past the dense budget.
std::vector<PersistentHarmonicSpace> persistent_harmonic_spaces(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts = {});

}  // namespace topospec

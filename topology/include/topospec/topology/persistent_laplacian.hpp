// Persistent Laplacians, persistent Dirac operators and persistent harmonic spaces of a
// filtered chain complex (Wang–Nguyen–Wei; Mémoli–Wan–Wang), for K_a ⊆ K_b (K_t = cells with
// value ≤ t):
//   C^{a,b}_{q+1} = {c ∈ C_{q+1}(K_b) : ∂c ∈ C_q(K_a)},
//   Δ_q^{a,b} = ∂^{a,b}_{q+1}(∂^{a,b}_{q+1})ᵀ + (∂_q^a)ᵀ∂_q^a        on C_q(K_a).
// Let B = ∂_{q+1} of K_b restricted to the q-cells of K_b, R_K its rows of q-cells in K_a and
// R_N its rows of q-cells that enter in (a, b]. The up term has two equal forms:
//   Schur:      A − CᵀD⁺C with A = R_K R_Kᵀ, C = R_N R_Kᵀ, D = R_N R_Nᵀ;
//   projection: R_K Π R_Kᵀ with Π the orthogonal projector onto ker R_N.
// Only the cells that change enter a factorisation; no matrix over all cells is formed.
// Its nullity is the persistent Betti number β_q^{a,b} (checked against the barcode).
// Persistent Dirac D_q^{a,b} acts on C_{q−1}(K_a) ⊕ C_q(K_a) ⊕ C^{a,b}_{q+1} with off-diagonal
// blocks ∂_q^a and ∂^{a,b}_{q+1} (in an orthonormal basis of C^{a,b}_{q+1}); the middle block of
// its square is Δ_q^{a,b}.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <span>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {

struct PersistentRequest {
  int dim = 0;
  double a = 0;
  double b = 0;
  bool operator==(const PersistentRequest&) const = default;
};

enum class PersistentLaplacianForm { Schur, Projection };

struct PersistentLaplacianOptions {
  // Projection is the default: for spectra its factor R_{K,S}Z has dim ker R_{N,S} columns
  // where the Schur factor R_{K,S}Π has |S|, so the smaller Gram matrix is never larger.
  // Schur stays available (same operator, checked equal by the property tests).
  PersistentLaplacianForm form = PersistentLaplacianForm::Projection;
  SpectrumOptions spectrum;
};

// Δ_q^{a,b} as a dense symmetric matrix over the q-cells of K_a (in the complex's order).
// Throws InvalidInput("requests", …) when a > b or q < 0, Error when c is not filtered.
Eigen::MatrixXd persistent_laplacian(const ChainComplex& c, const PersistentRequest& r,
                                     PersistentLaplacianForm form = PersistentLaplacianForm::Schur);

// The q-cells of K_a (indices into degree q of c), in the row order of persistent_laplacian.
std::vector<std::size_t> persistent_cells(const ChainComplex& c, int q, double a);

// D_q^{a,b} as a dense symmetric matrix (blocks in the order C_{q−1}(K_a), C_q(K_a),
// C^{a,b}_{q+1}).
Eigen::MatrixXd persistent_dirac(const ChainComplex& c, const PersistentRequest& r);

struct PersistentSpectrum {
  PersistentRequest request;
  std::vector<double> eigenvalues;  // all eigenvalues, ascending
  double zero_threshold = 0;
  std::size_t numeric_nullity = 0;
};

// Full spectra of Δ_q^{a,b} for every request. Each request is computed on its own (no sweep
// over a shared factorization); what requests share is cached within one call: the boundary
// matrices, and the Gram spectra of ∂_p on K_t, keyed by the p-cells present (the down term of
// (q, a, ·); the up term of (q, ·, b) when no new q-cell has a coface in K_b). Spectra are the
// union of the nonzero Gram spectra of the up and down terms, zero-padded; each Gram matrix is
// split into connected components and solved in band form after reverse Cuthill–McKee when
// its bandwidth is small, densely (LAPACK dsyevd) otherwise.
std::vector<PersistentSpectrum> persistent_laplacian_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts = {});

// Full spectra of D_q^{a,b}.
std::vector<PersistentSpectrum> persistent_dirac_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts = {});

struct PersistentHarmonicSpace {
  PersistentRequest request;
  std::vector<CellLabel> cells;  // label of each row of `basis` (the q-cells of K_a)
  Eigen::MatrixXd basis;         // orthonormal columns spanning ker Δ_q^{a,b}
  double zero_threshold = 0;
};

std::vector<PersistentHarmonicSpace> persistent_harmonic_spaces(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts = {});

}  // namespace topospec

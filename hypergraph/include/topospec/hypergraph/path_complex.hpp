/// \file
/// \ingroup hypergraph
/// GLMY path complexes of a digraph (Grigor'yan–Lin–Muranov–Yau, arXiv:1207.2834).
///
/// Allowed paths A_p (sequences i_0 … i_p with every i_k → i_{k+1} an arc; vertices may
/// repeat), the path boundary `∂e_{i0…ip} = Σ_k (−1)^k e_{i0…îk…ip}`, and the ∂-invariant paths
/// `Ω_p = {x ∈ A_p : ∂x ∈ A_{p−1}}` — built as the infimum complex of the allowed paths
/// (infimum_complex.hpp), so homology (Z/p, Q, Z with torsion), path Laplacians and Dirac
/// operators in an orthonormal basis of Ω, persistence (PPH) and persistent path Laplacians are
/// the library's algorithms on it.
///
/// Theories: regular (GLMY's preferred one): a face with two equal consecutive vertices is 0;
/// non-regular: such a face is a term that is never allowed, so it constrains Ω.
/// Filtration (weighted digraphs, Chowdhury–Mémoli PPH): a path is allowed from the largest
/// entry value of its arcs (its vertex for p = 0); x enters Ω at the first t where it and ∂x
/// are allowed in G_t — so `Ω_p(G_a) ⊆ Ω_p(G_b)` for a ≤ b, as the persistent quantities need.
#pragma once

#include <cstddef>
#include <vector>

#include "topospec/hypergraph/digraph.hpp"
#include "topospec/hypergraph/infimum_complex.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

/// Which path boundary: how a face with two equal consecutive vertices (from deleting the
/// middle of a ⇄ b ⇄ a, say) is treated.
enum class PathTheory { Regular, NonRegular };
/// \var topospec::PathTheory::Regular
/// GLMY's preferred theory: a face with two equal consecutive vertices is 0.
/// \var topospec::PathTheory::NonRegular
/// Such a face is a term that is never allowed, so it constrains Ω.

/// Options of allowed_paths(), path_complex() and (theory) path_betti_by_ranks().
struct PathComplexOptions {
  /// Regular or non-regular boundary.
  PathTheory theory = PathTheory::Regular;
  /// Ω_0 … Ω_top are built (computing β_q needs Ω_{q+1}: top = max_dim + 1).
  int top = 3;
  /// Allowed paths counted before they are enumerated; more is a ResourceLimit with the count.
  std::size_t max_paths = std::size_t{1} << 27;
  /// 0: Ω over Z (Q and Z coefficients, real quantities); a prime p: Ω(F_p) for Z/p homology
  /// and barcodes (InfimumOptions::modulus).
  std::uint32_t modulus = 0;
  /// Progress reports; may cancel (the computation then throws Error).
  Progress progress;
};

/// |A_0| … |A_top| by walk counting (exact, saturating at SIZE_MAX), without enumerating.
std::vector<std::size_t> allowed_path_counts(const Digraph& g, int top);

/// The allowed paths of degree p and their ambient boundaries, as infimum_complex reads them.
/// Labels: the vertex ids of the path, in order.
struct AllowedPaths {
  std::vector<InfimumDegree> degrees;  ///< 0 … top
  CellLabeler labels;                  ///< label(p, i): the i-th allowed p-path
};
/// The allowed paths A_0 … A_top of g with their boundaries in the chosen theory. Throws
/// InvalidInput for top < 0, ResourceLimit when more than options.max_paths paths would be
/// enumerated.
AllowedPaths allowed_paths(const Digraph& g, const PathComplexOptions& options = {});

/// Ω as a (filtered, when g is weighted) chain complex; cell labels are paths (the path at which
/// each basis vector enters), harmonic vectors come out on allowed paths. Throws as
/// allowed_paths() and infimum_complex().
InfimumComplex path_complex(const Digraph& g, const PathComplexOptions& options = {});

/// Path Betti numbers β_0 … β_max_dim by ranks alone (supremum_betti of the allowed paths): an
/// independent check of path_complex that needs no Ω basis. Throws as allowed_paths() (with
/// the default max_paths).
std::vector<std::size_t> path_betti_by_ranks(const Digraph& g, int max_dim, PathTheory theory,
                                             Coefficients coefficients = Coefficients::rationals());

}  // namespace topospec

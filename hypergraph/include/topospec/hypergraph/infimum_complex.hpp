/// \file
/// \ingroup hypergraph
/// The infimum chain complex of graded subspaces spanned by elementary cells of an ambient
/// complex — the one construction behind GLMY path complexes and hypergraph embedded homology
/// (Bressan–Li–Ren–Wu; Grigor'yan–Lin–Muranov–Yau). Given, per degree q, generators G_q (some
/// ambient q-cells, each with an entry value) and the ambient boundary of each generator,
/// `Inf_q(t) = {x ∈ span G_q(t) : ∂x ∈ span G_{q−1}(t)}`, with `G(t)` = the generators with
/// value ≤ t. For a digraph the generators are the allowed paths and Inf = Ω; for a hypergraph
/// they are the hyperedges. Inf_q(t) grows with t, and `Inf_q(t) ⊄ Inf_q(∞) ∩ span G_q(t)` in
/// general: a generator whose boundary leaves span G_{q−1}(t) enters only when that boundary is
/// allowed. The supremum complex `Sup_q = span G_q + ∂ span G_{q+1}` has the same homology
/// (supremum_betti()).
///
/// The result is a ChainComplex (topology/chain_complex.hpp) that every algorithm of the library
/// runs on unchanged:
///  * exact form: a Z-basis of the lattice `Inf_q ∩ Z^{G_q}`, adapted to the filtration (the
///    basis vectors of value ≤ t are a Z-basis of `Inf_q(t) ∩ Z^{G_q}`), and ∂ in those
///    coordinates, an integer matrix — so Betti numbers over Z/p, Q and Z (torsion) and barcodes
///    are exact;
///  * real form: an orthonormal basis of Inf_q (elementary cells orthonormal, CASES.md), adapted
///    to the filtration likewise (Gram–Schmidt in filtration order), and ∂ in it — so Laplacians,
///    Dirac operators, persistent Laplacians and their spectra do not depend on the basis;
///  * the embedding of the orthonormal basis in the generators, so harmonic vectors are reported
///    on elementary cells (paths, hyperedges).
///
/// Computation: the constraint rows only couple generators that share a row, so the generators
/// split into independent blocks (the connected components of generators and constraint rows;
/// for paths these refine the endpoint-pair blocks); each block is one small exact integer
/// reduction. A generator without constraint rows is its own basis vector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

/// The generators of one degree q of an infimum complex and their ambient boundaries.
struct InfimumDegree {
  /// Number of generators of this degree (ambient q-cells spanning D_q).
  std::size_t generators = 0;
  /// Entry value of each generator; empty means all 0 (unfiltered).
  std::vector<double> values;
  /// Ambient boundary of each generator (columns: generators). Rows 0 … G_{q−1}−1 are the
  /// generators of degree q−1 in their order; rows from G_{q−1} on are ambient (q−1)-cells that
  /// are never generators. Empty (0 × G_0) for q = 0.
  IntegerMatrix boundary;
};

/// Options of infimum_complex().
struct InfimumOptions {
  /// 0: over Z — a Z-basis of the lattice, with the real form and the embedding (for Q and Z
  /// coefficients and every real quantity). A prime p: the F_p-subspaces Inf_q(F_p) and ∂ over
  /// F_p (entries in [0, p)), for homology and barcodes over Z/p. Inf_q(F_p) can be larger than
  /// the reduction of the lattice mod p (the 10 triangles of RP² without edges: their sum is a
  /// cycle mod 2 only), so Z/p answers need this form. It has no real form and no embedding.
  std::uint32_t modulus = 0;
  Progress progress;  ///< stage "Inf_q blocks", done/total blocks
};

/// An infimum complex: Inf as a ChainComplex, with its exact basis and block statistics.
struct InfimumComplex {
  /// Filtered (values from the generators) when any degree has values, else unfiltered. Cell i
  /// of degree q is basis vector i; its label is the label of the generator at which the vector
  /// enters (its last generator in filtration order); its value is its entry value.
  ChainComplex chains;
  /// Per degree: G_q × dim Inf_q, the exact basis vectors in generator coordinates.
  std::vector<IntegerMatrix> integer_basis;
  /// Per degree: number of independent blocks.
  std::vector<std::size_t> blocks;
  /// Per degree: the size (generators) of the largest block.
  std::vector<std::size_t> largest_block;
};

/// Builds Inf (over Z or Z/p, see InfimumOptions::modulus). degrees[q] describes degree q
/// (q = 0 … top); generator_labels labels the generators. Throws InvalidInput for inconsistent
/// shapes, NumericalFailure when an exact basis coefficient would overflow 64 bits.
InfimumComplex infimum_complex(const std::vector<InfimumDegree>& degrees,
                               CellLabeler generator_labels, const InfimumOptions& options = {});

/// Betti numbers of the same homology computed by ranks alone, in the ambient space, without any
/// basis of Inf (the supremum complex `Sup_q = D_q + ∂D_{q+1}` has the homology of Inf):
/// `β_q = |G_q| + rk(∂G_{q+1} on the non-generator rows) − rk ∂G_q − rk ∂G_{q+1}`,
/// over Z/p (p prime) or Q (the 31-bit prime, as homology.hpp). degrees must reach max_dim + 1
/// (missing degrees are empty). Unfiltered: every generator counts. An independent cross-check
/// of infimum_complex.
std::vector<std::size_t> supremum_betti(const std::vector<InfimumDegree>& degrees, int max_dim,
                                        Coefficients coefficients = Coefficients::rationals());

}  // namespace topospec

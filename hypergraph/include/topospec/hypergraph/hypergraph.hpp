/// \file
/// \ingroup hypergraph
/// Hypergraphs and their embedded homology (Bressan–Li–Ren–Wu, Asian J.\ Math.\ 2019): a hyperedge
/// is a non-empty vertex set; D_q = span of the hyperedges with q + 1 vertices inside the chains
/// of the closure ΔH (the smallest simplicial complex containing H, sorted orientation); the
/// infimum complex Inf_q = D_q ∩ ∂⁻¹ D_{q−1} (infimum_complex.hpp) carries the embedded
/// homology, its Laplacians (inner product of the closure, elementary simplices orthonormal) and,
/// for filtered hypergraphs (a hyperedge is present from its value on), persistence and
/// persistent Laplacians.
///
/// With G_q the hyperedges with q + 1 vertices and ∂ the simplicial boundary of ΔH:
///  - `Inf_q = {x ∈ span G_q : ∂x ∈ span G_{q−1}}` (embedded_complex());
///  - `Sup_q = span G_q + ∂ span G_{q+1}` (embedded_betti_by_ranks());
///
/// both are subcomplexes of C(ΔH) with the same homology, the embedded homology of H.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "topospec/hypergraph/infimum_complex.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {

/// One hyperedge as the user gives it.
struct Hyperedge {
  Simplex vertices;              ///< user ids, any order, no repeats
  std::optional<double> value;  ///< absent: 0
};

/// CASES.md option `vertices`: "listed" (a vertex is a 0-cell only when its singleton is a
/// hyperedge) or "all" (every vertex of `vertices` and of some hyperedge becomes a 0-hyperedge,
/// entering at the smallest value of a hyperedge containing it, or 0 when only listed).
enum class VertexConvention { Listed, All };
/// \var topospec::VertexConvention::Listed
/// "listed": a vertex is a 0-cell only when its singleton is a hyperedge.
/// \var topospec::VertexConvention::All
/// "all": every vertex (listed or in a hyperedge) is a 0-hyperedge.

/// A finite hypergraph, possibly filtered: its distinct hyperedges, sorted, grouped by size,
/// each with its entry value. Immutable once built.
class Hypergraph {
 public:
  Hypergraph() = default;
  /// Builds a hypergraph from hyperedges as listed.
  ///
  /// Errors are InvalidInput relative to the input object: "/hyperedges/3" (empty, repeated
  /// vertex, NaN value), "/hyperedges/3/1" (an id out of range). A hyperedge listed twice keeps
  /// its smallest value (a warning when given). `vertices`: extra vertex ids (for "all").
  static Hypergraph from_hyperedges(std::span<const Hyperedge> hyperedges,
                                    std::vector<VertexId> vertices = {},
                                    VertexConvention convention = VertexConvention::Listed,
                                    std::vector<std::string>* warnings = nullptr);

  /// Distinct hyperedges, each sorted, grouped by size: edges(q) are those with q + 1 vertices,
  /// in lexicographic order, and values(q) their values. top_degree() is the largest such q
  /// (−1 for an empty hypergraph).
  int top_degree() const { return static_cast<int>(edges_.size()) - 1; }
  /// The distinct hyperedges with q + 1 vertices, each sorted, in lexicographic order (empty
  /// for q outside 0 … top_degree()).
  const std::vector<Simplex>& edges(int q) const;
  /// The entry values of edges(q), in the same order.
  const std::vector<double>& values(int q) const;
  /// True when some hyperedge has a value (the hypergraph is a filtration).
  bool filtered() const { return filtered_; }
  std::size_t size() const;  ///< number of distinct hyperedges
  /// The extra vertex ids it was built with (the `vertices` of from_hyperedges, the "nodes" of a
  /// HIF file), sorted and distinct, kept whatever the convention, so that a hypergraph read
  /// with VertexConvention::Listed can be rebuilt with VertexConvention::All.
  const std::vector<VertexId>& extra_vertices() const { return extra_vertices_; }

 private:
  std::vector<std::vector<Simplex>> edges_;
  std::vector<std::vector<double>> values_;
  std::vector<VertexId> extra_vertices_;
  bool filtered_ = false;
};

/// Reads a hypergraph from HyperNetX-style JSON.
///
/// HyperNetX-style JSON: an object `{edge name: [vertex, …]}` (or a list of vertex lists), or
/// HyperNetX's HIF export (`hnx.to_hif`: "incidences" `[{"edge", "node"}, …]` grouped by edge in
/// order of first appearance; "nodes" are extra vertices for VertexConvention::All). Vertex
/// names that are all non-negative integers (JSON integers or canonical decimal strings) are the
/// ids; otherwise ids 0 … n−1 in order of first appearance (a warning says so). Errors are
/// InvalidInput with where = "file: /json/pointer".
Hypergraph read_hypernetx_json(const std::filesystem::path& path,
                               VertexConvention convention = VertexConvention::Listed,
                               std::vector<std::string>* warnings = nullptr);

/// The hyperedges of degree q and their boundaries in the closure, as infimum_complex reads them
/// (degrees 0 … top; rows beyond the generators are the closure faces that are not hyperedges).
/// Labels: the hyperedge's sorted vertex ids.
struct HypergraphGenerators {
  /// Degrees 0 … top.
  std::vector<InfimumDegree> degrees;
  /// label(q, i): the i-th hyperedge of degree q.
  CellLabeler labels;
};
/// The generators of the infimum complex of h up to degree top (see HypergraphGenerators).
HypergraphGenerators hypergraph_generators(const Hypergraph& h, int top);

/// Inf as a chain complex, degrees 0 … top (default: the top degree of h). options.modulus = p
/// gives Inf over F_p, which Z/p homology needs (infimum_complex.hpp). Throws as
/// infimum_complex().
InfimumComplex embedded_complex(const Hypergraph& h, int top = -1,
                                const InfimumOptions& options = {});

/// Embedded Betti numbers β_0 … β_max_dim by ranks alone (the supremum complex), a cross-check;
/// max_dim < 0 means the top degree of h. Over Z/p this is the homology of Inf over F_p (that of
/// embedded_complex with modulus p), which can differ from the Z/p homology of the lattice
/// complex (modulus 0) when the closure faces that are not hyperedges carry p-torsion (the
/// triangles of RP² alone: β_2 = 1 over Z/2, 0 from the lattice).
std::vector<std::size_t> embedded_betti_by_ranks(
    const Hypergraph& h, int max_dim, Coefficients coefficients = Coefficients::rationals());

}  // namespace topospec

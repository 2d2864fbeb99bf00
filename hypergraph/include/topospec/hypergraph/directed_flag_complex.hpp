/// \file
/// \ingroup hypergraph
/// Directed flag complexes (flagser's complexes; Lütgehetmann–Govc–Smith–Levi). A q-simplex is a
/// sequence (v_0, …, v_q) of distinct vertices with v_i → v_j an arc for every i < j, with the
/// alternating face sum (deleting v_i) `∂(v_0, …, v_q) = Σ_i (−1)^i (v_0, …, v̂_i, …, v_q)`.
/// a ⇄ b gives two 1-simplices. The filtration of a weighted digraph: a simplex enters at the
/// largest entry value of its arcs (its vertex for q = 0).
#pragma once

#include <cstddef>
#include <vector>

#include "topospec/hypergraph/digraph.hpp"
#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

/// Options of directed_flag_complex().
struct DirectedFlagOptions {
  int top = 3;  ///< simplices of dimension 0 … top are built (β_q needs top ≥ q + 1)
  /// Simplices counted before they are stored; more is a ResourceLimit with the count.
  std::size_t max_simplices = std::size_t{1} << 27;
  /// Progress reports; may cancel (the computation then throws Error).
  Progress progress;
};

/// Simplex counts per dimension 0 … top, without storing the simplices. Throws InvalidInput
/// for top < 0.
std::vector<std::size_t> directed_flag_counts(const Digraph& g, int top);

/// The chain complex (filtered when g is weighted; values per simplex), labels = the vertex ids
/// of the simplex in its directed order. Throws InvalidInput for top < 0, ResourceLimit when
/// more than options.max_simplices simplices would be built.
ChainComplex directed_flag_complex(const Digraph& g, const DirectedFlagOptions& options = {});

}  // namespace topospec

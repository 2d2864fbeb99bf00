/// \file
/// \ingroup hypergraph
/// A finite digraph without loops, as the path-homology and directed-flag builders read it:
/// vertices with the user's ids, arcs with optional weights, optional vertex values. Weights make
/// a filtration (CASES.md `digraph`): a vertex enters at its value (0 if absent), an arc at the
/// largest of its weight and its endpoints' values; of parallel arcs the smallest weight counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {

/// One arc tail → head, as the user gives it (user vertex ids).
struct Arc {
  /// Source vertex id.
  VertexId tail = 0;
  /// Target vertex id.
  VertexId head = 0;
  std::optional<double> weight;  ///< absent: 0
};

/// A finite loop-free digraph in dense form (vertex indices 0 … n−1 in increasing id order,
/// out-neighbours in CSR), with the entry value of every vertex and arc. Immutable once built.
class Digraph {
 public:
  Digraph() = default;
  /// Builds a digraph on the given vertex ids.
  ///
  /// Vertices: the ids (any order, no repeats); every arc endpoint must be one of them.
  /// vertex_values: empty, or one per entry of `vertices`. Errors are InvalidInput with a place
  /// relative to the input object: "/vertices/2" (repeated id), "/arcs/3" (a self-loop, an
  /// unknown vertex, a NaN weight), "/vertex_values/1" (NaN), "/vertex_values" (wrong length).
  /// Parallel arcs are merged (smallest weight), each merge noted in `warnings` when given.
  static Digraph from_arcs(std::vector<VertexId> vertices, std::span<const Arc> arcs,
                           std::vector<double> vertex_values = {},
                           std::vector<std::string>* warnings = nullptr);
  /// \overload
  /// Vertices 0 … n−1.
  static Digraph from_arcs(std::size_t n, std::span<const Arc> arcs,
                           std::vector<double> vertex_values = {},
                           std::vector<std::string>* warnings = nullptr);

  /// Number of vertices n.
  std::size_t vertex_count() const { return ids_.size(); }
  /// Number of distinct arcs (parallel arcs merged).
  std::size_t arc_count() const { return arc_count_; }
  /// Dense index i ↔ user id. Indices follow increasing id.
  const std::vector<VertexId>& vertex_ids() const { return ids_; }
  /// The dense index of user id `id`, or nullopt when it is no vertex.
  std::optional<std::size_t> vertex_index(VertexId id) const;

  /// Heads of the arcs leaving i, increasing indices, and the arcs' entry values (same order).
  std::span<const std::uint32_t> out_neighbours(std::size_t i) const;
  /// Entry values of the arcs leaving i, in the order of out_neighbours(i).
  std::span<const double> out_values(std::size_t i) const;
  /// Whether there is an arc i → j (dense indices).
  bool has_arc(std::size_t i, std::size_t j) const;
  /// Entry value of arc i → j (max of weight and endpoint values); +inf when there is no arc.
  double arc_value(std::size_t i, std::size_t j) const;
  /// Entry value of vertex i: its value, 0 when the digraph has no vertex values.
  double vertex_value(std::size_t i) const { return vertex_values_.empty() ? 0.0 : vertex_values_[i]; }
  /// True when some arc has a weight or some vertex a value (the digraph is a filtration).
  bool weighted() const { return weighted_; }
  /// One arc in dense indices with its entry value.
  struct DenseArc {
    /// Dense index of the tail.
    std::uint32_t tail, head;
    /// Entry value (max of weight and endpoint values).
    double value;
    /// \var head
    /// Dense index of the head.
  };
  /// All (tail, head, entry value) in dense indices, ordered by tail then head.
  std::vector<DenseArc> arcs() const;

 private:
  std::vector<VertexId> ids_;
  std::vector<double> vertex_values_;
  std::vector<std::size_t> offsets_;  // CSR of out-neighbours
  std::vector<std::uint32_t> heads_;
  std::vector<double> arc_values_;
  std::size_t arc_count_ = 0;
  bool weighted_ = false;
};

}  // namespace topospec

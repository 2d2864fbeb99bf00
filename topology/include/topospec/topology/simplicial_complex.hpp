/// \file
/// \ingroup topology
/// A finite abstract simplicial complex, stored dimension by dimension.
///
/// Vertex ids are the user's (integers >= 0); internally vertices are dense indices 0..n-1
/// assigned in increasing id order, so "sorted by index" and "sorted by id" agree and the
/// orientation convention of CASES.md (vertices increasing) holds for internal simplices too.
/// The q-simplices are kept in lexicographic order of their vertex indices; simplex (q, i) is
/// the i-th of them. Lookup simplex -> index is an open-addressing hash table per dimension,
/// so faces and cofaces are found without scanning.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace topospec {

/// A vertex as the user names it (an integer >= 0).
using VertexId = std::int64_t;
using Simplex = std::vector<VertexId>;  ///< a simplex as its vertices' user ids

/// Default cap on the number of simplices a closure may produce (before allocating them).
inline constexpr std::size_t kDefaultMaxSimplices = std::size_t{1} << 31;

/// A finite abstract simplicial complex: simplex (q, i) is the i-th q-simplex in lexicographic
/// order of its increasing vertex indices (see the file comment).
class SimplicialComplex {
 public:
  /// The empty complex (dimension -1).
  SimplicialComplex() = default;

  /// The closure of `simplices` (every face of every listed simplex). Vertices may be listed in
  /// any order. Throws InvalidInput (naming the simplex by position) for an empty simplex, a
  /// negative id or a repeated vertex, and ResourceLimit when the closure would exceed
  /// `max_simplices` (the estimate is in the message).
  static SimplicialComplex from_simplices(std::span<const Simplex> simplices,
                                          std::size_t max_simplices = kDefaultMaxSimplices);
  /// \overload
  /// For brace lists, e.g.\ `from_simplices({{0, 1, 2}, {2, 3}})`; the default size cap.
  static SimplicialComplex from_simplices(std::initializer_list<Simplex> simplices) {
    return from_simplices(std::span<const Simplex>(simplices.begin(), simplices.size()));
  }

  /// Top dimension; -1 for the empty complex.
  int dimension() const { return static_cast<int>(cells_.size()) - 1; }
  /// Number of q-simplices (0 outside 0..dimension()).
  std::size_t size(int q) const;
  /// Number of simplices of all dimensions.
  std::size_t total_size() const;
  /// (f_0, …, f_dim): f_q = size(q).
  std::vector<std::size_t> f_vector() const;
  /// Number of vertices.
  std::size_t num_vertices() const { return vertex_ids_.size(); }

  /// User id of each vertex index, increasing.
  const std::vector<VertexId>& vertex_ids() const { return vertex_ids_; }
  /// Vertex index of a user id, if the vertex is present.
  std::optional<std::int32_t> vertex_index(VertexId id) const;

  /// Simplex (q, i) as q+1 increasing vertex indices.
  std::span<const std::int32_t> simplex(int q, std::size_t i) const {
    return {cells_[q].data() + i * (q + 1), static_cast<std::size_t>(q + 1)};
  }
  /// Simplex (q, i) in user ids.
  Simplex simplex_ids(int q, std::size_t i) const;

  /// Index of the simplex with these increasing vertex indices, if present.
  std::optional<std::size_t> index_of(std::span<const std::int32_t> sorted_vertices) const;
  /// Index of the simplex with these user ids (any order), if present.
  std::optional<std::size_t> find(const Simplex& ids) const;

  /// Facets of (q, i), q >= 1: entry j is the index of the (q-1)-simplex without vertex j.
  /// Stored at construction (the boundary's structure), so this is a lookup, not a search.
  std::span<const std::uint32_t> facets(int q, std::size_t i) const {
    if (q <= 0) return {};
    return {facets_[q].data() + i * (q + 1), static_cast<std::size_t>(q + 1)};
  }
  /// \overload
  /// Writes the facet indices into `out` (replacing its contents).
  void facets(int q, std::size_t i, std::vector<std::size_t>& out) const;
  /// Cofacets of (q, i): indices of the (q+1)-simplices that contain it, increasing.
  std::span<const std::uint32_t> cofacets(int q, std::size_t i) const;

  /// Builds from cells that are already closed under faces, over dense indices into
  /// `vertex_ids` (increasing); cells[q] holds (q+1)-tuples of increasing indices, in any order,
  /// duplicates allowed (used by generators that produce closed complexes; closedness is checked
  /// only by assertions).
  static SimplicialComplex from_closed_cells(std::vector<VertexId> vertex_ids,
                                             std::vector<std::vector<std::int32_t>> cells);

 private:
  struct HashIndex {
    std::vector<std::uint32_t> slots;  // index + 1, 0 = empty
    std::uint64_t mask = 0;
  };
  static SimplicialComplex from_sorted_cells(std::vector<VertexId> vertex_ids,
                                             std::vector<std::vector<std::int32_t>> cells);
  void build_indices();
  std::uint64_t hash(std::span<const std::int32_t> v) const;

  std::vector<VertexId> vertex_ids_;
  std::vector<std::vector<std::int32_t>> cells_;  // cells_[q]: flat (q+1)-tuples, lex sorted
  std::vector<HashIndex> index_;
  std::vector<std::vector<std::uint32_t>> facets_;  // facets_[q]: flat (q+1)-tuples, q >= 1
  std::vector<std::vector<std::uint32_t>> coface_offsets_;  // CSR per q (q < dimension())
  std::vector<std::vector<std::uint32_t>> coface_targets_;
};

}  // namespace topospec

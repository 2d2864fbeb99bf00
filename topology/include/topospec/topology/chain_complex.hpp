/// \file
/// \ingroup topology
/// The one abstraction every structure becomes: a finite chain complex
///
/// ~~~{.unparsed}
///   0 <- C_0 <-∂_1- C_1 <-∂_2- ... <-∂_top- C_top <- 0
/// ~~~
///
/// with, for each degree q, the boundary ∂_q : C_q -> C_{q-1} in two forms:
///  * exact: an integer matrix in a basis of C_q used for ranks, homology and torsion;
///  * real: the matrix in orthonormal bases (for simplices the same ±1 matrix; for subspace
///    complexes such as Ω_p or Inf_q, the builder supplies it) used for Laplacians and spectra.
///
/// Optionally each cell carries a filtration value, and every cell has a label (the simplex,
/// path or hyperedge that names it) so that results never leak internal indices.
///
/// Formulas: `∂_q ∂_{q+1} = 0`; homology `H_q = ker ∂_q / im ∂_{q+1}`, so over a field
/// `β_q = dim C_q − rank ∂_q − rank ∂_{q+1}`; Euler characteristic
/// `χ = Σ_q (−1)^q dim C_q = Σ_q (−1)^q β_q`. The sublevel complex at t is
/// `K_t = span{cells with value ≤ t}`.
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "topospec/topology/simplicial_complex.hpp"

/// Everything of topospec: complexes, chain complexes, homology, operators, spectra, persistence
/// (topology module), digraphs and hypergraphs (hypergraph module); the harness is in
/// topospec::verify.
namespace topospec {

/// Exact boundary matrices: sparse, 64-bit integer entries, column-major.
using IntegerMatrix = Eigen::SparseMatrix<std::int64_t, Eigen::ColMajor, std::int64_t>;
/// Real operators (boundaries in orthonormal bases, Laplacians, Dirac operators): sparse,
/// column-major.
using RealMatrix = Eigen::SparseMatrix<double, Eigen::ColMajor, std::int64_t>;

/// A cell's name in the user's vocabulary (vertex ids of a simplex, of a path, of a hyperedge).
using CellLabel = std::vector<VertexId>;
/// Gives the label of cell i of degree q.
using CellLabeler = std::function<CellLabel(int q, std::size_t i)>;

/// A finite chain complex with exact and real boundaries, cell labels and optional filtration
/// values (see the file comment).
class ChainComplex {
 public:
  /// The empty complex (top degree -1).
  ChainComplex() = default;
  /// boundaries[q-1] is ∂_q for q = 1..top; its shape must be dims[q-1] × dims[q].
  /// real_boundaries is empty (the real form is the exact one, cast) or has the same shapes.
  /// Throws Error on a wrong number or shape of matrices.
  ChainComplex(std::vector<std::size_t> dims, std::vector<IntegerMatrix> boundaries,
               CellLabeler labeler, std::vector<RealMatrix> real_boundaries = {});

  /// Top degree with C_q != 0 as built; -1 when there are no cells.
  int top_degree() const { return static_cast<int>(dims_.size()) - 1; }
  /// dim C_q (0 outside 0..top).
  std::size_t dim(int q) const { return q < 0 || q > top_degree() ? 0 : dims_[q]; }
  /// dim C_0 … dim C_top.
  const std::vector<std::size_t>& dims() const { return dims_; }

  /// ∂_q as an integer matrix, dim(q-1) × dim(q); the zero matrix of that shape outside 1..top.
  const IntegerMatrix& boundary(int q) const;
  /// ∂_q in orthonormal bases, same shape.
  RealMatrix real_boundary(int q) const;

  /// Label of cell i of degree q; empty when the complex has no labeler.
  CellLabel label(int q, std::size_t i) const { return labeler_ ? labeler_(q, i) : CellLabel{}; }

  /// Whether filtration values are attached (value(q, i) = entry value of cell i of degree q).
  bool filtered() const { return !values_.empty(); }
  /// The filtration values: values()[q][i] is the entry value of cell i of degree q; empty
  /// when not filtered.
  const std::vector<std::vector<double>>& values() const { return values_; }
  /// Attaches filtration values, one per cell of every degree. Throws Error on a missing degree
  /// or a wrong count.
  void set_values(std::vector<std::vector<double>> values);
  /// The subcomplex K_t spanned by the cells with value ≤ t (requires a filtration-compatible
  /// basis, which builders guarantee), keeping the cells' order, labels and values. Throws
  /// Error when not filtered.
  ChainComplex sublevel(double t) const;
  /// Indices of the degree-q cells with value ≤ t, increasing. Throws Error when not filtered.
  std::vector<std::size_t> sublevel_cells(int q, double t) const;

  /// `χ = Σ_q (−1)^q dim C_q`.
  std::int64_t euler_characteristic() const;

  /// Subspace complexes (Ω_p of a digraph, Inf_q of a hypergraph): the orthonormal basis of C_q
  /// written on the ambient elementary cells (paths, hyperedges), ambient × dim C_q with
  /// orthonormal columns, and the ambient cells' labels. Harmonic vectors are reported on
  /// ambient cells through it (to_ambient), so they do not depend on the basis chosen.
  /// Throws Error on a missing degree or a wrong shape.
  void set_embedding(std::vector<RealMatrix> embeddings, CellLabeler ambient_labeler);
  /// Whether set_embedding() was called (a subspace complex).
  bool embedded() const { return !embeddings_.empty(); }
  /// The orthonormal basis of C_q on the ambient cells (see set_embedding): ambient × dim C_q;
  /// the empty 0 × 0 matrix when not embedded or q is outside 0..top.
  const RealMatrix& embedding(int q) const;
  /// Label of ambient cell r of degree q (row r of embedding(q)); empty without an embedding.
  CellLabel ambient_label(int q, std::size_t r) const {
    return embedded() && ambient_labeler_ ? ambient_labeler_(q, r) : CellLabel{};
  }
  /// Maps vectors given on the cells `cells` of degree q (rows of `vectors`) to the ambient
  /// cells they touch: returns their labels and the vectors on them. Without an embedding,
  /// the cells' own labels and the vectors unchanged.
  std::pair<std::vector<CellLabel>, Eigen::MatrixXd> to_ambient(
      int q, const std::vector<std::size_t>& cells, const Eigen::MatrixXd& vectors) const;

 private:
  std::vector<std::size_t> dims_;
  std::vector<IntegerMatrix> boundaries_;  // ∂_0 … ∂_{top+1}; the two ends are zero maps
  std::vector<RealMatrix> real_boundaries_;
  CellLabeler labeler_;
  std::vector<std::vector<double>> values_;
  std::vector<RealMatrix> embeddings_;  // per degree, empty when not a subspace complex
  CellLabeler ambient_labeler_;
};

}  // namespace topospec

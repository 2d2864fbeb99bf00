/// \file
/// \ingroup verify
/// Matrix Market coordinate files (https://math.nist.gov/MatrixMarket/formats.html), the format
/// SciPy (scipy.io.mmread), MATLAB (mmread.m) and Julia read without extra packages.
/// Indices are 1-based; each comment line is written as `% <line>`.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topospec/topology/chain_complex.hpp"

namespace topospec::verify {

/// Writes `m` as "%%MatrixMarket matrix coordinate integer general", with `comments` as
/// comment lines.
void write_matrix_market(std::ostream& out, const IntegerMatrix& m,
                         const std::vector<std::string>& comments = {});

/// \overload
/// "%%MatrixMarket matrix coordinate real general", or "… real symmetric" when `symmetric`
/// (then only the entries with row >= column are written; the caller vouches for symmetry).
/// Values are written with 17 significant digits, so they read back exactly.
void write_matrix_market(std::ostream& out, const RealMatrix& m,
                         const std::vector<std::string>& comments = {}, bool symmetric = false);

/// Reads a coordinate file (integer, real or pattern; general, symmetric or skew-symmetric),
/// expanding symmetric storage. Throws InvalidInput with where = "line N".
RealMatrix read_matrix_market(std::istream& in);

// ---- Operators of a chain complex, as files a SciPy or MATLAB user can load ----

/// An operator of a chain complex that can be exported.
enum class Operator { Boundary, Laplacian, UpLaplacian, DownLaplacian, Dirac };
/// \var topospec::verify::Operator::Boundary
/// ∂_q (integer; real, in the orthonormal basis of the Laplacians, for a subspace complex).
/// \var topospec::verify::Operator::Laplacian
/// The Hodge Laplacian L_q.
/// \var topospec::verify::Operator::UpLaplacian
/// The up Laplacian of degree q.
/// \var topospec::verify::Operator::DownLaplacian
/// The down Laplacian of degree q.
/// \var topospec::verify::Operator::Dirac
/// The Dirac operator D, or its degree-q block D_q.

/// The operator of a name: "boundary", "laplacian", "up_laplacian", "down_laplacian", "dirac";
/// nullopt for any other name.
std::optional<Operator> parse_operator(std::string_view name);
/// The name of an operator, as parse_operator() reads it.
std::string_view operator_name(Operator op);

/// The Matrix Market text of one operator: ∂_q (q in 1..top), L_q / up / down (real symmetric;
/// q in 0..top), D_q (q given) or the full Dirac D (q absent; real symmetric). Every operator of
/// one complex is in one basis: the cells (∂_q integer) for simplicial chains; for a subspace
/// complex (ChainComplex::embedded(): Ω of a digraph, Inf of a hypergraph) the orthonormal basis
/// the Laplacians are defined in (∂_q real; basis_matrix_market() writes that basis). Comment
/// lines say which cells or basis vectors index the rows and columns (their order is that of
/// cells_file(c, q)) and, for a subspace complex, the basis. Throws InvalidInput("--dim", …) for
/// a degree the complex does not have.
std::string operator_matrix_market(const ChainComplex& c, Operator op, std::optional<int> q);

/// What each row of the degree-q operators is, one line each, in row order: the cell's vertex
/// ids separated by spaces. For a subspace complex, each line is a basis vector: the vertex ids
/// of its ambient cell (path, hyperedge) when it is that one cell with coefficient 1, otherwise
/// its combination of ambient cells, e.g. `-0.7071067811865475 (1 2 4) + 0.7071067811865475
/// (1 3 4)` (coefficients as in basis_matrix_market(), shortest text that reads back exactly).
std::string cells_file(const ChainComplex& c, int q);

/// A subspace complex's orthonormal basis of C_q on its ambient cells, as Matrix Market (real
/// general): ambient cells × dim C_q, column j = basis vector j (line j of cells_file(c, q)),
/// rows in the order of ambient_cells_file(c, q). Throws InvalidInput("--dim", …) for a
/// complex that is not embedded or a degree it does not have.
std::string basis_matrix_market(const ChainComplex& c, int q);

/// The labels of a subspace complex's ambient cells of degree q (the rows of
/// basis_matrix_market()), one per line, vertex ids separated by spaces; empty when not
/// embedded.
std::string ambient_cells_file(const ChainComplex& c, int q);

/// One file of an export: its name and its whole text.
struct ExportFile {
  std::string name;  ///< file name inside the export directory
  /// The file's text.
  std::string content;
};
/// Everything `topospec export --all` writes: boundary_q.mtx (q = 1..top), laplacian_q.mtx
/// (q = 0..top), dirac.mtx, and cells_q.txt (q = 0..top); for a subspace complex also
/// basis_q.mtx and ambient_cells_q.txt (q = 0..top).
std::vector<ExportFile> export_all(const ChainComplex& c);

}  // namespace topospec::verify

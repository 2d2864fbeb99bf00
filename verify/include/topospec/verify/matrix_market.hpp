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
/// ∂_q (integer).
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

/// The Matrix Market text of one operator: ∂_q (integer; q in 1..top), L_q / up / down
/// (real symmetric; q in 0..top), D_q (q given) or the full Dirac D (q absent; real symmetric).
/// Comment lines say which cells index the rows and columns (their order is that of
/// cells_file(c, q)). Throws InvalidInput("--dim", …) for a degree the complex does not have.
std::string operator_matrix_market(const ChainComplex& c, Operator op, std::optional<int> q);

/// The labels of the q-cells, one per line (vertex ids separated by spaces), in row order.
std::string cells_file(const ChainComplex& c, int q);

/// One file of an export: its name and its whole text.
struct ExportFile {
  std::string name;  ///< file name inside the export directory
  /// The file's text.
  std::string content;
};
/// Everything `topospec export --all` writes: boundary_q.mtx (q = 1..top), laplacian_q.mtx
/// (q = 0..top), dirac.mtx, and cells_q.txt (q = 0..top).
std::vector<ExportFile> export_all(const ChainComplex& c);

}  // namespace topospec::verify

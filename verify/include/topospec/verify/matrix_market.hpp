// Matrix Market coordinate files (https://math.nist.gov/MatrixMarket/formats.html), the format
// SciPy (scipy.io.mmread), MATLAB (mmread.m) and Julia read without extra packages.
// Indices are 1-based; each comment line is written as "% <line>".
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topospec/topology/chain_complex.hpp"

namespace topospec::verify {

// "%%MatrixMarket matrix coordinate integer general".
void write_matrix_market(std::ostream& out, const IntegerMatrix& m,
                         const std::vector<std::string>& comments = {});

// "%%MatrixMarket matrix coordinate real general", or "… real symmetric" when `symmetric`
// (then only the entries with row >= column are written; the caller vouches for symmetry).
// Values are written with 17 significant digits, so they read back exactly.
void write_matrix_market(std::ostream& out, const RealMatrix& m,
                         const std::vector<std::string>& comments = {}, bool symmetric = false);

// Reads a coordinate file (integer, real or pattern; general, symmetric or skew-symmetric),
// expanding symmetric storage. Throws InvalidInput with where = "line N".
RealMatrix read_matrix_market(std::istream& in);

// ---- Operators of a chain complex, as files a SciPy or MATLAB user can load ----

enum class Operator { Boundary, Laplacian, UpLaplacian, DownLaplacian, Dirac };

// "boundary", "laplacian", "up_laplacian", "down_laplacian", "dirac".
std::optional<Operator> parse_operator(std::string_view name);
std::string_view operator_name(Operator op);

// The Matrix Market text of one operator: ∂_q (integer; q in 1..top), L_q / up / down
// (real symmetric; q in 0..top), D_q (q given) or the full Dirac D (q absent; real symmetric).
// Comment lines say which cells index the rows and columns (their order is that of
// cells_file(c, q)). Throws InvalidInput("--dim", …) for a degree the complex does not have.
std::string operator_matrix_market(const ChainComplex& c, Operator op, std::optional<int> q);

// The labels of the q-cells, one per line (vertex ids separated by spaces), in row order.
std::string cells_file(const ChainComplex& c, int q);

struct ExportFile {
  std::string name;  // file name inside the export directory
  std::string content;
};
// Everything `topospec export --all` writes: boundary_q.mtx (q = 1..top), laplacian_q.mtx
// (q = 0..top), dirac.mtx, and cells_q.txt (q = 0..top).
std::vector<ExportFile> export_all(const ChainComplex& c);

}  // namespace topospec::verify

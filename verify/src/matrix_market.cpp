#include "topospec/verify/matrix_market.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <istream>
#include <ostream>
#include <sstream>

#include "topospec/topology/dirac_operator.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"

namespace topospec::verify {
namespace {

void write_header(std::ostream& out, std::string_view field, std::string_view symmetry,
                  const std::vector<std::string>& comments) {
  out << "%%MatrixMarket matrix coordinate " << field << ' ' << symmetry << '\n';
  for (const std::string& c : comments) out << "% " << c << '\n';
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

}  // namespace

void write_matrix_market(std::ostream& out, const IntegerMatrix& m,
                         const std::vector<std::string>& comments) {
  write_header(out, "integer", "general", comments);
  out << m.rows() << ' ' << m.cols() << ' ' << m.nonZeros() << '\n';
  for (Eigen::Index j = 0; j < m.outerSize(); ++j)
    for (IntegerMatrix::InnerIterator it(m, j); it; ++it)
      out << it.row() + 1 << ' ' << it.col() + 1 << ' ' << it.value() << '\n';
}

void write_matrix_market(std::ostream& out, const RealMatrix& m,
                         const std::vector<std::string>& comments, bool symmetric) {
  write_header(out, "real", symmetric ? "symmetric" : "general", comments);
  std::size_t nnz = 0;
  for (Eigen::Index j = 0; j < m.outerSize(); ++j)
    for (RealMatrix::InnerIterator it(m, j); it; ++it)
      if (!symmetric || it.row() >= it.col()) ++nnz;
  out << m.rows() << ' ' << m.cols() << ' ' << nnz << '\n';
  char buf[32];
  for (Eigen::Index j = 0; j < m.outerSize(); ++j)
    for (RealMatrix::InnerIterator it(m, j); it; ++it) {
      if (symmetric && it.row() < it.col()) continue;
      // Shortest text that reads back to the same double.
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, it.value());
      out << it.row() + 1 << ' ' << it.col() + 1 << ' ' << std::string_view(buf, end - buf) << '\n';
    }
}

RealMatrix read_matrix_market(std::istream& in) {
  std::string line;
  std::size_t line_no = 0;
  auto where = [&] { return "line " + std::to_string(line_no); };
  if (!std::getline(in, line)) throw InvalidInput("line 1", "empty Matrix Market file");
  ++line_no;
  std::istringstream banner(line);
  std::string tag, object, format, field, symmetry;
  banner >> tag >> object >> format >> field >> symmetry;
  if (tag != "%%MatrixMarket" || lower(object) != "matrix" || lower(format) != "coordinate")
    throw InvalidInput(where(), "expected \"%%MatrixMarket matrix coordinate …\"");
  field = lower(field);
  symmetry = lower(symmetry);
  if (field != "integer" && field != "real" && field != "pattern")
    throw InvalidInput(where(), "unsupported field \"" + field + "\"");
  if (symmetry != "general" && symmetry != "symmetric" && symmetry != "skew-symmetric")
    throw InvalidInput(where(), "unsupported symmetry \"" + symmetry + "\"");

  long long rows = -1, cols = -1, nnz = -1;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '%') continue;
    std::istringstream size(line);
    if (!(size >> rows >> cols >> nnz) || rows < 0 || cols < 0 || nnz < 0)
      throw InvalidInput(where(), "expected \"rows columns entries\"");
    break;
  }
  if (nnz < 0) throw InvalidInput(where(), "missing size line");

  std::vector<Eigen::Triplet<double, std::int64_t>> triplets;
  triplets.reserve(static_cast<std::size_t>(nnz) * (symmetry == "general" ? 1 : 2));
  long long read = 0;
  while (read < nnz && std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '%') continue;
    std::istringstream entry(line);
    long long i = 0, j = 0;
    double v = 1.0;
    if (!(entry >> i >> j) || (field != "pattern" && !(entry >> v)))
      throw InvalidInput(where(), "expected \"row column value\"");
    if (i < 1 || i > rows || j < 1 || j > cols) throw InvalidInput(where(), "index out of range");
    triplets.emplace_back(i - 1, j - 1, v);
    if (symmetry != "general" && i != j)
      triplets.emplace_back(j - 1, i - 1, symmetry == "symmetric" ? v : -v);
    ++read;
  }
  if (read < nnz)
    throw InvalidInput(
        where(), "expected " + std::to_string(nnz) + " entries, found " + std::to_string(read));
  RealMatrix m(rows, cols);
  m.setFromTriplets(triplets.begin(), triplets.end());
  return m;
}

namespace {

constexpr std::pair<Operator, std::string_view> kOperators[] = {
    {Operator::Boundary, "boundary"},
    {Operator::Laplacian, "laplacian"},
    {Operator::UpLaplacian, "up_laplacian"},
    {Operator::DownLaplacian, "down_laplacian"},
    {Operator::Dirac, "dirac"},
};

std::string cells_name(int q) { return "cells_" + std::to_string(q) + ".txt"; }
std::string basis_name(int q) { return "basis_" + std::to_string(q) + ".mtx"; }
std::string ambient_name(int q) { return "ambient_cells_" + std::to_string(q) + ".txt"; }

// "4 cells of degree 1" / "1 cell of degree 2"; for a subspace complex (digraph, hypergraph)
// the rows are orthonormal basis vectors, not cells: "3 basis vectors of degree 2".
std::string cells_of(const ChainComplex& c, std::size_t n, int q) {
  const char* what =
      c.embedded() ? (n == 1 ? " basis vector" : " basis vectors") : (n == 1 ? " cell" : " cells");
  return std::to_string(n) + what + " of degree " + std::to_string(q);
}

// Said once in every file of a subspace complex: which basis all of its matrices use.
const char* const kOrthonormalBasis =
    "basis: the orthonormal basis of each chain group (Omega_q or Inf_q) that the Laplacians "
    "use; basis_<degree>.mtx writes it on the ambient cells (topospec export --all)";

void add_basis_comment(const ChainComplex& c, std::vector<std::string>& comments) {
  if (c.embedded()) comments.emplace_back(kOrthonormalBasis);
}

// Shortest text that reads back to the same double.
std::string number_text(double x) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, end);
}

std::string label_text(const CellLabel& label) {
  std::string out;
  for (std::size_t j = 0; j < label.size(); ++j) {
    if (j) out += ' ';
    out += std::to_string(label[j]);
  }
  return out;
}

void check_degree(const ChainComplex& c, std::string_view op, int q, int lowest) {
  const int top = c.top_degree();
  if (lowest > top)
    throw InvalidInput(
        "--dim", "the complex (top degree " + std::to_string(top) + ") has no " + std::string(op));
  if (q < lowest || q > top)
    throw InvalidInput("--dim", std::string(op) + " exists for degrees " + std::to_string(lowest) +
                                    ".." + std::to_string(top) + " of this complex, not " +
                                    std::to_string(q));
}

// Comment lines naming the cells behind consecutive row ranges of a block operator.
std::vector<std::string> block_comments(const ChainComplex& c, int from, int to) {
  std::vector<std::string> lines;
  std::size_t row = 1;
  for (int d = std::max(from, 0); d <= to; ++d) {
    const std::size_t n = c.dim(d);
    if (n == 0) continue;
    lines.push_back("rows/columns " + std::to_string(row) + ".." + std::to_string(row + n - 1) +
                    ": the " + cells_of(c, n, d) + " (" + cells_name(d) + ")");
    row += n;
  }
  return lines;
}

}  // namespace

std::optional<Operator> parse_operator(std::string_view name) {
  for (const auto& [op, n] : kOperators)
    if (n == name) return op;
  return std::nullopt;
}

std::string_view operator_name(Operator op) {
  for (const auto& [o, n] : kOperators)
    if (o == op) return n;
  return "?";
}

std::string operator_matrix_market(const ChainComplex& c, Operator op, std::optional<int> q) {
  std::ostringstream out;
  const std::string order = "cells in the order of cells_<degree>.txt (topospec export --all)";
  if (op == Operator::Dirac && !q) {
    std::vector<std::string> comments{"Dirac operator D on C_0 + ... + C_" +
                                      std::to_string(c.top_degree()) +
                                      " (D^2 = direct sum of L_q)"};
    add_basis_comment(c, comments);
    for (std::string& line : block_comments(c, 0, c.top_degree()))
      comments.push_back(std::move(line));
    write_matrix_market(out, dirac_operator(c), comments, true);
    return out.str();
  }
  if (!q)
    throw InvalidInput("--dim",
                       "--matrix " + std::string(operator_name(op)) + " needs a degree (--dim Q)");
  const int d = *q;
  const std::string qs = std::to_string(d);
  switch (op) {
    case Operator::Boundary: {
      check_degree(c, "boundary map", d, 1);
      std::vector<std::string> comments{
          "boundary d_" + qs + ": C_" + qs + " -> C_" + std::to_string(d - 1) +
              " (orientation of docs/case-format.md)",
          "rows: the " + cells_of(c, c.dim(d - 1), d - 1) + ", columns: the " +
              cells_of(c, c.dim(d), d) + "; " + order};
      add_basis_comment(c, comments);
      // A subspace complex's exact boundary is in an integral basis of its own; the real one is
      // in the orthonormal basis of the Laplacians, so that B^T B + B' B'^T is the exported L.
      if (c.embedded())
        write_matrix_market(out, c.real_boundary(d), comments);
      else
        write_matrix_market(out, c.boundary(d), comments);
      break;
    }
    case Operator::Laplacian:
    case Operator::UpLaplacian:
    case Operator::DownLaplacian: {
      check_degree(c, "Laplacian", d, 0);
      const RealMatrix l = op == Operator::Laplacian     ? hodge_laplacian(c, d)
                           : op == Operator::UpLaplacian ? up_laplacian(c, d)
                                                         : down_laplacian(c, d);
      const std::string formula =
          op == Operator::Laplacian
              ? "L_" + qs + " = B_" + qs + "^T B_" + qs + " + B_" + std::to_string(d + 1) + " B_" +
                    std::to_string(d + 1) + "^T"
          : op == Operator::UpLaplacian ? "up-Laplacian B_" + std::to_string(d + 1) + " B_" +
                                              std::to_string(d + 1) + "^T on C_" + qs
                                        : "down-Laplacian B_" + qs + "^T B_" + qs + " on C_" + qs;
      std::vector<std::string> comments{
          formula, "rows/columns: the " + cells_of(c, c.dim(d), d) + " (" + cells_name(d) + ")"};
      add_basis_comment(c, comments);
      write_matrix_market(out, l, comments, true);
      break;
    }
    case Operator::Dirac: {
      check_degree(c, "per-degree Dirac operator", d, 0);
      std::vector<std::string> comments{"per-degree Dirac operator D_" + qs + " on C_" +
                                        std::to_string(d - 1) + " + C_" + qs + " + C_" +
                                        std::to_string(d + 1)};
      add_basis_comment(c, comments);
      for (std::string& line : block_comments(c, d - 1, d + 1)) comments.push_back(std::move(line));
      write_matrix_market(out, dirac_operator(c, d), comments, true);
      break;
    }
  }
  return out.str();
}

std::string cells_file(const ChainComplex& c, int q) {
  std::string out;
  if (!c.embedded()) {
    for (std::size_t i = 0; i < c.dim(q); ++i) out += label_text(c.label(q, i)) + '\n';
    return out;
  }
  const RealMatrix& e = c.embedding(q);
  for (Eigen::Index j = 0; j < e.outerSize(); ++j) {
    // One ambient cell with coefficient 1: that cell, written as a simplex would be.
    if (const RealMatrix::InnerIterator first(e, j);
        e.col(j).nonZeros() == 1 && first.value() == 1.0) {
      out += label_text(c.ambient_label(q, static_cast<std::size_t>(first.row()))) + '\n';
      continue;
    }
    std::string line;
    for (RealMatrix::InnerIterator it(e, j); it; ++it) {
      const double x = it.value();
      line += line.empty() ? (x < 0 ? "-" : "") : (x < 0 ? " - " : " + ");
      line += number_text(std::abs(x)) + " (" +
              label_text(c.ambient_label(q, static_cast<std::size_t>(it.row()))) + ")";
    }
    out += line + '\n';
  }
  return out;
}

std::string basis_matrix_market(const ChainComplex& c, int q) {
  if (!c.embedded())
    throw InvalidInput("--dim", "the chain groups of a simplicial complex have its cells as basis");
  check_degree(c, "chain group", q, 0);
  std::ostringstream out;
  const std::string qs = std::to_string(q);
  write_matrix_market(
      out, c.embedding(q),
      {"orthonormal basis of C_" + qs +
           " on the ambient cells: column j is basis vector j (row "
           "and column j of every operator, line j of " +
           cells_name(q) + ")",
       "rows: the " + std::to_string(c.embedding(q).rows()) + " ambient cells of degree " + qs +
           " (allowed paths or hyperedges) of " + ambient_name(q)});
  return out.str();
}

std::string ambient_cells_file(const ChainComplex& c, int q) {
  std::string out;
  for (Eigen::Index r = 0; r < c.embedding(q).rows(); ++r)
    out += label_text(c.ambient_label(q, static_cast<std::size_t>(r))) + '\n';
  return out;
}

std::vector<ExportFile> export_all(const ChainComplex& c) {
  std::vector<ExportFile> files;
  const int top = c.top_degree();
  for (int q = 1; q <= top; ++q)
    files.push_back({"boundary_" + std::to_string(q) + ".mtx",
                     operator_matrix_market(c, Operator::Boundary, q)});
  for (int q = 0; q <= top; ++q)
    files.push_back({"laplacian_" + std::to_string(q) + ".mtx",
                     operator_matrix_market(c, Operator::Laplacian, q)});
  files.push_back({"dirac.mtx", operator_matrix_market(c, Operator::Dirac, std::nullopt)});
  for (int q = 0; q <= top; ++q) files.push_back({cells_name(q), cells_file(c, q)});
  if (c.embedded())
    for (int q = 0; q <= top; ++q) {
      files.push_back({basis_name(q), basis_matrix_market(c, q)});
      files.push_back({ambient_name(q), ambient_cells_file(c, q)});
    }
  return files;
}

}  // namespace topospec::verify

#include "topospec/topology/point_cloud_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "topospec/topology/error.hpp"
#include "text_lines.hpp"

namespace topospec {
namespace {

using Lines = detail::TextLines;

// Collects points of one dimension; the first point fixes it.
class Rows {
 public:
  explicit Rows(Lines& lines) : lines_(lines) {}
  void add(std::span<const std::string_view> tokens) {
    if (dimension_ == 0) {
      dimension_ = tokens.size();
      first_line_ = lines_.line_no();
    } else if (tokens.size() != dimension_) {
      lines_.fail("expected " + std::to_string(dimension_) + " coordinates (as on line " +
                  std::to_string(first_line_) + "), got " + std::to_string(tokens.size()));
    }
    for (auto t : tokens) coordinates_.push_back(lines_.real(t, "coordinate"));
  }
  PointCloud finish() {
    if (coordinates_.empty()) lines_.fail("no points in the input");
    return PointCloud(dimension_, std::move(coordinates_));
  }

 private:
  Lines& lines_;
  std::size_t dimension_ = 0;
  std::size_t first_line_ = 0;
  std::vector<double> coordinates_;
};

bool no_numbers(std::span<const std::string_view> tokens) {
  return std::none_of(tokens.begin(), tokens.end(),
                      [](std::string_view t) { return Lines::parse_real(t).has_value(); });
}

PointCloud read_csv(std::istream& in, const std::string& source) {
  Lines lines(in, source, ",;", true);
  Rows rows(lines);
  std::vector<std::string_view> tok;
  bool first = true;
  while (lines.next(tok)) {
    // One header line (column names, no number among them) may precede the first point.
    if (first && no_numbers(tok)) {
      first = false;
      continue;
    }
    first = false;
    rows.add(tok);
  }
  return rows.finish();
}

// Standard XYZ: atom count, comment line, then "Element x y z [extra columns]". Without the
// count line, every line is "x y z" or "Element x y z".
PointCloud read_xyz(std::istream& in, const std::string& source) {
  Lines lines(in, source, "", false);
  Rows rows(lines);
  std::vector<std::string_view> tok;
  if (!lines.next(tok)) lines.fail("empty file: no points");
  auto add_atom = [&](std::span<const std::string_view> t, bool with_element) {
    if (with_element) {
      if (t.size() < 4)
        lines.fail("expected 'Element x y z', got " + std::to_string(t.size()) + " fields");
      rows.add(t.subspan(1, 3));
    } else {
      rows.add(t);
    }
  };
  if (tok.size() == 1 && tok[0].find_first_not_of("0123456789") == std::string_view::npos) {
    const std::int64_t count = lines.integer(tok[0], "atom count");
    if (count <= 0) lines.fail("atom count must be positive");
    if (!lines.next_raw(tok)) lines.fail("truncated file: expected the comment line");
    for (std::int64_t i = 0; i < count; ++i) {
      if (!lines.next(tok))
        lines.fail("truncated file: expected " + std::to_string(count) + " atom lines, got " +
                   std::to_string(i));
      add_atom(tok, true);
    }
    if (lines.next(tok))
      lines.fail("unexpected content after " + std::to_string(count) +
                 " atoms (multi-frame XYZ is not supported)");
    return rows.finish();
  }
  // Plain coordinates; an element symbol in the first field is allowed (the same on each line).
  const bool with_element = !Lines::parse_real(tok[0]).has_value();
  do {
    if (with_element != !Lines::parse_real(tok[0]).has_value())
      lines.fail(with_element ? "expected 'Element x y z' as on the first line"
                              : "expected 'x y z' as on the first line");
    add_atom(tok, with_element);
  } while (lines.next(tok));
  return rows.finish();
}

// Tripos MOL2: the coordinates (fields 3–5) of the @<TRIPOS>ATOM block; the atom count of the
// @<TRIPOS>MOLECULE record is checked when present.
PointCloud read_mol2(std::istream& in, const std::string& source) {
  Lines lines(in, source, "", true);
  Rows rows(lines);
  std::vector<std::string_view> tok;
  std::optional<std::int64_t> declared;
  enum class Section { Other, Molecule, Atom } section = Section::Other;
  int molecule_line = 0;
  bool seen_atoms = false;
  std::size_t atoms = 0;
  while (lines.next(tok)) {
    if (tok[0].starts_with("@<TRIPOS>")) {
      if (seen_atoms && tok[0] == "@<TRIPOS>MOLECULE") break;  // only the first molecule
      section = tok[0] == "@<TRIPOS>MOLECULE" ? Section::Molecule
                : tok[0] == "@<TRIPOS>ATOM"   ? Section::Atom
                                              : Section::Other;
      seen_atoms = seen_atoms || section == Section::Atom;
      molecule_line = 0;
      continue;
    }
    if (section == Section::Molecule && ++molecule_line == 2) {
      declared = lines.integer(tok[0], "atom count");
    } else if (section == Section::Atom) {
      if (tok.size() < 6)
        lines.fail("expected 'atom_id atom_name x y z atom_type …', got " +
                   std::to_string(tok.size()) + " fields");
      rows.add(std::span<const std::string_view>(tok).subspan(2, 3));
      ++atoms;
    }
  }
  if (!seen_atoms) lines.fail("no @<TRIPOS>ATOM section");
  if (declared && *declared != static_cast<std::int64_t>(atoms))
    lines.fail("the MOLECULE record declares " + std::to_string(*declared) +
               " atoms, the ATOM section has " + std::to_string(atoms));
  return rows.finish();
}

// The vertex block of an OFF file (faces are not read).
PointCloud read_off_points(std::istream& in, const std::string& source) {
  Lines lines(in, source, "", true);
  Rows rows(lines);
  std::vector<std::string_view> tok;
  if (!lines.next(tok)) lines.fail("empty file: expected the header 'OFF'");
  if (tok[0] != "OFF") lines.fail("expected the header 'OFF', got '" + std::string(tok[0]) + "'");
  tok.erase(tok.begin());
  if (tok.empty() && !lines.next(tok)) lines.fail("truncated file: expected the counts 'nv nf ne'");
  if (tok.size() != 3)
    lines.fail("expected the counts 'nv nf ne' (3 integers), got " + std::to_string(tok.size()) +
               " fields");
  const std::int64_t nv = lines.integer(tok[0], "vertex count");
  if (nv <= 0) lines.fail("vertex count must be positive");
  for (std::int64_t i = 0; i < nv; ++i) {
    if (!lines.next(tok))
      lines.fail("truncated file: expected " + std::to_string(nv) + " vertex lines, got " +
                 std::to_string(i));
    if (tok.size() != 3)
      lines.fail("vertex " + std::to_string(i) + ": expected 3 coordinates, got " +
                 std::to_string(tok.size()) + " fields");
    rows.add(tok);
  }
  return rows.finish();
}

std::string lower_extension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

PointCloud read_point_cloud(std::istream& in, PointCloudFormat format, const std::string& source) {
  switch (format) {
    case PointCloudFormat::Csv:
      return read_csv(in, source);
    case PointCloudFormat::Xyz:
      return read_xyz(in, source);
    case PointCloudFormat::Mol2:
      return read_mol2(in, source);
    case PointCloudFormat::Off:
      return read_off_points(in, source);
  }
  throw InvalidInput(source, "unknown point cloud format");
}

PointCloud read_point_cloud(const std::filesystem::path& file) {
  const std::string ext = lower_extension(file);
  PointCloudFormat format;
  if (ext == ".csv" || ext == ".txt")
    format = PointCloudFormat::Csv;
  else if (ext == ".xyz")
    format = PointCloudFormat::Xyz;
  else if (ext == ".mol2")
    format = PointCloudFormat::Mol2;
  else if (ext == ".off")
    format = PointCloudFormat::Off;
  else
    throw InvalidInput(file.string(), "unknown point cloud extension '" + ext +
                                          "' (expected .csv, .txt, .xyz, .mol2 or .off)");
  std::ifstream in(file);
  if (!in) throw InvalidInput(file.string(), "cannot open the file for reading");
  return read_point_cloud(in, format, file.string());
}

DistanceMatrix read_lower_distance_matrix(std::istream& in, const std::string& source) {
  // As Ripser: the entries (1,0), (2,0), (2,1), … in order; line breaks are not significant.
  Lines lines(in, source, ",;", true);
  std::vector<std::string_view> tok;
  std::vector<double> entries;
  while (lines.next(tok))
    for (auto t : tok) {
      const double x = lines.real(t, "distance");
      if (x < 0) lines.fail("distance '" + std::string(t) + "' is negative");
      entries.push_back(x);
    }
  const auto m = entries.size();
  if (m == 0) lines.fail("no distances in the input");
  // n(n−1)/2 entries.
  std::size_t n =
      static_cast<std::size_t>((1.0 + std::sqrt(1.0 + 8.0 * static_cast<double>(m))) / 2.0);
  while (n * (n - 1) / 2 > m) --n;
  while ((n + 1) * n / 2 <= m) ++n;
  if (n * (n - 1) / 2 != m)
    lines.fail(std::to_string(m) + " distances is not a triangular number n(n-1)/2 (" +
               std::to_string(n) + " points need " + std::to_string(n * (n - 1) / 2) + ")");
  std::vector<std::vector<double>> rows(n);
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) rows[i].push_back(entries[k++]);
  return DistanceMatrix::from_rows(rows);
}

DistanceMatrix read_lower_distance_matrix(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw InvalidInput(file.string(), "cannot open the file for reading");
  return read_lower_distance_matrix(in, file.string());
}

}  // namespace topospec

// Reader of case documents (spec/CASES.md). Validation happens here, once, so that everything
// downstream (the answerer, the verifier, the candidate runner) can trust a Case.
#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

#include "topospec/hypergraph/digraph_reader.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/point_cloud_reader.hpp"
#include "topospec/verify/case.hpp"

namespace topospec::verify {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<InputType, std::string_view>, 6> kInputTypes{{
    {InputType::SimplicialComplex, "simplicial_complex"},
    {InputType::FilteredComplex, "filtered_complex"},
    {InputType::PointCloud, "point_cloud"},
    {InputType::DistanceMatrix, "distance_matrix"},
    {InputType::Digraph, "digraph"},
    {InputType::Hypergraph, "hypergraph"},
}};

constexpr std::array<std::pair<Quantity, std::string_view>, 17> kQuantities{{
    {Quantity::ChainDims, "chain_dims"},
    {Quantity::Betti, "betti"},
    {Quantity::Torsion, "torsion"},
    {Quantity::EulerCharacteristic, "euler_characteristic"},
    {Quantity::BoundaryRanks, "boundary_ranks"},
    {Quantity::LaplacianSpectrum, "laplacian_spectrum"},
    {Quantity::UpLaplacianSpectrum, "up_laplacian_spectrum"},
    {Quantity::DownLaplacianSpectrum, "down_laplacian_spectrum"},
    {Quantity::DiracSpectrum, "dirac_spectrum"},
    {Quantity::DiracSpectrumByDegree, "dirac_spectrum_by_degree"},
    {Quantity::HarmonicBasis, "harmonic_basis"},
    {Quantity::Barcode, "barcode"},
    {Quantity::PersistentBetti, "persistent_betti"},
    {Quantity::PersistentLaplacianSpectrum, "persistent_laplacian_spectrum"},
    {Quantity::PersistentDiracSpectrum, "persistent_dirac_spectrum"},
    {Quantity::PersistentHarmonicBasis, "persistent_harmonic_basis"},
    {Quantity::SpectralCurves, "spectral_curves"},
}};

// Bound on max_dim: lists indexed by degree have max_dim + 1 entries, and no complex that fits
// in memory has dimension anywhere near this.
constexpr std::int64_t kMaxMaxDim = 65536;

[[noreturn]] void fail(std::string where, std::string message) {
  throw InvalidInput(std::move(where), std::move(message));
}

std::string child(std::string_view base, std::string_view key) {
  return std::string(base) + "/" + json_pointer_escape(key);
}
std::string child(std::string_view base, std::size_t index) {
  return std::string(base) + "/" + std::to_string(index);
}

// "a string", "an object", … for messages of the form "expected X, got Y".
std::string kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number with a fraction or exponent";
    default:
      return "an unsupported value";
  }
}

// The value of an integral JSON number; nullopt for every other value (1.5, 2.0, "2", true):
// the contract says integers, and a float that happens to be integral is most often a bug in
// whatever wrote the case, so it is not silently accepted.
struct IntegerValue {
  bool negative = false;
  std::uint64_t magnitude = 0;
};
std::optional<IntegerValue> as_integer(const json& v) {
  if (v.is_number_unsigned()) return IntegerValue{false, v.get<std::uint64_t>()};
  if (v.is_number_integer()) {
    const auto x = v.get<std::int64_t>();
    return IntegerValue{x < 0,
                        x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x)};
  }
  return std::nullopt;
}

std::int64_t non_negative_integer(const json& v, const std::string& where, std::string_view what,
                                  std::int64_t max) {
  const auto i = as_integer(v);
  if (!i)
    fail(where, "expected " + std::string(what) + " (an integer >= 0), got " + kind_of(v) +
                    (v.is_primitive() ? " " + v.dump() : ""));
  if (i->negative) fail(where, std::string(what) + " must be >= 0, got " + v.dump());
  if (i->magnitude > static_cast<std::uint64_t>(max))
    fail(where, std::string(what) + " " + v.dump() + " is larger than " + std::to_string(max));
  return static_cast<std::int64_t>(i->magnitude);
}

double finite_number(const json& v, const std::string& where, std::string_view what) {
  if (!v.is_number())
    fail(where, "expected " + std::string(what) + " (a number), got " + kind_of(v));
  const double x = v.get<double>();
  if (!std::isfinite(x)) fail(where, std::string(what) + " is not a finite number");
  return x;
}

std::string string_value(const json& v, const std::string& where, std::string_view what) {
  if (!v.is_string())
    fail(where, "expected " + std::string(what) + " (a string), got " + kind_of(v));
  return v.get<std::string>();
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string known_quantities_hint(std::string_view key) {
  for (const auto& [q, name] : kQuantities)
    if (edit_distance(key, name) <= 2) return " (did you mean \"" + std::string(name) + "\"?)";
  std::string list;
  for (const auto& [q, name] : kQuantities) list += (list.empty() ? "" : ", ") + std::string(name);
  return " (known: " + list + ")";
}

void warn_unknown_fields(const json& object, std::string_view base,
                         std::initializer_list<std::string_view> known, std::string_view what,
                         std::vector<std::string>& warnings) {
  for (const auto& [key, value] : object.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      warnings.push_back(child(base, key) + ": unknown " + std::string(what) + " \"" + key +
                         "\" ignored");
}

VertexId vertex_id(const json& id, const std::string& at) {
  const auto i = as_integer(id);
  if (!i) {
    if (id.is_number()) fail(at, "vertex id " + id.dump() + " is not an integer");
    fail(at, "expected a vertex id (an integer >= 0), got " + kind_of(id) +
                 (id.is_primitive() ? " " + id.dump() : ""));
  }
  if (i->negative) fail(at, "negative vertex id " + id.dump());
  if (i->magnitude > static_cast<std::uint64_t>(kMaxVertexId))
    fail(at, "vertex id " + id.dump() + " is larger than 2^62");
  return static_cast<VertexId>(i->magnitude);
}

// `what` is "simplex" or "hyperedge" in the messages.
Simplex parse_simplex(const json& v, const std::string& where, std::string_view what = "simplex") {
  if (!v.is_array()) fail(where, "expected a list of vertex ids, got " + kind_of(v));
  // Same wording as SimplicialComplex::from_simplices, which checks these again.
  if (v.empty()) fail(where, "empty " + std::string(what));
  Simplex s;
  s.reserve(v.size());
  for (std::size_t j = 0; j < v.size(); ++j) s.push_back(vertex_id(v[j], child(where, j)));
  Simplex sorted = s;
  std::sort(sorted.begin(), sorted.end());
  if (auto it = std::adjacent_find(sorted.begin(), sorted.end()); it != sorted.end())
    fail(where, "vertex " + std::to_string(*it) + " repeated in a " + std::string(what));
  return s;
}

const json& required_list(const json& input, const char* field, const std::string& what) {
  const std::string at = child("/input", field);
  if (!input.contains(field)) fail(at, "missing: this input type needs \"" + std::string(field) + "\"");
  const json& v = input[field];
  if (!v.is_array()) fail(at, "expected " + what + ", got " + kind_of(v));
  return v;
}

void parse_simplicial_input(const json& input, Case& c) {
  warn_unknown_fields(input, "/input", {"type", "simplices"}, "input field", c.warnings);
  const json& simplices = required_list(input, "simplices", "a list of simplices (each a list of vertex ids)");
  c.simplices.reserve(simplices.size());
  for (std::size_t k = 0; k < simplices.size(); ++k)
    c.simplices.push_back(parse_simplex(simplices[k], child("/input/simplices", k)));
}

void parse_filtered_input(const json& input, Case& c) {
  warn_unknown_fields(input, "/input", {"type", "simplices"}, "input field", c.warnings);
  const json& simplices = required_list(
      input, "simplices", "a list of {\"simplex\": [vertex ids], \"value\": t} objects");
  for (std::size_t k = 0; k < simplices.size(); ++k) {
    const std::string at = child("/input/simplices", k);
    const json& e = simplices[k];
    if (!e.is_object())
      fail(at, "expected an object {\"simplex\": [vertex ids], \"value\": t}, got " + kind_of(e));
    for (const char* field : {"simplex", "value"})
      if (!e.contains(field)) fail(child(at, field), "missing");
    c.simplices.push_back(parse_simplex(e["simplex"], child(at, "simplex")));
    c.simplex_values.push_back(finite_number(e["value"], child(at, "value"), "a filtration value"));
    warn_unknown_fields(e, at, {"simplex", "value"}, "simplex field", c.warnings);
  }
}

std::vector<double> number_row(const json& row, const std::string& at, std::string_view what) {
  if (!row.is_array()) fail(at, "expected a list of numbers, got " + kind_of(row));
  std::vector<double> out;
  out.reserve(row.size());
  for (std::size_t j = 0; j < row.size(); ++j) out.push_back(finite_number(row[j], child(at, j), what));
  return out;
}

std::optional<double> parse_max_value(const json& input) {
  if (!input.contains("max_value")) return std::nullopt;
  return finite_number(input["max_value"], "/input/max_value", "a threshold");
}

// An extension of the contract for the command line: "file" instead of the inline list reads
// points (CSV, XYZ, MOL2, OFF) or a lower-triangular distance matrix (Ripser's format). The path
// is taken as given (relative to the working directory). Candidates receive the case as
// written, so suites should keep their data inline.
std::string input_file(const json& input, const char* inline_field) {
  const std::string path = string_value(input["file"], "/input/file", "a file name");
  if (input.contains(inline_field))
    fail("/input/file", "give either \"file\" or \"" + std::string(inline_field) + "\", not both");
  return path;
}

template <class Read>
auto read_input_file(const std::string& path, Read read) {
  try {
    return read(std::filesystem::path(path));
  } catch (const InvalidInput& e) {  // e.where() is "file:line"
    fail("/input/file", e.what());
  }
}

void parse_point_cloud_input(const json& input, Case& c) {
  warn_unknown_fields(input, "/input", {"type", "points", "file", "complex", "max_value"},
                      "input field", c.warnings);
  if (input.contains("file")) {
    const PointCloud cloud =
        read_input_file(input_file(input, "points"),
                        [](const std::filesystem::path& p) { return read_point_cloud(p); });
    for (std::size_t i = 0; i < cloud.size(); ++i)
      c.points.emplace_back(cloud.point(i).begin(), cloud.point(i).end());
  } else {
    const json& points =
        required_list(input, "points", "a list of points (each a list of coordinates)");
    if (points.empty()) fail("/input/points", "the point cloud is empty");
    for (std::size_t i = 0; i < points.size(); ++i) {
      const std::string at = child("/input/points", i);
      c.points.push_back(number_row(points[i], at, "a coordinate"));
      if (c.points.back().empty()) fail(at, "a point needs at least one coordinate");
      if (c.points.back().size() != c.points.front().size())
        fail(at, "point has " + std::to_string(c.points.back().size()) +
                     " coordinates, point 0 has " + std::to_string(c.points.front().size()));
    }
  }
  if (input.contains("complex")) {
    c.point_complex = string_value(input["complex"], "/input/complex", "\"rips\" or \"alpha\"");
    if (c.point_complex != "rips" && c.point_complex != "alpha")
      fail("/input/complex", "unknown complex \"" + c.point_complex + "\" (expected \"rips\" or \"alpha\")");
  }
  if (c.point_complex == "alpha" && c.points.front().size() != 2 && c.points.front().size() != 3)
    fail("/input/points/0", "alpha complexes need points in R^2 or R^3, got " +
                                std::to_string(c.points.front().size()) + " coordinates");
  c.max_value = parse_max_value(input);
}

void parse_distance_matrix_input(const json& input, Case& c) {
  warn_unknown_fields(input, "/input", {"type", "matrix", "file", "max_value"}, "input field",
                      c.warnings);
  if (input.contains("file")) {
    const DistanceMatrix d = read_input_file(
        input_file(input, "matrix"),
        [](const std::filesystem::path& p) { return read_lower_distance_matrix(p); });
    for (std::size_t i = 0; i < d.size(); ++i) {
      c.matrix.emplace_back();
      for (std::size_t j = 0; j < i; ++j) c.matrix.back().push_back(d(i, j));
    }
    c.max_value = parse_max_value(input);
    return;
  }
  const json& matrix = required_list(input, "matrix", "a list of rows of distances");
  if (matrix.empty()) fail("/input/matrix", "the distance matrix is empty");
  for (std::size_t i = 0; i < matrix.size(); ++i)
    c.matrix.push_back(number_row(matrix[i], child("/input/matrix", i), "a distance"));
  c.max_value = parse_max_value(input);
}

// Largest vertex count a digraph's "vertices": n may give (the ids are stored: 8 bytes each).
constexpr std::int64_t kMaxVertexCount = std::int64_t{1} << 26;

// `vertices` of a digraph or hypergraph: a count n (ids 0 … n−1) or a list of distinct ids.
std::vector<VertexId> parse_vertices(const json& v) {
  const std::string at = "/input/vertices";
  std::vector<VertexId> ids;
  if (!v.is_array()) {
    if (!as_integer(v))
      fail(at, "expected a vertex count or a list of vertex ids, got " + kind_of(v));
    const std::int64_t n = non_negative_integer(v, at, "a vertex count", kMaxVertexCount);
    ids.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) ids[static_cast<std::size_t>(i)] = i;
    return ids;
  }
  ids.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) ids.push_back(vertex_id(v[i], child(at, i)));
  std::vector<std::pair<VertexId, std::size_t>> sorted;
  for (std::size_t i = 0; i < ids.size(); ++i) sorted.emplace_back(ids[i], i);
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i].first == sorted[i - 1].first)
      fail(child(at, std::max(sorted[i].second, sorted[i - 1].second)),
           "vertex " + std::to_string(sorted[i].first) + " listed twice (also at " +
               child(at, std::min(sorted[i].second, sorted[i - 1].second)) + ")");
  return ids;
}

// Reads a digraph file into the case's fields (the same ones an inline digraph fills).
void digraph_from_file(const std::string& path, Case& c) {
  std::vector<std::string> warnings;
  const Digraph g = read_input_file(path, [&](const std::filesystem::path& p) {
    return read_digraph_file(p, &warnings);
  });
  for (const std::string& w : warnings) c.warnings.push_back("/input/file: " + w);
  c.vertices = g.vertex_ids();
  const std::vector<VertexId>& ids = c.vertices;
  // An unweighted file stays unweighted: weights only where the digraph is a filtration.
  for (const Digraph::DenseArc& a : g.arcs())
    c.arcs.push_back({ids[a.tail], ids[a.head],
                      g.weighted() ? std::optional<double>(a.value) : std::nullopt});
  if (g.weighted())
    for (std::size_t i = 0; i < g.vertex_count(); ++i) c.vertex_values.push_back(g.vertex_value(i));
}

// Entries listed more than once: `seen` holds (key, position in the list at `list`); each repeat
// gets a warning at its place, worded by what(key, place of the first listing).
template <class Key, class What>
void warn_repeats(std::vector<std::pair<Key, std::size_t>> seen, const std::string& list,
                  std::vector<std::string>& warnings, What what) {
  std::stable_sort(seen.begin(), seen.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t i = 1, first = 0; i < seen.size(); ++i) {
    if (seen[i].first != seen[i - 1].first) {
      first = i;
      continue;
    }
    warnings.push_back(child(list, seen[i].second) + what(seen[i].first, child(list, seen[first].second)));
  }
}

void parse_digraph_input(const json& input, Case& c) {
  warn_unknown_fields(input, "/input",
                      {"type", "vertices", "arcs", "vertex_values", "file", "complex"},
                      "input field", c.warnings);
  if (input.contains("complex")) {
    c.digraph_complex =
        string_value(input["complex"], "/input/complex", "\"path\" or \"directed_flag\"");
    if (c.digraph_complex != "path" && c.digraph_complex != "directed_flag")
      fail("/input/complex", "unknown complex \"" + c.digraph_complex +
                                 "\" (expected \"path\" or \"directed_flag\")");
  }
  if (input.contains("file")) {
    const std::string path = input_file(input, "arcs");
    for (const char* field : {"vertices", "vertex_values"})
      if (input.contains(field))
        fail(child("/input", field), "give either \"file\" or \"" + std::string(field) + "\", not both");
    digraph_from_file(path, c);
    return;
  }
  if (!input.contains("vertices"))
    fail("/input/vertices", "missing: a digraph needs \"vertices\" (a count n or a list of ids)");
  c.vertices = parse_vertices(input["vertices"]);
  std::vector<VertexId> sorted_ids = c.vertices;
  std::sort(sorted_ids.begin(), sorted_ids.end());
  const json& arcs = required_list(input, "arcs", "a list of arcs [a, b] or [a, b, weight]");
  // First listing of each (tail, head), for the parallel-arc warnings.
  std::vector<std::pair<std::pair<VertexId, VertexId>, std::size_t>> seen;
  for (std::size_t k = 0; k < arcs.size(); ++k) {
    const std::string at = child("/input/arcs", k);
    const json& a = arcs[k];
    if (!a.is_array() || (a.size() != 2 && a.size() != 3))
      fail(at, "expected an arc [a, b] or [a, b, weight], got " +
                   (a.is_array() ? "a list of " + std::to_string(a.size()) : kind_of(a)));
    Arc arc;
    arc.tail = vertex_id(a[0], child(at, 0));
    arc.head = vertex_id(a[1], child(at, 1));
    for (int end = 0; end < 2; ++end) {
      const VertexId id = end == 0 ? arc.tail : arc.head;
      if (!std::binary_search(sorted_ids.begin(), sorted_ids.end(), id))
        fail(child(at, static_cast<std::size_t>(end)),
             "unknown vertex " + std::to_string(id) + " (not in /input/vertices)");
    }
    if (arc.tail == arc.head)
      fail(at, "self-loop " + std::to_string(arc.tail) + " → " + std::to_string(arc.head) +
                   " (a digraph of the path complex has no loops)");
    if (a.size() == 3) arc.weight = finite_number(a[2], child(at, 2), "an arc weight");
    seen.push_back({{arc.tail, arc.head}, k});
    c.arcs.push_back(arc);
  }
  warn_repeats(std::move(seen), "/input/arcs", c.warnings, [](const auto& arc, const std::string& first) {
    return ": arc " + std::to_string(arc.first) + " → " + std::to_string(arc.second) +
           " is also listed at " + first + "; parallel arcs are merged (the smallest weight counts)";
  });
  if (input.contains("vertex_values")) {
    c.vertex_values = number_row(input["vertex_values"], "/input/vertex_values", "a vertex value");
    if (c.vertex_values.size() != c.vertices.size())
      fail("/input/vertex_values", "has " + std::to_string(c.vertex_values.size()) +
                                       " values for " + std::to_string(c.vertices.size()) +
                                       " vertices (one per entry of /input/vertices)");
  }
}

void parse_hypergraph_input(const json& input, Case& c) {
  warn_unknown_fields(input, "/input", {"type", "hyperedges", "vertices", "file"}, "input field",
                      c.warnings);
  if (input.contains("vertices")) c.vertices = parse_vertices(input["vertices"]);
  if (input.contains("file")) {
    const std::string path = input_file(input, "hyperedges");
    std::vector<std::string> warnings;
    // Read as listed: the case's option `vertices` applies when the hypergraph is built.
    const Hypergraph h = read_input_file(path, [&](const std::filesystem::path& p) {
      return read_hypernetx_json(p, VertexConvention::Listed, &warnings);
    });
    for (const std::string& w : warnings) c.warnings.push_back("/input/file: " + w);
    // The file's own vertices (HIF "nodes") count as the `vertices` field's would.
    std::vector<VertexId> given = c.vertices;
    std::sort(given.begin(), given.end());
    for (VertexId v : h.extra_vertices())
      if (!std::binary_search(given.begin(), given.end(), v)) c.vertices.push_back(v);
    for (int q = 0; q <= h.top_degree(); ++q)
      for (std::size_t i = 0; i < h.edges(q).size(); ++i)
        c.hyperedges.push_back(
            {h.edges(q)[i], h.filtered() ? std::optional<double>(h.values(q)[i]) : std::nullopt});
    return;
  }
  const json& edges = required_list(
      input, "hyperedges",
      "a list of hyperedges (vertex lists, or {\"hyperedge\": [vertex ids], \"value\": t})");
  std::vector<std::pair<Simplex, std::size_t>> seen;
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const std::string at = child("/input/hyperedges", k);
    const json& e = edges[k];
    Hyperedge h;
    if (e.is_object()) {
      if (!e.contains("hyperedge")) fail(child(at, "hyperedge"), "missing");
      h.vertices = parse_simplex(e["hyperedge"], child(at, "hyperedge"), "hyperedge");
      if (e.contains("value")) h.value = finite_number(e["value"], child(at, "value"), "a value");
      warn_unknown_fields(e, at, {"hyperedge", "value"}, "hyperedge field", c.warnings);
    } else if (e.is_array()) {
      h.vertices = parse_simplex(e, at, "hyperedge");
    } else {
      fail(at, "expected a hyperedge (a list of vertex ids, or {\"hyperedge\": [...], "
               "\"value\": t}), got " + kind_of(e));
    }
    Simplex sorted = h.vertices;
    std::sort(sorted.begin(), sorted.end());
    seen.emplace_back(std::move(sorted), k);
    c.hyperedges.push_back(std::move(h));
  }
  warn_repeats(std::move(seen), "/input/hyperedges", c.warnings, [](const auto&, const std::string& first) {
    return ": the same hyperedge as " + first + "; duplicates are merged (the smallest value counts)";
  });
}

void parse_input(const json& input, Case& c) {
  if (!input.is_object())
    fail("/input", "expected an object with a \"type\", got " + kind_of(input));
  if (!input.contains("type")) fail("/input/type", "missing: the input needs a \"type\"");
  const std::string type = string_value(input["type"], "/input/type", "an input type");
  const auto parsed = parse_input_type(type);
  if (!parsed) {
    std::string list;
    for (const auto& [t, name] : kInputTypes)
      list += (list.empty() ? "" : ", ") + std::string(name);
    fail("/input/type",
         "unknown input type \"" + type + "\" (docs/case-format.md lists " + list + ")");
  }
  c.input_type = *parsed;
  switch (c.input_type) {
    case InputType::SimplicialComplex:
      parse_simplicial_input(input, c);
      break;
    case InputType::FilteredComplex:
      parse_filtered_input(input, c);
      break;
    case InputType::PointCloud:
      parse_point_cloud_input(input, c);
      break;
    case InputType::DistanceMatrix:
      parse_distance_matrix_input(input, c);
      break;
    case InputType::Digraph:
      parse_digraph_input(input, c);
      break;
    case InputType::Hypergraph:
      parse_hypergraph_input(input, c);
      break;
  }
}

void parse_options(const json& options, Case& c) {
  if (!options.is_object()) fail("/options", "expected an object, got " + kind_of(options));
  CaseOptions& o = c.options;
  for (const auto& [key, value] : options.items()) {
    const std::string at = child("/options", key);
    if (key == "coefficients") {
      const std::string text =
          string_value(value, at, "coefficients \"Q\", \"Z2\", \"Zp:<prime>\" or \"Z\"");
      try {
        o.coefficients = Coefficients::parse(text);
      } catch (const InvalidInput& e) {
        fail(at, e.message());  // Coefficients names its own place "coefficients"
      }
    } else if (key == "max_dim") {
      o.max_dim = static_cast<int>(non_negative_integer(value, at, "max_dim", kMaxMaxDim));
    } else if (key == "path_theory") {
      std::string v = string_value(value, at, "\"regular\" or \"non_regular\"");
      if (v != "regular" && v != "non_regular")
        fail(at, "unknown path theory \"" + v + "\" (expected \"regular\" or \"non_regular\")");
      o.path_theory = std::move(v);
    } else if (key == "vertices") {
      std::string v = string_value(value, at, "\"listed\" or \"all\"");
      if (v != "listed" && v != "all")
        fail(at, "unknown vertices option \"" + v + "\" (expected \"listed\" or \"all\")");
      o.vertices = std::move(v);
    } else if (key == "requests") {
      if (!value.is_array())
        fail(at, "expected a list of {\"dim\", \"a\", \"b\"} objects, got " + kind_of(value));
      for (std::size_t i = 0; i < value.size(); ++i) {
        const json& r = value[i];
        const std::string ri = child(at, i);
        if (!r.is_object())
          fail(ri, "expected an object {\"dim\", \"a\", \"b\"}, got " + kind_of(r));
        for (const char* field : {"dim", "a", "b"})
          if (!r.contains(field)) fail(child(ri, field), "missing");
        PersistenceRequest req;
        req.dim =
            static_cast<int>(non_negative_integer(r["dim"], child(ri, "dim"), "dim", kMaxMaxDim));
        req.a = finite_number(r["a"], child(ri, "a"), "a filtration value");
        req.b = finite_number(r["b"], child(ri, "b"), "a filtration value");
        if (req.a > req.b)
          fail(ri, "a = " + r["a"].dump() + " is larger than b = " + r["b"].dump());
        warn_unknown_fields(r, ri, {"dim", "a", "b"}, "request field", c.warnings);
        o.requests.push_back(req);
      }
    } else if (key == "values") {
      if (!value.is_array())
        fail(at, "expected a list of filtration values, got " + kind_of(value));
      for (std::size_t i = 0; i < value.size(); ++i)
        o.values.push_back(finite_number(value[i], child(at, i), "a filtration value"));
    } else {
      c.warnings.push_back(at + ": unknown option \"" + key + "\" ignored");
    }
  }
  // Options of other input types are harmless but probably not what the author meant.
  if (o.path_theory && c.input_type != InputType::Digraph)
    c.warnings.push_back("/options/path_theory: has no effect on this input type");
  else if (o.path_theory && c.digraph_complex == "directed_flag")
    c.warnings.push_back(
        "/options/path_theory: has no effect on the directed flag complex (\"complex\": "
        "\"directed_flag\"); it chooses the path complex's boundary");
  if (o.vertices && c.input_type != InputType::Hypergraph)
    c.warnings.push_back("/options/vertices: has no effect on this input type");
}

void add_wanted(Case& c, Quantity q, std::string pointer) {
  for (const WantedQuantity& w : c.want)
    if (w.quantity == q) {
      c.warnings.push_back(pointer + ": \"" + std::string(quantity_name(q)) +
                           "\" is already wanted at " + w.pointer + "; computed once");
      return;
    }
  c.want.push_back({q, std::move(pointer)});
}

void parse_want_and_expect(const json& doc, Case& c) {
  if (doc.contains("expect")) {
    const json& expect = doc["expect"];
    if (!expect.is_object())
      fail("/expect", "expected an object of quantities, got " + kind_of(expect));
    c.expect = expect;
    for (const auto& [key, value] : expect.items())
      if (!parse_quantity(key))
        c.warnings.push_back(child("/expect", key) + ": unknown quantity \"" + key + "\" ignored" +
                             known_quantities_hint(key));
  }
  if (doc.contains("want")) {
    const json& want = doc["want"];
    if (!want.is_array()) fail("/want", "expected a list of quantity names, got " + kind_of(want));
    c.want_given = true;
    for (std::size_t i = 0; i < want.size(); ++i) {
      const std::string at = child("/want", i);
      const std::string key = string_value(want[i], at, "a quantity name");
      const auto q = parse_quantity(key);
      if (!q) fail(at, "unknown quantity \"" + key + "\"" + known_quantities_hint(key));
      add_wanted(c, *q, at);
    }
  } else if (!c.expect.is_null()) {
    // CASES.md: without `want`, a case wants exactly the keys of `expect`.
    for (const auto& [key, value] : c.expect.items())
      if (const auto q = parse_quantity(key)) add_wanted(c, *q, child("/expect", key));
  } else {
    fail("/want", "missing: list the quantities to compute, e.g. \"want\": [\"betti\"]");
  }
}

void parse_tolerance(const json& t, Case& c) {
  if (!t.is_object())
    fail("/tolerance", "expected an object {\"abs\", \"rel\"}, got " + kind_of(t));
  for (const char* field : {"abs", "rel"}) {
    if (!t.contains(field)) continue;
    const std::string at = child("/tolerance", field);
    const double x = finite_number(t[field], at, "a tolerance");
    if (x < 0) fail(at, "a tolerance must be >= 0, got " + t[field].dump());
    (std::string_view(field) == "abs" ? c.tolerance.abs : c.tolerance.rel) = x;
  }
  warn_unknown_fields(t, "/tolerance", {"abs", "rel"}, "tolerance field", c.warnings);
}

}  // namespace

std::string line_and_column(const std::string& text, std::size_t offset) {
  const std::size_t end = std::min(offset == 0 ? 0 : offset - 1, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(end - line_start + 1);
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error …"; keep only the part after the place, which we report ourselves.
std::string parse_error_reason(const json::exception& e) {
  std::string_view what = e.what();
  if (const auto at = what.find(" at line "); at != std::string_view::npos)
    if (const auto colon = what.find(": ", at); colon != std::string_view::npos)
      return std::string(what.substr(colon + 2));
  if (const auto bracket = what.find("] "); bracket != std::string_view::npos)
    return std::string(what.substr(bracket + 2));
  return std::string(what);
}

std::string_view input_type_name(InputType type) {
  for (const auto& [t, name] : kInputTypes)
    if (t == type) return name;
  return "?";
}

std::optional<InputType> parse_input_type(std::string_view name) {
  for (const auto& [t, n] : kInputTypes)
    if (n == name) return t;
  return std::nullopt;
}

std::string_view quantity_name(Quantity q) {
  for (const auto& [k, name] : kQuantities)
    if (k == q) return name;
  return "?";
}

std::optional<Quantity> parse_quantity(std::string_view key) {
  for (const auto& [q, name] : kQuantities)
    if (name == key) return q;
  return std::nullopt;
}

const std::vector<Quantity>& all_quantities() {
  static const std::vector<Quantity> all = [] {
    std::vector<Quantity> v;
    for (const auto& [q, name] : kQuantities) v.push_back(q);
    return v;
  }();
  return all;
}

std::string json_pointer_escape(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char ch : key) {
    if (ch == '~')
      out += "~0";
    else if (ch == '/')
      out += "~1";
    else
      out += ch;
  }
  return out;
}

Case parse_case(const nlohmann::json& document) {
  if (!document.is_object()) fail("", "a case must be a JSON object, got " + kind_of(document));
  Case c;
  c.document = document;
  const json& doc = document;
  if (doc.contains("format")) {
    c.format = string_value(doc["format"], "/format", "a format name");
    if (c.format != kCaseFormat)
      fail("/format", "unsupported format \"" + c.format + "\" (this reader knows \"" +
                          std::string(kCaseFormat) + "\")");
  }
  if (doc.contains("name")) c.name = string_value(doc["name"], "/name", "a name");
  if (doc.contains("description"))
    c.description = string_value(doc["description"], "/description", "a description");
  if (doc.contains("source")) c.source = string_value(doc["source"], "/source", "a source");
  if (doc.contains("tags")) {
    const json& tags = doc["tags"];
    if (!tags.is_array()) fail("/tags", "expected a list of strings, got " + kind_of(tags));
    for (std::size_t i = 0; i < tags.size(); ++i)
      c.tags.push_back(string_value(tags[i], child("/tags", i), "a tag"));
  }
  if (!doc.contains("input")) fail("/input", "missing: a case needs an \"input\"");
  parse_input(doc["input"], c);
  if (doc.contains("options")) parse_options(doc["options"], c);
  parse_want_and_expect(doc, c);
  if (doc.contains("tolerance")) parse_tolerance(doc["tolerance"], c);
  warn_unknown_fields(doc, "",
                      {"format", "name", "description", "source", "tags", "input", "options",
                       "want", "expect", "tolerance"},
                      "field", c.warnings);
  return c;
}

Case read_case(std::istream& in, std::string source_name) {
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) fail("", "read error");
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    fail(line_and_column(text, e.byte), parse_error_reason(e));
  } catch (const json::out_of_range& e) {  // a number such as 1e999 that no double holds
    fail("", parse_error_reason(e));
  }
  Case c = parse_case(doc);
  c.origin = std::move(source_name);
  return c;
}

Case read_case_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    fail("", exists ? "cannot open the file (permission denied or not a regular file)"
                    : "no such file");
  }
  if (std::filesystem::is_directory(path)) fail("", "is a directory, not a case file");
  return read_case(in, path.string());
}

}  // namespace topospec::verify

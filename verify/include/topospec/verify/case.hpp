// The case model: one JSON document (spec/CASES.md, format "topospec-case/1") describing one
// computation and, optionally, its expected answer. The reader validates everything it reads;
// every error is an InvalidInput whose where() is a JSON pointer into the document
// ("/input/simplices/2/1"), or "line L, column C" when the text is not JSON at all.
// Unknown fields are not errors: they are reported in Case::warnings (CASES.md: "readers
// ignore unknown fields with a warning, never silently misread them").
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topospec/hypergraph/digraph.hpp"
#include "topospec/hypergraph/hypergraph.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec::verify {

inline constexpr std::string_view kCaseFormat = "topospec-case/1";

// Every input type of CASES.md.
enum class InputType {
  SimplicialComplex,
  FilteredComplex,
  PointCloud,
  DistanceMatrix,
  Digraph,
  Hypergraph
};

std::string_view input_type_name(InputType type);
std::optional<InputType> parse_input_type(std::string_view name);

// Every quantity key of CASES.md, in the order of its table.
enum class Quantity {
  ChainDims,
  Betti,
  Torsion,
  EulerCharacteristic,
  BoundaryRanks,
  LaplacianSpectrum,
  UpLaplacianSpectrum,
  DownLaplacianSpectrum,
  DiracSpectrum,
  DiracSpectrumByDegree,
  HarmonicBasis,
  Barcode,
  PersistentBetti,
  PersistentLaplacianSpectrum,
  PersistentDiracSpectrum,
  PersistentHarmonicBasis,
  SpectralCurves
};

std::string_view quantity_name(Quantity q);  // the CASES.md key, e.g. "betti"

// "line L, column C" of byte `offset` (1-based, as nlohmann's parse_error::byte) in `text`.
std::string line_and_column(const std::string& text, std::size_t offset);
// The reason of a JSON parse error (or a number out of range) without nlohmann's prefix and
// place.
std::string parse_error_reason(const nlohmann::json::exception& e);

std::optional<Quantity> parse_quantity(std::string_view key);
const std::vector<Quantity>& all_quantities();

// A wanted quantity and where it was asked for ("/want/3", or "/expect/betti" when the case has
// no `want`), so that later errors about it can name the place.
struct WantedQuantity {
  Quantity quantity;
  std::string pointer;
  bool operator==(const WantedQuantity&) const = default;
};

// One (a, b) pair of the `requests` option (persistent quantities), a <= b.
struct PersistenceRequest {
  int dim = 0;
  double a = 0;
  double b = 0;
  bool operator==(const PersistenceRequest&) const = default;
};

struct CaseOptions {
  Coefficients coefficients = Coefficients::rationals();
  std::optional<int> max_dim;              // absent: the default of the input type
  std::optional<std::string> path_theory;  // "regular" | "non_regular" (digraphs)
  std::optional<std::string> vertices;     // "listed" | "all" (hypergraphs)
  std::vector<PersistenceRequest> requests;
  std::vector<double> values;  // sample points of spectral_curves
};

// Applies to real-valued quantities only; integers compare exactly. The defaults are those of
// the CASES.md example.
struct Tolerance {
  double abs = 1e-8;
  double rel = 1e-8;
};

struct Case {
  std::string format{kCaseFormat};
  std::string name;
  std::string description;
  std::string source;
  std::vector<std::string> tags;

  InputType input_type = InputType::SimplicialComplex;
  // input.simplices of a simplicial_complex or filtered_complex: validated lists of vertex ids
  // (integers in [0, 2^62], no repeats, non-empty); for a simplicial_complex the closure is
  // taken when the complex is built.
  std::vector<Simplex> simplices;
  // filtered_complex: the value of each entry of `simplices` (finite or +inf never: finite).
  std::vector<double> simplex_values;
  // point_cloud: the points (validated: equal lengths, finite); complex "rips" or "alpha".
  std::vector<std::vector<double>> points;
  std::string point_complex = "rips";
  // distance_matrix: the rows as given (full or lower-triangular; validated when built).
  std::vector<std::vector<double>> matrix;
  // point_cloud and distance_matrix: the inclusive threshold.
  std::optional<double> max_value;
  // digraph: the vertex ids (a count n became 0 … n−1; distinct), the arcs as listed (endpoints
  // among `vertices`, no self-loops; parallel arcs are kept here, merged when the digraph is
  // built, each noted in `warnings`) and optional vertex values, one per entry of `vertices`.
  // hypergraph: `vertices` holds the optional extra ids of its `vertices` field (used by the
  // option vertices = "all"); `hyperedges` the validated hyperedges as listed (non-empty, no
  // repeated vertex; duplicates noted in `warnings`). A "file" input (CLI extension) is read
  // here into the same fields.
  std::vector<VertexId> vertices;
  // digraph: "path" (the GLMY path complex, CASES.md) or "directed_flag" (the directed flag
  // complex of directed cliques; an extension of the contract, field `complex` as for points).
  std::string digraph_complex = "path";
  std::vector<Arc> arcs;
  std::vector<double> vertex_values;
  std::vector<Hyperedge> hyperedges;

  CaseOptions options;
  std::vector<WantedQuantity> want;
  bool want_given = false;  // false: `want` was absent and was taken from the keys of `expect`
  nlohmann::json expect;    // null when absent; kept verbatim for the comparison rules
  Tolerance tolerance;

  std::vector<std::string> warnings;  // unknown fields and other ignored content, with places
  nlohmann::json document;            // the whole document as read
  std::string origin;                 // where it was read from ("case.json", "<stdin>")
};

// Largest vertex id accepted (ids are int64; the margin keeps id arithmetic overflow-free).
inline constexpr std::int64_t kMaxVertexId = std::int64_t{1} << 62;

// Parses and validates a case document. Throws InvalidInput (where: a JSON pointer).
Case parse_case(const nlohmann::json& document);
// Reads JSON text, then parse_case. Malformed JSON: where = "line L, column C".
// `source_name` becomes Case::origin (e.g. "case.json", "<stdin>"); it is not part of where().
Case read_case(std::istream& in, std::string source_name = "<stdin>");
// As read_case; a file that cannot be opened is an InvalidInput with an empty where().
Case read_case_file(const std::filesystem::path& path);

// "~" and "/" escaped as RFC 6901 requires, for building pointers from object keys.
std::string json_pointer_escape(std::string_view key);

}  // namespace topospec::verify

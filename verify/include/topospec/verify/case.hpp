/// \file
/// \ingroup verify
/// The case model: one JSON document (spec/CASES.md, format "topospec-case/1") describing one
/// computation and, optionally, its expected answer. The reader validates everything it reads;
/// every error is an InvalidInput whose where() is a JSON pointer into the document
/// ("/input/simplices/2/1"), or "line L, column C" when the text is not JSON at all.
/// Unknown fields are not errors: they are reported in Case::warnings (CASES.md: "readers
/// ignore unknown fields with a warning, never silently misread them").
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

/// The verification harness behind `topospec compute` and `topospec verify`: case files, the
/// library's answers, comparison, the isolated candidate runner, invariants, random cases with
/// shrinking, diagnoses and reports.
namespace topospec::verify {

/// The value of a case's `format` field this reader understands.
inline constexpr std::string_view kCaseFormat = "topospec-case/1";

/// Every input type of CASES.md.
enum class InputType {
  /// `simplicial_complex`: simplices whose closure is taken.
  SimplicialComplex,
  /// `filtered_complex`: simplices with values, faces no later than their cofaces.
  FilteredComplex,
  /// `point_cloud`: points, with a Rips or alpha filtration.
  PointCloud,
  /// `distance_matrix`: Vietoris–Rips on given distances.
  DistanceMatrix,
  /// `digraph`: path complex (GLMY), or directed flag complex.
  Digraph,
  /// `hypergraph`: embedded homology.
  Hypergraph
};

/// The CASES.md name of an input type, e.g. "point_cloud".
std::string_view input_type_name(InputType type);
/// The input type of a CASES.md name, or nullopt for an unknown name.
std::optional<InputType> parse_input_type(std::string_view name);

/// Every quantity key of CASES.md, in the order of its table.
enum class Quantity {
  /// `chain_dims`: n_0 … n_max_dim.
  ChainDims,
  /// `betti`: β_0 … β_max_dim.
  Betti,
  /// `torsion`: invariant factors > 1 of H_q over Z.
  Torsion,
  /// `euler_characteristic` (simplicial inputs only).
  EulerCharacteristic,
  /// `boundary_ranks`: rank ∂_1 … rank ∂_{max_dim+1}.
  BoundaryRanks,
  /// `laplacian_spectrum`: eigenvalues of L_q.
  LaplacianSpectrum,
  /// `up_laplacian_spectrum`.
  UpLaplacianSpectrum,
  /// `down_laplacian_spectrum`.
  DownLaplacianSpectrum,
  /// `dirac_spectrum`: eigenvalues of D.
  DiracSpectrum,
  /// `dirac_spectrum_by_degree`: eigenvalues of D_q.
  DiracSpectrumByDegree,
  /// `harmonic_basis`: orthonormal basis of ker L_q.
  HarmonicBasis,
  /// `barcode`: persistence bars per degree.
  Barcode,
  /// `persistent_betti`, per request.
  PersistentBetti,
  /// `persistent_laplacian_spectrum`, per request.
  PersistentLaplacianSpectrum,
  /// `persistent_dirac_spectrum`, per request.
  PersistentDiracSpectrum,
  /// `persistent_harmonic_basis`, per request.
  PersistentHarmonicBasis,
  /// `spectral_curves`: Betti and λ_min per sampled value.
  SpectralCurves
};

std::string_view quantity_name(Quantity q);  ///< the CASES.md key, e.g. "betti"

/// "line L, column C" of byte `offset` (1-based, as nlohmann's parse_error::byte) in `text`.
std::string line_and_column(const std::string& text, std::size_t offset);
/// The reason of a JSON parse error (or a number out of range) without nlohmann's prefix and
/// place.
std::string parse_error_reason(const nlohmann::json::exception& e);

/// The quantity of a CASES.md key, or nullopt for a key that is no quantity.
std::optional<Quantity> parse_quantity(std::string_view key);
/// Every Quantity, in the order of the CASES.md table.
const std::vector<Quantity>& all_quantities();

/// A wanted quantity and where it was asked for ("/want/3", or "/expect/betti" when the case has
/// no `want`), so that later errors about it can name the place.
struct WantedQuantity {
  /// The quantity.
  Quantity quantity;
  /// JSON pointer of the place that asked for it.
  std::string pointer;
  /// Memberwise equality.
  bool operator==(const WantedQuantity&) const = default;
};

/// One (a, b) pair of the `requests` option (persistent quantities), a <= b.
struct PersistenceRequest {
  /// The degree q.
  int dim = 0;
  /// The earlier filtration value (complex K_a).
  double a = 0;
  /// The later filtration value (complex K_b).
  double b = 0;
  /// Memberwise equality.
  bool operator==(const PersistenceRequest&) const = default;
};

/// The `options` object of a case (CASES.md).
struct CaseOptions {
  /// Coefficients for Betti numbers and barcodes ("Q", "Z2", "Zp:p", "Z").
  Coefficients coefficients = Coefficients::rationals();
  std::optional<int> max_dim;              ///< absent: the default of the input type
  std::optional<std::string> path_theory;  ///< "regular" | "non_regular" (digraphs)
  std::optional<std::string> vertices;     ///< "listed" | "all" (hypergraphs)
  /// The (a, b) pairs of the persistent quantities.
  std::vector<PersistenceRequest> requests;
  std::vector<double> values;  ///< sample points of spectral_curves
};

/// The case's `tolerance`. Applies to real-valued quantities only; integers compare exactly. The
/// defaults are those of the CASES.md example.
struct Tolerance {
  /// Absolute tolerance.
  double abs = 1e-8;
  /// Relative tolerance (times the expected magnitude).
  double rel = 1e-8;
};

/// A parsed and validated case document (every field of CASES.md, input by type).
struct Case {
  /// The `format` field ("topospec-case/1").
  std::string format{kCaseFormat};
  /// The `name` field.
  std::string name;
  /// The `description` field.
  std::string description;
  /// The `source` field (where the case and its answer come from).
  std::string source;
  /// The `tags` field.
  std::vector<std::string> tags;

  /// The input's `type`; it says which of the input fields below are used.
  InputType input_type = InputType::SimplicialComplex;
  /// input.simplices of a simplicial_complex or filtered_complex: validated lists of vertex ids
  /// (integers in [0, 2^62], no repeats, non-empty); for a simplicial_complex the closure is
  /// taken when the complex is built.
  std::vector<Simplex> simplices;
  /// filtered_complex: the value of each entry of `simplices` (finite or +inf never: finite).
  std::vector<double> simplex_values;
  /// point_cloud: the points (validated: equal lengths, finite); complex "rips" or "alpha".
  std::vector<std::vector<double>> points;
  /// point_cloud: the complex, "rips" or "alpha".
  std::string point_complex = "rips";
  /// distance_matrix: the rows as given (full or lower-triangular; validated when built).
  std::vector<std::vector<double>> matrix;
  /// point_cloud and distance_matrix: the inclusive threshold.
  std::optional<double> max_value;
  /// digraph: the vertex ids (a count n became 0 … n−1; distinct), the arcs as listed (endpoints
  /// among `vertices`, no self-loops; parallel arcs are kept here, merged when the digraph is
  /// built, each noted in `warnings`) and optional vertex values, one per entry of `vertices`.
  /// hypergraph: `vertices` holds the optional extra ids of its `vertices` field and of a
  /// file's own vertex list (HIF "nodes"), used by the option vertices = "all"; `hyperedges` the
  /// validated hyperedges as listed (non-empty, no repeated vertex; duplicates noted in
  /// `warnings`). A "file" input (CLI extension) is read here into the same fields.
  std::vector<VertexId> vertices;
  /// digraph: "path" (the GLMY path complex, CASES.md) or "directed_flag" (the directed flag
  /// complex of directed cliques; an extension of the contract, field `complex` as for points).
  std::string digraph_complex = "path";
  /// digraph: the arcs as listed (see `vertices`).
  std::vector<Arc> arcs;
  /// digraph: empty, or one value per entry of `vertices`.
  std::vector<double> vertex_values;
  /// hypergraph: the hyperedges as listed (see `vertices`).
  std::vector<Hyperedge> hyperedges;

  /// The `options` object.
  CaseOptions options;
  /// The wanted quantities, in the order given.
  std::vector<WantedQuantity> want;
  bool want_given = false;  ///< false: `want` was absent and was taken from the keys of `expect`
  nlohmann::json expect;    ///< null when absent; kept verbatim for the comparison rules
  /// The `tolerance` object (defaults when absent).
  Tolerance tolerance;

  std::vector<std::string> warnings;  ///< unknown fields and other ignored content, with places
  nlohmann::json document;            ///< the whole document as read
  std::string origin;                 ///< where it was read from ("case.json", `"<stdin>"`)
};

/// Largest vertex id accepted (ids are int64; the margin keeps id arithmetic overflow-free).
inline constexpr std::int64_t kMaxVertexId = std::int64_t{1} << 62;

/// Parses and validates a case document. Throws InvalidInput (where: a JSON pointer).
Case parse_case(const nlohmann::json& document);
/// Reads JSON text, then parse_case. Malformed JSON: where = "line L, column C".
/// `source_name` becomes Case::origin (e.g. "case.json", `"<stdin>"`); it is not part of
/// where().
Case read_case(std::istream& in, std::string source_name = "<stdin>");
/// As read_case; a file that cannot be opened is an InvalidInput with an empty where().
Case read_case_file(const std::filesystem::path& path);

/// "~" and "/" escaped as RFC 6901 requires, for building pointers from object keys.
std::string json_pointer_escape(std::string_view key);

}  // namespace topospec::verify

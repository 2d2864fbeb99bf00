/// \file
/// \ingroup verify
/// Comparison of an answer with an expected answer, quantity by quantity, following the
/// "compared as" column of spec/CASES.md:
///  - integers exactly (chain_dims, betti, boundary_ranks, euler_characteristic); lists indexed
///    by degree are compared over the expected length (an answer may give more degrees);
///  - torsion as sorted lists per degree, an omitted degree counting as [];
///  - spectra (laplacian_spectrum and its up/down parts, dirac_spectrum, dirac_spectrum_by_degree)
///    same length and elementwise |got − expected| ≤ abs + rel·|expected|;
///  - harmonic bases as subspaces: got's cells are mapped onto the expected cells by label (a
///    cell is a set of vertex ids; for a digraph a path, a sequence), then ‖P − P_ref‖₂ ≤
///    abs + rel·‖P_ref‖₂ for the orthogonal projectors onto the two spans. Digraph and
///    hypergraph vectors live on ambient cells (allowed paths, hyperedges): a cell one side
///    leaves out counts as a zero coordinate;
///  - barcodes as multisets: the same number of infinite bars with births within abs (sorted
///    births matched in order, which is the optimal matching on a line), finite bars at
///    bottleneck distance ≤ abs (L∞, bars may be matched to the diagonal);
///  - persistent_* per request (entries matched by dim, a, b), each value by the rule of its
///    kind; spectral_curves per sampled value (Betti exactly, lambda_min within tolerance).
///
/// Every difference is located by a JSON pointer into the expected answer ("/betti/2",
/// "/laplacian_spectrum/1/2"), which is also the place in a well-formed answer.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topospec/verify/case.hpp"

namespace topospec::verify {

/// The verdict on one quantity of an answer.
enum class QuantityStatus {
  /// Equal to the expected value (within the tolerance, for reals).
  Pass,
  Fail,          ///< well-formed and different
  NotAttempted,  ///< the key is absent from the answer
  Malformed      ///< wrong type or shape, a non-finite number, a non-number
};

/// "pass", "fail", "not_attempted", "malformed".
std::string to_string(QuantityStatus status);

/// One differing position: where, and the two values there (null when one side has nothing).
struct Difference {
  /// JSON pointer of the position in the expected answer.
  std::string pointer;
  /// The expected value there (null when there is none).
  nlohmann::json expected;
  /// The answer's value there (null when there is none).
  nlohmann::json got;
  std::string note;  ///< how they differ, e.g. "|got − expected| = 0.1 > 2e-08"
};

/// The comparison of one quantity: verdict, first problem, differences.
struct QuantityResult {
  /// The quantity compared.
  Quantity quantity = Quantity::Betti;
  /// The verdict.
  QuantityStatus status = QuantityStatus::Pass;
  /// Pass: empty. Otherwise one line that starts with the pointer of the first problem and gives
  /// expected vs got and the tolerance used, e.g.
  ///   "/laplacian_spectrum/1/2: expected 3, got 2.5 (|got − expected| = 0.5 > tolerance
  ///    1e-08 + 1e-08·|expected| = 3.0000000099999997e-08)".
  std::string message;
  std::string tolerance;  ///< "exact", or the rule with its numbers
  /// The differing positions, first one first; at most kMaxDifferences (a report's diff table).
  std::vector<Difference> differences;
  /// True when there were more than kMaxDifferences differences.
  bool differences_truncated = false;
};

/// The most differences a QuantityResult lists.
inline constexpr std::size_t kMaxDifferences = 50;

/// The comparison of a whole answer with the expected answer.
struct CompareResult {
  /// One entry per wanted quantity that `expect` has, in the order of the case's `want`.
  std::vector<QuantityResult> quantities;

  bool passed() const;     ///< every quantity Pass (true when nothing was compared)
  bool any_wrong() const;  ///< some quantity Fail or Malformed
  /// Some quantity NotAttempted.
  bool any_not_attempted() const;
  /// The first Fail/Malformed quantity, else the first NotAttempted one, else nullptr.
  const QuantityResult* first_problem() const;
};

/// Compares `got` with `expect` for every wanted quantity of `c` that `expect` has (wanted keys
/// that `expect` lacks are not compared). `got` that is not a JSON object makes every compared
/// quantity Malformed. Throws InvalidInput (where: "/expect/…") when `expect` itself does not have
/// the shape of its quantity: that is a defect of the case, not of the answer.
CompareResult compare_answer(const Case& c, const nlohmann::json& expect,
                             const nlohmann::json& got);

/// Validates the expected answer of a case by comparing it with itself; throws InvalidInput
/// (where: "/expect/…") when it is malformed. A case without `expect` passes.
void validate_expect(const Case& c);

/// Bottleneck distance (L∞ ground metric, points may go to the diagonal) between two multisets
/// of finite bars [birth, death). Exposed for tests.
double bottleneck_distance(const std::vector<std::pair<double, double>>& a,
                           const std::vector<std::pair<double, double>>& b);

/// The complex's top dimension as the input defines it (simplicial_complex: the largest simplex
/// listed, minus one; -1 for no simplices; hypergraph: the largest hyperedge), or nullopt for
/// input types where it is not known without building the complex (a digraph's path complex
/// may have no top). Used for "max_dim covers the whole complex".
std::optional<int> input_top_dimension(const Case& c);

/// The highest degree an answer to `c` reports: options.max_dim, else the input's top dimension.
std::optional<int> reported_max_dim(const Case& c);

/// Short rendering of a JSON value for messages: at most `limit` characters.
std::string short_json(const nlohmann::json& v, std::size_t limit = 120);

}  // namespace topospec::verify

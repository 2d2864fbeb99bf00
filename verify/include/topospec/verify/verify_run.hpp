/// \file
/// \ingroup verify
/// `topospec verify`: runs a suite of cases (and optionally random cases) against a candidate
/// program, or against the library itself, and judges every answer.
///
/// Per case:
///  1. the answer: with a candidate, the case without `expect` (format, name, input, options,
///     want) goes to its stdin through run_candidate() (isolated, limited) and its stdout is
///     parsed as JSON; without one, answer_case() answers in-process;
///  2. compare_answer() against `expect` (wanted keys that `expect` lacks are not compared);
///  3. check_invariants() on the answer itself — a violation fails the case even when there is
///     no `expect`;
///  4. for a wrong answer, diagnose(): which known conceptual error reproduces it.
///
/// Status: Error (the run failed: non-zero exit, signal, limits, unparsable output) and Timeout
/// come first; then Fail (a quantity differs or is malformed, or an invariant is violated);
/// then NotAttempted (some wanted key missing, nothing wrong); else Pass.
///
/// Random mode (random_count > 0): random_case(seed + i) for i < random_count, expected answers
/// from the library; a case that does not pass is shrunk (shrink_case, the predicate re-runs the
/// candidate and compares with the library's answer to the smaller case) and the minimal
/// counterexample is returned as a ready-to-run case document with `expect`, for the caller to
/// write to CaseReport::counterexample_path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "topospec/verify/answer.hpp"
#include "topospec/verify/candidate_runner.hpp"
#include "topospec/verify/case.hpp"
#include "topospec/verify/compare.hpp"
#include "topospec/verify/diagnosis.hpp"
#include "topospec/verify/invariants.hpp"
#include "topospec/verify/random_instances.hpp"

namespace topospec::verify {

/// The verdict on one case (see the file comment for the order in which they are decided).
enum class CaseStatus { Pass, Fail, NotAttempted, Error, Timeout };
/// \var topospec::verify::CaseStatus::Pass
/// Every wanted quantity answered, compared equal, no invariant violated.
/// \var topospec::verify::CaseStatus::Fail
/// A quantity differs or is malformed, or an invariant is violated.
/// \var topospec::verify::CaseStatus::NotAttempted
/// Some wanted key missing, nothing wrong.
/// \var topospec::verify::CaseStatus::Error
/// The run failed: non-zero exit, signal, limits, unparsable output.
/// \var topospec::verify::CaseStatus::Timeout
/// The run hit the wall-clock limit.

/// Machine-friendly name: "pass", "fail", "not_attempted", "error", "timeout".
std::string to_string(CaseStatus status);
/// Label for people: "PASS", "FAIL", "NOT ATTEMPTED", "ERROR", "TIMEOUT".
std::string status_label(CaseStatus status);

/// Everything known about one case after it ran: verdict, answer, comparison, run.
struct CaseReport {
  std::string name;    ///< the case's name (else the file's stem)
  std::string origin;  ///< the case file, or "random seed S" for a random case
  /// The case's tags.
  std::vector<std::string> tags;
  /// The verdict.
  CaseStatus status = CaseStatus::Error;
  std::string summary;  ///< one line: the first problem ("" when passed)

  nlohmann::json input;    ///< the case's `input`, for reports
  nlohmann::json options;  ///< the case's `options`, for reports (null when absent)
  nlohmann::json expect;   ///< null when the case has none
  nlohmann::json answer;   ///< the parsed answer (null when there is none)

  /// The answer compared with `expect`.
  CompareResult comparison;
  std::vector<std::string> not_attempted;  ///< wanted keys absent from the answer (expected or not)
  std::vector<std::string> unknown_keys;   ///< answer keys that are no CASES.md quantity
  /// Invariants the answer violates (check_invariants()).
  std::vector<InvariantViolation> violations;
  /// Known conceptual errors that reproduce the wrong answer (diagnose()).
  std::vector<Diagnosis> diagnoses;

  /// The run (candidate mode): what run_candidate said.
  std::optional<RunResult> run;
  std::string error;  ///< Error/Timeout: why, in one line (exit status, parse message, …)

  double seconds = 0;  ///< wall time of the whole case (run + checks)

  /// Random mode, when this case did not pass: the shrunk counterexample (a case document with
  /// `expect`); counterexample_path says where the caller should write it.
  nlohmann::json counterexample;
  /// Where the caller should write `counterexample` (under VerifyOptions::counterexample_dir).
  std::filesystem::path counterexample_path;
  std::string counterexample_summary;  ///< the shrunk case's first problem
};

/// The number of cases with each status.
struct StatusCounts {
  /// Cases that passed (each other member counts its CaseStatus likewise).
  std::size_t pass = 0, fail = 0, not_attempted = 0, error = 0, timeout = 0;
  /// Number of cases.
  std::size_t total() const { return pass + fail + not_attempted + error + timeout; }
  /// \var fail
  /// Cases that failed.
  /// \var not_attempted
  /// Cases not attempted.
  /// \var error
  /// Cases whose run failed.
  /// \var timeout
  /// Cases whose run timed out.
};

/// The result of run_verify(): every case's report and what was run.
struct VerifyReport {
  std::vector<CaseReport> cases;  ///< in the order the cases were listed
  /// The candidate command; absent when the library answered.
  std::optional<std::string> candidate;
  std::string isolation;           ///< isolation_summary() in candidate mode
  std::vector<std::string> suite;  ///< what was run (paths)
  /// The first seed of the random cases (random mode only).
  std::optional<std::uint64_t> seed;
  /// Number of random cases.
  std::size_t random_count = 0;
  /// Wall time of the whole run.
  double seconds = 0;
  /// Things worth telling that change no status: unknown fields in case files (with the file),
  /// random cases the library itself could not answer (skipped).
  std::vector<std::string> warnings;

  /// The number of cases per status.
  StatusCounts counts() const;
  /// True when every case passed (also when there are none).
  bool all_passed() const { return counts().pass == cases.size(); }
};

/// What run_verify() runs, against what, and how.
struct VerifyOptions {
  std::vector<std::filesystem::path>
      suite;                             ///< directories (searched recursively for *.json) or files
  std::optional<std::string> candidate;  ///< shell command; absent: the library answers
  std::vector<std::string> filter_tags;  ///< run only cases with at least one of these tags
  RunLimits limits;                      ///< per candidate run
  std::size_t jobs = 1;                  ///< cases run at the same time

  std::size_t random_count = 0;  ///< random cases (after the suite's)
  /// Quantities the random cases want (CASES.md keys); empty: random_case's default. Any
  /// persistent quantity makes the random inputs filtered complexes.
  std::vector<std::string> random_want;
  RandomInput random_input = RandomInput::Simplicial;  ///< what the random cases are
  /// Random case i is random_case(seed + i).
  std::uint64_t seed = 0;
  /// Where counterexample files go (`counterexample-<seed>.json`).
  std::filesystem::path counterexample_dir = "topospec-counterexamples";
  std::size_t shrink_calls = 200;  ///< bound on candidate runs while shrinking one case
  bool with_diagnoses = true;      ///< run diagnose() on failing cases

  AnswerOptions answer;  ///< for the library's own answers (memory budget)
  /// Called after each case, from the calling thread, in completion order.
  std::function<void(const CaseReport&, std::size_t done, std::size_t total)> on_case;
};

/// The suite's case files: each directory searched recursively for `*.json` (sorted by path), each
/// file taken as given. Throws InvalidInput (where: the path) for a path that does not exist or a
/// directory without any case file.
std::vector<std::filesystem::path> list_case_files(const std::vector<std::filesystem::path>& suite);

/// The document sent to a candidate: format, name, input, options and want (the keys of
/// `expect` when the case has no `want`) — never `expect`.
nlohmann::json candidate_request(const Case& c);

/// Parses a candidate's stdout. NaN, Infinity and -Infinity (which Python's json module writes)
/// are not JSON; they are read as the strings "NaN", "Infinity", "-Infinity" so that the
/// comparison names the exact place of the non-number. Throws InvalidInput (where: "line L,
/// column C") when the text is not JSON even so.
nlohmann::json parse_answer(const std::string& text);

/// A case document as text (2-space indent, ending in a newline), its fields in the order of
/// CASES.md (format, name, description, source, tags, input, options, want, expect, tolerance,
/// then any others), for counterexample files a person reads.
std::string case_document_text(const nlohmann::json& case_json);

/// Runs one case (already parsed) and judges it. `expect` is normally c.expect.
CaseReport verify_case(const Case& c, const nlohmann::json& expect, const VerifyOptions& options);

/// Loads every case (a case file that cannot be read or whose `expect` is malformed is an
/// InvalidInput naming the file: nothing runs), runs them and the random cases.
VerifyReport run_verify(const VerifyOptions& options);

}  // namespace topospec::verify

/// \file
/// \ingroup verify
/// Renderings of a VerifyReport: the terminal summary, a JSON report, JUnit XML for CI systems,
/// and one self-contained HTML page (inline CSS, no scripts, no external resources). Each returns
/// the whole text; writing it (atomically) is the caller's business. Text that came from a
/// candidate (stderr, messages quoting its output) is made valid UTF-8 and escaped for the format.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "topospec/verify/verify_run.hpp"

namespace topospec::verify {

/// One row per case (case, status, first problem), then diagnoses, counterexamples, warnings and
/// the counts per status. `color`: ANSI colours for the status column.
std::string summary_table(const VerifyReport& report, bool color = false);

/// The counts line alone: "62 cases: 60 passed, 1 failed, 1 not attempted, 0 errors, 0 timeouts".
std::string counts_line(const VerifyReport& report);

/// Everything, machine-readable ("format": "topospec-verify-report/1"): per case the status,
/// summary, per-quantity results with their differences, invariant violations, diagnoses, the
/// run (exit status, signal, stderr tail), the input, the expected answer and the answer (large
/// values are replaced by `{"omitted": "<size>"}`).
nlohmann::json report_json(const VerifyReport& report);

/// JUnit XML: one `<testcase>` per case; Fail and NotAttempted are `<failure>`, Error and
/// Timeout are `<error>`, each with a message (the first problem) and the details as text.
std::string junit_xml(const VerifyReport& report);

/// A single HTML page: counts, a table of every case with its status in colour, and per case
/// its input and options (pretty JSON), a diff table (position, expected, got) per failing
/// quantity, invariant violations, diagnoses, the run's stderr and any counterexample.
std::string html_report(const VerifyReport& report);

// Helpers, exposed for tests.
std::string valid_utf8(std::string_view text);   ///< invalid sequences become U+FFFD
std::string xml_escape(std::string_view text);   ///< also drops characters XML 1.0 forbids
std::string html_escape(std::string_view text);  ///< also drops control characters
std::string printable(std::string_view text);    ///< for a terminal: no control characters

}  // namespace topospec::verify

// `topospec verify`: argument parsing and output for the verify library (verify_run.hpp,
// report.hpp), which does all the work. main.cpp registers the subcommand through
// add_verify_command() and maps exceptions to exit codes (InvalidInput → 2, ResourceLimit → 3).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "staged_files.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/verify/candidate_runner.hpp"
#include "topospec/verify/report.hpp"
#include "topospec/verify/verify_run.hpp"

namespace topospec::cli {
namespace {

namespace fs = std::filesystem;

// Exit status when anything did not pass (0, 1, 2, 3 are taken by main.cpp's mapping).
constexpr int kExitNotAllPassed = 4;

constexpr const char* kVerifyFooter = R"(What it does:
  Runs every case of the suite (default: the reference suite shipped with topospec) and judges
  each answer: compared with the case's "expect" by the rules of docs/case-format.md (integers
  exactly, spectra within the case's tolerance, harmonic bases as subspaces, barcodes by
  bottleneck distance), and checked against invariants that need no expected answer (Euler
  characteristic, rank-nullity, nullity of L_q = Betti, D^2 = sum of L_q, ...). For a wrong
  answer it names the known conceptual error that reproduces it, when there is one.

  Without --candidate the topospec library itself is checked. With --candidate, CMD runs once
  per case through /bin/sh -c, with the case (without "expect") on its stdin; it must print
  one JSON object of quantities on stdout and exit 0. Each run has its own empty temporary
  working directory, a minimal environment (PATH, HOME, LANG, TMPDIR), wall-clock, CPU-time
  and memory limits, and is killed with everything it started when it overruns. Because it
  runs in an empty directory, give the candidate's files by absolute path, e.g.
    --candidate "/usr/bin/python3 $PWD/my_candidate.py"

  --random N checks N random complexes (random_case(S), ..., random_case(S+N-1)), whose
  expected answers the library computes: after the cases of --suite, or instead of the
  reference suite when --suite is not given. --input digraph|hypergraph|mixed makes them
  digraphs (at most 7 vertices, sometimes weighted, either path theory) or hypergraphs
  (hyperedges of 1-4 vertices, sometimes valued) instead of simplicial complexes. A case that
  does not pass is shrunk to a minimal counterexample, written to --out DIR as a ready-to-run
  case file with "expect".

Statuses: PASS; FAIL (a quantity differs or is malformed, or an invariant is violated: the
  first differing position, expected vs got and the tolerance are shown); NOT ATTEMPTED (some
  wanted quantities missing, none wrong); ERROR (non-zero exit, signal, memory or output
  limit, output that is not JSON: with the exit status and the end of stderr); TIMEOUT.

Reports: a table on standard output; --json, --junit (for CI systems) and --html (one page,
  no external resources) write files, each completely or not at all.

Exit status: 0 every case passed; 4 some case failed, was not attempted, errored or timed
  out; 2 bad input (a missing suite, an unreadable case file, bad options); 3 a resource
  limit of topospec itself; 1 any other failure.

Examples:
  topospec verify
  topospec verify --candidate "/usr/bin/python3 $PWD/cand.py" --html report.html
  topospec verify --candidate "$PWD/cand" --suite my-cases/ --filter torsion --junit ci.xml
  topospec verify --candidate "$PWD/cand" --random 200 --seed 7 --out counterexamples/
  topospec verify --candidate "$PWD/cand" --random 50 --want barcode persistent_laplacian_spectrum
  topospec verify --candidate "$PWD/cand" --random 100 --input digraph --want betti chain_dims
)";

struct VerifySettings {
  std::vector<std::string> suite;
  std::string candidate;
  std::vector<std::string> filter;
  std::size_t random = 0;
  std::vector<std::string> want;
  std::string input = "simplicial";
  std::uint64_t seed = 0;
  std::string out = "topospec-counterexamples";
  std::string json_file, junit_file, html_file;
  double timeout = 20;
  double memory_mib = 2048;
  std::size_t jobs = 1;
};

// The reference suite when --suite is not given: installed next to the executable
// (PREFIX/bin/topospec → PREFIX/share/topospec/suite), else the source tree this binary was
// built from.
fs::path default_suite() {
  std::vector<fs::path> tried;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) tried.push_back(exe.parent_path().parent_path() / "share" / "topospec" / "suite");
#ifdef TOPOSPEC_SOURCE_SUITE_DIR
  tried.emplace_back(TOPOSPEC_SOURCE_SUITE_DIR);
#else
  // CMake compiles this file by its absolute path: apps/topospec/verify_command.cpp.
  if (const fs::path self = __FILE__; self.is_absolute())
    tried.push_back(self.parent_path().parent_path().parent_path() / "verify" / "suite");
#endif
  for (const fs::path& p : tried)
    if (fs::is_directory(p, ec)) return p;
  std::string where;
  for (const fs::path& p : tried) where += (where.empty() ? "" : ", ") + p.string();
  throw InvalidInput(
      "--suite", "no reference suite found (looked in " + where + "); give one with --suite DIR");
}

// A limit must be a finite number > 0: every run needs one (0 is not "no limit").
// (CLI::PositiveNumber's message prints the largest double in full.)
CLI::Validator positive_number(const std::string& unit) {
  return CLI::Validator(
      [unit](std::string& text) -> std::string {
        double x = 0;
        std::size_t used = 0;
        try {
          x = std::stod(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != text.size() || !std::isfinite(x) || x <= 0)
          return "must be a positive number of " + unit + ", got " + text;
        return {};
      },
      "POSITIVE");
}

// The candidate runs in an empty directory: a relative path that exists here will not exist
// there. Say so before every case errors with "No such file or directory".
void warn_relative_paths(const std::string& command) {
  std::istringstream words(command);
  std::string word;
  while (words >> word) {
    if (word.empty() || word[0] == '/' || word[0] == '-' || word[0] == '$' || word[0] == '~')
      continue;
    if (word.find('/') == std::string::npos && word.find('.') == std::string::npos) continue;
    std::error_code ec;
    if (fs::exists(word, ec))
      std::cerr << "topospec: warning: the candidate runs in an empty temporary directory, so the "
                   "relative path '"
                << word << "' will not be found there; use " << fs::absolute(word).string() << '\n';
  }
}

// A report that cannot be written should stop the run before it starts, not after an hour.
void check_output_directory(const std::string& file, const char* option) {
  if (file.empty()) return;
  const fs::path dir = fs::path(file).parent_path();
  std::error_code ec;
  if (!dir.empty() && !fs::is_directory(dir, ec))
    throw InvalidInput(file,
                       std::string(option) + ": the directory " + dir.string() + " does not exist");
}

int run_verify_command(const VerifySettings& s) {
  check_output_directory(s.json_file, "--json");
  check_output_directory(s.junit_file, "--junit");
  check_output_directory(s.html_file, "--html");
  verify::VerifyOptions options;
  if (!s.candidate.empty()) {
    options.candidate = s.candidate;
    warn_relative_paths(s.candidate);
    // Untrusted code keeping root is worth a line on the terminal, not only in the reports.
    const std::string isolation = verify::isolation_summary(s.candidate);
    if (isolation.find("runs as our uid 0") != std::string::npos)
      std::cerr << "topospec: warning: the candidate will run as root (" << isolation
                << "); make its files readable by other users, or run topospec as an ordinary "
                   "user\n";
  }
  for (const std::string& p : s.suite) options.suite.emplace_back(p);
  if (options.suite.empty() && s.random == 0) options.suite.push_back(default_suite());
  options.filter_tags = s.filter;
  options.limits.wall_seconds = s.timeout;
  options.limits.cpu_seconds = s.timeout;
  options.limits.memory_bytes = static_cast<std::size_t>(s.memory_mib * 1024 * 1024);
  options.jobs = s.jobs;
  options.random_count = s.random;
  for (const std::string& key : s.want)
    if (!verify::parse_quantity(key))
      throw InvalidInput("--want", "unknown quantity \"" + key + "\"");
  options.random_want = s.want;
  options.random_input = *verify::parse_random_input(s.input);  // checked by CLI11
  options.seed = s.seed;
  options.counterexample_dir = s.out;

  // Progress for a person watching: one "\r"-updated line on stderr.
  const bool progress = ::isatty(2) == 1;
  options.on_case = [progress](const verify::CaseReport& c, std::size_t done, std::size_t total) {
    if (!progress) return;
    std::fprintf(stderr, "\r\033[K[%zu/%zu] %s: %s", done, total, c.name.c_str(),
                 verify::status_label(c.status).c_str());
    std::fflush(stderr);
  };
  const verify::VerifyReport report = verify::run_verify(options);
  if (progress) std::fputs("\r\033[K", stderr);

  // The results first: should a report fail to be written, they are not lost.
  std::cout << verify::summary_table(report, ::isatty(1) == 1) << std::flush;

  // Every file is staged first and renamed into place only when all could be written.
  StagedFiles files;
  for (const verify::CaseReport& c : report.cases) {
    if (c.counterexample_path.empty()) continue;
    std::error_code ec;
    fs::create_directories(c.counterexample_path.parent_path(), ec);
    if (ec)
      throw InvalidInput(c.counterexample_path.parent_path().string(),
                         "cannot create the directory: " + ec.message());
    files.stage(c.counterexample_path, verify::case_document_text(c.counterexample));
  }
  if (!s.json_file.empty())
    files.stage(s.json_file, verify::report_json(report).dump(
                                 2, ' ', false, nlohmann::json::error_handler_t::replace) +
                                 "\n");
  if (!s.junit_file.empty()) files.stage(s.junit_file, verify::junit_xml(report));
  if (!s.html_file.empty()) files.stage(s.html_file, verify::html_report(report));
  files.commit();

  return report.all_passed() ? 0 : kExitNotAllPassed;
}

}  // namespace

// Registers `verify` on `app`; `run` is set to the function that executes it once parsed.
CLI::App* add_verify_command(CLI::App& app, std::function<int()>& run) {
  auto s = std::make_shared<VerifySettings>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "check a candidate program (or the library) against the reference suite");
  cmd->add_option("--suite", s->suite,
                  "case files or directories (searched recursively for *.json); default: the "
                  "reference suite")
      ->type_name("DIR|FILE");
  cmd->add_option("--candidate", s->candidate,
                  "shell command of the program under test (absolute paths: it runs in an empty "
                  "directory); default: the topospec library")
      ->type_name("'CMD ARGS...'");
  cmd->add_option("--filter", s->filter, "run only cases with one of these tags")->type_name("TAG");
  CLI::Option* random = cmd->add_option("--random", s->random,
                                        "check N random complexes (expected answers from the "
                                        "library): after the --suite cases, or alone when "
                                        "--suite is not given")
                            ->type_name("N");
  cmd->add_option("--seed", s->seed, "first seed of --random (case i uses seed S+i)")
      ->type_name("S")
      ->capture_default_str()
      ->needs(random);
  cmd->add_option("--want", s->want,
                  "quantities the random cases ask for (keys of docs/case-format.md; persistent "
                  "ones make the random inputs filtered complexes)")
      ->type_name("KEY")
      ->needs(random);
  cmd->add_option("--input", s->input,
                  "what the random cases are: simplicial complexes, digraphs (path homology), "
                  "hypergraphs (embedded homology) or a mix of the three")
      ->type_name("KIND")
      ->check(CLI::IsMember({"simplicial", "digraph", "hypergraph", "mixed"}))
      ->capture_default_str()
      ->needs(random);
  cmd->add_option("--out", s->out, "where --random writes minimal counterexamples")
      ->type_name("DIR")
      ->capture_default_str()
      ->needs(random);
  cmd->add_option("--json", s->json_file, "write the full report as JSON")->type_name("FILE");
  cmd->add_option("--junit", s->junit_file, "write a JUnit XML report (CI systems)")
      ->type_name("FILE");
  cmd->add_option("--html", s->html_file, "write a self-contained HTML report")->type_name("FILE");
  cmd->add_option("--timeout", s->timeout, "wall-clock and CPU-time limit per candidate run")
      ->type_name("SECONDS")
      ->check(positive_number("seconds"))
      ->capture_default_str();
  cmd->add_option("--memory", s->memory_mib, "address-space limit per candidate run")
      ->type_name("MIB")
      ->check(positive_number("MiB"))
      ->capture_default_str();
  cmd->add_option("--jobs", s->jobs, "cases run at the same time")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}))
      ->capture_default_str();
  cmd->footer(kVerifyFooter);
  run = [s] { return run_verify_command(*s); };
  return cmd;
}

}  // namespace topospec::cli

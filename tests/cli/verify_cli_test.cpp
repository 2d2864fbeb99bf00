// End-to-end tests of `topospec verify`: the real binary against the reference suite, the
// example candidates (correct and planted bugs), misbehaving candidates, reports and exit codes.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using topospec::test::ProcessResult;
using topospec::test::run_process;

const fs::path kCandidates = fs::path(TOPOSPEC_SOURCE_DIR) / "verify" / "candidates";

std::string python_candidate(const std::string& file) {
  return "/usr/bin/python3 " + (kCandidates / file).string();
}

// Octahedron (β = 1,0,1 over Q) and six-vertex RP² over Q (β = 1,0,0; Z/2 gives 1,1,1).
const json kOctahedron = {
    {"format", "topospec-case/1"},
    {"name", "octahedron"},
    {"tags", {"simplicial", "sphere"}},
    {"input",
     {{"type", "simplicial_complex"},
      {"simplices", json::parse("[[0,1,2],[0,1,4],[0,2,3],[0,3,4],[1,2,5],[1,4,5],[2,3,5],"
                                "[3,4,5]]")}}},
    {"expect", {{"chain_dims", {6, 12, 8}}, {"betti", {1, 0, 1}}, {"euler_characteristic", 2}}}};
const json kRp2Q = {
    {"format", "topospec-case/1"},
    {"name", "rp2-q"},
    {"tags", {"simplicial", "torsion"}},
    {"input",
     {{"type", "simplicial_complex"},
      {"simplices", json::parse("[[1,2,3],[1,3,4],[1,4,5],[1,5,6],[1,2,6],[2,3,5],[2,4,5],"
                                "[2,4,6],[3,4,6],[3,5,6]]")}}},
    {"options", {{"coefficients", "Q"}}},
    {"expect", {{"betti", {1, 0, 0}}, {"boundary_ranks", {5, 10, 0}}}}};
const json kHexagon = {
    {"format", "topospec-case/1"},
    {"name", "hexagon"},
    {"tags", {"simplicial", "graph"}},
    {"input",
     {{"type", "simplicial_complex"},
      {"simplices", json::parse("[[0,1],[1,2],[2,3],[3,4],[4,5],[0,5]]")}}},
    {"expect",
     {{"betti", {1, 1}},
      {"laplacian_spectrum", {{"0", {0, 1, 1, 3, 3, 4}}, {"1", {0, 1, 1, 3, 3, 4}}}}}},
    {"tolerance", {{"abs", 1e-8}, {"rel", 1e-8}}}};

class VerifyCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "topospec-verify-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    // Candidates run as an unprivileged user when the tests run as root; let them look.
    ::chmod(dir_.c_str(), 0755);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write_case(const json& c) {
    fs::create_directories(dir_ / "suite");
    const fs::path p = dir_ / "suite" / (c["name"].get<std::string>() + ".json");
    std::ofstream(p) << c.dump(2);
    return p;
  }

  ProcessResult verify(std::vector<std::string> args) {
    args.insert(args.begin(), {TOPOSPEC_CLI, "--backend", "cpu", "verify"});
    return run_process(args);
  }

  json read_json(const fs::path& p) {
    std::ifstream in(p);
    EXPECT_TRUE(in) << p;
    return json::parse(in);
  }

  static std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  // The report's entry for case `name`.
  static const json& case_of(const json& report, const std::string& name) {
    for (const json& c : report["cases"])
      if (c["name"] == name) return c;
    static const json none;
    ADD_FAILURE() << "no case " << name << " in the report";
    return none;
  }

  // The comparison result of `quantity` in a report's case entry.
  static const json& quantity_of(const json& c, const std::string& quantity) {
    for (const json& q : c["quantities"])
      if (q["quantity"] == quantity) return q;
    static const json none;
    ADD_FAILURE() << "no quantity " << quantity << " in " << c["name"];
    return none;
  }

  fs::path dir_;
};

TEST_F(VerifyCli, TheLibraryPassesTheReferenceSuite) {
  const ProcessResult r = verify({});  // default suite: the source tree's verify/suite
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" 0 failed, 0 not attempted, 0 errors, 0 timeouts"), std::string::npos)
      << r.out;
  // And through the path a candidate takes: `topospec compute -` on stdin, isolated.
  const ProcessResult c =
      verify({"--candidate", std::string("'") + TOPOSPEC_CLI + "' --backend cpu compute -",
              "--jobs", "2"});
  EXPECT_EQ(c.status, 0) << c.out << c.err;
}

TEST_F(VerifyCli, HelpDocumentsTheExitStatuses) {
  const ProcessResult r = verify({"--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Exit status: 0 every case passed; 4 some case failed"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("--candidate"), std::string::npos);
  EXPECT_NE(r.out.find("--random"), std::string::npos);
  // --random alone replaces the reference suite; it is not "also".
  EXPECT_NE(r.out.find("alone when --suite is not given"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("also check"), std::string::npos) << r.out;
}

TEST_F(VerifyCli, LimitsMustBePositiveNumbers) {
  for (const char* timeout : {"0", "-1", "inf", "soon"}) {
    const ProcessResult r = verify({"--timeout", timeout});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.err, std::string("topospec: error: --timeout: must be a positive number of "
                                 "seconds, got ") +
                         timeout + " (see topospec verify --help)\n");
  }
  const ProcessResult r = verify({"--memory", "0"});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("--memory: must be a positive number of MiB, got 0"), std::string::npos)
      << r.err;
}

// The reference candidate knows the "complex": "directed_flag" extension: it answers the
// directed flag complex (not the path complex), as the library does.
TEST_F(VerifyCli, TheCorrectCandidateAnswersTheDirectedFlagComplex) {
  const fs::path report = dir_ / "r.json";
  const ProcessResult r =
      verify({"--candidate", python_candidate("correct.py"), "--suite",
              (kCandidates / "selfcheck" / "digraph-directed-flag.json").string(), "--json",
              report.string()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  const json j = read_json(report);
  const json& c = case_of(j, "digraph-directed-flag");
  EXPECT_EQ(c["status"], "pass") << c.dump(2);
  EXPECT_FALSE(c.contains("diagnoses") && !c["diagnoses"].empty()) << c.dump(2);
}

TEST_F(VerifyCli, AMissingSuiteIsBadInput) {
  const fs::path missing = dir_ / "no-such-suite";
  const ProcessResult r = verify({"--suite", missing.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(missing.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no such file or directory"), std::string::npos) << r.err;
}

TEST_F(VerifyCli, AReportThatCannotBeWrittenStopsTheRunBeforeItStarts) {
  const fs::path c = write_case(kOctahedron);
  const ProcessResult r = verify({"--candidate", "sleep 30", "--suite", c.string(), "--html",
                                  (dir_ / "missing" / "r.html").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(VerifyCli, AMalformedCaseFileIsBadInputNamingTheFileAndPlace) {
  json bad = kOctahedron;
  bad["expect"]["betti"] = {1, "zero", 1};
  const fs::path p = write_case(bad);
  const ProcessResult r = verify({"--suite", p.string(), "--json", (dir_ / "r.json").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(p.string() + ": /expect/betti/1"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "r.json")) << "a report was written after bad input";
}

TEST_F(VerifyCli, TheCorrectCandidatePassesEveryCaseItAttempts) {
  const fs::path report = dir_ / "correct.json";
  const ProcessResult r = verify(
      {"--candidate", python_candidate("correct.py"), "--jobs", "2", "--json", report.string()});
  ASSERT_TRUE(r.status == 0 || r.status == 4) << r.out << r.err;
  const json j = read_json(report);
  std::size_t passed = 0;
  for (const json& c : j["cases"]) {
    EXPECT_TRUE(c["status"] == "pass" || c["status"] == "not_attempted")
        << c["name"] << ": " << c["summary"];
    passed += c["status"] == "pass";
  }
  EXPECT_GT(passed, 0u);
  EXPECT_EQ(j["counts"]["fail"], 0);
  EXPECT_EQ(j["counts"]["error"], 0);
}

TEST_F(VerifyCli, TopDimensionMissingIsCaughtAtTheTopBettiNumber) {
  const fs::path c = write_case(kOctahedron);
  const fs::path report = dir_ / "r.json";
  const ProcessResult r = verify({"--candidate", python_candidate("bug_top_dim_missing.py"),
                                  "--suite", c.string(), "--json", report.string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  EXPECT_NE(r.out.find("/betti/2: expected 1, got 0 (exact)"), std::string::npos) << r.out;
  const json j = read_json(report);
  const json& k = case_of(j, "octahedron");
  EXPECT_EQ(k["status"], "fail");
  const json* betti = nullptr;
  for (const json& q : k["quantities"])
    if (q["status"] != "pass") {
      betti = &q;  // the first wrong quantity
      break;
    }
  ASSERT_NE(betti, nullptr);
  EXPECT_EQ((*betti)["quantity"], "betti");
  EXPECT_EQ((*betti)["differences"][0]["pointer"], "/betti/2");
  EXPECT_EQ((*betti)["differences"][0]["expected"], 1);
  EXPECT_EQ((*betti)["differences"][0]["got"], 0);
  EXPECT_EQ((*betti)["tolerance"], "exact");
  // The invariants catch it without the expected answer: Σ(−1)^q β_q ≠ χ.
  bool euler = false;
  for (const json& v : k["violations"]) euler |= v["invariant"] == "euler_betti";
  EXPECT_TRUE(euler) << k["violations"].dump();
  bool diagnosed = false;
  for (const json& d : k["diagnoses"])
    diagnosed |= d["explanation"].get<std::string>().find("top-dimension") != std::string::npos;
  EXPECT_TRUE(diagnosed) << k["diagnoses"].dump();
}

TEST_F(VerifyCli, Z2InsteadOfQIsCaughtAtTheFirstBettiNumberWithTorsion) {
  const fs::path c = write_case(kRp2Q);
  const fs::path report = dir_ / "r.json";
  const ProcessResult r = verify({"--candidate", python_candidate("bug_z2_instead_of_q.py"),
                                  "--suite", c.string(), "--json", report.string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  const json j = read_json(report);
  const json& k = case_of(j, "rp2-q");
  EXPECT_EQ(k["status"], "fail");
  EXPECT_EQ(k["quantities"][0]["quantity"], "betti");
  EXPECT_EQ(k["quantities"][0]["status"], "fail");
  EXPECT_EQ(k["quantities"][0]["differences"][0]["pointer"], "/betti/1");
  EXPECT_EQ(k["quantities"][0]["differences"][0]["expected"], 0);
  EXPECT_EQ(k["quantities"][0]["differences"][0]["got"], 1);
  EXPECT_EQ(k["quantities"][1]["quantity"], "boundary_ranks");
  EXPECT_EQ(k["quantities"][1]["status"], "fail");
  bool diagnosed = false;
  for (const json& d : k["diagnoses"])
    diagnosed |= d["explanation"].get<std::string>().find("Z/2") != std::string::npos;
  EXPECT_TRUE(diagnosed) << k["diagnoses"].dump();
}

TEST_F(VerifyCli, ReportsAreWrittenAndWellFormed) {
  write_case(kOctahedron);
  write_case(kRp2Q);
  write_case(kHexagon);
  const fs::path json_file = dir_ / "out" / "r.json";
  const fs::path junit = dir_ / "out" / "r.xml";
  const fs::path html = dir_ / "out" / "r.html";
  fs::create_directories(dir_ / "out");
  const ProcessResult r =
      verify({"--candidate", python_candidate("bug_top_dim_missing.py"), "--suite",
              (dir_ / "suite").string(), "--json", json_file.string(), "--junit", junit.string(),
              "--html", html.string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  // Nothing but the three reports (no temporary files left behind).
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir_ / "out")) out.push_back(e.path().filename());
  std::sort(out.begin(), out.end());
  EXPECT_EQ(out, (std::vector<std::string>{"r.html", "r.json", "r.xml"}));

  const json j = read_json(json_file);
  EXPECT_EQ(j["format"], "topospec-verify-report/1");
  EXPECT_EQ(j["cases"].size(), 3u);
  EXPECT_EQ(j["counts"]["total"], 3);
  EXPECT_EQ(j["counts"]["pass"], 1);  // RP² has β_2 = 0: the missing top degree is harmless
  EXPECT_EQ(j["counts"]["fail"], 2);
  EXPECT_EQ(j["passed"], false);

  const std::string xml = read_text(junit);
  std::size_t testcases = 0;
  for (std::size_t at = 0; (at = xml.find("<testcase ", at)) != std::string::npos; ++at)
    ++testcases;
  EXPECT_EQ(testcases, 3u);
  EXPECT_NE(xml.find("tests=\"3\" failures=\"2\" errors=\"0\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<failure type=\"fail\" message=\"/betti/2: expected 1, got 0"),
            std::string::npos)
      << xml;
  if (fs::exists("/usr/bin/python3")) {  // an independent XML parser
    const ProcessResult p =
        run_process({"/usr/bin/python3", "-c",
                     "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); "
                     "print(len(d.getElementsByTagName('testcase')))",
                     junit.string()});
    EXPECT_EQ(p.status, 0) << p.err;
    EXPECT_EQ(p.out, "3\n");
  }

  const std::string page = read_text(html);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<style>"), std::string::npos);
  for (const char* name : {"octahedron", "rp2-q", "hexagon"})
    EXPECT_NE(page.find(name), std::string::npos) << name;
  EXPECT_NE(page.find("/betti/2"), std::string::npos);  // the diff table
  for (const char* external : {"<script", "<link", "src=\"http", "href=\"http", "@import"})
    EXPECT_EQ(page.find(external), std::string::npos) << external;
}

TEST_F(VerifyCli, MisbehavingCandidatesAreReportedAndTheRunCarriesOn) {
  write_case(kOctahedron);
  write_case(kRp2Q);
  const fs::path report = dir_ / "r.json";
  // Not JSON, with a message on stderr and a non-zero exit.
  ProcessResult r = verify({"--candidate", "cat >/dev/null; echo oops >&2; echo not json; exit 3",
                            "--suite", (dir_ / "suite").string(), "--json", report.string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  json j = read_json(report);
  ASSERT_EQ(j["cases"].size(), 2u);
  for (const json& c : j["cases"]) {
    EXPECT_EQ(c["status"], "error");
    EXPECT_NE(c["summary"].get<std::string>().find("exit status 3"), std::string::npos)
        << c["summary"];
    EXPECT_NE(c["summary"].get<std::string>().find("oops"), std::string::npos) << c["summary"];
    EXPECT_EQ(c["run"]["exit_code"], 3);
  }
  // Exit 0 but stdout is not JSON.
  r = verify({"--candidate", "cat >/dev/null; echo '{\"betti\": [1, 0,'", "--suite",
              (dir_ / "suite").string(), "--json", report.string()});
  EXPECT_EQ(r.status, 4);
  j = read_json(report);
  for (const json& c : j["cases"]) {
    EXPECT_EQ(c["status"], "error");
    EXPECT_NE(c["summary"].get<std::string>().find("not JSON"), std::string::npos);
  }
  // NaN, as Python's json module writes it, is located as a malformed value.
  r = verify({"--candidate", "cat >/dev/null; echo '{\"betti\": [1, NaN, 1]}'", "--suite",
              write_case(kOctahedron).string(), "--json", report.string()});
  EXPECT_EQ(r.status, 4);
  j = read_json(report);
  EXPECT_EQ(j["cases"][0]["status"], "fail");
  const json& betti = quantity_of(j["cases"][0], "betti");
  EXPECT_EQ(betti["status"], "malformed");
  EXPECT_EQ(betti["differences"][0]["pointer"], "/betti/1");
  // Over the time limit.
  r = verify({"--candidate", "sleep 30", "--timeout", "1", "--suite",
              write_case(kOctahedron).string(), "--json", report.string()});
  EXPECT_EQ(r.status, 4);
  j = read_json(report);
  EXPECT_EQ(j["cases"][0]["status"], "timeout");
  EXPECT_NE(r.out.find("TIMEOUT"), std::string::npos) << r.out;
}

TEST_F(VerifyCli, CandidateOutputCannotReachTheTerminalAsControlCharacters) {
  const fs::path c = write_case(kOctahedron);
  const fs::path junit = dir_ / "r.xml";
  const ProcessResult r =
      verify({"--candidate", "cat >/dev/null; printf 'x\\033[2J\\001\\302\\233y\\377' >&2; exit 1",
              "--suite", c.string(), "--junit", junit.string()});
  EXPECT_EQ(r.status, 4);
  EXPECT_NE(r.out.find("ERROR"), std::string::npos) << r.out;
  for (const char bad : {'\033', '\001'}) EXPECT_EQ(r.out.find(bad), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\302\233"), std::string::npos);  // U+009B, the 8-bit CSI
  const std::string xml = read_text(junit);
  EXPECT_EQ(xml.find('\001'), std::string::npos);
  EXPECT_NE(xml.find("<error type=\"error\" message=\"exit status 1"), std::string::npos) << xml;
}

TEST_F(VerifyCli, MissingQuantitiesAreNotAttemptedWhichIsNotAPass) {
  const fs::path c = write_case(kOctahedron);
  const ProcessResult r =
      verify({"--candidate", "cat >/dev/null; echo '{\"betti\": [1, 0, 1], \"chain_dim\": [6]}'",
              "--suite", c.string()});
  EXPECT_EQ(r.status, 4);
  EXPECT_NE(r.out.find("NOT ATTEMPTED"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not attempted: chain_dims, euler_characteristic"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("chain_dim"), std::string::npos) << "the misspelt key is named";
}

TEST_F(VerifyCli, FilterSelectsCasesByTag) {
  write_case(kOctahedron);
  write_case(kRp2Q);
  write_case(kHexagon);
  const fs::path report = dir_ / "r.json";
  ProcessResult r = verify({"--suite", (dir_ / "suite").string(), "--filter", "torsion", "graph",
                            "--json", report.string()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  const json j = read_json(report);
  ASSERT_EQ(j["cases"].size(), 2u);
  EXPECT_EQ(j["cases"][0]["name"], "hexagon");
  EXPECT_EQ(j["cases"][1]["name"], "rp2-q");
  r = verify({"--suite", (dir_ / "suite").string(), "--filter", "no-such-tag"});
  EXPECT_EQ(r.status, 2);
}

TEST_F(VerifyCli, RandomModeWritesAMinimalReadyToRunCounterexample) {
  const fs::path out = dir_ / "cx";
  const ProcessResult r = verify({"--candidate", "cat >/dev/null; echo '{\"betti\": [7]}'",
                                  "--random", "2", "--seed", "5", "--out", out.string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  for (const char* name : {"counterexample-5.json", "counterexample-6.json"}) {
    const fs::path file = out / name;
    ASSERT_TRUE(fs::exists(file)) << file << "\n" << r.out;
    EXPECT_NE(r.out.find(file.string()), std::string::npos) << "path reported";
    const json c = read_json(file);
    EXPECT_TRUE(c.contains("expect"));
    // Shrunk as far as it goes: every complex has β_0 ≠ 7, so one vertex remains.
    ASSERT_EQ(c["input"]["simplices"].size(), 1u) << c.dump();
    EXPECT_EQ(c["input"]["simplices"][0].size(), 1u) << c.dump();
    // Ready to run: the library computes it, and passes it.
    const ProcessResult compute =
        run_process({TOPOSPEC_CLI, "--backend", "cpu", "compute", file.string()});
    EXPECT_EQ(compute.status, 0) << compute.err;
  }
  const ProcessResult again = verify({"--suite", out.string()});
  EXPECT_EQ(again.status, 0) << again.out << again.err;
  // The same candidate fails them again, for the same reason.
  const ProcessResult still =
      verify({"--candidate", "cat >/dev/null; echo '{\"betti\": [7]}'", "--suite", out.string()});
  EXPECT_EQ(still.status, 4);
  EXPECT_NE(still.out.find("/betti/0: expected 1, got 7 (exact)"), std::string::npos) << still.out;
}

TEST_F(VerifyCli, RandomPersistentCasesAgreeWithTheReferenceCandidate) {
  // --want with a persistent quantity makes the random inputs filtered complexes; the
  // independent Python reference (exact reduction, projection-form Laplacians) must agree.
  const fs::path report = dir_ / "r.json";
  ProcessResult r = verify({"--candidate", python_candidate("correct.py"), "--random", "8",
                            "--seed", "11", "--want", "barcode", "persistent_betti",
                            "persistent_laplacian_spectrum", "spectral_curves", "--json",
                            report.string()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  const json j = read_json(report);
  ASSERT_EQ(j["cases"].size(), 8u);
  // A candidate that answers 7 for every persistent Betti number fails.
  r = verify({"--candidate",
              "/usr/bin/python3 -c \"import json,sys; c=json.load(sys.stdin); "
              "print(json.dumps({'persistent_betti': [dict(r, value=7) "
              "for r in c['options']['requests']]}))\"",
              "--random", "3", "--seed", "11", "--want", "persistent_betti", "--out",
              (dir_ / "cx").string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  r = verify({"--random", "1", "--want", "no_such_quantity"});
  EXPECT_EQ(r.status, 2) << r.err;
}

}  // namespace

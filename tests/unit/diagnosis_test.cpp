// Diagnoses (verify/diagnosis.hpp): each planted-bug candidate of verify/candidates is run on a
// self-check case that exposes it, and its actual output must get the diagnosis of its
// conceptual error. Errors without a candidate get a hand-made wrong answer computed the wrong
// way. Correct answers, and wrong answers of no known kind, get no diagnosis.
#include "topospec/verify/diagnosis.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "topospec/verify/answer.hpp"
#include "topospec/verify/case.hpp"

namespace {

using nlohmann::json;
using namespace topospec::verify;
namespace fs = std::filesystem;

const fs::path kCandidates = fs::path(TOPOSPEC_SOURCE_DIR) / "verify" / "candidates";

json read_json(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

json selfcheck(const std::string& name) { return read_json(kCandidates / "selfcheck" / (name + ".json")); }

// Runs a candidate as the harness does: the case without `expect` on stdin, JSON on stdout.
json run_candidate(const std::string& candidate, json case_json) {
  case_json.erase("expect");
  const fs::path input =
      fs::temp_directory_path() / ("topospec-diagnosis-" + std::to_string(::getpid()) + ".json");
  std::ofstream(input) << case_json.dump();
  const std::string command =
      "/usr/bin/python3 '" + (kCandidates / candidate).string() + "' < '" + input.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  for (std::size_t n; pipe && (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = pipe ? ::pclose(pipe) : -1;
  fs::remove(input);
  EXPECT_EQ(status, 0) << candidate << " failed on " << case_json["name"];
  return json::parse(out);
}

std::string describe(const std::vector<Diagnosis>& ds) {
  std::string s;
  for (const Diagnosis& d : ds) s += "  " + d.quantity + ": " + d.explanation + "\n";
  return s.empty() ? "  (none)\n" : s;
}

bool has(const std::vector<Diagnosis>& ds, const std::string& quantity, const std::string& text) {
  for (const Diagnosis& d : ds)
    if (d.quantity == quantity && d.explanation.find(text) != std::string::npos) return true;
  return false;
}

struct BugCase {
  std::string candidate;
  std::string selfcheck_case;
  std::string quantity;
  std::string explanation;  // a part of the expected explanation
};

class PlantedBug : public testing::TestWithParam<BugCase> {};

TEST_P(PlantedBug, GetsItsDiagnosis) {
  const BugCase& p = GetParam();
  const json doc = selfcheck(p.selfcheck_case);
  const Case c = parse_case(doc);
  const json got = run_candidate(p.candidate, doc);
  const std::vector<Diagnosis> ds = diagnose(c, c.expect, got);
  EXPECT_TRUE(has(ds, p.quantity, p.explanation))
      << p.candidate << " on " << p.selfcheck_case << ": wanted " << p.quantity << ": "
      << p.explanation << "\ngot:\n" << describe(ds) << "answer: " << got.dump();
}

INSTANTIATE_TEST_SUITE_P(
    Candidates, PlantedBug,
    testing::Values(
        BugCase{"bug_z2_instead_of_q.py", "rp2-q", "betti", "over Z/2, not Q"},
        BugCase{"bug_paths_length_two.py", "digraph-jl", "betti", "cut at length 2"},
        BugCase{"bug_simple_paths_only.py", "digraph-bigon-regular", "betti", "simple paths only"},
        BugCase{"bug_unnormalised_omega.py", "digraph-square", "laplacian_spectrum",
                "un-normalised basis of Ω"},
        BugCase{"bug_vertices_without_singletons.py", "hypergraph-triloop", "betti",
                "singleton convention flipped"},
        BugCase{"bug_z2_instead_of_q.py", "rp2-q", "boundary_ranks", "over Z/2, not Q"},
        BugCase{"bug_z2_instead_of_q.py", "rp2-zp3", "betti", "over Z/2, not Z/3"},
        BugCase{"bug_z2_instead_of_q.py", "rp2-z", "betti", "over Z/2, not Z"},
        BugCase{"bug_top_dim_missing.py", "octahedron", "betti",
                "top-dimension Betti number missing"},
        BugCase{"bug_top_dim_missing.py", "hexagon", "betti", "top-dimension Betti number missing"},
        BugCase{"bug_beta0_vertex_count.py", "hexagon", "betti", "β₀ equals the vertex count"},
        BugCase{"bug_beta0_vertex_count.py", "cycle-80", "betti", "β₀ equals the vertex count"},
        BugCase{"bug_orientation_sign.py", "s1", "betti", "without orientation signs"},
        BugCase{"bug_orientation_sign.py", "s1", "laplacian_spectrum", "without orientation signs"},
        BugCase{"bug_orientation_sign.py", "s1", "dirac_spectrum", "without orientation signs"},
        BugCase{"bug_orientation_sign.py", "rp2-z", "torsion", "without orientation signs"},
        BugCase{"bug_missing_down_term.py", "s1", "laplacian_spectrum", "up-Laplacian only"},
        BugCase{"bug_missing_down_term.py", "hexagon", "laplacian_spectrum", "up-Laplacian only"},
        BugCase{"bug_dirac_squared.py", "s1", "laplacian_spectrum", "whole D²"},
        BugCase{"bug_dirac_squared.py", "octahedron", "laplacian_spectrum", "whole D²"},
        BugCase{"bug_unsorted_input.py", "s1-unsorted", "chain_dims", "without the closure"},
        BugCase{"bug_unsorted_input.py", "octahedron", "chain_dims", "without the closure"},
        BugCase{"bug_unsorted_input.py", "octahedron", "betti", "without the closure"},
        BugCase{"bug_unsorted_input.py", "s1-unsorted", "laplacian_spectrum", "without the closure"},
        BugCase{"bug_unsorted_input.py", "rp2-q", "betti", "without the closure"},
        BugCase{"bug_no_zero_threshold.py", "s1", "betti", "exactly equal to 0"},
        BugCase{"bug_no_zero_threshold.py", "hexagon", "betti", "exactly equal to 0"},
        BugCase{"bug_float_rank.py", "cycle-80", "betti", "floating-point rank"},
        BugCase{"bug_float_rank.py", "cycle-80", "boundary_ranks", "floating-point rank"},
        BugCase{"bug_face_by_vertex.py", "s1", "laplacian_spectrum", "first vertex"},
        BugCase{"bug_face_by_vertex.py", "s1", "dirac_spectrum", "first vertex"},
        BugCase{"bug_face_by_vertex.py", "octahedron", "betti", "first vertex"},
        BugCase{"bug_face_by_vertex.py", "rp2-q", "betti", "first vertex"}),
    [](const testing::TestParamInfo<BugCase>& info) {
      std::string name = info.param.candidate.substr(0, info.param.candidate.size() - 3) + "_" +
                         info.param.selfcheck_case + "_" + info.param.quantity;
      for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    });

// The correct candidate's answers are right, so there is nothing to diagnose.
TEST(Diagnosis, CorrectAnswersGetNone) {
  for (const auto& entry : fs::directory_iterator(kCandidates / "selfcheck")) {
    const json doc = read_json(entry.path());
    const Case c = parse_case(doc);
    const json got = run_candidate("correct.py", doc);
    EXPECT_TRUE(diagnose(c, c.expect, got).empty())
        << entry.path().filename() << ":\n" << describe(diagnose(c, c.expect, got));
    // The library's own answer neither.
    const json library = answer_case(c);
    EXPECT_TRUE(diagnose(c, c.expect, library).empty()) << entry.path().filename();
  }
}

// A wrong answer that no known error produces is left undiagnosed (no guessing).
TEST(Diagnosis, UnknownErrorsGetNone) {
  const Case c = parse_case(selfcheck("octahedron"));
  json got = c.expect;
  got["betti"] = {1, 7, 1};
  got["chain_dims"] = {6, 12, 9};
  got["laplacian_spectrum"]["0"] = {0, 1, 2, 3, 4, 5};
  got["euler_characteristic"] = 3;
  EXPECT_TRUE(diagnose(c, c.expect, got).empty()) << describe(diagnose(c, c.expect, got));
  // Malformed answers match nothing, and never throw.
  got = {{"betti", "one"}, {"laplacian_spectrum", {{"0", {"x"}}}}, {"dirac_spectrum", 3}};
  EXPECT_TRUE(diagnose(c, c.expect, got).empty());
  EXPECT_TRUE(diagnose(c, c.expect, json::array()).empty());
}

// Errors without a planted candidate: the wrong answer is made by the library, the wrong way.
json library_answer(json doc, const json& options_patch) {
  doc.erase("expect");
  doc["options"].update(options_patch);
  return answer_case(parse_case(doc));
}

TEST(Diagnosis, RationalAnswerForZp) {
  const json doc = selfcheck("rp2-z2");
  const Case c = parse_case(doc);
  const json got = library_answer(doc, {{"coefficients", "Q"}});
  const auto ds = diagnose(c, c.expect, got);
  EXPECT_TRUE(has(ds, "betti", "matches Betti numbers over Q, not Z/2")) << describe(ds);
}

TEST(Diagnosis, DownLaplacianOnly) {
  json doc = selfcheck("s1");
  doc["want"] = {"laplacian_spectrum", "down_laplacian_spectrum"};
  const Case c = parse_case(doc);
  json got;
  got["laplacian_spectrum"] = library_answer(doc, json::object())["down_laplacian_spectrum"];
  const auto ds = diagnose(c, c.expect, got);
  EXPECT_TRUE(has(ds, "laplacian_spectrum", "down-Laplacian only: up term")) << describe(ds);
  EXPECT_FALSE(has(ds, "laplacian_spectrum", "up-Laplacian only")) << describe(ds);
}

TEST(Diagnosis, EmptyMatrixRank) {
  // Three points: B_1 is 3 × 0; a rank of 3 instead of 0 gives β₀ = 0.
  const Case c = parse_case(selfcheck("three-points"));
  const json got = {{"betti", {0}}};
  const auto ds = diagnose(c, c.expect, got);
  EXPECT_TRUE(has(ds, "betti", "rank of an empty matrix mishandled")) << describe(ds);
}

// A correct answer against a wrong `expect` (a user's own case with a mistake): the report says
// the expectation may be wrong instead of blaming the candidate for an error it did not make.
TEST(Diagnosis, WrongExpectationIsDoubtedNotBlamedOnTheCandidate) {
  json doc = selfcheck("s1");
  doc["want"] = {"betti", "laplacian_spectrum"};
  doc["expect"] = {{"betti", {2, 1, 0}}, {"laplacian_spectrum", {{"0", {0, 0, 1, 3, 4}}}}};
  const Case c = parse_case(doc);
  const json got = answer_case(c);
  const auto ds = diagnose(c, c.expect, got);
  ASSERT_EQ(ds.size(), 1u) << describe(ds);
  EXPECT_TRUE(has(ds, "betti", "the case's expected value may be wrong")) << describe(ds);
  // A wrong answer against a right expectation is still diagnosed by the error models.
  doc["expect"]["betti"] = {2, 0, 0};
  const Case right = parse_case(doc);
  json wrong = got;
  wrong["betti"] = {1, 0, 0};
  EXPECT_FALSE(has(diagnose(right, right.expect, wrong), "betti", "may be wrong"));
}

TEST(Diagnosis, NoExpectedKeyOrNoFailureMeansNothing) {
  const Case c = parse_case(selfcheck("rp2-q"));
  EXPECT_TRUE(diagnose(c, json::object(), {{"betti", {1, 1, 1}}}).empty());
  EXPECT_TRUE(diagnose(c, c.expect, json::object()).empty());  // nothing attempted
}

}  // namespace

// The catch table of issue 3 as a test: every planted-bug candidate in verify/candidates/ is
// caught by the reference suite (some case fails, exit status 4) and at least one of its failing
// cases carries a diagnosis; the correct candidate is never reported failing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kCandidates = fs::path(TOPOSPEC_SOURCE_DIR) / "verify" / "candidates";

class PlantedBugCaught : public ::testing::TestWithParam<std::string> {};

TEST_P(PlantedBugCaught, BySuiteWithDiagnosis) {
  const fs::path report =
      fs::temp_directory_path() / ("topospec-catch-" + GetParam() + "-" +
                                   std::to_string(::getpid()) + ".json");
  // Each candidate runs on the cases of the inputs its error concerns (the suite's input-type
  // tags), which keeps this test's time proportional to the suite part it exercises.
  const bool graph_bug = GetParam() == "bug_paths_length_two" ||
                         GetParam() == "bug_simple_paths_only" ||
                         GetParam() == "bug_unnormalised_omega" ||
                         GetParam() == "bug_vertices_without_singletons";
  std::vector<std::string> args = {TOPOSPEC_CLI, "--backend", "cpu", "verify", "--candidate",
                                   "/usr/bin/python3 " + (kCandidates / (GetParam() + ".py")).string(),
                                   "--jobs", "2", "--json", report.string(), "--filter"};
  for (const char* tag : graph_bug ? std::vector<const char*>{"digraph", "hypergraph"}
                                   : std::vector<const char*>{"simplicial", "filtered", "point-cloud",
                                                              "distance-matrix"})
    args.push_back(tag);
  const auto r = topospec::test::run_process(args);
  ASSERT_EQ(r.status, 4) << r.err;
  std::ifstream in(report);
  const json j = json::parse(in);
  fs::remove(report);
  int failed = 0, diagnosed = 0;
  for (const json& c : j.at("cases")) {
    if (c.at("status") != "fail") continue;
    ++failed;
    if (c.contains("diagnoses") && !c.at("diagnoses").empty()) ++diagnosed;
  }
  EXPECT_GT(failed, 0);
  EXPECT_GT(diagnosed, 0) << GetParam() << ": no failing case got a diagnosis";
}

INSTANTIATE_TEST_SUITE_P(
    Candidates, PlantedBugCaught,
    ::testing::Values("bug_beta0_vertex_count", "bug_dirac_squared", "bug_face_by_vertex",
                      "bug_float_rank", "bug_missing_down_term", "bug_no_zero_threshold",
                      "bug_orientation_sign", "bug_top_dim_missing", "bug_unsorted_input",
                      "bug_z2_instead_of_q", "bug_paths_length_two", "bug_simple_paths_only",
                      "bug_unnormalised_omega", "bug_vertices_without_singletons"));

}  // namespace

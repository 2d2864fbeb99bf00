// The reference suite against the library, through the same path a candidate takes: every
// case file is sent to `topospec compute -` by run_verify() (isolated runner, stdin without
// `expect`, stdout parsed and compared by the CASES.md rules, invariants checked), and must
// pass. One test per suite file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "topospec/verify/verify_run.hpp"

namespace {

namespace fs = std::filesystem;
using namespace topospec::verify;

std::vector<std::string> suite_files() {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(TOPOSPEC_SUITE_DIR, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".json")
      files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// The library as a candidate program, exactly as a user would name one.
std::string library_candidate() {
  return std::string("'") + TOPOSPEC_CLI + "' --backend cpu compute -";
}

class ReferenceSuite : public ::testing::TestWithParam<std::string> {};

TEST_P(ReferenceSuite, LibraryAnswersThroughTheCandidatePathPass) {
  VerifyOptions options;
  options.suite = {GetParam()};
  options.candidate = library_candidate();
  const VerifyReport report = run_verify(options);
  ASSERT_EQ(report.cases.size(), 1u);
  const CaseReport& c = report.cases.front();
  std::string details = c.summary;
  for (const QuantityResult& q : c.comparison.quantities)
    if (q.status != QuantityStatus::Pass) details += "\n  " + q.message;
  for (const InvariantViolation& v : c.violations)
    details += "\n  invariant " + v.invariant + ": " + v.message;
  if (c.run) details += "\n  run: " + c.run->summary() + "; stderr: " + c.run->stderr_tail;
  EXPECT_EQ(c.status, CaseStatus::Pass) << GetParam() << ": " << details;
  EXPECT_FALSE(c.comparison.quantities.empty()) << "nothing compared: the case has no expect";
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, ReferenceSuite, ::testing::ValuesIn(suite_files()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReferenceSuite);

TEST(ReferenceSuiteSize, HoldsAtLeastSixtyCases) {
  EXPECT_GE(suite_files().size(), 60u) << "in " << TOPOSPEC_SUITE_DIR;
}

}  // namespace

// The library as a candidate (verify/answer.hpp) and the Matrix Market files behind
// `topospec export`, in process: shapes and values of every quantity, degrees, limits.
#include "topospec/verify/answer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/verify/matrix_market.hpp"

namespace {

using nlohmann::json;
using namespace topospec::verify;

const char* const kS1 = R"([[1],[2],[3],[4],[5],[1,2],[2,3],[2,4],[3,4],[2,3,4]])";

Case make_case(const std::string& simplices, const std::string& want,
               const std::string& options = "{}") {
  std::istringstream in(R"({"input": {"type": "simplicial_complex", "simplices": )" + simplices +
                        R"(}, "options": )" + options + R"(, "want": )" + want + "}");
  return read_case(in, "test");
}

std::vector<double> doubles(const json& j) { return j.get<std::vector<double>>(); }

std::vector<double> nonzero(std::vector<double> v) {
  v.erase(std::remove(v.begin(), v.end(), 0.0), v.end());
  return v;
}

void expect_near_list(const std::vector<double>& got, const std::vector<double>& want,
                      double tol = 1e-9) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "index " << i;
}

TEST(Answer, UpAndDownLaplaciansOfS1) {
  const json a =
      answer_case(make_case(kS1, R"(["up_laplacian_spectrum", "down_laplacian_spectrum"])"));
  // up L_1 = B_2 B_2ᵀ with B_2 = (0, 1, −1, 1)ᵀ: one eigenvalue |B_2|² = 3.
  expect_near_list(doubles(a["up_laplacian_spectrum"]["1"]), {0, 0, 0, 3});
  EXPECT_EQ(doubles(a["up_laplacian_spectrum"]["2"]), std::vector<double>{0});
  EXPECT_EQ(doubles(a["down_laplacian_spectrum"]["0"]), std::vector<double>(5, 0.0));
  // B_1ᵀB_1 and B_1B_1ᵀ share their nonzero eigenvalues.
  expect_near_list(nonzero(doubles(a["down_laplacian_spectrum"]["1"])),
                   nonzero(doubles(a["up_laplacian_spectrum"]["0"])));
  expect_near_list(doubles(a["down_laplacian_spectrum"]["2"]), {3});
}

TEST(Answer, DiracByDegreeActsOnThreeNeighbouringDegrees) {
  const json a = answer_case(make_case(kS1, R"(["dirac_spectrum_by_degree"])"));
  const json& by = a["dirac_spectrum_by_degree"];
  EXPECT_EQ(by["0"].size(), 9u);   // C_0 ⊕ C_1
  EXPECT_EQ(by["1"].size(), 10u);  // C_0 ⊕ C_1 ⊕ C_2
  // D_2 on C_1 ⊕ C_2: ±|B_2| = ±√3 and three zeros.
  expect_near_list(doubles(by["2"]), {-std::sqrt(3.0), 0, 0, 0, std::sqrt(3.0)});
}

TEST(Answer, MaxDimNeverTruncatesTheTopAnswer) {
  // β_1 of S1 is 0 because of the triangle: degree 1 must use ∂_2 even with max_dim 1.
  const json a = answer_case(
      make_case(kS1, R"(["betti", "chain_dims", "boundary_ranks", "laplacian_spectrum"])",
                R"({"max_dim": 1})"));
  EXPECT_EQ(a["betti"], json({2, 0}));
  EXPECT_EQ(a["chain_dims"], json({5, 4}));
  EXPECT_EQ(a["boundary_ranks"], json({3, 1}));
  EXPECT_EQ(a["laplacian_spectrum"].size(), 2u);
  expect_near_list(doubles(a["laplacian_spectrum"]["1"]), {1, 3, 3, 4});

  const json above =
      answer_case(make_case(kS1, R"(["betti", "chain_dims", "torsion"])", R"({"max_dim": 4})"));
  EXPECT_EQ(above["betti"], json({2, 0, 0, 0, 0}));
  EXPECT_EQ(above["chain_dims"], json({5, 4, 1, 0, 0}));
  EXPECT_EQ(above["torsion"].size(), 5u);
}

TEST(Answer, HollowTriangleHasAHarmonicCycle) {
  const json a = answer_case(make_case("[[0,1],[1,2],[0,2]]", R"(["betti", "harmonic_basis"])"));
  EXPECT_EQ(a["betti"], json({1, 1}));
  const json& h1 = a["harmonic_basis"]["1"];
  EXPECT_EQ(h1["cells"], json({{0, 1}, {0, 2}, {1, 2}}));
  ASSERT_EQ(h1["vectors"].size(), 1u);
  // The cycle [01] + [12] − [02], normalised (up to sign).
  const std::vector<double> v = doubles(h1["vectors"][0]);
  const double s = v[0] > 0 ? 1 : -1, r = 1 / std::sqrt(3.0);
  expect_near_list({s * v[0], s * v[1], s * v[2]}, {r, -r, r});
}

TEST(Answer, EmptyComplexGivesEmptyLists) {
  const json a = answer_case(
      make_case("[]", R"(["betti", "chain_dims", "euler_characteristic", "dirac_spectrum"])"));
  EXPECT_EQ(a["betti"], json::array());
  EXPECT_EQ(a["chain_dims"], json::array());
  EXPECT_EQ(a["euler_characteristic"], 0);
  EXPECT_EQ(a["dirac_spectrum"], json::array());
}

TEST(Answer, VertexIdsInAnswersAreTheUsersIds) {
  const json a = answer_case(make_case("[[100, 7]]", R"(["harmonic_basis"])"));
  EXPECT_EQ(a["harmonic_basis"]["0"]["cells"], json({{7}, {100}}));
  EXPECT_EQ(a["harmonic_basis"]["1"]["cells"], json({{7, 100}}));
}

TEST(Answer, UnsupportedQuantityFromExpectNamesItsKey) {
  std::istringstream in(
      R"({"input": {"type": "simplicial_complex", "simplices": [[0]]}, "expect": {"betti": [1], "barcode": {}}})");
  const Case c = read_case(in);
  try {
    answer_case(c);
    FAIL() << "no exception";
  } catch (const topospec::InvalidInput& e) {
    EXPECT_EQ(e.where(), "/expect/barcode");
  }
}

TEST(Answer, DenseProblemsOverTheBudgetAreRefusedWithTheEstimate) {
  // The full 8-simplex: 511 cells, so the Dirac operator is 511 × 511 (about 2 MB dense), while
  // building the complex needs well under 1 MB.
  AnswerOptions options;
  options.memory_budget = 1 << 20;
  const Case c = make_case("[[0,1,2,3,4,5,6,7,8]]", R"(["betti", "dirac_spectrum"])");
  try {
    answer_case(c, options);
    FAIL() << "no exception";
  } catch (const topospec::ResourceLimit& e) {
    EXPECT_NE(std::string(e.what()).find("511 × 511"), std::string::npos) << e.what();
  }
  options.memory_budget = 64 << 20;
  const json a = answer_case(c, options);
  EXPECT_EQ(a["dirac_spectrum"].size(), 511u);
  EXPECT_EQ(a["betti"], json({1, 0, 0, 0, 0, 0, 0, 0, 0}));
}

TEST(Answer, ClosureOverTheBudgetIsRefusedBeforeBuilding) {
  AnswerOptions options;
  options.memory_budget = 1000;
  EXPECT_THROW(answer_case(make_case("[[0,1,2,3,4,5]]", R"(["betti"])"), options),
               topospec::ResourceLimit);
}

TEST(MatrixMarket, RoundTripsIntegerAndSymmetricRealMatrices) {
  const auto k = topospec::SimplicialComplex::from_simplices({{0, 1, 2}, {2, 3}});
  const topospec::IntegerMatrix b = topospec::boundary_matrix(k, 1);
  std::stringstream text;
  write_matrix_market(text, b, {"a comment"});
  EXPECT_EQ(
      text.str().rfind("%%MatrixMarket matrix coordinate integer general\n% a comment\n4 4 8\n", 0),
      0u)
      << text.str();
  const topospec::RealMatrix back = read_matrix_market(text);
  EXPECT_EQ((Eigen::MatrixXd(back) - Eigen::MatrixXd(b.cast<double>())).cwiseAbs().maxCoeff(), 0);

  topospec::RealMatrix l = topospec::hodge_laplacian(topospec::chain_complex(k), 1);
  l.coeffRef(0, 0) = 0.1;  // a value that needs all 17 digits to read back exactly
  std::stringstream sym;
  write_matrix_market(sym, l, {}, true);
  EXPECT_NE(sym.str().find("real symmetric"), std::string::npos);
  EXPECT_EQ((Eigen::MatrixXd(read_matrix_market(sym)) - Eigen::MatrixXd(l)).cwiseAbs().maxCoeff(),
            0);
}

TEST(MatrixMarket, ExportAllListsEveryOperatorAndTheCells) {
  const auto k = topospec::SimplicialComplex::from_simplices({{0, 1, 2}, {2, 3}});
  const std::vector<ExportFile> files = export_all(topospec::chain_complex(k));
  std::vector<std::string> names;
  for (const ExportFile& f : files) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"boundary_1.mtx", "boundary_2.mtx", "laplacian_0.mtx",
                                             "laplacian_1.mtx", "laplacian_2.mtx", "dirac.mtx",
                                             "cells_0.txt", "cells_1.txt", "cells_2.txt"}));
  EXPECT_EQ(files.back().content, "0 1 2\n");
  EXPECT_EQ(files[7].content, "0 1\n0 2\n1 2\n2 3\n");
}

TEST(MatrixMarket, MalformedFilesNameTheLine) {
  std::istringstream bad("%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n");
  try {
    read_matrix_market(bad);
    FAIL() << "no exception";
  } catch (const topospec::InvalidInput& e) {
    EXPECT_EQ(e.where(), "line 3");
  }
}

}  // namespace

namespace {

TEST(Answer, DistancesBeyondTheMemoryBudgetAreAResourceLimitWithTheEstimate) {
  nlohmann::json doc = {{"format", "topospec-case/1"},
                        {"input", {{"type", "point_cloud"}, {"points", nlohmann::json::array()}}},
                        {"want", {"barcode"}}};
  for (int i = 0; i < 2000; ++i) doc["input"]["points"].push_back({i, 0});
  const topospec::verify::Case c = topospec::verify::parse_case(doc);
  topospec::verify::AnswerOptions small;
  small.memory_budget = 1 << 20;  // 1 MiB; the distances need 8 · 1.5 · 2000² bytes ≈ 46 MiB
  try {
    topospec::verify::answer_case(c, small);
    FAIL() << "expected a ResourceLimit";
  } catch (const topospec::ResourceLimit& e) {
    EXPECT_NE(std::string(e.what()).find("2000 points"), std::string::npos) << e.what();
  }
  // 50 points fit the same budget.
  auto& points = doc["input"]["points"];
  points.erase(points.begin() + 50, points.end());
  EXPECT_EQ(topospec::verify::answer_case(topospec::verify::parse_case(doc), small)["barcode"]["0"].size(),
            50u);
}

}  // namespace

// End-to-end tests of `topospec compute` on filtered inputs: persistent quantities answered in
// the CASES.md shapes, and bad filtrations, coordinates and requests refused with exit 2, one
// line naming the place, and nothing on stdout.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_process.hpp"

using nlohmann::json;
using topospec::test::run_process;

namespace {

json case_doc(const json& input, const json& want, const json& options = json::object()) {
  return {{"format", "topospec-case/1"}, {"name", "t"}, {"input", input}, {"options", options},
          {"want", want}};
}

topospec::test::ProcessResult compute(const json& doc) {
  return run_process({TOPOSPEC_CLI, "compute", "-"}, doc.dump());
}

json compute_ok(const json& doc) {
  const auto r = compute(doc);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.status == 0 ? json::parse(r.out) : json();
}

// The error line of a refused case: exit 2, empty stdout, stderr naming `place`.
void expect_refused(const json& doc, const std::string& place, const std::string& words) {
  const auto r = compute(doc);
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(place), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
}

json entry(const json& simplex, double value) { return {{"simplex", simplex}, {"value", value}}; }

// REFERENCE §3.3 P1: K = the square cycle at 0; L adds [0,2] and [0,1,2] at 1.
json p1_input() {
  json s = json::array();
  for (int v = 0; v < 4; ++v) s.push_back(entry({v}, 0));
  for (auto e : {json{0, 1}, json{1, 2}, json{2, 3}, json{0, 3}}) s.push_back(entry(e, 0));
  s.push_back(entry({0, 2}, 1));
  s.push_back(entry({0, 1, 2}, 1));
  return {{"type", "filtered_complex"}, {"simplices", s}};
}

void expect_spectrum(const json& got, const std::vector<double>& want) {
  const auto ev = got.get<std::vector<double>>();
  ASSERT_EQ(ev.size(), want.size()) << got;
  for (std::size_t i = 0; i < ev.size(); ++i) EXPECT_NEAR(ev[i], want[i], 1e-9) << got;
}

TEST(PersistenceCli, SquareCyclePersistentLaplacianBettiAndDirac) {
  const json requests = json::array({{{"dim", 1}, {"a", 0}, {"b", 1}}});
  const json a = compute_ok(case_doc(p1_input(),
                                     {"persistent_laplacian_spectrum", "persistent_betti",
                                      "persistent_dirac_spectrum", "persistent_harmonic_basis",
                                      "barcode"},
                                     {{"requests", requests}}));
  ASSERT_TRUE(a.is_object());
  expect_spectrum(a["persistent_laplacian_spectrum"][0]["eigenvalues"], {0, 2, 2, 4});
  EXPECT_EQ(a["persistent_betti"][0]["value"], 1);
  // C^{0,1}_2 = 0 (∂[012] has the new edge [02]), so D² = L_0^up(sq) ⊕ L_1^down(sq): ±√2 twice,
  // ±2, and two zeros.
  const double r2 = std::sqrt(2.0);
  expect_spectrum(a["persistent_dirac_spectrum"][0]["eigenvalues"], {-2, -r2, -r2, 0, 0, r2, r2, 2});
  // Harmonic representative ∝ (1, −1, 1, 1) on the edges (01, 03, 12, 23).
  const json& h = a["persistent_harmonic_basis"][0];
  ASSERT_EQ(h["vectors"].size(), 1u);
  std::vector<double> v = h["vectors"][0].get<std::vector<double>>();
  const auto cells = h["cells"].get<std::vector<std::vector<int>>>();
  ASSERT_EQ(cells, (std::vector<std::vector<int>>{{0, 1}, {0, 3}, {1, 2}, {2, 3}}));
  const double sign = v[0] > 0 ? 1 : -1;
  for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(sign * v[i], (i == 1 ? -0.5 : 0.5), 1e-9);
  // [0,2] at 1 makes a second cycle and [0,1,2] fills it at once (a zero-length bar, not
  // reported; the elder rule keeps the square's cycle): one infinite bar in each degree.
  EXPECT_EQ(a["barcode"]["1"], json::parse("[[0, null]]"));
  EXPECT_EQ(a["barcode"]["0"], json::parse("[[0, null]]"));
}

TEST(PersistenceCli, RipsBarcodeOfASquareFromPointsAndFromDistances) {
  // Unit square: edges at 1, diagonals at √2; H_1 lives on [1, √2).
  const json points = json::array({{0, 0}, {1, 0}, {1, 1}, {0, 1}});
  const json a = compute_ok(
      case_doc({{"type", "point_cloud"}, {"points", points}}, {"barcode", "betti", "chain_dims"}));
  ASSERT_TRUE(a.is_object());
  ASSERT_EQ(a["barcode"]["1"].size(), 1u);
  EXPECT_NEAR(a["barcode"]["1"][0][0].get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(a["barcode"]["1"][0][1].get<double>(), std::sqrt(2.0), 1e-12);
  EXPECT_EQ(a["barcode"]["0"].size(), 4u);  // three bars [0, 1) and one infinite
  EXPECT_EQ(a["betti"], json::parse("[1, 0]"));
  EXPECT_EQ(a["chain_dims"], json::parse("[4, 6]"));  // max_dim 1 reports degrees 0..1

  const double d = std::sqrt(2.0);
  const json lower = json::array({json::array(), {1}, {d, 1}, {1, d, 1}});
  const json b = compute_ok(
      case_doc({{"type", "distance_matrix"}, {"matrix", lower}, {"max_value", 1.2}}, {"barcode"}));
  ASSERT_TRUE(b.is_object());
  // Threshold below the diagonals: the square's cycle never dies.
  EXPECT_EQ(b["barcode"]["1"], json::parse("[[1.0, null]]"));
}

TEST(PersistenceCli, SpectralCurvesOfAFilteredTriangle) {
  json s = json::array();
  for (int v = 0; v < 3; ++v) s.push_back(entry({v}, 0));
  s.push_back(entry({0, 1}, 1));
  s.push_back(entry({1, 2}, 1));
  s.push_back(entry({0, 2}, 2));
  s.push_back(entry({0, 1, 2}, 3));
  const json a = compute_ok(case_doc({{"type", "filtered_complex"}, {"simplices", s}},
                                     {"spectral_curves"}, {{"values", {0, 1, 2, 3}}, {"max_dim", 1}}));
  ASSERT_TRUE(a.is_object());
  const json& c = a["spectral_curves"];
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0]["betti"], json::parse("[3, 0]"));
  EXPECT_EQ(c[1]["betti"], json::parse("[1, 0]"));  // the path 0-1-2
  EXPECT_EQ(c[2]["betti"], json::parse("[1, 1]"));
  EXPECT_EQ(c[3]["betti"], json::parse("[1, 0]"));
  // Path on 3 vertices: L_0 eigenvalues {0, 1, 3}; triangle boundary: {0, 3, 3}.
  EXPECT_NEAR(c[1]["lambda_min"][0].get<double>(), 1.0, 1e-9);
  EXPECT_NEAR(c[2]["lambda_min"][0].get<double>(), 3.0, 1e-9);
  EXPECT_NEAR(c[2]["lambda_min"][1].get<double>(), 3.0, 1e-9);
  EXPECT_NEAR(c[0]["lambda_min"][0].get<double>(), 0.0, 1e-12);  // no edges: L_0 = 0
}

TEST(PersistenceCli, BadFiltrationsAreRefusedNamingThePlace) {
  // A face entering after its coface names both simplices.
  json late = p1_input();
  late["simplices"][0]["value"] = 5;  // vertex 0 after its edges
  expect_refused(case_doc(late, {"barcode"}), "/input/simplices", "[0");
  // A missing face.
  json missing = json{{"type", "filtered_complex"},
                      {"simplices", json::array({entry({0}, 0), entry({0, 1}, 1)})}};
  expect_refused(case_doc(missing, {"barcode"}), "/input/simplices/1", "1");
  // A request with a > b is caught by the reader.
  expect_refused(case_doc(p1_input(), {"persistent_betti"},
                          {{"requests", json::array({{{"dim", 1}, {"a", 1}, {"b", 0}}})}}),
                 "/options/requests/0", "larger than b");
  // Persistent quantities need requests, and a filtration.
  expect_refused(case_doc(p1_input(), {"persistent_laplacian_spectrum"}), "/options/requests",
                 "missing");
  expect_refused(case_doc({{"type", "simplicial_complex"}, {"simplices", {{0, 1}}}}, {"barcode"}),
                 "/want/0", "filtration");
  // No barcode over Z.
  expect_refused(case_doc(p1_input(), {"barcode"}, {{"coefficients", "Z"}}),
                 "/options/coefficients", "field");
}

TEST(PersistenceCli, BadPointCloudsAreRefusedNamingThePlace) {
  expect_refused(case_doc({{"type", "point_cloud"}, {"points", json::array()}}, {"barcode"}),
                 "/input/points", "empty");
  // 1e999 is no double: bad input, not an internal error.
  const std::string infinite =
      R"({"format": "topospec-case/1", "input": {"type": "point_cloud", "points": [[0, 0], [1, 1e999]]}, "want": ["barcode"]})";
  const auto r = run_process({TOPOSPEC_CLI, "compute", "-"}, infinite);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("1e999"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  expect_refused(case_doc({{"type", "point_cloud"}, {"points", {{0, 0}, {1}}}}, {"barcode"}),
                 "/input/points/1", "coordinates");
  // A threshold below every edge leaves no edge at all.
  expect_refused(case_doc({{"type", "point_cloud"}, {"points", {{0, 0}, {3, 4}}}, {"max_value", 1}},
                          {"betti"}),
                 "/input/max_value", "edge");
  expect_refused(case_doc({{"type", "distance_matrix"}, {"matrix", {{0, 1}, {2, 0}}}}, {"barcode"}),
                 "/input/matrix/0/1", "symmetric");
  expect_refused(case_doc({{"type", "point_cloud"}, {"points", {{0, 0, 0, 0}}}, {"complex", "alpha"}},
                          {"barcode"}),
                 "/input/points/0", "R^2 or R^3");
}

TEST(PersistenceCli, PointsAndDistancesFromFiles) {
  const std::string dir = ::testing::TempDir();
  const std::string xyz = dir + "/square.xyz", lower = dir + "/square.ldm", bad = dir + "/bad.xyz";
  std::ofstream(xyz) << "4\nunit square\nC 0 0 0\nC 1 0 0\nC 1 1 0\nC 0 1 0\n";
  std::ofstream(lower) << "1\n1.5, 1\n1, 1.5, 1\n";
  std::ofstream(bad) << "2\ntwo atoms\nC 0 0 0\nC 1 x 0\n";
  const json a = compute_ok(case_doc({{"type", "point_cloud"}, {"file", xyz}}, {"barcode"}));
  ASSERT_TRUE(a.is_object());
  ASSERT_EQ(a["barcode"]["1"].size(), 1u);
  EXPECT_NEAR(a["barcode"]["1"][0][1].get<double>(), std::sqrt(2.0), 1e-12);
  const json b = compute_ok(case_doc({{"type", "distance_matrix"}, {"file", lower}}, {"barcode"}));
  ASSERT_TRUE(b.is_object());
  EXPECT_EQ(b["barcode"]["1"], json::parse("[[1.0, 1.5]]"));
  // A bad line is named as file:line inside the case's place.
  expect_refused(case_doc({{"type", "point_cloud"}, {"file", bad}}, {"barcode"}), "/input/file",
                 "bad.xyz:4");
  expect_refused(case_doc({{"type", "point_cloud"}, {"file", dir + "/none.xyz"}}, {"barcode"}),
                 "/input/file", "none.xyz");
}

}  // namespace

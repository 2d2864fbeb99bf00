// End-to-end tests of `topospec compute` and `topospec verify --random` on digraphs (GLMY path
// complexes) and hypergraphs (embedded homology): hand-computed answers, file inputs, refused
// inputs (exit 2, the place named, nothing on stdout) and the random differential mode.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_process.hpp"
#include "topospec/verify/matrix_market.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using topospec::test::ProcessResult;
using topospec::test::run_process;

namespace {

json case_doc(const json& input, const json& want, const json& options = json::object()) {
  return {{"format", "topospec-case/1"}, {"name", "t"}, {"input", input}, {"options", options},
          {"want", want}};
}

ProcessResult compute(const json& doc) {
  return run_process({TOPOSPEC_CLI, "--backend", "cpu", "compute", "-"}, doc.dump());
}

json compute_ok(const json& doc) {
  const ProcessResult r = compute(doc);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.status == 0 ? json::parse(r.out) : json();
}

void expect_refused(const json& doc, const std::string& place, const std::string& words) {
  const ProcessResult r = compute(doc);
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(place), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
}

json digraph(const json& vertices, const json& arcs) {
  return {{"type", "digraph"}, {"vertices", vertices}, {"arcs", arcs}};
}

// GLMY's first example: 1→2, 1→3, 2→3, 2→4, 3→4. Ω_2 = ⟨123, 234, 124 − 134⟩, Ω_3 = ⟨1234⟩.
json seed_digraph() {
  return digraph({1, 2, 3, 4}, {{1, 2}, {1, 3}, {2, 3}, {2, 4}, {3, 4}});
}

class GraphCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "topospec-graph-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }
  fs::path dir_;
};

TEST(DigraphCli, SeedDigraphHasTheHandComputedPathComplex) {
  const json a = compute_ok(case_doc(seed_digraph(), {"chain_dims", "betti", "boundary_ranks",
                                                       "laplacian_spectrum", "dirac_spectrum"},
                                     {{"max_dim", 3}}));
  ASSERT_TRUE(a.is_object());
  EXPECT_EQ(a["chain_dims"], json({4, 5, 3, 1}));
  EXPECT_EQ(a["betti"], json({1, 0, 0, 0}));
  EXPECT_EQ(a["boundary_ranks"], json({3, 2, 1, 0}));
  // L_0 is the graph Laplacian of the underlying undirected graph: nullity β_0 = 1.
  const auto l0 = a["laplacian_spectrum"]["0"].get<std::vector<double>>();
  ASSERT_EQ(l0.size(), 4u);
  EXPECT_EQ(l0[0], 0.0);
  EXPECT_GT(l0[1], 0.1);
  // D spans Ω_0 … Ω_4 (built to max_dim + 1; Ω_4 = 0): 4 + 5 + 3 + 1 eigenvalues, one zero.
  const auto d = a["dirac_spectrum"].get<std::vector<double>>();
  ASSERT_EQ(d.size(), 13u);
  EXPECT_EQ(std::count(d.begin(), d.end(), 0.0), 1);
}

TEST(DigraphCli, DefaultMaxDimIsTwo) {
  const json a = compute_ok(case_doc(seed_digraph(), {"chain_dims", "betti"}));
  EXPECT_EQ(a["chain_dims"], json({4, 5, 3}));
  EXPECT_EQ(a["betti"], json({1, 0, 0}));
}

TEST(DigraphCli, TwoCycleDependsOnThePathTheory) {
  const json g = digraph(2, {{0, 1}, {1, 0}});
  // Regular: 010 and 101 are ∂-invariant (the face 00 is zero) and 010 kills 01 + 10.
  const json regular = compute_ok(case_doc(g, {"chain_dims", "betti"}, {{"path_theory", "regular"}}));
  EXPECT_EQ(regular["chain_dims"], json({2, 2, 2}));
  EXPECT_EQ(regular["betti"], json({1, 0, 0}));
  const json by_default = compute_ok(case_doc(g, {"chain_dims", "betti"}));
  EXPECT_EQ(by_default, regular);
  // Non-regular: 00 is a face that is never allowed, so Ω_2 = 0 and the cycle survives.
  const json non_regular = compute_ok(
      case_doc(g, {"chain_dims", "betti", "harmonic_basis"}, {{"path_theory", "non_regular"}}));
  EXPECT_EQ(non_regular["chain_dims"], json({2, 2, 0}));
  EXPECT_EQ(non_regular["betti"], json({1, 1, 0}));
  // The harmonic 1-chain is (01 + 10)/√2: both orientations are cells of their own.
  const json& h = non_regular["harmonic_basis"]["1"];
  ASSERT_EQ(h["vectors"].size(), 1u) << h;
  std::map<std::vector<int>, double> on;
  for (std::size_t i = 0; i < h["cells"].size(); ++i)
    on[h["cells"][i].get<std::vector<int>>()] = h["vectors"][0][i].get<double>();
  ASSERT_EQ(on.size(), 2u) << h;
  const double forward = on[std::vector<int>{0, 1}], backward = on[std::vector<int>{1, 0}];
  EXPECT_NEAR(std::abs(forward), 1 / std::sqrt(2.0), 1e-9) << h;
  EXPECT_NEAR(forward, backward, 1e-9) << h;
}

TEST(DigraphCli, HarmonicVectorsAreReportedOnAllowedPaths) {
  // Sources 0, 1 → middle 2, 3 → sinks 4, 5: a directed suspension of a suspension, β_2 = 1.
  // Ω_2 is spanned by the squares x2y − x3y; the harmonic 2-chain touches all 8 paths x m y
  // with coefficients ±1/√8, and x2y, x3y opposite (it lies in Ω_2, not only in A_2).
  json arcs = json::array();
  for (int x : {0, 1})
    for (int m : {2, 3}) arcs.push_back({x, m});
  for (int m : {2, 3})
    for (int y : {4, 5}) arcs.push_back({m, y});
  const json a = compute_ok(case_doc(digraph(6, arcs), {"betti", "chain_dims", "harmonic_basis"}));
  EXPECT_EQ(a["betti"], json({1, 0, 1}));
  EXPECT_EQ(a["chain_dims"], json({6, 8, 4}));
  const json& h = a["harmonic_basis"]["2"];
  ASSERT_EQ(h["vectors"].size(), 1u) << h;
  ASSERT_EQ(h["cells"].size(), 8u) << h;
  std::map<std::vector<int>, double> on;
  for (std::size_t i = 0; i < 8; ++i) {
    const auto cell = h["cells"][i].get<std::vector<int>>();
    ASSERT_EQ(cell.size(), 3u);
    on[cell] = h["vectors"][0][i].get<double>();
    EXPECT_NEAR(std::abs(on[cell]), 1 / std::sqrt(8.0), 1e-9) << h;
  }
  for (int x : {0, 1})
    for (int y : {4, 5}) {
      const double through_2 = on[std::vector<int>{x, 2, y}];
      const double through_3 = on[std::vector<int>{x, 3, y}];
      EXPECT_NEAR(through_2, -through_3, 1e-9) << h;
    }
}

TEST(DigraphCli, WeightedDigraphIsAFiltration) {
  // A directed 3-cycle at 0; the arc 0→2 at 1 makes 012 and 202 ∂-invariant, which fill it.
  json g = digraph(3, {{0, 1, 0}, {1, 2, 0}, {2, 0, 0}, {0, 2, 1}});
  const json requests = json::array({{{"dim", 1}, {"a", 0}, {"b", 0.5}},
                                     {{"dim", 1}, {"a", 0}, {"b", 1}}});
  const json a = compute_ok(case_doc(
      g, {"betti", "barcode", "persistent_betti", "persistent_laplacian_spectrum",
          "persistent_harmonic_basis", "spectral_curves"},
      {{"requests", requests}, {"values", {0, 1}}}));
  EXPECT_EQ(a["betti"], json({1, 0, 0}));
  EXPECT_EQ(a["barcode"]["0"], json::parse("[[0, null]]"));
  EXPECT_EQ(a["barcode"]["1"], json::parse("[[0, 1]]"));
  EXPECT_EQ(a["persistent_betti"][0]["value"], 1);
  EXPECT_EQ(a["persistent_betti"][1]["value"], 0);
  const auto ev = a["persistent_laplacian_spectrum"][0]["eigenvalues"].get<std::vector<double>>();
  EXPECT_EQ(std::count(ev.begin(), ev.end(), 0.0), 1) << a["persistent_laplacian_spectrum"];
  // The persistent harmonic 1-chain of (0, 0.5) is the 3-cycle (01 + 12 + 20)/√3.
  const json& h = a["persistent_harmonic_basis"][0];
  ASSERT_EQ(h["vectors"].size(), 1u) << h;
  for (const json& x : h["vectors"][0]) EXPECT_NEAR(std::abs(x.get<double>()), 1 / std::sqrt(3.0), 1e-9);
  EXPECT_EQ(a["spectral_curves"][0]["betti"], json({1, 1, 0}));
  EXPECT_EQ(a["spectral_curves"][1]["betti"], json({1, 0, 0}));
}

TEST(DigraphCli, UnweightedDigraphIsTheFiltrationWithEveryValueZero) {
  const json a = compute_ok(case_doc(seed_digraph(), {"barcode", "persistent_betti"},
                                     {{"requests", json::array({{{"dim", 0}, {"a", 0}, {"b", 0}}})}}));
  EXPECT_EQ(a["barcode"]["0"], json::parse("[[0, null]]"));
  EXPECT_EQ(a["barcode"]["1"], json::array());
  EXPECT_EQ(a["persistent_betti"][0]["value"], 1);
}

TEST(HypergraphCli, F6HasTheHandComputedEmbeddedHomology) {
  // Inf_1 = ⟨01⟩; 012 is not in Inf_2 (its faces 02, 12 are not hyperedges).
  const json h = {{"type", "hypergraph"}, {"hyperedges", {{0}, {1}, {0, 1}, {0, 1, 2}}}};
  const json a = compute_ok(case_doc(h, {"betti", "chain_dims", "laplacian_spectrum"}));
  EXPECT_EQ(a["betti"], json({1, 0, 0}));
  EXPECT_EQ(a["chain_dims"], json({2, 1, 0}));
  EXPECT_EQ(a["laplacian_spectrum"]["1"], json({2.0}));
  // vertices = "all": 2 becomes a 0-hyperedge, a second component.
  const json all = compute_ok(case_doc(h, {"betti", "chain_dims"}, {{"vertices", "all"}}));
  EXPECT_EQ(all["chain_dims"], json({3, 1, 0}));
  EXPECT_EQ(all["betti"], json({2, 0, 0}));
}

TEST(HypergraphCli, OverZ2TheChainGroupsAreThoseOverTheField) {
  // The 10 triangles of RP² and its vertices, no edges: the sum of the triangles has zero
  // boundary mod 2 only, so Inf_2(F_2) = 1 while Inf_2(Q) = 0 (and the Laplacians, real, see 0).
  const json h = {{"type", "hypergraph"},
                  {"hyperedges", json::parse("[[1],[2],[3],[4],[5],[6],[1,2,3],[1,3,4],[1,4,5],"
                                             "[1,5,6],[1,2,6],[2,3,5],[2,4,5],[2,4,6],[3,4,6],"
                                             "[3,5,6]]")}};
  const json z2 = compute_ok(case_doc(h, {"chain_dims", "betti", "laplacian_spectrum"},
                                      {{"coefficients", "Z2"}}));
  EXPECT_EQ(z2["chain_dims"], json({6, 0, 1}));
  EXPECT_EQ(z2["betti"], json({6, 0, 1}));
  EXPECT_EQ(z2["laplacian_spectrum"]["2"], json::array());
  const json q = compute_ok(case_doc(h, {"chain_dims", "betti"}));
  EXPECT_EQ(q["chain_dims"], json({6, 0, 0}));
  EXPECT_EQ(q["betti"], json({6, 0, 0}));
}

TEST(HypergraphCli, ValuedHypergraphHasABarcodeAndHarmonicVectorsOnHyperedges) {
  // A triangle's edges and vertices at 0, the triangle at 2: H_1 lives on [0, 2).
  json edges = json::array();
  for (const json& e : {json{0}, json{1}, json{2}, json{0, 1}, json{1, 2}, json{0, 2}})
    edges.push_back({{"hyperedge", e}, {"value", 0}});
  edges.push_back({{"hyperedge", {0, 1, 2}}, {"value", 2}});
  const json a = compute_ok(case_doc({{"type", "hypergraph"}, {"hyperedges", edges}},
                                     {"barcode", "harmonic_basis", "persistent_harmonic_basis"},
                                     {{"requests", json::array({{{"dim", 1}, {"a", 0}, {"b", 1}}})}}));
  EXPECT_EQ(a["barcode"]["1"], json::parse("[[0, 2]]"));
  EXPECT_EQ(a["harmonic_basis"]["1"]["vectors"].size(), 0u);
  const json& p = a["persistent_harmonic_basis"][0];
  ASSERT_EQ(p["vectors"].size(), 1u) << p;
  ASSERT_EQ(p["cells"].size(), 3u) << p;
  for (const json& cell : p["cells"]) EXPECT_EQ(cell.size(), 2u) << p;
}

TEST_F(GraphCli, DigraphAndHypergraphFiles) {
  const fs::path dot =
      write("g.dot", "digraph G {\n  1 -> 2;\n  1 -> 3;\n  2 -> 3;\n  2 -> 4;\n  3 -> 4;\n}\n");
  const json a = compute_ok(case_doc({{"type", "digraph"}, {"file", dot.string()}},
                                     {"chain_dims", "betti"}, {{"max_dim", 3}}));
  EXPECT_EQ(a["chain_dims"], json({4, 5, 3, 1}));
  EXPECT_EQ(a["betti"], json({1, 0, 0, 0}));
  const fs::path hnx = write("h.json", R"({"e1": [0, 1], "e2": [0, 1, 2], "v0": [0], "v1": [1]})");
  const json b = compute_ok(case_doc({{"type", "hypergraph"}, {"file", hnx.string()}},
                                     {"chain_dims", "betti"}));
  EXPECT_EQ(b["chain_dims"], json({2, 1, 0}));
  EXPECT_EQ(b["betti"], json({1, 0, 0}));
  // A file that is not there: the place is the case's "file" field.
  expect_refused(case_doc({{"type", "digraph"}, {"file", (dir_ / "missing.dot").string()}},
                          {"betti"}),
                 "/input/file", "missing.dot");
}

// A HIF file's "nodes" are vertices of the hypergraph, as the case's `vertices` field would
// give them: with "vertices": "all" the node 5 without incidences is a 0-cell.
TEST_F(GraphCli, HifNodesWithoutIncidencesAreVertices) {
  const fs::path hif = write("hif.json", R"({"incidences": [{"edge": "a", "node": 0},
      {"edge": "a", "node": 1}, {"edge": "b", "node": 1}, {"edge": "b", "node": 2}],
      "nodes": [{"node": 0}, {"node": 1}, {"node": 2}, {"node": 5}]})");
  const json input = {{"type", "hypergraph"}, {"file", hif.string()}};
  json a = compute_ok(case_doc(input, {"chain_dims", "betti"}, {{"vertices", "all"}}));
  EXPECT_EQ(a["chain_dims"], json({4, 2}));
  EXPECT_EQ(a["betti"], json({2, 0}));
  // The same as the inline hypergraph with the node in `vertices`.
  EXPECT_EQ(a, compute_ok(case_doc(
                   {{"type", "hypergraph"}, {"hyperedges", {{0, 1}, {1, 2}}}, {"vertices", {5}}},
                   {"chain_dims", "betti"}, {{"vertices", "all"}})));
  // "listed" (the default) counts only singleton hyperedges: nodes change nothing.
  a = compute_ok(case_doc(input, {"chain_dims"}));
  EXPECT_EQ(a["chain_dims"], json({0, 0}));
}

// Every matrix of an export of a digraph is in one basis: the orthonormal basis of Ω that the
// Laplacians use, which basis_q.mtx gives on the allowed paths of ambient_cells_q.txt.
TEST_F(GraphCli, DigraphExportIsInOneStatedBasis) {
  const fs::path c =
      write("seed.json", case_doc(seed_digraph(), {"betti"}, {{"max_dim", 2}}).dump());
  const fs::path out = dir_ / "seed";
  const ProcessResult r =
      run_process({TOPOSPEC_CLI, "--backend", "cpu", "export", c.string(), "--all", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  auto text = [&](const std::string& name) {
    std::ifstream in(out / name);
    EXPECT_TRUE(in) << name;
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto matrix = [&](const std::string& name) {
    std::istringstream in(text(name));
    return Eigen::MatrixXd(topospec::verify::read_matrix_market(in));
  };
  auto lines = [&](const std::string& name) {
    std::vector<std::string> all;
    std::istringstream in(text(name));
    for (std::string line; std::getline(in, line);) all.push_back(line);
    return all;
  };
  // Ω_2 = ⟨123, 234, 124 − 134⟩: the combination is written out, with the coefficients of
  // basis_2.mtx; Ω_3 = ⟨1234⟩ is one path.
  EXPECT_EQ(lines("cells_2.txt"),
            (std::vector<std::string>{
                "1 2 3", "-0.7071067811865475 (1 2 4) + 0.7071067811865475 (1 3 4)", "2 3 4"}));
  EXPECT_EQ(lines("cells_3.txt"), std::vector<std::string>{"1 2 3 4"});
  EXPECT_EQ(text("boundary_2.mtx").rfind("%%MatrixMarket matrix coordinate real general\n", 0), 0u);
  EXPECT_NE(text("boundary_2.mtx").find("orthonormal basis"), std::string::npos);

  const int top = 3;
  std::vector<Eigen::MatrixXd> b(top + 2), e(top + 1);
  std::vector<std::vector<std::string>> ambient(top + 1);
  for (int q = 0; q <= top; ++q) {
    e[q] = matrix("basis_" + std::to_string(q) + ".mtx");
    ambient[q] = lines("ambient_cells_" + std::to_string(q) + ".txt");
    ASSERT_EQ(e[q].rows(), static_cast<Eigen::Index>(ambient[q].size()));
    EXPECT_EQ(e[q].cols(),
              static_cast<Eigen::Index>(lines("cells_" + std::to_string(q) + ".txt").size()));
    EXPECT_LT((e[q].transpose() * e[q] - Eigen::MatrixXd::Identity(e[q].cols(), e[q].cols()))
                  .cwiseAbs()
                  .maxCoeff(),
              1e-12)
        << "basis_" << q << ".mtx is not orthonormal";
  }
  for (int q = 1; q <= top; ++q) b[q] = matrix("boundary_" + std::to_string(q) + ".mtx");
  b[0] = Eigen::MatrixXd::Zero(0, e[0].cols());
  b[top + 1] = Eigen::MatrixXd::Zero(e[top].cols(), 0);
  for (int q = 0; q <= top; ++q) {
    SCOPED_TRACE("degree " + std::to_string(q));
    // The exported L_q is B_q^T B_q + B_{q+1} B_{q+1}^T of the exported boundaries.
    const Eigen::MatrixXd l = matrix("laplacian_" + std::to_string(q) + ".mtx");
    EXPECT_LT((b[q].transpose() * b[q] + b[q + 1] * b[q + 1].transpose() - l).cwiseAbs().maxCoeff(),
              1e-12);
    if (q == 0) continue;
    // And B_q is the path boundary in that basis: ∂(E_q) = E_{q−1} B_q on the ambient paths.
    Eigen::MatrixXd d = Eigen::MatrixXd::Zero(e[q - 1].rows(), e[q].rows());
    for (std::size_t j = 0; j < ambient[q].size(); ++j) {
      std::vector<std::string> path;
      std::istringstream in(ambient[q][j]);
      for (std::string v; in >> v;) path.push_back(v);
      for (std::size_t k = 0; k < path.size(); ++k) {
        std::string face;
        for (std::size_t i = 0; i < path.size(); ++i)
          if (i != k) face += (face.empty() ? "" : " ") + path[i];
        const auto row = std::find(ambient[q - 1].begin(), ambient[q - 1].end(), face);
        if (row != ambient[q - 1].end())
          d(row - ambient[q - 1].begin(), static_cast<Eigen::Index>(j)) = k % 2 == 0 ? 1 : -1;
      }
    }
    EXPECT_LT((d * e[q] - e[q - 1] * b[q]).cwiseAbs().maxCoeff(), 1e-12);
  }
  // The Dirac operator's blocks are these boundaries too.
  const Eigen::MatrixXd dirac = matrix("dirac.mtx");
  EXPECT_LT((dirac.block(0, 4, 4, 5) - b[1]).cwiseAbs().maxCoeff(), 1e-12);
}

// `path_theory` chooses the path complex's boundary; with the directed flag complex it has no
// effect, and says so as other ignored options do.
TEST(DirectedFlagCli, PathTheoryIsIgnoredWithAWarning) {
  json input = digraph(3, {{0, 1}, {1, 2}, {0, 2}});
  input["complex"] = "directed_flag";
  const ProcessResult r = compute(case_doc(input, {"betti"}, {{"path_theory", "non_regular"}}));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["betti"], json({1, 0, 0}));
  EXPECT_NE(r.err.find("topospec: warning: <stdin>: /options/path_theory: has no effect on the "
                       "directed flag complex"),
            std::string::npos)
      << r.err;
  input.erase("complex");
  EXPECT_EQ(compute(case_doc(input, {"betti"}, {{"path_theory", "non_regular"}})).err, "");
}

TEST(DigraphCli, BadDigraphsAndHypergraphsAreRefusedWithTheirPlace) {
  expect_refused(case_doc(digraph(3, {{0, 1}, {1, 1}}), {"betti"}), "<stdin>: /input/arcs/1",
                 "self-loop");
  expect_refused(case_doc(digraph(3, {{0, 1}, {1, 7}}), {"betti"}), "<stdin>: /input/arcs/1/1",
                 "unknown vertex 7");
  expect_refused(case_doc(digraph({4, 9}, {{4, 9, "heavy"}}), {"betti"}), "/input/arcs/0/2",
                 "an arc weight");
  expect_refused(case_doc({{"type", "digraph"}, {"arcs", json::array()}}, {"betti"}),
                 "/input/vertices", "missing");
  expect_refused(case_doc(seed_digraph(), {"betti", "euler_characteristic"}), "/want/1",
                 "simplicial inputs only");
  expect_refused(case_doc({{"type", "hypergraph"}, {"hyperedges", {{0, 1}, json::array()}}},
                          {"betti"}),
                 "/input/hyperedges/1", "empty hyperedge");
}

TEST(DigraphCli, ParallelArcsAreMergedWithAWarning) {
  const ProcessResult r =
      compute(case_doc(digraph(2, {{0, 1, 3}, {0, 1, 1}}), {"chain_dims", "barcode"}));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("/input/arcs/1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("parallel"), std::string::npos) << r.err;
  const json a = json::parse(r.out);
  EXPECT_EQ(a["chain_dims"], json({2, 1, 0}));
  // The smallest weight counts: the two components merge at 1.
  const json& bars = a["barcode"]["0"];
  ASSERT_EQ(bars.size(), 2u) << bars;
  EXPECT_NE(std::find(bars.begin(), bars.end(), json::parse("[0, 1]")), bars.end()) << bars;
  EXPECT_NE(std::find(bars.begin(), bars.end(), json::parse("[0, null]")), bars.end()) << bars;
}

ProcessResult verify(std::vector<std::string> args) {
  args.insert(args.begin(), {TOPOSPEC_CLI, "--backend", "cpu", "verify"});
  return run_process(args);
}

TEST(DigraphCli, RandomDigraphsAndHypergraphsPassAgainstTheLibrary) {
  // The library's answers are compared with themselves and checked by every invariant
  // (nullity = Betti, D² = ⊕ L, Ω_0/Ω_1 sizes, harmonic cells are allowed paths, …).
  for (const char* input : {"digraph", "hypergraph"}) {
    ProcessResult r = verify({"--random", "12", "--seed", "3", "--input", input, "--want",
                              "chain_dims", "betti", "boundary_ranks", "laplacian_spectrum",
                              "up_laplacian_spectrum", "down_laplacian_spectrum",
                              "dirac_spectrum", "dirac_spectrum_by_degree", "harmonic_basis"});
    EXPECT_EQ(r.status, 0) << input << "\n" << r.out << r.err;
    EXPECT_EQ(r.err.find("skipped"), std::string::npos) << r.err;
    r = verify({"--random", "8", "--seed", "40", "--input", input, "--want", "betti", "barcode",
                "persistent_betti", "persistent_laplacian_spectrum", "persistent_harmonic_basis",
                "spectral_curves"});
    EXPECT_EQ(r.status, 0) << input << "\n" << r.out << r.err;
  }
  ProcessResult r = verify({"--random", "6", "--input", "mixed"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  r = verify({"--random", "1", "--input", "quiver"});
  EXPECT_EQ(r.status, 2) << r.err;
}

TEST_F(GraphCli, RandomDigraphsCatchAWrongCandidate) {
  // A candidate that counts Ω_1 as the number of vertex pairs joined by an arc (a ⇄ b once).
  const ProcessResult r = verify(
      {"--candidate",
       "/usr/bin/python3 -c \"import json,sys; c=json.load(sys.stdin)['input']; "
       "v=c['vertices']; n=v if isinstance(v,int) else len(v); "
       "print(json.dumps({'chain_dims': [n, len({frozenset(a[:2]) for a in c['arcs']})]}))\"",
       "--random", "30", "--seed", "1", "--input", "digraph", "--want", "chain_dims", "--out",
       (dir_ / "cx").string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL"), std::string::npos) << r.out;
}

}  // namespace

namespace {

// The directed flag complex (input "complex": "directed_flag", a command-line extension): the
// complete digraph on 3 vertices has 3, 6, 6 simplices and β_2 = 2 (flagser's test/base.h, the
// derangement number D_3); the path complex of the same digraph is contractible.
TEST(DirectedFlagCli, CompleteDigraphOnThreeVertices) {
  json input = digraph(3, {{0, 1}, {1, 0}, {0, 2}, {2, 0}, {1, 2}, {2, 1}});
  const json path = compute_ok(case_doc(input, {"betti"}, {{"max_dim", 2}}));
  EXPECT_EQ(path["betti"], json({1, 0, 0}));
  input["complex"] = "directed_flag";
  const json flag = compute_ok(case_doc(input, {"chain_dims", "betti", "laplacian_spectrum"},
                                        {{"max_dim", 2}}));
  EXPECT_EQ(flag["chain_dims"], json({3, 6, 6}));
  EXPECT_EQ(flag["betti"], json({1, 0, 2}));
  EXPECT_EQ(std::count(flag["laplacian_spectrum"]["2"].begin(), flag["laplacian_spectrum"]["2"].end(), 0.0), 2);
  input["complex"] = "clique";
  expect_refused(case_doc(input, {"betti"}), "/input/complex", "directed_flag");
}

}  // namespace

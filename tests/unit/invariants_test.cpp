// Invariants on a candidate's own answers: each one fires on a crafted wrong answer (starting
// from the library's correct one and breaking one thing) and stays quiet on library answers,
// including every case of the reference suite with every quantity wanted.
#include "topospec/verify/invariants.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "topospec/verify/answer.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace topospec::verify;

const json kAllQuantities = {"chain_dims",
                             "betti",
                             "torsion",
                             "euler_characteristic",
                             "boundary_ranks",
                             "laplacian_spectrum",
                             "up_laplacian_spectrum",
                             "down_laplacian_spectrum",
                             "dirac_spectrum",
                             "dirac_spectrum_by_degree",
                             "harmonic_basis"};

const json kS1 = json::parse("[[1],[2],[3],[4],[5],[1,2],[2,3],[2,4],[3,4],[2,3,4]]");
const json kRp2 = json::parse(
    "[[1,2,3],[1,3,4],[1,4,5],[1,5,6],[1,2,6],[2,3,5],[2,4,5],[2,4,6],[3,4,6],[3,5,6]]");
const json kOctahedron =
    json::parse("[[0,1,2],[0,1,4],[0,2,3],[0,3,4],[1,2,5],[1,4,5],[2,3,5],[3,4,5]]");

Case make_case(const json& simplices, const json& options = json::object(),
               const json& want = kAllQuantities) {
  return parse_case({{"input", {{"type", "simplicial_complex"}, {"simplices", simplices}}},
                     {"options", options},
                     {"want", want}});
}

json library_answer(const Case& c) {
  json a = answer_case(c);
  a.erase("_diagnostics");
  return a;
}

std::vector<std::string> names(const std::vector<InvariantViolation>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.invariant);
  return out;
}

std::string listing(const std::vector<InvariantViolation>& v) {
  std::string out;
  for (const auto& x : v) out += "\n  " + x.invariant + ": " + x.message;
  return out;
}

// The named invariant is among the violations of `got`.
void expect_fires(const Case& c, const json& got, const std::string& invariant) {
  const auto v = check_invariants(c, got);
  const auto n = names(v);
  EXPECT_NE(std::find(n.begin(), n.end(), invariant), n.end())
      << invariant << " did not fire; violations:" << listing(v);
  for (const auto& x : v) {
    if (x.invariant == invariant) {
      EXPECT_FALSE(x.message.empty());
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Quiet on correct answers

TEST(InvariantsQuiet, LibraryAnswersOfHandPickedComplexes) {
  const std::vector<std::pair<json, json>> cases = {
      {kS1, json::object()},
      {kS1, {{"max_dim", 1}}},
      {kS1, {{"max_dim", 0}}},
      {kS1, {{"max_dim", 4}}},
      {kOctahedron, json::object()},
      {kRp2, json::object()},
      {kRp2, {{"coefficients", "Z2"}}},
      {kRp2, {{"coefficients", "Z"}}},
      {kRp2, {{"coefficients", "Zp:3"}}},
      {json::parse("[[0]]"), json::object()},
      {json::array(), json::object()},
      {json::parse("[[0],[5],[9]]"), {{"max_dim", 2}}},
  };
  for (const auto& [simplices, options] : cases) {
    const Case c = make_case(simplices, options);
    const auto v = check_invariants(c, library_answer(c));
    EXPECT_TRUE(v.empty()) << simplices.dump() << " " << options.dump() << listing(v);
  }
}

TEST(InvariantsQuiet, LibraryAnswersOfEverySuiteCaseWithEveryQuantity) {
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(TOPOSPEC_SUITE_DIR)) {
    if (entry.path().extension() != ".json") continue;
    Case original = read_case_file(entry.path());
    json doc = original.document;
    doc["want"] = kAllQuantities;
    // euler_characteristic is for simplicial inputs only (CASES.md).
    if (original.input_type == InputType::Digraph || original.input_type == InputType::Hypergraph)
      doc["want"].erase(3);
    doc.erase("expect");
    const Case c = parse_case(doc);
    const auto v = check_invariants(c, library_answer(c));
    EXPECT_TRUE(v.empty()) << entry.path() << listing(v);
    ++checked;
  }
  EXPECT_GT(checked, 0u) << "no suite cases in " << TOPOSPEC_SUITE_DIR;
}

TEST(InvariantsQuiet, PartialAndMalformedAnswersAreNotViolations) {
  const Case c = make_case(kS1);
  EXPECT_TRUE(check_invariants(c, json::object()).empty());
  EXPECT_TRUE(check_invariants(c, {{"betti", {2, 0, 0}}}).empty());
  EXPECT_TRUE(check_invariants(c, json::array()).empty());
  // Wrong types are the comparison's business (malformed), not an invariant's.
  EXPECT_TRUE(check_invariants(c, {{"betti", "2 0 0"},
                                   {"chain_dims", {5, "4", 1}},
                                   {"laplacian_spectrum", {{"0", {"NaN"}}}},
                                   {"harmonic_basis", {{"0", 7}}}})
                  .empty());
}

// ---------------------------------------------------------------------------------------------
// Each invariant fires

class InvariantsFire : public ::testing::Test {
 protected:
  Case s1_ = make_case(kS1);
  json good_ = library_answer(s1_);
};

TEST_F(InvariantsFire, NonNegative) {
  json a = good_;
  a["betti"][1] = -1;
  expect_fires(s1_, a, "non_negative");
  a = good_;
  a["chain_dims"][2] = -1;
  expect_fires(s1_, a, "non_negative");
}

TEST_F(InvariantsFire, BettiAtMostChainDims) {
  json a = good_;
  a["betti"][2] = 2;  // n_2 = 1
  expect_fires(s1_, a, "betti_le_chain_dims");
}

TEST_F(InvariantsFire, BoundaryRankBound) {
  json a = good_;
  a["boundary_ranks"][1] = 3;  // rank ∂_2 ≤ n_2 = 1
  expect_fires(s1_, a, "boundary_rank_bound");
}

TEST_F(InvariantsFire, RankNullity) {
  json a = good_;
  a["betti"] = {1, 0, 0};  // F4/F10-like: β_0 off by one
  expect_fires(s1_, a, "rank_nullity");
  // β_0 = vertex count with no triangles (F3) on the hexagon.
  const Case hex = make_case(json::parse("[[0,1],[1,2],[2,3],[3,4],[4,5],[0,5]]"));
  a = library_answer(hex);
  a["betti"] = {6, 1};
  expect_fires(hex, a, "rank_nullity");
  expect_fires(hex, a, "euler_betti");
}

TEST_F(InvariantsFire, EulerCharacteristicAgainstChainDims) {
  json a = good_;
  a["euler_characteristic"] = 3;
  expect_fires(s1_, a, "euler_chain_dims");
}

TEST_F(InvariantsFire, EulerCharacteristicAgainstBetti) {
  // Top-dimensional Betti number missing (F2) on the octahedron: β = (1, 0, 0), χ = 2.
  const Case oct = make_case(kOctahedron, json::object(), {"betti", "euler_characteristic"});
  expect_fires(oct, {{"betti", {1, 0, 0}}, {"euler_characteristic", 2}}, "euler_betti");
  // Without euler_characteristic, χ comes from complete chain dimensions.
  const Case oct2 = make_case(kOctahedron, json::object(), {"betti", "chain_dims"});
  expect_fires(oct2, {{"betti", {1, 0, 0}}, {"chain_dims", {6, 12, 8}}}, "euler_betti");
}

TEST_F(InvariantsFire, EulerIsNotCheckedWhenDegreesAreMissing) {
  // max_dim 1 on a 2-complex: chain_dims does not cover the complex, no Euler identity.
  const Case c = make_case(kOctahedron, {{"max_dim", 1}}, {"chain_dims", "euler_characteristic"});
  EXPECT_TRUE(check_invariants(c, {{"chain_dims", {6, 12}}, {"euler_characteristic", 2}}).empty());
}

TEST_F(InvariantsFire, SpectrumSize) {
  json a = good_;
  a["laplacian_spectrum"]["2"] = {3, 3};  // n_2 = 1
  expect_fires(s1_, a, "spectrum_size");
  a = good_;
  a["dirac_spectrum"].erase(0);  // Σ n_q = 10
  expect_fires(s1_, a, "spectrum_size");
  a = good_;
  a["dirac_spectrum_by_degree"]["1"].push_back(9);
  expect_fires(s1_, a, "spectrum_size");
}

TEST_F(InvariantsFire, SpectrumNonNegative) {
  json a = good_;
  a["up_laplacian_spectrum"]["0"][0] = -0.5;
  expect_fires(s1_, a, "spectrum_non_negative");
}

TEST_F(InvariantsFire, LaplacianNullityOverQ) {
  json a = good_;
  a["laplacian_spectrum"]["1"][0] = 0.0;  // L_1 = {1,3,3,4}: now one zero, β_1 = 0
  expect_fires(s1_, a, "laplacian_nullity");
  // No zero threshold (F5): a round-off "zero" counted as nonzero gives a smaller β.
  a = good_;
  a["betti"] = {1, 0, 0};
  a["laplacian_spectrum"]["0"][0] = -8e-17;  // within the threshold: still a zero
  expect_fires(s1_, a, "laplacian_nullity");
}

TEST_F(InvariantsFire, ZpBettiAtLeastRationalBetti) {
  const Case c = make_case(kRp2, {{"coefficients", "Z2"}}, {"betti", "laplacian_spectrum"});
  json a = library_answer(c);  // β over Z/2 = (1,1,1), L nullities (1,0,0)
  EXPECT_TRUE(check_invariants(c, a).empty());
  a["betti"][0] = 0;  // fewer than the rational β_0 = 1
  expect_fires(c, a, "laplacian_nullity");
}

TEST_F(InvariantsFire, HodgeDecomposition) {
  json a = good_;
  a["laplacian_spectrum"]["1"] = {1, 3, 3, 5};  // up ∪ down says {1,3,3,4}
  expect_fires(s1_, a, "hodge_decomposition");
}

TEST_F(InvariantsFire, UpDown) {
  json a = good_;
  a["down_laplacian_spectrum"]["1"] = {0, 1.5, 3, 4};  // up-L_0 nonzero = {1,3,4}
  expect_fires(s1_, a, "up_down");
}

TEST_F(InvariantsFire, DiracSymmetric) {
  json a = good_;
  a["dirac_spectrum"].back() = a["dirac_spectrum"].back().get<double>() + 0.5;
  expect_fires(s1_, a, "dirac_symmetric");
  a = good_;
  a["dirac_spectrum_by_degree"]["1"].back() = 7.0;
  expect_fires(s1_, a, "dirac_symmetric");
}

TEST_F(InvariantsFire, DiracSquares) {
  json a = good_;
  for (auto& x : a["dirac_spectrum"]) x = x.get<double>() * 1.1;  // still symmetric
  expect_fires(s1_, a, "dirac_squares");
  a = good_;
  for (auto& x : a["dirac_spectrum_by_degree"]["1"]) x = x.get<double>() * 1.1;
  expect_fires(s1_, a, "dirac_squares");
}

TEST_F(InvariantsFire, DiracSquaresNeedTheWholeComplex) {
  // max_dim 1: L_2 is not reported, so D (which spans C_0…C_2) cannot be checked against ⊕L.
  const Case c = make_case(kS1, {{"max_dim", 1}}, {"laplacian_spectrum", "dirac_spectrum"});
  json a = library_answer(c);
  for (auto& x : a["dirac_spectrum"]) x = x.get<double>() * 1.1;
  const auto n = names(check_invariants(c, a));
  EXPECT_EQ(std::find(n.begin(), n.end(), "dirac_squares"), n.end());
}

TEST_F(InvariantsFire, DiracZeros) {
  // S1's D has {±2, ±√3, ±√3, ±1, 0, 0} and Σβ = 2; replace the zeros by ±0.5 (symmetric).
  const Case c = make_case(kS1, json::object(), {"betti", "dirac_spectrum"});
  json a = library_answer(c);
  const double r3 = std::sqrt(3.0);
  a["dirac_spectrum"] = {-2, -r3, -r3, -1, -0.5, 0.5, 1, r3, r3, 2};
  expect_fires(c, a, "dirac_zeros");
}

TEST_F(InvariantsFire, HarmonicOrthonormal) {
  json a = good_;
  for (auto& x : a["harmonic_basis"]["0"]["vectors"][0]) x = x.get<double>() * 2;
  expect_fires(s1_, a, "harmonic_orthonormal");
}

TEST_F(InvariantsFire, HarmonicDimension) {
  json a = good_;
  a["harmonic_basis"]["0"]["vectors"].erase(1);  // β_0 = 2
  expect_fires(s1_, a, "harmonic_dimension");
  // Against β_q when no Laplacian spectrum was answered.
  const Case c = make_case(kS1, json::object(), {"betti", "harmonic_basis"});
  a = library_answer(c);
  a["harmonic_basis"]["0"]["vectors"].erase(0);
  expect_fires(c, a, "harmonic_dimension");
}

TEST_F(InvariantsFire, HarmonicCells) {
  json a = good_;
  a["harmonic_basis"]["1"]["cells"][1] = a["harmonic_basis"]["1"]["cells"][0];
  expect_fires(s1_, a, "harmonic_cells");
  a = good_;
  a["harmonic_basis"]["1"]["cells"][0] = {1, 2, 3};  // not an edge
  expect_fires(s1_, a, "harmonic_cells");
}

TEST_F(InvariantsFire, MessagesCarryTheNumbers) {
  json a = good_;
  a["betti"] = {2, 1, 0};
  const auto v = check_invariants(s1_, a);
  const auto it =
      std::find_if(v.begin(), v.end(), [](const auto& x) { return x.invariant == "rank_nullity"; });
  ASSERT_NE(it, v.end()) << listing(v);
  EXPECT_EQ(it->message, "β_1 = 1 but n_1 − rank ∂_1 − rank ∂_2 = 4 − 3 − 1 = 0");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Digraphs (path complexes) and hypergraphs (embedded homology)

namespace {

json graph_quantities() {
  json want = kAllQuantities;
  want.erase(3);  // euler_characteristic: simplicial inputs only
  return want;
}

Case digraph_case(const json& vertices, const json& arcs, const json& options = json::object()) {
  return parse_case({{"input", {{"type", "digraph"}, {"vertices", vertices}, {"arcs", arcs}}},
                     {"options", options},
                     {"want", graph_quantities()}});
}

Case hypergraph_case(const json& hyperedges, const json& options = json::object()) {
  return parse_case({{"input", {{"type", "hypergraph"}, {"hyperedges", hyperedges}}},
                     {"options", options},
                     {"want", graph_quantities()}});
}

const json kSeedArcs = json::parse("[[1,2],[1,3],[2,3],[2,4],[3,4]]");
const json kSuspensionArcs =
    json::parse("[[0,2],[0,3],[1,2],[1,3],[2,4],[2,5],[3,4],[3,5]]");

}  // namespace

TEST(InvariantsQuiet, LibraryAnswersOfDigraphsAndHypergraphs) {
  const std::vector<Case> cases = {
      digraph_case(json{1, 2, 3, 4}, kSeedArcs),
      digraph_case(json{1, 2, 3, 4}, kSeedArcs, {{"max_dim", 3}, {"coefficients", "Z"}}),
      digraph_case(2, json::parse("[[0,1],[1,0]]")),
      digraph_case(2, json::parse("[[0,1],[1,0]]"), {{"path_theory", "non_regular"}}),
      digraph_case(6, kSuspensionArcs),
      digraph_case(3, json::parse("[[0,1],[0,1],[1,2]]"), {{"coefficients", "Z2"}}),
      hypergraph_case(json::parse("[[0],[1],[0,1],[0,1,2]]")),
      hypergraph_case(json::parse("[[0,1],[1,2],[0,2],[0,1,2,3]]"), {{"vertices", "all"}}),
      hypergraph_case(json::parse("[[0],[1],[2],[0,1],[1,2],[0,2]]"), {{"max_dim", 3}}),
  };
  for (const Case& c : cases) {
    const auto v = check_invariants(c, library_answer(c));
    EXPECT_TRUE(v.empty()) << c.document.dump() << listing(v);
  }
}

TEST(InvariantsFireGraphs, DigraphChainDims) {
  // Parallel arcs count once in Ω_1.
  const Case c = digraph_case(3, json::parse("[[0,1],[0,1],[1,2]]"));
  json a = library_answer(c);
  EXPECT_EQ(a["chain_dims"], json({3, 2, 0}));  // 012 is allowed, but 02 is no arc
  EXPECT_TRUE(check_invariants(c, a).empty()) << listing(check_invariants(c, a));
  a["chain_dims"] = {3, 3, 1};
  expect_fires(c, a, "digraph_chain_dims");
  a["chain_dims"] = {2, 2, 1};
  expect_fires(c, a, "digraph_chain_dims");
  a["chain_dims"] = {3, 2, 2};  // |A_2| = 1 (the path 012)
  expect_fires(c, a, "digraph_chain_dims");
}

TEST(InvariantsFireGraphs, HypergraphChainDims) {
  const Case c = hypergraph_case(json::parse("[[0],[1],[0,1],[0,1,2]]"));
  json a = library_answer(c);
  a["chain_dims"] = {2, 1, 1};  // one 2-hyperedge, but Inf_2 = 0 is the truth; 1 is allowed
  const auto n = names(check_invariants(c, a));
  EXPECT_EQ(std::count(n.begin(), n.end(), "hypergraph_chain_dims"), 0);
  a["chain_dims"] = {2, 2, 0};
  expect_fires(c, a, "hypergraph_chain_dims");
  a["chain_dims"] = {3, 1, 0};  // 2 is no 0-hyperedge without vertices = "all"
  expect_fires(c, a, "hypergraph_chain_dims");
}

TEST(InvariantsFireGraphs, HarmonicCellsOfADigraphAreAllowedPaths) {
  const Case c = digraph_case(2, json::parse("[[0,1],[1,0]]"), {{"path_theory", "non_regular"}});
  const json good = library_answer(c);
  // Both orientations are cells: [0,1] and [1,0] are not a repeated cell.
  EXPECT_TRUE(check_invariants(c, good).empty()) << listing(check_invariants(c, good));
  json a = good;
  a["harmonic_basis"]["1"]["cells"][0] = {0, 0};
  expect_fires(c, a, "harmonic_cells");
  const Case one_way = digraph_case(2, json::parse("[[0,1]]"));
  a = library_answer(one_way);
  a["harmonic_basis"]["0"]["cells"][0] = {1, 0};  // no arc 1 → 0, and not a vertex
  expect_fires(one_way, a, "harmonic_cells");
}

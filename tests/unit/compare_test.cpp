// The comparison rules of spec/CASES.md ("compared as"), one by one: what passes, what fails
// and where (JSON pointer), what is malformed, and the edges of each tolerance.
#include "topospec/verify/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "topospec/topology/error.hpp"

namespace {

using nlohmann::json;
using namespace topospec::verify;

// A simplicial case whose `want` is the keys of `expect`.
Case make_case(const json& expect, const json& options = json::object(),
               const json& tolerance = json(), const json& simplices = json::parse("[[0,1,2]]")) {
  json doc = {{"format", "topospec-case/1"},
              {"name", "t"},
              {"input", {{"type", "simplicial_complex"}, {"simplices", simplices}}},
              {"options", options},
              {"expect", expect}};
  if (!tolerance.is_null()) doc["tolerance"] = tolerance;
  return parse_case(doc);
}

// Compares and returns the result of the only compared quantity.
QuantityResult one_case(const Case& c, const json& got) {
  const CompareResult r = compare_answer(c, c.expect, got);
  EXPECT_EQ(r.quantities.size(), 1u);
  return r.quantities.empty() ? QuantityResult{} : r.quantities.front();
}

QuantityResult one(const json& expect, const json& got, const json& tolerance = json()) {
  return one_case(make_case(expect, json::object(), tolerance), got);
}

std::string first_pointer(const QuantityResult& r) {
  return r.differences.empty() ? "" : r.differences.front().pointer;
}

// ---------------------------------------------------------------------------------------------
// Integers

TEST(CompareIntegers, EqualListsPass) {
  const auto r = one({{"betti", {1, 0, 1}}}, {{"betti", {1, 0, 1}}});
  EXPECT_EQ(r.status, QuantityStatus::Pass);
  EXPECT_TRUE(r.message.empty());
  EXPECT_EQ(r.tolerance, "exact");
}

TEST(CompareIntegers, FirstDifferenceIsLocatedWithExpectedAndGot) {
  const auto r = one({{"betti", {1, 0, 1}}}, {{"betti", {1, 0, 0}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(r.message, "/betti/2: expected 1, got 0 (exact)");
  ASSERT_EQ(r.differences.size(), 1u);
  EXPECT_EQ(r.differences[0].pointer, "/betti/2");
  EXPECT_EQ(r.differences[0].expected, 1);
  EXPECT_EQ(r.differences[0].got, 0);
}

TEST(CompareIntegers, EveryDifferenceIsListedFirstOneFirst) {
  const auto r = one({{"chain_dims", {6, 12, 8}}}, {{"chain_dims", {6, 11, 9}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  ASSERT_EQ(r.differences.size(), 2u);
  EXPECT_EQ(r.differences[0].pointer, "/chain_dims/1");
  EXPECT_EQ(r.differences[1].pointer, "/chain_dims/2");
}

TEST(CompareIntegers, AnAnswerMayGiveMoreDegrees) {
  EXPECT_EQ(one({{"betti", {1, 0}}}, {{"betti", {1, 0, 0, 0}}}).status, QuantityStatus::Pass);
  EXPECT_EQ(one({{"boundary_ranks", {2}}}, {{"boundary_ranks", {2, 1}}}).status,
            QuantityStatus::Pass);
}

TEST(CompareIntegers, AShorterAnswerFailsAtTheFirstMissingDegree) {
  const auto r = one({{"betti", {1, 0, 1}}}, {{"betti", {1, 0}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/betti/2");
  EXPECT_NE(r.message.find("got nothing"), std::string::npos) << r.message;
}

TEST(CompareIntegers, FloatsStringsAndObjectsAreMalformed) {
  auto r = one({{"betti", {1, 0}}}, {{"betti", {1, 0.0}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_EQ(first_pointer(r), "/betti/1");
  r = one({{"betti", {1, 0}}}, {{"betti", "1 0"}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_NE(r.message.find("a string"), std::string::npos) << r.message;
  r = one({{"betti", {1, 0}}}, {{"betti", {{"0", 1}}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
}

TEST(CompareIntegers, MalformedDominatesAnEarlierDifference) {
  const auto r = one({{"betti", {1, 0, 1}}}, {{"betti", {2, 0, "x"}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_EQ(r.message.substr(0, 8), "/betti/2");
  EXPECT_EQ(r.differences.size(), 2u);  // both are listed
}

TEST(CompareIntegers, EulerCharacteristicIsAScalar) {
  EXPECT_EQ(one({{"euler_characteristic", 2}}, {{"euler_characteristic", 2}}).status,
            QuantityStatus::Pass);
  const auto r = one({{"euler_characteristic", 2}}, {{"euler_characteristic", 1}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(r.message, "/euler_characteristic: expected 2, got 1 (exact)");
  EXPECT_EQ(one({{"euler_characteristic", 2}}, {{"euler_characteristic", {2}}}).status,
            QuantityStatus::Malformed);
  EXPECT_EQ(one({{"euler_characteristic", -1}}, {{"euler_characteristic", -1}}).status,
            QuantityStatus::Pass);
}

// ---------------------------------------------------------------------------------------------
// Which keys are compared

TEST(CompareKeys, AbsentKeyIsNotAttempted) {
  const auto r = one({{"betti", {1}}}, json::object());
  EXPECT_EQ(r.status, QuantityStatus::NotAttempted);
  EXPECT_NE(r.message.find("not attempted"), std::string::npos);
}

TEST(CompareKeys, WantedKeysThatExpectLacksAreNotCompared) {
  json doc = {{"input", {{"type", "simplicial_complex"}, {"simplices", {{0, 1}}}}},
              {"want", {"betti", "chain_dims"}},
              {"expect", {{"betti", {1, 0}}}}};
  const Case c = parse_case(doc);
  const CompareResult r = compare_answer(c, c.expect, {{"betti", {1, 0}}});
  ASSERT_EQ(r.quantities.size(), 1u);
  EXPECT_EQ(r.quantities[0].quantity, topospec::verify::Quantity::Betti);
  EXPECT_TRUE(r.passed());
}

TEST(CompareKeys, ExpectedKeysThatAreNotWantedAreNotCompared) {
  json doc = {{"input", {{"type", "simplicial_complex"}, {"simplices", {{0, 1}}}}},
              {"want", {"betti"}},
              {"expect", {{"betti", {1, 0}}, {"chain_dims", {2, 1}}}}};
  const Case c = parse_case(doc);
  const CompareResult r = compare_answer(c, c.expect, {{"betti", {1, 0}}});
  ASSERT_EQ(r.quantities.size(), 1u);
  EXPECT_TRUE(r.passed());
}

TEST(CompareKeys, AnAnswerThatIsNoObjectIsMalformedForEveryQuantity) {
  const Case c = make_case({{"betti", {1}}, {"chain_dims", {3, 3, 1}}});
  const CompareResult r = compare_answer(c, c.expect, json::array({1, 2}));
  ASSERT_EQ(r.quantities.size(), 2u);
  for (const auto& q : r.quantities) EXPECT_EQ(q.status, QuantityStatus::Malformed);
  EXPECT_TRUE(r.any_wrong());
}

TEST(CompareKeys, FirstProblemPrefersWrongOverNotAttempted) {
  const Case c = make_case({{"betti", {1}}, {"chain_dims", {3, 3, 1}}});
  const CompareResult r = compare_answer(c, c.expect, {{"chain_dims", {3, 3, 2}}});
  ASSERT_NE(r.first_problem(), nullptr);
  EXPECT_EQ(r.first_problem()->quantity, topospec::verify::Quantity::ChainDims);
  EXPECT_TRUE(r.any_not_attempted());
  EXPECT_FALSE(r.passed());
}

// ---------------------------------------------------------------------------------------------
// Torsion

TEST(CompareTorsion, SortedListsWithOmittableEmptyLists) {
  const json expect = {{"torsion", {{"0", json::array()}, {"1", {2, 4}}, {"2", json::array()}}}};
  EXPECT_EQ(one(expect, {{"torsion", {{"1", {4, 2}}}}}).status, QuantityStatus::Pass);
  EXPECT_EQ(
      one({{"torsion", {{"1", {2}}}}}, {{"torsion", {{"0", json::array()}, {"1", {2}}}}}).status,
      QuantityStatus::Pass);
}

TEST(CompareTorsion, DifferencesAreLocatedByDegree) {
  auto r = one({{"torsion", {{"1", {2}}}}}, {{"torsion", {{"1", json::array()}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/torsion/1");
  // Torsion the expected answer omits (as []) in a degree it covers is wrong.
  r = one({{"torsion", {{"1", {2}}}}}, {{"torsion", {{"0", {2}}, {"1", {2}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/torsion/0");
}

TEST(CompareTorsion, DegreesUpToMaxDimAreCoveredEvenWhenExpectOmitsThem) {
  // The case reports degrees 0..2 (max_dim 2): torsion in degree 2 is wrong even though the
  // expected answer lists degree 1 only; degree 3 lies beyond the answer's range.
  const Case c = make_case({{"torsion", {{"1", {2}}}}}, {{"max_dim", 2}});
  EXPECT_EQ(one_case(c, {{"torsion", {{"1", {2}}, {"2", {3}}}}}).status, QuantityStatus::Fail);
  EXPECT_EQ(one_case(c, {{"torsion", {{"1", {2}}, {"3", {3}}}}}).status, QuantityStatus::Pass);
}

TEST(CompareTorsion, MalformedAnswers) {
  EXPECT_EQ(one({{"torsion", {{"1", {2}}}}}, {{"torsion", {{"one", {2}}}}}).status,
            QuantityStatus::Malformed);
  EXPECT_EQ(one({{"torsion", {{"1", {2}}}}}, {{"torsion", {{"1", "2"}}}}).status,
            QuantityStatus::Malformed);
  EXPECT_EQ(one({{"torsion", {{"1", {2}}}}}, {{"torsion", {2}}}).status, QuantityStatus::Malformed);
}

// ---------------------------------------------------------------------------------------------
// Spectra

TEST(CompareSpectra, WithinToleranceElementwise) {
  const json tol = {{"abs", 1e-6}, {"rel", 1e-3}};
  const json expect = {{"laplacian_spectrum", {{"0", {0, 1, 3}}, {"1", {2, 1000}}}}};
  // |got − expected| ≤ abs + rel·|expected|: 1000 allows 1e-6 + 1 (just under is fine).
  EXPECT_EQ(one(expect, {{"laplacian_spectrum", {{"0", {1e-7, 1, 3}}, {"1", {2, 1000.999}}}}}, tol)
                .status,
            QuantityStatus::Pass);
  const auto r =
      one(expect, {{"laplacian_spectrum", {{"0", {1e-7, 1, 3}}, {"1", {2, 1001.01}}}}}, tol);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/laplacian_spectrum/1/1");
  EXPECT_NE(r.message.find("tolerance"), std::string::npos) << r.message;
  EXPECT_NE(r.tolerance.find("0.001"), std::string::npos) << r.tolerance;
}

TEST(CompareSpectra, AbsoluteToleranceEdge) {
  const json tol = {{"abs", 1e-6}, {"rel", 0}};
  const json expect = {{"dirac_spectrum", {-1, 0, 1}}};
  EXPECT_EQ(one(expect, {{"dirac_spectrum", {-1, 0.9e-6, 1}}}, tol).status, QuantityStatus::Pass);
  const auto r = one(expect, {{"dirac_spectrum", {-1, 1.1e-6, 1}}}, tol);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/dirac_spectrum/1");
}

TEST(CompareSpectra, DefaultToleranceIsTight) {
  const json expect = {{"laplacian_spectrum", {{"1", {3}}}}};
  EXPECT_EQ(one(expect, {{"laplacian_spectrum", {{"1", {3 + 1e-9}}}}}).status,
            QuantityStatus::Pass);
  EXPECT_EQ(one(expect, {{"laplacian_spectrum", {{"1", {3.000049}}}}}).status,
            QuantityStatus::Fail);  // PETLS' float32 "3" (REFERENCE §4)
}

TEST(CompareSpectra, LengthMismatchFailsAtTheDegree) {
  const auto r = one({{"laplacian_spectrum", {{"1", {1, 3, 3, 4}}}}},
                     {{"laplacian_spectrum", {{"1", {0, 1, 3, 3, 4}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/laplacian_spectrum/1");
  EXPECT_NE(r.message.find("expected 4 eigenvalues, got 5"), std::string::npos) << r.message;
}

TEST(CompareSpectra, MissingDegreeFails) {
  const auto r = one({{"up_laplacian_spectrum", {{"0", {0, 2}}, {"1", {0}}}}},
                     {{"up_laplacian_spectrum", {{"0", {0, 2}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/up_laplacian_spectrum/1");
}

TEST(CompareSpectra, ExtraDegreesInTheAnswerAreIgnored) {
  EXPECT_EQ(one({{"down_laplacian_spectrum", {{"0", {0, 0}}}}},
                {{"down_laplacian_spectrum", {{"0", {0, 0}}, {"1", {2}}}}})
                .status,
            QuantityStatus::Pass);
}

TEST(CompareSpectra, NonNumbersAreMalformedWithTheirPlace) {
  auto r =
      one({{"laplacian_spectrum", {{"0", {0, 2}}}}}, {{"laplacian_spectrum", {{"0", {0, "NaN"}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_EQ(first_pointer(r), "/laplacian_spectrum/0/1");
  r = one({{"laplacian_spectrum", {{"0", {0, 2}}}}}, {{"laplacian_spectrum", {0, 2}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_EQ(first_pointer(r), "/laplacian_spectrum");
  r = one({{"dirac_spectrum", {0}}}, {{"dirac_spectrum", {nullptr}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  r = one({{"dirac_spectrum", {0}}}, {{"dirac_spectrum", {INFINITY}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_NE(r.message.find("non-finite"), std::string::npos) << r.message;
}

TEST(CompareSpectra, UnsortedAnswersAreToldSo) {
  const auto r = one({{"dirac_spectrum_by_degree", {{"0", {-1, 0, 1}}}}},
                     {{"dirac_spectrum_by_degree", {{"0", {1, 0, -1}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  bool told = false;
  for (const auto& d : r.differences) told |= d.note.find("ascending") != std::string::npos;
  EXPECT_TRUE(told);
}

// ---------------------------------------------------------------------------------------------
// Harmonic bases (subspaces)

// S1's H_0: cells 1..5, kernel spanned by (1,1,1,1,0)/2 and e_5.
const json kS1H0 = {{"cells", {{1}, {2}, {3}, {4}, {5}}},
                    {"vectors", {{0.5, 0.5, 0.5, 0.5, 0}, {0, 0, 0, 0, 1}}}};

TEST(CompareHarmonic, SameSubspaceInAnotherBasisAndCellOrderPasses) {
  const double s = 1 / std::sqrt(2.0);
  // Rotated basis, cells listed in another order.
  const json got = {
      {"cells", {{5}, {4}, {3}, {2}, {1}}},
      {"vectors",
       {{s, 0.5 * s, 0.5 * s, 0.5 * s, 0.5 * s}, {-s, 0.5 * s, 0.5 * s, 0.5 * s, 0.5 * s}}}};
  const auto r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Pass) << r.message;
}

TEST(CompareHarmonic, CellsAreSetsOfVertexIds) {
  const json expect = {{"cells", {{0, 1}, {1, 2}, {0, 2}}}, {"vectors", {{1, 1, -1}}}};
  const json got = {{"cells", {{2, 0}, {1, 0}, {2, 1}}}, {"vectors", {{-1, 1, 1}}}};
  EXPECT_EQ(one({{"harmonic_basis", {{"1", expect}}}}, {{"harmonic_basis", {{"1", got}}}}).status,
            QuantityStatus::Pass);
}

TEST(CompareHarmonic, DifferentSubspaceFailsWithTheDistance) {
  const json got = {{"cells", {{1}, {2}, {3}, {4}, {5}}},
                    {"vectors", {{1, 0, 0, 0, 0}, {0, 0, 0, 0, 1}}}};
  const auto r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/harmonic_basis/0");
  EXPECT_NE(r.message.find("‖P − P_ref‖₂"), std::string::npos) << r.message;
}

TEST(CompareHarmonic, ToleranceEdgeOnTheProjectorDistance) {
  const json tol = {{"abs", 1e-6}, {"rel", 0}};
  auto tilted = [](double eps) {
    const double c = std::cos(eps), s = std::sin(eps);
    // The first vector turned by eps towards e_1 − e_2 (orthogonal to the space): ‖ΔP‖ = sin eps.
    const double a = 0.5 * c, b = s / std::sqrt(2.0);
    return json{{"cells", {{1}, {2}, {3}, {4}, {5}}},
                {"vectors", {{a + b, a - b, a, a, 0}, {0, 0, 0, 0, 1}}}};
  };
  EXPECT_EQ(
      one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", tilted(5e-7)}}}}, tol)
          .status,
      QuantityStatus::Pass);
  EXPECT_EQ(
      one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", tilted(2e-6)}}}}, tol)
          .status,
      QuantityStatus::Fail);
}

TEST(CompareHarmonic, DifferentDimensionFails) {
  json got = kS1H0;
  got["vectors"].erase(1);
  auto r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_NE(r.message.find("dimension 2, got dimension 1"), std::string::npos) << r.message;
  // Two copies of one vector span a line, not a plane.
  got = kS1H0;
  got["vectors"][1] = got["vectors"][0];
  r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_NE(r.message.find("linearly dependent"), std::string::npos) << r.message;
}

TEST(CompareHarmonic, EmptyBasesCompareEqual) {
  const json none = {{"cells", {{0, 1}}}, {"vectors", json::array()}};
  EXPECT_EQ(one({{"harmonic_basis", {{"1", none}}}}, {{"harmonic_basis", {{"1", none}}}}).status,
            QuantityStatus::Pass);
}

TEST(CompareHarmonic, DifferentCellsFail) {
  json got = kS1H0;
  got["cells"][4] = {6};
  auto r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/harmonic_basis/0/cells/4");
  got = kS1H0;
  got["cells"].erase(4);
  for (auto& v : got["vectors"]) v.erase(4);
  r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_NE(r.message.find("missing"), std::string::npos) << r.message;
}

TEST(CompareHarmonic, MalformedAnswers) {
  json got = kS1H0;
  got["vectors"][0].erase(0);  // 4 entries for 5 cells
  auto r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_EQ(first_pointer(r), "/harmonic_basis/0/vectors/0");
  got = kS1H0;
  got["vectors"][1][2] = "x";
  r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_EQ(first_pointer(r), "/harmonic_basis/0/vectors/1/2");
  got = kS1H0;
  got["cells"][1] = {1};
  r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", got}}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);  // a cell listed twice
  r = one({{"harmonic_basis", {{"0", kS1H0}}}}, {{"harmonic_basis", {{"0", {1, 2}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
}

// ---------------------------------------------------------------------------------------------
// Barcodes

TEST(CompareBarcode, MultisetsInAnyOrder) {
  const json expect = {{"barcode", {{"0", {{0, nullptr}, {0, 1}, {0, 2}}}}}};
  EXPECT_EQ(one(expect, {{"barcode", {{"0", {{0, 2}, {0, nullptr}, {0, 1}}}}}}).status,
            QuantityStatus::Pass);
}

TEST(CompareBarcode, InfiniteBarsMustMatchInNumberAndBirth) {
  const json tol = {{"abs", 0.01}, {"rel", 0}};
  const json expect = {{"barcode", {{"1", {{0.5, nullptr}, {1.0, nullptr}}}}}};
  EXPECT_EQ(one(expect, {{"barcode", {{"1", {{1.005, nullptr}, {0.495, nullptr}}}}}}, tol).status,
            QuantityStatus::Pass);
  auto r = one(expect, {{"barcode", {{"1", {{0.5, nullptr}, {1.02, nullptr}}}}}}, tol);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/barcode/1");
  r = one(expect, {{"barcode", {{"1", {{0.5, nullptr}, {1.0, 7}}}}}}, tol);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_NE(r.message.find("infinite"), std::string::npos) << r.message;
}

TEST(CompareBarcode, FiniteBarsByBottleneckDistance) {
  const json tol = {{"abs", 0.1}, {"rel", 0}};
  const json expect = {{"barcode", {{"0", {{0, 1}, {0, 3}}}}}};
  // Moved by 0.1: within abs.
  EXPECT_EQ(one(expect, {{"barcode", {{"0", {{0.1, 0.9}, {0, 3.1}}}}}}, tol).status,
            QuantityStatus::Pass);
  // An extra bar of length 0.2 matches the diagonal at distance 0.1.
  EXPECT_EQ(one(expect, {{"barcode", {{"0", {{0, 1}, {0, 3}, {2, 2.2}}}}}}, tol).status,
            QuantityStatus::Pass);
  // Zero-length bars are not bars.
  EXPECT_EQ(one(expect, {{"barcode", {{"0", {{0, 1}, {0, 3}, {5, 5}}}}}}, tol).status,
            QuantityStatus::Pass);
  // A missing long bar is at distance 0.5 > 0.1.
  const auto r = one(expect, {{"barcode", {{"0", {{0, 3}}}}}}, tol);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/barcode/0");
  EXPECT_NE(r.message.find("bottleneck distance = 0.5"), std::string::npos) << r.message;
}

TEST(CompareBarcode, MalformedBars) {
  const json expect = {{"barcode", {{"0", {{0, 1}}}}}};
  auto r = one(expect, {{"barcode", {{"0", {{1, 0}}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Malformed);
  EXPECT_EQ(first_pointer(r), "/barcode/0/0");
  EXPECT_EQ(one(expect, {{"barcode", {{"0", {{0, "inf"}}}}}}).status, QuantityStatus::Malformed);
  EXPECT_EQ(one(expect, {{"barcode", {{"0", {{0, 1, 2}}}}}}).status, QuantityStatus::Malformed);
  EXPECT_EQ(one(expect, {{"barcode", {{"0", 1}}}}).status, QuantityStatus::Malformed);
}

TEST(Bottleneck, KnownDistances) {
  using Bars = std::vector<std::pair<double, double>>;
  EXPECT_DOUBLE_EQ(bottleneck_distance(Bars{{0, 2}}, Bars{{0, 3}}), 1.0);
  EXPECT_DOUBLE_EQ(bottleneck_distance(Bars{{0, 2}}, Bars{}), 1.0);
  EXPECT_DOUBLE_EQ(bottleneck_distance(Bars{{0, 10}, {1, 2}}, Bars{{0, 10}}), 0.5);
  EXPECT_DOUBLE_EQ(bottleneck_distance(Bars{}, Bars{}), 0.0);
  // Crossing matches: the optimal matching pairs (0,4)-(0.5,4) and (1,2)-(1,2.25).
  EXPECT_DOUBLE_EQ(bottleneck_distance(Bars{{0, 4}, {1, 2}}, Bars{{1, 2.25}, {0.5, 4}}), 0.5);
}

// ---------------------------------------------------------------------------------------------
// Persistent quantities and spectral curves

TEST(ComparePersistent, BettiMatchedByRequestInAnyOrder) {
  const json expect = {{"persistent_betti",
                        {{{"dim", 1}, {"a", 0}, {"b", 1}, {"value", 1}},
                         {{"dim", 0}, {"a", 0.5}, {"b", 2}, {"value", 3}}}}};
  const json good = {{"persistent_betti",
                      {{{"dim", 0}, {"a", 0.5}, {"b", 2.0}, {"value", 3}},
                       {{"dim", 1}, {"a", 0}, {"b", 1}, {"value", 1}}}}};
  EXPECT_EQ(one(expect, good).status, QuantityStatus::Pass);
  json bad = good;
  bad["persistent_betti"][0]["value"] = 2;
  auto r = one(expect, bad);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/persistent_betti/1/value");
  bad = good;
  bad["persistent_betti"].erase(1);
  r = one(expect, bad);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/persistent_betti/0");
  EXPECT_NE(r.message.find("no entry"), std::string::npos);
  bad = good;
  bad["persistent_betti"][0]["value"] = 3.0;
  EXPECT_EQ(one(expect, bad).status, QuantityStatus::Malformed);
}

TEST(ComparePersistent, SpectraPerRequest) {
  const json expect = {{"persistent_laplacian_spectrum",
                        {{{"dim", 1}, {"a", 0}, {"b", 1}, {"eigenvalues", {0, 2, 2, 4}}}}}};
  EXPECT_EQ(one(expect, {{"persistent_laplacian_spectrum",
                          {{{"dim", 1}, {"a", 0}, {"b", 1}, {"eigenvalues", {0, 2, 2, 4.0}}}}}})
                .status,
            QuantityStatus::Pass);
  const auto r = one(expect, {{"persistent_laplacian_spectrum",
                               {{{"dim", 1}, {"a", 0}, {"b", 1}, {"eigenvalues", {2, 2, 2, 4}}}}}});
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/persistent_laplacian_spectrum/0/eigenvalues/0");
  EXPECT_EQ(one({{"persistent_dirac_spectrum",
                  {{{"dim", 0}, {"a", 0}, {"b", 1}, {"eigenvalues", {-1, 1}}}}}},
                {{"persistent_dirac_spectrum",
                  {{{"dim", 0}, {"a", 0}, {"b", 1}, {"eigenvalues", {-1, 1}}}}}})
                .status,
            QuantityStatus::Pass);
}

TEST(ComparePersistent, HarmonicBasisPerRequest) {
  const double s = 1 / std::sqrt(2.0);
  const json expect = {
      {"persistent_harmonic_basis",
       {{{"dim", 0}, {"a", 0}, {"b", 1}, {"cells", {{0}, {1}}}, {"vectors", {{s, s}}}}}}};
  EXPECT_EQ(
      one(expect,
          {{"persistent_harmonic_basis",
            {{{"dim", 0}, {"a", 0}, {"b", 1}, {"cells", {{1}, {0}}}, {"vectors", {{-s, -s}}}}}}})
          .status,
      QuantityStatus::Pass);
  EXPECT_EQ(
      one(expect,
          {{"persistent_harmonic_basis",
            {{{"dim", 0}, {"a", 0}, {"b", 1}, {"cells", {{0}, {1}}}, {"vectors", {{1, 0}}}}}}})
          .status,
      QuantityStatus::Fail);
}

TEST(CompareSpectralCurves, PerSampledValue) {
  const json expect = {{"spectral_curves",
                        {{{"value", 0}, {"betti", {3, 0}}, {"lambda_min", {0, 0}}},
                         {{"value", 1}, {"betti", {1, 0}}, {"lambda_min", {0.7639, 0.7639}}}}}};
  const json tol = {{"abs", 1e-4}, {"rel", 0}};
  const json good = {{"spectral_curves",
                      {{{"value", 1}, {"betti", {1, 0, 0}}, {"lambda_min", {0.76393, 0.76393}}},
                       {{"value", 0}, {"betti", {3, 0}}, {"lambda_min", {0, 0}}}}}};
  EXPECT_EQ(one(expect, good, tol).status, QuantityStatus::Pass);
  json bad = good;
  bad["spectral_curves"][0]["betti"][0] = 20;  // F3: β_0 = vertex count
  auto r = one(expect, bad, tol);
  EXPECT_EQ(r.status, QuantityStatus::Fail);
  EXPECT_EQ(first_pointer(r), "/spectral_curves/1/betti/0");
  bad = good;
  bad["spectral_curves"][0]["lambda_min"][1] = 7.6e-20;  // F5: no zero threshold
  r = one(expect, bad, tol);
  EXPECT_EQ(first_pointer(r), "/spectral_curves/1/lambda_min/1");
}

// ---------------------------------------------------------------------------------------------
// The expected answer itself

TEST(CompareExpect, MalformedExpectIsInvalidInputWithItsPlace) {
  const Case c = make_case({{"betti", {1, "x"}}});
  try {
    compare_answer(c, c.expect, {{"betti", {1, 0}}});
    FAIL() << "accepted";
  } catch (const topospec::InvalidInput& e) {
    EXPECT_EQ(e.where(), "/expect/betti/1");
  }
  EXPECT_THROW(validate_expect(c), topospec::InvalidInput);
  EXPECT_THROW(validate_expect(make_case({{"laplacian_spectrum", {{"zero", {0}}}}})),
               topospec::InvalidInput);
  EXPECT_NO_THROW(validate_expect(make_case({{"betti", {1, 0}}, {"dirac_spectrum", {-1, 1}}})));
}

TEST(CompareHelpers, StatusNamesAndShortJson) {
  EXPECT_EQ(to_string(QuantityStatus::NotAttempted), "not_attempted");
  EXPECT_EQ(to_string(QuantityStatus::Malformed), "malformed");
  EXPECT_EQ(short_json(json::array({1, 2, 3}), 120), "[1,2,3]");
  EXPECT_EQ(short_json(std::string(200, 'a'), 10).size(), 10u);
}

TEST(CompareHelpers, ReportedMaxDim) {
  EXPECT_EQ(reported_max_dim(make_case({{"betti", {1}}})), 2);
  EXPECT_EQ(reported_max_dim(make_case({{"betti", {1}}}, {{"max_dim", 5}})), 5);
  EXPECT_EQ(input_top_dimension(make_case({{"betti", {1}}}, {{"max_dim", 5}})), 2);
  EXPECT_EQ(input_top_dimension(
                make_case({{"betti", json::array()}}, json::object(), json(), json::array())),
            -1);
}

}  // namespace

// Hypergraph embedded homology on the hand-checked examples of REFERENCE §3.4 (H1–H4, the
// commented JL inputs, the F6 input, TriLoop, V + triangles, the hollow tetrahedron): dim Inf,
// embedded Betti numbers (the Inf chain complex's homology and, independently, ranks of the
// supremum complex), Laplacian spectra in the orthonormal real form; the normalisation and
// validation of Hypergraph::from_hyperedges, the generator layout read by infimum_complex,
// filtered hypergraphs and the HyperNetX JSON reader.
#include "topospec/hypergraph/hypergraph.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

using Sizes = std::vector<std::size_t>;
using Spectrum = std::vector<double>;

std::vector<Hyperedge> hyperedges_of(const std::vector<Simplex>& edges) {
  std::vector<Hyperedge> out;
  for (const Simplex& s : edges) out.push_back({s, std::nullopt});
  return out;
}

Hypergraph hypergraph(const std::vector<Simplex>& edges,
                      VertexConvention convention = VertexConvention::Listed) {
  return Hypergraph::from_hyperedges(hyperedges_of(edges), {}, convention);
}

// dim Inf_0 … dim Inf_top.
Sizes inf_dims(const InfimumComplex& inf, int top) {
  Sizes d;
  for (int q = 0; q <= top; ++q) d.push_back(inf.chains.dim(q));
  return d;
}

Sizes inf_betti(const InfimumComplex& inf, int max_dim,
                Coefficients k = Coefficients::rationals()) {
  HomologyOptions o;
  o.coefficients = k;
  o.max_dim = max_dim;
  return homology(inf.chains, o).betti;
}

Spectrum laplacian_spectrum(const InfimumComplex& inf, int q) {
  return full_spectrum(hodge_laplacian(inf.chains, q));
}

void expect_spectrum(const Spectrum& actual, Spectrum expected, double tol = 1e-9) {
  std::sort(expected.begin(), expected.end());
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i)
    EXPECT_NEAR(actual[i], expected[i], tol) << "eigenvalue " << i;
}

// The hexagon example of JL's hypergraph/main_compute.py.
std::vector<Simplex> vertices6() { return {{0}, {1}, {2}, {3}, {4}, {5}}; }
std::vector<Simplex> hexagon() {
  std::vector<Simplex> h = vertices6();
  for (Simplex e : {Simplex{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 5}}) h.push_back(e);
  return h;
}

// One example of §3.4: dims and Betti numbers from the Inf chain complex, and the same Betti
// numbers by ranks alone (the supremum complex), over Q and Z/2.
struct Expected {
  Sizes dims;
  Sizes betti;
};

InfimumComplex check(const Hypergraph& h, const Expected& want) {
  const int top = static_cast<int>(want.dims.size()) - 1;
  InfimumComplex inf = embedded_complex(h, top);
  EXPECT_EQ(inf_dims(inf, top), want.dims);
  EXPECT_EQ(inf_betti(inf, top), want.betti);
  EXPECT_EQ(embedded_betti_by_ranks(h, top), want.betti);
  EXPECT_EQ(embedded_betti_by_ranks(h, top, Coefficients::prime_field(2)), want.betti);
  EXPECT_EQ(inf_betti(inf, top, Coefficients::prime_field(2)), want.betti);
  InfimumOptions mod2;
  mod2.modulus = 2;
  EXPECT_EQ(inf_betti(embedded_complex(h, top, mod2), top, Coefficients::prime_field(2)),
            want.betti);
  return inf;
}

// ---- REFERENCE §3.4: JL's filtration examples.

TEST(HypergraphExamples, H1VerticesOnly) {
  const InfimumComplex inf = check(hypergraph(vertices6()), {{6}, {6}});
  expect_spectrum(laplacian_spectrum(inf, 0), {0, 0, 0, 0, 0, 0});
}

TEST(HypergraphExamples, H2Hexagon) {
  const InfimumComplex inf = check(hypergraph(hexagon()), {{6, 6}, {1, 1}});
  expect_spectrum(laplacian_spectrum(inf, 0), {0, 1, 1, 3, 3, 4});
  expect_spectrum(laplacian_spectrum(inf, 1), {0, 1, 1, 3, 3, 4});
}

TEST(HypergraphExamples, H3TrianglesWithOneNonHexagonEdgeHaveNoInf2) {
  std::vector<Simplex> edges = hexagon();
  for (Simplex t : {Simplex{0, 1, 2}, {1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {0, 4, 5}, {0, 1, 5}})
    edges.push_back(t);
  const Hypergraph h = hypergraph(edges);
  EXPECT_EQ(h.top_degree(), 2);
  const InfimumComplex inf = check(h, {{6, 6, 0}, {1, 1, 0}});
  expect_spectrum(laplacian_spectrum(inf, 0), {0, 1, 1, 3, 3, 4});
  expect_spectrum(laplacian_spectrum(inf, 1), {0, 1, 1, 3, 3, 4});
  EXPECT_TRUE(laplacian_spectrum(inf, 2).empty());
}

TEST(HypergraphExamples, H4EighteenTriangles) {
  std::vector<Simplex> edges = hexagon();
  for (VertexId a = 0; a < 6; ++a)
    for (VertexId b = a + 1; b < 6; ++b)
      for (VertexId c = b + 1; c < 6; ++c)
        if (Simplex{a, b, c} != Simplex{0, 2, 4} && Simplex{a, b, c} != Simplex{1, 3, 5})
          edges.push_back({a, b, c});
  ASSERT_EQ(edges.size(), 12u + 18u);
  const InfimumComplex inf = check(hypergraph(edges), {{6, 6, 9}, {1, 0, 8}});
  expect_spectrum(laplacian_spectrum(inf, 0), {0, 1, 1, 3, 3, 4});
  expect_spectrum(laplacian_spectrum(inf, 1), {1, 1, 3, 3, 4, 6});
  // F5: JL reports 7.6e-20 as the smallest positive eigenvalue of L_2; it is 6.
  expect_spectrum(laplacian_spectrum(inf, 2), {0, 0, 0, 0, 0, 0, 0, 0, 6});
}

// ---- The commented JL inputs and the F6 input.

TEST(HypergraphExamples, JlCommentedInputNoInf) {
  check(hypergraph({{1, 3}, {0, 1, 2}, {0, 1, 3}, {2, 3, 4}}), {{0, 0, 0}, {0, 0, 0}});
}

TEST(HypergraphExamples, JlCommentedInputTetrahedronAndIsolatedVertex) {
  check(hypergraph({{5}, {1, 2}, {0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}}),
        {{1, 0, 1}, {1, 0, 1}});
}

TEST(HypergraphExamples, JlCommentedInputTwoVerticesAndHollowTetrahedron) {
  check(hypergraph({{2}, {3}, {2, 3, 5}, {2, 4, 5}, {3, 4, 5}, {2, 3, 4}}), {{2, 0, 1}, {2, 0, 1}});
}

TEST(HypergraphExamples, F6LowerClosureFacesThatAreNotHyperedges) {
  const InfimumComplex inf =
      check(hypergraph({{0}, {1}, {0, 1}, {0, 1, 2}}), {{2, 1, 0}, {1, 0, 0}});
  expect_spectrum(laplacian_spectrum(inf, 0), {0, 2});
  expect_spectrum(laplacian_spectrum(inf, 1), {2});
}

// ---- Other hypergraphs of §3.4.

TEST(HypergraphExamples, TriLoopDependsOnTheVertexConvention) {
  const std::vector<Simplex> triloop = {{0, 1}, {1, 2}, {0, 2, 3}};  // AB, BC, ACD
  check(hypergraph(triloop), {{0, 0, 0}, {0, 0, 0}});
  check(hypergraph(triloop, VertexConvention::All), {{4, 2, 0}, {2, 0, 0}});
  // The closure ΔH (what HyperNetX computes) has β = (1, 1, 0).
  EXPECT_EQ(homology(chain_complex(SimplicialComplex::from_simplices(triloop))).betti,
            (Sizes{1, 1, 0}));
}

TEST(HypergraphExamples, VerticesAndATriangle) {
  check(hypergraph({{0}, {1}, {2}, {0, 1, 2}}), {{3, 0, 0}, {3, 0, 0}});
}

TEST(HypergraphExamples, VerticesOneEdgeAndATriangle) {
  check(hypergraph({{0}, {1}, {2}, {0, 1}, {0, 1, 2}}), {{3, 1, 0}, {2, 0, 0}});
}

TEST(HypergraphExamples, VerticesTwoEdgesAndATriangle) {
  check(hypergraph({{0}, {1}, {2}, {0, 1}, {1, 2}, {0, 1, 2}}), {{3, 2, 0}, {1, 0, 0}});
}

TEST(HypergraphExamples, TetrahedronTrianglesWithoutEdges) {
  check(hypergraph({{0}, {1}, {2}, {3}, {0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}}),
        {{4, 0, 1}, {4, 0, 1}});
}

TEST(HypergraphExamples, TrianglesOfRP2AloneDependOnTheField) {
  // No edges or vertices are hyperedges, so Inf_2 = {x ∈ span triangles : ∂x = 0}: over Q, 0
  // (H_2(RP²; Q) = 0); over Z/2, the sum of all ten triangles (H_2(RP²; Z/2) = Z/2).
  const Hypergraph h = hypergraph({{0, 1, 2},
                                   {0, 2, 3},
                                   {0, 3, 4},
                                   {0, 4, 5},
                                   {0, 1, 5},
                                   {1, 2, 4},
                                   {1, 3, 4},
                                   {1, 3, 5},
                                   {2, 3, 5},
                                   {2, 4, 5}});
  const InfimumComplex inf = embedded_complex(h);
  EXPECT_EQ(inf_dims(inf, 2), (Sizes{0, 0, 0}));
  EXPECT_EQ(embedded_betti_by_ranks(h, 2), (Sizes{0, 0, 0}));
  EXPECT_EQ(embedded_betti_by_ranks(h, 2, Coefficients::prime_field(2)), (Sizes{0, 0, 1}));
  EXPECT_EQ(embedded_betti_by_ranks(h, 2, Coefficients::prime_field(3)), (Sizes{0, 0, 0}));
  InfimumOptions mod2;
  mod2.modulus = 2;
  const InfimumComplex inf2 = embedded_complex(h, 2, mod2);
  EXPECT_EQ(inf_dims(inf2, 2), (Sizes{0, 0, 1}));
  EXPECT_EQ(inf_betti(inf2, 2, Coefficients::prime_field(2)), (Sizes{0, 0, 1}));
}

TEST(HypergraphExamples, ASimplicialComplexGivesSimplicialHomology) {
  // The closure of a hollow triangle and a filled one sharing a vertex, listed in full.
  const std::vector<Simplex> k = {{0},    {1},    {2},    {3},    {4},    {0, 1},
                                  {1, 2}, {0, 2}, {2, 3}, {3, 4}, {2, 4}, {2, 3, 4}};
  const InfimumComplex inf = check(hypergraph(k), {{5, 6, 1}, {1, 1, 0}});
  const ChainComplex simplicial = chain_complex(SimplicialComplex::from_simplices(k));
  for (int q = 0; q <= 2; ++q)
    expect_spectrum(laplacian_spectrum(inf, q), full_spectrum(hodge_laplacian(simplicial, q)));
}

TEST(HypergraphExamples, DegreesAboveTheTopAreEmpty) {
  const Hypergraph h = hypergraph(hexagon());
  const InfimumComplex inf = embedded_complex(h, 3);
  EXPECT_EQ(inf_dims(inf, 3), (Sizes{6, 6, 0, 0}));
  EXPECT_EQ(inf_betti(inf, 3), (Sizes{1, 1, 0, 0}));
  EXPECT_EQ(embedded_betti_by_ranks(h, 3), (Sizes{1, 1, 0, 0}));
}

// ---- Cell labels and the generator layout read by infimum_complex.

TEST(HypergraphGenerators, BoundaryRowsAreGeneratorsThenOtherClosureFaces) {
  // F6: ∂[0,1,2] = [1,2] − [0,2] + [0,1]; [0,1] is generator 0 of degree 1, [1,2] and [0,2]
  // are closure faces that are not hyperedges (rows 1 and 2, in the order met).
  const HypergraphGenerators g =
      hypergraph_generators(hypergraph({{1}, {0}, {1, 0}, {2, 1, 0}}), 3);
  ASSERT_EQ(g.degrees.size(), 4u);
  EXPECT_EQ(g.degrees[0].generators, 2u);
  EXPECT_EQ(g.degrees[0].boundary.rows(), 0);
  EXPECT_EQ(g.degrees[0].boundary.cols(), 2);
  EXPECT_TRUE(g.degrees[0].values.empty());  // unfiltered
  const Eigen::MatrixX<std::int64_t> b1 = g.degrees[1].boundary;
  EXPECT_EQ(b1, (Eigen::MatrixX<std::int64_t>(2, 1) << -1, 1).finished());
  const Eigen::MatrixX<std::int64_t> b2 = g.degrees[2].boundary;
  EXPECT_EQ(b2, (Eigen::MatrixX<std::int64_t>(3, 1) << 1, 1, -1).finished());
  EXPECT_EQ(g.degrees[3].generators, 0u);
  EXPECT_EQ(g.degrees[3].boundary.rows(), 1);
  EXPECT_EQ(g.degrees[3].boundary.cols(), 0);
  EXPECT_EQ(g.labels(2, 0), (CellLabel{0, 1, 2}));
  EXPECT_EQ(g.labels(0, 1), (CellLabel{1}));
}

TEST(HypergraphGenerators, ACloseFaceSharedByTwoHyperedgesIsOneRow) {
  // [0,1,2] and [0,1,3] share the non-hyperedge face [0,1].
  const HypergraphGenerators g = hypergraph_generators(hypergraph({{0, 1, 2}, {0, 1, 3}}), 2);
  const IntegerMatrix& b = g.degrees[2].boundary;
  EXPECT_EQ(b.rows(), 5);  // no generators of degree 1: [1,2] [0,2] [0,1] [1,3] [0,3]
  EXPECT_EQ(b.coeff(2, 0), 1);
  EXPECT_EQ(b.coeff(2, 1), 1);
  EXPECT_EQ(b.nonZeros(), 6);
}

TEST(HypergraphGenerators, InfCellsAreLabelledByHyperedges) {
  const InfimumComplex inf =
      embedded_complex(hypergraph({{5}, {1, 2}, {0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}}));
  ASSERT_EQ(inf.chains.dim(2), 1u);
  EXPECT_EQ(inf.chains.label(0, 0), (CellLabel{5}));
  const CellLabel l = inf.chains.label(2, 0);
  EXPECT_EQ(l.size(), 3u);
  EXPECT_TRUE(l == (CellLabel{0, 1, 2}) || l == (CellLabel{0, 1, 3}) || l == (CellLabel{0, 2, 3}) ||
              l == (CellLabel{1, 2, 3}));
}

// ---- Normalisation and validation.

TEST(HypergraphInput, SortsGroupsAndDeduplicatesKeepingTheSmallestValue) {
  std::vector<std::string> warnings;
  const std::vector<Hyperedge> in = {
      {{2, 0, 1}, std::nullopt}, {{1, 0}, 3.0}, {{4}, 1.0}, {{0, 1}, 2.0}, {{0, 2}, 5.0}};
  const Hypergraph h = Hypergraph::from_hyperedges(in, {}, VertexConvention::Listed, &warnings);
  EXPECT_TRUE(h.filtered());
  EXPECT_EQ(h.top_degree(), 2);
  EXPECT_EQ(h.size(), 4u);
  EXPECT_EQ(h.edges(0), (std::vector<Simplex>{{4}}));
  EXPECT_EQ(h.edges(1), (std::vector<Simplex>{{0, 1}, {0, 2}}));
  EXPECT_EQ(h.values(1), (std::vector<double>{2.0, 5.0}));
  EXPECT_EQ(h.edges(2), (std::vector<Simplex>{{0, 1, 2}}));
  EXPECT_EQ(h.values(2), (std::vector<double>{0.0}));  // no value: 0
  EXPECT_TRUE(h.edges(3).empty());
  EXPECT_TRUE(h.edges(-1).empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("/hyperedges/3"), std::string::npos) << warnings[0];
}

TEST(HypergraphInput, UnfilteredWithoutValues) {
  const Hypergraph h = hypergraph({{0, 1}, {1}}, VertexConvention::All);
  EXPECT_FALSE(h.filtered());
  EXPECT_EQ(h.values(0), (std::vector<double>{0.0, 0.0}));
  EXPECT_TRUE(hypergraph_generators(h, 1).degrees[1].values.empty());
  EXPECT_FALSE(embedded_complex(h).chains.filtered());
}

TEST(HypergraphInput, AllConventionAddsEveryVertexAtItsFirstHyperedge) {
  const std::vector<Hyperedge> in = {
      {{0, 1}, 2.0}, {{1, 2}, 1.0}, {{3}, 5.0}, {{3, 4}, 0.5}, {{1, 2, 5}, 4.0}};
  const Hypergraph h = Hypergraph::from_hyperedges(in, {7, 4}, VertexConvention::All);
  EXPECT_EQ(h.edges(0), (std::vector<Simplex>{{0}, {1}, {2}, {3}, {4}, {5}, {7}}));
  EXPECT_EQ(h.values(0), (std::vector<double>{2.0, 1.0, 1.0, 0.5, 0.5, 4.0, 0.0}));
  // Listed: `vertices` adds nothing, and the singleton keeps its own value.
  const Hypergraph listed = Hypergraph::from_hyperedges(in, {7, 4});
  EXPECT_EQ(listed.edges(0), (std::vector<Simplex>{{3}}));
  EXPECT_EQ(listed.values(0), (std::vector<double>{5.0}));
  // Only listed vertices.
  const Hypergraph only = Hypergraph::from_hyperedges({}, {2, 0, 2}, VertexConvention::All);
  EXPECT_EQ(only.edges(0), (std::vector<Simplex>{{0}, {2}}));
  EXPECT_EQ(check(only, {{2}, {2}}).chains.dim(0), 2u);
}

std::string where_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InvalidInput& e) {
    return e.where();
  }
  return "no InvalidInput";
}

TEST(HypergraphInput, ErrorsNameTheHyperedge) {
  auto build = [](std::vector<Hyperedge> in, std::vector<VertexId> v = {}) {
    return [in, v] { Hypergraph::from_hyperedges(in, v, VertexConvention::All); };
  };
  EXPECT_EQ(where_of(build({{{0}, {}}, {{}, {}}})), "/hyperedges/1");
  EXPECT_EQ(where_of(build({{{0, -2}, {}}})), "/hyperedges/0/1");
  EXPECT_EQ(where_of(build({{{0}, {}}, {{1}, {}}, {{3, 1, 3}, {}}})), "/hyperedges/2");
  EXPECT_EQ(where_of(build({{{0, 1}, std::nan("")}})), "/hyperedges/0");
  EXPECT_EQ(where_of(build({{{0, 1}, {}}}, {1, -1})), "/vertices/1");
}

// ---- Filtered hypergraphs.

TEST(HypergraphFiltration, AHyperedgeEntersInfWhenItsBoundaryIsAllowed) {
  // Vertices at 0, edges [0,1] and [1,2] at 1, [0,2] at 3, the triangle at 2: the triangle
  // enters Inf only at 3, when its last face does.
  const std::vector<Hyperedge> in = {{{0}, 0.0},    {{1}, 0.0},    {{2}, 0.0},      {{0, 1}, 1.0},
                                     {{1, 2}, 1.0}, {{0, 2}, 3.0}, {{0, 1, 2}, 2.0}};
  const Hypergraph h = Hypergraph::from_hyperedges(in);
  ASSERT_TRUE(h.filtered());
  const InfimumComplex inf = embedded_complex(h);
  ASSERT_TRUE(inf.chains.filtered());
  EXPECT_EQ(inf_dims(inf, 2), (Sizes{3, 3, 1}));
  const auto& values = inf.chains.values();
  EXPECT_EQ(values[0], (std::vector<double>{0, 0, 0}));
  std::vector<double> v1 = values[1];
  std::sort(v1.begin(), v1.end());
  EXPECT_EQ(v1, (std::vector<double>{1, 1, 3}));
  EXPECT_EQ(values[2], (std::vector<double>{3}));
  EXPECT_EQ(inf.chains.label(2, 0), (CellLabel{0, 1, 2}));
  EXPECT_EQ(inf_betti(inf, 2), (Sizes{1, 0, 0}));
  // At t = 2.5 the path 0–1–2 alone: one component, no triangle.
  const ChainComplex k = inf.chains.sublevel(2.5);
  EXPECT_EQ(k.dim(1), 2u);
  EXPECT_EQ(k.dim(2), 0u);
  HomologyOptions o;
  o.max_dim = 2;
  EXPECT_EQ(homology(k, o).betti, (Sizes{1, 0, 0}));
  // At t = 0.5 three isolated vertices.
  EXPECT_EQ(homology(inf.chains.sublevel(0.5), o).betti, (Sizes{3, 0, 0}));
}

TEST(HypergraphFiltration, GeneratorValuesReachTheEngine) {
  const std::vector<Hyperedge> in = {{{0}, 0.0}, {{1}, 0.5}, {{0, 1}, 2.0}};
  const HypergraphGenerators g = hypergraph_generators(Hypergraph::from_hyperedges(in), 1);
  EXPECT_EQ(g.degrees[0].values, (std::vector<double>{0.0, 0.5}));
  EXPECT_EQ(g.degrees[1].values, (std::vector<double>{2.0}));
}

// ---- HyperNetX JSON.

class HypernetxJson : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("topospec_hypergraph_test_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(path) << text;
    files_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& p : files_) std::filesystem::remove(p);
  }
  std::vector<std::filesystem::path> files_;
};

TEST_F(HypernetxJson, NamedVerticesAreNumberedInOrderOfFirstAppearance) {
  const auto path = write("triloop.json", R"({"AB": ["A", "B"], "BC": ["B", "C"],
                                              "ACD": ["A", "C", "D"]})");
  std::vector<std::string> warnings;
  const Hypergraph h = read_hypernetx_json(path, VertexConvention::Listed, &warnings);
  EXPECT_EQ(h.edges(1), (std::vector<Simplex>{{0, 1}, {1, 2}}));
  EXPECT_EQ(h.edges(2), (std::vector<Simplex>{{0, 2, 3}}));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("A → 0"), std::string::npos) << warnings[0];
  EXPECT_EQ(embedded_betti_by_ranks(read_hypernetx_json(path, VertexConvention::All), 2),
            (Sizes{2, 0, 0}));
}

TEST_F(HypernetxJson, IntegerNamesAreTheIds) {
  const auto path = write("ints.json", R"({"e1": [7, 3], "e2": ["3", "12"], "e3": [12]})");
  std::vector<std::string> warnings;
  const Hypergraph h = read_hypernetx_json(path, VertexConvention::Listed, &warnings);
  EXPECT_EQ(h.edges(0), (std::vector<Simplex>{{12}}));
  EXPECT_EQ(h.edges(1), (std::vector<Simplex>{{3, 7}, {3, 12}}));
  EXPECT_TRUE(warnings.empty());
}

TEST_F(HypernetxJson, ListOfVertexListsIsTheF6Input) {
  const auto path = write("f6.json", "[[0], [1], [0, 1], [0, 1, 2]]");
  check(read_hypernetx_json(path), {{2, 1, 0}, {1, 0, 0}});
}

TEST_F(HypernetxJson, HifIncidences) {
  const auto path = write("hif.json", R"({"network-type": "undirected",
    "incidences": [{"edge": "e1", "node": 0}, {"edge": "e2", "node": 1},
                   {"edge": "e1", "node": 1}, {"edge": "e2", "node": 2}],
    "nodes": [{"node": 0}, {"node": 1}, {"node": 2}, {"node": 9}], "edges": [{"edge": "e1"}]})");
  const Hypergraph h = read_hypernetx_json(path, VertexConvention::All);
  EXPECT_EQ(h.edges(0), (std::vector<Simplex>{{0}, {1}, {2}, {9}}));
  EXPECT_EQ(h.edges(1), (std::vector<Simplex>{{0, 1}, {1, 2}}));
}

TEST_F(HypernetxJson, ErrorsNameTheFileAndThePointer) {
  const auto where = [&](const std::string& name, const std::string& text) {
    const auto path = write(name, text);
    const std::string w = where_of([&] { read_hypernetx_json(path); });
    return w.starts_with(path.string() + ": ") ? w.substr(path.string().size() + 2) : w;
  };
  EXPECT_EQ(where("empty.json", R"({"a": [1], "b/c": []})"), "/b~1c");
  EXPECT_EQ(where("repeat.json", R"({"a": [1, 2, 1]})"), "/a");
  EXPECT_EQ(where("float.json", R"([[1], [2, 2.5]])"), "/1/1");
  EXPECT_EQ(where("notlist.json", R"({"a": 3})"), "/a");
  EXPECT_EQ(where("scalar.json", "3"), "/");
  EXPECT_EQ(
      where("hif.json", R"({"incidences": [{"edge": 1, "node": 1}, {"edge": 1, "node": 1}]})"),
      "/incidences/0/edge");
  const auto bad = write("bad.json", "{\"a\": [1,");
  EXPECT_EQ(where_of([&] { read_hypernetx_json(bad); }), bad.string());
  EXPECT_THROW(read_hypernetx_json("/nonexistent/topospec/h.json"), InvalidInput);
}

}  // namespace
}  // namespace topospec

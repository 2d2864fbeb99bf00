// The case reader (verify/case.hpp): what it accepts, and the exact place of every rejection.
#include <gtest/gtest.h>

#include <sstream>

#include "topospec/topology/error.hpp"
#include "topospec/verify/case.hpp"

namespace {

using nlohmann::json;
using topospec::InvalidInput;
using namespace topospec::verify;

Case read(const std::string& text) {
  std::istringstream in(text);
  return read_case(in, "test.json");
}

// The InvalidInput that reading `text` throws (fails the test when nothing is thrown).
InvalidInput rejection(const std::string& text) {
  try {
    read(text);
  } catch (const InvalidInput& e) {
    return e;
  }
  ADD_FAILURE() << "accepted: " << text;
  return InvalidInput("", "");
}

std::string with_simplices(const std::string& simplices, const std::string& rest = "") {
  return R"({"input": {"type": "simplicial_complex", "simplices": )" + simplices +
         R"(}, "want": ["betti"])" + rest + "}";
}

TEST(CaseFormat, ReadsEveryFieldOfAFullCase) {
  const Case c = read(R"({
    "format": "topospec-case/1", "name": "rp2", "description": "d", "source": "s",
    "tags": ["simplicial", "torsion"],
    "input": {"type": "simplicial_complex", "simplices": [[2, 0, 1], [7]]},
    "options": {"coefficients": "Zp:3", "max_dim": 4},
    "want": ["betti", "torsion"],
    "expect": {"betti": [1, 0, 0]},
    "tolerance": {"abs": 1e-6, "rel": 0}})");
  EXPECT_EQ(c.format, "topospec-case/1");
  EXPECT_EQ(c.name, "rp2");
  EXPECT_EQ(c.description, "d");
  EXPECT_EQ(c.source, "s");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"simplicial", "torsion"}));
  EXPECT_EQ(c.input_type, InputType::SimplicialComplex);
  // Vertex order is kept as written; the complex sorts when it is built.
  EXPECT_EQ(c.simplices, (std::vector<topospec::Simplex>{{2, 0, 1}, {7}}));
  EXPECT_EQ(c.options.coefficients, topospec::Coefficients::prime_field(3));
  EXPECT_EQ(c.options.max_dim, 4);
  EXPECT_TRUE(c.want_given);
  EXPECT_EQ(c.want, (std::vector<WantedQuantity>{{Quantity::Betti, "/want/0"},
                                                 {Quantity::Torsion, "/want/1"}}));
  EXPECT_EQ(c.expect, json::parse(R"({"betti": [1, 0, 0]})"));
  EXPECT_DOUBLE_EQ(c.tolerance.abs, 1e-6);
  EXPECT_DOUBLE_EQ(c.tolerance.rel, 0);
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_EQ(c.origin, "test.json");
  EXPECT_EQ(c.document["name"], "rp2");
}

TEST(CaseFormat, DefaultsWhenOptionsAreAbsent) {
  const Case c = read(with_simplices("[[0, 1]]"));
  EXPECT_EQ(c.options.coefficients, topospec::Coefficients::rationals());
  EXPECT_FALSE(c.options.max_dim.has_value());
  EXPECT_TRUE(c.expect.is_null());
  EXPECT_DOUBLE_EQ(c.tolerance.abs, 1e-8);
}

TEST(CaseFormat, WantDefaultsToTheKnownKeysOfExpect) {
  const Case c = read(R"({"input": {"type": "simplicial_complex", "simplices": [[0]]},
                         "expect": {"euler_characteristic": 1, "betti": [1], "bogus": 3}})");
  EXPECT_FALSE(c.want_given);
  ASSERT_EQ(c.want.size(), 2u);
  std::vector<std::string> pointers{c.want[0].pointer, c.want[1].pointer};
  std::sort(pointers.begin(), pointers.end());
  EXPECT_EQ(pointers, (std::vector<std::string>{"/expect/betti", "/expect/euler_characteristic"}));
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("/expect/bogus: unknown quantity"), std::string::npos)
      << c.warnings[0];
}

TEST(CaseFormat, UnknownFieldsAndOptionsAreWarningsWithTheirPlace) {
  const Case c = read(R"({"input": {"type": "simplicial_complex", "simplices": [[0]], "colour": 1},
                         "options": {"max_dim": 0, "speed": "fast", "path_theory": "regular"},
                         "want": ["betti", "betti"], "author": "x",
                         "tolerance": {"abs": 0.1, "relative": 0.1}})");
  const std::vector<std::string> expected = {
      "/input/colour: unknown input field \"colour\" ignored",
      "/options/speed: unknown option \"speed\" ignored",
      "/options/path_theory: has no effect on this input type",
      "/want/1: \"betti\" is already wanted at /want/0; computed once",
      "/tolerance/relative: unknown tolerance field \"relative\" ignored",
      "/author: unknown field \"author\" ignored",
  };
  EXPECT_EQ(c.warnings, expected);
  EXPECT_EQ(c.want.size(), 1u);
}

TEST(CaseFormat, OtherOptionsOfCasesMdAreRead) {
  const Case c =
      read(with_simplices("[[0]]", R"(, "options": {"requests": [{"dim": 1, "a": 0.5, "b": 2}],
                                       "values": [0, 1.5], "vertices": "all"})"));
  ASSERT_EQ(c.options.requests.size(), 1u);
  EXPECT_EQ(c.options.requests[0], (PersistenceRequest{1, 0.5, 2}));
  EXPECT_EQ(c.options.values, (std::vector<double>{0, 1.5}));
  EXPECT_EQ(c.options.vertices, "all");
}

TEST(CaseFormat, ReadsDigraphs) {
  Case c = read(R"({"input": {"type": "digraph", "vertices": 3, "arcs": [[0, 1], [2, 1, 0.5]]},
                    "options": {"path_theory": "non_regular"}, "want": ["betti"]})");
  EXPECT_EQ(c.input_type, InputType::Digraph);
  EXPECT_EQ(c.vertices, (std::vector<topospec::VertexId>{0, 1, 2}));
  ASSERT_EQ(c.arcs.size(), 2u);
  EXPECT_EQ(c.arcs[0].tail, 0);
  EXPECT_EQ(c.arcs[0].head, 1);
  EXPECT_FALSE(c.arcs[0].weight.has_value());
  EXPECT_EQ(c.arcs[1].tail, 2);
  EXPECT_EQ(c.arcs[1].weight, 0.5);
  EXPECT_TRUE(c.vertex_values.empty());
  EXPECT_EQ(c.options.path_theory, "non_regular");
  EXPECT_TRUE(c.warnings.empty()) << c.warnings[0];

  // Listed ids in the user's order, vertex values, a parallel arc and a 2-cycle (which is no
  // parallel arc).
  c = read(R"({"input": {"type": "digraph", "vertices": [10, 4], "vertex_values": [1, 2],
                         "arcs": [[10, 4, 3], [4, 10], [10, 4, 1]]}, "want": ["betti"]})");
  EXPECT_EQ(c.vertices, (std::vector<topospec::VertexId>{10, 4}));
  EXPECT_EQ(c.vertex_values, (std::vector<double>{1, 2}));
  EXPECT_EQ(c.arcs.size(), 3u);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0].rfind("/input/arcs/2: arc 10 → 4 is also listed at /input/arcs/0", 0), 0u)
      << c.warnings[0];
}

TEST(CaseFormat, ReadsHypergraphs) {
  Case c = read(R"({"input": {"type": "hypergraph", "vertices": [7],
                              "hyperedges": [[2, 0], {"hyperedge": [1], "value": 0.5}, [0, 2]]},
                    "options": {"vertices": "all"}, "want": ["betti"]})");
  EXPECT_EQ(c.input_type, InputType::Hypergraph);
  EXPECT_EQ(c.vertices, (std::vector<topospec::VertexId>{7}));
  ASSERT_EQ(c.hyperedges.size(), 3u);
  EXPECT_EQ(c.hyperedges[0].vertices, (topospec::Simplex{2, 0}));  // as written
  EXPECT_FALSE(c.hyperedges[0].value.has_value());
  EXPECT_EQ(c.hyperedges[1].value, 0.5);
  EXPECT_EQ(c.options.vertices, "all");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0].rfind("/input/hyperedges/2: the same hyperedge as /input/hyperedges/0", 0),
            0u)
      << c.warnings[0];
  // An unknown field of a hyperedge object is a warning with its place.
  c = read(R"({"input": {"type": "hypergraph", "hyperedges": [{"hyperedge": [0], "weight": 1}]},
               "want": ["betti"]})");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0].rfind("/input/hyperedges/0/weight: ", 0), 0u) << c.warnings[0];
}

struct Rejection {
  std::string name, text, where, message;
};

class CaseRejections : public ::testing::TestWithParam<Rejection> {};

TEST_P(CaseRejections, NameThePlace) {
  const Rejection& r = GetParam();
  const InvalidInput e = rejection(r.text);
  EXPECT_EQ(e.where(), r.where);
  EXPECT_NE(e.message().find(r.message), std::string::npos) << e.message();
}

INSTANTIATE_TEST_SUITE_P(
    CaseFormat, CaseRejections,
    ::testing::Values(
        Rejection{"malformed", "{\n  \"input\": [1,,]\n}", "line 2, column 15", "syntax error"},
        Rejection{"empty_text", "", "line 1, column 1", "unexpected end of input"},
        Rejection{"not_an_object", "[1]", "", "a case must be a JSON object"},
        Rejection{"no_input", R"({"want": ["betti"]})", "/input", "missing"},
        Rejection{"input_not_object", R"({"input": 3, "want": ["betti"]})", "/input",
                  "expected an object"},
        Rejection{"no_type", R"({"input": {}, "want": ["betti"]})", "/input/type", "missing"},
        Rejection{"unknown_type", R"({"input": {"type": "cw"}, "want": ["betti"]})", "/input/type",
                  "unknown input type \"cw\""},
        Rejection{"digraph_no_vertices",
                  R"({"input": {"type": "digraph", "arcs": []}, "want": ["betti"]})",
                  "/input/vertices", "missing"},
        Rejection{"digraph_vertex_count_negative",
                  R"({"input": {"type": "digraph", "vertices": -1, "arcs": []}, "want": ["betti"]})",
                  "/input/vertices", "must be >= 0"},
        Rejection{"digraph_vertices_not_ids",
                  R"({"input": {"type": "digraph", "vertices": "abc", "arcs": []}, "want": ["betti"]})",
                  "/input/vertices", "a vertex count or a list of vertex ids"},
        Rejection{"digraph_vertex_repeated",
                  R"({"input": {"type": "digraph", "vertices": [3, 5, 3], "arcs": []}, "want": ["betti"]})",
                  "/input/vertices/2", "vertex 3 listed twice (also at /input/vertices/0)"},
        Rejection{"digraph_no_arcs",
                  R"({"input": {"type": "digraph", "vertices": 2}, "want": ["betti"]})",
                  "/input/arcs", "missing"},
        Rejection{"arc_too_short",
                  R"({"input": {"type": "digraph", "vertices": 2, "arcs": [[0, 1], [1]]}, "want": ["betti"]})",
                  "/input/arcs/1", "expected an arc [a, b] or [a, b, weight], got a list of 1"},
        Rejection{"arc_self_loop",
                  R"({"input": {"type": "digraph", "vertices": 3, "arcs": [[0, 1], [2, 2]]}, "want": ["betti"]})",
                  "/input/arcs/1", "self-loop 2 → 2"},
        Rejection{"arc_unknown_vertex",
                  R"({"input": {"type": "digraph", "vertices": [0, 4], "arcs": [[0, 4], [4, 1]]}, "want": ["betti"]})",
                  "/input/arcs/1/1", "unknown vertex 1"},
        Rejection{"arc_negative_id",
                  R"({"input": {"type": "digraph", "vertices": 2, "arcs": [[-1, 0]]}, "want": ["betti"]})",
                  "/input/arcs/0/0", "negative vertex id -1"},
        Rejection{"arc_weight_not_number",
                  R"({"input": {"type": "digraph", "vertices": 2, "arcs": [[0, 1, null]]}, "want": ["betti"]})",
                  "/input/arcs/0/2", "expected an arc weight"},
        Rejection{"vertex_values_length",
                  R"({"input": {"type": "digraph", "vertices": 3, "arcs": [], "vertex_values": [0, 1]}, "want": ["betti"]})",
                  "/input/vertex_values", "2 values for 3 vertices"},
        Rejection{"vertex_value_not_number",
                  R"({"input": {"type": "digraph", "vertices": 2, "arcs": [], "vertex_values": [0, "x"]}, "want": ["betti"]})",
                  "/input/vertex_values/1", "a vertex value"},
        Rejection{"digraph_file_and_arcs",
                  R"({"input": {"type": "digraph", "file": "g.dot", "arcs": []}, "want": ["betti"]})",
                  "/input/file", "not both"},
        Rejection{"digraph_file_missing",
                  R"({"input": {"type": "digraph", "file": "/nonexistent/g.dot"}, "want": ["betti"]})",
                  "/input/file", "g.dot"},
        Rejection{"hypergraph_no_hyperedges",
                  R"({"input": {"type": "hypergraph"}, "want": ["betti"]})",
                  "/input/hyperedges", "missing"},
        Rejection{"hyperedge_empty",
                  R"({"input": {"type": "hypergraph", "hyperedges": [[0], []]}, "want": ["betti"]})",
                  "/input/hyperedges/1", "empty hyperedge"},
        Rejection{"hyperedge_repeated_vertex",
                  R"({"input": {"type": "hypergraph", "hyperedges": [[2, 0, 2]]}, "want": ["betti"]})",
                  "/input/hyperedges/0", "vertex 2 repeated in a hyperedge"},
        Rejection{"hyperedge_bad_id",
                  R"({"input": {"type": "hypergraph", "hyperedges": [[0, 1.5]]}, "want": ["betti"]})",
                  "/input/hyperedges/0/1", "not an integer"},
        Rejection{"hyperedge_object_without_hyperedge",
                  R"({"input": {"type": "hypergraph", "hyperedges": [{"value": 1}]}, "want": ["betti"]})",
                  "/input/hyperedges/0/hyperedge", "missing"},
        Rejection{"hyperedge_value_not_number",
                  R"({"input": {"type": "hypergraph", "hyperedges": [{"hyperedge": [0], "value": "x"}]}, "want": ["betti"]})",
                  "/input/hyperedges/0/value", "expected a value"},
        Rejection{"hyperedge_not_list",
                  R"({"input": {"type": "hypergraph", "hyperedges": [[0], 7]}, "want": ["betti"]})",
                  "/input/hyperedges/1", "expected a hyperedge"},
        Rejection{"hypergraph_vertices_repeated",
                  R"({"input": {"type": "hypergraph", "hyperedges": [], "vertices": [1, 1]}, "want": ["betti"]})",
                  "/input/vertices/1", "listed twice"},
        Rejection{"empty_point_cloud",
                  R"({"input": {"type": "point_cloud", "points": []}, "want": ["betti"]})",
                  "/input/points", "empty"},
        Rejection{"ragged_point_cloud",
                  R"({"input": {"type": "point_cloud", "points": [[0, 1], [2]]}, "want": ["betti"]})",
                  "/input/points/1", "coordinates"},
        Rejection{"unknown_point_complex",
                  R"({"input": {"type": "point_cloud", "points": [[0]], "complex": "cech"}, "want": ["betti"]})",
                  "/input/complex", "unknown complex"},
        Rejection{"filtered_entry_not_object",
                  R"({"input": {"type": "filtered_complex", "simplices": [[0]]}, "want": ["betti"]})",
                  "/input/simplices/0", "expected an object"},
        Rejection{"filtered_value_missing",
                  R"({"input": {"type": "filtered_complex", "simplices": [{"simplex": [0]}]}, "want": ["betti"]})",
                  "/input/simplices/0/value", "missing"},
        Rejection{"distance_not_number",
                  R"({"input": {"type": "distance_matrix", "matrix": [[], ["x"]]}, "want": ["betti"]})",
                  "/input/matrix/1/0", "a distance"},
        Rejection{"no_simplices", R"({"input": {"type": "simplicial_complex"}, "want": ["betti"]})",
                  "/input/simplices", "missing"},
        Rejection{"simplices_not_list", with_simplices("\"x\""), "/input/simplices",
                  "expected a list"},
        Rejection{"simplex_not_list", with_simplices("[[0], [1], {}]"), "/input/simplices/2",
                  "expected a list of vertex ids"},
        Rejection{"negative", with_simplices("[[0], [1], [2, -3]]"), "/input/simplices/2/1",
                  "negative vertex id -3"},
        Rejection{"fraction", with_simplices("[[1.5]]"), "/input/simplices/0/0", "not an integer"},
        Rejection{"integral_float", with_simplices("[[2.0]]"), "/input/simplices/0/0",
                  "not an integer"},
        Rejection{"string_id", with_simplices(R"([["a"]])"), "/input/simplices/0/0",
                  "got a string"},
        Rejection{"bool_id", with_simplices("[[true]]"), "/input/simplices/0/0", "got a boolean"},
        Rejection{"null_id", with_simplices("[[null]]"), "/input/simplices/0/0", "got null"},
        Rejection{"too_large", with_simplices("[[4611686018427387905]]"), "/input/simplices/0/0",
                  "larger than 2^62"},
        Rejection{"beyond_uint64", with_simplices("[[18446744073709551616]]"),
                  "/input/simplices/0/0", "not an integer"},
        Rejection{"repeated", with_simplices("[[0, 1], [3, 4, 3]]"), "/input/simplices/1",
                  "vertex 3 repeated in a simplex"},
        Rejection{"empty_simplex", with_simplices("[[0], []]"), "/input/simplices/1",
                  "empty simplex"},
        Rejection{"format",
                  R"({"format": "x", "input": {"type": "simplicial_complex", "simplices": []}})",
                  "/format", "unsupported format \"x\""},
        Rejection{"tags",
                  R"({"tags": "a", "input": {"type": "simplicial_complex", "simplices": []}})",
                  "/tags", "expected a list"},
        Rejection{"coefficients_unknown",
                  with_simplices("[[0]]", R"(, "options": {"coefficients": "R"})"),
                  "/options/coefficients", "unknown coefficients \"R\""},
        Rejection{"coefficients_not_prime",
                  with_simplices("[[0]]", R"(, "options": {"coefficients": "Zp:91"})"),
                  "/options/coefficients", "91 is not a prime"},
        Rejection{"coefficients_not_string",
                  with_simplices("[[0]]", R"(, "options": {"coefficients": 2})"),
                  "/options/coefficients", "expected coefficients"},
        Rejection{"max_dim_negative", with_simplices("[[0]]", R"(, "options": {"max_dim": -2})"),
                  "/options/max_dim", "must be >= 0"},
        Rejection{"max_dim_fraction", with_simplices("[[0]]", R"(, "options": {"max_dim": 1.5})"),
                  "/options/max_dim", "expected max_dim"},
        Rejection{"options_not_object", with_simplices("[[0]]", R"(, "options": [])"), "/options",
                  "expected an object"},
        Rejection{
            "request_a_after_b",
            with_simplices("[[0]]", R"(, "options": {"requests": [{"dim": 0, "a": 2, "b": 1}]})"),
            "/options/requests/0", "larger than b"},
        Rejection{"request_missing_dim",
                  with_simplices("[[0]]", R"(, "options": {"requests": [{"a": 0, "b": 1}]})"),
                  "/options/requests/0/dim", "missing"},
        Rejection{"path_theory", with_simplices("[[0]]", R"(, "options": {"path_theory": "odd"})"),
                  "/options/path_theory", "unknown path theory"},
        Rejection{
            "want_unknown",
            R"({"input": {"type": "simplicial_complex", "simplices": []}, "want": ["betti", "a", "b", "bettti"]})",
            "/want/1", "unknown quantity \"a\""},
        Rejection{
            "want_misspelt",
            R"({"input": {"type": "simplicial_complex", "simplices": []}, "want": ["betti", "chain_dims", "torsion", "bettti"]})",
            "/want/3", "did you mean \"betti\""},
        Rejection{"want_not_string",
                  R"({"input": {"type": "simplicial_complex", "simplices": []}, "want": [1]})",
                  "/want/0", "expected a quantity name"},
        Rejection{"want_and_expect_missing",
                  R"({"input": {"type": "simplicial_complex", "simplices": []}})", "/want",
                  "missing"},
        Rejection{"expect_not_object",
                  R"({"input": {"type": "simplicial_complex", "simplices": []}, "expect": [1]})",
                  "/expect", "expected an object"},
        Rejection{"tolerance_negative", with_simplices("[[0]]", R"(, "tolerance": {"abs": -1})"),
                  "/tolerance/abs", ">= 0"}),
    [](const ::testing::TestParamInfo<Rejection>& info) { return info.param.name; });

TEST(CaseFormat, MissingFileIsAnInputErrorWithoutPlace) {
  try {
    read_case_file("/nonexistent/dir/case.json");
    FAIL() << "no exception";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "");
    EXPECT_EQ(e.message(), "no such file");
  }
}

TEST(CaseFormat, QuantityAndInputTypeNamesRoundTrip) {
  EXPECT_EQ(all_quantities().size(), 17u);
  for (Quantity q : all_quantities()) EXPECT_EQ(parse_quantity(quantity_name(q)), q);
  EXPECT_EQ(quantity_name(Quantity::DiracSpectrumByDegree), "dirac_spectrum_by_degree");
  EXPECT_FALSE(parse_quantity("Betti").has_value());
  for (const char* t : {"simplicial_complex", "filtered_complex", "point_cloud", "distance_matrix",
                        "digraph", "hypergraph"})
    EXPECT_EQ(input_type_name(*parse_input_type(t)), t);
}

TEST(CaseFormat, JsonPointerEscapesTildeAndSlash) {
  EXPECT_EQ(json_pointer_escape("a/b~c"), "a~1b~0c");
  const Case c = read(with_simplices("[[0]]", R"(, "options": {"a/b~c": 1})"));
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0].rfind("/options/a~1b~0c: ", 0), 0u) << c.warnings[0];
}

}  // namespace

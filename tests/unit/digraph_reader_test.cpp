// Digraph files (DOT, GraphML, flagser's .flag) and Boost.Graph graphs: vertex ids, weights,
// warnings, and errors that name the file (and line).
#include "topospec/hypergraph/digraph_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/graph/adjacency_list.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "topospec/hypergraph/boost_digraph.hpp"
#include "topospec/hypergraph/directed_flag_complex.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {
namespace {

namespace fs = std::filesystem;
using Ids = std::vector<VertexId>;
using Sizes = std::vector<std::size_t>;

// A private directory per test, removed afterwards.
class DigraphReader : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("topospec_digraph_reader_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }

  // where() of the InvalidInput that reading `path` throws.
  static std::string error_place(const fs::path& path) {
    try {
      read_digraph_file(path);
    } catch (const InvalidInput& e) {
      return e.where();
    }
    ADD_FAILURE() << "no InvalidInput for " << path;
    return "";
  }

  static std::string error_message(const fs::path& path) {
    try {
      read_digraph_file(path);
    } catch (const InvalidInput& e) {
      return e.message();
    }
    return "";
  }

  fs::path dir_;
};

// (tail id, head id, entry value) of every arc.
struct IdArc {
  VertexId tail, head;
  double value;
  bool operator==(const IdArc&) const = default;
};
std::vector<IdArc> id_arcs(const Digraph& g) {
  std::vector<IdArc> out;
  for (const auto& a : g.arcs())
    out.push_back({g.vertex_ids()[a.tail], g.vertex_ids()[a.head], a.value});
  return out;
}

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
  for (const auto& w : warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

// ---- Graphviz DOT.

TEST_F(DigraphReader, DotIntegerNamesAreTheIdsAndWeightIsTheArcWeight) {
  const auto p = write("g.dot",
                       "digraph G {\n"
                       "  7;\n"
                       "  3 -> 1 [weight=2.5, color=red];\n"
                       "  1 -> 7;\n"
                       "}\n");
  std::vector<std::string> warnings;
  const Digraph g = read_dot(p, &warnings);
  EXPECT_EQ(g.vertex_ids(), (Ids{1, 3, 7}));
  EXPECT_EQ(id_arcs(g), (std::vector<IdArc>{{1, 7, 0.0}, {3, 1, 2.5}}));
  EXPECT_TRUE(g.weighted());
  EXPECT_TRUE(warnings.empty());
}

TEST_F(DigraphReader, DotNamesGetIdsInFileOrderWithAWarning) {
  const auto p = write("names.gv", "digraph { b -> a; a -> c; c -> b; }\n");
  std::vector<std::string> warnings;
  const Digraph g = read_digraph_file(p, &warnings);
  // a = 0, b = 1, c = 2: Boost's DOT parser keeps the names sorted, not in file order.
  EXPECT_EQ(g.vertex_ids(), (Ids{0, 1, 2}));
  EXPECT_EQ(id_arcs(g), (std::vector<IdArc>{{0, 2, 0.0}, {1, 0, 0.0}, {2, 1, 0.0}}));
  EXPECT_FALSE(g.weighted());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(p.string()), std::string::npos) << warnings[0];
  // A 3-cycle: β = (1, 1).
  EXPECT_EQ(homology(directed_flag_complex(g)).betti, (Sizes{1, 1}));
}

TEST_F(DigraphReader, DotParallelArcsAreMergedWithTheSmallestWeight) {
  const auto p = write("par.dot", "digraph { 0 -> 1 [weight=3]; 0 -> 1 [weight=1]; }\n");
  std::vector<std::string> warnings;
  const Digraph g = read_dot(p, &warnings);
  EXPECT_EQ(id_arcs(g), (std::vector<IdArc>{{0, 1, 1.0}}));
  EXPECT_TRUE(mentions(warnings, p.string()));
}

TEST_F(DigraphReader, DotErrorsNameTheFile) {
  const auto undirected = write("u.dot", "graph { 0 -- 1; }\n");
  EXPECT_EQ(error_place(undirected), undirected.string());
  EXPECT_NE(error_message(undirected).find("undirected"), std::string::npos);
  const auto syntax = write("s.dot", "digraph { 0 -> ; }\n");
  EXPECT_EQ(error_place(syntax), syntax.string());
  const auto loop = write("l.dot", "digraph { 0 -> 1; 1 -> 1; }\n");
  EXPECT_EQ(error_place(loop), loop.string());
  EXPECT_NE(error_message(loop).find("self-loop"), std::string::npos) << error_message(loop);
  const auto weight = write("w.dot", "digraph { 0 -> 1 [weight=heavy]; }\n");
  EXPECT_EQ(error_place(weight), weight.string());
  EXPECT_NE(error_message(weight).find("heavy"), std::string::npos);
  EXPECT_EQ(error_place(dir_ / "missing.dot"), (dir_ / "missing.dot").string());
}

// ---- GraphML.

const char* kGraphmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"k\" for=\"edge\" attr.name=\"kind\" attr.type=\"int\"/>\n";

TEST_F(DigraphReader, GraphmlNodeIdsAndWeights) {
  const auto p = write("g.graphml", std::string(kGraphmlHead) +
                                        "  <graph id=\"G\" edgedefault=\"directed\">\n"
                                        "    <node id=\"5\"/>\n"
                                        "    <node id=\"2\"/>\n"
                                        "    <node id=\"9\"/>\n"
                                        "    <edge source=\"5\" target=\"2\">\n"
                                        "      <data key=\"w\">0.75</data>\n"
                                        "      <data key=\"k\">3</data>\n"
                                        "    </edge>\n"
                                        "    <edge source=\"2\" target=\"9\"/>\n"
                                        "  </graph>\n"
                                        "</graphml>\n");
  std::vector<std::string> warnings;
  const Digraph g = read_graphml(p, &warnings);
  EXPECT_EQ(g.vertex_ids(), (Ids{2, 5, 9}));
  EXPECT_EQ(id_arcs(g), (std::vector<IdArc>{{2, 9, 0.0}, {5, 2, 0.75}}));
  EXPECT_TRUE(warnings.empty());
}

TEST_F(DigraphReader, GraphmlNamedNodesGetIdsInFileOrder) {
  const auto p = write("n.xml", std::string(kGraphmlHead) +
                                    "  <graph id=\"G\" edgedefault=\"directed\">\n"
                                    "    <node id=\"n2\"/>\n"
                                    "    <node id=\"n0\"/>\n"
                                    "    <edge source=\"n0\" target=\"n2\"/>\n"
                                    "    <edge source=\"n2\" target=\"x\"/>\n"
                                    "  </graph>\n"
                                    "</graphml>\n");
  std::vector<std::string> warnings;
  const Digraph g = read_digraph_file(p, &warnings);
  // n2 = 0, n0 = 1, then x (met only on an edge) = 2.
  EXPECT_EQ(id_arcs(g), (std::vector<IdArc>{{0, 2, 0.0}, {1, 0, 0.0}}));
  EXPECT_EQ(warnings.size(), 1u);
}

TEST_F(DigraphReader, GraphmlErrorsNameTheFile) {
  const auto undirected = write("u.graphml", std::string(kGraphmlHead) +
                                                 "  <graph id=\"G\" edgedefault=\"undirected\">\n"
                                                 "    <node id=\"0\"/><node id=\"1\"/>\n"
                                                 "    <edge source=\"0\" target=\"1\"/>\n"
                                                 "  </graph>\n"
                                                 "</graphml>\n");
  EXPECT_EQ(error_place(undirected), undirected.string());
  EXPECT_NE(error_message(undirected).find("undirected"), std::string::npos);
  // Not well-formed XML: the line of the parser's complaint.
  const auto broken = write("b.graphml", "<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"0\">\n"
                                         "</graph>\n</graphml>\n");
  const std::string place = error_place(broken);
  EXPECT_EQ(place.rfind(broken.string() + ":", 0), 0u) << place;
  const auto loop = write("l.graphml", std::string(kGraphmlHead) +
                                           "  <graph id=\"G\" edgedefault=\"directed\">\n"
                                           "    <node id=\"0\"/>\n"
                                           "    <edge source=\"0\" target=\"0\"/>\n"
                                           "  </graph>\n"
                                           "</graphml>\n");
  EXPECT_EQ(error_place(loop), loop.string());
}

// ---- flagser's .flag.

TEST_F(DigraphReader, FlagserFileOfTheReferenceCaseA) {
  // flagser's test/a.flag, verbatim: β = (1, 2, 0).
  const auto p = write("a.flag",
                       "dim 0:\n0 0 0 0 0\ndim 1:\n0 2 0\n1 0 0\n2 1 0\n1 3 0\n2 3 0\n3 4 0\n4 2 0\n");
  const Digraph g = read_digraph_file(p);
  EXPECT_EQ(g.vertex_ids(), (Ids{0, 1, 2, 3, 4}));
  EXPECT_EQ(g.arc_count(), 7u);
  EXPECT_TRUE(g.has_arc(4, 2));
  EXPECT_FALSE(g.has_arc(2, 4));
  EXPECT_FALSE(g.weighted());  // every value is 0
  HomologyOptions h;
  h.max_dim = 2;
  EXPECT_EQ(homology(directed_flag_complex(g), h).betti, (Sizes{1, 2, 0}));
}

TEST_F(DigraphReader, FlagserValuesAndWeights) {
  const auto p = write("w.flag", "dim 0\n0 0.5 2\ndim 1\n0 1 1.5\n1 2\n2 0 0.25\n");
  const Digraph g = read_flagser(p);
  EXPECT_TRUE(g.weighted());
  EXPECT_EQ(g.vertex_value(1), 0.5);
  // Entry value = max(weight, endpoint values).
  EXPECT_EQ(id_arcs(g), (std::vector<IdArc>{{0, 1, 1.5}, {1, 2, 2.0}, {2, 0, 2.0}}));
}

TEST_F(DigraphReader, FlagserHigherSectionsAreIgnoredWithAWarning) {
  const auto p = write("h.flag", "dim 0:\n0 0 0\ndim 1:\n0 1\n1 2\n0 2\ndim 2:\n0 1 2\n");
  std::vector<std::string> warnings;
  const Digraph g = read_flagser(p, &warnings);
  EXPECT_EQ(g.arc_count(), 3u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(p.string() + ":7"), std::string::npos) << warnings[0];
}

TEST_F(DigraphReader, FlagserErrorsNameFileAndLine) {
  const auto range = write("r.flag", "dim 0:\n0 0\ndim 1:\n0 1\n1 2\n");
  EXPECT_EQ(error_place(range), range.string() + ":5");
  const auto loop = write("l.flag", "dim 0:\n0 0\ndim 1:\n0 1\n1 1\n");
  EXPECT_EQ(error_place(loop), loop.string() + ":5");
  EXPECT_NE(error_message(loop).find("self-loop"), std::string::npos) << error_message(loop);
  const auto fields = write("f.flag", "dim 0:\n0 0\ndim 1:\n0 1 2 3\n");
  EXPECT_EQ(error_place(fields), fields.string() + ":4");
  const auto value = write("v.flag", "dim 0:\n0 x\n");
  EXPECT_EQ(error_place(value), value.string() + ":2");
  const auto headless = write("n.flag", "0 1\n");
  EXPECT_EQ(error_place(headless), headless.string() + ":1");
  const auto empty = write("e.flag", "\n");
  EXPECT_EQ(error_place(empty), empty.string());
}

TEST_F(DigraphReader, UnknownExtensionIsAnError) {
  const auto p = write("g.txt", "0 1\n");
  EXPECT_EQ(error_place(p), p.string());
}

// ---- Boost.Graph.

TEST(BoostDigraph, AdjacencyListWithAndWithoutWeights) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                      boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
  Graph b(4);
  boost::add_edge(0, 1, 2.0, b);
  boost::add_edge(1, 2, 0.5, b);
  boost::add_edge(0, 2, 1.0, b);
  boost::add_edge(3, 0, 4.0, b);
  const Digraph plain = from_boost_graph(b);
  EXPECT_EQ(plain.vertex_ids(), (Ids{0, 1, 2, 3}));
  EXPECT_EQ(id_arcs(plain),
            (std::vector<IdArc>{{0, 1, 0.0}, {0, 2, 0.0}, {1, 2, 0.0}, {3, 0, 0.0}}));
  EXPECT_FALSE(plain.weighted());
  const Digraph weighted = from_boost_graph(b, get(boost::edge_weight, b));
  EXPECT_EQ(id_arcs(weighted),
            (std::vector<IdArc>{{0, 1, 2.0}, {0, 2, 1.0}, {1, 2, 0.5}, {3, 0, 4.0}}));
  // A transitive triangle (0, 1, 2) enters with its heaviest arc; (3, 0) is a lone edge.
  const ChainComplex c = directed_flag_complex(weighted);
  EXPECT_EQ(c.dims(), (Sizes{4, 4, 1}));
  EXPECT_EQ(c.values()[2][0], 2.0);
  EXPECT_EQ(homology(c).betti, (Sizes{1, 0, 0}));

  boost::add_edge(2, 2, 1.0, b);
  EXPECT_THROW(from_boost_graph(b), InvalidInput);
}

}  // namespace
}  // namespace topospec

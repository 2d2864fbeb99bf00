#include "topospec/hypergraph/digraph_reader.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

// A digraph as a file names it: node names in file order, arcs between positions in that list,
// the weight text of each arc (empty: none) and, where known, the line of each arc.
struct NamedArcs {
  std::vector<std::string> names;
  struct Entry {
    std::size_t tail, head;
    std::string weight;
    std::size_t line = 0;  // 0: unknown
  };
  std::vector<Entry> arcs;
};

std::string place(const std::filesystem::path& path, std::size_t line = 0) {
  return line == 0 ? path.string() : path.string() + ":" + std::to_string(line);
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput(place(path), "cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A non-negative decimal integer that fits a VertexId, the whole of `s`.
std::optional<VertexId> integer_name(const std::string& s) {
  if (s.empty() || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  VertexId v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> number(const std::string& s) {
  std::size_t used = 0;
  double x = 0;
  try {
    x = std::stod(s, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  while (used < s.size() && std::isspace(static_cast<unsigned char>(s[used]))) ++used;
  if (used != s.size()) return std::nullopt;
  return x;
}

// Rewrites a place "/arcs/k…" of Digraph::from_arcs as the file (and the arc's line).
std::string file_place(const std::filesystem::path& path, const NamedArcs& g,
                       const std::string& where, std::string* arc) {
  if (where.rfind("/arcs/", 0) == 0) {
    std::size_t k = 0;
    const char* first = where.data() + 6;
    const auto [end, ec] = std::from_chars(first, where.data() + where.size(), k);
    if (ec == std::errc() && end != first && k < g.arcs.size()) {
      const auto& a = g.arcs[k];
      if (arc) *arc = "arc " + g.names[a.tail] + " -> " + g.names[a.head];
      return place(path, a.line);
    }
  }
  return place(path);
}

// The Digraph of named arcs: integer names are the ids, otherwise 0 … n−1 in the order of
// g.names, which `order` describes for the warning. vertex_values: empty or one per name.
Digraph build(const std::filesystem::path& path, const NamedArcs& g, const std::string& order,
              std::vector<double> vertex_values, std::vector<std::string>* warnings) {
  std::vector<VertexId> ids(g.names.size());
  bool integers = true;
  for (std::size_t i = 0; i < g.names.size() && integers; ++i) {
    const auto v = integer_name(g.names[i]);
    if (v)
      ids[i] = *v;
    else
      integers = false;
  }
  if (integers) {  // "1" and "01" are different names but the same integer
    std::vector<VertexId> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    integers = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
  }
  if (!integers) {
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<VertexId>(i);
    if (warnings)
      warnings->push_back(place(path) +
                          ": node names are not distinct non-negative integers; vertices get ids "
                          "0 … " + std::to_string(ids.empty() ? 0 : ids.size() - 1) + " " +
                          order);
  }
  std::vector<Arc> arcs;
  arcs.reserve(g.arcs.size());
  for (const auto& a : g.arcs) {
    Arc arc{ids[a.tail], ids[a.head], std::nullopt};
    if (!a.weight.empty()) {
      const auto w = number(a.weight);
      if (!w)
        throw InvalidInput(place(path, a.line), "arc " + g.names[a.tail] + " -> " +
                                                    g.names[a.head] + ": weight \"" + a.weight +
                                                    "\" is not a number");
      arc.weight = *w;
    }
    arcs.push_back(arc);
  }
  std::vector<std::string> notes;
  try {
    Digraph d = Digraph::from_arcs(std::move(ids), arcs, std::move(vertex_values), &notes);
    if (warnings)
      for (const std::string& note : notes) {
        // "/arcs/k: message" → "file[:line]: message"
        const auto colon = note.find(": ");
        const std::string where = colon == std::string::npos ? "" : note.substr(0, colon);
        warnings->push_back(file_place(path, g, where, nullptr) +
                            (colon == std::string::npos ? ": " + note : note.substr(colon)));
      }
    return d;
  } catch (const InvalidInput& e) {
    std::string arc;
    const std::string where = file_place(path, g, e.where(), &arc);
    throw InvalidInput(where, arc.empty() ? e.message() : arc + ": " + e.message());
  }
}

// ---- GraphML: Boost's reader drives a mutate_graph that records what it is told.

class RecordingGraph : public boost::mutate_graph {
 public:
  explicit RecordingGraph(NamedArcs& g) : g_(g) {}
  bool is_directed() const override { return true; }  // an undirected edge is then an error
  boost::any do_add_vertex() override { return boost::any(vertices_++); }
  std::pair<boost::any, bool> do_add_edge(boost::any source, boost::any target) override {
    g_.arcs.push_back({boost::any_cast<std::size_t>(source), boost::any_cast<std::size_t>(target),
                       "", 0});
    return {boost::any(g_.arcs.size() - 1), true};  // parallel arcs are merged later
  }
  void set_graph_property(const std::string&, const std::string&, const std::string&) override {}
  void set_vertex_property(const std::string&, boost::any, const std::string&,
                           const std::string&) override {}
  void set_edge_property(const std::string& name, boost::any edge, const std::string& value,
                         const std::string&) override {
    if (name == "weight") g_.arcs[boost::any_cast<std::size_t>(edge)].weight = value;
  }
  std::size_t vertices() const { return vertices_; }

 private:
  NamedArcs& g_;
  std::size_t vertices_ = 0;
};

// Boost's reader does not report node ids; it creates vertices in the order it first meets
// them: the graph's <node> elements, then edge endpoints not declared as nodes.
std::vector<std::string> graphml_node_names(const std::filesystem::path& path,
                                            const std::string& text) {
  namespace pt = boost::property_tree;
  pt::ptree tree;
  std::istringstream in(text);
  try {
    pt::read_xml(in, tree);
  } catch (const pt::xml_parser_error& e) {
    throw InvalidInput(place(path, e.line()), "not well-formed XML: " + e.message());
  }
  const auto root = tree.get_child_optional("graphml");
  if (!root) throw InvalidInput(place(path), "no <graphml> element");
  const pt::ptree* graph = nullptr;
  for (const auto& child : *root)
    if (child.first == "graph") {
      graph = &child.second;
      break;
    }
  if (!graph) throw InvalidInput(place(path), "no <graph> element");
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto note = [&](const std::string& name) {
    if (seen.insert(name).second) names.push_back(name);
  };
  for (const auto& child : *graph)
    if (child.first == "node") note(child.second.get<std::string>("<xmlattr>.id", ""));
  for (const auto& child : *graph)
    if (child.first == "edge") {
      note(child.second.get<std::string>("<xmlattr>.source", ""));
      note(child.second.get<std::string>("<xmlattr>.target", ""));
    }
  return names;
}

// ---- flagser's .flag format.

std::vector<std::string> tokens(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

}  // namespace

Digraph read_dot(const std::filesystem::path& path, std::vector<std::string>* warnings) {
  const std::string text = read_all(path);
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                            boost::property<boost::vertex_name_t, std::string>,
                            boost::property<boost::edge_weight_t, std::string>>;
  Graph graph;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("node_id", get(boost::vertex_name, graph));
  dp.property("weight", get(boost::edge_weight, graph));
  try {
    if (!boost::read_graphviz(text, graph, dp, "node_id"))
      throw InvalidInput(place(path), "not a Graphviz DOT digraph");
  } catch (const boost::undirected_graph_error&) {
    throw InvalidInput(place(path),
                       "an undirected graph (\"graph\"); a digraph file needs \"digraph\" and ->");
  } catch (const boost::bad_graphviz_syntax& e) {
    throw InvalidInput(place(path), std::string("Graphviz syntax: ") + e.what());
  } catch (const boost::graph_exception& e) {
    throw InvalidInput(place(path), e.what());
  }
  NamedArcs g;
  for (std::size_t v = 0; v < num_vertices(graph); ++v) g.names.push_back(get(boost::vertex_name, graph, v));
  for (auto [e, end] = edges(graph); e != end; ++e)
    g.arcs.push_back({source(*e, graph), target(*e, graph), get(boost::edge_weight, graph, *e), 0});
  return build(path, g, "in increasing order of the names", {}, warnings);
}

Digraph read_graphml(const std::filesystem::path& path, std::vector<std::string>* warnings) {
  const std::string text = read_all(path);
  NamedArcs g;
  g.names = graphml_node_names(path, text);
  RecordingGraph recorder(g);
  std::istringstream in(text);
  try {
    boost::read_graphml(in, recorder, 0);
  } catch (const boost::undirected_graph_error&) {
    throw InvalidInput(place(path),
                       "an undirected graph (edgedefault=\"undirected\" or directed=\"false\")");
  } catch (const boost::graph_exception& e) {
    throw InvalidInput(place(path), e.what());
  }
  if (recorder.vertices() != g.names.size())
    throw InvalidInput(place(path), "nested or multiple graphs are not supported (" +
                                        std::to_string(recorder.vertices()) + " vertices read, " +
                                        std::to_string(g.names.size()) + " in the first graph)");
  return build(path, g, "in the order the file lists them", {}, warnings);
}

Digraph read_flagser(const std::filesystem::path& path, std::vector<std::string>* warnings) {
  std::istringstream in(read_all(path));
  NamedArcs g;
  std::vector<double> values;
  int section = -1;  // the current "dim k"
  bool has_vertices = false;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const auto t = tokens(line);
    if (t.empty() || t[0][0] == '#') continue;
    const std::string where = place(path, line_number);
    if (t[0] == "dim") {
      std::string k = t.size() > 1 ? t[1] : "";
      if (!k.empty() && k.back() == ':') k.pop_back();
      const auto d = integer_name(k);
      if (!d || t.size() > 2) throw InvalidInput(where, "expected \"dim k\"");
      section = static_cast<int>(std::min<VertexId>(*d, 1000));
      if (section == 0) {
        if (has_vertices) throw InvalidInput(where, "a second \"dim 0\" section");
        has_vertices = true;
      } else if (!has_vertices) {
        throw InvalidInput(where, "\"dim " + k + "\" before the vertices (\"dim 0\")");
      }
      if (section >= 2 && warnings)
        warnings->push_back(where + ": the \"dim " + k +
                            "\" section (flagser's own higher cells) is ignored");
      continue;
    }
    if (section < 0) throw InvalidInput(where, "expected \"dim 0\" before any data");
    if (section == 0) {
      for (const std::string& s : t) {
        const auto x = number(s);
        if (!x) throw InvalidInput(where, "vertex value \"" + s + "\" is not a number");
        values.push_back(*x);
        g.names.push_back(std::to_string(g.names.size()));
      }
    } else if (section == 1) {
      if (t.size() != 2 && t.size() != 3)
        throw InvalidInput(where, "expected an arc \"i j\" or \"i j weight\"");
      NamedArcs::Entry arc{0, 0, t.size() == 3 ? t[2] : "", line_number};
      for (int e = 0; e < 2; ++e) {
        const auto v = integer_name(t[static_cast<std::size_t>(e)]);
        if (!v || static_cast<std::size_t>(*v) >= values.size())
          throw InvalidInput(where, "vertex \"" + t[static_cast<std::size_t>(e)] +
                                        "\" is not an index 0 … " +
                                        std::to_string(values.size()) + " − 1 of the dim 0 list");
        (e == 0 ? arc.tail : arc.head) = static_cast<std::size_t>(*v);
      }
      g.arcs.push_back(std::move(arc));
    }
  }
  if (!has_vertices) throw InvalidInput(place(path), "no \"dim 0\" section (the vertices)");
  return build(path, g, "in file order", std::move(values), warnings);
}

Digraph read_digraph_file(const std::filesystem::path& path, std::vector<std::string>* warnings) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".dot" || ext == ".gv") return read_dot(path, warnings);
  if (ext == ".graphml" || ext == ".xml") return read_graphml(path, warnings);
  if (ext == ".flag") return read_flagser(path, warnings);
  throw InvalidInput(place(path), "unknown digraph file extension \"" + ext +
                                      "\" (expected .dot, .gv, .graphml, .xml or .flag)");
}

}  // namespace topospec

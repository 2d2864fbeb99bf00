// Hypergraphs: validation and normalisation of the input, the HyperNetX JSON reader, and the
// generators (hyperedges) and closure boundaries that the infimum complex reads.
#include "topospec/hypergraph/hypergraph.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

std::string simplex_text(const Simplex& s) {
  std::string out = "[";
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(s[i]);
  }
  out += ']';
  return out;
}

// Open-addressing index of fixed-width vertex tuples (sorted simplices of one degree), stored
// flat: 10^5 hyperedges and their faces are found without a node allocation per key.
class TupleIndex {
 public:
  static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

  TupleIndex(std::size_t width, std::size_t expected) : width_(width) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.assign(capacity, 0);
    keys_.reserve(expected * width);
  }
  std::size_t size() const { return width_ == 0 ? 0 : keys_.size() / width_; }

  std::size_t find(const VertexId* t) const {
    for (std::uint64_t s = hash(t) & mask();; s = (s + 1) & mask()) {
      const std::uint32_t slot = slots_[s];
      if (slot == 0) return npos;
      if (equal(slot - 1, t)) return slot - 1;
    }
  }
  // Index of t, inserting it (as the next index) when absent.
  std::size_t insert(const VertexId* t) {
    if (2 * (size() + 1) > slots_.size()) grow();
    std::uint64_t s = hash(t) & mask();
    for (;; s = (s + 1) & mask()) {
      const std::uint32_t slot = slots_[s];
      if (slot == 0) break;
      if (equal(slot - 1, t)) return slot - 1;
    }
    const std::size_t index = size();
    keys_.insert(keys_.end(), t, t + width_);
    slots_[s] = static_cast<std::uint32_t>(index + 1);
    return index;
  }
  const VertexId* key(std::size_t i) const { return keys_.data() + i * width_; }

 private:
  std::uint64_t mask() const { return slots_.size() - 1; }
  std::uint64_t hash(const VertexId* t) const {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL * (width_ + 1);
    for (std::size_t i = 0; i < width_; ++i) {
      h ^= static_cast<std::uint64_t>(t[i]) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
      h = (h ^ (h >> 31)) * 0xbf58476d1ce4e5b9ULL;
    }
    return h ^ (h >> 29);
  }
  bool equal(std::size_t i, const VertexId* t) const {
    return std::equal(t, t + width_, keys_.data() + i * width_);
  }
  void grow() {
    std::vector<std::uint32_t> old(slots_.size() * 2, 0);
    slots_.swap(old);
    for (std::size_t i = 0, n = size(); i < n; ++i) {
      std::uint64_t s = hash(key(i)) & mask();
      while (slots_[s] != 0) s = (s + 1) & mask();
      slots_[s] = static_cast<std::uint32_t>(i + 1);
    }
  }

  std::size_t width_;
  std::vector<VertexId> keys_;
  std::vector<std::uint32_t> slots_;  // index + 1; 0 = empty
};

const std::vector<Simplex> kNoEdges;
const std::vector<double> kNoValues;

}  // namespace

Hypergraph Hypergraph::from_hyperedges(std::span<const Hyperedge> hyperedges,
                                       std::vector<VertexId> vertices, VertexConvention convention,
                                       std::vector<std::string>* warnings) {
  struct Entry {
    Simplex vertices;  // sorted
    double value;
    std::size_t position;  // in the input
  };
  std::vector<Entry> entries;
  entries.reserve(hyperedges.size());
  bool filtered = false;
  for (std::size_t i = 0; i < hyperedges.size(); ++i) {
    const Hyperedge& e = hyperedges[i];
    const std::string where = "/hyperedges/" + std::to_string(i);
    if (e.vertices.empty()) throw InvalidInput(where, "empty hyperedge");
    for (std::size_t j = 0; j < e.vertices.size(); ++j)
      if (e.vertices[j] < 0)
        throw InvalidInput(where + "/" + std::to_string(j),
                           "vertex id " + std::to_string(e.vertices[j]) + " is negative");
    if (e.value && std::isnan(*e.value)) throw InvalidInput(where, "value is NaN");
    Simplex sorted = e.vertices;
    std::sort(sorted.begin(), sorted.end());
    if (const auto r = std::adjacent_find(sorted.begin(), sorted.end()); r != sorted.end())
      throw InvalidInput(where, "vertex " + std::to_string(*r) + " is repeated");
    filtered = filtered || e.value.has_value();
    entries.push_back({std::move(sorted), e.value.value_or(0.0), i});
  }
  for (std::size_t k = 0; k < vertices.size(); ++k)
    if (vertices[k] < 0)
      throw InvalidInput("/vertices/" + std::to_string(k),
                         "vertex id " + std::to_string(vertices[k]) + " is negative");

  // Group by size, lexicographic within a size; equal hyperedges become adjacent.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.vertices.size() != b.vertices.size()) return a.vertices.size() < b.vertices.size();
    if (a.vertices != b.vertices) return a.vertices < b.vertices;
    return a.position < b.position;
  });
  std::vector<Entry> distinct;
  distinct.reserve(entries.size());
  std::size_t repeats = 0;
  std::string first_repeat;
  for (Entry& e : entries) {
    if (!distinct.empty() && distinct.back().vertices == e.vertices) {
      if (repeats++ == 0)
        first_repeat = "/hyperedges/" + std::to_string(e.position) + " repeats /hyperedges/" +
                       std::to_string(distinct.back().position) + " " + simplex_text(e.vertices);
      distinct.back().value = std::min(distinct.back().value, e.value);
      continue;
    }
    distinct.push_back(std::move(e));
  }
  if (repeats > 0 && warnings)
    warnings->push_back(std::to_string(repeats) + " hyperedge(s) listed more than once (first: " +
                        first_repeat + "); each keeps its smallest value");

  Hypergraph h;
  h.filtered_ = filtered;
  const std::size_t sizes = distinct.empty() ? 0 : distinct.back().vertices.size();
  h.edges_.resize(sizes);
  h.values_.resize(sizes);
  for (Entry& e : distinct) {
    const std::size_t q = e.vertices.size() - 1;
    h.edges_[q].push_back(std::move(e.vertices));
    h.values_[q].push_back(e.value);
  }

  if (convention == VertexConvention::All) {
    // Every vertex becomes a 0-hyperedge, present once some hyperedge containing it is (its
    // own singleton included), or from 0 when it is only listed.
    struct Occurrence {
      VertexId v;
      double value;
      bool in_hyperedge;
    };
    std::vector<Occurrence> occurrences;
    for (std::size_t q = 0; q < h.edges_.size(); ++q)
      for (std::size_t i = 0; i < h.edges_[q].size(); ++i)
        for (VertexId v : h.edges_[q][i]) occurrences.push_back({v, h.values_[q][i], true});
    for (VertexId v : vertices) occurrences.push_back({v, 0.0, false});
    std::sort(occurrences.begin(), occurrences.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.v < b.v; });
    std::vector<Simplex> singletons;
    std::vector<double> singleton_values;
    for (std::size_t i = 0; i < occurrences.size();) {
      const VertexId v = occurrences[i].v;
      double value = std::numeric_limits<double>::infinity();
      bool in_hyperedge = false;
      for (; i < occurrences.size() && occurrences[i].v == v; ++i)
        if (occurrences[i].in_hyperedge) {
          in_hyperedge = true;
          value = std::min(value, occurrences[i].value);
        }
      singletons.push_back({v});
      singleton_values.push_back(in_hyperedge ? value : 0.0);
    }
    if (h.edges_.empty() && !singletons.empty()) {
      h.edges_.resize(1);
      h.values_.resize(1);
    }
    if (!h.edges_.empty()) {
      h.edges_[0] = std::move(singletons);
      h.values_[0] = std::move(singleton_values);
    }
  }
  std::sort(vertices.begin(), vertices.end());
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  h.extra_vertices_ = std::move(vertices);
  // An empty top (no hyperedges at all) leaves top_degree() = -1.
  return h;
}

const std::vector<Simplex>& Hypergraph::edges(int q) const {
  return q < 0 || q >= static_cast<int>(edges_.size()) ? kNoEdges : edges_[q];
}

const std::vector<double>& Hypergraph::values(int q) const {
  return q < 0 || q >= static_cast<int>(values_.size()) ? kNoValues : values_[q];
}

std::size_t Hypergraph::size() const {
  std::size_t n = 0;
  for (const auto& e : edges_) n += e.size();
  return n;
}

// ---- Generators and closure boundaries.

HypergraphGenerators hypergraph_generators(const Hypergraph& h, int top) {
  if (top < -1) throw InvalidInput("top", "must be ≥ -1");
  HypergraphGenerators out;
  out.degrees.resize(static_cast<std::size_t>(top + 1));
  // Faces of degree q−1: the generators first (row = index), then closure faces that are not
  // hyperedges, numbered as first met.
  std::size_t previous = 0;  // G_{q−1}
  std::unique_ptr<TupleIndex> previous_index;
  for (int q = 0; q <= top; ++q) {
    const std::vector<Simplex>& edges = h.edges(q);
    InfimumDegree& d = out.degrees[q];
    d.generators = edges.size();
    if (h.filtered()) d.values = h.values(q);
    const auto cols = static_cast<Eigen::Index>(edges.size());
    if (q == 0) {
      d.boundary = IntegerMatrix(0, cols);
    } else {
      const std::size_t width = static_cast<std::size_t>(q);
      TupleIndex extra(width, edges.size());
      std::vector<std::int64_t> rows;  // (q + 1) per column, in deletion order
      rows.reserve(edges.size() * (q + 1));
      Simplex face(width);
      for (const Simplex& e : edges) {
        for (int i = 0; i <= q; ++i) {
          std::copy(e.begin(), e.begin() + i, face.begin());
          std::copy(e.begin() + i + 1, e.end(), face.begin() + i);
          std::size_t row = previous_index ? previous_index->find(face.data()) : TupleIndex::npos;
          if (row == TupleIndex::npos) row = previous + extra.insert(face.data());
          rows.push_back(static_cast<std::int64_t>(row));
        }
      }
      IntegerMatrix b(static_cast<Eigen::Index>(previous + extra.size()), cols);
      b.reserve(Eigen::VectorXi::Constant(cols, q + 1));
      for (Eigen::Index j = 0; j < cols; ++j)
        for (int i = 0; i <= q; ++i)
          b.insert(rows[static_cast<std::size_t>(j) * (q + 1) + i], j) = i % 2 == 0 ? 1 : -1;
      b.makeCompressed();
      d.boundary = std::move(b);
    }
    // Index the generators of degree q for the faces of degree q + 1.
    previous = edges.size();
    if (q < top) {
      previous_index = std::make_unique<TupleIndex>(static_cast<std::size_t>(q + 1), edges.size());
      for (const Simplex& e : edges) previous_index->insert(e.data());
    }
  }
  auto edges = std::make_shared<std::vector<std::vector<Simplex>>>();
  for (int q = 0; q <= std::min(top, h.top_degree()); ++q) edges->push_back(h.edges(q));
  out.labels = [edges](int q, std::size_t i) -> CellLabel {
    if (q < 0 || q >= static_cast<int>(edges->size()) || i >= (*edges)[q].size()) return {};
    return (*edges)[q][i];
  };
  return out;
}

InfimumComplex embedded_complex(const Hypergraph& h, int top, const InfimumOptions& options) {
  HypergraphGenerators g = hypergraph_generators(h, top < 0 ? h.top_degree() : top);
  return infimum_complex(g.degrees, std::move(g.labels), options);
}

std::vector<std::size_t> embedded_betti_by_ranks(const Hypergraph& h, int max_dim,
                                                 Coefficients coefficients) {
  if (max_dim < 0) max_dim = std::max(h.top_degree(), 0);
  // β_q needs the hyperedges of degree q + 1.
  const HypergraphGenerators g = hypergraph_generators(h, max_dim + 1);
  return supremum_betti(g.degrees, max_dim, coefficients);
}

// ---- HyperNetX JSON.

namespace {

using Json = nlohmann::ordered_json;

std::string pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

// A canonical non-negative decimal integer ("0", "17"; not "017", "+1", "-2"), as a vertex id.
std::optional<VertexId> integer_name(const Json& v) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<VertexId>::max()))
      return static_cast<VertexId>(u);
    return std::nullopt;
  }
  if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    return i >= 0 ? std::optional<VertexId>(i) : std::nullopt;
  }
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.get_ref<const std::string&>();
  if (s.empty() || s.size() > 18 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  VertexId id = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace

Hypergraph read_hypernetx_json(const std::filesystem::path& path, VertexConvention convention,
                               std::vector<std::string>* warnings) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput(file, "cannot open the file for reading");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::exception& e) {
    throw InvalidInput(file, std::string("not valid JSON: ") + e.what());
  }
  auto fail = [&](const std::string& pointer, const std::string& message) {
    throw InvalidInput(file + ": " + (pointer.empty() ? "/" : pointer), message);
  };

  // Each hyperedge: its pointer, its vertex names and, for HIF, each name's own pointer.
  struct List {
    std::string where;
    std::vector<const Json*> names;
    std::vector<std::string> name_where;  // HIF only
    std::string name_pointer(std::size_t j) const {
      return name_where.empty() ? where + "/" + std::to_string(j) : name_where[j];
    }
  };
  std::vector<List> lists;
  std::vector<std::pair<std::string, const Json*>> extra_vertices;  // HIF nodes
  if (doc.is_object() && doc.contains("incidences") && doc["incidences"].is_array() &&
      (doc["incidences"].empty() || doc["incidences"][0].is_object())) {
    // HIF (HyperNetX's hnx.to_hif): incidences {"edge": e, "node": v}, grouped by edge in
    // order of first appearance; "nodes" may list vertices without incidences.
    std::unordered_map<std::string, std::size_t> edge_of;
    const Json& incidences = doc["incidences"];
    for (std::size_t k = 0; k < incidences.size(); ++k) {
      const std::string where = "/incidences/" + std::to_string(k);
      const Json& inc = incidences[k];
      if (!inc.is_object() || !inc.contains("edge") || !inc.contains("node"))
        fail(where, "expected an object with \"edge\" and \"node\"");
      const std::string edge = inc["edge"].dump();
      auto [it, inserted] = edge_of.emplace(edge, lists.size());
      if (inserted) lists.push_back({where + "/edge", {}, {}});
      lists[it->second].names.push_back(&inc["node"]);
      lists[it->second].name_where.push_back(where + "/node");
    }
    if (doc.contains("nodes") && doc["nodes"].is_array())
      for (std::size_t k = 0; k < doc["nodes"].size(); ++k) {
        const Json& node = doc["nodes"][k];
        if (node.is_object() && node.contains("node"))
          extra_vertices.push_back({"/nodes/" + std::to_string(k) + "/node", &node["node"]});
      }
  } else if (doc.is_object()) {
    for (const auto& [name, members] : doc.items()) {
      const std::string where = "/" + pointer_escape(name);
      if (!members.is_array()) fail(where, "expected a list of vertices");
      std::vector<const Json*> names;
      for (const Json& v : members) names.push_back(&v);
      lists.push_back({where, std::move(names), {}});
    }
  } else if (doc.is_array()) {
    for (std::size_t k = 0; k < doc.size(); ++k) {
      const std::string where = "/" + std::to_string(k);
      if (!doc[k].is_array()) fail(where, "expected a list of vertices");
      std::vector<const Json*> names;
      for (const Json& v : doc[k]) names.push_back(&v);
      lists.push_back({where, std::move(names), {}});
    }
  } else {
    fail("", "expected an object {edge name: [vertex, …]} or a list of vertex lists");
  }

  // Vertex names: all integers → the ids; else ids in order of first appearance.
  bool all_integers = true;
  auto check_name = [&](const std::string& where, const Json& v) {
    if (!v.is_string() && !v.is_number_integer())
      fail(where, "a vertex name must be an integer or a string, not " + v.dump());
    all_integers = all_integers && integer_name(v).has_value();
  };
  for (const List& list : lists)
    for (std::size_t j = 0; j < list.names.size(); ++j)
      check_name(list.name_pointer(j), *list.names[j]);
  for (const auto& [where, v] : extra_vertices) check_name(where, *v);

  std::unordered_map<std::string, VertexId> id_of;
  std::vector<std::string> order;
  auto id = [&](const Json& v) -> VertexId {
    if (all_integers) return *integer_name(v);
    const std::string key = v.is_string() ? v.get<std::string>() : v.dump();
    auto [it, inserted] = id_of.emplace(key, static_cast<VertexId>(id_of.size()));
    if (inserted) order.push_back(key);
    return it->second;
  };

  std::vector<Hyperedge> hyperedges;
  hyperedges.reserve(lists.size());
  for (const List& list : lists) {
    Hyperedge e;
    for (const Json* v : list.names) e.vertices.push_back(id(*v));
    hyperedges.push_back(std::move(e));
  }
  std::vector<VertexId> vertices;
  for (const auto& [where, v] : extra_vertices) vertices.push_back(id(*v));
  if (!all_integers && warnings) {
    std::string map;
    for (std::size_t k = 0; k < std::min<std::size_t>(order.size(), 5); ++k) {
      if (k) map += ", ";
      map += order[k];
      map += " → ";
      map += std::to_string(k);
    }
    warnings->push_back("vertex names are not all non-negative integers: ids 0…" +
                        std::to_string(order.size() - 1) +
                        " assigned in order of first appearance (" + map +
                        (order.size() > 5 ? ", …)" : ")"));
  }
  try {
    return Hypergraph::from_hyperedges(hyperedges, std::move(vertices), convention, warnings);
  } catch (const InvalidInput& e) {
    // "/hyperedges/k[/j]" → the k-th list's pointer in the file.
    std::string_view w = e.where();
    if (w.starts_with("/hyperedges/")) {
      w.remove_prefix(std::string_view("/hyperedges/").size());
      const std::size_t slash = w.find('/');
      const List& list = lists[std::stoul(std::string(w.substr(0, slash)))];
      if (slash == std::string_view::npos) fail(list.where, e.message());
      fail(list.name_pointer(std::stoul(std::string(w.substr(slash + 1)))), e.message());
    }
    fail(std::string(w), e.message());
  }
  return {};
}

}  // namespace topospec

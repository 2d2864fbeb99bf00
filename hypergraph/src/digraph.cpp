#include "topospec/hypergraph/digraph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

std::string id_text(VertexId v) { return std::to_string(v); }

}  // namespace

Digraph Digraph::from_arcs(std::size_t n, std::span<const Arc> arcs,
                           std::vector<double> vertex_values, std::vector<std::string>* warnings) {
  std::vector<VertexId> ids(n);
  for (std::size_t i = 0; i < n; ++i) ids[i] = static_cast<VertexId>(i);
  return from_arcs(std::move(ids), arcs, std::move(vertex_values), warnings);
}

Digraph Digraph::from_arcs(std::vector<VertexId> vertices, std::span<const Arc> arcs,
                           std::vector<double> vertex_values, std::vector<std::string>* warnings) {
  if (!vertex_values.empty() && vertex_values.size() != vertices.size())
    throw InvalidInput("/vertex_values", "has " + std::to_string(vertex_values.size()) +
                                             " entries for " + std::to_string(vertices.size()) +
                                             " vertices");
  for (std::size_t i = 0; i < vertex_values.size(); ++i)
    if (std::isnan(vertex_values[i]))
      throw InvalidInput("/vertex_values/" + std::to_string(i), "value is NaN");
  if (vertices.size() > std::numeric_limits<std::uint32_t>::max())
    throw ResourceLimit("a digraph with " + std::to_string(vertices.size()) +
                        " vertices exceeds the 2^32 − 1 vertex limit");

  // Dense indices follow increasing id; values travel with their vertex.
  std::vector<std::size_t> order(vertices.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return vertices[a] < vertices[b]; });
  Digraph g;
  g.ids_.reserve(vertices.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && vertices[order[k]] == vertices[order[k - 1]])
      throw InvalidInput("/vertices/" + std::to_string(std::max(order[k], order[k - 1])),
                         "vertex " + id_text(vertices[order[k]]) + " is listed twice");
    g.ids_.push_back(vertices[order[k]]);
  }
  if (!vertex_values.empty()) {
    g.vertex_values_.resize(vertex_values.size());
    for (std::size_t k = 0; k < order.size(); ++k) g.vertex_values_[k] = vertex_values[order[k]];
    g.weighted_ = std::any_of(vertex_values.begin(), vertex_values.end(),
                              [](double v) { return v != 0.0; });
  }

  struct Entry {
    std::uint32_t tail, head;
    double value;
    std::size_t position;
  };
  std::vector<Entry> entries;
  entries.reserve(arcs.size());
  for (std::size_t k = 0; k < arcs.size(); ++k) {
    const Arc& a = arcs[k];
    const std::string where = "/arcs/" + std::to_string(k);
    if (a.tail == a.head)
      throw InvalidInput(where, "self-loop at vertex " + id_text(a.tail) +
                                    " (path complexes and flag complexes have no loops)");
    const auto t = g.vertex_index(a.tail), h = g.vertex_index(a.head);
    if (!t) throw InvalidInput(where, "unknown vertex " + id_text(a.tail));
    if (!h) throw InvalidInput(where, "unknown vertex " + id_text(a.head));
    if (a.weight && std::isnan(*a.weight)) throw InvalidInput(where, "weight is NaN");
    if (a.weight && *a.weight != 0.0) g.weighted_ = true;
    const double w = std::max({a.weight.value_or(0.0), g.vertex_value(*t), g.vertex_value(*h)});
    entries.push_back({static_cast<std::uint32_t>(*t), static_cast<std::uint32_t>(*h), w, k});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
    return std::tie(x.tail, x.head, x.value, x.position) <
           std::tie(y.tail, y.head, y.value, y.position);
  });
  g.offsets_.assign(g.ids_.size() + 1, 0);
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const Entry& e = entries[k];
    if (k > 0 && entries[k - 1].tail == e.tail && entries[k - 1].head == e.head) {
      // Parallel arcs: the sort put the smallest value first, which is the one that counts.
      if (warnings)
        warnings->push_back("/arcs/" + std::to_string(e.position) + ": arc " +
                            id_text(g.ids_[e.tail]) + " → " + id_text(g.ids_[e.head]) +
                            " repeats an earlier arc; parallel arcs are merged (smallest weight)");
      continue;
    }
    g.heads_.push_back(e.head);
    g.arc_values_.push_back(e.value);
    ++g.offsets_[e.tail + 1];
  }
  for (std::size_t i = 0; i < g.ids_.size(); ++i) g.offsets_[i + 1] += g.offsets_[i];
  g.arc_count_ = g.heads_.size();
  return g;
}

std::optional<std::size_t> Digraph::vertex_index(VertexId id) const {
  const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  if (it == ids_.end() || *it != id) return std::nullopt;
  return static_cast<std::size_t>(it - ids_.begin());
}

std::span<const std::uint32_t> Digraph::out_neighbours(std::size_t i) const {
  return {heads_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
}

std::span<const double> Digraph::out_values(std::size_t i) const {
  return {arc_values_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
}

bool Digraph::has_arc(std::size_t i, std::size_t j) const {
  const auto n = out_neighbours(i);
  return std::binary_search(n.begin(), n.end(), static_cast<std::uint32_t>(j));
}

double Digraph::arc_value(std::size_t i, std::size_t j) const {
  const auto n = out_neighbours(i);
  const auto it = std::lower_bound(n.begin(), n.end(), static_cast<std::uint32_t>(j));
  if (it == n.end() || *it != j) return std::numeric_limits<double>::infinity();
  return arc_values_[offsets_[i] + static_cast<std::size_t>(it - n.begin())];
}

std::vector<Digraph::DenseArc> Digraph::arcs() const {
  std::vector<DenseArc> out;
  out.reserve(arc_count_);
  for (std::size_t i = 0; i < ids_.size(); ++i)
    for (std::size_t k = offsets_[i]; k < offsets_[i + 1]; ++k)
      out.push_back({static_cast<std::uint32_t>(i), heads_[k], arc_values_[k]});
  return out;
}

}  // namespace topospec

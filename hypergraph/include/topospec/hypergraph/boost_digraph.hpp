/// \file
/// \ingroup hypergraph
/// Digraphs from Boost.Graph for C++ callers: any directed graph model (adjacency_list with
/// directedS or bidirectionalS, …) with vertex indices, and optionally an edge weight map.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "topospec/hypergraph/digraph.hpp"

namespace topospec {

/// The Digraph of a Boost.Graph directed graph, unweighted.
///
/// Vertex ids are the graph's vertex indices (`get(vertex_index, g)`); self-loops are an error and
/// parallel edges are merged (smallest weight), as Digraph::from_arcs. An undirected `Graph` does
/// not compile. Throws InvalidInput for a self-loop (weighted: also a NaN weight); each merge is
/// noted in `warnings` when given.
template <class Graph>
Digraph from_boost_graph(const Graph& g, std::vector<std::string>* warnings = nullptr) {
  using Traits = boost::graph_traits<Graph>;
  static_assert(std::is_convertible_v<typename Traits::directed_category, boost::directed_tag>,
                "from_boost_graph needs a directed graph");
  const auto index = get(boost::vertex_index, g);
  std::vector<Arc> arcs;
  for (auto [e, end] = edges(g); e != end; ++e)
    arcs.push_back({static_cast<VertexId>(get(index, source(*e, g))),
                    static_cast<VertexId>(get(index, target(*e, g))), std::nullopt});
  return Digraph::from_arcs(static_cast<std::size_t>(num_vertices(g)), arcs, {}, warnings);
}

/// \overload
/// Weighted: `get(weight, e)`, converted to double, is the weight of the arc of edge `e` (the
/// digraph is then a filtration, see digraph.hpp).
template <class Graph, class WeightMap>
Digraph from_boost_graph(const Graph& g, WeightMap weight,
                         std::vector<std::string>* warnings = nullptr) {
  using Traits = boost::graph_traits<Graph>;
  static_assert(std::is_convertible_v<typename Traits::directed_category, boost::directed_tag>,
                "from_boost_graph needs a directed graph");
  const auto index = get(boost::vertex_index, g);
  std::vector<Arc> arcs;
  for (auto [e, end] = edges(g); e != end; ++e)
    arcs.push_back({static_cast<VertexId>(get(index, source(*e, g))),
                    static_cast<VertexId>(get(index, target(*e, g))),
                    static_cast<double>(get(weight, *e))});
  return Digraph::from_arcs(static_cast<std::size_t>(num_vertices(g)), arcs, {}, warnings);
}

}  // namespace topospec

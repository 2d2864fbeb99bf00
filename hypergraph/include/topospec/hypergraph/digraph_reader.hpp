/// \file
/// \ingroup hypergraph
/// Digraph files: Graphviz DOT and GraphML through Boost.Graph's readers, and flagser's `.flag`
/// format. Node names that are all distinct non-negative integers become the vertex ids;
/// otherwise vertices get ids 0 … n−1, and `warnings` says so: in the order the file lists them
/// (GraphML: its `<node>` elements, then nodes met only on edges), or for DOT in increasing
/// (byte) order of the names, the only order Boost's DOT parser keeps. An edge attribute
/// `weight` (DOT, GraphML) is the arc weight. Errors are InvalidInput whose place is the file
/// (and line, where the reader reports one); an undirected graph file is an error.
///
/// flagser's format (luetge/flagser): "dim 0" (or "dim 0:") followed by the vertex values (one
/// line in flagser's files), then "dim 1" followed by lines "i j [w]" (vertex indices into the
/// dim-0 list, optional weight); further "dim k" sections (flagser's own higher cells) are
/// ignored with a warning. Vertex i gets id i.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "topospec/hypergraph/digraph.hpp"

namespace topospec {

/// Reads a Graphviz DOT digraph (see the file comment for ids, weights and errors).
Digraph read_dot(const std::filesystem::path& path, std::vector<std::string>* warnings = nullptr);
/// Reads a GraphML digraph (see the file comment for ids, weights and errors).
Digraph read_graphml(const std::filesystem::path& path,
                     std::vector<std::string>* warnings = nullptr);
/// Reads flagser's `.flag` format (see the file comment); vertex i gets id i.
Digraph read_flagser(const std::filesystem::path& path,
                     std::vector<std::string>* warnings = nullptr);
/// Reads a digraph file by extension: .dot/.gv, .graphml/.xml, .flag. Unknown extension:
/// InvalidInput.
Digraph read_digraph_file(const std::filesystem::path& path,
                          std::vector<std::string>* warnings = nullptr);

}  // namespace topospec

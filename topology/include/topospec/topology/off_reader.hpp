/// \file
/// \ingroup topology
/// Reader for OFF (Object File Format) meshes as simplicial complexes.
///
/// Accepted format (Geomview OFF, ASCII):
///
/// ~~~{.unparsed}
///   OFF                      header; the counts may also follow on this line
///   nv nf ne                 three non-negative integers (ne, the edge count, is ignored)
///   x y z                    nv vertex lines, three finite coordinates each
///   k v1 … vk [colour]       nf face lines: k >= 1 vertex indices in 0..nv−1, optionally
///                            followed by up to 4 colour components, which are ignored
/// ~~~
///
/// `#` starts a comment that runs to the end of the line; blank lines are skipped. Nothing but
/// comments may follow the last face. Variants with extra vertex data (COFF, NOFF, 4OFF, …) and
/// binary OFF are rejected.
///
/// The complex: vertex i of the file has id i, and every vertex is a 0-simplex (isolated
/// vertices are kept). A face with k <= 3 vertices is one simplex; a k-gon with k > 3 is
/// fan-triangulated from its first vertex into the triangles {v1, vi, v(i+1)}, i = 2..k−1
/// (this assumes the polygon is star-shaped from v1, as a convex face is).
///
/// Errors are InvalidInput with where() = "name:line" (line numbers start at 1): wrong header,
/// bad counts, a non-numeric or non-finite field, a vertex index out of range, a face with a
/// repeated vertex or no vertex, a missing or extra field, a truncated file.
#pragma once

#include <filesystem>
#include <istream>
#include <string>

#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {

/// Reads `path`; `name` in error places is the path as given. A file that cannot be opened is
/// InvalidInput with where() = the path.
SimplicialComplex read_off(const std::filesystem::path& path);

/// Reads OFF text from `in`; `name` (e.g.\ a file name) is used in error places.
SimplicialComplex read_off(std::istream& in, std::string name);

}  // namespace topospec

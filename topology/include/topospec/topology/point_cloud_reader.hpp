/// \file
/// \ingroup topology
/// Readers for point clouds and distance matrices in the formats people have:
///  * CSV (one point per line, comma/space/tab separated, optional header line),
///  * XYZ (molecules: atom count, comment line, then "Element x y z"; plain "x y z" lines too),
///  * MOL2 (the `@<TRIPOS>ATOM` block's coordinates),
///  * OFF (the vertex block of an OFF file),
///  * Ripser's lower-distance-matrix text (row i holds i entries, separators `,` `;` or
///    whitespace).
///
/// Errors name "file:line".
#pragma once

#include <filesystem>
#include <istream>
#include <string>

#include "topospec/topology/point_cloud.hpp"

namespace topospec {

/// A point cloud file format, as listed in the file comment: Csv, Xyz, Mol2 (the
/// `@<TRIPOS>ATOM` block) and Off (the vertex block). The path overload of read_point_cloud()
/// picks it from the extension.
enum class PointCloudFormat { Csv, Xyz, Mol2, Off };

/// Reads a stream; `source` names it in errors. Throws InvalidInput on malformed input.
PointCloud read_point_cloud(std::istream& in, PointCloudFormat format, const std::string& source);
/// Format from the extension (.csv .txt .xyz .mol2 .off); InvalidInput for an unknown one or a
/// file that cannot be opened.
PointCloud read_point_cloud(const std::filesystem::path& file);

/// Reads Ripser's lower-distance-matrix text from a stream; `source` names it in errors.
/// Throws InvalidInput on malformed input.
DistanceMatrix read_lower_distance_matrix(std::istream& in, const std::string& source);
/// Reads Ripser's lower-distance-matrix text from a file; InvalidInput when it cannot be
/// opened or is malformed.
DistanceMatrix read_lower_distance_matrix(const std::filesystem::path& file);

}  // namespace topospec

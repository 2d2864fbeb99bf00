// Private to topology: the CUDA entry points for assembling boundaries and enumerating
// Vietoris–Rips simplices on the device (cuda/boundary_assembly.cu, cuda/rips_enumeration.cu),
// in plain types only, so that nvcc (C++17) never sees simplicial_complex.hpp or
// chain_complex.hpp. device_assembly.cpp wraps them for SimplicialComplex and DistanceMatrix.
// Without CUDA compiled they throw NotCompiled (src/device_boundary_stubs.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace topospec::device_boundary {

/// A sparse matrix in compressed-column form with 64-bit indices, rows sorted within each
/// column: exactly the arrays of Eigen::SparseMatrix<double, ColMajor, int64_t>.
struct CscArrays {
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  std::vector<std::int64_t> outer;  ///< cols + 1 entries
  std::vector<std::int64_t> inner;  ///< row of each entry
  std::vector<double> values;
};

/// ∂_q (q ≥ 1) assembled on the device: `simplices` holds num_simplices q-simplices as q+1
/// increasing vertex indices each (column j is simplex j), `faces` num_faces distinct
/// (q−1)-simplices as q increasing indices each (row r is face r; any order). Entry
/// (face of simplex j without its i-th vertex, j) is (−1)^i. Throws InvalidInput ("/<j>")
/// naming the first simplex with a face not among `faces`, InvalidInput for q < 1,
/// ResourceLimit when the arrays would not fit in free device memory (estimated before
/// allocating), DeviceUnavailable without a device, NotCompiled without CUDA.
CscArrays device_boundary_csc(int q, const std::int32_t* simplices, std::int64_t num_simplices,
                              const std::int32_t* faces, std::int64_t num_faces);

/// The Rips simplices of one dimension: num() simplices of `width` increasing vertex indices
/// each, in lexicographic order, and their diameters.
struct RipsSimplices {
  int width = 0;
  std::vector<std::int32_t> vertices;  ///< num() · width
  std::vector<double> values;          ///< diameter of each (0 for a vertex)
  std::size_t num() const { return values.size(); }
};

/// Vietoris–Rips simplices of dimensions 0 .. max_dim with diameter ≤ threshold of n points
/// whose distances are the strict lower triangle `lower` (DistanceMatrix::lower(); n(n−1)/2
/// values), one entry per dimension, stopping after the first dimension with no simplex (no
/// larger one can exist). Candidates are decoded in chunks sized to free device memory.
/// Throws ResourceLimit when more than max_simplices simplices are found (checked after each
/// chunk, before the next is stored), when C(n, q+1) does not fit 64 bits, or when not even
/// a small chunk fits; InvalidInput for max_dim ≥ 32; DeviceUnavailable without a device;
/// NotCompiled without CUDA.
std::vector<RipsSimplices> device_rips_simplices(const std::vector<double>& lower, std::int64_t n,
                                                 int max_dim, double threshold,
                                                 std::size_t max_simplices);

}  // namespace topospec::device_boundary

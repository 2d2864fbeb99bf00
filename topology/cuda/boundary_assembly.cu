// Simplicial boundary ∂_q assembled on the GPU: the Thrust algorithm of
// src/thrust_boundary_assembly.hpp over device buffers, sized and checked before allocating;
// the compressed-column arrays come back ready for Eigen.
#include <thrust/execution_policy.h>

#include <cstdint>
#include <string>

#include "../src/device_boundary.hpp"
#include "../src/thrust_boundary_assembly.hpp"
#include "device_memory.cuh"
#include "thrust_errors.cuh"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/error.hpp"

namespace topospec::device_boundary {
namespace {

// "[0 2 5]" for the w vertex indices at v, leaving out position `skip` (none when −1).
std::string vertices_text(const std::int32_t* v, int w, int skip = -1) {
  std::string s = "[";
  for (int t = 0; t < w; ++t) {
    if (t == skip) continue;
    if (s.size() > 1) s += ' ';
    s += std::to_string(v[t]);
  }
  return s + "]";
}

}  // namespace

CscArrays device_boundary_csc(int q, const std::int32_t* simplices, std::int64_t num_simplices,
                              const std::int32_t* faces, std::int64_t num_faces) {
  if (q < 1) throw InvalidInput("q", "boundary degree " + std::to_string(q) + " is below 1");
  if (cuda_device_count() == 0) throw DeviceUnavailable(cuda_device_description());
  CscArrays out;
  out.rows = num_faces;
  out.cols = num_simplices;
  out.outer.assign(1, 0);
  if (num_simplices == 0) return out;

  const auto sizes = boundary_assembly::sizes(q, num_simplices, num_faces);
  const auto simplex_values = static_cast<std::size_t>(num_simplices) * (q + 1);
  const auto face_values = static_cast<std::size_t>(num_faces) * q;
  // Inputs, the permutation (twice: Thrust's merge sort keeps a copy), outer, rows and values.
  const std::size_t bytes = sizeof(std::int32_t) * (simplex_values + face_values) +
                            sizeof(std::int64_t) * (2 * sizes.order + sizes.outer + sizes.entries) +
                            sizeof(double) * sizes.entries;
  const std::string what = "boundary assembly of " + std::to_string(num_simplices) + " " +
                           std::to_string(q) + "-simplices";
  cuda::ensure_fits(bytes, what);

  cuda::DeviceBuffer<std::int32_t> d_simplices(simplex_values), d_faces(face_values);
  d_simplices.upload(simplices, simplex_values);
  d_faces.upload(faces, face_values);
  cuda::DeviceBuffer<std::int64_t> order(sizes.order), outer(sizes.outer), rows(sizes.entries);
  cuda::DeviceBuffer<double> values(sizes.entries);
  const std::int64_t missing = cuda::translate_thrust_errors(what, [&] {
    return boundary_assembly::assemble(thrust::device, q, d_simplices.get(), num_simplices,
                                       d_faces.get(), num_faces, order.get(), outer.get(),
                                       rows.get(), values.get());
  });
  cuda::check(cudaDeviceSynchronize(), "boundary assembly");
  if (missing >= 0) {
    const std::int64_t j = missing / (q + 1);
    const int i = static_cast<int>(missing % (q + 1));
    const std::int32_t* s = simplices + j * (q + 1);
    throw InvalidInput("/" + std::to_string(j),
                       "face " + vertices_text(s, q + 1, i) + " of " + std::to_string(q) +
                           "-simplex " + vertices_text(s, q + 1) + " (vertex indices) is not among "
                           "the " + std::to_string(num_faces) + " given " + std::to_string(q - 1) +
                           "-simplices");
  }
  out.outer.resize(static_cast<std::size_t>(sizes.outer));
  out.inner.resize(static_cast<std::size_t>(sizes.entries));
  out.values.resize(static_cast<std::size_t>(sizes.entries));
  outer.download(out.outer.data(), out.outer.size());
  rows.download(out.inner.data(), out.inner.size());
  values.download(out.values.data(), out.values.size());
  return out;
}

}  // namespace topospec::device_boundary

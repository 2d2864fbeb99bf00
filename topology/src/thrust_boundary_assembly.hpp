// Private to topology: simplicial boundary assembly ∂_q as Thrust algorithms over raw arrays,
// independent of the execution policy, so that cuda/boundary_assembly.cu runs it on the GPU
// (thrust::device over cudaMalloc'd buffers) and a unit test runs the very same code on the CPU
// (thrust::cpp::par over std::vector storage). Plain C++17; no topospec types.
//
// Steps: (1) a permutation sorting the (q−1)-simplices lexicographically (faces need not come
// sorted); (2) one work item per (q-simplex j, removed vertex i) finds the row of the face by
// binary search through that permutation and writes sign (−1)^i at position j·(q+1)+i; (3) each
// column is then sorted by row in place. Every column has exactly q+1 entries, so the entries
// are already grouped by column and the (column, row) order needs only that per-column sort,
// not a global one; the outer array is j·(q+1). The result is compressed-column storage as
// Eigen's ColMajor SparseMatrix stores it, ready to copy without reordering.
#pragma once

#include <thrust/execution_policy.h>
#include <thrust/find.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/sequence.h>
#include <thrust/sort.h>
#include <thrust/transform.h>

#include <cstdint>

#include "host_device.hpp"

namespace topospec::boundary_assembly {

// Lexicographic comparison of face f (q vertices) with simplex s (q+1 vertices) less vertex i:
// −1, 0 or 1.
TOPOSPEC_HD inline int compare_face(const std::int32_t* f, const std::int32_t* s, int q, int i) {
  for (int t = 0; t < q; ++t) {
    const std::int32_t v = s[t < i ? t : t + 1];
    if (f[t] != v) return f[t] < v ? -1 : 1;
  }
  return 0;
}

// Orders face indices by their vertex lists.
struct FaceLess {
  const std::int32_t* faces;
  int width;
  TOPOSPEC_HD bool operator()(std::int64_t a, std::int64_t b) const {
    const std::int32_t* x = faces + a * width;
    const std::int32_t* y = faces + b * width;
    for (int t = 0; t < width; ++t)
      if (x[t] != y[t]) return x[t] < y[t];
    return false;
  }
};

// Entry e = j·(q+1) + i: row of simplex j without vertex i (−1 when absent), value (−1)^i.
struct FindFace {
  const std::int32_t* simplices;
  const std::int32_t* faces;
  const std::int64_t* order;  // face indices, lexicographically sorted
  std::int64_t num_faces;
  int q;
  std::int64_t* rows;
  double* values;
  TOPOSPEC_HD void operator()(std::int64_t e) const {
    const std::int64_t j = e / (q + 1);
    const int i = static_cast<int>(e % (q + 1));
    const std::int32_t* s = simplices + j * (q + 1);
    std::int64_t lo = 0, hi = num_faces;  // first sorted face ≥ the probe
    while (lo < hi) {
      const std::int64_t mid = lo + (hi - lo) / 2;
      if (compare_face(faces + order[mid] * q, s, q, i) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    const bool found = lo < num_faces && compare_face(faces + order[lo] * q, s, q, i) == 0;
    rows[e] = found ? order[lo] : -1;
    values[e] = (i % 2 == 0) ? 1.0 : -1.0;
  }
};

// Insertion sort of one column's q+1 entries by row, carrying the values along.
struct SortColumn {
  std::int64_t* rows;
  double* values;
  int width;
  TOPOSPEC_HD void operator()(std::int64_t j) const {
    std::int64_t* r = rows + j * width;
    double* v = values + j * width;
    for (int a = 1; a < width; ++a) {
      const std::int64_t key = r[a];
      const double val = v[a];
      int b = a - 1;
      for (; b >= 0 && r[b] > key; --b) r[b + 1] = r[b], v[b + 1] = v[b];
      r[b + 1] = key, v[b + 1] = val;
    }
  }
};

struct IsMissing {
  TOPOSPEC_HD bool operator()(std::int64_t row) const { return row < 0; }
};

struct TimesWidth {
  std::int64_t width;
  TOPOSPEC_HD std::int64_t operator()(std::int64_t j) const { return j * width; }
};

/// Working storage assemble() needs, in elements; the caller allocates it (on the device or the
/// host, as the policy requires).
struct Sizes {
  std::int64_t order = 0;   ///< int64 scratch: num_faces
  std::int64_t outer = 0;   ///< int64: num_simplices + 1
  std::int64_t entries = 0; ///< int64 rows and double values each: num_simplices · (q+1)
};
inline Sizes sizes(int q, std::int64_t num_simplices, std::int64_t num_faces) {
  return {num_faces, num_simplices + 1, num_simplices * (q + 1)};
}

/// ∂_q (q ≥ 1) in compressed-column form: `simplices` holds num_simplices rows of q+1 increasing
/// vertex indices, `faces` num_faces distinct rows of q (any order; row r of ∂_q is face r).
/// Writes outer/rows/values (see sizes()) and returns −1, or, when some face is not among
/// `faces`, the entry j·(q+1)+i of the first such (simplex j without its vertex i); rows and
/// values are then incomplete.
template <class Policy>
std::int64_t assemble(Policy&& policy, int q, const std::int32_t* simplices,
                      std::int64_t num_simplices, const std::int32_t* faces, std::int64_t num_faces,
                      std::int64_t* order, std::int64_t* outer, std::int64_t* rows, double* values) {
  const std::int64_t width = q + 1;
  const std::int64_t nnz = num_simplices * width;
  thrust::sequence(policy, order, order + num_faces);
  thrust::sort(policy, order, order + num_faces, FaceLess{faces, q});
  thrust::counting_iterator<std::int64_t> zero(0);
  thrust::for_each(policy, zero, zero + nnz,
                   FindFace{simplices, faces, order, num_faces, q, rows, values});
  const std::int64_t* missing = thrust::find_if(policy, rows, rows + nnz, IsMissing{});
  if (missing != rows + nnz) return missing - rows;
  thrust::for_each(policy, zero, zero + num_simplices, SortColumn{rows, values, q + 1});
  thrust::transform(policy, zero, zero + num_simplices + 1, outer, TimesWidth{width});
  return -1;
}

}  // namespace topospec::boundary_assembly

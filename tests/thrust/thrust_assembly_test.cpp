// The GPU assembly algorithms (src/thrust_boundary_assembly.hpp, src/thrust_rips_enumeration.hpp)
// run on the CPU through Thrust's sequential policy, the same code the CUDA build runs on the
// device, checked exactly against the CPU builders (boundary_matrix, rips_complex). Built only
// when the CUDA toolkit (its Thrust headers) is found; needs no GPU.
#include <gtest/gtest.h>
#include <thrust/system/cpp/execution_policy.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "../../topology/src/thrust_boundary_assembly.hpp"
#include "../../topology/src/thrust_rips_enumeration.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/generators.hpp"

namespace topospec {
namespace {

using namespace generators;

struct Csc {
  std::vector<std::int64_t> outer, rows;
  std::vector<double> values;
  std::int64_t missing = -1;
};

// ∂_q by the Thrust algorithm over flat face/simplex arrays.
Csc assemble(int q, const std::vector<std::int32_t>& simplices,
             const std::vector<std::int32_t>& faces) {
  const std::int64_t ns = static_cast<std::int64_t>(simplices.size()) / (q + 1);
  const std::int64_t nf = static_cast<std::int64_t>(faces.size()) / q;
  const auto s = boundary_assembly::sizes(q, ns, nf);
  std::vector<std::int64_t> order(s.order);
  Csc out;
  out.outer.resize(s.outer), out.rows.resize(s.entries), out.values.resize(s.entries);
  out.missing = boundary_assembly::assemble(thrust::cpp::par, q, simplices.data(), ns, faces.data(),
                                            nf, order.data(), out.outer.data(), out.rows.data(),
                                            out.values.data());
  return out;
}

std::vector<std::int32_t> flat(const SimplicialComplex& k, int q) {
  const auto s = k.simplex(q, 0);
  return {s.data(), s.data() + k.size(q) * static_cast<std::size_t>(q + 1)};
}

// Equal to boundary_matrix(k, q) array for array.
void expect_boundaries_match(const SimplicialComplex& k, const std::string& what) {
  for (int q = 1; q <= k.dimension(); ++q) {
    const IntegerMatrix cpu = boundary_matrix(k, q);
    const Csc gpu = assemble(q, flat(k, q), flat(k, q - 1));
    ASSERT_EQ(gpu.missing, -1) << what << " q = " << q;
    ASSERT_EQ(static_cast<Eigen::Index>(gpu.rows.size()), cpu.nonZeros()) << what << " q = " << q;
    for (Eigen::Index j = 0; j <= cpu.cols(); ++j)
      ASSERT_EQ(gpu.outer[j], cpu.outerIndexPtr()[j]) << what << " q = " << q << " col " << j;
    for (Eigen::Index e = 0; e < cpu.nonZeros(); ++e) {
      ASSERT_EQ(gpu.rows[e], cpu.innerIndexPtr()[e]) << what << " q = " << q << " entry " << e;
      ASSERT_EQ(gpu.values[e], static_cast<double>(cpu.valuePtr()[e])) << what << " entry " << e;
    }
  }
}

TEST(ThrustBoundaryAssembly, MatchesCpuBoundaries) {
  expect_boundaries_match(full_simplex(1), "edge");
  expect_boundaries_match(full_simplex(5), "5-simplex");
  expect_boundaries_match(torus(), "torus");
  expect_boundaries_match(klein_bottle(), "klein bottle");
  expect_boundaries_match(real_projective_plane(), "RP2");
  expect_boundaries_match(freudenthal_grid(3, 3, 2), "freudenthal grid");
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    expect_boundaries_match(random_clique_complex(14, 0.5, 4, seed),
                            "random clique complex, seed " + std::to_string(seed));
    expect_boundaries_match(linial_meshulam(9, 2, 0.4, seed),
                            "Linial–Meshulam, seed " + std::to_string(seed));
  }
}

TEST(ThrustBoundaryAssembly, FacesInAnyOrderKeepTheirRows) {
  // Faces handed over shuffled: row r is still face r, so the matrix is the CPU one with its
  // rows permuted.
  const SimplicialComplex k = random_clique_complex(12, 0.6, 3, 7);
  const int q = 2;
  const std::vector<std::int32_t> faces = flat(k, q - 1);
  std::vector<std::int64_t> perm(k.size(q - 1));
  std::iota(perm.begin(), perm.end(), 0);
  std::shuffle(perm.begin(), perm.end(), std::mt19937(3));
  std::vector<std::int32_t> shuffled;
  for (std::int64_t p : perm) shuffled.insert(shuffled.end(), faces.begin() + p * q, faces.begin() + (p + 1) * q);
  std::vector<std::int64_t> new_row(perm.size());
  for (std::size_t r = 0; r < perm.size(); ++r) new_row[perm[r]] = static_cast<std::int64_t>(r);

  const IntegerMatrix cpu = boundary_matrix(k, q);
  const Csc gpu = assemble(q, flat(k, q), shuffled);
  ASSERT_EQ(gpu.missing, -1);
  for (Eigen::Index j = 0; j < cpu.cols(); ++j) {
    std::vector<std::pair<std::int64_t, double>> want, got;
    for (IntegerMatrix::InnerIterator it(cpu, j); it; ++it)
      want.emplace_back(new_row[it.row()], static_cast<double>(it.value()));
    std::sort(want.begin(), want.end());
    for (std::int64_t e = gpu.outer[j]; e < gpu.outer[j + 1]; ++e) got.emplace_back(gpu.rows[e], gpu.values[e]);
    ASSERT_EQ(got, want) << "column " << j;  // also checks rows increasing within the column
  }
}

TEST(ThrustBoundaryAssembly, ReportsTheFirstMissingFace) {
  // Triangles [0 1 2] and [1 2 3]; edge [1 3] is missing, which is the face of simplex 1
  // without its vertex 1 (entry 1·3 + 1).
  const std::vector<std::int32_t> triangles = {0, 1, 2, 1, 2, 3};
  const std::vector<std::int32_t> edges = {0, 1, 0, 2, 1, 2, 2, 3};
  EXPECT_EQ(assemble(2, triangles, edges).missing, 4);
  EXPECT_EQ(assemble(1, {0, 1}, {}).missing, 0);  // no faces at all
  EXPECT_EQ(assemble(2, {}, edges).missing, -1);  // no simplices: nothing to find
}

// Points on a small integer grid, so that many distances tie.
DistanceMatrix grid_cloud(int n, int side, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> coord(0, side);
  std::vector<std::vector<double>> rows;
  for (int i = 0; i < n; ++i) rows.push_back({double(coord(rng)), double(coord(rng))});
  return DistanceMatrix::euclidean(PointCloud::from_rows(rows));
}

// Dimension q of the Rips complex by the Thrust enumeration in chunks of `chunk` candidates.
void expect_rips_level_matches(const DistanceMatrix& d, int q, double t, std::int64_t chunk,
                               const std::string& what) {
  const FilteredComplex cpu = rips_complex(d, q, t);
  const int k = q + 1;
  std::vector<std::uint64_t> ranks(chunk);
  std::vector<std::int32_t> vertices(chunk * k), got_vertices;
  std::vector<double> values(chunk), got_values;
  rips_enumeration::enumerate(thrust::cpp::par, d.lower().data(), static_cast<std::int64_t>(d.size()), k, t,
                              chunk, ranks.data(), vertices.data(), values.data(),
                              [&](std::int64_t kept) {
                                got_vertices.insert(got_vertices.end(), vertices.begin(), vertices.begin() + kept * k);
                                got_values.insert(got_values.end(), values.begin(), values.begin() + kept);
                              });
  const std::size_t count = static_cast<int>(cpu.complex.dimension()) >= q ? cpu.complex.size(q) : 0;
  ASSERT_EQ(got_values.size(), count) << what;
  if (count == 0) return;
  const std::vector<std::int32_t> want = flat(cpu.complex, q);
  EXPECT_EQ(got_vertices, want) << what;
  EXPECT_EQ(got_values, cpu.values[q]) << what;
}

TEST(ThrustRipsEnumeration, MatchesCpuRipsWithTiesAcrossChunks) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const DistanceMatrix d = grid_cloud(13, 4, seed);
    for (double t : {1.0, 2.0, 2.5, 100.0})
      for (int q = 0; q <= 3; ++q)
        for (std::int64_t chunk : {1, 7, 1000})
          expect_rips_level_matches(d, q, t, chunk,
                                    "seed " + std::to_string(seed) + " t = " + std::to_string(t) +
                                        " q = " + std::to_string(q) + " chunk " + std::to_string(chunk));
  }
}

}  // namespace
}  // namespace topospec

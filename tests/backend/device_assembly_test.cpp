// Boundary assembly and Rips enumeration on the GPU (device_assembly.hpp) against the CPU
// builders, exactly: the same sparse arrays, the same simplices in the same order, the same
// values. Skips, visibly, when this build has no CUDA or the machine has no GPU.
#include "topospec/topology/device_assembly.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "../../topology/src/device_boundary.hpp"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/generators.hpp"

namespace topospec {
namespace {

using namespace generators;

#define SKIP_WITHOUT_GPU()                                                              \
  if (cuda_device_count() == 0)                                                         \
  GTEST_SKIP() << "no GPU: " << cuda_device_description()

// Same shape, same compressed arrays (so also the same storage order), same values.
void expect_identical(const RealMatrix& gpu, const RealMatrix& cpu, const std::string& what) {
  ASSERT_EQ(gpu.rows(), cpu.rows()) << what;
  ASSERT_EQ(gpu.cols(), cpu.cols()) << what;
  ASSERT_TRUE(gpu.isCompressed()) << what;
  ASSERT_EQ(gpu.nonZeros(), cpu.nonZeros()) << what;
  for (Eigen::Index j = 0; j <= cpu.cols(); ++j)
    ASSERT_EQ(gpu.outerIndexPtr()[j], cpu.outerIndexPtr()[j]) << what << " col " << j;
  for (Eigen::Index e = 0; e < cpu.nonZeros(); ++e) {
    ASSERT_EQ(gpu.innerIndexPtr()[e], cpu.innerIndexPtr()[e]) << what << " entry " << e;
    ASSERT_EQ(gpu.valuePtr()[e], cpu.valuePtr()[e]) << what << " entry " << e;
  }
}

void expect_boundaries_match(const SimplicialComplex& k, const std::string& what) {
  const ChainComplex c = chain_complex(k);
  for (int q = 0; q <= k.dimension() + 1; ++q) {
    RealMatrix cpu = c.real_boundary(q);
    cpu.makeCompressed();
    expect_identical(device_real_boundary(k, q), cpu, what + " q = " + std::to_string(q));
  }
}

TEST(DeviceAssembly, BoundariesOfGeneratorsMatchCpu) {
  SKIP_WITHOUT_GPU();
  expect_boundaries_match(SimplicialComplex::from_simplices({{7}}), "one vertex");
  expect_boundaries_match(full_simplex(1), "one edge");
  expect_boundaries_match(full_simplex(6), "6-simplex");
  expect_boundaries_match(torus(), "torus");
  expect_boundaries_match(klein_bottle(), "Klein bottle");
  expect_boundaries_match(real_projective_plane(), "RP2");
  expect_boundaries_match(dunce_hat(), "dunce hat");
  expect_boundaries_match(octahedral_sphere(4), "octahedral 4-sphere");
  expect_boundaries_match(freudenthal_grid(6, 5, 4), "Freudenthal grid");
}

TEST(DeviceAssembly, BoundariesOfRandomComplexesMatchCpu) {
  SKIP_WITHOUT_GPU();
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    expect_boundaries_match(random_clique_complex(40, 0.4, 5, seed),
                            "random clique complex, seed " + std::to_string(seed));
    expect_boundaries_match(linial_meshulam(20, 3, 0.2, seed),
                            "Linial–Meshulam, seed " + std::to_string(seed));
  }
  // Large enough for many thread blocks and Thrust's multi-pass sort.
  expect_boundaries_match(random_clique_complex(400, 0.15, 3, 11), "large clique complex");
}

TEST(DeviceAssembly, EmptyDegreesAreZeroMatricesOfTheRightShape) {
  SKIP_WITHOUT_GPU();
  const SimplicialComplex k = full_simplex(2);
  EXPECT_EQ(device_real_boundary(k, 0).rows(), 0);
  EXPECT_EQ(device_real_boundary(k, 0).cols(), 3);
  EXPECT_EQ(device_real_boundary(k, 3).rows(), 1);
  EXPECT_EQ(device_real_boundary(k, 3).cols(), 0);
  EXPECT_EQ(device_real_boundary(SimplicialComplex(), 1).nonZeros(), 0);
}

TEST(DeviceAssembly, MissingFaceIsInvalidInputNamingTheSimplex) {
  SKIP_WITHOUT_GPU();
  const std::vector<std::int32_t> triangles = {0, 1, 2, 1, 2, 3};
  const std::vector<std::int32_t> edges = {0, 1, 0, 2, 1, 2, 2, 3};  // [1 3] missing
  try {
    device_boundary::device_boundary_csc(2, triangles.data(), 2, edges.data(), 4);
    FAIL() << "no exception";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "/1");
    EXPECT_NE(std::string(e.what()).find("[1 3]"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("[1 2 3]"), std::string::npos) << e.what();
  }
}

// Points on a small integer grid, so that many distances tie.
DistanceMatrix grid_cloud(int n, int side, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> coord(0, side);
  std::vector<std::vector<double>> rows;
  for (int i = 0; i < n; ++i) rows.push_back({double(coord(rng)), double(coord(rng)), double(coord(rng))});
  return DistanceMatrix::euclidean(PointCloud::from_rows(rows));
}

void expect_rips_match(const DistanceMatrix& d, int max_dim, std::optional<double> t,
                       const std::string& what) {
  const FilteredComplex cpu = rips_complex(d, max_dim, t);
  const FilteredComplex gpu = device_rips_complex(d, max_dim, t);
  ASSERT_EQ(gpu.complex.dimension(), cpu.complex.dimension()) << what;
  ASSERT_EQ(gpu.complex.vertex_ids(), cpu.complex.vertex_ids()) << what;
  for (int q = 0; q <= cpu.complex.dimension(); ++q) {
    ASSERT_EQ(gpu.complex.size(q), cpu.complex.size(q)) << what << " q = " << q;
    for (std::size_t i = 0; i < cpu.complex.size(q); ++i) {
      const auto a = gpu.complex.simplex(q, i), b = cpu.complex.simplex(q, i);
      ASSERT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << what << " q = " << q << " i = " << i;
    }
  }
  EXPECT_EQ(gpu.values, cpu.values) << what;
}

TEST(DeviceAssembly, RipsOfRandomCloudsWithTiesMatchesCpu) {
  SKIP_WITHOUT_GPU();
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const DistanceMatrix d = grid_cloud(30, 3, seed);
    const std::string s = "seed " + std::to_string(seed);
    expect_rips_match(d, 3, 1.5, s + " t = 1.5");
    expect_rips_match(d, 2, 2.0, s + " t = 2");
    expect_rips_match(d, 4, std::nullopt, s + " no threshold");
    expect_rips_match(d, 0, 1.0, s + " vertices only");
  }
  expect_rips_match(grid_cloud(1, 3, 5), 3, std::nullopt, "one point");
  expect_rips_match(DistanceMatrix(), 2, std::nullopt, "no points");
  // Many candidates: C(300, 4) ≈ 3.3·10^8 ranks, several chunks on smaller devices.
  expect_rips_match(grid_cloud(300, 20, 9), 3, 2.0, "300 points");
}

TEST(DeviceAssembly, RipsErrorsAreTheCpuBuildersOwn) {
  SKIP_WITHOUT_GPU();
  const DistanceMatrix d = grid_cloud(10, 3, 2);
  EXPECT_THROW(device_rips_complex(d, -1), InvalidInput);
  EXPECT_THROW(device_rips_complex(d, 2, -1.0), InvalidInput);
  EXPECT_THROW(device_rips_complex(d, 2, std::numeric_limits<double>::quiet_NaN()), InvalidInput);
  const DistanceMatrix spread = DistanceMatrix::from_rows({{0, 10, 10}, {10, 0, 10}, {10, 10, 0}});
  EXPECT_THROW(device_rips_complex(spread, 2, 1.0), InvalidInput);  // below every edge
  EXPECT_THROW(device_rips_complex(d, 3, std::nullopt, 20), ResourceLimit);
}

}  // namespace
}  // namespace topospec

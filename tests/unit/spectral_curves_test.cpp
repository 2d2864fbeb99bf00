// Spectral curves: a filled triangle by hand, and the C20 fullerene (Rips filtration of the
// regular dodecahedron, simplices up to dimension 2) against REFERENCE §3.2's C20 table.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/generators.hpp"
#include "topospec/topology/spectral_curves.hpp"

namespace topospec {
namespace {

TEST(SpectralCurves, FilledTriangleByHand) {
  // Vertices at 0, edges at 1, the triangle at 2.
  ChainComplex c = chain_complex(SimplicialComplex::from_simplices({{0, 1, 2}}));
  c.set_values({{0, 0, 0}, {1, 1, 1}, {2}});
  const std::vector<double> values{0, 1, 1.5, 2};
  const auto curve = spectral_curves(c, values, 1);
  ASSERT_EQ(curve.size(), 4u);
  // K_0: three points (L_0 = 0, no edges); K_1: the 3-cycle (L_0, L_1 spectra {0, 3, 3});
  // K_2: the disk (L_1 = {3, 3, 3}).
  const std::vector<std::vector<std::int64_t>> betti{{3, 0}, {1, 1}, {1, 1}, {1, 0}};
  const std::vector<std::vector<double>> lambda{{0, 0}, {3, 3}, {3, 3}, {3, 3}};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(curve[i].value, values[i]);
    EXPECT_EQ(curve[i].betti, betti[i]) << "t = " << values[i];
    ASSERT_EQ(curve[i].lambda_min.size(), 2u);
    for (std::size_t q = 0; q < 2; ++q)
      EXPECT_NEAR(curve[i].lambda_min[q], lambda[i][q], 1e-10) << "t = " << values[i] << " q = " << q;
  }
}

TEST(SpectralCurves, Errors) {
  ChainComplex c = chain_complex(SimplicialComplex::from_simplices({{0, 1}}));
  const std::vector<double> values{0.5};
  EXPECT_THROW(spectral_curves(c, values, 1), Error);  // not filtered
  c.set_values({{0, 0}, {1}});
  const std::vector<double> nan{std::numeric_limits<double>::quiet_NaN()};
  try {
    spectral_curves(c, nan, 1);
    ADD_FAILURE() << "no exception";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "values");
  }
}

TEST(SpectralCurves, DodecahedronDistances) {
  const double e = 1.44699;
  const auto p = generators::regular_dodecahedron(e);
  ASSERT_EQ(p.size(), 20u);
  const auto d = DistanceMatrix::euclidean(p);
  const double phi = (1 + std::sqrt(5.0)) / 2;
  const std::vector<double> levels{e, phi * e, std::sqrt(2.0) * phi * e, phi * phi * e,
                                   std::sqrt(3.0) * phi * e};
  std::vector<int> counts(levels.size(), 0);
  for (double x : d.lower()) {
    int hit = -1;
    for (std::size_t k = 0; k < levels.size(); ++k)
      if (std::abs(x - levels[k]) < 1e-9) hit = static_cast<int>(k);
    ASSERT_GE(hit, 0) << "unexpected distance " << x;
    ++counts[static_cast<std::size_t>(hit)];
  }
  EXPECT_EQ(counts, (std::vector<int>{30, 60, 60, 30, 10}));
  EXPECT_THROW(generators::regular_dodecahedron(0), InvalidInput);
}

// REFERENCE §3.2 C20: at r (d = 2r) in the middle of each row's interval.
TEST(SpectralCurves, C20Fullerene) {
  const auto f = rips_complex(DistanceMatrix::euclidean(generators::regular_dodecahedron(1.44699)), 2);
  const ChainComplex c = f.chain_complex();
  struct Row {
    double r;
    std::size_t edges, triangles;
    std::int64_t b0, b1;
    double l0, l1;
  };
  const double l = 3 - std::sqrt(5.0);
  const std::vector<Row> rows{{0.3, 0, 0, 20, 0, 0, 0},
                              {0.95, 30, 0, 1, 11, l, l},
                              {1.4, 90, 140, 1, 0, 4.7639, 1.0814},
                              {1.78, 150, 540, 1, 0, 12.7639, 6.6674},
                              {1.96, 180, 960, 1, 0, 18, 16},
                              {3.0, 190, 1140, 1, 0, 20, 20}};
  std::vector<double> values;
  for (const auto& row : rows) values.push_back(2 * row.r);
  const auto curve = spectral_curves(c, values, 1);
  ASSERT_EQ(curve.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    EXPECT_EQ(c.sublevel_cells(1, 2 * row.r).size(), row.edges) << "r = " << row.r;
    EXPECT_EQ(c.sublevel_cells(2, 2 * row.r).size(), row.triangles) << "r = " << row.r;
    EXPECT_EQ(curve[i].betti, (std::vector<std::int64_t>{row.b0, row.b1})) << "r = " << row.r;
    EXPECT_NEAR(curve[i].lambda_min[0], row.l0, 1e-4) << "r = " << row.r;
    EXPECT_NEAR(curve[i].lambda_min[1], row.l1, 1e-4) << "r = " << row.r;
  }
}

}  // namespace
}  // namespace topospec

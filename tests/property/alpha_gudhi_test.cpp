// Cross-check of alpha and Vietoris–Rips filtrations against GUDHI (Python module, run as a
// subprocess): same simplices, same values within 1e-9 relative. Skips when /usr/bin/python3 or
// its gudhi module is missing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "topospec/topology/filtration.hpp"
#include "topospec/topology/point_cloud.hpp"

namespace topospec {
namespace {

namespace fs = std::filesystem;
using Filtration = std::map<Simplex, double>;

constexpr const char* kPython = "/usr/bin/python3";

// argv: mode points_file out_file threshold [max_dim]; writes "v0 v1 … value" per simplex.
constexpr const char* kScript = R"PY(
import sys
import numpy as np
import gudhi
mode, points_file, out_file, threshold = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
points = np.loadtxt(points_file, ndmin=2)
if mode == "alpha":
    st = gudhi.AlphaComplex(points=points, precision="exact").create_simplex_tree(
        max_alpha_square=threshold)
else:
    st = gudhi.RipsComplex(points=points, max_edge_length=threshold).create_simplex_tree(
        max_dimension=int(sys.argv[5]))
with open(out_file, "w") as out:
    for simplex, value in st.get_filtration():
        out.write(" ".join(str(v) for v in sorted(simplex)) + " " + repr(float(value)) + "\n")
)PY";

class GudhiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kPython)) GTEST_SKIP() << kPython << " is missing: GUDHI cross-check skipped";
    if (std::system((std::string(kPython) + " -c 'import gudhi, numpy' >/dev/null 2>&1").c_str()) !=
        0)
      GTEST_SKIP() << "python module gudhi (or numpy) is missing: GUDHI cross-check skipped";
    dir_ = fs::path(::testing::TempDir()) /
           ("topospec_gudhi_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "run.py") << kScript;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Runs GUDHI on the points; threshold +inf means none.
  Filtration gudhi(const PointCloud& points, const std::string& mode, double threshold,
                   int max_dim = 0) {
    {
      std::ofstream out(dir_ / "points.txt");
      out.precision(17);
      for (std::size_t i = 0; i < points.size(); ++i) {
        for (double x : points.point(i)) out << x << ' ';
        out << '\n';
      }
    }
    std::ostringstream t;
    t.precision(17);
    t << threshold;
    const std::string cmd = std::string(kPython) + " " + (dir_ / "run.py").string() + " " + mode +
                            " " + (dir_ / "points.txt").string() + " " +
                            (dir_ / "out.txt").string() + " " + t.str() + " " +
                            std::to_string(max_dim) + " 2>" + (dir_ / "err.txt").string();
    if (std::system(cmd.c_str()) != 0) {
      std::ifstream err(dir_ / "err.txt");
      std::stringstream s;
      s << err.rdbuf();
      ADD_FAILURE() << "GUDHI failed: " << s.str();
      return {};
    }
    Filtration f;
    std::ifstream in(dir_ / "out.txt");
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      std::vector<std::string> tok;
      for (std::string w; ls >> w;) tok.push_back(w);
      if (tok.empty()) continue;
      Simplex s;
      for (std::size_t k = 0; k + 1 < tok.size(); ++k) s.push_back(std::stoll(tok[k]));
      f[s] = std::stod(tok.back());
    }
    return f;
  }

  fs::path dir_;
};

Filtration ours(const FilteredComplex& f) {
  Filtration out;
  for (int q = 0; q <= f.complex.dimension(); ++q)
    for (std::size_t i = 0; i < f.complex.size(q); ++i)
      out[f.complex.simplex_ids(q, i)] = f.values[q][i];
  return out;
}

std::string format(const Simplex& s) {
  std::string out = "[";
  for (std::size_t j = 0; j < s.size(); ++j) out += (j ? "," : "") + std::to_string(s[j]);
  return out + "]";
}

// Same simplices, values within 1e-9 relative; reports the first few differences.
void expect_same(const Filtration& expected, const Filtration& actual) {
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(actual.size(), expected.size());
  int reported = 0;
  for (const auto& [s, v] : expected) {
    auto it = actual.find(s);
    if (it == actual.end()) {
      if (reported++ < 5)
        ADD_FAILURE() << "missing simplex " << format(s) << " (GUDHI value " << v << ")";
      continue;
    }
    const double tol = 1e-9 * std::max(std::abs(v), std::abs(it->second)) + 1e-300;
    if (!(std::abs(it->second - v) <= tol) && reported++ < 5)
      ADD_FAILURE() << format(s) << ": ours " << it->second << ", GUDHI " << v;
  }
  for (const auto& [s, v] : actual)
    if (!expected.count(s) && reported++ < 5)
      ADD_FAILURE() << "extra simplex " << format(s) << " (our value " << v << ")";
}

PointCloud random_points(std::size_t n, std::size_t d, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<std::vector<double>> rows(n, std::vector<double>(d));
  for (auto& r : rows)
    for (double& x : r) x = u(rng);
  return PointCloud::from_rows(rows);
}

// Keeps the simplices of dimension ≤ max_dim.
Filtration truncate(const Filtration& f, int max_dim) {
  Filtration out;
  for (const auto& [s, v] : f)
    if (static_cast<int>(s.size()) - 1 <= max_dim) out.emplace(s, v);
  return out;
}

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST_F(GudhiTest, AlphaPlaneRandom) {
  for (unsigned seed : {1u, 2u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const PointCloud p = random_points(200, 2, seed);
    expect_same(gudhi(p, "alpha", kInf), ours(alpha_complex(p, 2)));
  }
}

TEST_F(GudhiTest, AlphaSpaceRandom) {
  for (unsigned seed : {3u, 4u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const PointCloud p = random_points(seed == 3 ? 150 : 40, 3, seed);
    expect_same(gudhi(p, "alpha", kInf), ours(alpha_complex(p, 3)));
  }
}

TEST_F(GudhiTest, AlphaThresholdAndDimensionCap) {
  const PointCloud p = random_points(120, 3, 5);
  const Filtration g = gudhi(p, "alpha", 0.05);
  expect_same(g, ours(alpha_complex(p, 3, 0.05)));
  expect_same(truncate(g, 1), ours(alpha_complex(p, 1, 0.05)));
}

TEST_F(GudhiTest, AlphaClusteredPlane) {
  // Clusters of nearby points: many small, strongly obtuse triangles.
  std::mt19937_64 rng(6);
  std::normal_distribution<double> g(0.0, 1.0);
  std::vector<std::vector<double>> rows;
  for (int c = 0; c < 6; ++c) {
    const double cx = 10 * g(rng), cy = 10 * g(rng);
    for (int k = 0; k < 15; ++k) rows.push_back({cx + 0.1 * g(rng), cy + 0.01 * g(rng)});
  }
  const PointCloud p = PointCloud::from_rows(rows);
  expect_same(gudhi(p, "alpha", kInf), ours(alpha_complex(p, 2)));
}

TEST_F(GudhiTest, RipsRandom) {
  const PointCloud p = random_points(60, 3, 7);
  const DistanceMatrix d = DistanceMatrix::euclidean(p);
  expect_same(gudhi(p, "rips", 0.7, 3), ours(rips_complex(d, 3, 0.7)));
  const PointCloud q = random_points(30, 2, 8);
  expect_same(gudhi(q, "rips", 1.0, 2), ours(rips_complex(DistanceMatrix::euclidean(q), 2, 1.0)));
}

}  // namespace
}  // namespace topospec

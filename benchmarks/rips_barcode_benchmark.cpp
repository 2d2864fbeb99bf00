// Vietoris–Rips barcodes (rips_persistence) on the Ripser benchmark datasets (REFERENCE §6.7).
//
//  * sphere_3_192: 192 points uniform on the unit sphere S² ⊂ R³ (normalized Gaussians), d ≤ 2,
//    no threshold (the enclosing radius, as Ripser).
//  * o3_1024: 1024 Haar-random orthogonal 3×3 matrices as points in R⁹ (Gram–Schmidt QR of a
//    Gaussian matrix, i.e. R with a positive diagonal: the sign fix; both determinants occur),
//    d ≤ 3, threshold 1.8.
// Gaussians come from splitmix64 (seed 42) through Box–Muller, so the points are fixed.
//
//   rips_barcode_benchmark [--benchmark_…]                  Google Benchmark over both datasets
//   rips_barcode_benchmark --write-points NAME FILE          the dataset as a point-cloud file
//   rips_barcode_benchmark --run FILE DIM [THRESHOLD] [P]    one timed run on a point-cloud file
//                                                            (one point per line), prints
//                                                            seconds and bars per degree
// benchmarks/run_rips_peers.sh runs --run, ripser and GUDHI on the same files.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/rips_persistence.hpp"

namespace {

using topospec::Coefficients;
using topospec::DistanceMatrix;
using topospec::PointCloud;

struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }  // (0, 1)
  double gaussian() {
    return std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * M_PI * uniform());
  }
};

std::vector<std::vector<double>> sphere_3_192() {
  SplitMix64 rng{42};
  std::vector<std::vector<double>> rows;
  while (rows.size() < 192) {
    std::vector<double> x{rng.gaussian(), rng.gaussian(), rng.gaussian()};
    const double r = std::sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
    if (r < 1e-9) continue;
    for (double& c : x) c /= r;
    rows.push_back(x);
  }
  return rows;
}

// Q of the QR factorization of a Gaussian matrix, by Gram–Schmidt (R_ii > 0: Haar on O(3)).
std::vector<std::vector<double>> o3(int n) {
  SplitMix64 rng{42};
  std::vector<std::vector<double>> rows;
  while (static_cast<int>(rows.size()) < n) {
    double a[3][3];  // a[j] = column j
    for (auto& col : a)
      for (double& c : col) c = rng.gaussian();
    bool degenerate = false;
    for (int j = 0; j < 3; ++j) {
      for (int i = 0; i < j; ++i) {
        const double d = a[i][0] * a[j][0] + a[i][1] * a[j][1] + a[i][2] * a[j][2];
        for (int k = 0; k < 3; ++k) a[j][k] -= d * a[i][k];
      }
      const double r = std::sqrt(a[j][0] * a[j][0] + a[j][1] * a[j][1] + a[j][2] * a[j][2]);
      if (r < 1e-9) degenerate = true;
      for (int k = 0; k < 3; ++k) a[j][k] /= r;
    }
    if (degenerate) continue;
    std::vector<double> x;  // row-major entries of Q
    for (int row = 0; row < 3; ++row)
      for (int col = 0; col < 3; ++col) x.push_back(a[col][row]);
    rows.push_back(x);
  }
  return rows;
}

std::vector<std::vector<double>> dataset(const std::string& name) {
  if (name == "sphere_3_192") return sphere_3_192();
  if (name == "o3_1024") return o3(1024);
  std::cerr << "unknown dataset " << name << " (sphere_3_192, o3_1024)\n";
  std::exit(2);
}

std::vector<std::vector<double>> read_points(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::vector<double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    for (char& c : line)
      if (c == ',') c = ' ';
    std::istringstream fields(line);
    std::vector<double> row;
    for (double x; fields >> x;) row.push_back(x);
    if (!row.empty()) rows.push_back(row);
  }
  return rows;
}

void BM_Rips(benchmark::State& state, const std::string& name, int dim,
             std::optional<double> threshold) {
  const DistanceMatrix d = DistanceMatrix::euclidean(PointCloud::from_rows(dataset(name)));
  topospec::RipsPersistenceOptions opts;
  opts.max_dim = dim;
  opts.threshold = threshold;
  opts.coefficients = Coefficients::prime_field(2);
  topospec::Barcode bars;
  for (auto _ : state) {
    bars = topospec::rips_persistence(d, opts);
    benchmark::DoNotOptimize(bars);
  }
  for (int q = 0; q <= dim; ++q)
    state.counters["bars" + std::to_string(q)] = static_cast<double>(bars.bars[q].size());
}
BENCHMARK_CAPTURE(BM_Rips, sphere_3_192, std::string("sphere_3_192"), 2, std::nullopt)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Rips, o3_1024, std::string("o3_1024"), 3, 1.8)->Unit(benchmark::kMillisecond);

int run_once(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: --run FILE DIM [THRESHOLD|none] [MODULUS]\n";
    return 2;
  }
  topospec::RipsPersistenceOptions opts;
  opts.max_dim = std::atoi(argv[3]);
  if (argc > 4 && std::string(argv[4]) != "none") opts.threshold = std::atof(argv[4]);
  opts.coefficients = Coefficients::prime_field(argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 2);
  const auto start = std::chrono::steady_clock::now();
  const DistanceMatrix d = DistanceMatrix::euclidean(PointCloud::from_rows(read_points(argv[2])));
  const topospec::Barcode bars = topospec::rips_persistence(d, opts);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("tool=topospec seconds=%.3f bars=[", seconds);
  for (int q = 0; q <= opts.max_dim; ++q)
    std::printf("%s%zu", q ? ", " : "", bars.bars[q].size());
  std::printf("]\n");
  if (std::getenv("TOPOSPEC_PRINT_BARS"))
    for (int q = 0; q <= opts.max_dim; ++q)
      for (const auto& b : bars.bars[q]) std::printf("%d %.9g %.9g\n", q, b.birth, b.death);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--run") return run_once(argc, argv);
  if (argc > 1 && std::string(argv[1]) == "--write-points") {
    if (argc < 4) {
      std::cerr << "usage: --write-points NAME FILE\n";
      return 2;
    }
    std::FILE* out = std::fopen(argv[3], "w");
    if (!out) return 2;
    for (const auto& row : dataset(argv[2])) {
      for (std::size_t i = 0; i < row.size(); ++i)
        std::fprintf(out, "%s%.17g", i ? "," : "", row[i]);
      std::fprintf(out, "\n");
    }
    std::fclose(out);
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

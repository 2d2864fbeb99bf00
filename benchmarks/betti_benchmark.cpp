// Betti numbers of complexes with 10^6+ simplices over Z/2, Q and Z (Google Benchmark).
//
//  * grid/N: the Freudenthal triangulation of an N×N×N grid of cubes (each cube split into 6
//    tetrahedra along its main diagonal; vertex (x, y, z) has id x + (N+1)(y + (N+1)z)).
//    N = 40: 1.69·10^6 simplices, N = 50: 3.30·10^6. β = (1, 0, 0, 0).
//  * rgg/n: the clique (flag) complex of the random geometric graph on n points uniform in the
//    unit cube, edges at distance ≤ r (average degree 15); points from splitmix64 with seed 42,
//    so peer_gudhi_betti.py builds exactly the same complex.
//
// Building the complex (closure + boundary matrices) is timed separately (BM_Build*), so
// BM_Betti* time homology() alone. benchmarks/run_betti_peer.sh runs this against GUDHI.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/generators.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace {

using topospec::Simplex;
using topospec::VertexId;

// splitmix64, as in peer_gudhi_betti.py.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

// The cliques that cover the flag complex of the geometric graph: each clique grown from its
// smallest vertex through larger common neighbours until none is left (every maximal clique
// is among them; the closure removes the rest).
std::vector<Simplex> geometric_clique_cover(int n, double r, std::uint64_t seed) {
  SplitMix64 rng{seed};
  std::vector<std::array<double, 3>> p(n);
  for (auto& x : p)
    for (double& c : x) c = rng.uniform();
  const int g = std::max(1, static_cast<int>(1.0 / r));  // buckets of side ≥ r
  auto cell = [g](double c) { return std::min(g - 1, static_cast<int>(c * g)); };
  std::vector<std::vector<int>> bucket(static_cast<std::size_t>(g) * g * g);
  for (int i = 0; i < n; ++i)
    bucket[(static_cast<std::size_t>(cell(p[i][0])) * g + cell(p[i][1])) * g + cell(p[i][2])]
        .push_back(i);
  std::vector<std::vector<int>> up(n);  // neighbours with a larger index, increasing
  for (int i = 0; i < n; ++i) {
    const int ci[3] = {cell(p[i][0]), cell(p[i][1]), cell(p[i][2])};
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy)
        for (int dz = -1; dz <= 1; ++dz) {
          const int x = ci[0] + dx, y = ci[1] + dy, z = ci[2] + dz;
          if (x < 0 || y < 0 || z < 0 || x >= g || y >= g || z >= g) continue;
          for (int j : bucket[(static_cast<std::size_t>(x) * g + y) * g + z]) {
            if (j <= i) continue;
            const double a = p[i][0] - p[j][0], b = p[i][1] - p[j][1], c = p[i][2] - p[j][2];
            if (std::sqrt(a * a + b * b + c * c) <= r) up[i].push_back(j);
          }
        }
    std::sort(up[i].begin(), up[i].end());
  }
  std::vector<Simplex> out;
  Simplex clique;
  std::vector<std::vector<int>> candidates(1);
  auto grow = [&](auto&& self, std::size_t depth) -> void {
    if (candidates[depth].empty()) {
      out.push_back(clique);
      return;
    }
    if (candidates.size() <= depth + 1) candidates.resize(depth + 2);
    for (std::size_t k = 0; k < candidates[depth].size(); ++k) {
      const int v = candidates[depth][k];
      auto& next = candidates[depth + 1];
      next.clear();
      std::set_intersection(candidates[depth].begin() + static_cast<std::ptrdiff_t>(k) + 1,
                            candidates[depth].end(), up[v].begin(), up[v].end(),
                            std::back_inserter(next));
      clique.push_back(v);
      self(self, depth + 1);
      clique.pop_back();
    }
  };
  for (int i = 0; i < n; ++i) {
    clique = {i};
    candidates[0] = up[i];
    grow(grow, 0);
  }
  return out;
}

// Benchmark inputs, built once per process.
struct Input {
  std::size_t simplices = 0;
  topospec::ChainComplex complex;
};

const Input& grid(int n) {
  static std::map<int, std::unique_ptr<Input>> cache;
  auto& slot = cache[n];
  if (!slot) {
    const auto k = topospec::generators::freudenthal_grid(n, n, n);
    slot = std::make_unique<Input>(Input{k.total_size(), topospec::chain_complex(k)});
  }
  return *slot;
}

// rgg/n: n points, r chosen for an average degree of about 15 (4/3·π·r³·n = 15, ignoring the
// boundary); n = 13000 gives about 10^6 simplices of dimension up to 13.
double rgg_radius(int n) { return std::cbrt(15.0 / (4.18879020478639 * n)); }
constexpr std::uint64_t kRggSeed = 42;

const Input& rgg(int n) {
  static std::map<int, std::unique_ptr<Input>> cache;
  auto& slot = cache[n];
  if (!slot) {
    const auto k = topospec::SimplicialComplex::from_simplices(
        geometric_clique_cover(n, rgg_radius(n), kRggSeed));
    slot = std::make_unique<Input>(Input{k.total_size(), topospec::chain_complex(k)});
  }
  return *slot;
}

topospec::Coefficients coefficients(int which) {
  switch (which) {
    case 0:
      return topospec::Coefficients::prime_field(2);
    case 1:
      return topospec::Coefficients::rationals();
    default:
      return topospec::Coefficients::integers();
  }
}

void run_betti(benchmark::State& state, const Input& in, int which) {
  topospec::HomologyOptions options;
  options.coefficients = coefficients(which);
  topospec::HomologyResult h;
  for (auto _ : state) {
    h = topospec::homology(in.complex, options);
    benchmark::DoNotOptimize(h.betti.data());
  }
  state.counters["simplices"] = static_cast<double>(in.simplices);
  state.counters["certain"] = h.certain ? 1 : 0;
  constexpr const char* kNames[] = {"b0", "b1", "b2", "b3"};
  for (std::size_t q = 0; q < h.betti.size() && q < 4; ++q)
    state.counters[kNames[q]] = static_cast<double>(h.betti[q]);
}

// Arguments: (N or n, coefficients: 0 = Z2, 1 = Q, 2 = Z).
void BM_BettiGrid(benchmark::State& state) {
  run_betti(state, grid(static_cast<int>(state.range(0))), static_cast<int>(state.range(1)));
}
void BM_BettiRgg(benchmark::State& state) {
  run_betti(state, rgg(static_cast<int>(state.range(0))), static_cast<int>(state.range(1)));
}

// Closure + boundary matrices, the part that precedes homology().
void BM_BuildGrid(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::size_t simplices = 0;
  for (auto _ : state) {
    const auto k = topospec::generators::freudenthal_grid(n, n, n);
    const auto c = topospec::chain_complex(k);
    simplices = k.total_size();
    benchmark::DoNotOptimize(c.dims().data());
  }
  state.counters["simplices"] = static_cast<double>(simplices);
}
void BM_BuildRgg(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::size_t simplices = 0;
  for (auto _ : state) {
    const auto k = topospec::SimplicialComplex::from_simplices(
        geometric_clique_cover(n, rgg_radius(n), kRggSeed));
    const auto c = topospec::chain_complex(k);
    simplices = k.total_size();
    benchmark::DoNotOptimize(c.dims().data());
  }
  state.counters["simplices"] = static_cast<double>(simplices);
}

BENCHMARK(BM_BettiGrid)
    ->ArgNames({"N", "coeff"})
    ->ArgsProduct({{20, 40, 50}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BettiRgg)
    ->ArgNames({"n", "coeff"})
    ->ArgsProduct({{2000, 13000}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildGrid)
    ->ArgName("N")
    ->Arg(20)
    ->Arg(40)
    ->Arg(50)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_BuildRgg)
    ->ArgName("n")
    ->Arg(2000)
    ->Arg(13000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();

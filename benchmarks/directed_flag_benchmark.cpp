// Directed flag complexes of Erdős–Rényi digraphs (Google Benchmark).
//
//  * er/n/permille: n vertices, each ordered pair (i, j), i ≠ j, an arc with probability
//    permille/1000. Pair k = i·n + j is an arc iff (splitmix64 mix of seed + (k+1)·γ) >> 11 is
//    below ⌊permille · 2^53 / 1000⌋, seed 42 — counter-based, so peer_flagser.py draws exactly the
//    same digraph with numpy. n = 10^4: permille 5 ≈ 5·10^5 arcs, permille 7 ≈ 7·10^5.
//
// BM_Count times directed_flag_counts (no storage); BM_Build directed_flag_complex (counting,
// enumeration, boundary matrices); BM_Homology homology over Z/2 of the built complex in every
// degree it reaches. Counters: simplices, s0 … s4 (per dimension), b0 … b3 (Betti numbers).
// benchmarks/run_flagser_peer.sh runs this against flagser (pyflagser) on the same digraph.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "topospec/hypergraph/directed_flag_complex.hpp"
#include "topospec/topology/homology.hpp"

namespace {

using topospec::Arc;
using topospec::ChainComplex;
using topospec::Digraph;
using topospec::VertexId;

constexpr std::uint64_t kSeed = 42;
constexpr int kTop = 10;  // above any dimension these densities reach

std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Digraph erdos_renyi(std::int64_t n, std::int64_t permille) {
  const std::uint64_t threshold = static_cast<std::uint64_t>(permille) * (std::uint64_t{1} << 53) / 1000;
  std::vector<Arc> arcs;
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const auto k = static_cast<std::uint64_t>(i * n + j);
      if ((mix(kSeed + (k + 1) * 0x9e3779b97f4a7c15ULL) >> 11) < threshold)
        arcs.push_back({static_cast<VertexId>(i), static_cast<VertexId>(j), std::nullopt});
    }
  return Digraph::from_arcs(static_cast<std::size_t>(n), arcs);
}

// Built once per (n, permille) and shared by the benchmarks of one process.
const Digraph& digraph(std::int64_t n, std::int64_t permille) {
  static std::map<std::pair<std::int64_t, std::int64_t>, std::unique_ptr<Digraph>> cache;
  auto& slot = cache[{n, permille}];
  if (!slot) slot = std::make_unique<Digraph>(erdos_renyi(n, permille));
  return *slot;
}

const char* const kS[] = {"s0", "s1", "s2", "s3", "s4"};
const char* const kB[] = {"b0", "b1", "b2", "b3"};

void set_counts(benchmark::State& state, const std::vector<std::size_t>& counts) {
  std::size_t total = 0;
  for (std::size_t q = 0; q < counts.size(); ++q) {
    total += counts[q];
    if (q < 5) state.counters[kS[q]] = static_cast<double>(counts[q]);
  }
  state.counters["simplices"] = static_cast<double>(total);
}

void BM_Count(benchmark::State& state) {
  const Digraph& g = digraph(state.range(0), state.range(1));
  std::vector<std::size_t> counts;
  for (auto _ : state) {
    counts = topospec::directed_flag_counts(g, kTop);
    benchmark::DoNotOptimize(counts.data());
  }
  state.counters["arcs"] = static_cast<double>(g.arc_count());
  set_counts(state, counts);
}

void BM_Build(benchmark::State& state) {
  const Digraph& g = digraph(state.range(0), state.range(1));
  topospec::DirectedFlagOptions options;
  options.top = kTop;
  std::vector<std::size_t> dims;
  for (auto _ : state) {
    const ChainComplex c = topospec::directed_flag_complex(g, options);
    dims = c.dims();
    benchmark::DoNotOptimize(dims.data());
  }
  set_counts(state, dims);
}

void BM_Homology(benchmark::State& state) {
  const Digraph& g = digraph(state.range(0), state.range(1));
  topospec::DirectedFlagOptions options;
  options.top = kTop;
  const ChainComplex c = topospec::directed_flag_complex(g, options);
  topospec::HomologyOptions h;
  h.coefficients = topospec::Coefficients::prime_field(2);
  topospec::HomologyResult r;
  for (auto _ : state) {
    r = topospec::homology(c, h);
    benchmark::DoNotOptimize(r.betti.data());
  }
  set_counts(state, c.dims());
  for (std::size_t q = 0; q < r.betti.size() && q <= 3; ++q)
    state.counters[kB[q]] = static_cast<double>(r.betti[q]);
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"n", "permille"})->Args({10000, 5})->Args({10000, 7});
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK(BM_Count)->Apply(Sizes);
BENCHMARK(BM_Build)->Apply(Sizes);
BENCHMARK(BM_Homology)->Apply(Sizes)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();

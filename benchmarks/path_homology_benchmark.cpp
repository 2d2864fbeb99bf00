// GLMY path homology (regular theory) of two workloads (Google Benchmark), against grpphati
// (benchmarks/peer_grpphati.py, run together by benchmarks/run_grpphati_peer.sh).
//
// Digraphs (benchmarks/peer_grpphati.py draws exactly the same arcs):
//  * wedge: two complete digraphs K_50 sharing vertex 0 — K on {0, …, 49} and K on
//    {0, 50, …, 98}, every arc i → j and j → i within each: 99 vertices, 4900 arcs (grpphati's
//    README benchmark, examples/readme_2.py).
//  * random/n: n vertices, average out-degree 3, no self-loops. Pair k = i·n + j (i ≠ j) is an
//    arc iff (splitmix64 mix of seed + (k+1)·γ) >> 11 is below ⌊3 · 2^53 / (n − 1)⌋, seed 42 —
//    counter-based as in directed_flag_benchmark, so numpy reproduces it. n = 1000: ≈ 3000 arcs.
//
// Benchmarks (every iteration builds Ω with path_complex and then runs the algorithm):
//  * BM_WedgeHomology: Ω_0 … Ω_2 over Z/2 (top = 2), homology over Z/2 in degrees 0, 1.
//  * BM_WedgePersistence/weights:0: every arc weight 1 (grpphati's unit weights), persistence()
//    over Z/2 up to degree 1 — all cells enter at 1, so no finite bar, β as above.
//  * BM_WedgePersistence/weights:1: the shortest-path filtration (grpphati's
//    ShortestPathFiltration, Chowdhury–Mémoli PPH of it = grpphati's standard `PPH` without
//    cone-time truncation): every ordered pair u ≠ v at the hop distance d(u, v) (1 inside a K_50,
//    2 across), i.e. the complete digraph on 99 vertices, persistence up to degree 1 over Z/2.
//  * BM_RandomH1/n: top = 2, homology over Z/2 in degrees 0, 1 (the H_1-only task grpphati does).
//  * BM_RandomHomology/n/modulus: top = 4, β_0 … β_3 over Z/2 (modulus 2: Ω over F_2) or Q
//    (modulus 0: Ω over Z, homology over Q).
//  * BM_RandomRanks/n/modulus: path_betti_by_ranks(g, 3, Regular, Z/2 or Q) — no Ω basis.
// Counters: arcs, arcsum (Σ tail·n + head, to check the peer drew the same arcs), omega0 … omega4
// (dim Ω_p), b0 … b3 (Betti numbers); persistence: h1_bars, h1_inf (infinite H_1 bars),
// h1_alive1 (H_1 bars alive at t = 1: birth ≤ 1 < death). The homology benchmarks also split one
// extra (untimed) run into stages, in seconds: t_paths (allowed_paths: enumeration and ambient
// boundaries), t_inf (infimum_complex: the Ω blocks), t_hom (homology or persistence).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "topospec/hypergraph/path_complex.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/persistence.hpp"

namespace {

using topospec::Arc;
using topospec::Digraph;
using topospec::VertexId;

constexpr std::uint64_t kSeed = 42;
constexpr int kWedgeK = 50;

std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The arcs of the wedge of two K_50 (vertex 0 shared).
std::vector<std::pair<std::uint32_t, std::uint32_t>> wedge_arcs() {
  std::vector<std::uint32_t> a, b;
  for (int i = 0; i < kWedgeK; ++i) a.push_back(static_cast<std::uint32_t>(i));
  b.push_back(0);
  for (int i = kWedgeK; i < 2 * kWedgeK - 1; ++i) b.push_back(static_cast<std::uint32_t>(i));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  for (const auto* part : {&a, &b})
    for (std::uint32_t u : *part)
      for (std::uint32_t v : *part)
        if (u != v) arcs.emplace_back(u, v);
  return arcs;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> random_arcs(std::int64_t n) {
  const std::uint64_t threshold = 3 * (std::uint64_t{1} << 53) / static_cast<std::uint64_t>(n - 1);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const auto k = static_cast<std::uint64_t>(i * n + j);
      if ((mix(kSeed + (k + 1) * 0x9e3779b97f4a7c15ULL) >> 11) < threshold)
        arcs.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
    }
  return arcs;
}

// Hop distances from every vertex (BFS); -1 when unreachable.
std::vector<std::vector<int>> hop_distances(std::size_t n,
                                            const std::vector<std::pair<std::uint32_t, std::uint32_t>>& arcs) {
  std::vector<std::vector<std::uint32_t>> out(n);
  for (auto [u, v] : arcs) out[u].push_back(v);
  std::vector<std::vector<int>> d(n, std::vector<int>(n, -1));
  for (std::size_t s = 0; s < n; ++s) {
    std::deque<std::uint32_t> queue{static_cast<std::uint32_t>(s)};
    d[s][s] = 0;
    while (!queue.empty()) {
      const std::uint32_t u = queue.front();
      queue.pop_front();
      for (std::uint32_t v : out[u])
        if (d[s][v] < 0) {
          d[s][v] = d[s][u] + 1;
          queue.push_back(v);
        }
    }
  }
  return d;
}

struct Workload {
  std::size_t n = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  Digraph g;
};

// mode 0: unweighted; 1: every arc weight 1; 2: shortest-path closure (every reachable pair at
// its hop distance).
Workload make_workload(std::size_t n, std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs, int mode) {
  Workload w;
  w.n = n;
  std::vector<Arc> list;
  if (mode == 2) {
    const auto d = hop_distances(n, arcs);
    for (std::size_t u = 0; u < n; ++u)
      for (std::size_t v = 0; v < n; ++v)
        if (u != v && d[u][v] > 0)
          list.push_back({static_cast<VertexId>(u), static_cast<VertexId>(v), double(d[u][v])});
  } else {
    for (auto [u, v] : arcs)
      list.push_back({static_cast<VertexId>(u), static_cast<VertexId>(v),
                      mode == 1 ? std::optional<double>(1.0) : std::nullopt});
  }
  w.arcs = std::move(arcs);
  w.g = Digraph::from_arcs(n, list);
  return w;
}

const Workload& wedge(int mode) {
  static std::map<int, std::unique_ptr<Workload>> cache;
  auto& slot = cache[mode];
  if (!slot) slot = std::make_unique<Workload>(make_workload(2 * kWedgeK - 1, wedge_arcs(), mode));
  return *slot;
}

const Workload& random_digraph(std::int64_t n) {
  static std::map<std::int64_t, std::unique_ptr<Workload>> cache;
  auto& slot = cache[n];
  if (!slot) slot = std::make_unique<Workload>(make_workload(static_cast<std::size_t>(n), random_arcs(n), 0));
  return *slot;
}

const char* const kOmega[] = {"omega0", "omega1", "omega2", "omega3", "omega4"};
const char* const kB[] = {"b0", "b1", "b2", "b3"};

void set_graph(benchmark::State& state, const Workload& w) {
  state.counters["arcs"] = static_cast<double>(w.arcs.size());
  double sum = 0;
  for (auto [u, v] : w.arcs) sum += static_cast<double>(u) * static_cast<double>(w.n) + v;
  state.counters["arcsum"] = sum;
}

void set_dims(benchmark::State& state, const std::vector<std::size_t>& dims) {
  for (std::size_t q = 0; q < dims.size() && q < 5; ++q) state.counters[kOmega[q]] = static_cast<double>(dims[q]);
}

void set_betti(benchmark::State& state, const std::vector<std::size_t>& betti) {
  for (std::size_t q = 0; q < betti.size() && q < 4; ++q) state.counters[kB[q]] = static_cast<double>(betti[q]);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

topospec::Coefficients coefficients_of(std::uint32_t modulus) {
  return modulus == 0 ? topospec::Coefficients::rationals() : topospec::Coefficients::prime_field(modulus);
}

// One untimed run split into stages (allowed paths, Ω blocks, homology).
void stage_times(benchmark::State& state, const Digraph& g, const topospec::PathComplexOptions& options,
                 int max_dim, bool persistent) {
  auto t0 = std::chrono::steady_clock::now();
  topospec::AllowedPaths paths = topospec::allowed_paths(g, options);
  state.counters["t_paths"] = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  topospec::InfimumOptions io;
  io.modulus = options.modulus;
  const topospec::InfimumComplex c = topospec::infimum_complex(paths.degrees, paths.labels, io);
  state.counters["t_inf"] = seconds_since(t0);
  std::size_t largest = 0, blocks = 0;
  for (std::size_t q = 0; q < c.blocks.size(); ++q) {
    blocks += c.blocks[q];
    largest = std::max(largest, c.largest_block[q]);
  }
  state.counters["blocks"] = static_cast<double>(blocks);
  state.counters["largest_block"] = static_cast<double>(largest);
  t0 = std::chrono::steady_clock::now();
  if (persistent) {
    topospec::PersistenceOptions po;
    po.coefficients = coefficients_of(options.modulus);
    po.max_dim = max_dim;
    benchmark::DoNotOptimize(topospec::persistence(c.chains, po));
  } else {
    topospec::HomologyOptions h;
    h.coefficients = coefficients_of(options.modulus);
    h.max_dim = max_dim;
    benchmark::DoNotOptimize(topospec::homology(c.chains, h));
  }
  state.counters["t_hom"] = seconds_since(t0);
}

void run_homology(benchmark::State& state, const Workload& w, int top, std::uint32_t modulus) {
  topospec::PathComplexOptions options;
  options.top = top;
  options.modulus = modulus;
  topospec::HomologyOptions h;
  h.coefficients = coefficients_of(modulus);
  h.max_dim = top - 1;
  std::vector<std::size_t> dims, betti;
  for (auto _ : state) {
    const topospec::InfimumComplex c = topospec::path_complex(w.g, options);
    const topospec::HomologyResult r = topospec::homology(c.chains, h);
    dims = c.chains.dims();
    betti = r.betti;
    benchmark::DoNotOptimize(betti.data());
  }
  set_graph(state, w);
  set_dims(state, dims);
  set_betti(state, betti);
  stage_times(state, w.g, options, top - 1, false);
}

void BM_WedgeHomology(benchmark::State& state) { run_homology(state, wedge(0), 2, 2); }

void BM_WedgePersistence(benchmark::State& state) {
  const Workload& w = wedge(state.range(0) == 0 ? 1 : 2);
  topospec::PathComplexOptions options;
  options.top = 2;
  options.modulus = 2;
  topospec::PersistenceOptions po;
  po.coefficients = topospec::Coefficients::prime_field(2);
  po.max_dim = 1;
  std::vector<std::size_t> dims;
  topospec::Barcode bars;
  for (auto _ : state) {
    const topospec::InfimumComplex c = topospec::path_complex(w.g, options);
    bars = topospec::persistence(c.chains, po);
    dims = c.chains.dims();
    benchmark::DoNotOptimize(bars.bars.data());
  }
  set_graph(state, wedge(0));  // the underlying digraph (the closure adds arcs)
  state.counters["filtration_arcs"] = static_cast<double>(w.g.arc_count());
  set_dims(state, dims);
  std::size_t inf = 0;
  for (const auto& b : bars.degree(1)) inf += b.infinite() ? 1 : 0;
  state.counters["h0_bars"] = static_cast<double>(bars.degree(0).size());
  state.counters["h1_bars"] = static_cast<double>(bars.degree(1).size());
  state.counters["h1_inf"] = static_cast<double>(inf);
  state.counters["h1_alive1"] = static_cast<double>(bars.betti(1, 1.0));
  stage_times(state, w.g, options, 1, true);
}

void BM_RandomH1(benchmark::State& state) { run_homology(state, random_digraph(state.range(0)), 2, 2); }

void BM_RandomHomology(benchmark::State& state) {
  run_homology(state, random_digraph(state.range(0)), 4, static_cast<std::uint32_t>(state.range(1)));
}

void BM_RandomRanks(benchmark::State& state) {
  const Workload& w = random_digraph(state.range(0));
  const auto coefficients = coefficients_of(static_cast<std::uint32_t>(state.range(1)));
  std::vector<std::size_t> betti;
  for (auto _ : state) {
    betti = topospec::path_betti_by_ranks(w.g, 3, topospec::PathTheory::Regular, coefficients);
    benchmark::DoNotOptimize(betti.data());
  }
  set_graph(state, w);
  set_betti(state, betti);
}

BENCHMARK(BM_WedgeHomology)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WedgePersistence)->ArgName("weights")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RandomH1)->ArgName("n")->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RandomHomology)
    ->ArgNames({"n", "modulus"})
    ->Args({1000, 2})
    ->Args({1000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RandomRanks)
    ->ArgNames({"n", "modulus"})
    ->Args({1000, 2})
    ->Args({1000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

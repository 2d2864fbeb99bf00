// Embedded homology of random hypergraphs with up to 10^5 hyperedges (Google Benchmark).
//
// The hypergraph random/M: M hyperedges of 1–4 distinct vertices (size 1 + r mod 4, vertices
// r mod n) over n = max(4, M/5) vertices, from splitmix64 with seed 42, duplicates kept — the
// same draw as peer_hypernetx.py. convention 0 = "listed", 1 = "all" (every vertex also a
// 0-hyperedge, which makes Inf_1 all the 2-hyperedges).
//
//  * BM_Generators: hyperedges → generators and closure boundaries (hypergraph_generators).
//  * BM_EmbeddedComplex: the Inf chain complex (exact and orthonormal bases).
//  * BM_EmbeddedBetti: Inf chain complex + homology over Q (the whole embedded-homology path).
//  * BM_BettiByRanks: the rank-only supremum formula over Q (coeff 0) or Z/2 (coeff 1).
//  * BM_ClosureBettiZ2: homology of the closure ΔH over Z/2 — the quantity HyperNetX's
//    homology_mod2 computes (a different one), for the peer comparison.
// benchmarks/run_hypernetx_peer.sh runs these against HyperNetX.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "topospec/hypergraph/hypergraph.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace {

using namespace topospec;

// splitmix64, as in peer_hypernetx.py.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

std::vector<Hyperedge> random_hyperedges(std::int64_t m) {
  SplitMix64 rng{42};
  const std::uint64_t n = static_cast<std::uint64_t>(std::max<std::int64_t>(4, m / 5));
  std::vector<Hyperedge> out;
  out.reserve(static_cast<std::size_t>(m));
  for (std::int64_t i = 0; i < m; ++i) {
    const std::uint64_t size = 1 + rng.next() % 4;
    Simplex s;
    while (s.size() < size) {
      const auto v = static_cast<VertexId>(rng.next() % n);
      if (std::find(s.begin(), s.end(), v) == s.end()) s.push_back(v);
    }
    out.push_back({std::move(s), std::nullopt});
  }
  return out;
}

Hypergraph random_hypergraph(std::int64_t m, std::int64_t convention) {
  return Hypergraph::from_hyperedges(random_hyperedges(m), {},
                                     convention ? VertexConvention::All : VertexConvention::Listed);
}

void set_betti(benchmark::State& state, const std::vector<std::size_t>& betti) {
  for (std::size_t q = 0; q < betti.size(); ++q)
    state.counters[std::string("b").append(std::to_string(q))] = static_cast<double>(betti[q]);
}

void BM_Generators(benchmark::State& state) {
  const Hypergraph h = random_hypergraph(state.range(0), state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(hypergraph_generators(h, h.top_degree()));
  state.counters["hyperedges"] = static_cast<double>(h.size());
}

void BM_EmbeddedComplex(benchmark::State& state) {
  const Hypergraph h = random_hypergraph(state.range(0), state.range(1));
  std::size_t cells = 0;
  for (auto _ : state) {
    const InfimumComplex inf = embedded_complex(h);
    cells = 0;
    for (std::size_t d : inf.chains.dims()) cells += d;
    benchmark::DoNotOptimize(cells);
  }
  state.counters["hyperedges"] = static_cast<double>(h.size());
  state.counters["inf_cells"] = static_cast<double>(cells);
}

void BM_EmbeddedBetti(benchmark::State& state) {
  const Hypergraph h = random_hypergraph(state.range(0), state.range(1));
  std::vector<std::size_t> betti;
  for (auto _ : state) {
    const InfimumComplex inf = embedded_complex(h);
    HomologyOptions o;
    o.max_dim = h.top_degree();
    betti = homology(inf.chains, o).betti;
  }
  state.counters["hyperedges"] = static_cast<double>(h.size());
  set_betti(state, betti);
}

void BM_BettiByRanks(benchmark::State& state) {
  const Hypergraph h = random_hypergraph(state.range(0), state.range(1));
  const Coefficients k = state.range(2) ? Coefficients::prime_field(2) : Coefficients::rationals();
  std::vector<std::size_t> betti;
  for (auto _ : state) betti = embedded_betti_by_ranks(h, h.top_degree(), k);
  state.counters["hyperedges"] = static_cast<double>(h.size());
  set_betti(state, betti);
}

// Closure ΔH over Z/2 (build of the closure included, as HyperNetX's chain_complex is timed).
void BM_ClosureBettiZ2(benchmark::State& state) {
  std::vector<Simplex> simplices;
  for (Hyperedge& e : random_hyperedges(state.range(0))) simplices.push_back(std::move(e.vertices));
  std::vector<std::size_t> betti;
  std::size_t cells = 0;
  for (auto _ : state) {
    const SimplicialComplex k = SimplicialComplex::from_simplices(simplices);
    HomologyOptions o;
    o.coefficients = Coefficients::prime_field(2);
    betti = homology(chain_complex(k), o).betti;
    cells = k.total_size();
  }
  state.counters["closure_cells"] = static_cast<double>(cells);
  set_betti(state, betti);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (std::int64_t m : {1000, 10000, 100000})
    for (std::int64_t convention : {0, 1}) b->Args({m, convention});
  b->ArgNames({"M", "convention"})->Unit(benchmark::kMillisecond);
}

void sizes_and_fields(benchmark::internal::Benchmark* b) {
  for (std::int64_t m : {1000, 10000, 100000})
    for (std::int64_t convention : {0, 1})
      for (std::int64_t coeff : {0, 1}) b->Args({m, convention, coeff});
  b->ArgNames({"M", "convention", "coeff"})->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_Generators)->Apply(sizes);
BENCHMARK(BM_EmbeddedComplex)->Apply(sizes);
BENCHMARK(BM_EmbeddedBetti)->Apply(sizes);
BENCHMARK(BM_BettiByRanks)->Apply(sizes_and_fields);
// The sizes run_hypernetx_peer.sh tries with HyperNetX, then 10^4 and 10^5.
BENCHMARK(BM_ClosureBettiZ2)
    ->ArgName("M")
    ->Apply([](benchmark::internal::Benchmark* b) {
      for (std::int64_t m : {100, 300, 500, 1000, 2000, 3000, 10000, 100000}) b->Arg(m);
    })
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

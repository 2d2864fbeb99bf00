// Random case documents for differential testing (`topospec verify --random N --seed S`): the
// library computes the expected answers, a candidate is compared against them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topospec::verify {

// Which inputs random_case draws: simplicial complexes (filtered complexes when a persistent
// quantity is wanted), digraphs (path complexes), hypergraphs (embedded homology), or a mix of
// the three chosen by the seed.
enum class RandomInput { Simplicial, Digraph, Hypergraph, Mixed };
// "simplicial", "digraph", "hypergraph", "mixed".
std::optional<RandomInput> parse_random_input(std::string_view name);

struct RandomCaseOptions {
  int max_vertices = 9;
  int max_dim = 3;
  std::vector<std::string> want = {"chain_dims",     "betti",
                                   "euler_characteristic", "boundary_ranks",
                                   "laplacian_spectrum",   "dirac_spectrum"};
  bool vary_coefficients = true;
  // Digraphs and hypergraphs have at most 7 vertices (min with max_vertices) and never want
  // euler_characteristic (simplicial inputs only).
  RandomInput input = RandomInput::Simplicial;
};

// A full case document (format, name "random-<seed>", input per options.input, options, want;
// no expect). Deterministic in `seed` on every platform (own splitmix64, no std distributions).
nlohmann::json random_case(std::uint64_t seed, const RandomCaseOptions& options = {});

}  // namespace topospec::verify

/// \file
/// \ingroup verify
/// Random case documents for differential testing (`topospec verify --random N --seed S`): the
/// library computes the expected answers, a candidate is compared against them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topospec::verify {

/// Which inputs random_case draws: simplicial complexes (filtered complexes when a persistent
/// quantity is wanted), digraphs (path complexes), hypergraphs (embedded homology), or a mix of
/// the three chosen by the seed.
enum class RandomInput { Simplicial, Digraph, Hypergraph, Mixed };
/// \var topospec::verify::RandomInput::Simplicial
/// Simplicial complexes (filtered complexes when a persistent quantity is wanted).
/// \var topospec::verify::RandomInput::Digraph
/// Digraphs (path complexes).
/// \var topospec::verify::RandomInput::Hypergraph
/// Hypergraphs (embedded homology).
/// \var topospec::verify::RandomInput::Mixed
/// Any of the three, chosen by the seed.

/// The RandomInput of a name: "simplicial", "digraph", "hypergraph", "mixed"; nullopt for any
/// other name.
std::optional<RandomInput> parse_random_input(std::string_view name);

/// What random_case() generates.
struct RandomCaseOptions {
  /// Largest number of vertices (named simplicial complexes may exceed it by up to 4).
  int max_vertices = 9;
  /// Largest simplex dimension of a simplicial input; also bounds a digraph's option max_dim.
  int max_dim = 3;
  /// The quantities the case wants (CASES.md keys).
  std::vector<std::string> want = {"chain_dims",     "betti",
                                   "euler_characteristic", "boundary_ranks",
                                   "laplacian_spectrum",   "dirac_spectrum"};
  /// Draw the option coefficients ("Q", "Z2", "Zp:3", "Zp:5", "Z"); false: the default Q.
  bool vary_coefficients = true;
  /// The input type to draw. Digraphs and hypergraphs have at most 7 vertices (min with
  /// max_vertices) and never want euler_characteristic (simplicial inputs only).
  RandomInput input = RandomInput::Simplicial;
};

/// A full case document (format, name `random-<seed>`, input per options.input, options, want;
/// no expect). Deterministic in `seed` on every platform (own splitmix64, no std distributions).
nlohmann::json random_case(std::uint64_t seed, const RandomCaseOptions& options = {});

}  // namespace topospec::verify

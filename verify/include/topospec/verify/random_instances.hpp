// Random case documents for differential testing (`topospec verify --random N --seed S`): the
// library computes the expected answers, a candidate is compared against them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace topospec::verify {

struct RandomCaseOptions {
  int max_vertices = 9;
  int max_dim = 3;
  std::vector<std::string> want = {"chain_dims",     "betti",
                                   "euler_characteristic", "boundary_ranks",
                                   "laplacian_spectrum",   "dirac_spectrum"};
  bool vary_coefficients = true;
};

// A full case document (format, name "random-<seed>", input simplicial_complex, options, want;
// no expect). Deterministic in `seed` on every platform (own splitmix64, no std distributions).
nlohmann::json random_case(std::uint64_t seed, const RandomCaseOptions& options = {});

}  // namespace topospec::verify

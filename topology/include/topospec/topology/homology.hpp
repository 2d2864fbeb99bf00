// Exact homology of a chain complex: Betti numbers over Q, Z/p (p prime < 2^31) and Z, the
// torsion of integral homology, boundary ranks. Ranks come from sparse exact elimination
// (over Z/p, or over Z for Smith normal form), never from floating point.
//
// How Q is obtained: rank_Q(∂) is computed as rank over Z/p for the 31-bit prime
// p = 2147483647 (the elimination is exact mod p). rank_p ≤ rank_Q always, and they are equal
// unless p divides an invariant factor of ∂ (a torsion coefficient of integral homology).
// `certain` reports whether that possibility is excluded: true when every rank is full
// (= min(rows, cols)), or when the Z computation (Smith normal form) was used, which gives the
// rational ranks exactly; otherwise the result is exact mod p and equals the rational answer
// unless H_*(K; Z) has p-torsion.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

struct HomologyOptions {
  Coefficients coefficients = Coefficients::rationals();
  int max_dim = -1;  // highest degree reported; -1: the top degree of the complex
  // Q only: compute ranks over Z (Smith normal form) instead of mod a large prime, so the
  // answer is certain. Costlier on large complexes.
  bool exact_rationals = false;
  Progress progress;
};

struct HomologyResult {
  Coefficients coefficients;
  std::vector<std::size_t> chain_dims;      // n_0 … n_max_dim
  std::vector<std::size_t> boundary_ranks;  // rank ∂_1 … rank ∂_{max_dim+1}
  std::vector<std::size_t> betti;           // β_0 … β_max_dim (free ranks over Z)
  // Z only: torsion[q] = invariant factors > 1 of H_q(·; Z), increasing (size max_dim + 1).
  std::vector<std::vector<std::int64_t>> torsion;
  bool certain = true;     // see the header comment (always true for Z/p and Z)
  std::string method;      // e.g. "sparse elimination mod 2147483647"
};

// Homology in degrees 0..max_dim; computing degree q uses ∂_{q+1}, so the top answer is never
// truncated.
HomologyResult homology(const ChainComplex& c, const HomologyOptions& options = {});

// rank of an integer matrix over Z/p (exact sparse elimination).
std::size_t rank_mod_p(const IntegerMatrix& m, std::uint32_t p);

// Smith normal form data of an integer matrix: its rank (over Q, = over Z) and the invariant
// factors > 1 (increasing). Throws NumericalFailure if an invariant factor overflows 64 bits.
struct SmithForm {
  std::size_t rank = 0;
  std::vector<std::int64_t> torsion;
};
SmithForm smith_form(const IntegerMatrix& m);

}  // namespace topospec

/// \file
/// \ingroup topology
/// Exact homology of a chain complex: Betti numbers over Q, Z/p (p prime < 2^31) and Z, the
/// torsion of integral homology, boundary ranks. Ranks come from sparse exact elimination
/// (over Z/p, or over Z for Smith normal form), never from floating point.
///
/// Definitions: `H_q = Z_q / B_q` with `Z_q = ker ∂_q` and `B_q = im ∂_{q+1}`; over a field
/// `β_q = dim C_q − rank ∂_q − rank ∂_{q+1}`. Over Z, if ∂_{q+1} has Smith normal form
/// `diag(d_1, …, d_r, 0, …)` then `H_q(·; Z) ≅ Z^{β_q} ⊕ Z/d_1 ⊕ … ⊕ Z/d_r` (factors d_i = 1
/// omitted) with `β_q = dim C_q − rank ∂_q − r`.
///
/// How Q is obtained: rank_Q(∂) is computed as rank over Z/p for the 31-bit prime
/// p = 2147483647 (the elimination is exact mod p). rank_p ≤ rank_Q always, and they are equal
/// unless p divides an invariant factor of ∂ (a torsion coefficient of integral homology).
/// `certain` reports whether that possibility is excluded for every rank: a rank is certified
/// when it is full (= min(rows, cols)), when the elimination mod p was checked to mirror an
/// exact fraction-free elimination over Z (every entry stayed below p/2 in magnitude — the
/// usual case for boundary matrices), or when a neighbouring Betti number mod p is 0 (β_Q ≤ β_p
/// pins both ranks around it). Otherwise `certain` is false and `method` names the uncertain
/// ranks; the result is exact mod p and equals the rational answer unless H_*(K; Z) has
/// p-torsion. With `exact_rationals` the ranks come from the Z computation and are always
/// certain.
///
/// How Z is obtained: ∂_q is reduced mod p as above; when that reduction is exact with ±1
/// pivots every invariant factor is 1. Otherwise the Smith normal form of ∂_q is computed
/// (sparse unit-pivot elimination, then a dense remainder), without the columns of ∂_q that
/// exact ±1 pivots of ∂_{q+1} show to be unimodularly equivalent to zero (clearing).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/coefficients.hpp"
#include "topospec/topology/progress.hpp"

namespace topospec {

/// Options of homology().
struct HomologyOptions {
  Coefficients coefficients = Coefficients::rationals();  ///< Q, Z or Z/p
  int max_dim = -1;  ///< highest degree reported; -1: the top degree of the complex
  /// Q only: take the ranks from the Z computation instead of mod a large prime, so the answer
  /// is always certain. Costlier when the complex has torsion-like (non-unit) pivots.
  bool exact_rationals = false;
  Progress progress;  ///< progress and cancellation callback (may be empty)
};

/// Betti numbers, boundary ranks and (over Z) torsion in degrees 0 … max_dim, where
/// max_dim = options.max_dim, or the top degree (0 for an empty complex) when it is -1.
struct HomologyResult {
  Coefficients coefficients;  ///< the ring the homology is over
  std::vector<std::size_t> chain_dims;      ///< n_0 … n_max_dim
  std::vector<std::size_t> boundary_ranks;  ///< rank ∂_1 … rank ∂_{max_dim+1}
  std::vector<std::size_t> betti;           ///< β_0 … β_max_dim (free ranks over Z)
  /// Z only: torsion[q] = invariant factors > 1 of H_q(·; Z), increasing (size max_dim + 1).
  std::vector<std::vector<std::int64_t>> torsion;
  bool certain = true;  ///< see the file comment (always true for Z/p and Z)
  std::string method;   ///< how the ranks were computed, and for Q which are uncertain
};

/// Homology in degrees 0..max_dim; computing degree q uses ∂_{q+1}, so the top answer is never
/// truncated. Reports progress as ("rank ∂_q", columns done, columns) and ("Smith form ∂_q",
/// 0 or 1, 1). Throws InvalidInput for max_dim < -1 or a Zp coefficient that is not a prime
/// below 2^31 (and, with where() "chain complex", when `∂_q ∂_{q+1} ≠ 0` shows in the ranks),
/// NumericalFailure when an invariant factor overflows 64 bits.
HomologyResult homology(const ChainComplex& c, const HomologyOptions& options = {});

/// rank of an integer matrix over Z/p (exact sparse elimination). Throws InvalidInput when p is
/// not a prime below 2^31.
std::size_t rank_mod_p(const IntegerMatrix& m, std::uint32_t p);

/// Smith normal form data of an integer matrix: its rank (over Q, = over Z) and the invariant
/// factors > 1 (increasing). smith_form() throws NumericalFailure if an invariant factor
/// overflows 64 bits.
struct SmithForm {
  std::size_t rank = 0;  ///< number of nonzero invariant factors
  std::vector<std::int64_t> torsion;  ///< the invariant factors > 1, increasing
};
/// The Smith normal form data of `m`. Throws NumericalFailure if an invariant factor overflows
/// 64 bits.
SmithForm smith_form(const IntegerMatrix& m);

}  // namespace topospec

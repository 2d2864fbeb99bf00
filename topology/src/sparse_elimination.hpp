// Private: exact sparse column reduction over Z/p, the engine behind rank_mod_p() and
// homology(). Not installed; include only from topology/src.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "topospec/topology/chain_complex.hpp"

namespace topospec::detail {

// A sparse matrix over Z/p in compressed-column form with 32-bit row indices, rows strictly
// increasing within a column and no stored zeros. For p = 2 `values` is empty (every stored
// entry is 1); otherwise values are in [1, p). Half the size of the int64 Eigen form, which
// matters at 10^6+ columns.
struct ColumnMatrix {
  std::uint32_t rows = 0;
  std::uint32_t cols = 0;
  std::vector<std::size_t> offsets{0};  // cols + 1
  std::vector<std::uint32_t> index;
  std::vector<std::uint32_t> values;
  // The symmetric representatives of the stored values (in (−p/2, p/2]) are the integer
  // entries themselves (no entry was ≥ p/2 in magnitude), so exact integer tracking can start.
  bool entries_exact = true;
};

// m reduced mod p (entries ≡ 0 dropped). Throws ResourceLimit beyond 2^32 − 1 rows or columns.
ColumnMatrix to_columns_mod_p(const IntegerMatrix& m, std::uint32_t p);

// The transpose (a counting sort: rows of the result come out increasing).
ColumnMatrix transpose(const ColumnMatrix& m);

// The same matrix with the order of rows and of columns reversed.
ColumnMatrix reversed(const ColumnMatrix& m);

struct ReductionResult {
  std::size_t rank = 0;
  // The pivot (lowest row) of every column that did not reduce to zero, in column order.
  std::vector<std::uint32_t> pivot_rows;
  // The column of each of those pivots (persistence pairs row with column).
  std::vector<std::uint32_t> pivot_cols;
  // The rest is filled only with track_integral (p > 2). Column operations are then
  // fraction-free — work ← (b/g)·work − (a/g)·column, g = gcd(a, b), on the symmetric
  // representatives in (−p/2, p/2] of pivot entries a (work) and b (column) — and a column
  // is *exact* when no entry of it, nor of a column added to it, ever left (−p/2, p/2). Its
  // stored values are then the integers of ∂v for an integer vector v with nonzero last entry,
  // i.e. a column of R = ∂V with V integral and upper triangular with nonzero diagonal.
  //
  // unit_pivot[t]: the t-th nonzero reduced column is exact with pivot entry ±1.
  std::vector<std::uint8_t> unit_pivot;
  // Every column reduced exactly, so R is a reduction of ∂ over Q as well: `rank` is the rank
  // over Q.
  bool integral = false;
  // integral, and every pivot is ±1: the nonzero columns of R lie in the lattice spanned by
  // the columns of ∂ (V is integral) and, being triangular with ±1 pivots, span a saturated
  // lattice of rank r; so that lattice is saturated and every invariant factor of ∂ is 1.
  bool unimodular = false;
};

// Called with (columns done, total) every 2^14 columns; may throw to cancel.
using ReductionProgress = std::function<void(std::size_t, std::size_t)>;

// Standard column reduction (pivot = lowest nonzero row; a pivot table row → column): column j
// is reduced by adding multiples of earlier reduced columns whose pivot equals its own, until
// its pivot is new or it is zero. Columns with skip[j] != 0 are known to reduce to zero
// (clearing) and are not touched. rank = number of nonzero reduced columns = rank over Z/p.
ReductionResult reduce_mod_p(const ColumnMatrix& m, std::uint32_t p,
                             const std::vector<std::uint8_t>& skip, bool track_integral,
                             const ReductionProgress& progress);

}  // namespace topospec::detail

namespace topospec::detail {

// How the ranks of a sequence of boundaries are reduced (both give the same ranks).
//  * homology: columns of ∂_q, degrees high to low, clearing the columns of ∂_q that are
//    pivots of ∂_{q+1};
//  * cohomology: columns of ∂_qᵀ, degrees low to high, clearing the columns of ∂_{q+1}ᵀ that
//    are pivots of ∂_qᵀ.
// `reverse` reverses the order of rows and columns (the pivot becomes the first nonzero).
struct RankStrategy {
  bool cohomology = false;
  bool reverse = false;
};

struct RankSequence {
  std::vector<std::size_t> ranks;  // ranks[q-1] = rank ∂_q mod p, q = 1..q_max
  // per rank: the reduction was integral (see ReductionResult), and so was the one whose
  // pivots cleared its columns, so the rank mod p is the rank over Q.
  std::vector<bool> integral;
};

// Where a homology-direction reduction for the ranks of ∂_1 … ∂_{q_max} starts: q_max, or a
// higher degree d ≤ top whose reduction, though not needed for its ranks, clears ∂_{d−1}, …,
// ∂_{q_max} — cycles that nothing clears are the costly columns — chosen by a cost estimate
// from the chain dimensions (Freudenthal grid N = 40, max_dim 0: 0.30 s from ∂_1, 0.06 s from
// ∂_3).
int first_reduced_degree(const ChainComplex& c, int q_max);

// rank ∂_q over Z/p for q = 1..q_max, with clearing.
RankSequence boundary_ranks_mod_p(
    const ChainComplex& c, int q_max, std::uint32_t p, RankStrategy strategy, bool track_integral,
    const std::function<void(int q, std::size_t, std::size_t)>& progress);

}  // namespace topospec::detail

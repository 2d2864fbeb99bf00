#include "topospec/topology/dirac_operator.hpp"

#include <vector>

namespace topospec {

namespace {

using Triplet = Eigen::Triplet<double, std::int64_t>;

// Adds B at block (row0, col0) and Bᵀ at block (col0, row0): the symmetric pair of
// off-diagonal blocks that one boundary contributes to a Dirac operator.
void add_symmetric_block(const RealMatrix& b, std::int64_t row0, std::int64_t col0,
                         std::vector<Triplet>& out) {
  for (Eigen::Index j = 0; j < b.outerSize(); ++j)
    for (RealMatrix::InnerIterator it(b, j); it; ++it) {
      out.emplace_back(row0 + it.row(), col0 + j, it.value());
      out.emplace_back(col0 + j, row0 + it.row(), it.value());
    }
}

// The Dirac operator on C_lo ⊕ … ⊕ C_hi (degrees outside 0..top contribute nothing) with
// blocks B_q for lo < q ≤ hi.
RealMatrix dirac_on_degrees(const ChainComplex& c, int lo, int hi, const InnerProduct& ip) {
  std::vector<std::int64_t> offset;  // offset[q - lo] = first row of C_q
  std::int64_t n = 0;
  for (int q = lo; q <= hi; ++q) {
    offset.push_back(n);
    n += static_cast<std::int64_t>(c.dim(q));
  }
  std::vector<Triplet> triplets;
  std::vector<RealMatrix> blocks;
  std::size_t nnz = 0;
  for (int q = lo + 1; q <= hi; ++q) {
    blocks.push_back(orthonormal_boundary(c, q, ip));
    nnz += 2 * static_cast<std::size_t>(blocks.back().nonZeros());
  }
  triplets.reserve(nnz);
  for (int q = lo + 1; q <= hi; ++q)
    add_symmetric_block(blocks[static_cast<std::size_t>(q - lo - 1)], offset[q - 1 - lo],
                        offset[q - lo], triplets);
  RealMatrix d(n, n);
  d.setFromTriplets(triplets.begin(), triplets.end());
  return d;
}

}  // namespace

RealMatrix dirac_operator(const ChainComplex& c, const InnerProduct& ip) {
  return dirac_on_degrees(c, 0, c.top_degree(), ip);
}

RealMatrix dirac_operator(const ChainComplex& c, int q, const InnerProduct& ip) {
  // C_{q-1} ⊕ C_q ⊕ C_{q+1}; C_{-1} and C_{top+1} are zero-dimensional, so their blocks vanish.
  return dirac_on_degrees(c, q - 1, q + 1, ip);
}

}  // namespace topospec

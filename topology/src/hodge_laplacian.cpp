#include "topospec/topology/hodge_laplacian.hpp"

namespace topospec {

namespace {

// Entries that cancel exactly (e.g. two edges of a common triangle in L_1: the down and up
// terms have opposite signs) are removed so that nnz reflects the operator, not the product.
void prune_zeros(RealMatrix& m) {
  m.prune([](Eigen::Index, Eigen::Index, double v) { return v != 0.0; });
  m.makeCompressed();
}

RealMatrix gram_of_columns(const RealMatrix& b) {  // BᵀB
  RealMatrix bt = b.transpose();
  RealMatrix m = bt * b;
  prune_zeros(m);
  return m;
}

RealMatrix gram_of_rows(const RealMatrix& b) {  // BBᵀ
  RealMatrix bt = b.transpose();
  RealMatrix m = b * bt;
  prune_zeros(m);
  return m;
}

}  // namespace

RealMatrix up_laplacian(const ChainComplex& c, int q, const InnerProduct& ip) {
  // B_{q+1} is dim(q) × dim(q+1); at the top degree it has no columns, so the product is the
  // dim(q) × dim(q) zero matrix, and outside 0..top it is 0 × 0.
  return gram_of_rows(orthonormal_boundary(c, q + 1, ip));
}

RealMatrix down_laplacian(const ChainComplex& c, int q, const InnerProduct& ip) {
  // B_q is dim(q-1) × dim(q); for q = 0 it has no rows and L_0 has no down term.
  return gram_of_columns(orthonormal_boundary(c, q, ip));
}

RealMatrix hodge_laplacian(const ChainComplex& c, int q, const InnerProduct& ip) {
  RealMatrix l = down_laplacian(c, q, ip);
  l += up_laplacian(c, q, ip);
  prune_zeros(l);
  return l;
}

}  // namespace topospec

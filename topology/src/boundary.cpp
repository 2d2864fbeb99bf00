#include "topospec/topology/boundary.hpp"

#include <memory>

namespace topospec {

IntegerMatrix boundary_matrix(const SimplicialComplex& k, int q) {
  const auto rows = static_cast<Eigen::Index>(k.size(q - 1));
  const auto cols = static_cast<Eigen::Index>(k.size(q));
  IntegerMatrix b(rows, cols);
  if (q <= 0 || q > k.dimension()) return b;
  // Columns are filled in order, so the compressed storage is written directly.
  b.reserve(Eigen::VectorX<std::int64_t>::Constant(cols, q + 1));
  std::vector<std::size_t> faces;
  for (Eigen::Index j = 0; j < cols; ++j) {
    k.facets(q, static_cast<std::size_t>(j), faces);
    for (int i = 0; i <= q; ++i)
      b.insert(static_cast<Eigen::Index>(faces[i]), j) = (i % 2 == 0) ? 1 : -1;
  }
  b.makeCompressed();
  return b;
}

ChainComplex chain_complex(const SimplicialComplex& k) {
  std::vector<std::size_t> dims = k.f_vector();
  std::vector<IntegerMatrix> boundaries;
  for (int q = 1; q <= k.dimension(); ++q) boundaries.push_back(boundary_matrix(k, q));
  auto shared = std::make_shared<const SimplicialComplex>(k);
  return ChainComplex(std::move(dims), std::move(boundaries),
                      [shared](int q, std::size_t i) { return shared->simplex_ids(q, i); });
}

}  // namespace topospec

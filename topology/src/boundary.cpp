#include "topospec/topology/boundary.hpp"

#include <algorithm>
#include <memory>
#include <utility>

namespace topospec {

IntegerMatrix boundary_matrix(const SimplicialComplex& k, int q) {
  const auto rows = static_cast<Eigen::Index>(k.size(q - 1));
  const auto cols = static_cast<Eigen::Index>(k.size(q));
  IntegerMatrix b(rows, cols);
  if (q <= 0 || q > k.dimension()) return b;
  // Every column has exactly q+1 entries, so the compressed arrays are written directly from
  // the facet table (rows sorted within each column, as Eigen expects).
  const Eigen::Index nnz = cols * (q + 1);
  b.resizeNonZeros(nnz);
  auto* outer = b.outerIndexPtr();
  auto* inner = b.innerIndexPtr();
  auto* value = b.valuePtr();
  std::pair<std::uint32_t, std::int64_t> entry[64];
  for (Eigen::Index j = 0; j < cols; ++j) {
    auto faces = k.facets(q, static_cast<std::size_t>(j));
    for (int i = 0; i <= q; ++i) entry[i] = {faces[i], (i % 2 == 0) ? 1 : -1};
    std::sort(entry, entry + q + 1);
    outer[j] = j * (q + 1);
    for (int i = 0; i <= q; ++i) {
      inner[j * (q + 1) + i] = entry[i].first;
      value[j * (q + 1) + i] = entry[i].second;
    }
  }
  outer[cols] = nnz;
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

#include "topospec/topology/inner_product.hpp"

#include <cmath>
#include <string>

#include "topospec/topology/error.hpp"

namespace topospec {

namespace {

// sqrt of the weights of degree q (or an empty vector meaning "all ones"), validated.
Eigen::VectorXd sqrt_weights(const ChainComplex& c, int q, const InnerProduct& ip) {
  if (q < 0 || static_cast<std::size_t>(q) >= ip.weights.size()) return {};
  const Eigen::VectorXd& w = ip.weights[static_cast<std::size_t>(q)];
  const std::string where = "weights[" + std::to_string(q) + "]";
  if (static_cast<std::size_t>(w.size()) != c.dim(q))
    throw InvalidInput(where, "has " + std::to_string(w.size()) + " entries, dim C_" +
                                  std::to_string(q) + " is " + std::to_string(c.dim(q)));
  for (Eigen::Index i = 0; i < w.size(); ++i)
    // `!(w > 0)` also rejects NaN.
    if (!(w[i] > 0) || !std::isfinite(w[i]))
      throw InvalidInput(where + "[" + std::to_string(i) + "]",
                         "weight must be positive and finite, got " + std::to_string(w[i]));
  return w.cwiseSqrt();
}

}  // namespace

RealMatrix orthonormal_boundary(const ChainComplex& c, int q, const InnerProduct& ip) {
  // Validate every degree the caller gave, even those this q does not touch, so that a bad
  // weight vector is reported whichever operator is asked for first.
  for (std::size_t d = 0; d < ip.weights.size(); ++d) sqrt_weights(c, static_cast<int>(d), ip);
  RealMatrix b = c.real_boundary(q);
  if (ip.empty() || b.nonZeros() == 0) return b;
  const Eigen::VectorXd row_scale = sqrt_weights(c, q - 1, ip);  // W_{q-1}^{1/2}
  const Eigen::VectorXd col_scale = sqrt_weights(c, q, ip);      // W_q^{1/2}, inverted below
  for (Eigen::Index j = 0; j < b.outerSize(); ++j)
    for (RealMatrix::InnerIterator it(b, j); it; ++it) {
      if (row_scale.size() != 0) it.valueRef() *= row_scale[it.row()];
      if (col_scale.size() != 0) it.valueRef() /= col_scale[j];
    }
  return b;
}

}  // namespace topospec

#include "topospec/topology/chain_complex.hpp"

#include <string>

#include "topospec/topology/error.hpp"

namespace topospec {

ChainComplex::ChainComplex(std::vector<std::size_t> dims, std::vector<IntegerMatrix> boundaries,
                           CellLabeler labeler, std::vector<RealMatrix> real_boundaries)
    : dims_(std::move(dims)),
      boundaries_(std::move(boundaries)),
      real_boundaries_(std::move(real_boundaries)),
      labeler_(std::move(labeler)) {
  while (!dims_.empty() && dims_.back() == 0) dims_.pop_back();
  const std::size_t top = dims_.empty() ? 0 : dims_.size() - 1;
  if (boundaries_.size() < top)
    throw Error("chain complex: " + std::to_string(boundaries_.size()) + " boundary maps for top degree " +
                std::to_string(top));
  boundaries_.resize(top);
  // Keep the zero maps ∂_0 : C_0 → 0 and ∂_{top+1} : 0 → C_top too, so that boundary(q) can
  // return a reference for every q.
  boundaries_.insert(boundaries_.begin(), IntegerMatrix(0, static_cast<Eigen::Index>(dim(0))));
  boundaries_.push_back(IntegerMatrix(static_cast<Eigen::Index>(dim(static_cast<int>(top))), 0));
  if (!real_boundaries_.empty()) real_boundaries_.resize(top);
  for (std::size_t q = 1; q <= top; ++q) {
    const auto& b = boundaries_[q];
    if (static_cast<std::size_t>(b.rows()) != dims_[q - 1] ||
        static_cast<std::size_t>(b.cols()) != dims_[q])
      throw Error("chain complex: boundary " + std::to_string(q) + " has the wrong shape");
    if (!real_boundaries_.empty() &&
        (real_boundaries_[q - 1].rows() != b.rows() || real_boundaries_[q - 1].cols() != b.cols()))
      throw Error("chain complex: real boundary " + std::to_string(q) + " has the wrong shape");
  }
}

const IntegerMatrix& ChainComplex::boundary(int q) const {
  static const IntegerMatrix kEmpty;
  if (q >= 0 && q <= top_degree() + 1) return boundaries_[q];
  return kEmpty;  // both neighbouring groups are 0 there
}

RealMatrix ChainComplex::real_boundary(int q) const {
  if (q >= 1 && q <= top_degree())
    return real_boundaries_.empty() ? RealMatrix(boundaries_[q].cast<double>())
                                    : real_boundaries_[q - 1];
  return RealMatrix(static_cast<Eigen::Index>(dim(q - 1)), static_cast<Eigen::Index>(dim(q)));
}

void ChainComplex::set_values(std::vector<std::vector<double>> values) {
  if (values.size() < dims_.size()) throw Error("chain complex: missing filtration values");
  for (std::size_t q = 0; q < dims_.size(); ++q)
    if (values[q].size() != dims_[q]) throw Error("chain complex: wrong number of values");
  values.resize(dims_.size());
  values_ = std::move(values);
}

std::int64_t ChainComplex::euler_characteristic() const {
  std::int64_t chi = 0;
  for (std::size_t q = 0; q < dims_.size(); ++q)
    chi += (q % 2 == 0 ? 1 : -1) * static_cast<std::int64_t>(dims_[q]);
  return chi;
}

}  // namespace topospec

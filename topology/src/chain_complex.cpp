#include "topospec/topology/chain_complex.hpp"

#include <algorithm>
#include <memory>
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

std::vector<std::size_t> ChainComplex::sublevel_cells(int q, double t) const {
  if (!filtered()) throw Error("chain complex: sublevel of an unfiltered complex");
  std::vector<std::size_t> cells;
  if (q < 0 || q > top_degree()) return cells;
  for (std::size_t i = 0; i < dims_[q]; ++i)
    if (values_[q][i] <= t) cells.push_back(i);
  return cells;
}

namespace {

// Rows `rows` and columns `cols` of m (both increasing index lists), via position maps.
template <class Matrix>
Matrix restrict_matrix(const Matrix& m, const std::vector<std::size_t>& rows,
                       const std::vector<std::size_t>& cols) {
  std::vector<std::int64_t> row_pos(static_cast<std::size_t>(m.rows()), -1);
  for (std::size_t r = 0; r < rows.size(); ++r) row_pos[rows[r]] = static_cast<std::int64_t>(r);
  using Scalar = typename Matrix::Scalar;
  std::vector<Eigen::Triplet<Scalar, std::int64_t>> entries;
  for (std::size_t c = 0; c < cols.size(); ++c)
    for (typename Matrix::InnerIterator it(m, static_cast<Eigen::Index>(cols[c])); it; ++it)
      if (row_pos[it.row()] >= 0)
        entries.emplace_back(row_pos[it.row()], static_cast<std::int64_t>(c), it.value());
  Matrix out(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(cols.size()));
  out.setFromTriplets(entries.begin(), entries.end());
  return out;
}

}  // namespace

ChainComplex ChainComplex::sublevel(double t) const {
  const int top = top_degree();
  std::vector<std::vector<std::size_t>> cells(static_cast<std::size_t>(top + 1));
  for (int q = 0; q <= top; ++q) cells[q] = sublevel_cells(q, t);
  std::vector<std::size_t> dims(cells.size());
  for (std::size_t q = 0; q < cells.size(); ++q) dims[q] = cells[q].size();
  std::vector<IntegerMatrix> boundaries;
  std::vector<RealMatrix> real;
  for (int q = 1; q <= top; ++q) {
    boundaries.push_back(restrict_matrix(boundaries_[q], cells[q - 1], cells[q]));
    if (!real_boundaries_.empty())
      real.push_back(restrict_matrix(real_boundaries_[q - 1], cells[q - 1], cells[q]));
  }
  auto shared_cells = std::make_shared<const std::vector<std::vector<std::size_t>>>(cells);
  CellLabeler labeler;
  if (labeler_)
    labeler = [parent = labeler_, shared_cells](int q, std::size_t i) {
      return parent(q, (*shared_cells)[q][i]);
    };
  ChainComplex sub(dims, std::move(boundaries), std::move(labeler), std::move(real));
  std::vector<std::vector<double>> values(cells.size());
  for (std::size_t q = 0; q < cells.size(); ++q)
    for (std::size_t i : cells[q]) values[q].push_back(values_[q][i]);
  values.resize(sub.dims().size());
  if (!sub.dims().empty()) sub.set_values(std::move(values));
  if (embedded()) {
    std::vector<RealMatrix> embeddings;
    for (std::size_t q = 0; q < sub.dims().size(); ++q) {
      std::vector<std::size_t> all_rows(static_cast<std::size_t>(embeddings_[q].rows()));
      for (std::size_t r = 0; r < all_rows.size(); ++r) all_rows[r] = r;
      embeddings.push_back(restrict_matrix(embeddings_[q], all_rows, cells[q]));
    }
    sub.set_embedding(std::move(embeddings), ambient_labeler_);
  }
  return sub;
}

void ChainComplex::set_embedding(std::vector<RealMatrix> embeddings, CellLabeler ambient_labeler) {
  if (embeddings.size() < dims_.size()) throw Error("chain complex: missing embeddings");
  embeddings.resize(dims_.size());
  for (std::size_t q = 0; q < dims_.size(); ++q)
    if (static_cast<std::size_t>(embeddings[q].cols()) != dims_[q])
      throw Error("chain complex: embedding " + std::to_string(q) + " has the wrong shape");
  embeddings_ = std::move(embeddings);
  ambient_labeler_ = std::move(ambient_labeler);
}

const RealMatrix& ChainComplex::embedding(int q) const {
  static const RealMatrix kNone;
  return embedded() && q >= 0 && q <= top_degree() ? embeddings_[q] : kNone;
}

std::pair<std::vector<CellLabel>, Eigen::MatrixXd> ChainComplex::to_ambient(
    int q, const std::vector<std::size_t>& cells, const Eigen::MatrixXd& vectors) const {
  std::vector<CellLabel> labels;
  if (!embedded() || q < 0 || q > top_degree()) {
    for (std::size_t i : cells) labels.push_back(label(q, i));
    return {std::move(labels), vectors};
  }
  // Ambient rows touched by the columns `cells` of the embedding, increasing.
  const RealMatrix& e = embeddings_[q];
  std::vector<std::int64_t> row_pos(static_cast<std::size_t>(e.rows()), -1);
  std::vector<std::size_t> rows;
  for (std::size_t i : cells)
    for (RealMatrix::InnerIterator it(e, static_cast<Eigen::Index>(i)); it; ++it)
      if (row_pos[it.row()] < 0) {
        row_pos[it.row()] = 0;
        rows.push_back(static_cast<std::size_t>(it.row()));
      }
  std::sort(rows.begin(), rows.end());
  for (std::size_t r = 0; r < rows.size(); ++r) row_pos[rows[r]] = static_cast<std::int64_t>(r);
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(rows.size()), vectors.cols());
  for (std::size_t k = 0; k < cells.size(); ++k)
    for (RealMatrix::InnerIterator it(e, static_cast<Eigen::Index>(cells[k])); it; ++it)
      out.row(row_pos[it.row()]) += it.value() * vectors.row(static_cast<Eigen::Index>(k));
  for (std::size_t r : rows) labels.push_back(ambient_labeler_ ? ambient_labeler_(q, r) : CellLabel{});
  return {std::move(labels), std::move(out)};
}

std::int64_t ChainComplex::euler_characteristic() const {
  std::int64_t chi = 0;
  for (std::size_t q = 0; q < dims_.size(); ++q)
    chi += (q % 2 == 0 ? 1 : -1) * static_cast<std::int64_t>(dims_[q]);
  return chi;
}

}  // namespace topospec

// Persistent Laplacians and Dirac operators of a filtered chain complex.
//
// Notation (per request q, a ≤ b): B = ∂_{q+1} on the (q+1)-cells of K_b; its rows split into
// the q-cells of K_a (R_K) and the new q-cells N with a < value ≤ b (R_N). A column of B that
// has no entry in a new row lies in C^{a,b}_{q+1} already ("T" columns); only the columns that
// touch a new row ("S" columns) and the K-rows they touch enter dense algebra:
//   ker R_N = ker R_{N,S} ⊕ R^T,   so   Δ_up = R_{K,T}R_{K,T}ᵀ + R_{K,S} Π_{ker R_{N,S}} R_{K,S}ᵀ.
// The second term is formed by the Schur complement A_S − CᵀD⁺C (A_S = R_{K,S}R_{K,S}ᵀ,
// C = R_{N,S}R_{K,S}ᵀ, D = R_{N,S}R_{N,S}ᵀ, D⁺ through a complete orthogonal decomposition,
// which gives pseudo-inverse semantics for a singular D) or by the projection form
// R_{K,S}ZZᵀR_{K,S}ᵀ with Z an orthonormal basis of ker R_{N,S} (column-pivoted QR of R_{N,S}ᵀ).
// Adding back R_{K,T}R_{K,T}ᵀ (sparse) gives exactly A − CᵀD⁺C of the full blocks.
//
// Full spectra never diagonalise Δ itself. Δ = up + down with orthogonal ranges (∂_q∂_{q+1} = 0),
// so the nonzero spectrum of Δ is the union of those of up = MMᵀ and down = BᵀB
// (M = ∂^{a,b}_{q+1} in a basis of C^{a,b}_{q+1}, B = ∂^a_q), and each of those is the nonzero
// spectrum of the smaller of MMᵀ / MᵀM and BᵀB / BBᵀ. All eigenvalues are ≥ 0, so the union
// of the two Gram spectra (g + h values) has at least g + h − n_K zeros: dropping its
// g + h − n_K smallest values (or padding with n_K − g − h zeros) gives spec Δ with no
// threshold involved. Gram spectra of ∂_p restricted to K_t are cached by (p, p-cells of K_t):
// the down term of (q, a, ·) and the up term of (q − 1, a, a) are the same singular values.
// Gram matrices are sparse; detail::sparse_symmetric_eigenvalues splits them into connected
// components and solves a component in band form after reverse Cuthill–McKee when its
// bandwidth is small (thin complexes), densely otherwise.
#include "topospec/topology/persistent_laplacian.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "dense_symmetric_eigen.hpp"
#include "device_projection.hpp"
#include "persistent_device_rounds.hpp"
#include "kernel_projection.hpp"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/blas_kernels.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {

namespace {

using Index = Eigen::Index;
using Dense = Eigen::MatrixXd;
using Triplet = Eigen::Triplet<double, std::int64_t>;

// Relative rank threshold for the new-cell factorizations: boundary matrices have small
// integer entries, so true nonzero pivots sit far above this, round-off far below.
constexpr double kRankThreshold = 1e-10;

void validate(const ChainComplex& c, std::span<const PersistentRequest> requests) {
  if (!c.filtered()) throw Error("persistent Laplacian: the chain complex is not filtered");
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& r = requests[i];
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "/" + std::to_string(i).
    std::string at = "/";
    at += std::to_string(i);
    at += ": ";
    if (r.dim < 0)
      throw InvalidInput("requests", at + "dim must be >= 0, got " + std::to_string(r.dim));
    if (std::isnan(r.a) || std::isnan(r.b))
      throw InvalidInput("requests", at + "a and b must be numbers, got NaN");
    if (r.a > r.b)
      throw InvalidInput("requests", at + "need a <= b, got a = " + std::to_string(r.a) +
                                         " > b = " + std::to_string(r.b));
  }
}

void check_dense(std::size_t rows, std::size_t cols, const SpectrumOptions& opts,
                 const char* what) {
  const double bytes = 8.0 * static_cast<double>(rows) * static_cast<double>(cols);
  if (bytes > static_cast<double>(opts.max_dense_bytes))
    throw ResourceLimit(std::string(what) + ": a dense " + std::to_string(rows) + "x" +
                        std::to_string(cols) + " matrix needs about " +
                        std::to_string(bytes / 1e9) + " GB, over the limit of " +
                        std::to_string(static_cast<double>(opts.max_dense_bytes) / 1e9) + " GB");
}

// Position of every degree-q cell in K_t (−1 when absent) and the number present.
struct Positions {
  std::vector<std::int64_t> pos;
  std::size_t count = 0;
};

Positions positions(const ChainComplex& c, int q, double t) {
  Positions p;
  if (q < 0 || q > c.top_degree()) return p;
  const auto& v = c.values()[static_cast<std::size_t>(q)];
  p.pos.assign(v.size(), -1);
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] <= t) p.pos[i] = static_cast<std::int64_t>(p.count++);
  return p;
}

// ∂_p restricted to K_t (rows: (p−1)-cells of K_t, columns: p-cells of K_t), sparse.
RealMatrix restricted_boundary(const ChainComplex& c, const RealMatrix& full, int p, double t) {
  const Positions rows = positions(c, p - 1, t);
  const Positions cols = positions(c, p, t);
  std::vector<Triplet> entries;
  for (std::size_t j = 0; j < cols.pos.size(); ++j) {
    if (cols.pos[j] < 0) continue;
    for (RealMatrix::InnerIterator it(full, static_cast<Index>(j)); it; ++it)
      if (it.value() != 0.0 && rows.pos[static_cast<std::size_t>(it.row())] >= 0)
        entries.emplace_back(rows.pos[static_cast<std::size_t>(it.row())], cols.pos[j], it.value());
  }
  RealMatrix m(static_cast<Index>(rows.count), static_cast<Index>(cols.count));
  m.setFromTriplets(entries.begin(), entries.end());
  return m;
}

Dense gram_rows(const RealMatrix& m) {  // M Mᵀ
  const RealMatrix mt = m.transpose();
  return Dense(RealMatrix(m * mt));
}
Dense gram_cols(const RealMatrix& m) {  // Mᵀ M
  const RealMatrix mt = m.transpose();
  return Dense(RealMatrix(mt * m));
}

// The smaller of M Mᵀ and Mᵀ M for a sparse m (their nonzero spectra agree); 0 × 0 when m has
// no rows or no columns.
RealMatrix smaller_gram(const RealMatrix& m, const SpectrumOptions& opts) {
  const auto r = static_cast<std::size_t>(m.rows()), k = static_cast<std::size_t>(m.cols());
  if (r == 0 || k == 0) return RealMatrix(0, 0);
  check_dense(std::min(r, k), std::min(r, k), opts, "persistent Laplacian spectrum");
  const RealMatrix mt = m.transpose();
  return r <= k ? RealMatrix(m * mt) : RealMatrix(mt * m);
}

// Σ of two Gram spectra → spectrum of a PSD operator of order n whose nonzero spectrum is their
// union (see the file comment).
std::vector<double> merge_gram_spectra(std::vector<double> up, const std::vector<double>& down,
                                       std::size_t n) {
  up.insert(up.end(), down.begin(), down.end());
  std::sort(up.begin(), up.end());
  if (up.size() > n) up.erase(up.begin(), up.begin() + static_cast<std::ptrdiff_t>(up.size() - n));
  else up.insert(up.begin(), n - up.size(), 0.0);
  return up;
}

// Shared per-degree data: the real boundaries of the degrees the requests touch, computed once
// per call before any request runs (read-only afterwards, so threads may share them).
class Boundaries {
 public:
  Boundaries(const ChainComplex& c, std::span<const PersistentRequest> requests) {
    for (const auto& r : requests)
      for (int p : {r.dim, r.dim + 1})
        if (!cache_.count(p)) cache_.emplace(p, c.real_boundary(p));
  }
  const RealMatrix& operator()(int p) const { return cache_.at(p); }

 private:
  std::map<int, RealMatrix> cache_;
};

// Smaller-side Gram spectra of ∂_p on K_t, keyed by (p, number of p-cells in K_t): the nonzero
// spectrum depends only on which p-cells are present (their faces are), and values t, t' with
// the same p-cells share it (e.g. a top degree that stops growing before the last sampled
// values). Only the number of zeros differs, which merge_gram_spectra absorbs. Each entry is
// computed once, by the first thread that asks; others asking for it meanwhile wait.
class GramCache {
 public:
  using Key = std::pair<int, std::size_t>;

  GramCache(const ChainComplex& c, const Boundaries& bd, const SpectrumOptions& opts)
      : c_(c), bd_(bd), opts_(opts) {}

  Key key(int p, double t) const {
    std::size_t present = 0;
    if (p >= 1 && p <= c_.top_degree())
      for (double v : c_.values()[static_cast<std::size_t>(p)]) present += v <= t ? 1 : 0;
    return {p, present};
  }

  // The Gram matrix whose spectrum the entry (p, t) holds (0 × 0 outside 1 … top degree).
  RealMatrix matrix(int p, double t) const {
    if (p < 1 || p > c_.top_degree()) return RealMatrix(0, 0);
    return smaller_gram(restricted_boundary(c_, bd_(p), p, t), opts_);
  }

  // The spectrum of entry (p, t), computed here unless present.
  const std::vector<double>& operator()(int p, double t) {
    const std::shared_ptr<Entry> e = entry(key(p, t));
    std::call_once(e->once, [&] { e->values = detail::sparse_symmetric_eigenvalues(matrix(p, t), opts_); });
    return e->values;
  }

  bool contains(const Key& k) {
    const std::lock_guard lock(mutex_);
    return entries_.count(k) > 0;
  }
  // Stores the spectrum of entry k, computed elsewhere (the batched device path).
  void put(const Key& k, std::vector<double> values) {
    const std::shared_ptr<Entry> e = entry(k);
    std::call_once(e->once, [&] { e->values = std::move(values); });
  }

 private:
  struct Entry {
    std::once_flag once;
    std::vector<double> values;
  };
  std::shared_ptr<Entry> entry(const Key& k) {
    const std::lock_guard lock(mutex_);
    auto& slot = entries_[k];
    if (!slot) slot = std::make_shared<Entry>();
    return slot;
  }
  const ChainComplex& c_;
  const Boundaries& bd_;
  const SpectrumOptions& opts_;
  std::mutex mutex_;
  std::map<Key, std::shared_ptr<Entry>> entries_;
};

// Everything one request (q, a, b) needs, built from ∂_{q+1} and ∂_q without touching cells
// outside K_b.
class PersistentPair {
 public:
  PersistentPair(const ChainComplex& c, const Boundaries& bd, const PersistentRequest& r,
                 PersistentLaplacianForm form, const SpectrumOptions& opts)
      : q_(r.dim), form_(form) {
    const Positions k = positions(c, q_, r.a);
    n_k_ = k.count;
    down_ = restricted_boundary(c, bd(q_), q_, r.a);
    cells_.reserve(n_k_);
    for (std::size_t i = 0; i < k.pos.size(); ++i)
      if (k.pos[i] >= 0) cells_.push_back(i);
    if (q_ + 1 > c.top_degree()) {
      r_kt_ = RealMatrix(static_cast<Index>(n_k_), 0);
      return;
    }
    // New q-cells: value in (a, b].
    const auto& qv = c.values()[static_cast<std::size_t>(q_)];
    std::vector<std::int64_t> new_pos(qv.size(), -1);
    std::size_t m = 0;
    for (std::size_t i = 0; i < qv.size(); ++i)
      if (qv[i] > r.a && qv[i] <= r.b) new_pos[i] = static_cast<std::int64_t>(m++);

    const RealMatrix& b = bd(q_ + 1);
    const auto& cv = c.values()[static_cast<std::size_t>(q_ + 1)];
    std::vector<Triplet> t_entries;
    std::vector<std::size_t> s_cols;
    std::size_t n_t = 0;
    for (std::size_t j = 0; j < cv.size(); ++j) {
      if (!(cv[j] <= r.b)) continue;
      bool touches_new = false;
      for (RealMatrix::InnerIterator it(b, static_cast<Index>(j)); it; ++it)
        if (it.value() != 0.0 && new_pos[static_cast<std::size_t>(it.row())] >= 0) touches_new = true;
      if (touches_new) {
        s_cols.push_back(j);
        continue;
      }
      for (RealMatrix::InnerIterator it(b, static_cast<Index>(j)); it; ++it) {
        const auto row = k.pos[static_cast<std::size_t>(it.row())];
        if (it.value() != 0.0 && row >= 0) t_entries.emplace_back(row, n_t, it.value());
      }
      ++n_t;
    }
    r_kt_ = RealMatrix(static_cast<Index>(n_k_), static_cast<Index>(n_t));
    r_kt_.setFromTriplets(t_entries.begin(), t_entries.end());
    s_ = s_cols.size();
    if (s_ == 0) return;

    // Dense blocks on the changing cells: the K-rows and new rows that the S columns touch.
    std::vector<std::int64_t> touched_k(n_k_, -1), touched_n(m, -1);
    for (std::size_t j : s_cols)
      for (RealMatrix::InnerIterator it(b, static_cast<Index>(j)); it; ++it) {
        if (it.value() == 0.0) continue;
        const auto row = static_cast<std::size_t>(it.row());
        if (k.pos[row] >= 0 && touched_k[static_cast<std::size_t>(k.pos[row])] < 0) {
          touched_k[static_cast<std::size_t>(k.pos[row])] = static_cast<std::int64_t>(c_rows_.size());
          c_rows_.push_back(static_cast<std::size_t>(k.pos[row]));
        } else if (new_pos[row] >= 0 && touched_n[static_cast<std::size_t>(new_pos[row])] < 0) {
          touched_n[static_cast<std::size_t>(new_pos[row])] = n_new_++;
        }
      }
    check_dense(std::max<std::size_t>(c_rows_.size(), static_cast<std::size_t>(n_new_)), s_,
                opts, "persistent Laplacian");
    r_ks_ = Dense::Zero(static_cast<Index>(c_rows_.size()), static_cast<Index>(s_));
    r_ns_ = Dense::Zero(n_new_, static_cast<Index>(s_));
    for (std::size_t jj = 0; jj < s_; ++jj)
      for (RealMatrix::InnerIterator it(b, static_cast<Index>(s_cols[jj])); it; ++it) {
        const auto row = static_cast<std::size_t>(it.row());
        if (k.pos[row] >= 0)
          r_ks_(touched_k[static_cast<std::size_t>(k.pos[row])], static_cast<Index>(jj)) = it.value();
        else if (new_pos[row] >= 0)
          r_ns_(touched_n[static_cast<std::size_t>(new_pos[row])], static_cast<Index>(jj)) = it.value();
      }
  }

  std::size_t n_k() const { return n_k_; }
  const std::vector<std::size_t>& cells() const { return cells_; }
  std::size_t changing_columns() const { return s_; }
  // The dense blocks on the changing cells, R_{K,S} and R_{N,S}, for the device projection step.
  detail::ProjectionInput projection_input() const { return {&r_ks_, &r_ns_}; }
  // Takes R_{K,S}Π_{ker R_{N,S}}R_{K,S}ᵀ and dim ker R_{N,S} computed on the device; the up term
  // is then formed from it on the K side (the same operator whatever the form).
  void use_projected_block(detail::ProjectedBlock b) {
    block_ = std::move(b.block);
    kernel_dim_ = b.kernel_dim;
    factored_ = true;
    have_block_ = true;
  }
  const RealMatrix& down() const { return down_; }
  bool up_unchanged() const { return s_ == 0; }

  // dim C^{a,b}_{q+1} = |T| + dim ker R_{N,S}.
  std::size_t relative_dim() {
    factor();
    return static_cast<std::size_t>(r_kt_.cols()) + static_cast<std::size_t>(kernel_dim_);
  }

  // The up term as a dense n_K × n_K matrix, by the selected form.
  Dense up_matrix() {
    Dense up = Dense(gram_rows(r_kt_));
    if (s_ == 0) return up;
    Dense block;
    if (have_block_) {
      block = block_;
    } else if (form_ == PersistentLaplacianForm::Schur) {
      const Dense a = r_ks_ * r_ks_.transpose();
      const Dense cm = r_ns_ * r_ks_.transpose();
      const Dense d = r_ns_ * r_ns_.transpose();
      Eigen::CompleteOrthogonalDecomposition<Dense> cod;
      cod.setThreshold(kRankThreshold);
      cod.compute(d);
      block = a - cm.transpose() * cod.solve(cm);
    } else {
      block = detail::gram(m_s());
    }
    for (std::size_t i = 0; i < c_rows_.size(); ++i)
      for (std::size_t j = 0; j < c_rows_.size(); ++j)
        up(static_cast<Index>(c_rows_[i]), static_cast<Index>(c_rows_[j])) +=
            0.5 * (block(static_cast<Index>(i), static_cast<Index>(j)) +
                   block(static_cast<Index>(j), static_cast<Index>(i)));
    return up;
  }

  // ∂^{a,b}_{q+1} in an orthonormal basis of C^{a,b}_{q+1} (the T columns, then Z), n_K rows.
  Dense up_factor_orthonormal() {
    const Dense ms = orthonormal_m_s();
    Dense m = Dense::Zero(static_cast<Index>(n_k_), r_kt_.cols() + ms.cols());
    m.leftCols(r_kt_.cols()) = Dense(r_kt_);
    for (std::size_t i = 0; i < c_rows_.size(); ++i)
      m.row(static_cast<Index>(c_rows_[i])).tail(ms.cols()) = ms.row(static_cast<Index>(i));
    return m;
  }

  // The smaller Gram matrix of the up term (0 × 0 when unchanged: callers use the cached
  // spectrum of ∂_{q+1}^b instead).
  RealMatrix up_gram_matrix(const SpectrumOptions& opts) {
    if (s_ == 0) return RealMatrix(0, 0);
    if (have_block_) {
      check_dense(n_k_, n_k_, opts, "persistent Laplacian spectrum");
      return up_matrix().sparseView(0.0, 0.0);
    }
    const Dense& ms = m_s();
    const auto cols = static_cast<std::size_t>(r_kt_.cols() + ms.cols());
    if (n_k_ <= cols) {
      check_dense(n_k_, n_k_, opts, "persistent Laplacian spectrum");
      return up_matrix().sparseView(0.0, 0.0);
    }
    // MᵀM with M = [R_{K,T} | M_S (on the touched rows)].
    check_dense(cols, cols, opts, "persistent Laplacian spectrum");
    Dense g(static_cast<Index>(cols), static_cast<Index>(cols));
    const Index t = r_kt_.cols();
    g.topLeftCorner(t, t) = gram_cols(r_kt_);
    std::vector<Triplet> entries;  // R_{K,T} on the touched rows
    std::vector<std::int64_t> local(n_k_, -1);
    for (std::size_t i = 0; i < c_rows_.size(); ++i) local[c_rows_[i]] = static_cast<std::int64_t>(i);
    for (Index j = 0; j < t; ++j)
      for (RealMatrix::InnerIterator it(r_kt_, j); it; ++it)
        if (local[static_cast<std::size_t>(it.row())] >= 0)
          entries.emplace_back(local[static_cast<std::size_t>(it.row())], j, it.value());
    RealMatrix r_kt_c(static_cast<Index>(c_rows_.size()), t);
    r_kt_c.setFromTriplets(entries.begin(), entries.end());
    const RealMatrix r_kt_c_t = r_kt_c.transpose();
    g.topRightCorner(t, ms.cols()) = r_kt_c_t * ms;
    g.bottomLeftCorner(ms.cols(), t) = g.topRightCorner(t, ms.cols()).transpose();
    g.bottomRightCorner(ms.cols(), ms.cols()) = ms.transpose() * ms;
    return g.sparseView(0.0, 0.0);
  }

  // Bound on ‖Δ‖ for the zero threshold: ‖Δ‖ ≤ ‖R_K‖² + ‖∂_q^a‖² (R_KΠR_Kᵀ ⪯ R_KR_Kᵀ) and
  // ‖X‖₂² ≤ ‖X‖₁‖X‖_∞ (largest absolute column and row sums), all cheap on sparse data.
  double norm_bound() const {
    auto sums = [](const RealMatrix& x, std::vector<double>& rows, double& col_max) {
      for (Index j = 0; j < x.outerSize(); ++j) {
        double col = 0;
        for (RealMatrix::InnerIterator it(x, j); it; ++it) {
          col += std::abs(it.value());
          rows[static_cast<std::size_t>(it.row())] += std::abs(it.value());
        }
        col_max = std::max(col_max, col);
      }
    };
    std::vector<double> k_rows(n_k_, 0.0), d_rows(static_cast<std::size_t>(down_.rows()), 0.0);
    double k_col = 0, d_col = 0;
    sums(r_kt_, k_rows, k_col);
    sums(down_, d_rows, d_col);
    for (Index j = 0; j < r_ks_.cols(); ++j) k_col = std::max(k_col, r_ks_.col(j).cwiseAbs().sum());
    for (std::size_t i = 0; i < c_rows_.size(); ++i)
      k_rows[c_rows_[i]] += r_ks_.row(static_cast<Index>(i)).cwiseAbs().sum();
    const auto max_of = [](const std::vector<double>& v) {
      return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
    };
    return k_col * max_of(k_rows) + d_col * max_of(d_rows);
  }

 private:
  // R_{K,S}Z and dim ker R_{N,S} (Z: an orthonormal basis of ker R_{N,S}, from a
  // column-pivoted QR of R_{N,S}ᵀ; kernel_projection.hpp).
  void factor() {
    if (factored_) return;
    factored_ = true;
    kernel_dim_ = 0;
    if (s_ == 0) return;
    ms_orth_ = detail::restrict_to_kernel(r_ks_, r_ns_, kRankThreshold, kernel_dim_);
  }

  const Dense& orthonormal_m_s() {
    factor();
    return ms_orth_;
  }

  // The factor of the S part used for Gram spectra: R_{K,S}Z (projection) or R_{K,S}Π with
  // Π = I − R_{N,S}ᵀD⁺R_{N,S} (Schur: the same pseudo-inverse of D as the Schur complement).
  const Dense& m_s() {
    if (form_ == PersistentLaplacianForm::Projection) return orthonormal_m_s();
    if (!ms_schur_ready_) {
      const Dense d = r_ns_ * r_ns_.transpose();
      Eigen::CompleteOrthogonalDecomposition<Dense> cod;
      cod.setThreshold(kRankThreshold);
      cod.compute(d);
      Dense pi = -r_ns_.transpose() * cod.solve(r_ns_);
      pi.diagonal().array() += 1.0;
      ms_schur_ = r_ks_ * pi;
      ms_schur_ready_ = true;
    }
    return ms_schur_;
  }

  int q_;
  PersistentLaplacianForm form_;
  std::size_t n_k_ = 0;
  std::vector<std::size_t> cells_;
  RealMatrix down_;  // ∂_q^a
  RealMatrix r_kt_;  // n_K × |T|
  std::size_t s_ = 0;
  std::vector<std::size_t> c_rows_;  // K positions touched by S columns
  Index n_new_ = 0;
  Dense r_ks_, r_ns_;
  bool factored_ = false;
  Index kernel_dim_ = 0;
  bool ms_schur_ready_ = false;
  Dense ms_orth_, ms_schur_;
  bool have_block_ = false;
  Dense block_;  // R_{K,S}Π R_{K,S}ᵀ from the device
};

// Spectra of Δ for all requests, in request order, and the Gram data Dirac spectra reuse.
struct PairSpectra {
  std::vector<double> up_gram, down_gram;  // smaller-side Gram spectra
  std::size_t n_prev = 0, n_k = 0, n_rel = 0;  // dims of C_{q−1}(K_a), C_q(K_a), C^{a,b}_{q+1}
  double norm = 0;
};

// Runs tasks 0 … n−1 on `threads` threads (the calling one included), largest first by
// `cost`. The first exception stops the hand-out of tasks and is rethrown after all have
// stopped.
template <class Task>
void run_tasks(std::size_t n, unsigned threads, const std::vector<double>& cost, Task&& task) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return cost[x] > cost[y]; });
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::exception_ptr failure;
  auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < n;) {
      try {
        task(order[k]);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, n); ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  if (failure) std::rethrow_exception(failure);
}

unsigned thread_count(const PersistentLaplacianOptions& opts) {
  if (opts.threads > 0) return opts.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Requests per round on the device path: their matrices are held at once on the host (a few
// hundred MiB for the largest PETLS-sized requests), and one batched solve covers them all.
constexpr std::size_t kDeviceRound = 16;

// `opts` whose progress callback, called from several threads, runs one call at a time.
SpectrumOptions one_callback_at_a_time(const SpectrumOptions& opts, unsigned threads, std::mutex& mutex) {
  SpectrumOptions out = opts;
  if (threads > 1 && opts.progress)
    out.progress = [&mutex, inner = opts.progress](std::string_view stage, std::size_t done,
                                                   std::size_t total) {
      const std::lock_guard lock(mutex);
      return inner(stage, done, total);
    };
  return out;
}

// Spectra of Δ for all requests, and the Gram data Dirac spectra reuse; `each` is called in
// request order once all are done. What requests share is computed once: the real boundaries,
// and the Gram spectra of ∂_p on K_t (∂_{q+1}^b serves every a whose new cells have no cofaces,
// ∂_q^a the down term of every b). The factorization on the new cells depends on N(a, b) and
// is per request. Requests are independent otherwise and run in parallel, largest first; with
// `device`, in rounds whose projection steps and eigenproblems it takes.
template <class Each>
void sweep(const ChainComplex& c, std::span<const PersistentRequest> requests,
           const PersistentLaplacianOptions& opts, bool need_relative_dim,
           const detail::DeviceOps* device, Each&& each) {
  validate(c, requests);
  const Boundaries bd(c, requests);
  const unsigned threads = thread_count(opts);
  std::mutex progress_mutex;
  std::size_t finished = 0;
  const SpectrumOptions spectrum = one_callback_at_a_time(opts.spectrum, threads, progress_mutex);
  GramCache gram(c, bd, spectrum);
  // Cost estimate: the cube of the larger complex's size in degrees q and q + 1.
  std::vector<double> cost(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    double cells = 0;
    for (int p : {requests[i].dim, requests[i].dim + 1})
      if (p <= c.top_degree())
        for (double v : c.values()[static_cast<std::size_t>(p)]) cells += v <= requests[i].b ? 1 : 0;
    cost[i] = cells * cells * cells;
  }
  std::vector<PairSpectra> results(requests.size());
  std::optional<SerialBlas> serial_blas;
  if (threads > 1) serial_blas.emplace();
  auto request_done = [&] {
    std::size_t done;
    {
      const std::lock_guard lock(progress_mutex);
      done = ++finished;
    }
    report_progress(spectrum.progress, "persistent Laplacian requests", done, requests.size());
  };
  // A request's pair and the sizes it knows at once.
  auto start = [&](std::size_t i) {
    auto pair = std::make_unique<PersistentPair>(c, bd, requests[i], opts.form, spectrum);
    PairSpectra& ps = results[i];
    ps.n_k = pair->n_k();
    ps.n_prev = static_cast<std::size_t>(pair->down().rows());
    ps.norm = pair->norm_bound();
    return pair;
  };
  // Everything else of a request but its eigenproblems; returns whether the up term is that of
  // ∂_{q+1}^b (cached) and otherwise its Gram matrix.
  auto finish = [&](std::size_t i, PersistentPair& pair) {
    if (need_relative_dim) results[i].n_rel = pair.relative_dim();
    return std::pair{pair.up_unchanged(), pair.up_gram_matrix(spectrum)};
  };
  if (!device) {
    run_tasks(requests.size(), threads, cost, [&](std::size_t i) {
      const auto& r = requests[i];
      auto [unchanged, up] = finish(i, *start(i));
      PairSpectra& ps = results[i];
      ps.up_gram = unchanged ? gram(r.dim + 1, r.b) : detail::sparse_symmetric_eigenvalues(up, spectrum);
      ps.down_gram = gram(r.dim, r.a);
      request_done();
    });
  } else {
    // The device path: rounds of requests, largest first. Each round builds its blocks on all
    // cores, runs the projection step of its larger pairs on the device, forms its Gram matrices
    // on all cores, then hands their eigenproblems and those of the Gram-cache entries it is
    // first to need to the device in one batch, which runs while the next round is prepared.
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return cost[x] > cost[y]; });
    // The round whose batch is on the device.
    struct Pending {
      std::span<const std::size_t> round;
      std::vector<char> unchanged;
      std::vector<GramCache::Key> keys;
      std::future<std::vector<std::vector<double>>> values;
    };
    std::optional<Pending> pending;
    auto complete = [&](Pending& p) {
      auto values = p.values.get();
      for (std::size_t k = 0; k < p.keys.size(); ++k) gram.put(p.keys[k], std::move(values[k]));
      std::size_t next = p.keys.size();
      for (std::size_t j = 0; j < p.round.size(); ++j) {
        const auto& r = requests[p.round[j]];
        PairSpectra& ps = results[p.round[j]];
        ps.up_gram = p.unchanged[j] ? gram(r.dim + 1, r.b) : std::move(values[next++]);
        ps.down_gram = gram(r.dim, r.a);
        request_done();
      }
    };
    for (std::size_t first = 0; first < order.size(); first += kDeviceRound) {
      const std::size_t count = std::min(kDeviceRound, order.size() - first);
      Pending now{std::span<const std::size_t>(order.data() + first, count), std::vector<char>(count), {}, {}};
      std::vector<RealMatrix> up(count);
      std::vector<std::unique_ptr<PersistentPair>> pairs(count);
      run_tasks(count, threads, std::vector<double>(count, 0.0),
                [&](std::size_t j) { pairs[j] = start(now.round[j]); });
      std::vector<detail::ProjectionInput> inputs;
      std::vector<std::size_t> projected;
      for (std::size_t j = 0; j < count; ++j)
        if (pairs[j]->changing_columns() >= detail::kDeviceProjectionMinColumns) {
          inputs.push_back(pairs[j]->projection_input());
          projected.push_back(j);
        }
      auto blocks = device->project(inputs);
      for (std::size_t t = 0; t < projected.size(); ++t)
        pairs[projected[t]]->use_projected_block(std::move(blocks[t]));
      run_tasks(count, threads, std::vector<double>(count, 0.0), [&](std::size_t j) {
        auto [same, matrix] = finish(now.round[j], *pairs[j]);
        now.unchanged[j] = same;
        up[j] = std::move(matrix);
        pairs[j].reset();
      });
      // The previous round's batch is done before this one asks which cache entries exist.
      if (pending) complete(*pending);
      std::vector<std::pair<int, double>> where;
      auto need = [&](int p, double t) {
        const GramCache::Key k = gram.key(p, t);
        if (!gram.contains(k) && std::find(now.keys.begin(), now.keys.end(), k) == now.keys.end()) {
          now.keys.push_back(k);
          where.emplace_back(p, t);
        }
      };
      for (std::size_t j = 0; j < count; ++j) {
        const auto& r = requests[now.round[j]];
        if (now.unchanged[j]) need(r.dim + 1, r.b);
        need(r.dim, r.a);
      }
      std::vector<RealMatrix> batch(now.keys.size());
      run_tasks(now.keys.size(), threads, std::vector<double>(now.keys.size(), 0.0),
                [&](std::size_t k) { batch[k] = gram.matrix(where[k].first, where[k].second); });
      for (std::size_t j = 0; j < count; ++j)
        if (!now.unchanged[j]) batch.push_back(std::move(up[j]));
      now.values = std::async(std::launch::async,
                              [device, batch = std::move(batch)] { return device->spectra(batch); });
      pending = std::move(now);
    }
    if (pending) complete(*pending);
  }
  for (std::size_t i = 0; i < requests.size(); ++i) each(i, results[i]);
}

}  // namespace

std::vector<std::size_t> persistent_cells(const ChainComplex& c, int q, double a) {
  if (!c.filtered()) throw Error("persistent Laplacian: the chain complex is not filtered");
  if (q < 0) throw InvalidInput("requests", "dim must be >= 0, got " + std::to_string(q));
  if (std::isnan(a)) throw InvalidInput("requests", "a must be a number, got NaN");
  return c.sublevel_cells(q, a);
}

Eigen::MatrixXd persistent_laplacian(const ChainComplex& c, const PersistentRequest& r,
                                     PersistentLaplacianForm form) {
  validate(c, std::span<const PersistentRequest>(&r, 1));
  const Boundaries bd(c, std::span<const PersistentRequest>(&r, 1));
  PersistentPair pair(c, bd, r, form, SpectrumOptions{});
  check_dense(pair.n_k(), pair.n_k(), SpectrumOptions{}, "persistent_laplacian");
  Dense l = pair.up_matrix();
  l += gram_cols(pair.down());
  return l;
}

Eigen::MatrixXd persistent_dirac(const ChainComplex& c, const PersistentRequest& r) {
  validate(c, std::span<const PersistentRequest>(&r, 1));
  const Boundaries bd(c, std::span<const PersistentRequest>(&r, 1));
  PersistentPair pair(c, bd, r, PersistentLaplacianForm::Projection, SpectrumOptions{});
  const Dense m = pair.up_factor_orthonormal();
  const Index p = pair.down().rows(), n = static_cast<Index>(pair.n_k()), k = m.cols();
  check_dense(static_cast<std::size_t>(p + n + k), static_cast<std::size_t>(p + n + k),
              SpectrumOptions{}, "persistent_dirac");
  Dense d = Dense::Zero(p + n + k, p + n + k);
  const Dense bq = Dense(pair.down());
  d.block(0, p, p, n) = bq;
  d.block(p, 0, n, p) = bq.transpose();
  d.block(p, p + n, n, k) = m;
  d.block(p + n, p, k, n) = m.transpose();
  return d;
}

namespace {

// The CUDA device operations, when a device takes the work (else null: the CPU path).
std::optional<detail::DeviceOps> cuda_ops(const PersistentLaplacianOptions& opts) {
  if (!detail::batch_on_gpu(opts.spectrum)) return std::nullopt;
  return detail::DeviceOps{
      [spectrum = opts.spectrum](const std::vector<RealMatrix>& gs) {
        return detail::sparse_symmetric_eigenvalues_batched(gs, spectrum);
      },
      [](const std::vector<detail::ProjectionInput>& pairs) {
        return detail::cuda_kernel_projected_blocks(pairs);
      }};
}

std::vector<PersistentSpectrum> laplacian_spectra(const ChainComplex& c,
                                                  std::span<const PersistentRequest> requests,
                                                  const PersistentLaplacianOptions& opts,
                                                  const detail::DeviceOps* device) {
  std::vector<PersistentSpectrum> out(requests.size());
  sweep(c, requests, opts, false, device, [&](std::size_t i, const PairSpectra& ps) {
    auto& s = out[i];
    s.request = requests[i];
    s.eigenvalues = merge_gram_spectra(ps.up_gram, ps.down_gram, ps.n_k);
    s.zero_threshold = opts.spectrum.atol + opts.spectrum.rtol * ps.norm;
    s.numeric_nullity = numeric_nullity(s.eigenvalues, s.zero_threshold);
  });
  return out;
}

std::vector<PersistentSpectrum> dirac_spectra(const ChainComplex& c,
                                              std::span<const PersistentRequest> requests,
                                              const PersistentLaplacianOptions& opts,
                                              const detail::DeviceOps* device) {
  std::vector<PersistentSpectrum> out(requests.size());
  sweep(c, requests, opts, true, device, [&](std::size_t i, const PairSpectra& ps) {
    auto& s = out[i];
    s.request = requests[i];
    // spec D = ±(nonzero singular values of ∂_q^a and of ∂^{a,b}_{q+1}), zeros elsewhere: the
    // two off-diagonal pieces act on orthogonal subspaces of the middle block.
    const double lap_zero = opts.spectrum.atol + opts.spectrum.rtol * ps.norm;
    std::vector<double> v;
    for (const auto* g : {&ps.up_gram, &ps.down_gram})
      for (double l : *g)
        if (l > lap_zero) {
          v.push_back(std::sqrt(l));
          v.push_back(-std::sqrt(l));
        }
    const std::size_t total = ps.n_prev + ps.n_k + ps.n_rel;
    v.resize(std::max(total, v.size()), 0.0);
    std::sort(v.begin(), v.end());
    s.eigenvalues = std::move(v);
    s.zero_threshold = opts.spectrum.atol + opts.spectrum.rtol * std::sqrt(ps.norm);
    s.numeric_nullity = numeric_nullity(s.eigenvalues, s.zero_threshold);
  });
  return out;
}

}  // namespace

std::vector<PersistentSpectrum> persistent_laplacian_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts) {
  const auto ops = cuda_ops(opts);
  return laplacian_spectra(c, requests, opts, ops ? &*ops : nullptr);
}

std::vector<PersistentSpectrum> persistent_dirac_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts) {
  const auto ops = cuda_ops(opts);
  return dirac_spectra(c, requests, opts, ops ? &*ops : nullptr);
}

std::vector<PersistentSpectrum> detail::persistent_laplacian_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts, const DeviceOps& device) {
  return laplacian_spectra(c, requests, opts, &device);
}

std::vector<PersistentSpectrum> detail::persistent_dirac_spectra(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts, const DeviceOps& device) {
  return dirac_spectra(c, requests, opts, &device);
}

std::vector<PersistentHarmonicSpace> persistent_harmonic_spaces(
    const ChainComplex& c, std::span<const PersistentRequest> requests,
    const PersistentLaplacianOptions& opts) {
  validate(c, requests);
  const Boundaries bd(c, requests);
  const unsigned threads = thread_count(opts);
  std::mutex progress_mutex;
  const SpectrumOptions spectrum = one_callback_at_a_time(opts.spectrum, threads, progress_mutex);
  std::optional<SerialBlas> serial_blas;
  if (threads > 1) serial_blas.emplace();
  std::vector<double> cost(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i)
    cost[i] = static_cast<double>(persistent_cells(c, requests[i].dim, requests[i].a).size());
  std::vector<PersistentHarmonicSpace> out(requests.size());
  run_tasks(requests.size(), threads, cost, [&](std::size_t i) {
    const auto& r = requests[i];
    PersistentPair pair(c, bd, r, opts.form, spectrum);
    check_dense(pair.n_k(), pair.n_k(), spectrum, "persistent_harmonic_spaces");
    Dense l = pair.up_matrix();
    l += gram_cols(pair.down());
    PersistentHarmonicSpace& h = out[i];
    h.request = r;
    h.zero_threshold = spectrum.atol + spectrum.rtol * pair.norm_bound();
    for (std::size_t j : pair.cells()) h.cells.push_back(c.label(r.dim, j));
    const auto [values, vectors] = detail::dense_symmetric_eigenpairs(std::move(l), spectrum);
    Index z = 0;
    while (z < static_cast<Index>(values.size()) && std::abs(values[static_cast<std::size_t>(z)]) <= h.zero_threshold) ++z;
    h.basis = vectors.leftCols(z);
  });
  return out;
}

}  // namespace topospec

// Private to topology: thick-restart Lanczos (Wu–Simon 2000) with full reorthogonalization,
// for the k smallest eigenvalues of a symmetric positive semidefinite operator L, written over
// a "vector space" policy so that the same algorithm runs on host vectors (tested on the CPU)
// and on device vectors (cuBLAS/cuSPARSE, cuda/sparse_eigensolver.cu). C++17, no Eigen types in
// the policy interface (nvcc compiles this at C++17).
//
// Smallest eigenvalues of L are the largest of M = σI − L (σ ≥ ‖L‖, the caller's bound), and
// the largest end of a spectrum is where plain Lanczos converges; no factorization is needed,
// which is what makes it matrix-free.
//
// The policy `Space` provides (pointers are column starts inside its own blocks; `h`, `y` are
// host arrays):
//   using Block = …;                  owning storage of `cols` vectors, contiguous columns, with
//                                     `double* data()`; column j starts at data() + j·size()
//   std::size_t size() const;          vector length n
//   Block allocate(std::size_t cols);
//   void apply(const double* x, double* y);                      y = L x
//   double dot(const double* x, const double* y);
//   void axpy(double a, const double* x, double* y);             y += a x
//   void scale(double a, double* x);                             x *= a
//   void copy(const double* x, double* y);                       y = x
//   void gemv_t(const double* v, std::size_t cols, const double* w, double* h);   h = Vᵀ w
//   void gemv_n(double a, const double* v, std::size_t cols, const double* h, double* w);
//                                                                w += a V h
//   void gemm(const double* v, std::size_t cols, const double* y, std::size_t p, double* out);
//                                                                out (n×p) = V (n×cols) Y (cols×p)
//   void upload(const double* host, double* x);                  x = host (n values)
#pragma once

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec::lanczos {

/// Parameters of one thick-restart Lanczos solve.
struct Options {
  /// Krylov subspace size m = max(2·nev + 1, min_subspace), capped by the free dimension. A
  /// larger m costs m vectors of memory but converges in fewer matvecs on the small relative
  /// gaps at the bottom of Laplacian spectra.
  std::size_t min_subspace = 64;
  /// A Ritz pair of M has converged when its Ritz residual |β_m y_m| ≤ tol·σ.
  double tol = 1e-10;
  /// Every returned pair must pass the explicit check ‖Lv − λv‖ ≤ check_tol·σ.
  double check_tol = 1e-8;
  /// Restarts (cycles of the Krylov subspace) one Lanczos run may take before NumericalFailure.
  int max_restarts = 1000;
  std::uint64_t seed = 0;  ///< seeds the deterministic start vectors
};

/// Work counters of a solve (for benchmarks and tests).
struct Stats {
  std::size_t runs = 0;      ///< Lanczos runs (the first and every certification rerun)
  std::size_t restarts = 0;  ///< restarts over all runs
  std::size_t matvecs = 0;   ///< applications of L
};

/// Deterministic start vector, entries uniform in [-0.5, 0.5) (splitmix64, as spectrum.cpp),
/// so that results do not depend on a global random state or the platform.
inline void random_vector(std::vector<double>& v, std::uint64_t seed) {
  std::uint64_t x = 0x9E3779B97F4A7C15ull * (seed + 1);
  for (double& e : v) {
    x += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    e = static_cast<double>(z >> 11) * 0x1.0p-53 - 0.5;
  }
}

/// The k smallest eigenvalues of a symmetric positive semidefinite L (the policy's operator),
/// given σ ≥ ‖L‖_2. See the file comment for the policy.
template <class Space>
class SmallestEigenvalues {
 public:
  using Block = typename Space::Block;

  SmallestEigenvalues(Space& space, double sigma, const Options& opts)
      : s_(space), n_(space.size()), sigma_(sigma), opts_(opts), host_(space.size()) {}

  /// Ascending; k is clamped to n. Certified against missed copies of repeated eigenvalues: a
  /// Krylov space holds (in exact arithmetic) one direction per eigenspace, so a run can
  /// converge while skipping copies. As spectrum.cpp does, each check reruns Lanczos from a
  /// fresh start vector with the kept pairs projected out; what it finds below the k-th value
  /// replaces the largest kept pair, and the check repeats until the rest of the spectrum lies
  /// at or above the k-th value.
  std::vector<double> solve(std::size_t k) {
    k = std::min(k, n_);
    if (k == 0) return {};
    if (!(sigma_ > 0)) return std::vector<double>(k, 0.0);  // L = 0 (‖L‖ ≤ σ = 0)
    Run first = run(k);
    kept_ = std::move(first.vectors);
    kept_values_ = std::move(first.values);
    // Values within `slack` of the k-th are ties: a copy at the k-th value changes nothing.
    const double slack = opts_.check_tol * sigma_;
    std::size_t r = 1;  // values asked of a rerun; doubles while reruns keep finding some
    while (k < n_) {
      const std::size_t free = n_ - k;
      const std::size_t want = std::min(r, free);
      Run more = run(want, &kept_, k);
      bool found = false;
      for (std::size_t j = 0; j < more.values.size(); ++j) {
        const std::size_t worst = largest_kept();
        if (!(more.values[j] < kept_values_[worst] - slack)) break;  // ascending
        // Orthogonal to all kept vectors (the rerun's space was), so dropping the largest
        // and storing this one keeps the kept block orthonormal.
        s_.copy(col(more.vectors, j), col(kept_, worst));
        kept_values_[worst] = more.values[j];
        found = true;
      }
      if (!found) break;
      r = std::min(2 * r, k);
    }
    std::vector<double> out = kept_values_;
    std::sort(out.begin(), out.end());
    return out;
  }

  const Stats& stats() const { return stats_; }

 private:
  struct Run {
    std::vector<double> values;  // eigenvalues of L, ascending
    Block vectors;               // matching unit eigenvectors
  };

  double* col(Block& b, std::size_t j) const { return b.data() + j * n_; }

  std::size_t largest_kept() const {
    return static_cast<std::size_t>(
        std::max_element(kept_values_.begin(), kept_values_.end()) - kept_values_.begin());
  }

  // y = M x = σx − Lx.
  void apply_m(const double* x, double* y) {
    s_.apply(x, y);
    ++stats_.matvecs;
    s_.scale(-1.0, y);
    s_.axpy(sigma_, x, y);
  }

  // Classical Gram–Schmidt twice ("twice is enough") of w against the `nd` columns of `defl`
  // and the first `cols` columns of `v`: full reorthogonalization keeps the basis orthonormal to
  // working accuracy, which the thick restart and the certification reruns rely on. Adds the
  // coefficients against v to h (when given).
  void orthogonalize(double* w, const Block* defl, std::size_t nd, Block& v, std::size_t cols,
                     double* h) {
    std::vector<double> c(std::max(cols, nd));
    for (int pass = 0; pass < 2; ++pass) {
      if (defl != nullptr && nd > 0) {
        s_.gemv_t(defl->data(), nd, w, c.data());
        s_.gemv_n(-1.0, defl->data(), nd, c.data(), w);
      }
      if (cols > 0) {
        s_.gemv_t(v.data(), cols, w, c.data());
        s_.gemv_n(-1.0, v.data(), cols, c.data(), w);
        if (h != nullptr)
          for (std::size_t i = 0; i < cols; ++i) h[i] += c[i];
      }
    }
  }

  // Writes a fresh unit random vector orthogonal to the deflated columns and v[0, cols) into
  // column `cols` of v; false when none is left (the free space is exhausted).
  bool fresh_vector(const Block* defl, std::size_t nd, Block& v, std::size_t cols) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      random_vector(host_, opts_.seed * 1000003u + draws_++);
      double* x = col(v, cols);
      s_.upload(host_.data(), x);
      const double before = std::sqrt(s_.dot(x, x));
      orthogonalize(x, defl, nd, v, cols, nullptr);
      const double after = std::sqrt(s_.dot(x, x));
      // A random vector keeps about √(free/n) of its length; far less means no room is left.
      if (after > 1e-8 * before) {
        s_.scale(1.0 / after, x);
        return true;
      }
    }
    return false;
  }

  // The nev largest eigenpairs of M restricted to the orthogonal complement of the first `nd`
  // columns of `defl` (orthonormal), returned as eigenpairs of L. Requires nev ≤ n − nd.
  Run run(std::size_t nev, const Block* defl = nullptr, std::size_t nd = 0) {
    ++stats_.runs;
    const std::size_t free = n_ - nd;
    const std::size_t m = std::min(std::max(2 * nev + 1, opts_.min_subspace), free);
    Block v = s_.allocate(m + 1);
    Block work = s_.allocate(m);  // restart products V·Y
    Eigen::MatrixXd t = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(m),
                                              static_cast<Eigen::Index>(m));
    if (!fresh_vector(defl, nd, v, 0))
      throw NumericalFailure("Lanczos: no start vector outside the deflated space");
    std::size_t start = 0;  // columns [0, start) are kept Ritz vectors after a restart
    std::vector<double> h(m);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig;
    for (int restart = 0;; ++restart) {
      // Expand to m columns. T = Vᵀ M V is read off the orthogonalization coefficients (with
      // full reorthogonalization this is the whole projected matrix, which after a restart is
      // diagonal plus the arrow row of Wu–Simon).
      double beta = 0;
      for (std::size_t j = start; j < m; ++j) {
        double* w = col(v, j + 1);
        apply_m(col(v, j), w);
        std::fill(h.begin(), h.end(), 0.0);
        orthogonalize(w, defl, nd, v, j + 1, h.data());
        // j ≥ start, so the diagonal block diag(θ) of the kept Ritz vectors is never
        // overwritten; column `start` reads off their coupling to the residual (the arrow).
        for (std::size_t i = 0; i <= j; ++i) {
          t(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = h[i];
          t(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)) = h[i];
        }
        beta = std::sqrt(s_.dot(w, w));
        if (j + 1 == m) break;  // w is the residual direction of this cycle
        if (beta > kBreakdown * sigma_) {
          s_.scale(1.0 / beta, w);
        } else if (!fresh_vector(defl, nd, v, j + 1)) {
          // An invariant subspace that fills the free space: T is already exact.
          throw NumericalFailure("Lanczos: free space exhausted before the subspace was full");
        }
        // After a breakdown the new vector is not coupled to the previous ones (T(j+1, j) = 0),
        // as ARPACK does; that is how a run reaches copies of repeated eigenvalues.
      }
      eig.compute(t);
      if (eig.info() != Eigen::Success)
        throw NumericalFailure("Lanczos: the projected eigenproblem did not converge");
      // Eigen sorts ascending; the wanted (largest of M) are the last nev.
      const auto& theta = eig.eigenvalues();
      const Eigen::MatrixXd& y = eig.eigenvectors();
      const auto mm = static_cast<Eigen::Index>(m);
      auto ritz_residual = [&](Eigen::Index i) { return std::abs(beta * y(mm - 1, i)); };
      std::size_t converged = 0;
      for (std::size_t i = 0; i < nev; ++i)
        if (ritz_residual(mm - 1 - static_cast<Eigen::Index>(i)) <= opts_.tol * sigma_) ++converged;
      if (converged == nev || m == free) return finish(v, m, y, theta, nev);
      if (restart >= opts_.max_restarts)
        throw NumericalFailure(
            "Lanczos did not converge: " + std::to_string(converged) + " of " +
            std::to_string(nev) + " eigenvalues within tolerance " + std::to_string(opts_.tol) +
            " after " + std::to_string(restart) + " restarts (n = " + std::to_string(n_) +
            ", subspace " + std::to_string(m) + ", " + std::to_string(nd) +
            " deflated); raise lanczos_max_restarts or lanczos_tol");
      ++stats_.restarts;
      // Thick restart: keep the p largest Ritz vectors plus more as they converge (ARPACK's
      // "nev + nconv" heuristic keeps the restart from stagnating), then the residual vector.
      const std::size_t p =
          std::min(m - 1, nev + std::min(converged + (m - nev) / 4, (m - nev) / 2));
      Eigen::MatrixXd yp = y.rightCols(static_cast<Eigen::Index>(p));  // ascending θ
      s_.gemm(v.data(), m, yp.data(), p, work.data());
      for (std::size_t i = 0; i < p; ++i) s_.copy(col(work, i), col(v, i));
      s_.copy(col(v, m), col(v, p));
      if (beta > kBreakdown * sigma_) {
        s_.scale(1.0 / beta, col(v, p));
      } else if (!fresh_vector(defl, nd, v, p)) {
        throw NumericalFailure("Lanczos: free space exhausted at a restart");
      }
      t.setZero();
      for (std::size_t i = 0; i < p; ++i)
        t(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) =
            theta(mm - static_cast<Eigen::Index>(p) + static_cast<Eigen::Index>(i));
      start = p;
    }
  }

  // Ritz vectors of the nev largest θ, as eigenpairs of L, each checked explicitly: the value
  // is the Rayleigh quotient vᵀLv and the residual ‖Lv − λv‖ must be ≤ check_tol·σ.
  Run finish(Block& v, std::size_t m, const Eigen::MatrixXd& y, const Eigen::VectorXd& theta,
             std::size_t nev) {
    (void)theta;
    Run out;
    out.vectors = s_.allocate(nev);
    // Ascending λ = descending θ: reverse the last nev columns.
    Eigen::MatrixXd yp(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(nev));
    for (std::size_t i = 0; i < nev; ++i)
      yp.col(static_cast<Eigen::Index>(i)) = y.col(static_cast<Eigen::Index>(m - 1 - i));
    s_.gemm(v.data(), m, yp.data(), nev, out.vectors.data());
    double* lv = col(v, 0);  // the basis is no longer needed: reuse a column as scratch
    for (std::size_t i = 0; i < nev; ++i) {
      double* x = col(out.vectors, i);
      const double len = std::sqrt(s_.dot(x, x));
      s_.scale(1.0 / len, x);
      s_.apply(x, lv);
      ++stats_.matvecs;
      const double lambda = s_.dot(x, lv);
      s_.axpy(-lambda, x, lv);
      const double res = std::sqrt(s_.dot(lv, lv));
      if (!std::isfinite(lambda) || !(res <= opts_.check_tol * sigma_))
        throw NumericalFailure("Lanczos: eigenpair " + std::to_string(i) +
                               " failed its residual check, ||Lv - lambda v|| = " +
                               std::to_string(res) + " > " +
                               std::to_string(opts_.check_tol * sigma_) +
                               " (is the operator symmetric, and sigma >= ||L||?)");
      out.values.push_back(lambda);
    }
    // Rayleigh quotients may reorder values that agree to rounding.
    std::vector<std::size_t> order(nev);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return out.values[a] < out.values[b]; });
    if (!std::is_sorted(out.values.begin(), out.values.end())) {
      Block sorted = s_.allocate(nev);
      std::vector<double> values(nev);
      for (std::size_t i = 0; i < nev; ++i) {
        s_.copy(col(out.vectors, order[i]), col(sorted, i));
        values[i] = out.values[order[i]];
      }
      out.vectors = std::move(sorted);
      out.values = std::move(values);
    }
    return out;
  }

  // β below this fraction of σ is a breakdown: the Krylov space is (numerically) invariant.
  static constexpr double kBreakdown = 1e-12;

  Space& s_;
  std::size_t n_;
  double sigma_;
  Options opts_;
  std::vector<double> host_;  // host staging for start vectors
  std::uint64_t draws_ = 0;    // start vectors drawn so far (each run gets fresh ones)
  Block kept_{};
  std::vector<double> kept_values_;
  Stats stats_;
};

/// The k smallest eigenvalues (ascending) of the PSD operator of `space`, σ ≥ ‖L‖_2.
template <class Space>
std::vector<double> smallest_eigenvalues(Space& space, std::size_t k, double sigma,
                                         const Options& opts = {}, Stats* stats = nullptr) {
  SmallestEigenvalues<Space> solver(space, sigma, opts);
  std::vector<double> out = solver.solve(k);
  if (stats != nullptr) *stats = solver.stats();
  return out;
}

}  // namespace topospec::lanczos

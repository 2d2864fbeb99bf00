#include "topospec/topology/spectrum.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <Eigen/SparseCholesky>
#include <Spectra/SymEigsShiftSolver.h>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "device_sparse.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {

namespace {

using Index = Eigen::Index;

void require_square(const RealMatrix& a, const char* who) {
  if (a.rows() != a.cols())
    throw InvalidInput(who, "operator must be square, got " + std::to_string(a.rows()) + "x" +
                                std::to_string(a.cols()));
}

// max_j Σ_i |a_ij|: a bound on ‖A‖_2 (for symmetric A the column and row sums agree).
bool dense_fits(Index n, const SpectrumOptions& opts) {
  return 8.0 * static_cast<double>(n) * static_cast<double>(n) <=
         static_cast<double>(opts.max_dense_bytes);
}

// Throws ResourceLimit unless an n×n dense matrix fits the budget.
void check_dense_budget(Index n, const SpectrumOptions& opts, const char* what) {
  const double bytes = 8.0 * static_cast<double>(n) * static_cast<double>(n);
  if (bytes > static_cast<double>(opts.max_dense_bytes))
    throw ResourceLimit(std::string(what) + ": a dense eigensolver on " + std::to_string(n) +
                        " rows needs about " + std::to_string(bytes / 1e9) +
                        " GB, over the limit of " +
                        std::to_string(static_cast<double>(opts.max_dense_bytes) / 1e9) + " GB");
}

// Whether a dense eigenproblem of order n goes to the GPU. An explicit `cuda` request without
// a device is answered on the CPU (the caller has already said so through select_backend).
bool use_cuda(Backend backend, Index n) {
  if (backend == Backend::Cpu || cuda_device_count() == 0) return false;
  return backend == Backend::Cuda || n >= kCudaDenseEigenThreshold;
}

// Dense symmetric eigen-decomposition of the sparse `a`: the eigenvalues are values() (the
// solver's, minus `shift`), the eigenvectors the solver's.
struct DenseEigen {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver;
  double shift = 0;
  std::vector<double> values() const {
    std::vector<double> v(solver.eigenvalues().data(),
                          solver.eigenvalues().data() + solver.eigenvalues().size());
    for (double& x : v) x -= shift;
    return v;
  }
};

// The sparse matrix is written straight into the solver's own storage, so only one n×n dense
// matrix exists at a time. Eigen 3.4.0's tridiagonal QR can fail to converge when eigenvalues
// sit at zero (its deflation test scales with √|diagonal|); the retry shifts the spectrum into
// [‖A‖, 3‖A‖], which leaves the eigenvectors unchanged and costs only an absolute error of
// order ε‖A‖, the accuracy of the unshifted solve anyway.
void dense_solve(const RealMatrix& a, const SpectrumOptions& opts, bool vectors,
                 const char* what, DenseEigen& out) {
  check_dense_budget(a.rows(), opts, what);
  report_progress(opts.progress, "dense eigensolver", 0, 1);
  const int mode = vectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly;
  out.shift = 0;
  out.solver.compute(a, mode);
  if (out.solver.info() != Eigen::Success) {
    const double bound = abs_sum_norm(a);
    out.shift = bound > 0 ? 2 * bound : 1.0;
    RealMatrix identity(a.rows(), a.cols());
    identity.setIdentity();
    RealMatrix shifted = a + out.shift * identity;
    out.solver.compute(shifted, mode);
  }
  if (out.solver.info() != Eigen::Success)
    throw NumericalFailure(std::string(what) + ": dense symmetric eigensolver did not converge (n = " +
                           std::to_string(a.rows()) + ")");
  report_progress(opts.progress, "dense eigensolver", 1, 1);
}

// y = P (A − σI)⁻¹ P x, the shift-invert operator for Spectra, where P projects out the
// columns of `deflate` (orthonormal, approximate eigenvectors of A, hence invariant under the
// inverse). Projected-out directions get eigenvalue 0, so a rerun finds the next ones.
class ShiftInvertOp {
 public:
  using Scalar = double;
  // Cholesky rather than LDLᵀ: A − σI is positive definite whenever the shift is usable, LLᵀ
  // is ~10% faster here, and it reports a non-positive pivot (not positive definite) itself.
  using Factorization =
      Eigen::SimplicialLLT<RealMatrix, Eigen::Lower, Eigen::AMDOrdering<std::int64_t>>;

  ShiftInvertOp(const RealMatrix& a, const Progress& progress, std::size_t max_ops)
      : a_(a), progress_(progress), max_ops_(max_ops) {}

  Index rows() const { return a_.rows(); }
  Index cols() const { return a_.rows(); }

  // Factorizes A − σI; false when it is not positive definite (the shift is then unusable).
  bool factorize(double sigma) {
    report_progress(progress_, "shift-invert factorization", 0, 1);
    RealMatrix shifted = a_;
    RealMatrix identity(a_.rows(), a_.rows());
    identity.setIdentity();
    shifted -= sigma * identity;
    factor_.compute(shifted);
    sigma_ = sigma;
    report_progress(progress_, "shift-invert factorization", 1, 1);
    // Cholesky succeeds (every pivot > 0) exactly when A − σI is positive definite.
    return factor_.info() == Eigen::Success;
  }

  // Spectra calls this from the solver's constructor; the factorization is already done.
  void set_shift(double sigma) {
    if (sigma != sigma_ && !factorize(sigma))
      throw NumericalFailure("shift-invert: A - sigma I is singular or indefinite");
  }

  void set_deflation(const Eigen::MatrixXd* v) { deflate_ = v; }

  void perform_op(const double* x_in, double* y_out) const {
    Eigen::Map<const Eigen::VectorXd> x(x_in, a_.rows());
    Eigen::Map<Eigen::VectorXd> y(y_out, a_.rows());
    if (deflate_ != nullptr && deflate_->cols() > 0) {
      tmp_ = x - *deflate_ * (deflate_->transpose() * x);
      y = factor_.solve(tmp_);
      y -= *deflate_ * (deflate_->transpose() * y);
    } else {
      y = factor_.solve(x);
    }
    if (++ops_ % 64 == 0) report_progress(progress_, "shift-invert Lanczos", ops_, max_ops_);
  }

 private:
  const RealMatrix& a_;
  const Progress& progress_;
  std::size_t max_ops_;
  Factorization factor_;
  double sigma_ = std::numeric_limits<double>::quiet_NaN();
  const Eigen::MatrixXd* deflate_ = nullptr;
  mutable Eigen::VectorXd tmp_;
  mutable std::size_t ops_ = 0;
};

// Deterministic start vector, entries uniform in [-0.5, 0.5) (splitmix64), so that results do
// not depend on a global random state.
Eigen::VectorXd start_vector(Index n, std::uint64_t seed) {
  Eigen::VectorXd v(n);
  std::uint64_t x = 0x9E3779B97F4A7C15ull * (seed + 1);
  for (Index i = 0; i < n; ++i) {
    x += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    v[i] = static_cast<double>(z >> 11) * 0x1.0p-53 - 0.5;
  }
  return v;
}

// An orthonormal basis of the column span of `v` (columns assumed independent).
Eigen::MatrixXd orthonormal(const Eigen::MatrixXd& v) {
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(v);
  return qr.householderQ() * Eigen::MatrixXd::Identity(v.rows(), v.cols());
}

struct Eigenpairs {
  std::vector<double> values;  // ascending
  Eigen::MatrixXd vectors;     // columns, when asked for
};

// The k smallest eigenpairs of the symmetric `a` by shift-invert Lanczos (Spectra), with the
// columns of `deflate` projected out. Requires 0 < k and k + deflate.cols() < n.
class SparseSmallest {
 public:
  SparseSmallest(const RealMatrix& a, const SpectrumOptions& opts)
      : a_(a), opts_(opts), norm_(abs_sum_norm(a)),
        op_(a, opts.progress,
            static_cast<std::size_t>(std::max(opts.lanczos_max_restarts, 1)) * 64) {
    // A − σI must be positive definite so that the eigenvalues nearest σ are the smallest.
    // σ = −shift·‖A‖ keeps the kernel well separated from the rest; for an indefinite A only a
    // shift below the whole spectrum (−‖A‖ bounds it) works.
    const double scale = norm_ > 0 ? norm_ : 1.0;
    sigma_ = -opts.shift * scale;
    if (!op_.factorize(sigma_)) {
      sigma_ = -(1.0 + opts.shift) * scale;
      if (!op_.factorize(sigma_))
        throw NumericalFailure("smallest eigenvalues: A - sigma I is not positive definite at sigma = " +
                               std::to_string(sigma_) + " below -||A|| (is A symmetric and finite?)");
    }
  }

  Eigenpairs run(Index k, bool vectors, const Eigen::MatrixXd* deflate = nullptr) {
    const Index n = a_.rows();
    // The Krylov space lives in the complement of the deflated vectors; a subspace larger than
    // that complement would fill up with null directions of the projected operator.
    const Index free_dim = n - (deflate != nullptr ? deflate->cols() : 0);
    Index ncv = std::min<Index>(std::max<Index>(2 * k + 1, 20), free_dim);
    Index restarts = 0;
    // A second attempt with a larger subspace and another start vector rescues the rare
    // non-convergence on very degenerate spectra.
    std::string why = "no convergence";
    for (int attempt = 0; attempt < 2; ++attempt) {
      op_.set_deflation(deflate);
      try {
        Spectra::SymEigsShiftSolver<ShiftInvertOp> eigs(op_, k, ncv, sigma_);
        // A fresh start vector per run: a rerun from the same vector would again lack exactly
        // the directions of a repeated eigenvalue that the first run could not reach.
        Eigen::VectorXd v0 = start_vector(n, runs_++);
        if (deflate != nullptr && deflate->cols() > 0)
          v0 -= *deflate * (deflate->transpose() * v0);
        eigs.init(v0.data());
        eigs.compute(Spectra::SortRule::LargestMagn, opts_.lanczos_max_restarts,
                     opts_.lanczos_tol, Spectra::SortRule::SmallestAlge);
        restarts += eigs.num_iterations();
        if (eigs.info() == Spectra::CompInfo::Successful) {
          Eigenpairs out{{}, eigs.eigenvectors()};
          if (checked(out)) {
            op_.set_deflation(nullptr);
            if (!vectors) out.vectors.resize(0, 0);
            return out;
          }
          why = "a returned pair failed its residual check";
        }
      } catch (const Error&) {
        throw;  // cancellation through the progress callback
      } catch (const std::exception& e) {
        why = e.what();  // Spectra's own failures (e.g. of the small tridiagonal eigensolver)
      }
      op_.set_deflation(nullptr);
      ncv = std::min<Index>(2 * ncv, free_dim);
    }
    throw NumericalFailure("shift-invert Lanczos failed (" + why + "): " + std::to_string(k) +
                           " eigenvalues of a " + std::to_string(n) + "x" + std::to_string(n) +
                           " operator, sigma = " + std::to_string(sigma_) + ", after " +
                           std::to_string(restarts) + " restarts");
  }

  // Replaces Spectra's values σ + 1/ν by the Rayleigh quotients of the returned vectors (exact
  // for the vector itself, and accurate near zero where σ + 1/ν cancels) and checks every
  // residual ‖Av − λv‖ against ‖A‖: a run that "converged" to a spurious pair (possible when a
  // restart after a Lanczos breakdown mixes in deflated directions) fails the check. Sorts the
  // pairs ascending.
  bool checked(Eigenpairs& p) const {
    const Index m = p.vectors.cols();
    const double tol = 1e-6 * std::max(norm_, 1e-300);
    std::vector<std::pair<double, Index>> order;
    for (Index j = 0; j < m; ++j) {
      const double len = p.vectors.col(j).norm();
      if (!(len > 0.5)) return false;  // Ritz vectors are unit vectors
      p.vectors.col(j) /= len;
      const Eigen::VectorXd av = a_ * p.vectors.col(j);
      const double rq = p.vectors.col(j).dot(av);
      if (!std::isfinite(rq) || (av - rq * p.vectors.col(j)).norm() > tol) return false;
      order.emplace_back(rq, j);
    }
    std::sort(order.begin(), order.end());
    Eigen::MatrixXd sorted(p.vectors.rows(), m);
    p.values.clear();
    for (Index j = 0; j < m; ++j) {
      p.values.push_back(order[static_cast<std::size_t>(j)].first);
      sorted.col(j) = p.vectors.col(order[static_cast<std::size_t>(j)].second);
    }
    p.vectors = std::move(sorted);
    return true;
  }

  // The k smallest eigenvalues, certified against missed copies of repeated eigenvalues: one
  // Krylov space holds a single direction of each eigenspace (in exact arithmetic), so a run can
  // converge while skipping copies. Each check reruns with every pair found so far projected
  // out; if that finds something below the current k-th value, it was missed, is added, and
  // the check repeats. It stops when the rest of the spectrum lies at or above the k-th value.
  std::vector<double> smallest(Index k) {
    const Index n = a_.rows();
    Eigenpairs first = run(k, true);
    std::vector<double> values = first.values;
    Eigen::MatrixXd basis = orthonormal(first.vectors);
    const double tol = 1e-8 * std::max(norm_, 1.0);
    for (;;) {
      std::sort(values.begin(), values.end());
      const double kth = values[static_cast<std::size_t>(k - 1)];
      // The check needs only the bottom of the remaining spectrum: one value converges in about
      // ncv solves (a third of a k = 10 run); each round that finds a missed copy adds it.
      const Index r = std::min<Index>(1, n - basis.cols() - 1);
      if (r <= 0) break;
      const Eigenpairs more = run(r, true, &basis);
      if (more.values.empty() || more.values.front() >= kth - tol) break;
      values.insert(values.end(), more.values.begin(), more.values.end());
      Eigen::MatrixXd grown(n, basis.cols() + more.vectors.cols());
      grown << basis, more.vectors;
      basis = orthonormal(grown);
    }
    values.resize(static_cast<std::size_t>(k));
    return values;
  }


 private:
  const RealMatrix& a_;
  const SpectrumOptions& opts_;
  double norm_ = 0;
  double sigma_ = 0;
  std::uint64_t runs_ = 0;  // seeds the start vectors
  ShiftInvertOp op_;
};

// The CSR form of a sparse boundary and of its transpose. A column-major B is already the CSR
// of Bᵀ; the CSR of B itself is a row-major copy.
struct CsrPair {
  RealMatrix cols;  // B, compressed column-major: its arrays are the CSR of Bᵀ
  Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t> rows;  // B row-major: CSR of B

  explicit CsrPair(RealMatrix b) : cols(std::move(b)), rows(cols) {
    cols.makeCompressed();
    rows.makeCompressed();
  }
  device_sparse::CsrView csr() const {
    return {rows.rows(), rows.cols(), rows.outerIndexPtr(), rows.innerIndexPtr(), rows.valuePtr()};
  }
  device_sparse::CsrView csr_transposed() const {
    return {cols.cols(), cols.rows(), cols.outerIndexPtr(), cols.innerIndexPtr(), cols.valuePtr()};
  }
  // ‖B‖₁‖B‖_∞ ≥ ‖B‖₂² = ‖BᵀB‖₂ = ‖BBᵀ‖₂.
  double norm_product() const {
    auto max_outer_sum = [](const auto& m) {
      double best = 0;
      for (Index j = 0; j < m.outerSize(); ++j) {
        double s = 0;
        for (typename std::decay_t<decltype(m)>::InnerIterator it(m, j); it; ++it)
          s += std::abs(it.value());
        best = std::max(best, s);
      }
      return best;
    };
    return max_outer_sum(cols) * max_outer_sum(rows);
  }
};

// Whether the k smallest eigenvalues of an order-n Hodge Laplacian go to the GPU.
bool use_cuda_sparse(Backend backend, std::size_t n) {
  if (backend == Backend::Cpu || cuda_device_count() == 0) return false;
  return backend == Backend::Cuda || n >= kCudaSparseLaplacianThreshold;
}

// Matrix-free device Lanczos on L_q = B_qᵀB_q + B_{q+1}B_{q+1}ᵀ; 0 < k ≤ n.
std::vector<double> device_laplacian_smallest(const ChainComplex& c, int q, std::size_t k,
                                              const SpectrumOptions& opts) {
  const CsrPair down(c.real_boundary(q));     // B_q: dim C_{q-1} × n
  const CsrPair up(c.real_boundary(q + 1));   // B_{q+1}: n × dim C_{q+1}
  const device_sparse::HodgeBoundaries b{down.csr(), down.csr_transposed(), up.csr(),
                                         up.csr_transposed()};
  lanczos::Options lo;
  lo.tol = opts.lanczos_tol;
  lo.max_restarts = opts.lanczos_max_restarts;
  report_progress(opts.progress, "GPU Lanczos", 0, 1);
  auto values = device_sparse::cuda_hodge_smallest_eigenvalues(
      b, static_cast<std::int64_t>(c.dim(q)), k, down.norm_product() + up.norm_product(), lo);
  report_progress(opts.progress, "GPU Lanczos", 1, 1);
  return values;
}

}  // namespace

std::vector<double> laplacian_smallest_eigenvalues(const ChainComplex& c, int q, std::size_t k,
                                                   const SpectrumOptions& opts) {
  const std::size_t n = c.dim(q);  // 0 for q outside 0..top
  k = std::min(k, n);
  if (k == 0) return {};
  if (use_cuda_sparse(opts.backend, n)) return device_laplacian_smallest(c, q, k, opts);
  return smallest_eigenvalues(hodge_laplacian(c, q), k, opts);
}

double abs_sum_norm(const RealMatrix& a) {
  double norm = 0;
  for (Index j = 0; j < a.outerSize(); ++j) {
    double s = 0;
    for (RealMatrix::InnerIterator it(a, j); it; ++it) s += std::abs(it.value());
    norm = std::max(norm, s);
  }
  return norm;
}

double zero_threshold(const RealMatrix& a, const SpectrumOptions& opts) {
  return opts.atol + opts.rtol * abs_sum_norm(a);
}

std::vector<double> full_spectrum(const RealMatrix& a, const SpectrumOptions& opts) {
  require_square(a, "full_spectrum");
  if (a.rows() == 0) return {};
  // Above dense_threshold a full spectrum still needs every eigenvalue, which only a dense
  // solver gives; the memory budget, not the threshold, decides whether it may run.
  if (use_cuda(opts.backend, a.rows())) {
    check_dense_budget(a.rows(), opts, "full_spectrum");
    return cuda_symmetric_eigenvalues(Eigen::MatrixXd(a));
  }
  DenseEigen es;
  dense_solve(a, opts, false, "full_spectrum", es);
  return es.values();
}

std::vector<double> smallest_eigenvalues(const RealMatrix& a, std::size_t k,
                                         const SpectrumOptions& opts) {
  require_square(a, "smallest_eigenvalues");
  const auto n = static_cast<std::size_t>(a.rows());
  k = std::min(k, n);
  if (k == 0) return {};
  auto dense_first_k = [&] {
    auto all = full_spectrum(a, opts);
    all.resize(k);
    return all;
  };
  // Spectra needs k < ncv ≤ n, and the certification reruns another k in the complement; when
  // k is a sizable fraction of n the Krylov work approaches a dense solve anyway.
  if (n <= opts.dense_threshold || k + 1 >= n || (3 * k >= n && dense_fits(a.rows(), opts)))
    return dense_first_k();
  if (a.nonZeros() == 0) return std::vector<double>(k, 0.0);
  try {
    SparseSmallest solver(a, opts);
    return solver.smallest(static_cast<Index>(k));
  } catch (const NumericalFailure&) {
    // Lanczos can stall on extremely degenerate spectra; a dense solve is exact if it fits.
    if (!dense_fits(a.rows(), opts)) throw;
    report_progress(opts.progress, "dense fallback after Lanczos failure", 0, 1);
    return dense_first_k();
  }
}

double smallest_nonzero_eigenvalue(const RealMatrix& a, std::size_t nullity,
                                   const SpectrumOptions& opts) {
  require_square(a, "smallest_nonzero_eigenvalue");
  if (static_cast<std::size_t>(a.rows()) <= nullity) return 0.0;
  return smallest_eigenvalues(a, nullity + 1, opts).back();
}

std::size_t numeric_nullity(const std::vector<double>& eigenvalues, double threshold) {
  return static_cast<std::size_t>(std::count_if(eigenvalues.begin(), eigenvalues.end(),
                                                [&](double l) { return std::abs(l) <= threshold; }));
}

HarmonicSpace harmonic_space(const ChainComplex& c, int q, const InnerProduct& ip,
                             const SpectrumOptions& opts) {
  HarmonicSpace h;
  h.degree = q;
  const std::size_t n = c.dim(q);
  h.basis.resize(static_cast<Index>(n), 0);
  if (n == 0) return h;  // includes q outside 0..top: C_q = 0, β_q = 0

  HomologyOptions hopts;
  hopts.coefficients = Coefficients::rationals();
  hopts.max_dim = q;
  hopts.progress = opts.progress;
  h.exact_betti = homology(c, hopts).betti.at(static_cast<std::size_t>(q));

  h.cells.reserve(n);
  for (std::size_t i = 0; i < n; ++i) h.cells.push_back(c.label(q, i));

  const RealMatrix l = hodge_laplacian(c, q, ip);
  h.zero_threshold = zero_threshold(l, opts);

  const Index nn = static_cast<Index>(n);
  auto dense_kernel = [&] {
    DenseEigen es;
    dense_solve(l, opts, true, "harmonic_space", es);
    const Index z = static_cast<Index>(numeric_nullity(es.values(), h.zero_threshold));
    // Eigenvalues are ascending and L ⪰ 0, so the null vectors are the first z columns.
    h.basis = es.solver.eigenvectors().leftCols(z);
    h.numeric_nullity = static_cast<std::size_t>(z);
    return h;
  };
  if (n <= opts.dense_threshold || l.nonZeros() == 0 ||
      (3 * (h.exact_betti + 1) >= n && dense_fits(nn, opts)))
    return dense_kernel();

  // Large: collect null vectors by shift-invert Lanczos, asking each time for one more than
  // still expected. A run that ends on a nonzero eigenvalue with ≥ β vectors found settles the
  // nullity; otherwise the run repeats with the found vectors projected out, which catches
  // copies of the zero eigenvalue that one Krylov space missed. It stops when a run adds none.
  try {
    SparseSmallest solver(l, opts);
    Eigen::MatrixXd found(nn, 0);
    for (;;) {
      const Index missing = std::max<Index>(static_cast<Index>(h.exact_betti) - found.cols(), 0);
      const Index k = std::min<Index>(missing + 1, nn - found.cols() - 1);
      if (k <= 0) break;
      const Eigenpairs p = solver.run(k, true, &found);
      Index zeros = 0;
      for (double v : p.values)
        if (std::abs(v) <= h.zero_threshold) ++zeros;
      if (zeros == 0) break;
      Eigen::MatrixXd grown(nn, found.cols() + zeros);
      grown << found, p.vectors.leftCols(zeros);
      // Re-orthonormalize: vectors from separate runs are orthogonal only up to solver accuracy.
      found = orthonormal(grown);
      if (zeros < k && found.cols() >= static_cast<Index>(h.exact_betti)) break;
    }
    h.basis = std::move(found);
    h.numeric_nullity = static_cast<std::size_t>(h.basis.cols());
    return h;
  } catch (const NumericalFailure&) {
    if (!dense_fits(nn, opts)) throw;
    report_progress(opts.progress, "dense fallback after Lanczos failure", 0, 1);
    return dense_kernel();
  }
}

}  // namespace topospec

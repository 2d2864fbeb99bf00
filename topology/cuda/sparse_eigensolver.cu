// The k smallest eigenvalues of large sparse symmetric PSD operators on the GPU: the thick-restart
// Lanczos of src/lanczos.hpp over device-resident vectors (cuBLAS for the vector and basis
// operations, cuSPARSE SpMV for the operator). A Hodge Laplacian is applied matrix-free,
// L_q x = B_qᵀ(B_q x) + B_{q+1}(B_{q+1}ᵀ x), so L_q (denser than its boundaries) is never stored.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../src/device_sparse.hpp"
#include "../src/lanczos.hpp"
#include "device_memory.cuh"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {
namespace device_sparse {
namespace {

// A CSR matrix in device memory with its cuSPARSE descriptor; 32-bit indices where they fit.
class DeviceCsr {
 public:
  explicit DeviceCsr(const CsrView& a) : rows_(a.rows), cols_(a.cols), nnz_(a.nnz()) {
    const auto nnz = static_cast<std::size_t>(nnz_);
    const auto nrows = static_cast<std::size_t>(rows_);
    values_ = cuda::DeviceBuffer<double>(nnz);
    values_.upload(a.values + a.offsets[0], nnz);
    const cusparseIndexType_t type = fits_int32(a) ? CUSPARSE_INDEX_32I : CUSPARSE_INDEX_64I;
    if (type == CUSPARSE_INDEX_32I) {
      std::vector<std::int32_t> off(nrows + 1), idx(nnz);
      for (std::size_t i = 0; i <= nrows; ++i)
        off[i] = static_cast<std::int32_t>(a.offsets[i] - a.offsets[0]);
      for (std::size_t i = 0; i < nnz; ++i)
        idx[i] = static_cast<std::int32_t>(a.indices[a.offsets[0] + static_cast<std::int64_t>(i)]);
      off32_ = cuda::DeviceBuffer<std::int32_t>(nrows + 1);
      idx32_ = cuda::DeviceBuffer<std::int32_t>(nnz);
      off32_.upload(off.data(), off.size());
      idx32_.upload(idx.data(), idx.size());
      cuda::check(cusparseCreateCsr(&descr_, rows_, cols_, nnz_, off32_.get(), idx32_.get(),
                                    values_.get(), type, type, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_64F),
                  "cusparseCreateCsr");
    } else {
      std::vector<std::int64_t> off(nrows + 1);
      for (std::size_t i = 0; i <= nrows; ++i) off[i] = a.offsets[i] - a.offsets[0];
      off64_ = cuda::DeviceBuffer<std::int64_t>(nrows + 1);
      idx64_ = cuda::DeviceBuffer<std::int64_t>(nnz);
      off64_.upload(off.data(), off.size());
      idx64_.upload(a.indices + a.offsets[0], nnz);
      cuda::check(cusparseCreateCsr(&descr_, rows_, cols_, nnz_, off64_.get(), idx64_.get(),
                                    values_.get(), type, type, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_64F),
                  "cusparseCreateCsr");
    }
  }
  ~DeviceCsr() {
    if (descr_) cusparseDestroySpMat(descr_);
  }
  DeviceCsr(const DeviceCsr&) = delete;
  DeviceCsr& operator=(const DeviceCsr&) = delete;

  cusparseSpMatDescr_t descr() const { return descr_; }

 private:
  std::int64_t rows_, cols_, nnz_;
  cuda::DeviceBuffer<double> values_;
  cuda::DeviceBuffer<std::int32_t> off32_, idx32_;
  cuda::DeviceBuffer<std::int64_t> off64_, idx64_;
  cusparseSpMatDescr_t descr_ = nullptr;
};

// A dense device vector descriptor whose data pointer is set per call; created at the first
// call, so that it never holds a null pointer.
class DnVec {
 public:
  explicit DnVec(std::int64_t size) : size_(size) {}
  ~DnVec() {
    if (d_) cusparseDestroyDnVec(d_);
  }
  DnVec(const DnVec&) = delete;
  DnVec& operator=(const DnVec&) = delete;
  cusparseDnVecDescr_t set(const double* ptr) {
    if (d_ == nullptr)
      cuda::check(cusparseCreateDnVec(&d_, size_, const_cast<double*>(ptr), CUDA_R_64F),
                  "cusparseCreateDnVec");
    else
      cuda::check(cusparseDnVecSetValues(d_, const_cast<double*>(ptr)), "cusparseDnVecSetValues");
    return d_;
  }
  std::int64_t size() const { return size_; }

 private:
  std::int64_t size_;
  cusparseDnVecDescr_t d_ = nullptr;
};

// CSR_ALG2 is cuSPARSE's deterministic CSR SpMV: seeded runs give identical results.
constexpr cusparseSpMVAlg_t kSpMVAlg = CUSPARSE_SPMV_CSR_ALG2;

// One SpMV step y = A x (+ y when accumulate), with the dense descriptors for its two sides.
struct SpMVStep {
  const DeviceCsr* a;
  DnVec* x;
  DnVec* y;
};

// y = L x as a chain of SpMVs through device temporaries; one cuSPARSE buffer serves all steps.
class DeviceOperator {
 public:
  explicit DeviceOperator(std::int64_t n) : n_(n) {}
  virtual ~DeviceOperator() = default;
  virtual void apply(const double* x, double* y) = 0;

 protected:
  // Sizes and allocates the shared SpMV buffer for the steps of `steps` (after the matrices are
  // uploaded: cuSPARSE needs their descriptors for the query).
  // The query gets a real (probe) vector behind every descriptor, freed before the Krylov basis
  // is allocated; it is counted as one of the SpMV temporaries in the estimate.
  void prepare(const std::vector<SpMVStep>& steps) {
    std::size_t most = 0, longest = 0;
    for (const SpMVStep& s : steps)
      longest = std::max({longest, static_cast<std::size_t>(s.x->size()),
                          static_cast<std::size_t>(s.y->size())});
    cuda::DeviceBuffer<double> probe(longest);
    const double one = 1.0;
    for (const SpMVStep& s : steps) {
      std::size_t bytes = 0;
      cuda::check(cusparseSpMV_bufferSize(sparse_.h, CUSPARSE_OPERATION_NON_TRANSPOSE, &one,
                                          s.a->descr(), s.x->set(probe.get()), &one,
                                          s.y->set(probe.get()), CUDA_R_64F, kSpMVAlg, &bytes),
                  "cusparseSpMV_bufferSize");
      most = std::max(most, bytes);
    }
    cuda::ensure_fits(most, "cuSPARSE SpMV workspace");
    buffer_ = cuda::DeviceBuffer<char>(most);
  }
  void spmv(const SpMVStep& s, const double* x, double* y, bool accumulate) {
    const double one = 1.0, zero = 0.0;
    cuda::check(cusparseSpMV(sparse_.h, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, s.a->descr(),
                             s.x->set(x), accumulate ? &one : &zero, s.y->set(y), CUDA_R_64F,
                             kSpMVAlg, buffer_.get()),
                "cusparseSpMV");
  }
  void zero(double* y) {
    cuda::check(cudaMemsetAsync(y, 0, sizeof(double) * static_cast<std::size_t>(n_)), "cudaMemset");
  }

  std::int64_t n_;
  cuda::SparseHandle sparse_;
  cuda::DeviceBuffer<char> buffer_;
};

// An assembled symmetric CSR matrix.
class CsrOperator : public DeviceOperator {
 public:
  explicit CsrOperator(const CsrView& a)
      : DeviceOperator(a.rows), a_(a), x_(a.cols), y_(a.rows) {
    prepare({step()});
  }
  void apply(const double* x, double* y) override { spmv(step(), x, y, false); }

 private:
  SpMVStep step() { return {&a_, &x_, &y_}; }
  DeviceCsr a_;
  DnVec x_, y_;
};

// L_q = B_qᵀ B_q + B_{q+1} B_{q+1}ᵀ through the four stored boundaries; a term whose boundary
// has no entries contributes nothing and is skipped.
class HodgeOperator : public DeviceOperator {
 public:
  HodgeOperator(const HodgeBoundaries& b, std::int64_t n)
      : DeviceOperator(n),
        has_down_(b.down.nnz() > 0),
        has_up_(b.up.nnz() > 0),
        t_down_(has_down_ ? static_cast<std::size_t>(b.down.rows) : 0),
        t_up_(has_up_ ? static_cast<std::size_t>(b.up_t.rows) : 0),
        vn_(n),
        vdown_(has_down_ ? b.down.rows : 0),
        vup_(has_up_ ? b.up_t.rows : 0) {
    std::vector<SpMVStep> steps;
    if (has_down_) {
      down_ = std::make_unique<DeviceCsr>(b.down);
      down_t_ = std::make_unique<DeviceCsr>(b.down_t);
      steps.push_back({down_.get(), &vn_, &vdown_});
      steps.push_back({down_t_.get(), &vdown_, &vn_});
    }
    if (has_up_) {
      up_ = std::make_unique<DeviceCsr>(b.up);
      up_t_ = std::make_unique<DeviceCsr>(b.up_t);
      steps.push_back({up_t_.get(), &vn_, &vup_});
      steps.push_back({up_.get(), &vup_, &vn_});
    }
    prepare(steps);
  }

  void apply(const double* x, double* y) override {
    // x and y share the one length-n descriptor, so each step sets it right before its use.
    if (has_down_) {
      spmv({down_.get(), &vn_, &vdown_}, x, t_down_.get(), false);
      spmv({down_t_.get(), &vdown_, &vn_}, t_down_.get(), y, false);
    }
    if (has_up_) {
      spmv({up_t_.get(), &vn_, &vup_}, x, t_up_.get(), false);
      spmv({up_.get(), &vup_, &vn_}, t_up_.get(), y, has_down_);
    }
    if (!has_down_ && !has_up_) zero(y);
  }

 private:
  bool has_down_, has_up_;
  std::unique_ptr<DeviceCsr> down_, down_t_, up_, up_t_;
  cuda::DeviceBuffer<double> t_down_, t_up_;  // B_q x and B_{q+1}ᵀ x
  DnVec vn_, vdown_, vup_;
};

// The lanczos.hpp vector space on the device: vectors and bases live in device memory; small
// coefficient vectors and matrices (h, Y) are host arrays staged through one device scratch.
class DeviceSpace {
 public:
  struct Block {
    cuda::DeviceBuffer<double> buf;
    double* data() const { return buf.get(); }
  };

  DeviceSpace(std::int64_t n, DeviceOperator& op) : n_(n), op_(op) {}

  std::size_t size() const { return static_cast<std::size_t>(n_); }
  Block allocate(std::size_t cols) {
    return Block{cuda::DeviceBuffer<double>(cols * static_cast<std::size_t>(n_))};
  }
  void apply(const double* x, double* y) { op_.apply(x, y); }
  double dot(const double* x, const double* y) {
    double r = 0;
    cuda::check(cublasDdot_64(blas_.h, n_, x, 1, y, 1, &r), "cublasDdot");
    return r;
  }
  void axpy(double a, const double* x, double* y) {
    cuda::check(cublasDaxpy_64(blas_.h, n_, &a, x, 1, y, 1), "cublasDaxpy");
  }
  void scale(double a, double* x) { cuda::check(cublasDscal_64(blas_.h, n_, &a, x, 1), "cublasDscal"); }
  void copy(const double* x, double* y) {
    cuda::check(cublasDcopy_64(blas_.h, n_, x, 1, y, 1), "cublasDcopy");
  }
  void gemv_t(const double* v, std::size_t cols, const double* w, double* h) {
    if (cols == 0) return;
    const double one = 1.0, zero = 0.0;
    double* d = scratch(cols);
    cuda::check(cublasDgemv_64(blas_.h, CUBLAS_OP_T, n_, static_cast<std::int64_t>(cols), &one, v,
                               n_, w, 1, &zero, d, 1),
                "cublasDgemv (V^T w)");
    scratch_.download(h, cols);
  }
  void gemv_n(double a, const double* v, std::size_t cols, const double* h, double* w) {
    if (cols == 0) return;
    const double one = 1.0;
    double* d = scratch(cols);
    scratch_.upload(h, cols);
    cuda::check(cublasDgemv_64(blas_.h, CUBLAS_OP_N, n_, static_cast<std::int64_t>(cols), &a, v,
                               n_, d, 1, &one, w, 1),
                "cublasDgemv (V h)");
  }
  void gemm(const double* v, std::size_t cols, const double* y, std::size_t p, double* out) {
    if (cols == 0 || p == 0) return;
    const double one = 1.0, zero = 0.0;
    double* d = scratch(cols * p);
    scratch_.upload(y, cols * p);
    const auto c = static_cast<std::int64_t>(cols);
    cuda::check(cublasDgemm_64(blas_.h, CUBLAS_OP_N, CUBLAS_OP_N, n_, static_cast<std::int64_t>(p),
                               c, &one, v, n_, d, c, &zero, out, n_),
                "cublasDgemm (V Y)");
  }
  void upload(const double* host, double* x) {
    cuda::check(cudaMemcpy(x, host, sizeof(double) * size(), cudaMemcpyHostToDevice), "upload");
  }

 private:
  double* scratch(std::size_t count) {
    if (scratch_.size() < count) scratch_ = cuda::DeviceBuffer<double>(count);
    return scratch_.get();
  }
  std::int64_t n_;
  DeviceOperator& op_;
  cuda::BlasHandle blas_;
  cuda::DeviceBuffer<double> scratch_;
};

void require_device() {
  if (cuda_device_count() == 0) throw DeviceUnavailable(cuda_device_description());
}

// Device bytes besides the CSR arrays: the Lanczos vectors, the SpMV temporaries (`temp`
// doubles) and the coefficient scratch (at most an m × m restart matrix, m ≤ 2k + min_subspace).
std::size_t solver_bytes(std::int64_t n, std::size_t k, std::size_t temp,
                         const lanczos::Options& opts) {
  const std::size_t m = 2 * k + 1 + opts.min_subspace;
  return sizeof(double) * (lanczos_vectors(static_cast<std::size_t>(n), k, opts) *
                               static_cast<std::size_t>(n) +
                           temp + m * m);
}

std::vector<double> solve(DeviceOperator& op, std::int64_t n, std::size_t k, double sigma,
                          const lanczos::Options& opts, lanczos::Stats* stats) {
  DeviceSpace space(n, op);
  return lanczos::smallest_eigenvalues(space, k, sigma, opts, stats);
}

}  // namespace

std::vector<double> cuda_hodge_smallest_eigenvalues(const HodgeBoundaries& b, std::int64_t n,
                                                    std::size_t k, double sigma,
                                                    const lanczos::Options& opts,
                                                    lanczos::Stats* stats) {
  k = std::min(k, static_cast<std::size_t>(n));
  if (k == 0) return {};
  require_device();
  const bool down = b.down.nnz() > 0, up = b.up.nnz() > 0;
  std::size_t bytes = 0, temp = 0;
  if (down) {
    bytes += csr_device_bytes(b.down) + csr_device_bytes(b.down_t);
    temp += static_cast<std::size_t>(b.down.rows);
  }
  if (up) {
    bytes += csr_device_bytes(b.up) + csr_device_bytes(b.up_t);
    temp += static_cast<std::size_t>(b.up_t.rows);
  }
  bytes += solver_bytes(n, k, temp + static_cast<std::size_t>(n), opts);  // + the SpMV probe
  cuda::ensure_fits(bytes, "matrix-free Lanczos for " + std::to_string(k) +
                               " eigenvalues of a Hodge Laplacian of order " + std::to_string(n));
  HodgeOperator op(b, n);
  return solve(op, n, k, sigma, opts, stats);
}

std::vector<double> cuda_csr_smallest_eigenvalues(const CsrView& a, std::size_t k, double sigma,
                                                  const lanczos::Options& opts,
                                                  lanczos::Stats* stats) {
  if (a.rows != a.cols)
    throw InvalidInput("matrix", "operator must be square, got " + std::to_string(a.rows) + "x" +
                                     std::to_string(a.cols));
  const std::int64_t n = a.rows;
  k = std::min(k, static_cast<std::size_t>(n));
  if (k == 0) return {};
  if (a.nnz() == 0) return std::vector<double>(k, 0.0);
  require_device();
  cuda::ensure_fits(csr_device_bytes(a) + solver_bytes(n, k, static_cast<std::size_t>(n), opts),
                    "Lanczos for " + std::to_string(k) + " eigenvalues of a sparse operator of order " +
                        std::to_string(n));
  CsrOperator op(a);
  return solve(op, n, k, sigma, opts, stats);
}

}  // namespace device_sparse
}  // namespace topospec

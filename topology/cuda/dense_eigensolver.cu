// Dense symmetric eigenvalues on the GPU: one matrix with cuSOLVER's divide-and-conquer syevd,
// and the many small blocks of a persistent-Laplacian grid in batches: orders ≤ 32 through the
// batched Jacobi solver (syevjBatched, one launch per order), larger ones through syevd on a
// few streams so that medium blocks overlap. Device memory is planned before each allocation.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "device_memory.cuh"
#include "topospec/topology/backend.hpp"

namespace topospec {
namespace {

// syevjBatched accepts orders up to 32 (cuSOLVER documentation).
constexpr int kJacobiMaxOrder = 32;
// Jacobi sweeps stop at this off-diagonal tolerance; a block that does not reach it is solved
// again by syevd.
constexpr double kJacobiTolerance = 1e-14;
constexpr int kJacobiMaxSweeps = 100;
// Streams for the syevd part: medium blocks (a few hundred rows) do not fill an H100/H200.
constexpr int kStreams = 4;

void require_square(const Eigen::MatrixXd& a) {
  if (a.rows() != a.cols()) throw InvalidInput("matrix", "not square");
}

void require_device() {
  if (cuda_device_count() == 0) throw DeviceUnavailable(cuda_device_description());
}

int syevd_workspace(cusolverDnHandle_t h, int n) {
  int lwork = 0;
  cuda::check(cusolverDnDsyevd_bufferSize(h, CUSOLVER_EIG_MODE_NOVECTOR, CUBLAS_FILL_MODE_LOWER, n,
                                          nullptr, n, nullptr, &lwork),
              "syevd_bufferSize");
  return std::max(lwork, 1);
}

std::size_t syevd_bytes(int n, int lwork) {
  return sizeof(double) * (std::size_t(n) * n + n + std::size_t(lwork)) + sizeof(int);
}

// One syevd stream: a handle bound to its stream and buffers for the largest order it serves.
struct SyevdLane {
  cuda::Stream stream;  // declared first: outlives the handle bound to it
  cuda::SolverHandle solver;
  int capacity = 0, lwork = 0;
  cuda::DeviceBuffer<double> a, w, work;
  cuda::DeviceBuffer<int> info;
  std::vector<double> host_w;

  SyevdLane() { cuda::check(cusolverDnSetStream(solver.h, stream.s), "cusolverDnSetStream"); }

  void reserve(int n) {
    lwork = syevd_workspace(solver.h, n);
    a = cuda::DeviceBuffer<double>(std::size_t(n) * n);
    w = cuda::DeviceBuffer<double>(n);
    work = cuda::DeviceBuffer<double>(lwork);
    info = cuda::DeviceBuffer<int>(1);
    capacity = n;
  }

  // Queues the solve of `m` (order ≤ capacity); finish() waits and returns its eigenvalues.
  void start(const Eigen::MatrixXd& m) {
    const int n = static_cast<int>(m.rows());
    cuda::check(cudaMemcpyAsync(a.get(), m.data(), sizeof(double) * std::size_t(n) * n,
                                cudaMemcpyHostToDevice, stream.s),
                "copy A");
    cuda::check(cusolverDnDsyevd(solver.h, CUSOLVER_EIG_MODE_NOVECTOR, CUBLAS_FILL_MODE_LOWER, n,
                                 a.get(), n, w.get(), work.get(), lwork, info.get()),
                "syevd");
    host_w.resize(std::size_t(n));
  }
  std::vector<double> finish() {
    int status = 0;
    cuda::check(cudaMemcpyAsync(host_w.data(), w.get(), sizeof(double) * host_w.size(),
                                cudaMemcpyDeviceToHost, stream.s),
                "copy W");
    cuda::check(cudaMemcpyAsync(&status, info.get(), sizeof(int), cudaMemcpyDeviceToHost, stream.s),
                "copy info");
    cuda::check(cudaStreamSynchronize(stream.s), "syevd stream");
    if (status != 0)
      throw NumericalFailure("cuSOLVER syevd did not converge (info " + std::to_string(status) +
                             ", n = " + std::to_string(host_w.size()) + ")");
    return host_w;  // ascending
  }
};

// syevd for the matrices `which` (orders > 0), on up to kStreams lanes. Lanes are sized for the
// largest order; when that does not fit, fewer lanes are used, and a single matrix that does
// not fit throws ResourceLimit.
void solve_syevd(const std::vector<Eigen::MatrixXd>& matrices, const std::vector<std::size_t>& which,
                 std::vector<std::vector<double>>& out) {
  if (which.empty()) return;
  int largest = 0;
  for (std::size_t i : which) largest = std::max(largest, static_cast<int>(matrices[i].rows()));
  const std::size_t per_lane = [&] {
    cuda::SolverHandle probe;
    return syevd_bytes(largest, syevd_workspace(probe.h, largest));
  }();
  const std::size_t budget =
      static_cast<std::size_t>(cuda::kUsableFraction * static_cast<double>(cuda::free_device_bytes()));
  if (per_lane > budget)
    throw ResourceLimit("dense eigensolve of order " + std::to_string(largest) + " needs " +
                        std::to_string(per_lane >> 20) + " MiB of device memory; " +
                        std::to_string(budget >> 20) + " MiB usable");
  const int lanes = static_cast<int>(
      std::min<std::size_t>({std::size_t(kStreams), budget / per_lane, which.size()}));
  std::vector<std::unique_ptr<SyevdLane>> lane(static_cast<std::size_t>(lanes));
  for (auto& l : lane) {
    l = std::make_unique<SyevdLane>();
    l->reserve(largest);
  }
  // Round-robin: lane k serves which[k], which[k + lanes], …; each lane's previous result is
  // collected before its buffers are reused.
  std::vector<std::size_t> pending(static_cast<std::size_t>(lanes), std::size_t(-1));
  for (std::size_t j = 0; j < which.size(); ++j) {
    const std::size_t k = j % static_cast<std::size_t>(lanes);
    if (pending[k] != std::size_t(-1)) out[pending[k]] = lane[k]->finish();
    lane[k]->start(matrices[which[j]]);
    pending[k] = which[j];
  }
  for (std::size_t k = 0; k < pending.size(); ++k)
    if (pending[k] != std::size_t(-1)) out[pending[k]] = lane[k]->finish();
}

// syevjBatched for the matrices `which`, all of order n ≤ kJacobiMaxOrder. Returns those whose
// Jacobi sweeps did not converge (left for syevd).
std::vector<std::size_t> solve_jacobi(const std::vector<Eigen::MatrixXd>& matrices, int n,
                                      const std::vector<std::size_t>& which,
                                      std::vector<std::vector<double>>& out) {
  cuda::SolverHandle solver;
  syevjInfo_t params = nullptr;
  cuda::check(cusolverDnCreateSyevjInfo(&params), "cusolverDnCreateSyevjInfo");
  struct ParamsGuard {
    syevjInfo_t p;
    ~ParamsGuard() { cusolverDnDestroySyevjInfo(p); }
  } guard{params};
  cuda::check(cusolverDnXsyevjSetTolerance(params, kJacobiTolerance), "syevj tolerance");
  cuda::check(cusolverDnXsyevjSetMaxSweeps(params, kJacobiMaxSweeps), "syevj sweeps");
  cuda::check(cusolverDnXsyevjSetSortEig(params, 1), "syevj sort");

  const std::size_t nn = std::size_t(n) * n;
  // Batches bounded by device memory (matrix, eigenvalues, info, workspace per block).
  const std::size_t per_block = sizeof(double) * (nn + n) + sizeof(int);
  const std::size_t budget =
      static_cast<std::size_t>(cuda::kUsableFraction * static_cast<double>(cuda::free_device_bytes()));
  const std::size_t max_batch = std::max<std::size_t>(1, budget / (2 * per_block));
  std::vector<std::size_t> failed;
  for (std::size_t first = 0; first < which.size(); first += max_batch) {
    const std::size_t count = std::min(max_batch, which.size() - first);
    const int batch = static_cast<int>(count);
    std::vector<double> host_a(count * nn), host_w(count * std::size_t(n));
    std::vector<int> host_info(count);
    for (std::size_t b = 0; b < count; ++b)
      std::copy(matrices[which[first + b]].data(), matrices[which[first + b]].data() + nn,
                host_a.begin() + static_cast<std::ptrdiff_t>(b * nn));
    cuda::DeviceBuffer<double> a(count * nn), w(count * std::size_t(n));
    cuda::DeviceBuffer<int> info(count);
    a.upload(host_a.data(), host_a.size());
    int lwork = 0;
    cuda::check(cusolverDnDsyevjBatched_bufferSize(solver.h, CUSOLVER_EIG_MODE_NOVECTOR,
                                                   CUBLAS_FILL_MODE_LOWER, n, a.get(), n, w.get(),
                                                   &lwork, params, batch),
                "syevjBatched_bufferSize");
    cuda::ensure_fits(sizeof(double) * std::size_t(std::max(lwork, 1)), "batched Jacobi workspace");
    cuda::DeviceBuffer<double> work(std::max(lwork, 1));
    cuda::check(cusolverDnDsyevjBatched(solver.h, CUSOLVER_EIG_MODE_NOVECTOR, CUBLAS_FILL_MODE_LOWER,
                                        n, a.get(), n, w.get(), work.get(), lwork, info.get(),
                                        params, batch),
                "syevjBatched");
    w.download(host_w.data(), host_w.size());
    info.download(host_info.data(), host_info.size());
    for (std::size_t b = 0; b < count; ++b) {
      if (host_info[b] != 0) {
        failed.push_back(which[first + b]);
        continue;
      }
      const auto begin = host_w.begin() + static_cast<std::ptrdiff_t>(b * std::size_t(n));
      out[which[first + b]].assign(begin, begin + n);
    }
  }
  return failed;
}

}  // namespace

std::vector<double> cuda_symmetric_eigenvalues(const Eigen::MatrixXd& a) {
  require_square(a);
  if (a.rows() == 0) return {};
  require_device();
  std::vector<std::vector<double>> out(1);
  solve_syevd({a}, {0}, out);
  return std::move(out[0]);
}

std::vector<std::vector<double>> cuda_symmetric_eigenvalues_batched(
    const std::vector<Eigen::MatrixXd>& matrices) {
  for (const auto& m : matrices) require_square(m);
  std::vector<std::vector<double>> out(matrices.size());
  std::map<int, std::vector<std::size_t>> small;  // order → blocks, for syevjBatched
  std::vector<std::size_t> large;
  for (std::size_t i = 0; i < matrices.size(); ++i) {
    const auto n = static_cast<int>(matrices[i].rows());
    if (n == 0) continue;
    if (n == 1) out[i] = {matrices[i](0, 0)};
    else if (n <= kJacobiMaxOrder) small[n].push_back(i);
    else large.push_back(i);
  }
  if (small.empty() && large.empty()) return out;
  require_device();
  for (const auto& [n, which] : small)
    for (std::size_t i : solve_jacobi(matrices, n, which, out)) large.push_back(i);
  // Largest first, so that the lanes' buffers are sized once and the long solves start early.
  std::stable_sort(large.begin(), large.end(), [&](std::size_t x, std::size_t y) {
    return matrices[x].rows() > matrices[y].rows();
  });
  solve_syevd(matrices, large, out);
  return out;
}

}  // namespace topospec

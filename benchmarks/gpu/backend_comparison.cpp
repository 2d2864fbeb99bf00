// The GPU device check's benchmark: full spectra of Hodge Laplacians of growing size, on the CPU
// (Eigen, the reference) and on the GPU (cuSOLVER syevd), with times and the largest relative
// eigenvalue difference. Prints one table row per size. Whole-process benchmark program (not a
// test): run by scripts/gpu-check.sh.
#include <Eigen/Dense>
#include <chrono>
#include <cstdio>
#include <random>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/boundary.hpp"

using namespace topospec;

namespace {

// L_1 of the clique complex (up to triangles) of a random graph with about `edges` edges.
Eigen::MatrixXd random_l1(std::size_t edges, unsigned seed) {
  const int n = static_cast<int>(std::sqrt(2.0 * edges / 0.3)) + 2;
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution coin(0.3);
  std::vector<std::vector<char>> adj(n, std::vector<char>(n, 0));
  std::vector<Simplex> simplices;
  for (int i = 0; i < n; ++i) simplices.push_back({i});
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n && simplices.size() < edges + n; ++j)
      if (coin(rng)) adj[i][j] = 1, simplices.push_back({i, j});
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (adj[i][j])
        for (int k = j + 1; k < n; ++k)
          if (adj[i][k] && adj[j][k]) simplices.push_back({i, j, k});
  const auto c = chain_complex(SimplicialComplex::from_simplices(simplices));
  const RealMatrix b1 = c.real_boundary(1), b2 = c.real_boundary(2);
  // Sparse products first: the dense boundaries would be far larger than L_1 itself.
  const RealMatrix l1 = RealMatrix(b1.transpose() * b1) + RealMatrix(b2 * b2.transpose());
  return Eigen::MatrixXd(l1);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main() {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rows appear as they finish, even through a pipe
  std::printf("device: %s\n", cuda_device_description().c_str());
  std::printf("%-28s %8s %10s %10s %8s %12s\n", "benchmark", "rows", "cpu_s", "gpu_s", "ratio",
              "max_rel_diff");
  for (std::size_t edges : {500, 1000, 2000, 4000}) {
    const Eigen::MatrixXd l1 = random_l1(edges, 7);
    auto t0 = std::chrono::steady_clock::now();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> cpu(l1, Eigen::EigenvaluesOnly);
    const double cpu_s = seconds_since(t0);
    double gpu_s = -1, diff = -1;
    if (cuda_device_count() > 0) {
      cuda_symmetric_eigenvalues(Eigen::MatrixXd::Identity(4, 4));  // context warm-up
      t0 = std::chrono::steady_clock::now();
      const std::vector<double> gpu = cuda_symmetric_eigenvalues(l1);
      gpu_s = seconds_since(t0);
      diff = 0;
      const double scale = cpu.eigenvalues().cwiseAbs().maxCoeff();
      for (Eigen::Index i = 0; i < l1.rows(); ++i)
        diff = std::max(diff, std::abs(gpu[i] - cpu.eigenvalues()[i]) / scale);
    }
    std::printf("%-28s %8ld %10.3f %10.3f %8.2f %12.2e\n", "dense L1 full spectrum",
                static_cast<long>(l1.rows()), cpu_s, gpu_s, gpu_s > 0 ? cpu_s / gpu_s : 0.0, diff);
  }
  return 0;
}

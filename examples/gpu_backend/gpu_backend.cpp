// The persistent-Laplacian study of ../persistent_laplacian (Δ_1^{a,b} of the Rips filtration of
// an 8 × 6 grid on the Clifford torus, a ≤ b on 0.85, 0.95, …, 1.75) with the CUDA backend
// requested, and the same printed numbers on every machine.
//
//   gpu_backend [cuda|auto|cpu]      (default cuda)
//
// What runs on the GPU: the eigenvalue problems. persistent_laplacian_spectra never
// diagonalises Δ itself; it takes the nonzero spectrum of Δ_1^{a,b} as the union of those of
// two Gram matrices (the up term ∂^{a,b}_2 in an orthonormal basis of the relative chains, the
// down term ∂_1 on K_a), and PersistentLaplacianOptions::spectrum.backend (a SpectrumOptions
// field) sends every such Gram matrix, densely, to cuSOLVER's syevd: `cuda` always, `auto` from
// kCudaDenseEigenThreshold = 1024 rows (so on this small study `auto` stays on the CPU). Building
// the complex and the Gram matrices, the QR factorisation that gives the relative chains, and
// the barcode run on the CPU; the library offers no GPU path for them.
//
// select_backend() resolves the request against what this build of topospec contains and the
// devices present; without CUDA compiled in, or without a device, it falls back to the CPU and
// says why. That message, the device and the timings differ between machines, so they go to
// standard error; standard output carries only machine-independent results: the table of
// ../persistent_laplacian/expected_output.txt (its first 58 lines, verbatim: eigenvalues printed
// to 6 decimals, far above the round-off by which cuSOLVER and LAPACK may differ on matrices of
// this size and norm ≤ 20), and checks that the nullities equal β_1^{a,b} from the barcode and
// that every eigenvalue equals the CPU reference (recomputed with backend `cpu`) to 1e-9. The
// matrices have at most 384 rows, below the 1024 where `auto` would choose the GPU: the example
// shows the routing and the fallback, not a speed-up.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <topospec/topology/backend.hpp>
#include <topospec/topology/error.hpp>
#include <topospec/topology/filtration.hpp>
#include <topospec/topology/persistence.hpp>
#include <topospec/topology/persistent_laplacian.hpp>
#include <topospec/topology/point_cloud.hpp>
#include <vector>

namespace {

std::vector<std::vector<double>> clifford_torus_grid(int m, int k) {
  std::vector<std::vector<double>> points;
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < k; ++j) {
      const double u = 2 * std::numbers::pi * i / m, v = 2 * std::numbers::pi * j / k;
      points.push_back({std::cos(u), std::sin(u), std::cos(v), std::sin(v)});
    }
  return points;
}

double clean(double x) { return std::abs(x) < 1e-9 ? 0.0 : x; }

// Spectra of all requests with dense eigenproblems on `backend`, timed on standard error.
std::vector<topospec::PersistentSpectrum> spectra_on(
    topospec::Backend backend, const topospec::ChainComplex& chains,
    const std::vector<topospec::PersistentRequest>& requests) {
  topospec::PersistentLaplacianOptions opts;
  opts.spectrum.backend = backend;
  const auto start = std::chrono::steady_clock::now();
  auto spectra = topospec::persistent_laplacian_spectra(chains, requests, opts);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::fprintf(stderr, "gpu_backend: %zu spectra with backend %s in %.3f s\n", spectra.size(),
               topospec::to_string(backend).c_str(), took.count());
  return spectra;
}

}  // namespace

int main(int argc, char** argv) try {
  const topospec::Backend requested = topospec::parse_backend(argc > 1 ? argv[1] : "cuda");
  const topospec::BackendChoice choice = topospec::select_backend(requested);
  std::fprintf(stderr, "gpu_backend: requested %s, using %s; CUDA compiled: %s; device: %s\n",
               topospec::to_string(requested).c_str(), topospec::to_string(choice.used).c_str(),
               topospec::cuda_compiled() ? "yes" : "no",
               topospec::cuda_device_description().c_str());
  if (!choice.message.empty()) std::fprintf(stderr, "gpu_backend: note: %s\n", choice.message.c_str());
  // A fallback runs on the CPU; otherwise keep the request (`auto` then decides per matrix size).
  const topospec::Backend backend =
      choice.used == topospec::Backend::Cpu ? topospec::Backend::Cpu : requested;

  std::vector<double> grid;
  for (int i = 0; i < 10; ++i) grid.push_back((85 + 10 * i) / 100.0);
  const auto points = topospec::PointCloud::from_rows(clifford_torus_grid(8, 6));
  const topospec::ChainComplex chains =
      topospec::rips_complex(topospec::DistanceMatrix::euclidean(points), 2, grid.back())
          .chain_complex();
  std::vector<topospec::PersistentRequest> requests;
  for (double a : grid)
    for (double b : grid)
      if (a <= b) requests.push_back({1, a, b});

  const auto spectra = spectra_on(backend, chains, requests);
  // The CPU reference: the same spectra with every eigenproblem on the CPU (after a fallback,
  // the spectra above are that computation already).
  const auto reference = backend == topospec::Backend::Cpu
                             ? spectra
                             : spectra_on(topospec::Backend::Cpu, chains, requests);
  topospec::PersistenceOptions popts;
  popts.max_dim = 1;
  const topospec::Barcode barcode = topospec::persistence(chains, popts);

  std::printf("Clifford torus, 8 x 6 grid, Vietoris-Rips up to %.2f: %zu vertices, %zu edges, "
              "%zu triangles\n",
              grid.back(), chains.dim(0), chains.dim(1), chains.dim(2));
  std::printf("persistent Laplacian Delta_1^{a,b}\n");
  std::printf("%5s %5s %6s %8s %8s %11s %11s\n", "a", "b", "edges", "nullity", "beta_ab",
              "lambda_min", "lambda_max");
  double max_difference = 0;
  std::size_t agree = 0;
  for (std::size_t i = 0; i < spectra.size(); ++i) {
    const auto& s = spectra[i];
    const std::size_t beta = barcode.persistent_betti(1, s.request.a, s.request.b);
    agree += s.numeric_nullity == beta;
    std::printf("%5.2f %5.2f %6zu %8zu %8zu %11.6f %11.6f\n", s.request.a, s.request.b,
                s.eigenvalues.size(), s.numeric_nullity, beta, clean(s.smallest_nonzero()),
                clean(s.eigenvalues.empty() ? 0 : s.eigenvalues.back()));
    if (s.eigenvalues.size() != reference[i].eigenvalues.size()) max_difference = INFINITY;
    else
      for (std::size_t k = 0; k < s.eigenvalues.size(); ++k)
        max_difference =
            std::max(max_difference, std::abs(s.eigenvalues[k] - reference[i].eigenvalues[k]));
  }
  std::fprintf(stderr, "gpu_backend: max |eigenvalue - CPU reference| = %.3g\n", max_difference);
  std::printf("nullity(Delta_1^{a,b}) = beta_1^{a,b} from the barcode at %zu of %zu pairs\n",
              agree, spectra.size());
  std::printf("every eigenvalue equals the CPU reference to 1e-9: %s\n",
              max_difference <= 1e-9 ? "yes" : "NO");
  return agree == spectra.size() && max_difference <= 1e-9 ? 0 : 1;
} catch (const topospec::Error& e) {
  std::fprintf(stderr, "gpu_backend: %s\n", e.what());
  return 2;
}

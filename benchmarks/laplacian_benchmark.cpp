// The 10 smallest eigenvalues of the Hodge Laplacian L_1 of a large 2-complex: the
// Freudenthal triangulation of an NX×NY×NZ box of unit cubes (each cube cut into the 6
// tetrahedra along its main diagonal), 2-skeleton. Benchmark arguments are NX/NY/NZ:
// 12/12/12 (13,428 edges; bulk 3D, the hard case for a sparse factorization) and 120/120/1
// (144,961 edges; a slab, whose factorization fills in like a 2D mesh).
//
// Peer: benchmarks/peer_scipy_eigsh.py builds the same L_1 with numpy/scipy and runs
// scipy.sparse.linalg.eigsh(L1, k=10, sigma=σ) (ARPACK shift-invert on a SuperLU factorization)
// with the same σ = −10⁻³·‖L_1‖ (largest absolute column sum).
//
//   build-spectra/benchmarks/laplacian_benchmark --benchmark_filter='L1/120/120/1'
//   python3 benchmarks/peer_scipy_eigsh.py 120 120 1
#include <benchmark/benchmark.h>

#include <Spectra/MatOp/SparseSymShiftSolve.h>
#include <Spectra/SymEigsShiftSolver.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace {

using topospec::RealMatrix;
using topospec::Simplex;

constexpr std::size_t kEigenvalues = 10;

// Triangles of the Freudenthal triangulation of [0,nx]×[0,ny]×[0,nz]: per cube and per order
// of the axes, the tetrahedron (v, v+e_a, v+e_a+e_b, v+e_a+e_b+e_c) and its four faces. Vertex
// (x, y, z) has id x + (nx+1)(y + (ny+1) z). Duplicated faces are merged by the closure.
topospec::SimplicialComplex freudenthal_2_skeleton(int nx, int ny, int nz) {
  const auto id = [nx, ny](int x, int y, int z) -> topospec::VertexId {
    return x + static_cast<topospec::VertexId>(nx + 1) * (y + static_cast<topospec::VertexId>(ny + 1) * z);
  };
  std::array<int, 3> axes{0, 1, 2};
  std::vector<std::array<int, 3>> orders;
  do orders.push_back(axes);
  while (std::next_permutation(axes.begin(), axes.end()));
  std::vector<Simplex> triangles;
  triangles.reserve(static_cast<std::size_t>(nx) * ny * nz * 24);
  for (int z = 0; z < nz; ++z)
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x)
        for (const auto& order : orders) {
          std::array<int, 3> p{x, y, z};
          std::array<topospec::VertexId, 4> tet{};
          tet[0] = id(p[0], p[1], p[2]);
          for (int s = 0; s < 3; ++s) {
            ++p[static_cast<std::size_t>(order[static_cast<std::size_t>(s)])];
            tet[static_cast<std::size_t>(s + 1)] = id(p[0], p[1], p[2]);
          }
          for (int skip = 0; skip < 4; ++skip) {
            Simplex t;
            for (int i = 0; i < 4; ++i)
              if (i != skip) t.push_back(tet[static_cast<std::size_t>(i)]);
            triangles.push_back(std::move(t));
          }
        }
  return topospec::SimplicialComplex::from_simplices(triangles);
}

topospec::SimplicialComplex box_of(const benchmark::State& state) {
  return freudenthal_2_skeleton(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                                static_cast<int>(state.range(2)));
}

// L_1 per box, built once and shared by the eigenvalue benchmarks.
const RealMatrix& l1_of_box(const benchmark::State& state) {
  static std::map<std::array<std::int64_t, 3>, std::unique_ptr<RealMatrix>> cache;
  auto& slot = cache[{state.range(0), state.range(1), state.range(2)}];
  if (!slot) {
    const auto c = topospec::chain_complex(box_of(state));
    slot = std::make_unique<RealMatrix>(topospec::hodge_laplacian(c, 1));
  }
  return *slot;
}

void set_matrix_counters(benchmark::State& state, const RealMatrix& l1) {
  state.counters["rows"] = static_cast<double>(l1.rows());
  state.counters["nnz"] = static_cast<double>(l1.nonZeros());
}

// Building the complex, its chain complex and L_1 (sparse products, pruning).
void BM_BuildL1(benchmark::State& state) {
  RealMatrix l1;
  for (auto _ : state) {
    const auto c = topospec::chain_complex(box_of(state));
    l1 = topospec::hodge_laplacian(c, 1);
    benchmark::DoNotOptimize(l1.nonZeros());
  }
  set_matrix_counters(state, l1);
}

// topospec: Cholesky shift-invert Lanczos with the certification rerun (smallest_eigenvalues).
void BM_SmallestEigenvaluesL1(benchmark::State& state) {
  const RealMatrix& l1 = l1_of_box(state);
  std::vector<double> ev;
  for (auto _ : state) {
    ev = topospec::smallest_eigenvalues(l1, kEigenvalues);
    benchmark::DoNotOptimize(ev.data());
  }
  set_matrix_counters(state, l1);
  state.counters["lambda_1"] = ev.front();
  state.counters["lambda_10"] = ev.back();
}

// Spectra's own SparseSymShiftSolve (SparseLU) on the same σ, one run, no certification: the
// route the library does not take, kept to justify the Cholesky choice.
void BM_SpectraSparseLuShiftSolveL1(benchmark::State& state) {
  const RealMatrix& l1 = l1_of_box(state);
  double norm = 0;
  for (Eigen::Index j = 0; j < l1.outerSize(); ++j) {
    double s = 0;
    for (RealMatrix::InnerIterator it(l1, j); it; ++it) s += std::abs(it.value());
    norm = std::max(norm, s);
  }
  const double sigma = -1e-3 * norm;
  const auto k = static_cast<Eigen::Index>(kEigenvalues);
  Eigen::VectorXd ev;
  for (auto _ : state) {
    Spectra::SparseSymShiftSolve<double, Eigen::Lower, Eigen::ColMajor, std::int64_t> op(l1);
    Spectra::SymEigsShiftSolver<decltype(op)> eigs(op, k, std::max<Eigen::Index>(2 * k + 1, 20),
                                                    sigma);
    eigs.init();
    eigs.compute(Spectra::SortRule::LargestMagn, 1000, 1e-10, Spectra::SortRule::SmallestAlge);
    if (eigs.info() != Spectra::CompInfo::Successful) state.SkipWithError("did not converge");
    ev = eigs.eigenvalues();
  }
  set_matrix_counters(state, l1);
  if (ev.size() > 0) {
    state.counters["lambda_1"] = ev[0];
    state.counters["lambda_10"] = ev[ev.size() - 1];
  }
}

}  // namespace

// One iteration each: a run takes seconds, and the peer comparison is whole-process anyway.
#define TOPOSPEC_BOXES ->Args({12, 12, 12})->Args({120, 120, 1})->Unit(benchmark::kMillisecond)
BENCHMARK(BM_BuildL1) TOPOSPEC_BOXES;
BENCHMARK(BM_SmallestEigenvaluesL1) TOPOSPEC_BOXES->Iterations(1);
BENCHMARK(BM_SpectraSparseLuShiftSolveL1) TOPOSPEC_BOXES->Iterations(1);

BENCHMARK_MAIN();

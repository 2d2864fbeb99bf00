#include "dense_symmetric_eigen.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/error.hpp"

#ifdef TOPOSPEC_WITH_LAPACKE
#include <lapacke.h>
// Band → tridiagonal reduction (the second stage of LAPACK's two-stage dsyevd_2stage, LAPACK
// ≥ 3.7); LAPACKE has no wrapper for it. Trailing arguments: Fortran string lengths.
extern "C" void dsytrd_sb2st_(const char* stage1, const char* vect, const char* uplo,
                              const lapack_int* n, const lapack_int* kd, double* ab,
                              const lapack_int* ldab, double* d, double* e, double* hous,
                              const lapack_int* lhous, double* work, const lapack_int* lwork,
                              lapack_int* info, std::size_t, std::size_t, std::size_t);
#endif
#ifdef TOPOSPEC_WITH_BOOST_GRAPH
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/cuthill_mckee_ordering.hpp>
#endif

namespace topospec::detail {

namespace {

bool on_gpu(const SpectrumOptions& opts, Eigen::Index n) {
  if (opts.backend == Backend::Cpu || cuda_device_count() == 0) return false;
  return opts.backend == Backend::Cuda || n >= kCudaDenseEigenThreshold;
}

#ifdef TOPOSPEC_WITH_LAPACKE
// dsyevd overwrites `a` with the eigenvectors when asked for them. Large eigenvalues-only
// problems go through the two-stage reduction (dense → band by BLAS-3, then band →
// tridiagonal): dsytrd's one-stage reduction spends half its flops in memory-bound symmetric
// matrix–vector products, and the two-stage path measured 1.3–1.5× faster from n ≈ 3000
// (BENCHMARKS.md). LAPACK has the two-stage driver for eigenvalues only.
constexpr lapack_int kTwoStageMinOrder = 512;
std::vector<double> lapack_solve(Eigen::MatrixXd& a, bool vectors) {
  const auto n = static_cast<lapack_int>(a.rows());
  std::vector<double> w(static_cast<std::size_t>(n));
  const lapack_int info =
      vectors || n < kTwoStageMinOrder
          ? LAPACKE_dsyevd(LAPACK_COL_MAJOR, vectors ? 'V' : 'N', 'L', n, a.data(), n, w.data())
          : LAPACKE_dsyevd_2stage(LAPACK_COL_MAJOR, 'N', 'L', n, a.data(), n, w.data());
  if (info != 0)
    throw NumericalFailure("dense symmetric eigensolver (dsyevd) failed, info = " +
                           std::to_string(info) + " (n = " + std::to_string(n) + ")");
  return w;
}
#else
// Eigen 3.4.0's tridiagonal QR can fail to converge with eigenvalues at zero; a shift into
// [‖A‖, 3‖A‖] leaves the eigenvectors unchanged (as spectrum.cpp does).
std::vector<double> eigen_solve(Eigen::MatrixXd& a, bool vectors) {
  const int mode = vectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(a, mode);
  double shift = 0;
  if (es.info() != Eigen::Success) {
    const double bound = a.cwiseAbs().rowwise().sum().maxCoeff();
    shift = bound > 0 ? 2 * bound : 1.0;
    a.diagonal().array() += shift;
    es.compute(a, mode);
  }
  if (es.info() != Eigen::Success)
    throw NumericalFailure("dense symmetric eigensolver did not converge (n = " +
                           std::to_string(a.rows()) + ")");
  std::vector<double> w(es.eigenvalues().data(), es.eigenvalues().data() + es.eigenvalues().size());
  for (double& x : w) x -= shift;
  if (vectors) a = es.eigenvectors();
  return w;
}
#endif

std::vector<double> cpu_solve(Eigen::MatrixXd& a, bool vectors) {
#ifdef TOPOSPEC_WITH_LAPACKE
  return lapack_solve(a, vectors);
#else
  return eigen_solve(a, vectors);
#endif
}

#if defined(TOPOSPEC_WITH_LAPACKE) && defined(TOPOSPEC_WITH_BOOST_GRAPH)
constexpr bool kHaveBand = true;
// Eigenvalues of the symmetric band matrix in LAPACK lower band storage (ab(i − j, j) = a(i, j),
// ldab = kd + 1), ascending; `ab` is overwritten.
std::vector<double> band_solve(std::vector<double>& ab, lapack_int n, lapack_int kd) {
  const lapack_int ldab = kd + 1;
  std::vector<double> d(static_cast<std::size_t>(n)), e(static_cast<std::size_t>(std::max(n, 1)));
  double hq = 0, wq = 0;
  lapack_int query = -1, info = 0;
  dsytrd_sb2st_("N", "N", "L", &n, &kd, ab.data(), &ldab, d.data(), e.data(), &hq, &query, &wq,
                &query, &info, 1, 1, 1);
  if (info != 0)
    throw NumericalFailure("band tridiagonal reduction (dsytrd_sb2st) workspace query failed, info = " +
                           std::to_string(info));
  const auto lhous = std::max<lapack_int>(static_cast<lapack_int>(hq), 1);
  const auto lwork = std::max<lapack_int>(static_cast<lapack_int>(wq), 1);
  std::vector<double> hous(static_cast<std::size_t>(lhous)), work(static_cast<std::size_t>(lwork));
  dsytrd_sb2st_("N", "N", "L", &n, &kd, ab.data(), &ldab, d.data(), e.data(), hous.data(), &lhous,
                work.data(), &lwork, &info, 1, 1, 1);
  if (info != 0)
    throw NumericalFailure("band tridiagonal reduction (dsytrd_sb2st) failed, info = " +
                           std::to_string(info) + " (n = " + std::to_string(n) + ")");
  info = LAPACKE_dsterf(n, d.data(), e.data());
  if (info != 0)
    throw NumericalFailure("tridiagonal eigensolver (dsterf) failed, info = " + std::to_string(info) +
                           " (n = " + std::to_string(n) + ")");
  return d;  // dsterf sorts ascending
}

// Reverse Cuthill–McKee order of a connected graph given by adjacency lists (local indices):
// order[k] = vertex placed at position k.
std::vector<std::size_t> rcm_order(const std::vector<std::vector<std::size_t>>& adj) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph graph(adj.size());
  for (std::size_t u = 0; u < adj.size(); ++u)
    for (std::size_t v : adj[u])
      if (u < v) boost::add_edge(u, v, graph);
  std::vector<std::size_t> order(adj.size());
  boost::cuthill_mckee_ordering(graph, order.rbegin());
  return order;
}
#else
constexpr bool kHaveBand = false;
#endif

}  // namespace

namespace {

// The lower-triangle sparsity graph of g: adjacency lists and diagonal entries.
struct SymmetricPattern {
  std::vector<std::vector<std::size_t>> adj;
  std::vector<double> diag;
};

SymmetricPattern symmetric_pattern(const RealMatrix& g) {
  using Index = Eigen::Index;
  const auto un = static_cast<std::size_t>(g.rows());
  // Lower-triangle entries only (as the dense solvers read them); the graph is their pattern.
  SymmetricPattern p{std::vector<std::vector<std::size_t>>(un), std::vector<double>(un, 0.0)};
  for (Index j = 0; j < g.outerSize(); ++j)
    for (RealMatrix::InnerIterator it(g, j); it; ++it) {
      if (it.value() == 0.0 || it.row() < j) continue;
      const auto i = static_cast<std::size_t>(it.row()), jj = static_cast<std::size_t>(j);
      if (i == jj) {
        p.diag[i] += it.value();
      } else {
        p.adj[i].push_back(jj);
        p.adj[jj].push_back(i);
      }
    }
  return p;
}

// Calls visit(members) for every connected component with at least one edge (breadth-first
// order from its smallest vertex) and isolated(v) for every isolated vertex.
template <class Visit, class Isolated>
void for_each_component(const SymmetricPattern& p, Visit&& visit, Isolated&& isolated) {
  const std::size_t un = p.adj.size();
  std::vector<char> seen(un, 0);
  std::vector<std::size_t> members;
  for (std::size_t s = 0; s < un; ++s) {
    if (seen[s]) continue;
    seen[s] = 1;
    if (p.adj[s].empty()) {
      isolated(s);
      continue;
    }
    members.assign(1, s);
    for (std::size_t k = 0; k < members.size(); ++k)
      for (std::size_t v : p.adj[members[k]])
        if (!seen[v]) {
          seen[v] = 1;
          members.push_back(v);
        }
    visit(members);
  }
}

// The symmetric block of g on `order` (lower triangle filled): row/column k is vertex order[k].
// `local` maps a vertex to its position in `order`.
Eigen::MatrixXd component_block(const RealMatrix& g, const SymmetricPattern& p,
                                const std::vector<std::size_t>& order,
                                const std::vector<std::int64_t>& local) {
  using Index = Eigen::Index;
  const auto m = static_cast<Index>(order.size());
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(m, m);
  for (Index k = 0; k < m; ++k) {
    const auto j = static_cast<Index>(order[static_cast<std::size_t>(k)]);
    a(k, k) = p.diag[static_cast<std::size_t>(j)];
    for (RealMatrix::InnerIterator it(g, j); it; ++it) {
      if (it.value() == 0.0 || it.row() <= j) continue;
      const auto r = static_cast<Index>(local[static_cast<std::size_t>(it.row())]);
      a(std::max(r, k), std::min(r, k)) += it.value();
    }
  }
  return a;
}

}  // namespace

std::vector<std::vector<double>> component_spectra(const std::vector<RealMatrix>& gs,
                                                   const DenseBatchSolver& solve) {
  std::vector<std::vector<double>> out(gs.size());
  std::vector<Eigen::MatrixXd> blocks;
  std::vector<std::size_t> owner;  // matrix of each block
  for (std::size_t i = 0; i < gs.size(); ++i) {
    const RealMatrix& g = gs[i];
    if (g.rows() != g.cols())
      throw InvalidInput("matrix", "not square (" + std::to_string(g.rows()) + " x " +
                                       std::to_string(g.cols()) + ")");
    const SymmetricPattern p = symmetric_pattern(g);
    std::vector<std::int64_t> local(p.adj.size(), -1);
    out[i].reserve(p.adj.size());
    for_each_component(
        p,
        [&](const std::vector<std::size_t>& members) {
          for (std::size_t k = 0; k < members.size(); ++k) local[members[k]] = static_cast<std::int64_t>(k);
          blocks.push_back(component_block(g, p, members, local));
          owner.push_back(i);
        },
        [&](std::size_t v) { out[i].push_back(p.diag[v]); });
  }
  const auto values = solve(blocks);
  for (std::size_t b = 0; b < blocks.size(); ++b)
    out[owner[b]].insert(out[owner[b]].end(), values[b].begin(), values[b].end());
  for (auto& w : out) std::sort(w.begin(), w.end());
  return out;
}

std::vector<std::vector<double>> sparse_symmetric_eigenvalues_batched(const std::vector<RealMatrix>& gs,
                                                                      const SpectrumOptions& opts) {
  if (batch_on_gpu(opts))
    return component_spectra(gs, [&](const std::vector<Eigen::MatrixXd>& blocks) {
      // Under Auto a batch pays on the device when its work reaches that of one dense solve of
      // kCudaDenseEigenThreshold rows (where the GPU measured 20× faster, BENCHMARKS.md).
      double work = 0;
      for (const auto& b : blocks) work += std::pow(static_cast<double>(b.rows()), 3);
      if (opts.backend == Backend::Cuda || work >= std::pow(static_cast<double>(kCudaDenseEigenThreshold), 3))
        return cuda_symmetric_eigenvalues_batched(blocks);
      std::vector<std::vector<double>> out;
      for (Eigen::MatrixXd b : blocks) out.push_back(cpu_solve(b, false));
      return out;
    });
  std::vector<std::vector<double>> out;
  out.reserve(gs.size());
  for (const auto& g : gs) out.push_back(sparse_symmetric_eigenvalues(g, opts));
  return out;
}

bool batch_on_gpu(const SpectrumOptions& opts) {
  return opts.backend != Backend::Cpu && cuda_device_count() > 0;
}

std::vector<double> sparse_symmetric_eigenvalues(const RealMatrix& g, const SpectrumOptions& opts) {
  using Index = Eigen::Index;
  const Index n = g.rows();
  if (n == 0) return {};
  if (on_gpu(opts, n)) return cuda_symmetric_eigenvalues(Eigen::MatrixXd(g));
  const auto un = static_cast<std::size_t>(n);
  const SymmetricPattern pattern = symmetric_pattern(g);
  const auto& adj = pattern.adj;
  const auto& diag = pattern.diag;
  std::vector<std::int64_t> local(un, -1);
  std::vector<double> w;
  w.reserve(un);
  report_progress(opts.progress, "sparse eigensolver", 0, 1);
  for_each_component(pattern, [&](const std::vector<std::size_t>& members) {
    const std::size_t m = members.size();
    // Local numbering: by reverse Cuthill–McKee where the band path may apply, else as found.
    // A band of half-width b holds at most m(2b + 1) entries: denser components skip the
    // ordering (the up terms of persistent Laplacians carry a dense block).
    std::size_t entries = m;
    for (std::size_t v : members) entries += adj[v].size();
    const bool may_band =
        kHaveBand && static_cast<Index>(m) >= kBandMinOrder &&
        static_cast<double>(entries) <= static_cast<double>(m) * (2 * kBandFraction * static_cast<double>(m) + 1);
    std::vector<std::size_t> order = members;
    if (may_band) {
#if defined(TOPOSPEC_WITH_LAPACKE) && defined(TOPOSPEC_WITH_BOOST_GRAPH)
      for (std::size_t k = 0; k < m; ++k) local[members[k]] = static_cast<std::int64_t>(k);
      std::vector<std::vector<std::size_t>> sub(m);
      for (std::size_t k = 0; k < m; ++k)
        for (std::size_t v : adj[members[k]]) sub[k].push_back(static_cast<std::size_t>(local[v]));
      const auto rcm = rcm_order(sub);
      for (std::size_t k = 0; k < m; ++k) order[k] = members[rcm[k]];
#endif
    }
    for (std::size_t k = 0; k < m; ++k) local[order[k]] = static_cast<std::int64_t>(k);
    std::size_t bw = 0;
    for (std::size_t k = 0; may_band && k < m; ++k)
      for (std::size_t v : adj[order[k]])
        bw = std::max(bw, static_cast<std::size_t>(std::abs(local[v] - static_cast<std::int64_t>(k))));
    const bool band = may_band && static_cast<double>(bw) <= kBandFraction * static_cast<double>(m);
    std::vector<double> part;
    if (band) {
#if defined(TOPOSPEC_WITH_LAPACKE) && defined(TOPOSPEC_WITH_BOOST_GRAPH)
      const std::size_t ldab = bw + 1;
      std::vector<double> ab(ldab * m, 0.0);
      for (std::size_t k = 0; k < m; ++k) ab[k * ldab] = diag[order[k]];
      for (std::size_t k = 0; k < m; ++k) {
        const auto j = static_cast<Index>(order[k]);
        for (RealMatrix::InnerIterator it(g, j); it; ++it) {
          if (it.value() == 0.0 || it.row() <= j) continue;
          const auto r = static_cast<std::size_t>(local[static_cast<std::size_t>(it.row())]);
          // Lower triangle of the original → (max, min) of the new positions.
          const std::size_t hi = std::max(r, k), lo = std::min(r, k);
          ab[(hi - lo) + lo * ldab] += it.value();
        }
      }
      part = band_solve(ab, static_cast<lapack_int>(m), static_cast<lapack_int>(bw));
#endif
    } else {
      Eigen::MatrixXd a = component_block(g, pattern, order, local);
      part = cpu_solve(a, false);
    }
    w.insert(w.end(), part.begin(), part.end());
  }, [&](std::size_t v) { w.push_back(diag[v]); });
  std::sort(w.begin(), w.end());
  report_progress(opts.progress, "sparse eigensolver", 1, 1);
  return w;
}

std::vector<double> dense_symmetric_eigenvalues(Eigen::MatrixXd a, const SpectrumOptions& opts) {
  if (a.rows() == 0) return {};
  if (on_gpu(opts, a.rows())) return cuda_symmetric_eigenvalues(a);
  report_progress(opts.progress, "dense eigensolver", 0, 1);
  auto w = cpu_solve(a, false);
  report_progress(opts.progress, "dense eigensolver", 1, 1);
  return w;
}

std::pair<std::vector<double>, Eigen::MatrixXd> dense_symmetric_eigenpairs(
    Eigen::MatrixXd a, const SpectrumOptions& opts) {
  if (a.rows() == 0) return {{}, Eigen::MatrixXd(0, 0)};
  report_progress(opts.progress, "dense eigensolver", 0, 1);
  auto w = cpu_solve(a, true);
  report_progress(opts.progress, "dense eigensolver", 1, 1);
  return {std::move(w), std::move(a)};
}

}  // namespace topospec::detail

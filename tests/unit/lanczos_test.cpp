// Thick-restart Lanczos (topology/src/lanczos.hpp) with a host vector space, against Eigen's
// dense SelfAdjointEigenSolver. The same algorithm runs on the GPU with device vectors, so these
// CPU tests are what checks the algorithm itself (restarts, breakdowns, repeated eigenvalues,
// the certification reruns) in CI.
#include "../../topology/src/lanczos.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <random>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/generators.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

// Host vectors; the operator is an Eigen sparse matrix.
class HostSpace {
 public:
  using Block = std::vector<double>;
  explicit HostSpace(const RealMatrix& a) : a_(a), n_(static_cast<std::size_t>(a.rows())) {}

  std::size_t size() const { return n_; }
  Block allocate(std::size_t cols) { return Block(cols * n_); }
  void apply(const double* x, double* y) { vec(y) = a_ * cvec(x); }
  double dot(const double* x, const double* y) { return cvec(x).dot(cvec(y)); }
  void axpy(double a, const double* x, double* y) { vec(y) += a * cvec(x); }
  void scale(double a, double* x) { vec(x) *= a; }
  void copy(const double* x, double* y) { vec(y) = cvec(x); }
  void gemv_t(const double* v, std::size_t cols, const double* w, double* h) {
    Eigen::Map<Eigen::VectorXd>(h, idx(cols)) = cmat(v, cols).transpose() * cvec(w);
  }
  void gemv_n(double a, const double* v, std::size_t cols, const double* h, double* w) {
    vec(w) += a * (cmat(v, cols) * Eigen::Map<const Eigen::VectorXd>(h, idx(cols)));
  }
  void gemm(const double* v, std::size_t cols, const double* y, std::size_t p, double* out) {
    Eigen::Map<Eigen::MatrixXd>(out, idx(n_), idx(p)) =
        cmat(v, cols) * Eigen::Map<const Eigen::MatrixXd>(y, idx(cols), idx(p));
  }
  void upload(const double* host, double* x) { std::copy(host, host + n_, x); }

 private:
  static Eigen::Index idx(std::size_t i) { return static_cast<Eigen::Index>(i); }
  Eigen::Map<Eigen::VectorXd> vec(double* x) const { return {x, idx(n_)}; }
  Eigen::Map<const Eigen::VectorXd> cvec(const double* x) const { return {x, idx(n_)}; }
  Eigen::Map<const Eigen::MatrixXd> cmat(const double* v, std::size_t cols) const {
    return {v, idx(n_), idx(cols)};
  }
  const RealMatrix& a_;
  std::size_t n_;
};

std::vector<double> lanczos_smallest(const RealMatrix& a, std::size_t k,
                                     lanczos::Options opts = {}, lanczos::Stats* stats = nullptr) {
  HostSpace space(a);
  return lanczos::smallest_eigenvalues(space, k, abs_sum_norm(a), opts, stats);
}

std::vector<double> dense_smallest(const RealMatrix& a, std::size_t k) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es{Eigen::MatrixXd(a), Eigen::EigenvaluesOnly};
  std::vector<double> all(es.eigenvalues().data(), es.eigenvalues().data() + a.rows());
  all.resize(std::min(k, all.size()));
  return all;
}

// Agreement to 1e-8 relative to ‖A‖ (bounded by the row-sum norm).
void expect_matches_dense(const RealMatrix& a, std::size_t k, lanczos::Options opts = {},
                          const std::string& what = "") {
  const std::vector<double> got = lanczos_smallest(a, k, opts);
  const std::vector<double> want = dense_smallest(a, k);
  ASSERT_EQ(got.size(), want.size()) << what;
  const double tol = 1e-8 * std::max(abs_sum_norm(a), 1.0);
  for (std::size_t i = 0; i < want.size(); ++i)
    EXPECT_NEAR(got[i], want[i], tol) << what << ": eigenvalue " << i << " of k = " << k;
}

// BᵀB for a random sparse B (rows × n, about `per_col` entries per column): PSD, and of rank
// < n when rows < n (a kernel of dimension n − rows).
RealMatrix random_psd(Eigen::Index rows, Eigen::Index n, int per_col, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<Eigen::Index> row(0, rows - 1);
  std::normal_distribution<double> g;
  std::vector<Eigen::Triplet<double, std::int64_t>> t;
  for (Eigen::Index j = 0; j < n; ++j)
    for (int e = 0; e < per_col; ++e) t.emplace_back(row(rng), j, g(rng));
  RealMatrix b(rows, n);
  b.setFromTriplets(t.begin(), t.end());
  RealMatrix bt = b.transpose();
  return RealMatrix(bt * b);
}

// Periodic m×m×m grid with every cube cut into 6 tetrahedra (Freudenthal): the 3-torus T³,
// β = (1, 3, 3, 1), so L_1 has a kernel of dimension 3 and highly repeated eigenvalues.
SimplicialComplex three_torus(int m) {
  auto id = [m](int x, int y, int z) {
    return VertexId{((x % m) + m * ((y % m) + m * (z % m)))};
  };
  static constexpr int kOrders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                        {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  std::vector<Simplex> tets;
  for (int z = 0; z < m; ++z)
    for (int y = 0; y < m; ++y)
      for (int x = 0; x < m; ++x)
        for (const auto& order : kOrders) {
          int p[3] = {x, y, z};
          Simplex t{id(p[0], p[1], p[2])};
          for (int axis : order) {
            ++p[axis];
            t.push_back(id(p[0], p[1], p[2]));
          }
          tets.push_back(t);
        }
  return SimplicialComplex::from_simplices(tets);
}

TEST(Lanczos, RandomSparsePsdMatchesDense) {
  for (auto [rows, n, seed] : {std::tuple<int, int, unsigned>{300, 200, 1}, {150, 400, 2},
                               {600, 600, 3}}) {
    const RealMatrix a = random_psd(rows, n, 3, seed);
    for (std::size_t k : {1, 6, 20})
      expect_matches_dense(a, k, {}, "n = " + std::to_string(n));
  }
}

TEST(Lanczos, RestartsOnASmallSubspace) {
  // A subspace of 24 for 5 values on n = 300 forces hundreds of thick restarts (the bottom of
  // this spectrum is clustered: relative gaps of about 10⁻⁶).
  const RealMatrix a = random_psd(400, 300, 3, 7);
  lanczos::Options opts;
  opts.min_subspace = 24;
  opts.max_restarts = 5000;
  lanczos::Stats stats;
  const auto got = lanczos_smallest(a, 5, opts, &stats);
  EXPECT_GT(stats.restarts, 0u);
  const auto want = dense_smallest(a, 5);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(got[i], want[i], 1e-8 * abs_sum_norm(a));
}

TEST(Lanczos, HodgeLaplaciansWithMultiDimensionalKernels) {
  // L_1 of: Möbius' torus (β_1 = 2), a wedge of three tori (β_1 = 6), the 3-torus on a 4³ grid
  // (β_1 = 3, n = 448 edges, many repeated eigenvalues from the symmetry).
  const auto tori = generators::wedge(generators::wedge(generators::torus(), generators::torus()),
                                      generators::torus());
  const std::vector<std::pair<std::string, SimplicialComplex>> complexes = {
      {"torus", generators::torus()}, {"three tori", tori}, {"T^3 4x4x4", three_torus(4)}};
  for (const auto& [name, k] : complexes) {
    const RealMatrix l = hodge_laplacian(chain_complex(k), 1);
    for (std::size_t kk : {std::size_t{1}, std::size_t{8}, std::size_t{15}}) {
      lanczos::Options opts;
      opts.min_subspace = 20;  // well below n, so that restarts and reruns are exercised
      expect_matches_dense(l, kk, opts, name);
    }
  }
}

TEST(Lanczos, FindsTheFullMultiplicityOfAKernel) {
  // The kernel of L_1 of T³ has dimension 3; k = 3 must return three zeros, k = 4 three zeros
  // and the first positive value.
  const RealMatrix l = hodge_laplacian(chain_complex(three_torus(4)), 1);
  const double norm = abs_sum_norm(l);
  for (std::size_t k : {3, 4}) {
    const auto got = lanczos_smallest(l, k);
    ASSERT_EQ(got.size(), k);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(got[i], 0.0, 1e-8 * norm);
    if (k == 4) EXPECT_GT(got[3], 1e-3);
  }
}

TEST(Lanczos, RepeatedEigenvaluesOfADiagonalOperator) {
  // A Krylov space of a diagonal matrix holds one direction per distinct value; every copy must
  // come from breakdown restarts and the certification reruns.
  const Eigen::Index n = 60;
  RealMatrix d(n, n);
  for (Eigen::Index i = 0; i < n; ++i) d.insert(i, i) = static_cast<double>(i % 4);  // 0..3 ×15
  d.makeCompressed();
  for (std::size_t k : {1, 14, 15, 16, 31, 59, 60}) {
    lanczos::Options opts;
    opts.min_subspace = 8;
    expect_matches_dense(d, k, opts, "diag");
  }
}

TEST(Lanczos, EdgeCases) {
  EXPECT_TRUE(lanczos_smallest(RealMatrix(0, 0), 3).empty());
  RealMatrix one(1, 1);
  one.insert(0, 0) = 2.5;
  const auto got = lanczos_smallest(one, 4);  // k > n is clamped
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NEAR(got[0], 2.5, 1e-12);
  RealMatrix zero(5, 5);
  EXPECT_EQ(lanczos_smallest(zero, 2), std::vector<double>(2, 0.0));
  EXPECT_TRUE(lanczos_smallest(one, 0).empty());
  // k = n and k = n − 1 on a Laplacian with a kernel.
  const RealMatrix l = hodge_laplacian(chain_complex(generators::torus()), 1);
  for (std::size_t k : {20, 21, 30}) expect_matches_dense(l, k, {}, "torus k = n");
}

TEST(Lanczos, DeterministicForAGivenSeed) {
  const RealMatrix a = random_psd(200, 250, 3, 11);
  lanczos::Options opts;
  opts.min_subspace = 16;
  EXPECT_EQ(lanczos_smallest(a, 6, opts), lanczos_smallest(a, 6, opts));
}

TEST(Lanczos, IterationLimitThrowsNumericalFailure) {
  const RealMatrix a = random_psd(800, 800, 3, 5);
  lanczos::Options opts;
  opts.min_subspace = 6;
  opts.max_restarts = 1;
  opts.tol = 1e-14;
  try {
    lanczos_smallest(a, 2, opts);
    FAIL() << "expected NumericalFailure";
  } catch (const NumericalFailure& e) {
    EXPECT_NE(std::string(e.what()).find("did not converge"), std::string::npos) << e.what();
  }
}

TEST(Lanczos, ResidualCheckRejectsANonSymmetricOperator) {
  // A non-symmetric operator (a cyclic permutation plus e_0e_0ᵀ, with complex eigenvalues) must
  // fail the explicit residual check rather than return values.
  RealMatrix a(3, 3);
  a.insert(0, 1) = 1;
  a.insert(1, 2) = 1;
  a.insert(2, 0) = 1;
  a.insert(0, 0) = 1;
  a.makeCompressed();
  lanczos::Options opts;
  opts.max_restarts = 0;
  EXPECT_THROW(lanczos_smallest(a, 1, opts), NumericalFailure);
}

}  // namespace
}  // namespace topospec

// laplacian_smallest_eigenvalues on the CPU against the full spectrum of the assembled Hodge
// Laplacian (dense path and, with a lowered dense_threshold, the Spectra path).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/generators.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec {
namespace {

void expect_matches_full_spectrum(const ChainComplex& c, int q, std::size_t k,
                                  const SpectrumOptions& opts, const std::string& what) {
  const RealMatrix l = hodge_laplacian(c, q);
  std::vector<double> want = full_spectrum(l);
  want.resize(std::min(k, want.size()));
  const std::vector<double> got = laplacian_smallest_eigenvalues(c, q, k, opts);
  ASSERT_EQ(got.size(), want.size()) << what << " q = " << q << " k = " << k;
  const double tol = 1e-8 * std::max(abs_sum_norm(l), 1.0);
  for (std::size_t i = 0; i < want.size(); ++i)
    EXPECT_NEAR(got[i], want[i], tol) << what << " q = " << q << " k = " << k << " i = " << i;
}

TEST(LaplacianSmallestEigenvalues, MatchesFullSpectrumOnSmallComplexes) {
  const std::vector<std::pair<std::string, SimplicialComplex>> complexes = {
      {"torus", generators::torus()},
      {"klein bottle", generators::klein_bottle()},
      {"octahedral S^3", generators::octahedral_sphere(3)},
      {"wedge of tori", generators::wedge(generators::torus(), generators::torus())},
      {"random clique", generators::random_clique_complex(40, 0.3, 3, 9)},
      {"freudenthal 3x3x2", generators::freudenthal_grid(3, 3, 2)}};
  SpectrumOptions spectra;
  spectra.dense_threshold = 30;  // the Spectra path for all but the smallest operators
  for (const auto& [name, k] : complexes) {
    const ChainComplex c = chain_complex(k);
    for (int q = 0; q <= c.top_degree(); ++q)
      for (std::size_t kk : {std::size_t{1}, std::size_t{5}, std::size_t{12}}) {
        expect_matches_full_spectrum(c, q, kk, {}, name + " (dense)");
        expect_matches_full_spectrum(c, q, kk, spectra, name + " (spectra)");
      }
  }
}

TEST(LaplacianSmallestEigenvalues, KernelHasTheBettiNumberAsMultiplicity) {
  const ChainComplex c = chain_complex(generators::torus());  // β = (1, 2, 1)
  const auto l1 = laplacian_smallest_eigenvalues(c, 1, 3);
  ASSERT_EQ(l1.size(), 3u);
  EXPECT_NEAR(l1[0], 0.0, 1e-9);
  EXPECT_NEAR(l1[1], 0.0, 1e-9);
  EXPECT_GT(l1[2], 1e-3);
}

TEST(LaplacianSmallestEigenvalues, EdgeCases) {
  const ChainComplex c = chain_complex(generators::torus());
  EXPECT_TRUE(laplacian_smallest_eigenvalues(c, 3, 4).empty());   // above the top degree
  EXPECT_TRUE(laplacian_smallest_eigenvalues(c, -1, 4).empty());  // below degree 0
  EXPECT_TRUE(laplacian_smallest_eigenvalues(c, 1, 0).empty());
  EXPECT_EQ(laplacian_smallest_eigenvalues(c, 2, 100).size(), c.dim(2));  // k > n: clamped
  // One vertex: L_0 = 0 (1 × 1).
  const ChainComplex point = chain_complex(SimplicialComplex::from_simplices({{7}}));
  EXPECT_EQ(laplacian_smallest_eigenvalues(point, 0, 3), std::vector<double>{0.0});
}

}  // namespace
}  // namespace topospec

// The device path of persistent Laplacian and Dirac spectra (rounds of requests; the projection
// step of the larger pairs and all eigenproblems of a round handed to the device together) with
// host implementations of its two device operations, against the CPU path: the rounds'
// bookkeeping is checked here, on machines without a GPU; tests/backend checks the CUDA
// operations themselves.
#include "../../topology/src/persistent_device_rounds.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <random>

#include "../../topology/src/dense_symmetric_eigen.hpp"
#include "row_space_projection.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/point_cloud.hpp"

namespace topospec::detail {
namespace {

struct Counts {
  int spectra_calls = 0, projected_pairs = 0;
};

DeviceOps host_ops(Counts& counts) {
  return {[&counts](const std::vector<RealMatrix>& gs) {
            ++counts.spectra_calls;
            return component_spectra(gs, [](const std::vector<Eigen::MatrixXd>& blocks) {
              std::vector<std::vector<double>> out;
              for (const auto& b : blocks) {
                Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(b, Eigen::EigenvaluesOnly);
                out.emplace_back(es.eigenvalues().data(), es.eigenvalues().data() + b.rows());
              }
              return out;
            });
          },
          [&counts](const std::vector<ProjectionInput>& pairs) {
            counts.projected_pairs += static_cast<int>(pairs.size());
            std::vector<ProjectedBlock> out;
            for (const auto& p : pairs) out.push_back(row_space_projection(*p.r, *p.n));
            return out;
          }};
}

void expect_same(const std::vector<PersistentSpectrum>& got, const std::vector<PersistentSpectrum>& want,
                 const std::vector<PersistentRequest>& requests, const char* what) {
  ASSERT_EQ(got.size(), requests.size());
  ASSERT_EQ(want.size(), requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& r = requests[i];
    EXPECT_EQ(got[i].request, r);
    ASSERT_EQ(got[i].eigenvalues.size(), want[i].eigenvalues.size())
        << what << " q=" << r.dim << " a=" << r.a << " b=" << r.b;
    double scale = 1;
    for (double x : want[i].eigenvalues) scale = std::max(scale, std::abs(x));
    for (std::size_t k = 0; k < got[i].eigenvalues.size(); ++k)
      EXPECT_NEAR(got[i].eigenvalues[k], want[i].eigenvalues[k], 1e-9 * scale)
          << what << " q=" << r.dim << " a=" << r.a << " b=" << r.b << " eigenvalue " << k;
    EXPECT_EQ(got[i].numeric_nullity, want[i].numeric_nullity) << what << " q=" << r.dim << " a=" << r.a << " b=" << r.b;
  }
}

TEST(PersistentDeviceRounds, HostOperationsReproduceTheCpuPath) {
  // A Rips filtration of 30 random points up to tetrahedra and every pair a ≤ b of 5 values in
  // degrees 0–2: 45 requests (three rounds), pairs with hundreds of changing columns among
  // them, and Gram-cache entries first needed in different rounds.
  std::mt19937_64 rng(21);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::vector<double>> rows(30);
  for (auto& r : rows) r = {u(rng), u(rng), u(rng)};
  const auto f = rips_complex(DistanceMatrix::euclidean(PointCloud::from_rows(rows)), 3, 0.6);
  const ChainComplex c = f.chain_complex();
  std::vector<PersistentRequest> requests;
  const double values[] = {0.2, 0.3, 0.4, 0.5, 0.6};
  for (int q = 0; q <= 2; ++q)
    for (double a : values)
      for (double b : values)
        if (a <= b) requests.push_back({q, a, b});
  PersistentLaplacianOptions cpu;
  cpu.spectrum.backend = Backend::Cpu;
  for (auto form : {PersistentLaplacianForm::Projection, PersistentLaplacianForm::Schur}) {
    cpu.form = form;
    Counts counts;
    const DeviceOps ops = host_ops(counts);
    expect_same(persistent_laplacian_spectra(c, requests, cpu, ops),
                persistent_laplacian_spectra(c, requests, cpu), requests, "Laplacian");
    expect_same(persistent_dirac_spectra(c, requests, cpu, ops),
                persistent_dirac_spectra(c, requests, cpu), requests, "Dirac");
    EXPECT_EQ(counts.spectra_calls, 2 * 3) << "one batch per round of 16 requests";
    EXPECT_GT(counts.projected_pairs, 0) << "no pair reached kDeviceProjectionMinColumns";
  }
}

TEST(PersistentDeviceRounds, ADeviceFailureReachesTheCaller) {
  // The batch runs on its own thread while the next round is prepared: its exception must still
  // reach the caller, whichever round it comes from.
  const FilteredSimplex triangle[] = {{{0}, 0.0}, {{1}, 0.0}, {{2}, 0.0}, {{0, 1}, 1.0},
                                      {{1, 2}, 1.0}, {{0, 2}, 1.0}, {{0, 1, 2}, 2.0}};
  const ChainComplex c = filtered_complex(triangle).chain_complex();
  std::vector<PersistentRequest> requests;
  for (int round = 0; round < 3; ++round)
    for (int q = 0; q <= 2; ++q)
      for (double a : {0.0, 1.0, 2.0})
        for (double b : {0.0, 1.0, 2.0})
          if (a <= b) requests.push_back({q, a, b});  // 54 requests: four rounds
  for (int failing : {1, 4}) {
    int calls = 0;
    DeviceOps ops{[&](const std::vector<RealMatrix>& gs) {
                    if (++calls == failing) throw NumericalFailure("device batch failed");
                    return std::vector<std::vector<double>>(gs.size());
                  },
                  [](const std::vector<ProjectionInput>& pairs) {
                    return std::vector<ProjectedBlock>(pairs.size());
                  }};
    EXPECT_THROW(persistent_laplacian_spectra(c, requests, PersistentLaplacianOptions{}, ops),
                 NumericalFailure)
        << "failing batch " << failing;
  }
}

TEST(PersistentDeviceRounds, EmptyAndTinyComplexes) {
  const FilteredSimplex edge[] = {{{0}, 0.0}, {{1}, 0.0}, {{0, 1}, 1.0}};
  const ChainComplex c = filtered_complex(edge).chain_complex();
  std::vector<PersistentRequest> requests;
  for (int q = 0; q <= 2; ++q)
    for (double a : {-1.0, 0.0, 1.0})
      for (double b : {-1.0, 0.0, 1.0})
        if (a <= b) requests.push_back({q, a, b});
  Counts counts;
  const DeviceOps ops = host_ops(counts);
  PersistentLaplacianOptions cpu;
  expect_same(persistent_laplacian_spectra(c, requests, cpu, ops),
              persistent_laplacian_spectra(c, requests, cpu), requests, "Laplacian");
  expect_same(persistent_dirac_spectra(c, requests, cpu, ops),
              persistent_dirac_spectra(c, requests, cpu), requests, "Dirac");
}

}  // namespace
}  // namespace topospec::detail

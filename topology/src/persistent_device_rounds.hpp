// Private: the device path of persistent Laplacian and Dirac spectra with its two device
// operations as parameters. The library passes the CUDA ones (when a device takes the work);
// tests pass host implementations of the same algorithms, so that the rounds' bookkeeping
// (which Gram-cache entries a round computes, which pairs take the projection step, how
// results return to their requests) is checked on machines without a GPU.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "device_projection.hpp"
#include "topospec/topology/persistent_laplacian.hpp"

namespace topospec::detail {

struct DeviceOps {
  /// Eigenvalues of each sparse symmetric matrix of a round, ascending, in order.
  std::function<std::vector<std::vector<double>>(const std::vector<RealMatrix>&)> spectra;
  /// The projection step of the round's larger pairs.
  std::function<std::vector<ProjectedBlock>(const std::vector<ProjectionInput>&)> project;
};

std::vector<PersistentSpectrum> persistent_laplacian_spectra(const ChainComplex& c,
                                                             std::span<const PersistentRequest> requests,
                                                             const PersistentLaplacianOptions& opts,
                                                             const DeviceOps& device);
std::vector<PersistentSpectrum> persistent_dirac_spectra(const ChainComplex& c,
                                                         std::span<const PersistentRequest> requests,
                                                         const PersistentLaplacianOptions& opts,
                                                         const DeviceOps& device);

// Pairs with at least this many changing columns |S| take the projection step on the device;
// smaller ones stay on the CPU threads, where LAPACK finishes them faster than a device round
// trip (an estimate, not yet measured on a GPU).
inline constexpr std::size_t kDeviceProjectionMinColumns = 128;

}  // namespace topospec::detail

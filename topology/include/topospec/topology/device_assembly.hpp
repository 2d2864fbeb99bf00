/// \file
/// \ingroup topology
/// Construction on the GPU: simplicial boundary matrices and Vietoris–Rips filtrations built on
/// the CUDA device, equal to the CPU builders' results entry for entry (the same ±1 entries in
/// the same places; the same simplices, in the same order, with the same values). They exist in
/// every build; without CUDA compiled they throw NotCompiled, without a device
/// DeviceUnavailable (select_backend() says which applies).
#pragma once

#include <cstddef>
#include <optional>

#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec {

/// ∂_q of K as a real matrix, assembled on the GPU: equal to chain_complex(k).real_boundary(q)
/// (a size(q−1) × size(q) zero matrix when q ≤ 0 or q > dim K). Throws NotCompiled without
/// CUDA, DeviceUnavailable without a device, ResourceLimit when it would not fit in free device
/// memory.
RealMatrix device_real_boundary(const SimplicialComplex& k, int q);

/// rips_complex() with the simplices enumerated on the GPU (every candidate vertex set of each
/// dimension tested in parallel, so it pays for dense clouds at small dimension): the same
/// complex and values. Invalid arguments throw the CPU builder's own InvalidInput; more than
/// max_simplices simplices throw ResourceLimit. Also NotCompiled without CUDA,
/// DeviceUnavailable without a device, ResourceLimit when C(n, max_simplex_dim + 1) does not
/// fit 64 bits, InvalidInput("max_dim") for max_simplex_dim ≥ 32.
FilteredComplex device_rips_complex(const DistanceMatrix& distances, int max_simplex_dim,
                                    std::optional<double> threshold = std::nullopt,
                                    std::size_t max_simplices = kDefaultMaxSimplices);

}  // namespace topospec

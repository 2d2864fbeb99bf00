// Private: the two directions of the persistence reduction, so tests can check that they give
// the same barcode. Not installed; include only from topology/src and tests.
#pragma once

#include "topospec/topology/persistence.hpp"

namespace topospec::detail {

enum class PersistenceDirection {
  automatic,   // what persistence() uses (see persistence.cpp)
  homology,    // columns of ∂_q in filtration order, top degree first, clearing ∂_{q-1}
  cohomology,  // columns of δ_q (anti-transposed ∂_{q+1}), degree 0 first, clearing δ_{q+1}
};

Barcode persistence(const ChainComplex& c, const PersistenceOptions& opts,
                    PersistenceDirection direction);

}  // namespace topospec::detail

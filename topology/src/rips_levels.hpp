// Private: the last step of both Rips builders (filtration.cpp on the CPU, device_assembly.cpp
// on the GPU), which enumerate the same simplices in the same order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "topospec/topology/filtration.hpp"

namespace topospec::detail {

// The filtered complex on vertices 0 … n − 1 whose simplices are listed per dimension in
// lexicographic order (cells[q]: flat vertex tuples, every face listed), values[q] in the same
// order.
FilteredComplex rips_from_levels(std::size_t n, std::vector<std::vector<std::int32_t>> cells,
                                 std::vector<std::vector<double>> values);

}  // namespace topospec::detail

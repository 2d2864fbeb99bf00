/// \file
/// \ingroup topology
/// Progress reporting and cancellation: the library never prints; callers pass a callback.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace topospec {

/// Called with a stage name and done/total counts. Returning false asks the computation to stop
/// (it then throws topospec::Error("cancelled")). An empty function means "no reporting".
using Progress = std::function<bool(std::string_view stage, std::size_t done, std::size_t total)>;

/// Reports through `progress` if set; throws Error when the callback cancels.
void report_progress(const Progress& progress, std::string_view stage, std::size_t done,
                     std::size_t total);

}  // namespace topospec

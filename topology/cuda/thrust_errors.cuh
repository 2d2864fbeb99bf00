// Private to topology/cuda: Thrust reports a failed kernel or allocation with its own exceptions
// (thrust::system_error, std::bad_alloc); the library's contract is topospec's hierarchy, so
// every Thrust call sequence runs through translate_thrust_errors().
#pragma once

#include <thrust/system_error.h>

#include <new>
#include <string>
#include <utility>

#include "topospec/topology/error.hpp"

namespace topospec::cuda {

// Runs f(), turning a Thrust allocation failure into ResourceLimit and any other Thrust or CUDA
// error into NumericalFailure naming `what`.
template <class F>
decltype(auto) translate_thrust_errors(const std::string& what, F&& f) {
  try {
    return std::forward<F>(f)();
  } catch (const std::bad_alloc&) {
    throw ResourceLimit(what + ": device memory allocation failed (Thrust scratch)");
  } catch (const thrust::system_error& e) {
    throw NumericalFailure(what + ": " + e.what());
  }
}

}  // namespace topospec::cuda

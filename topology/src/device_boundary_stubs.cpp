// Without the CUDA backend compiled, the device entry points of device_boundary.hpp exist (so the
// library links the same way) and throw NotCompiled; device_assembly.cpp checks cuda_compiled()
// first and never reaches them then.
#include "device_boundary.hpp"

#include "cuda_not_compiled.hpp"
#include "topospec/topology/error.hpp"

namespace topospec::device_boundary {

#ifndef TOPOSPEC_WITH_CUDA
CscArrays device_boundary_csc(int, const std::int32_t*, std::int64_t, const std::int32_t*,
                              std::int64_t) {
  throw_cuda_not_compiled();
}
std::vector<RipsSimplices> device_rips_simplices(const std::vector<double>&, std::int64_t, int,
                                                 double, std::size_t) {
  throw_cuda_not_compiled();
}
#endif

}  // namespace topospec::device_boundary

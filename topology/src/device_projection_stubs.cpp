// Without the CUDA backend the device projection step only says so.
#include "device_projection.hpp"
#include "cuda_not_compiled.hpp"
#include "topospec/topology/error.hpp"

namespace topospec::detail {

#ifndef TOPOSPEC_WITH_CUDA
std::vector<ProjectedBlock> cuda_kernel_projected_blocks(const std::vector<ProjectionInput>&) {
  throw_cuda_not_compiled();
}
#endif

}  // namespace topospec::detail

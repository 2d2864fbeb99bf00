// Without the CUDA backend compiled, the device entry points of device_sparse.hpp exist (so the
// library links the same way) and throw NotCompiled; spectrum.cpp never reaches them then,
// because cuda_device_count() is 0.
#include "device_sparse.hpp"

#include "cuda_not_compiled.hpp"
#include "topospec/topology/error.hpp"

namespace topospec::device_sparse {

#ifndef TOPOSPEC_WITH_CUDA
std::vector<double> cuda_hodge_smallest_eigenvalues(const HodgeBoundaries&, std::int64_t,
                                                    std::size_t, double, const lanczos::Options&,
                                                    lanczos::Stats*) {
  throw_cuda_not_compiled();
}
std::vector<double> cuda_csr_smallest_eigenvalues(const CsrView&, std::size_t, double,
                                                  const lanczos::Options&, lanczos::Stats*) {
  throw_cuda_not_compiled();
}
#endif

}  // namespace topospec::device_sparse

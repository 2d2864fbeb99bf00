#include "topospec/topology/backend.hpp"

#include "cuda_not_compiled.hpp"
#include "topospec/topology/error.hpp"

namespace topospec {

Backend parse_backend(std::string_view text) {
  if (text == "auto") return Backend::Auto;
  if (text == "cpu") return Backend::Cpu;
  if (text == "cuda") return Backend::Cuda;
  throw InvalidInput("backend", "unknown backend \"" + std::string(text) +
                                    "\" (expected auto, cpu or cuda)");
}

std::string to_string(Backend backend) {
  switch (backend) {
    case Backend::Auto: return "auto";
    case Backend::Cpu: return "cpu";
    case Backend::Cuda: return "cuda";
  }
  return "?";
}

BackendChoice select_backend(Backend requested) {
  if (requested == Backend::Cpu) return {Backend::Cpu, ""};
  if (!cuda_compiled())
    return {Backend::Cpu,
            "CUDA backend not compiled (build with -DTOPOSPEC_CUDA=ON); using the CPU backend"};
  if (cuda_device_count() == 0)
    return {Backend::Cpu, "no CUDA device available (" + cuda_device_description() +
                              "); using the CPU backend"};
  return {Backend::Cuda, ""};
}

#ifndef TOPOSPEC_WITH_CUDA
bool cuda_compiled() { return false; }
int cuda_device_count() { return 0; }
std::string cuda_device_description() { return "CUDA backend not compiled"; }
std::vector<double> cuda_symmetric_eigenvalues(const Eigen::MatrixXd&) {
  throw_cuda_not_compiled();
}
std::vector<std::vector<double>> cuda_symmetric_eigenvalues_batched(const std::vector<Eigen::MatrixXd>&) {
  throw_cuda_not_compiled();
}
#endif

}  // namespace topospec

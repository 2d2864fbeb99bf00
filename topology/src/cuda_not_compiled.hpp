// Private: what every CUDA entry point does in a build without the CUDA backend.
#pragma once

#include "topospec/topology/error.hpp"

namespace topospec {

[[noreturn]] inline void throw_cuda_not_compiled() {
  throw NotCompiled("the CUDA backend was not compiled into this build of topospec");
}

}  // namespace topospec

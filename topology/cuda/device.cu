// Device discovery for the CUDA backend.
#include "device_memory.cuh"

#include <string>

#include "topospec/topology/backend.hpp"

namespace topospec {

bool cuda_compiled() { return true; }

int cuda_device_count() {
  int n = 0;
  if (cudaGetDeviceCount(&n) != cudaSuccess) {
    cudaGetLastError();  // clear the sticky "no device" status
    return 0;
  }
  return n;
}

std::string cuda_device_description() {
  int n = 0;
  if (cudaError_t e = cudaGetDeviceCount(&n); e != cudaSuccess) {
    cudaGetLastError();
    return std::string("cudaGetDeviceCount: ") + cudaGetErrorString(e);
  }
  if (n == 0) return "no CUDA device found";
  cudaDeviceProp prop{};
  if (cudaGetDeviceProperties(&prop, 0) != cudaSuccess) return "device 0 unreadable";
  return std::string(prop.name) + ", " + std::to_string(prop.totalGlobalMem >> 30) + " GiB";
}

}  // namespace topospec

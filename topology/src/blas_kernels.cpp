#include "topospec/topology/blas_kernels.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <set>

namespace topospec {

namespace {

// OpenBLAS's own functions are looked up at run time: the library does not require OpenBLAS
// (Eigen is the fallback).
template <class Function>
Function openblas_function(const char* name) {
  return reinterpret_cast<Function>(::dlsym(RTLD_DEFAULT, name));
}

}  // namespace

std::string blas_kernels() {
  const auto corename = openblas_function<char* (*)()>("openblas_get_corename");
  const char* name = corename ? corename() : nullptr;
  return name ? std::string(name) : std::string();
}

void use_blas_kernels_of_this_cpu(char** argv) {
#if defined(__x86_64__) && defined(__linux__)
  if (std::getenv("OPENBLAS_CORETYPE") != nullptr) return;
  // OpenBLAS's generic fallbacks for Intel models it does not recognise.
  static const std::set<std::string> generic = {"Prescott", "Core2", "Penryn", "Dunnington",
                                                "Nehalem", "Atom", "Unknown"};
  if (generic.count(blas_kernels()) == 0) return;
  __builtin_cpu_init();
  const char* target = nullptr;
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
    target = "SkylakeX";
  else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    target = "Haswell";
  if (target == nullptr || ::setenv("OPENBLAS_CORETYPE", target, 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  ::unsetenv("OPENBLAS_CORETYPE");  // exec failed: run on with the kernels already loaded
#else
  (void)argv;
#endif
}

// SerialBlas guards may overlap in time (threads of their own, nested calls): the first one
// switches OpenBLAS to one thread, the last one switches it back.
namespace {
std::mutex serial_mutex;
int serial_holders = 0;
int serial_previous = 0;
}  // namespace

SerialBlas::SerialBlas() {
  const std::lock_guard lock(serial_mutex);
  if (serial_holders++ > 0) return;
  const auto get = openblas_function<int (*)()>("openblas_get_num_threads");
  const auto set = openblas_function<void (*)(int)>("openblas_set_num_threads");
  serial_previous = get && set ? get() : 0;
  if (set) set(1);
}

SerialBlas::~SerialBlas() {
  const std::lock_guard lock(serial_mutex);
  if (--serial_holders > 0) return;
  const auto set = openblas_function<void (*)(int)>("openblas_set_num_threads");
  if (serial_previous > 0 && set) set(serial_previous);
}

}  // namespace topospec

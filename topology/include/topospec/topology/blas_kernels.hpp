/// \file
/// \ingroup topology
/// OpenBLAS's kernels for this CPU. OpenBLAS chooses its kernels once, when it is loaded, from
/// the CPU model; on a model it does not know (virtual machines often report a generic "Intel
/// Xeon Processor") it falls back to SSE3 kernels, which made the dense eigenproblems of
/// persistent Laplacians 1.5–2.5× slower on an AVX-512 machine (BENCHMARKS.md). The choice can
/// only be changed before OpenBLAS loads, through the environment variable OPENBLAS_CORETYPE.
#pragma once

#include <string>

namespace topospec {

/// The kernel set OpenBLAS chose for this process ("SkylakeX", "Haswell", "Prescott", …), or an
/// empty string when the process does not use OpenBLAS.
std::string blas_kernels();

/// Call first thing in main(): when OpenBLAS fell back to generic kernels on a CPU with AVX-512
/// (or AVX2 + FMA), re-executes the program (same arguments, /proc/self/exe) with
/// OPENBLAS_CORETYPE set to the matching kernel set, so that the new process gets them.
/// Returns normally in every other case: kernels already fitting, OPENBLAS_CORETYPE already
/// set (the user's choice is kept), no OpenBLAS, or a failed exec (the program just runs on).
void use_blas_kernels_of_this_cpu(char** argv);

/// While alive, OpenBLAS runs every call on the calling thread (openblas_set_num_threads(1));
/// the previous thread count comes back when the last of overlapping guards (other threads,
/// nested calls) is destroyed. For callers that run computations in
/// several threads of their own: OpenBLAS's thread server is not safe for concurrent callers in
/// the versions Debian ships (0.3.21: races and hangs, fixed upstream only in 2026), and nested
/// parallelism would oversubscribe the cores anyway. Does nothing without OpenBLAS.
class SerialBlas {
 public:
  SerialBlas();
  ~SerialBlas();
  SerialBlas(const SerialBlas&) = delete;
  SerialBlas& operator=(const SerialBlas&) = delete;
};

}  // namespace topospec

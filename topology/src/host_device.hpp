// Private: TOPOSPEC_HD marks functions that nvcc compiles for host and device and any other
// compiler for the host only (the Thrust code and the combinatorial number system).
#pragma once

#ifndef TOPOSPEC_HD
#if defined(__CUDACC__)
#define TOPOSPEC_HD __host__ __device__
#else
#define TOPOSPEC_HD
#endif
#endif

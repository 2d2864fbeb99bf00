// The k = 10 smallest eigenvalues of L_1 of a triangulated 3-torus (a periodic n×n×n grid, each
// cube cut into 6 tetrahedra: 26·n³ simplices, 1.1·10^7 at the default n = 75, 2.6·10^7 at 100) on the GPU (matrix-free
// Lanczos) and on the CPU (assembled L_1, shift-invert Lanczos), printed as one markdown row:
//
//   | L_1 k=10 smallest, <#simplices> simplices | cpu s | gpu s | ratio | max rel diff |
//
// The CPU run happens in a child process with a wall-clock limit (--cpu-seconds-limit) and a
// memory cap, so a factorization that would take hours or exhaust memory is cut off and
// reported as "skipped (limit)". The eigenvalues are then compared on a smaller grid
// (--cpu-n), which the row says. Without a GPU only that small CPU run happens; exit status 0.
//
// Usage: topospec_sparse_laplacian_benchmark [--n 75] [--cpu-n 8] [--cpu-seconds-limit 60]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/spectrum.hpp"

namespace {

using namespace topospec;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kValues = 10;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Periodic Freudenthal triangulation of T³: vertex (x, y, z) mod m has index x + m(y + mz); the
// simplices at a grid point p are p + {0, d_1, d_1 + d_2, …} for 0/1 vectors d_i with disjoint
// nonempty supports (7 edges, 12 triangles, 6 tetrahedra per point), a simplicial complex for
// m ≥ 3 with f = (m³, 7m³, 12m³, 6m³) and β = (1, 3, 3, 1). Every face is listed directly, so
// from_closed_cells skips the closure of from_simplices (about 1.5x faster at this size).
SimplicialComplex three_torus(int m) {
  const std::size_t points = std::size_t(m) * m * m;
  // The vertex at offset d (bit 0: x, bit 1: y, bit 2: z) from (x, y, z).
  auto at = [m](int x, int y, int z, int d) {
    return static_cast<std::int32_t>((x + (d & 1)) % m +
                                     m * ((y + (d >> 1 & 1)) % m + m * ((z + (d >> 2 & 1)) % m)));
  };
  std::vector<VertexId> ids(points);
  std::vector<std::vector<std::int32_t>> cells(4);
  cells[0].resize(points);
  for (std::size_t i = 0; i < points; ++i) ids[i] = static_cast<VertexId>(i);
  for (std::size_t i = 0; i < points; ++i) cells[0][i] = static_cast<std::int32_t>(i);
  cells[1].reserve(2 * 7 * points);
  cells[2].reserve(3 * 12 * points);
  cells[3].reserve(4 * 6 * points);
  auto add = [&](int q, std::initializer_list<std::int32_t> v) {
    std::int32_t s[4];
    std::copy(v.begin(), v.end(), s);
    std::sort(s, s + v.size());  // increasing vertex indices (wrapping reorders them)
    cells[static_cast<std::size_t>(q)].insert(cells[static_cast<std::size_t>(q)].end(), s,
                                              s + v.size());
  };
  static constexpr int kOrders[6][3] = {{1, 2, 4}, {1, 4, 2}, {2, 1, 4},
                                        {2, 4, 1}, {4, 1, 2}, {4, 2, 1}};
  for (int z = 0; z < m; ++z)
    for (int y = 0; y < m; ++y)
      for (int x = 0; x < m; ++x) {
        const std::int32_t p = at(x, y, z, 0);
        for (int a = 1; a < 8; ++a) {
          add(1, {p, at(x, y, z, a)});
          for (int b = 1; b < 8; ++b)
            if ((a & b) == 0) add(2, {p, at(x, y, z, a), at(x, y, z, a | b)});
        }
        for (const auto& o : kOrders) add(3, {p, at(x, y, z, o[0]), at(x, y, z, o[0] | o[1]), at(x, y, z, 7)});
      }
  return SimplicialComplex::from_closed_cells(std::move(ids), std::move(cells));
}

struct CpuResult {
  enum class Status { Ok, Limit, Failed } status = Status::Failed;
  double seconds = 0;
  double norm = 0;  // ‖L_1‖_∞, the scale of the comparison
  std::vector<double> values;
};

// Caps this process's address space at its current size plus half the physical memory, so that
// a runaway factorization fails (bad_alloc) instead of taking the machine down.
void cap_address_space() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  long vm_pages = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld", &vm_pages) != 1) vm_pages = 0;
    std::fclose(f);
  }
  if (pages <= 0 || page <= 0) return;
  const rlim_t cap = (static_cast<rlim_t>(vm_pages) + static_cast<rlim_t>(pages) / 2) *
                     static_cast<rlim_t>(page);
  const rlimit lim{cap, cap};
  setrlimit(RLIMIT_AS, &lim);
}

// Whether a CUDA device is usable, asked in a child process: this process must not initialize
// CUDA before it forks the CPU runs (a CUDA context does not survive fork, and its address
// space reservations would defeat the memory cap).
bool gpu_present() {
  const pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) _exit(cuda_device_count() > 0 ? 0 : 1);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The CPU solve in a child process (forked before any CUDA call in this process), killed after
// `limit` seconds, with its address space capped (cap_address_space).
CpuResult cpu_in_child(const ChainComplex& c, double limit) {
  int fd[2];
  if (pipe(fd) != 0) return {};
  const pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    close(fd[0]);
    cap_address_space();
    std::vector<double> msg(2 + kValues, std::nan(""));
    try {
      const auto t0 = Clock::now();
      const RealMatrix l = hodge_laplacian(c, 1);
      SpectrumOptions opts;
      opts.backend = Backend::Cpu;
      const auto values = smallest_eigenvalues(l, kValues, opts);
      msg[0] = seconds_since(t0);
      msg[1] = abs_sum_norm(l);
      std::copy(values.begin(), values.end(), msg.begin() + 2);
    } catch (const std::exception& e) {
      std::cerr << "CPU run failed: " << e.what() << "\n";
    }
    const auto bytes = static_cast<ssize_t>(msg.size() * sizeof(double));
    const bool ok = write(fd[1], msg.data(), static_cast<std::size_t>(bytes)) == bytes;
    _exit(ok ? 0 : 1);
  }
  close(fd[1]);
  CpuResult r;
  const auto t0 = Clock::now();
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (seconds_since(t0) > limit) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      close(fd[0]);
      r.status = CpuResult::Status::Limit;
      return r;
    }
    usleep(20000);
  }
  std::vector<double> msg(2 + kValues);
  const auto want = static_cast<ssize_t>(msg.size() * sizeof(double));
  const bool got = read(fd[0], msg.data(), static_cast<std::size_t>(want)) == want;
  close(fd[0]);
  // A child that hit the memory cap reports NaNs (bad_alloc) or dies: both are over a limit.
  if (!got || !WIFEXITED(status) || std::isnan(msg[0])) {
    r.status = CpuResult::Status::Limit;
    return r;
  }
  r.status = CpuResult::Status::Ok;
  r.seconds = msg[0];
  r.norm = msg[1];
  r.values.assign(msg.begin() + 2, msg.end());
  return r;
}

struct GpuResult {
  double seconds = 0;
  std::vector<double> values;
};

GpuResult gpu_run(const ChainComplex& c) {
  SpectrumOptions opts;
  opts.backend = Backend::Cuda;
  const auto t0 = Clock::now();
  GpuResult r;
  r.values = laplacian_smallest_eigenvalues(c, 1, kValues, opts);
  r.seconds = seconds_since(t0);
  return r;
}

double max_rel_diff(const std::vector<double>& a, const std::vector<double>& b, double norm) {
  double worst = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    worst = std::max(worst, std::abs(a[i] - b[i]) / std::max(norm, 1e-300));
  return worst;
}

std::string fixed(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}
std::string sci(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1e", x);
  return buf;
}

int usage(const char* why) {
  std::cerr << why << "\nusage: topospec_sparse_laplacian_benchmark [--n N] [--cpu-n N] "
                      "[--cpu-seconds-limit S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 75, cpu_n = 8;
  double limit = 60;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
    if (a == "--n") n = std::atoi(argv[++i]);
    else if (a == "--cpu-n") cpu_n = std::atoi(argv[++i]);
    else if (a == "--cpu-seconds-limit") limit = std::atof(argv[++i]);
    else return usage(("unknown option " + a).c_str());
  }
  if (n < 3 || cpu_n < 3) return usage("grid sides must be >= 3");
  try {
    const std::string cpu_small_note =
        "CPU on the " + std::to_string(cpu_n) + "^3 grid (" +
        std::to_string(26 * cpu_n * cpu_n * cpu_n) + " simplices)";
    auto describe = [](const CpuResult& r) {
      return r.status == CpuResult::Status::Ok ? fixed(r.seconds, 2) + " s"
                                               : std::string("skipped (limit)");
    };
    if (!gpu_present()) {
      // Only the small CPU part: the large complex is for the GPU comparison.
      const ChainComplex small = chain_complex(three_torus(cpu_n));
      const CpuResult cpu_small = cpu_in_child(small, limit);
      std::cout << "no GPU (" << cuda_device_description() << "): GPU part skipped; "
                << cpu_small_note << ": " << describe(cpu_small) << "\n";
      if (cpu_small.status == CpuResult::Status::Ok) {
        std::cerr << "CPU eigenvalues:";
        for (double v : cpu_small.values) std::cerr << " " << v;
        std::cerr << "\n";
      }
      return 0;
    }

    auto t0 = Clock::now();
    const SimplicialComplex k = three_torus(n);
    const ChainComplex c = chain_complex(k);
    const std::size_t simplices = k.total_size();
    std::cerr << "3-torus " << n << "^3: " << simplices << " simplices, L_1 of order " << c.dim(1)
              << ", built in " << fixed(seconds_since(t0), 1) << " s\n";

    // Every fork comes before the first CUDA call in this process.
    const CpuResult cpu = cpu_in_child(c, limit);
    std::cerr << "CPU on the full grid: " << describe(cpu) << "\n";
    std::optional<ChainComplex> small;
    CpuResult cpu_small;
    if (cpu.status != CpuResult::Status::Ok) {
      small.emplace(chain_complex(three_torus(cpu_n)));
      cpu_small = cpu_in_child(*small, limit);
      std::cerr << cpu_small_note << ": " << describe(cpu_small) << "\n";
    }

    const std::string label = "| L_1 k=10 smallest, " + std::to_string(simplices) + " simplices | ";
    const std::string cpu_cell =
        cpu.status == CpuResult::Status::Ok ? fixed(cpu.seconds, 2) : "skipped (limit)";
    const GpuResult gpu = gpu_run(c);
    std::string ratio = "-", diff;
    if (cpu.status == CpuResult::Status::Ok) {
      ratio = fixed(cpu.seconds / gpu.seconds, 1) + "x";
      diff = sci(max_rel_diff(cpu.values, gpu.values, cpu.norm));
    } else if (cpu_small.status == CpuResult::Status::Ok) {
      const GpuResult gpu_small = gpu_run(*small);
      diff = sci(max_rel_diff(cpu_small.values, gpu_small.values, cpu_small.norm)) + " (at n=" +
             std::to_string(cpu_n) + ", " + std::to_string(26 * cpu_n * cpu_n * cpu_n) +
             " simplices)";
    } else {
      diff = "- (CPU over the limit)";
    }
    std::cout << label << cpu_cell << " | " << fixed(gpu.seconds, 2) << " | " << ratio << " | "
              << diff << " |\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "sparse_laplacian_benchmark: " << e.what() << "\n";
    return 1;
  }
}

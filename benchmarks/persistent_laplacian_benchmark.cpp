// Full spectra of persistent Laplacians for a list of requests on one filtered complex: the
// PETLS workload (shared/benchmarks/petls-workload.md). Reads the text export written by
// benchmarks/peer_petls.py ("topospec-filtration 1": simplices with values, then requests
// "dim a b"), times persistent_laplacian_spectra over all requests, and writes the spectra
// ("dim a b : λ…", one line per request) for comparison with PETLS.
//
//   persistent_laplacian_benchmark FILE [OUT] [--form schur|projection] [--threads N]
//                                  [--backend cpu|cuda|auto] [--reference SPECTRA]
// --reference reads a spectra file of the same requests (another run's OUT) and prints the
// largest eigenvalue difference relative to each spectrum's largest |λ| (the device check
// compares its GPU run with its CPU run this way).
// A plain timer, not Google Benchmark: one pass over all requests is the measured workload,
// as for the peer; benchmarks/run_petls_peer.sh runs both in the same run.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "topospec/topology/backend.hpp"
#include "topospec/topology/blas_kernels.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/persistent_laplacian.hpp"

int main(int argc, char** argv) {
  topospec::use_blas_kernels_of_this_cpu(argv);
  if (argc < 2) {
    std::cerr << "usage: persistent_laplacian_benchmark FILE [OUT] [--form schur|projection] "
                 "[--threads N] [--backend cpu|cuda|auto] [--reference SPECTRA]\n";
    return 2;
  }
  std::string out_path, reference_path;
  topospec::PersistentLaplacianOptions opts;
  opts.form = topospec::PersistentLaplacianForm::Projection;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--form" && i + 1 < argc) {
      const std::string f = argv[++i];
      opts.form = f == "schur" ? topospec::PersistentLaplacianForm::Schur
                               : topospec::PersistentLaplacianForm::Projection;
    } else if (arg == "--backend" && i + 1 < argc) {
      opts.spectrum.backend = topospec::parse_backend(argv[++i]);
      const auto choice = topospec::select_backend(opts.spectrum.backend);
      if (!choice.message.empty()) std::cerr << choice.message << "\n";
    } else if (arg == "--reference" && i + 1 < argc) {
      reference_path = argv[++i];
    } else if (arg == "--threads" && i + 1 < argc) {
      opts.threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else {
      out_path = arg;
    }
  }
  std::ifstream in(argv[1]);
  std::string word, version;
  in >> word >> version;
  if (word != "topospec-filtration") {
    std::cerr << argv[1] << ": not a topospec-filtration file\n";
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  std::size_t n = 0;
  in >> word >> n;
  std::string line;
  std::getline(in, line);
  std::vector<topospec::FilteredSimplex> simplices;
  simplices.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::getline(in, line);
    std::istringstream ls(line);
    std::vector<double> fields;
    // strtod reads the value exactly as Python's repr wrote it (round trip).
    for (std::string tok; ls >> tok;) fields.push_back(std::strtod(tok.c_str(), nullptr));
    topospec::FilteredSimplex s;
    for (std::size_t k = 0; k + 1 < fields.size(); ++k)
      s.simplex.push_back(static_cast<topospec::VertexId>(fields[k]));
    s.value = fields.back();
    simplices.push_back(std::move(s));
  }
  std::size_t m = 0;
  in >> word >> m;
  std::vector<topospec::PersistentRequest> requests(m);
  for (auto& r : requests) {
    std::string a, b;
    in >> r.dim >> a >> b;
    r.a = std::strtod(a.c_str(), nullptr);
    r.b = std::strtod(b.c_str(), nullptr);
  }
  const auto filtration = topospec::filtered_complex(simplices);
  const auto complex = filtration.chain_complex();
  const auto t1 = std::chrono::steady_clock::now();
  const auto spectra = topospec::persistent_laplacian_spectra(complex, requests, opts);
  const auto t2 = std::chrono::steady_clock::now();
  std::size_t max_rows = 0;
  for (const auto& s : spectra) max_rows = std::max(max_rows, s.eigenvalues.size());
  std::printf("topospec build_s=%.3f spectra_s=%.3f requests=%zu max_rows=%zu blas=%s threads=%u backend=%s\n",
              std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count(), spectra.size(), max_rows,
              topospec::blas_kernels().c_str(),
              opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency()),
              topospec::to_string(opts.spectrum.backend).c_str());
  if (!reference_path.empty()) {
    // One line per request, "dim a b : λ…", in request order.
    std::ifstream ref(reference_path);
    double worst = 0;
    std::size_t lines = 0;
    for (std::string row; std::getline(ref, row) && lines < spectra.size(); ++lines) {
      std::istringstream ls(row.substr(row.find(':') + 1));
      std::vector<double> want;
      for (double v; ls >> v;) want.push_back(v);
      const auto& got = spectra[lines].eigenvalues;
      if (want.size() != got.size()) {
        std::printf("reference: request %zu has %zu eigenvalues here, %zu there\n", lines, got.size(),
                    want.size());
        return 1;
      }
      double scale = 1e-300;
      for (double v : want) scale = std::max(scale, std::abs(v));
      for (std::size_t k = 0; k < got.size(); ++k) worst = std::max(worst, std::abs(got[k] - want[k]) / scale);
    }
    if (lines != spectra.size()) {
      std::printf("reference: %zu lines for %zu requests\n", lines, spectra.size());
      return 1;
    }
    std::printf("max_rel_diff=%.3e\n", worst);
  }
  if (!out_path.empty()) {
    std::FILE* f = std::fopen(out_path.c_str(), "w");
    for (const auto& s : spectra) {
      std::fprintf(f, "%d %.17g %.17g :", s.request.dim, s.request.a, s.request.b);
      for (double v : s.eigenvalues) std::fprintf(f, " %.17g", v);
      std::fprintf(f, "\n");
    }
    std::fclose(f);
  }
  return 0;
}

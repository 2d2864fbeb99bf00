// The topospec command: parses arguments, calls the library, prints. No computing here.
//
// Exit status: 0 ok, 2 bad input (InvalidInput or a usage error), 3 ResourceLimit, 1 anything
// else. Errors are one line on stderr; stdout and output files are written only when the whole
// result exists (files atomically, see staged_files.hpp).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>

#include "staged_files.hpp"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/blas_kernels.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/verify/answer.hpp"
#include "topospec/verify/case.hpp"
#include "topospec/verify/matrix_market.hpp"

#ifndef TOPOSPEC_VERSION
#error "TOPOSPEC_VERSION comes from apps/topospec/CMakeLists.txt"
#endif

namespace topospec::cli {
// verify_command.cpp: registers `verify`; `run` executes it once parsed.
CLI::App* add_verify_command(CLI::App& app, std::function<int()>& run);
// plot_command.cpp: registers `plot` (SVG pictures of an answer); `run` executes it.
CLI::App* add_plot_command(CLI::App& app, std::function<int()>& run);
}  // namespace topospec::cli

namespace {

namespace fs = std::filesystem;
using namespace topospec;

constexpr const char* kDescription =
    R"(topospec: exact homology, persistence and Hodge/Dirac spectra of (filtered) complexes.

Every command reads a case: one JSON document (format: docs/case-format.md) that names the input,
the options and the quantities wanted, for example

  {"input":   {"type": "simplicial_complex", "simplices": [[0,1],[1,2],[0,2]]},
   "options": {"coefficients": "Q"},
   "want":    ["betti", "laplacian_spectrum"]}

Give the case as a file name, or as - to read it from standard input. Inputs:
simplicial_complex (every face of a listed simplex is added; vertex ids are integers >= 0),
filtered_complex ({"simplex": [...], "value": t} for every simplex, faces no later than
cofaces), point_cloud ("points", "complex": "rips" or "alpha", optional "max_value"),
distance_matrix (full or lower-triangular "matrix", optional "max_value"), digraph
("vertices": n or a list of ids, "arcs": [[a, b] or [a, b, weight], ...], optional
"vertex_values": GLMY path homology; weights make a filtration) and hypergraph
("hyperedges": vertex lists or {"hyperedge": [...], "value": t}, optional "vertices":
embedded homology). Instead of the inline data, "file" names a file: points (CSV, XYZ, MOL2,
OFF), a lower-triangular distance matrix, a digraph (.dot/.gv, .graphml, flagser's .flag) or a
hypergraph (HyperNetX JSON).
)";

constexpr const char* kFooter = R"(Commands:

  compute   Computes the wanted quantities and prints them as one JSON object (same keys as
            in docs/case-format.md) on standard output, or writes it to the file given with -o.
            Quantities: chain_dims, betti, torsion, euler_characteristic, boundary_ranks,
            laplacian_spectrum, up_laplacian_spectrum, down_laplacian_spectrum,
            dirac_spectrum, dirac_spectrum_by_degree, harmonic_basis; for filtered inputs also
            barcode, persistent_betti, persistent_laplacian_spectrum,
            persistent_dirac_spectrum, persistent_harmonic_basis (each per "requests" entry
            {"dim", "a", "b"}) and spectral_curves (at the filtration "values").
            Digraphs and hypergraphs answer the same quantities (harmonic vectors on the
            allowed paths or hyperedges), except euler_characteristic; weighted digraphs and
            valued hypergraphs are filtrations (unweighted ones: every value 0).
            Options of the case: "coefficients" ("Q", "Z2", "Zp:<prime>", "Z"), "max_dim"
            (default 2 for digraphs), "requests", "values", "path_theory" ("regular",
            "non_regular"; digraphs), "vertices" ("listed", "all"; hypergraphs).
              topospec compute torus.json
              echo '{"input":{"type":"simplicial_complex","simplices":[[0,1,2]]},"want":["betti"]}' | topospec compute -
              echo '{"input":{"type":"point_cloud","points":[[0,0],[1,0],[1,1],[0,1]]},"want":["barcode"]}' | topospec compute -
              echo '{"input":{"type":"digraph","vertices":4,"arcs":[[0,1],[0,2],[1,3],[2,3]]},"want":["betti","chain_dims"]}' | topospec compute -
              echo '{"input":{"type":"hypergraph","hyperedges":[[0],[1],[0,1],[0,1,2]]},"want":["betti"]}' | topospec compute -

  export    Writes an operator of the complex as a Matrix Market file (scipy.io.mmread,
            MATLAB mmread): the boundary d_q, the Laplacian L_q (or its up/down part), the
            per-degree Dirac D_q, or with no --dim the full Dirac operator. --all DIR writes
            every boundary, Laplacian and the Dirac operator, plus cells_q.txt, the vertex ids
            of the cell behind each row, one per line. Digraphs and hypergraphs: every matrix
            is in the orthonormal basis of Omega_q / Inf_q that the Laplacians use; --all adds
            basis_q.mtx (that basis on the paths or hyperedges of ambient_cells_q.txt), and
            cells_q.txt gives each basis vector as its combination of those.
              topospec export torus.json --matrix laplacian --dim 1 -o L1.mtx
              topospec export torus.json --all torus-matrices/

  verify    Checks a candidate program (--candidate 'CMD ARGS...') or the library itself
            against the reference suite, invariants and random complexes; prints a table and
            writes --json/--junit/--html reports. See topospec verify --help.
              topospec verify --candidate "/usr/bin/python3 $PWD/cand.py" --html report.html

  plot      Draws an answer of compute as an SVG picture: barcode, diagram, betti, lambda
            (spectral curves) or heatmap (persistent Laplacian). See topospec plot --help.
              topospec plot barcode answer.json -o barcode.svg

Exit status: 0 success; 2 bad input (one line on stderr names the place, e.g.
"case.json: /input/simplices/2/1: negative vertex id -3"); 3 over a resource limit (the line
gives the estimate); 4 (verify) some case did not pass; 1 any other failure. On failure
nothing is written.
)";

// "\r"-updated progress on stderr, only for a person watching a terminal.
class ProgressLine {
 public:
  ProgressLine() : enabled_(::isatty(2) == 1) {}
  ~ProgressLine() { clear(); }

  Progress callback() {
    if (!enabled_) return {};
    return [this](std::string_view stage, std::size_t done, std::size_t total) {
      const auto now = std::chrono::steady_clock::now();
      // A new stage always shows; updates within a stage at most every 100 ms.
      if (shown_ && stage == stage_ && done != total &&
          now - last_ < std::chrono::milliseconds(100))
        return true;
      last_ = now;
      stage_ = stage;
      shown_ = true;
      std::fprintf(stderr, "\r\033[K%.*s: %zu/%zu", static_cast<int>(stage.size()), stage.data(),
                   done, total);
      std::fflush(stderr);
      return true;
    };
  }

  void clear() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
  std::string stage_;
};

struct Settings {
  std::string backend = "auto";
  Backend backend_used = Backend::Cpu;  // after select_backend
  std::string case_path;
  std::string output;      // compute -o, export -o
  std::string matrix;      // export --matrix
  std::optional<int> dim;  // export --dim
  std::string all_dir;     // export --all
};

// Runs `f` on behalf of the case at `origin`: errors about the case get its name in front.
template <class F>
auto about_case(const std::string& origin, F&& f) {
  try {
    return f();
  } catch (const InvalidInput& e) {
    throw InvalidInput(e.where().empty() ? origin : origin + ": " + e.where(), e.message());
  } catch (const ResourceLimit& e) {
    throw ResourceLimit(origin + ": " + e.what());
  }
}

verify::Case load_case(const std::string& path) {
  verify::Case c =
      path == "-" ? verify::read_case(std::cin, "<stdin>") : verify::read_case_file(path);
  for (const std::string& w : c.warnings)
    std::cerr << "topospec: warning: " << c.origin << ": " << w << '\n';
  return c;
}

int run_compute(const Settings& s, ProgressLine& progress) {
  const std::string origin = s.case_path == "-" ? "<stdin>" : s.case_path;
  verify::AnswerOptions options;
  options.progress = progress.callback();
  options.backend = s.backend_used;
  const std::string text = about_case(origin, [&] {
    const verify::Case c = load_case(s.case_path);
    return verify::answer_case(c, options).dump(2) + "\n";
  });
  progress.clear();
  if (s.output.empty() || s.output == "-") {
    std::cout << text << std::flush;
    if (!std::cout) throw Error("cannot write to standard output");
  } else {
    cli::StagedFiles files;
    files.stage(s.output, text);
    files.commit();
  }
  return 0;
}

int run_export(const Settings& s, ProgressLine& progress) {
  if (s.all_dir.empty() && s.matrix.empty())
    throw InvalidInput("export", "give --matrix KIND (with -o FILE) or --all DIR");
  if (!s.matrix.empty() && s.output.empty())
    throw InvalidInput("export", "--matrix needs -o FILE for the Matrix Market output");
  const std::string origin = s.case_path == "-" ? "<stdin>" : s.case_path;
  verify::AnswerOptions options;
  options.progress = progress.callback();
  const ChainComplex chains = about_case(origin, [&] {
    const verify::Case c = load_case(s.case_path);
    // Digraphs and hypergraphs have no simplicial complex: their path or infimum complex.
    if (c.input_type == verify::InputType::Digraph || c.input_type == verify::InputType::Hypergraph)
      return verify::case_chains(c, options);
    return chain_complex(verify::case_complex(c, options));
  });
  cli::StagedFiles files;
  if (!s.all_dir.empty()) {
    const fs::path dir = s.all_dir;
    std::vector<verify::ExportFile> all = verify::export_all(chains);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw InvalidInput(dir.string(), "cannot create the directory: " + ec.message());
    for (const verify::ExportFile& f : all) files.stage(dir / f.name, f.content);
  } else {
    files.stage(s.output,
                verify::operator_matrix_market(chains, *verify::parse_operator(s.matrix), s.dim));
  }
  progress.clear();
  files.commit();
  return 0;
}

// Resolves --backend against what is compiled and present; a fallback is said once on stderr
// (--backend cpu is silent).
Backend resolve_backend(const std::string& flag) {
  const BackendChoice choice = select_backend(parse_backend(flag));
  if (!choice.message.empty()) std::cerr << "topospec: note: " << choice.message << '\n';
  return choice.used == Backend::Cuda ? parse_backend(flag) : Backend::Cpu;
}

}  // namespace

int main(int argc, char** argv) {
  use_blas_kernels_of_this_cpu(argv);  // before any work: may re-execute the program
  Settings s;
  CLI::App app{kDescription, "topospec"};
  app.footer(kFooter);
  app.set_version_flag("--version",
                       std::string("topospec ") + TOPOSPEC_VERSION +
                           (cuda_compiled() ? " (CUDA backend compiled)" : " (CPU backend only)"));
  app.require_subcommand(1);
  app.fallthrough();  // global flags may follow the subcommand
  app.add_option("--backend", s.backend,
                 "where to compute: auto (CUDA when compiled and a device is present, else the "
                 "CPU, with a note), cpu, cuda")
      ->check(CLI::IsMember({"auto", "cpu", "cuda"}))
      ->capture_default_str();

  CLI::App* compute =
      app.add_subcommand("compute", "compute the wanted quantities of a case (JSON out)");
  compute->add_option("case", s.case_path, "case file (JSON), or - for standard input")
      ->required()
      ->type_name("CASE.json|-");
  compute->add_option("-o,--output", s.output, "write the answer to FILE instead of stdout")
      ->type_name("FILE");
  compute->footer(
      "Example:\n  topospec compute circle.json -o answer.json\n"
      "The answer has one key per wanted quantity (docs/case-format.md).\n");

  CLI::App* exp =
      app.add_subcommand("export", "write operators of a case's complex (Matrix Market)");
  exp->add_option("case", s.case_path, "case file (JSON), or - for standard input")
      ->required()
      ->type_name("CASE.json|-");
  CLI::Option* matrix = exp->add_option("--matrix", s.matrix, "the operator to write (with -o)")
                            ->check(CLI::IsMember({"boundary", "laplacian", "up_laplacian",
                                                   "down_laplacian", "dirac"}))
                            ->type_name("KIND");
  CLI::Option* dim = exp->add_option("--dim", s.dim,
                                     "degree q: d_q (q >= 1), L_q, D_q; for dirac leave it out "
                                     "to get the full operator")
                         ->type_name("Q");
  CLI::Option* out =
      exp->add_option("-o,--output", s.output, "Matrix Market file to write")->type_name("OUT.mtx");
  CLI::Option* all =
      exp->add_option("--all", s.all_dir, "write every operator and cells_q.txt into DIR")
          ->type_name("DIR");
  all->excludes(matrix)->excludes(dim)->excludes(out);
  exp->footer(
      "Examples:\n  topospec export circle.json --matrix boundary --dim 1 -o B1.mtx\n"
      "  topospec export circle.json --all circle-matrices/\n"
      "Rows and columns follow the order of cells_q.txt (vertex ids of each cell), which\n"
      "--all writes; in Python: scipy.io.mmread(\"B1.mtx\"). For a digraph or hypergraph they\n"
      "are orthonormal basis vectors of Omega_q / Inf_q, the columns of basis_q.mtx (--all).\n");

  std::function<int()> run_verify;
  CLI::App* verify = cli::add_verify_command(app, run_verify);
  std::function<int()> run_plot;
  CLI::App* plot = cli::add_plot_command(app, run_plot);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version: printed on stdout
    // A usage error is one line like every other error (CLI11 would add a second one).
    std::string message = e.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    std::string help = "topospec";
    for (const CLI::App* sub : app.get_subcommands()) help += " " + sub->get_name();
    std::cerr << "topospec: error: " << message << " (see " << help << " --help)\n";
    return 2;
  }

  ProgressLine progress;
  try {
    if (plot->parsed()) return run_plot();  // draws only: no backend, no note about it
    s.backend_used = resolve_backend(s.backend);
    if (compute->parsed()) return run_compute(s, progress);
    if (verify->parsed()) return run_verify();
    return run_export(s, progress);
  } catch (const InvalidInput& e) {
    progress.clear();
    std::cerr << "topospec: error: " << e.what() << '\n';
    return 2;
  } catch (const ResourceLimit& e) {
    progress.clear();
    std::cerr << "topospec: error: " << e.what() << '\n';
    return 3;
  } catch (const std::exception& e) {
    progress.clear();
    std::cerr << "topospec: error: " << e.what() << '\n';
    return 1;
  }
}

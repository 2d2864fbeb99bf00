#include "topospec/verify/answer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <string>

#include "topospec/hypergraph/directed_flag_complex.hpp"
#include "topospec/hypergraph/hypergraph.hpp"
#include "topospec/hypergraph/path_complex.hpp"

#include "topospec/topology/barcode.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/dirac_operator.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/topology/persistence.hpp"
#include "topospec/topology/persistent_laplacian.hpp"
#include "topospec/topology/rips_persistence.hpp"
#include "topospec/topology/spectral_curves.hpp"
#include "topospec/topology/spectrum.hpp"

namespace topospec::verify {
namespace {

using nlohmann::json;

constexpr long double kGiB = 1024.0L * 1024.0L * 1024.0L;

std::string gib(long double bytes) {
  char buf[64];
  if (bytes < 1e6L * kGiB)
    std::snprintf(buf, sizeof buf, "%.2f GiB", static_cast<double>(bytes / kGiB));
  else
    std::snprintf(buf, sizeof buf, "%.3g GiB", static_cast<double>(bytes / kGiB));
  return buf;
}

std::string count(long double n) {
  if (n < 1e15L) return std::to_string(static_cast<unsigned long long>(n));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", static_cast<double>(n));
  return buf;
}

bool is_persistent(Quantity q) {
  switch (q) {
    case Quantity::Barcode:
    case Quantity::PersistentBetti:
    case Quantity::PersistentLaplacianSpectrum:
    case Quantity::PersistentDiracSpectrum:
    case Quantity::PersistentHarmonicBasis:
    case Quantity::SpectralCurves:
      return true;
    default:
      return false;
  }
}

bool needs_requests(Quantity q) {
  return is_persistent(q) && q != Quantity::Barcode && q != Quantity::SpectralCurves;
}

bool is_graph_input(const Case& c) {
  return c.input_type == InputType::Digraph || c.input_type == InputType::Hypergraph;
}

// Rips inputs answer barcodes without building the complex (rips_persistence).
bool is_rips(const Case& c) {
  return c.input_type == InputType::DistanceMatrix ||
         (c.input_type == InputType::PointCloud && c.point_complex == "rips");
}

// Clean, ascending eigenvalues: values within the operator's zero threshold become exactly 0
// (so a PSD Laplacian never reports -1e-16 and zero modes compare cleanly), non-finite values
// are a NumericalFailure rather than a "NaN" in the JSON.
std::vector<double> clean_spectrum(const RealMatrix& a, const SpectrumOptions& opts,
                                   std::string_view what) {
  if (a.rows() == 0) return {};
  std::vector<double> ev = full_spectrum(a, opts);
  const double zero = zero_threshold(a, opts);
  for (double& x : ev) {
    if (!std::isfinite(x))
      throw NumericalFailure("an eigenvalue of " + std::string(what) + " is not finite");
    if (std::abs(x) <= zero) x = 0.0;
  }
  std::sort(ev.begin(), ev.end());
  return ev;
}

// The same cleaning for a spectrum computed elsewhere with its zero threshold.
std::vector<double> clean_values(std::vector<double> ev, double zero, std::string_view what) {
  for (double& x : ev) {
    if (!std::isfinite(x))
      throw NumericalFailure("an eigenvalue of " + std::string(what) + " is not finite");
    if (std::abs(x) <= zero) x = 0.0;
  }
  std::sort(ev.begin(), ev.end());
  return ev;
}

json finite_vector(const Eigen::MatrixXd& m, Eigen::Index column, std::string_view what) {
  json v = json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    const double x = m(i, column);
    if (!std::isfinite(x)) throw NumericalFailure(std::string(what) + " is not finite");
    v.push_back(x);
  }
  return v;
}

// The computations of one case, each done at most once.
class Answerer {
 public:
  Answerer(const Case& c, const AnswerOptions& options) : case_(c), options_(options) {
    // check_memory() has sized every dense problem against the same budget.
    spectrum_options_.max_dense_bytes = options.memory_budget;
    spectrum_options_.backend = options.backend;
  }

  json answer() {
    check_memory();
    json out = json::object();
    for (const WantedQuantity& w : case_.want)
      out[std::string(quantity_name(w.quantity))] = compute(w.quantity);
    if (!diagnostics_.empty()) out["_diagnostics"] = diagnostics_;
    return out;
  }

 private:
  // The filtration (or plain complex) and its chain complex, built on first use: a Rips
  // barcode never needs them.
  const FilteredComplex& filtration() {
    if (!filtration_) filtration_ = case_filtration(case_, options_);
    return *filtration_;
  }
  const ChainComplex& chains() {
    if (!chains_)
      chains_ = is_graph_input(case_) ? case_chains(case_, options_) : filtration().chain_complex();
    return *chains_;
  }
  // The complex exact quantities over `k` are computed on: for a digraph or hypergraph over Z/p,
  // Ω(F_p) or Inf(F_p), which can be larger than the lattice reduced mod p (the triangles of RP²
  // without edges: their sum is a 2-cycle over Z/2 only); otherwise chains().
  const ChainComplex& exact_chains(Coefficients k) {
    if (!is_graph_input(case_) || k.kind != Coefficients::Kind::Zp) return chains();
    auto it = modular_.find(k.p);
    if (it == modular_.end()) it = modular_.emplace(k.p, case_chains(case_, options_, k.p)).first;
    return it->second;
  }
  int max_dim() {
    if (!max_dim_)
      max_dim_ = is_generated(case_) || is_graph_input(case_)
                     ? case_max_dim(case_, SimplicialComplex{})
                     : case_max_dim(case_, filtration().complex);
    return *max_dim_;
  }
  int degrees() { return max_dim() + 1; }

  // Every dense eigenproblem is sized before the first is started, so that a case fails at
  // once instead of after hours of work on the smaller ones.
  void check_memory() {
    const std::uint64_t budget = options_.memory_budget;
    for (const WantedQuantity& w : case_.want) {
      for (int q = 0; q < degrees(); ++q) {
        const std::string lq = "L_" + std::to_string(q);
        switch (w.quantity) {
          case Quantity::LaplacianSpectrum:
          case Quantity::UpLaplacianSpectrum:
          case Quantity::DownLaplacianSpectrum:
            check_dense_eigenproblem(chains().dim(q), budget, lq);
            break;
          case Quantity::HarmonicBasis:
            check_dense_eigenproblem(chains().dim(q), budget, lq, true);
            break;
          case Quantity::DiracSpectrumByDegree:
            check_dense_eigenproblem(chains().dim(q - 1) + chains().dim(q) + chains().dim(q + 1),
                                     budget, "D_" + std::to_string(q));
            break;
          default:
            break;
        }
      }
      if (w.quantity == Quantity::DiracSpectrum) {
        std::size_t n = 0;
        for (std::size_t d : chains().dims()) n += d;
        check_dense_eigenproblem(n, budget, "the Dirac operator");
      }
    }
  }

  json compute(Quantity q) {
    switch (q) {
      case Quantity::ChainDims: {
        json dims = json::array();
        // Over Z/p a digraph's or hypergraph's chain groups are the F_p ones (see exact_chains).
        const ChainComplex& k = exact_chains(case_.options.coefficients);
        for (int d = 0; d < degrees(); ++d) dims.push_back(k.dim(d));
        return dims;
      }
      case Quantity::Betti:
        return homology().betti;
      case Quantity::BoundaryRanks:
        return homology().boundary_ranks;
      case Quantity::Torsion: {
        const HomologyResult& h = integral_homology();
        json t = json::object();
        for (int d = 0; d < degrees(); ++d)
          t[std::to_string(d)] =
              d < static_cast<int>(h.torsion.size()) ? json(h.torsion[d]) : json::array();
        return t;
      }
      case Quantity::EulerCharacteristic:
        return chains().euler_characteristic();
      case Quantity::LaplacianSpectrum:
        return laplacian_spectra(Kind::Hodge);
      case Quantity::UpLaplacianSpectrum:
        return laplacian_spectra(Kind::Up);
      case Quantity::DownLaplacianSpectrum:
        return laplacian_spectra(Kind::Down);
      case Quantity::DiracSpectrum:
        return clean_spectrum(dirac_operator(chains()), spectrum_options("spectrum of D"),
                              "the Dirac operator");
      case Quantity::DiracSpectrumByDegree: {
        json by = json::object();
        for (int d = 0; d < degrees(); ++d) {
          const std::string name = "D_" + std::to_string(d);
          by[std::to_string(d)] = clean_spectrum(dirac_operator(chains(), d),
                                                 spectrum_options("spectrum of " + name), name);
        }
        return by;
      }
      case Quantity::HarmonicBasis:
        return harmonic_bases();
      case Quantity::Barcode:
        return barcode_json(barcode());
      case Quantity::PersistentBetti: {
        json out = json::array();
        for (const PersistenceRequest& r : case_.options.requests)
          out.push_back({{"dim", r.dim}, {"a", r.a}, {"b", r.b},
                         {"value", barcode().persistent_betti(r.dim, r.a, r.b)}});
        return out;
      }
      case Quantity::PersistentLaplacianSpectrum:
        return persistent_spectra(false);
      case Quantity::PersistentDiracSpectrum:
        return persistent_spectra(true);
      case Quantity::PersistentHarmonicBasis:
        return persistent_harmonic_bases();
      case Quantity::SpectralCurves:
        return curves();
      default:
        break;  // rejected before the complex was built (see answer_case)
    }
    throw Error("internal: quantity " + std::string(quantity_name(q)) + " has no answerer");
  }

  std::vector<PersistentRequest> requests() const {
    std::vector<PersistentRequest> out;
    for (const PersistenceRequest& r : case_.options.requests) out.push_back({r.dim, r.a, r.b});
    return out;
  }

  // Highest degree the persistent quantities need: max_dim and every requested degree.
  int persistence_dim() {
    int d = max_dim();
    for (const PersistenceRequest& r : case_.options.requests) d = std::max(d, r.dim);
    return d;
  }

  Barcode compute_barcode(Coefficients coefficients) {
    if (coefficients.kind == Coefficients::Kind::Z)
      throw InvalidInput("/options/coefficients",
                         "barcodes need a field: \"Q\", \"Z2\" or \"Zp:<prime>\", not \"Z\"");
    if (is_rips(case_)) {
      RipsPersistenceOptions o;
      o.max_dim = persistence_dim();
      o.threshold = case_.max_value;
      o.coefficients = coefficients;
      o.progress = options_.progress;
      return rips_persistence(case_distances(case_, options_), o);
    }
    PersistenceOptions o;
    o.coefficients = coefficients;
    o.max_dim = persistence_dim();
    o.progress = options_.progress;
    return persistence(exact_chains(coefficients), o);
  }

  // Over the case's coefficients.
  const Barcode& barcode() {
    if (!barcode_) barcode_ = compute_barcode(case_.options.coefficients);
    return *barcode_;
  }

  // Over Q, for the nullity checks of persistent Laplacians (nullity = rational β^{a,b}).
  const Barcode& rational_barcode() {
    if (case_.options.coefficients.kind == Coefficients::Kind::Q) return barcode();
    if (!rational_barcode_) rational_barcode_ = compute_barcode(Coefficients::rationals());
    return *rational_barcode_;
  }

  json barcode_json(const Barcode& b) {
    json out = json::object();
    for (int d = 0; d < degrees(); ++d) {
      json bars = json::array();
      for (const Bar& bar : b.degree(d))
        bars.push_back({bar.birth, bar.infinite() ? json(nullptr) : json(bar.death)});
      out[std::to_string(d)] = std::move(bars);
    }
    return out;
  }

  PersistentLaplacianOptions persistent_options(const std::string& context) const {
    PersistentLaplacianOptions o;
    o.spectrum = spectrum_options(context);
    return o;
  }

  // A complex without cells (a hypergraph none of whose hyperedges is in Inf, an empty list)
  // carries no filtration values; its persistent quantities are all empty or zero.
  bool no_cells() { return chains().top_degree() < 0; }

  json persistent_spectra(bool dirac) {
    if (no_cells()) {
      json out = json::array();
      for (const PersistenceRequest& r : case_.options.requests)
        out.push_back({{"dim", r.dim}, {"a", r.a}, {"b", r.b}, {"eigenvalues", json::array()}});
      return out;
    }
    const std::vector<PersistentRequest> reqs = requests();
    const std::string what = dirac ? "persistent Dirac operator" : "persistent Laplacian";
    const auto spectra =
        dirac ? persistent_dirac_spectra(chains(), reqs, persistent_options("spectrum of the " + what))
              : persistent_laplacian_spectra(chains(), reqs,
                                             persistent_options("spectrum of the " + what));
    json out = json::array();
    for (std::size_t i = 0; i < spectra.size(); ++i) {
      const PersistentSpectrum& s = spectra[i];
      std::vector<double> ev = clean_values(s.eigenvalues, s.zero_threshold, "the " + what);
      if (!dirac) check_persistent_nullity(i, ev, s.zero_threshold);
      out.push_back({{"dim", s.request.dim}, {"a", s.request.a}, {"b", s.request.b},
                     {"eigenvalues", std::move(ev)}});
    }
    return out;
  }

  // dim ker Δ_q^{a,b} must equal the exact rational β_q^{a,b} (from the barcode over Q).
  void check_persistent_nullity(std::size_t i, const std::vector<double>& ev, double zero) {
    const PersistenceRequest& r = case_.options.requests[i];
    const auto zeros = static_cast<std::size_t>(std::count(ev.begin(), ev.end(), 0.0));
    const std::size_t betti = rational_barcode().persistent_betti(r.dim, r.a, r.b);
    if (zeros != betti)
      diagnostics_["persistent_laplacian_spectrum"][std::to_string(i)] = {
          {"numeric_nullity", zeros}, {"exact_persistent_betti", betti}, {"zero_threshold", zero}};
  }

  json persistent_harmonic_bases() {
    if (no_cells()) {
      json out = json::array();
      for (const PersistenceRequest& r : case_.options.requests)
        out.push_back({{"dim", r.dim}, {"a", r.a}, {"b", r.b}, {"cells", json::array()},
                       {"vectors", json::array()}});
      return out;
    }
    const std::vector<PersistentRequest> reqs = requests();
    const auto spaces =
        persistent_harmonic_spaces(chains(), reqs, persistent_options("persistent harmonic space"));
    json out = json::array();
    for (std::size_t i = 0; i < spaces.size(); ++i) {
      const PersistentHarmonicSpace& h = spaces[i];
      json entry = {{"dim", h.request.dim}, {"a", h.request.a}, {"b", h.request.b},
                    {"cells", json::array()}, {"vectors", json::array()}};
      const auto [cells, basis] =
          on_cells(h.request.dim, persistent_cells(chains(), h.request.dim, h.request.a), h.cells,
                   h.basis);
      for (const CellLabel& label : cells) entry["cells"].push_back(label);
      for (Eigen::Index j = 0; j < basis.cols(); ++j)
        entry["vectors"].push_back(finite_vector(basis, j, "a persistent harmonic basis"));
      const std::size_t betti = rational_barcode().persistent_betti(h.request.dim, h.request.a,
                                                                    h.request.b);
      if (static_cast<std::size_t>(h.basis.cols()) != betti)
        diagnostics_["persistent_harmonic_basis"][std::to_string(i)] = {
            {"numeric_nullity", h.basis.cols()},
            {"exact_persistent_betti", betti},
            {"zero_threshold", h.zero_threshold}};
      out.push_back(std::move(entry));
    }
    return out;
  }

  json curves() {
    if (case_.options.values.empty())
      throw InvalidInput("/options/values",
                         "missing: spectral_curves need the filtration values to sample");
    if (no_cells()) {
      const std::vector<double> zeros(static_cast<std::size_t>(std::max(0, max_dim() + 1)), 0.0);
      json out = json::array();
      for (double t : case_.options.values)
        out.push_back({{"value", t},
                       {"betti", std::vector<std::size_t>(zeros.size(), 0)},
                       {"lambda_min", zeros}});
      return out;
    }
    const auto points = spectral_curves(chains(), case_.options.values, max_dim(),
                                        spectrum_options("spectral curves"));
    json out = json::array();
    for (const SpectralCurvePoint& p : points)
      out.push_back({{"value", p.value}, {"betti", p.betti}, {"lambda_min", p.lambda_min}});
    return out;
  }

  enum class Kind { Hodge, Up, Down };

  json laplacian_spectra(Kind kind) {
    static constexpr std::string_view prefix[] = {"", "up-", "down-"};
    json by = json::object();
    for (int d = 0; d < degrees(); ++d) {
      const std::string name =
          std::string(prefix[static_cast<int>(kind)]) + "L_" + std::to_string(d);
      const RealMatrix l = kind == Kind::Hodge ? hodge_laplacian(chains(), d)
                           : kind == Kind::Up  ? up_laplacian(chains(), d)
                                               : down_laplacian(chains(), d);
      std::vector<double> ev = clean_spectrum(l, spectrum_options("spectrum of " + name), name);
      if (kind == Kind::Hodge) compare_nullity(d, ev);
      by[std::to_string(d)] = std::move(ev);
    }
    return by;
  }

  // dim ker L_q must equal the exact rational β_q; a disagreement is reported, never hidden.
  void compare_nullity(int d, const std::vector<double>& ev) {
    const auto zeros = static_cast<std::size_t>(std::count(ev.begin(), ev.end(), 0.0));
    const HomologyResult& h = rational_homology();
    const std::size_t betti = d < static_cast<int>(h.betti.size()) ? h.betti[d] : 0;
    if (zeros != betti)
      diagnostics_["laplacian_spectrum"][std::to_string(d)] = {
          {"numeric_nullity", zeros}, {"exact_betti", betti}, {"certain", h.certain}};
  }

  // Vectors on the cells `rows` of degree q as the answer reports them: on the ambient
  // elementary cells (paths, hyperedges) for a subspace complex (Ω, Inf), so that they do not
  // depend on the basis the builder chose; on the cells themselves otherwise.
  std::pair<std::vector<CellLabel>, Eigen::MatrixXd> on_cells(int q,
                                                              const std::vector<std::size_t>& rows,
                                                              const std::vector<CellLabel>& labels,
                                                              const Eigen::MatrixXd& vectors) {
    if (!chains().embedded()) return {labels, vectors};
    return chains().to_ambient(q, rows, vectors);
  }

  json harmonic_bases() {
    json by = json::object();
    for (int d = 0; d < degrees(); ++d) {
      json entry = {{"cells", json::array()}, {"vectors", json::array()}};
      if (chains().dim(d) > 0) {
        const HarmonicSpace hs = harmonic_space(
            chains(), d, {}, spectrum_options("harmonic space of L_" + std::to_string(d)));
        std::vector<std::size_t> rows(chains().dim(d));
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        const auto [cells, basis] = on_cells(d, rows, hs.cells, hs.basis);
        for (const CellLabel& label : cells) entry["cells"].push_back(label);
        for (Eigen::Index j = 0; j < basis.cols(); ++j)
          entry["vectors"].push_back(
              finite_vector(basis, j, "the harmonic basis of L_" + std::to_string(d)));
        if (!hs.agrees())
          diagnostics_["harmonic_basis"][std::to_string(d)] = {
              {"numeric_nullity", hs.numeric_nullity},
              {"exact_betti", hs.exact_betti},
              {"zero_threshold", hs.zero_threshold}};
      }
      by[std::to_string(d)] = std::move(entry);
    }
    return by;
  }

  // Spectrum options whose progress stages say which operator they are about
  // ("spectrum of L_2: dense eigensolver").
  SpectrumOptions spectrum_options(const std::string& context) const {
    SpectrumOptions o = spectrum_options_;
    if (options_.progress)
      o.progress = [progress = options_.progress, context](std::string_view stage, std::size_t done,
                                                           std::size_t total) {
        return progress(context + ": " + std::string(stage), done, total);
      };
    return o;
  }

  HomologyResult run_homology(Coefficients coefficients) {
    HomologyOptions o;
    o.coefficients = coefficients;
    o.max_dim = max_dim();
    o.progress = options_.progress;
    if (max_dim() < 0) {  // the empty complex: nothing to eliminate
      HomologyResult r;
      r.coefficients = coefficients;
      return r;
    }
    return topospec::homology(exact_chains(coefficients), o);
  }

  // Over the case's coefficients.
  const HomologyResult& homology() {
    if (!homology_) {
      homology_ = run_homology(case_.options.coefficients);
      const HomologyResult& h = *homology_;
      if (h.coefficients.kind == Coefficients::Kind::Q && !h.certain)
        diagnostics_["homology"] = {
            {"certain", false},
            {"method", h.method},
            {"note",
             "ranks are exact modulo a large prime p and equal the rational ranks unless "
             "H_*(K; Z) has p-torsion; coefficients \"Z\" give a certain answer"}};
    }
    return *homology_;
  }

  // Torsion is defined over Z, whatever coefficients the case chose.
  const HomologyResult& integral_homology() {
    if (case_.options.coefficients.kind == Coefficients::Kind::Z) return homology();
    if (!integral_) integral_ = run_homology(Coefficients::integers());
    return *integral_;
  }

  // Rational Betti numbers, for the nullity check: free ranks over Z are the rational ones.
  const HomologyResult& rational_homology() {
    const auto kind = case_.options.coefficients.kind;
    if (kind == Coefficients::Kind::Q || kind == Coefficients::Kind::Z) return homology();
    if (integral_) return *integral_;
    if (!rational_) rational_ = run_homology(Coefficients::rationals());
    return *rational_;
  }

  const Case& case_;
  const AnswerOptions& options_;
  std::optional<FilteredComplex> filtration_;
  std::optional<ChainComplex> chains_;
  std::map<std::uint32_t, ChainComplex> modular_;  // exact_chains over Z/p, by p
  std::optional<int> max_dim_;
  std::optional<Barcode> barcode_, rational_barcode_;
  SpectrumOptions spectrum_options_;
  std::optional<HomologyResult> homology_, integral_, rational_;
  json diagnostics_ = json::object();
};

}  // namespace

std::uint64_t default_memory_budget() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return std::uint64_t{4} << 30;
  return static_cast<std::uint64_t>(0.8L * static_cast<long double>(pages) * page_size);
}

void check_dense_eigenproblem(std::size_t n, std::uint64_t budget, std::string_view what,
                              bool with_eigenvectors) {
  const long double bytes = 8.0L * static_cast<long double>(n) * static_cast<long double>(n) *
                            (with_eigenvectors ? 2 : 1);
  if (bytes > static_cast<long double>(budget))
    throw ResourceLimit(std::string(what) + " is a " + std::to_string(n) + " × " +
                        std::to_string(n) + " dense eigenproblem that needs about " + gib(bytes) +
                        "; the memory budget is " + gib(budget));
}

namespace {

// The closure of a simplicial_complex input, sized against the budget before it is built.
SimplicialComplex closure_of(const Case& c, const AnswerOptions& options) {
  // Upper bound of the closure (faces shared by several listed simplices are counted once per
  // simplex), computed in long double because one simplex of 70 vertices has 2^70 − 1 faces.
  long double simplices = 0, bytes = 0;
  for (const Simplex& s : c.simplices) {
    const auto m = static_cast<long double>(s.size());
    const long double faces = std::pow(2.0L, m) - 1;
    simplices += faces;
    // About 64 + 48·j bytes per face of j vertices (vertex tuple, hash slot, cofacet lists,
    // boundary column, duplicates before deduplication; an overestimate only refuses hopeless
    // inputs): Σ_j C(m, j)·(64 + 48·j) = 64·(2^m − 1) + 48·m·2^(m−1).
    bytes += 64.0L * faces + 48.0L * m * std::pow(2.0L, m - 1);
  }
  if (simplices > static_cast<long double>(kDefaultMaxSimplices) ||
      bytes > static_cast<long double>(options.memory_budget))
    throw ResourceLimit("the closure of /input/simplices has up to " + count(simplices) +
                        " simplices and needs about " + gib(bytes) +
                        " to build; the memory budget is " + gib(options.memory_budget) +
                        " and the limit " + count(kDefaultMaxSimplices) + " simplices");
  try {
    return SimplicialComplex::from_simplices(c.simplices);
  } catch (const InvalidInput& e) {
    throw InvalidInput("/input/simplices" + e.where(), e.message());
  }
}

}  // namespace

bool is_generated(const Case& c) {
  return c.input_type == InputType::PointCloud || c.input_type == InputType::DistanceMatrix;
}

DistanceMatrix case_distances(const Case& c, const AnswerOptions& options) {
  // The lower triangle (n²/2 doubles) and the Rips engines' dense copy (n² doubles).
  const auto n = static_cast<long double>(c.input_type == InputType::PointCloud ? c.points.size()
                                                                                : c.matrix.size());
  const long double bytes = 8.0L * 1.5L * n * n;
  if (bytes > static_cast<long double>(options.memory_budget))
    throw ResourceLimit("the distances of " + count(n) + " points need about " + gib(bytes) +
                        "; the memory budget is " + gib(options.memory_budget));
  try {
    if (c.input_type == InputType::PointCloud)
      return DistanceMatrix::euclidean(PointCloud::from_rows(c.points));
    if (c.input_type == InputType::DistanceMatrix) return DistanceMatrix::from_rows(c.matrix);
  } catch (const InvalidInput& e) {
    throw InvalidInput((c.input_type == InputType::PointCloud ? "/input/points" : "/input/matrix") +
                           e.where(),
                       e.message());
  }
  throw InvalidInput("/input/type", "input type \"" + std::string(input_type_name(c.input_type)) +
                                        "\" has no distances");
}

FilteredComplex case_filtration(const Case& c, const AnswerOptions& options) {
  // Generated complexes are built up to degree max_dim + 1 (and every requested degree + 1).
  int top = case_max_dim(c, SimplicialComplex{});
  for (const PersistenceRequest& r : c.options.requests) top = std::max(top, r.dim);
  // About 100 bytes per stored simplex (tuple, hash slot, facets, cofacets, boundary column).
  const std::size_t max_simplices = std::min<std::uint64_t>(kDefaultMaxSimplices, options.memory_budget / 100);
  switch (c.input_type) {
    case InputType::SimplicialComplex: {
      FilteredComplex f;
      f.complex = closure_of(c, options);
      f.values.resize(static_cast<std::size_t>(f.complex.dimension() + 1));
      for (int q = 0; q <= f.complex.dimension(); ++q) f.values[q].assign(f.complex.size(q), 0.0);
      return f;
    }
    case InputType::FilteredComplex: {
      std::vector<FilteredSimplex> simplices;
      simplices.reserve(c.simplices.size());
      for (std::size_t i = 0; i < c.simplices.size(); ++i)
        simplices.push_back({c.simplices[i], c.simplex_values[i]});
      try {
        return filtered_complex(simplices);
      } catch (const InvalidInput& e) {
        throw InvalidInput("/input/simplices" + e.where(), e.message());
      }
    }
    case InputType::PointCloud:
      if (c.point_complex == "alpha") {
        try {
          return alpha_complex(PointCloud::from_rows(c.points), top + 1, c.max_value);
        } catch (const InvalidInput& e) {
          throw InvalidInput(e.where() == "max_value" ? "/input/max_value" : "/input/points" + e.where(),
                             e.message());
        }
      }
      [[fallthrough]];
    case InputType::DistanceMatrix: {
      const DistanceMatrix d = case_distances(c, options);
      try {
        return rips_complex(d, top + 1, c.max_value, max_simplices);
      } catch (const InvalidInput& e) {
        throw InvalidInput(e.where() == "max_value" ? "/input/max_value" : "/input" + e.where(),
                           e.message());
      }
    }
    default:
      throw InvalidInput("/input/type", "input type \"" +
                                            std::string(input_type_name(c.input_type)) +
                                            "\" has no simplicial complex (its chain complex "
                                            "is a path or infimum complex)");
  }
}

namespace {

// The top hyperedge dimension (−1 for no hyperedges); with vertices = "all" the listed vertices
// are 0-hyperedges.
int hypergraph_top(const Case& c) {
  std::size_t largest = 0;
  for (const Hyperedge& h : c.hyperedges) largest = std::max(largest, h.vertices.size());
  if (c.options.vertices == "all" && !c.vertices.empty()) largest = std::max<std::size_t>(largest, 1);
  return static_cast<int>(largest) - 1;
}

// Degree up to which a digraph's path complex or a hypergraph's Inf is built: every reported
// and requested degree needs the next one; a hypergraph is built whole (its Dirac operator
// spans every degree of the complex, as for a simplicial complex).
int graph_build_top(const Case& c) {
  int top = case_max_dim(c, SimplicialComplex{});
  for (const PersistenceRequest& r : c.options.requests) top = std::max(top, r.dim);
  top += 1;
  if (c.input_type == InputType::Hypergraph) top = std::max(top, hypergraph_top(c));
  return top;
}

// The allowed paths are counted (walks, without enumerating them) and sized against the budget
// before the path complex is built: a dense digraph has n·d^p paths of degree p.
void check_path_counts(const Digraph& g, int top, const AnswerOptions& options,
                       std::size_t max_paths) {
  const std::vector<std::size_t> counts = allowed_path_counts(g, top);
  long double paths = 0, bytes = 0;
  std::string per_degree;
  for (std::size_t p = 0; p < counts.size(); ++p) {
    const auto n = static_cast<long double>(counts[p]);
    paths += n;
    // A path of degree p: its p + 1 vertices, its boundary column (p + 1 entries), its rows in
    // the exact and orthonormal bases and the embedding (an overestimate refuses only hopeless
    // inputs).
    bytes += n * (64.0L + 64.0L * static_cast<long double>(p + 1));
    per_degree += (p == 0 ? "" : ", ") + count(n);
  }
  if (paths > static_cast<long double>(max_paths) ||
      bytes > static_cast<long double>(options.memory_budget))
    throw ResourceLimit("the path complex of the digraph up to degree " + std::to_string(top) +
                        " has " + count(paths) + " allowed paths (|A_0|, …, |A_" +
                        std::to_string(top) + "| = " + per_degree + ") and needs about " +
                        gib(bytes) + " to build; the memory budget is " +
                        gib(options.memory_budget) + " and the limit " + count(max_paths) +
                        " paths");
}

// An unfiltered complex as the filtration with every value 0 (CASES.md: K_a = cells with value
// ≤ a), so that persistent quantities of an unweighted digraph or hypergraph are defined.
void zero_values_if_unfiltered(ChainComplex& k) {
  if (k.filtered() || k.dims().empty()) return;
  std::vector<std::vector<double>> values;
  for (std::size_t d : k.dims()) values.emplace_back(d, 0.0);
  k.set_values(std::move(values));
}

}  // namespace

Digraph case_digraph(const Case& c) {
  try {
    return Digraph::from_arcs(c.vertices, c.arcs, c.vertex_values);  // merges: Case::warnings
  } catch (const InvalidInput& e) {
    throw InvalidInput("/input" + e.where(), e.message());
  }
}

Hypergraph case_hypergraph(const Case& c) {
  try {
    return Hypergraph::from_hyperedges(
        c.hyperedges, c.vertices,
        c.options.vertices == "all" ? VertexConvention::All : VertexConvention::Listed);
  } catch (const InvalidInput& e) {
    throw InvalidInput("/input" + e.where(), e.message());
  }
}

ChainComplex case_chains(const Case& c, const AnswerOptions& options, std::uint32_t modulus) {
  ChainComplex k;
  if (c.input_type == InputType::Digraph && c.digraph_complex == "directed_flag") {
    // Simplicial boundaries (±1): the same complex over Z and every Z/p.
    DirectedFlagOptions o;
    o.top = graph_build_top(c);
    o.max_simplices = static_cast<std::size_t>(
        std::min<std::uint64_t>(kDefaultMaxSimplices, options.memory_budget / 100));
    o.progress = options.progress;
    k = directed_flag_complex(case_digraph(c), o);
  } else if (c.input_type == InputType::Digraph) {
    const Digraph g = case_digraph(c);
    PathComplexOptions o;
    o.modulus = modulus;
    o.theory = c.options.path_theory == "non_regular" ? PathTheory::NonRegular : PathTheory::Regular;
    o.top = graph_build_top(c);
    // About 100 bytes per stored path at the least, as for simplices (case_filtration).
    o.max_paths = static_cast<std::size_t>(
        std::min<std::uint64_t>(std::size_t{1} << 27, options.memory_budget / 100));
    o.progress = options.progress;
    check_path_counts(g, o.top, options, o.max_paths);
    k = path_complex(g, o).chains;
  } else if (c.input_type == InputType::Hypergraph) {
    const Hypergraph h = case_hypergraph(c);
    if (modulus == 0) {
      k = embedded_complex(h, graph_build_top(c)).chains;
    } else {
      HypergraphGenerators g = hypergraph_generators(h, graph_build_top(c));
      InfimumOptions o;
      o.modulus = modulus;
      o.progress = options.progress;
      k = infimum_complex(g.degrees, std::move(g.labels), o).chains;
    }
  } else {
    return case_filtration(c, options).chain_complex();
  }
  zero_values_if_unfiltered(k);
  return k;
}

SimplicialComplex case_complex(const Case& c, const AnswerOptions& options) {
  if (c.input_type == InputType::SimplicialComplex) return closure_of(c, options);
  return case_filtration(c, options).complex;
}

int case_max_dim(const Case& c, const SimplicialComplex& k) {
  if (c.options.max_dim) return *c.options.max_dim;
  // CASES.md: 1 for point clouds (as Ripser), 2 for digraphs, the top hyperedge dimension.
  if (c.input_type == InputType::Digraph) return 2;
  if (c.input_type == InputType::Hypergraph) return hypergraph_top(c);
  return is_generated(c) ? 1 : k.dimension();
}

nlohmann::json answer_case(const Case& c, const AnswerOptions& options) {
  // Quantities this input cannot answer are refused before any work is done.
  for (const WantedQuantity& w : c.want) {
    if (is_persistent(w.quantity) && c.input_type == InputType::SimplicialComplex)
      throw InvalidInput(w.pointer, "\"" + std::string(quantity_name(w.quantity)) +
                                        "\" needs a filtration: use a filtered_complex, "
                                        "point_cloud, distance_matrix, digraph or "
                                        "hypergraph input");
    if (w.quantity == Quantity::EulerCharacteristic && is_graph_input(c))
      throw InvalidInput(w.pointer,
                         "\"euler_characteristic\" is defined for simplicial inputs "
                         "only (docs/case-format.md); a " +
                             std::string(input_type_name(c.input_type)) +
                             " has chain_dims and betti instead");
    if (needs_requests(w.quantity) && c.options.requests.empty())
      throw InvalidInput("/options/requests", "missing: \"" + std::string(quantity_name(w.quantity)) +
                                                  "\" needs a list of {\"dim\", \"a\", \"b\"} requests");
  }
  return Answerer(c, options).answer();
}

}  // namespace topospec::verify

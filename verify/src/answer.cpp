#include "topospec/verify/answer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/dirac_operator.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
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

bool supported_for_simplicial(Quantity q) {
  switch (q) {
    case Quantity::Barcode:
    case Quantity::PersistentBetti:
    case Quantity::PersistentLaplacianSpectrum:
    case Quantity::PersistentDiracSpectrum:
    case Quantity::PersistentHarmonicBasis:
    case Quantity::SpectralCurves:
      return false;
    default:
      return true;
  }
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

// The computations of one case, each done at most once.
class Answerer {
 public:
  Answerer(const Case& c, const AnswerOptions& options)
      : case_(c),
        options_(options),
        complex_(case_complex(c, options)),
        chains_(chain_complex(complex_)),
        max_dim_(case_max_dim(c, complex_)) {
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
  int degrees() const { return max_dim_ + 1; }

  // Every dense eigenproblem is sized before the first is started, so that a case fails at
  // once instead of after hours of work on the smaller ones.
  void check_memory() const {
    const std::uint64_t budget = options_.memory_budget;
    for (const WantedQuantity& w : case_.want) {
      for (int q = 0; q < degrees(); ++q) {
        const std::string lq = "L_" + std::to_string(q);
        switch (w.quantity) {
          case Quantity::LaplacianSpectrum:
          case Quantity::UpLaplacianSpectrum:
          case Quantity::DownLaplacianSpectrum:
            check_dense_eigenproblem(chains_.dim(q), budget, lq);
            break;
          case Quantity::HarmonicBasis:
            check_dense_eigenproblem(chains_.dim(q), budget, lq, true);
            break;
          case Quantity::DiracSpectrumByDegree:
            check_dense_eigenproblem(chains_.dim(q - 1) + chains_.dim(q) + chains_.dim(q + 1),
                                     budget, "D_" + std::to_string(q));
            break;
          default:
            break;
        }
      }
      if (w.quantity == Quantity::DiracSpectrum) {
        std::size_t n = 0;
        for (std::size_t d : chains_.dims()) n += d;
        check_dense_eigenproblem(n, budget, "the Dirac operator");
      }
    }
  }

  json compute(Quantity q) {
    switch (q) {
      case Quantity::ChainDims: {
        json dims = json::array();
        for (int d = 0; d < degrees(); ++d) dims.push_back(chains_.dim(d));
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
        return chains_.euler_characteristic();
      case Quantity::LaplacianSpectrum:
        return laplacian_spectra(Kind::Hodge);
      case Quantity::UpLaplacianSpectrum:
        return laplacian_spectra(Kind::Up);
      case Quantity::DownLaplacianSpectrum:
        return laplacian_spectra(Kind::Down);
      case Quantity::DiracSpectrum:
        return clean_spectrum(dirac_operator(chains_), spectrum_options("spectrum of D"),
                              "the Dirac operator");
      case Quantity::DiracSpectrumByDegree: {
        json by = json::object();
        for (int d = 0; d < degrees(); ++d) {
          const std::string name = "D_" + std::to_string(d);
          by[std::to_string(d)] = clean_spectrum(dirac_operator(chains_, d),
                                                 spectrum_options("spectrum of " + name), name);
        }
        return by;
      }
      case Quantity::HarmonicBasis:
        return harmonic_bases();
      default:
        break;  // rejected before the complex was built (see answer_case)
    }
    throw Error("internal: quantity " + std::string(quantity_name(q)) + " has no answerer");
  }

  enum class Kind { Hodge, Up, Down };

  json laplacian_spectra(Kind kind) {
    static constexpr std::string_view prefix[] = {"", "up-", "down-"};
    json by = json::object();
    for (int d = 0; d < degrees(); ++d) {
      const std::string name =
          std::string(prefix[static_cast<int>(kind)]) + "L_" + std::to_string(d);
      const RealMatrix l = kind == Kind::Hodge ? hodge_laplacian(chains_, d)
                           : kind == Kind::Up  ? up_laplacian(chains_, d)
                                               : down_laplacian(chains_, d);
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

  json harmonic_bases() {
    json by = json::object();
    for (int d = 0; d < degrees(); ++d) {
      json entry = {{"cells", json::array()}, {"vectors", json::array()}};
      if (chains_.dim(d) > 0) {
        const HarmonicSpace hs = harmonic_space(
            chains_, d, {}, spectrum_options("harmonic space of L_" + std::to_string(d)));
        for (const CellLabel& label : hs.cells) entry["cells"].push_back(label);
        for (Eigen::Index j = 0; j < hs.basis.cols(); ++j) {
          json v = json::array();
          for (Eigen::Index i = 0; i < hs.basis.rows(); ++i) {
            const double x = hs.basis(i, j);
            if (!std::isfinite(x))
              throw NumericalFailure("the harmonic basis of L_" + std::to_string(d) +
                                     " is not finite");
            v.push_back(x);
          }
          entry["vectors"].push_back(std::move(v));
        }
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

  HomologyResult run_homology(Coefficients coefficients) const {
    HomologyOptions o;
    o.coefficients = coefficients;
    o.max_dim = max_dim_;
    o.progress = options_.progress;
    if (max_dim_ < 0) {  // the empty complex: nothing to eliminate
      HomologyResult r;
      r.coefficients = coefficients;
      return r;
    }
    return topospec::homology(chains_, o);
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
  SimplicialComplex complex_;
  ChainComplex chains_;
  int max_dim_;
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

SimplicialComplex case_complex(const Case& c, const AnswerOptions& options) {
  if (c.input_type != InputType::SimplicialComplex)
    throw InvalidInput("/input/type", "input type \"" + std::string(input_type_name(c.input_type)) +
                                          "\" is not supported yet");
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

int case_max_dim(const Case& c, const SimplicialComplex& k) {
  return c.options.max_dim ? *c.options.max_dim : k.dimension();
}

nlohmann::json answer_case(const Case& c, const AnswerOptions& options) {
  // Unsupported quantities are refused before any work is done.
  for (const WantedQuantity& w : c.want)
    if (!supported_for_simplicial(w.quantity))
      throw InvalidInput(w.pointer, "\"" + std::string(quantity_name(w.quantity)) +
                                        "\" is not supported for input type " +
                                        std::string(input_type_name(c.input_type)) + " yet");
  return Answerer(c, options).answer();
}

}  // namespace topospec::verify

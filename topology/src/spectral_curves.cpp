#include "topospec/topology/spectral_curves.hpp"

#include <cmath>
#include <string>

#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {

std::vector<SpectralCurvePoint> spectral_curves(const ChainComplex& c,
                                                std::span<const double> values, int max_dim,
                                                const SpectrumOptions& opts) {
  if (!c.filtered()) throw Error("spectral_curves: the chain complex is not filtered");
  if (max_dim < 0)
    throw InvalidInput("max_dim", "must be >= 0, got " + std::to_string(max_dim));
  for (std::size_t i = 0; i < values.size(); ++i)
    if (std::isnan(values[i]))
      throw InvalidInput("values", "value " + std::to_string(i) + " is NaN");

  std::vector<SpectralCurvePoint> out;
  out.reserve(values.size());
  // Sublevel sets are nested, so equal cell counts in every degree mean the same K_t: a
  // sampled value between two entry values reuses the previous point.
  std::vector<std::size_t> last_counts;
  const SpectralCurvePoint* last = nullptr;
  for (std::size_t i = 0; i < values.size(); ++i) {
    report_progress(opts.progress, "spectral curves", i, values.size());
    const double t = values[i];
    std::vector<std::size_t> counts;
    for (int q = 0; q <= c.top_degree(); ++q) counts.push_back(c.sublevel_cells(q, t).size());
    if (last != nullptr && counts == last_counts) {
      SpectralCurvePoint p = *last;
      p.value = t;
      out.push_back(std::move(p));
      last = &out.back();
      continue;
    }
    const ChainComplex k = c.sublevel(t);
    SpectralCurvePoint p;
    p.value = t;
    HomologyOptions hopts;
    hopts.max_dim = max_dim;
    hopts.progress = opts.progress;
    const HomologyResult h = homology(k, hopts);
    for (int q = 0; q <= max_dim; ++q) {
      const std::size_t beta = h.betti.at(static_cast<std::size_t>(q));
      p.betti.push_back(static_cast<std::int64_t>(beta));
      // λ_min counts the exact β zeros, so it never depends on where a threshold falls.
      p.lambda_min.push_back(k.dim(q) > beta ? smallest_nonzero_eigenvalue(hodge_laplacian(k, q), beta, opts)
                                             : 0.0);
    }
    out.push_back(std::move(p));
    last = &out.back();
    last_counts = std::move(counts);
  }
  return out;
}

}  // namespace topospec

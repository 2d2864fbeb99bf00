/// \file
/// \ingroup verify
/// The library as a candidate: computes the wanted quantities of a case and answers in the
/// vocabulary of spec/CASES.md (same keys and shapes a candidate program prints).
#pragma once

#include "topospec/topology/backend.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "topospec/hypergraph/digraph.hpp"
#include "topospec/hypergraph/hypergraph.hpp"
#include "topospec/topology/chain_complex.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/progress.hpp"
#include "topospec/topology/simplicial_complex.hpp"
#include "topospec/verify/case.hpp"

namespace topospec::verify {

/// 80% of the physical memory (sysconf), or 4 GiB when it cannot be determined.
std::uint64_t default_memory_budget();

/// How the library answers a case: progress, memory budget, backend.
struct AnswerOptions {
  Progress progress;  ///< forwarded to homology and spectra; may cancel
  /// Bytes the computation may use. Checked before anything quadratic is allocated: building
  /// the closure, and each dense eigenproblem (8·n² bytes for an n × n matrix).
  std::uint64_t memory_budget = default_memory_budget();
  Backend backend = Backend::Cpu;  ///< where dense spectra run (see SpectrumOptions::backend)
};

/// Builds the complex of a case (the closure of its simplices, or the complex its filtration
/// builds). Errors of the input are re-thrown with the place in the document
/// ("/input/simplices/3"); a closure over the memory budget is a ResourceLimit carrying the
/// estimate.
SimplicialComplex case_complex(const Case& c, const AnswerOptions& options = {});

/// The filtration a case describes: a filtered_complex as given; a Rips or alpha complex built up
/// to degree max(max_dim, every requested degree) + 1; a simplicial_complex with every value 0.
FilteredComplex case_filtration(const Case& c, const AnswerOptions& options = {});

/// The chain complex every quantity of a case is computed on, always filtered (values 0 where the
/// input has none): the filtration's simplicial chains; for a digraph its path complex Ω (GLMY,
/// options.path_theory) and for a hypergraph its infimum complex Inf (embedded homology), both
/// built up to degree max(max_dim, every requested degree) + 1 (a hypergraph at least to its
/// top hyperedge dimension). Ω and Inf are subspace complexes: their cells embed in the allowed
/// paths and the hyperedges (ChainComplex::to_ambient). The allowed paths are counted before
/// they are built: over the memory budget is a ResourceLimit carrying the count. modulus p > 0
/// (digraphs and hypergraphs only): Ω(F_p) or Inf(F_p) instead, with no real form, for Z/p
/// chain_dims, homology and barcodes.
ChainComplex case_chains(const Case& c, const AnswerOptions& options = {},
                         std::uint32_t modulus = 0);

/// The digraph of a case; errors of the input come back with their place in the document
/// ("/input/arcs/2").
Digraph case_digraph(const Case& c);
/// The hypergraph of a case (options.vertices chooses the singleton convention); errors of the
/// input come back with their place in the document ("/input/hyperedges/2").
Hypergraph case_hypergraph(const Case& c);

/// Point clouds and distance matrices: the complex is generated, not given.
bool is_generated(const Case& c);

/// The distances of a point_cloud (Euclidean) or distance_matrix input; ResourceLimit (with the
/// estimate) when they would not fit the memory budget.
DistanceMatrix case_distances(const Case& c, const AnswerOptions& options = {});

/// The highest degree reported for `c` on complex `k`: options.max_dim, else the top dimension
/// of k, 1 for point clouds and distance matrices, 2 for digraphs, the top hyperedge dimension
/// for hypergraphs (CASES.md; k is not used for those).
int case_max_dim(const Case& c, const SimplicialComplex& k);

/// Throws ResourceLimit when a dense eigenproblem of an n × n matrix (8·n² bytes, twice that
/// when eigenvectors are kept) exceeds the budget; `what` names the operator in the message
/// (for example "the Dirac operator").
void check_dense_eigenproblem(std::size_t n, std::uint64_t budget, std::string_view what,
                              bool with_eigenvectors = false);

/// Computes every wanted quantity. The result has exactly the CASES.md keys that were wanted,
/// plus "_diagnostics" when something is worth reporting (homology over Q not certain, numeric
/// harmonic nullity different from the exact Betti number); it is no quantity, so whoever reads
/// the answer as quantities ignores it. Harmonic vectors of a digraph or hypergraph are reported
/// on the allowed paths or hyperedges they touch. Throws InvalidInput ("/want/i") for a quantity
/// this input type does not have (persistence of a plain simplicial_complex,
/// euler_characteristic of a digraph or hypergraph), ResourceLimit, NumericalFailure.
nlohmann::json answer_case(const Case& c, const AnswerOptions& options = {});

}  // namespace topospec::verify

/// \file
/// \ingroup verify
/// Diagnoses: when a candidate's wrong answer equals what a known conceptual error (REFERENCE.md
/// §4, F1–F11) would produce on the same input, say which. Each diagnosis is an alternative
/// computation run on the case's input and compared against the wrong answer (exactly for
/// integers, within the case tolerance for spectra), never a guess from the answer's text.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "topospec/verify/case.hpp"

namespace topospec::verify {

/// One known conceptual error that reproduces a wrong quantity.
struct Diagnosis {
  std::string quantity;     ///< the CASES.md key it explains ("betti", "laplacian_spectrum", …)
  std::string explanation;  ///< e.g. "matches Betti numbers over Z/2, not Q"
};

/// Which known conceptual errors (REFERENCE.md §4) reproduce the wrong quantities of `got`.
///
/// `expect`: the reference answer (CASES.md keys); `got`: the candidate's answer. Only quantities
/// where got differs from expect are examined, and a diagnosis is reported only when the
/// alternative computation reproduces `got` and differs from `expect`. Never throws for a
/// malformed `got` (it simply matches nothing); returns {} for inputs it cannot model.
std::vector<Diagnosis> diagnose(const Case& c, const nlohmann::json& expect,
                                const nlohmann::json& got);

}  // namespace topospec::verify

/// \file
/// \ingroup verify
/// Shrinking a failing case to a locally minimal counterexample (delta debugging).
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>

namespace topospec::verify {

/// Greedy delta-debugging: remove maximal simplices, then vertices (from every simplex that holds
/// them), then shrink max_dim, while still_fails(candidate_case) stays true; returns a locally
/// minimal case (no single removal keeps it failing). Bounded number of predicate calls
/// (parameter, default 500). The result stays a valid case: at least one simplex, vertex ids as
/// given; `expect` is dropped when the input changed (it no longer describes the case).
nlohmann::json shrink_case(const nlohmann::json& case_json,
                           const std::function<bool(const nlohmann::json&)>& still_fails,
                           std::size_t max_calls = 500);

}  // namespace topospec::verify

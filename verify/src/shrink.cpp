// Greedy delta debugging on the simplex list of a case. The list is edited as written (vertex
// order, listed faces and ids are kept), because some failures depend on how the complex is
// listed (F9: unclosed or unsorted lists); only the complex it describes gets smaller.
#include "topospec/verify/shrink.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace topospec::verify {
namespace {

using json = nlohmann::json;
using VertexSet = std::vector<std::int64_t>;  // sorted vertex ids of one listed simplex

std::optional<VertexSet> vertex_set(const json& entry) {
  if (!entry.is_array() || entry.empty()) return std::nullopt;
  VertexSet s;
  for (const json& v : entry) {
    if (!v.is_number_integer()) return std::nullopt;
    s.push_back(v.get<std::int64_t>());
  }
  std::sort(s.begin(), s.end());
  return s;
}

bool subset_of(const VertexSet& a, const VertexSet& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

bool covered(const VertexSet& face, const std::vector<json>& entries) {
  for (const json& e : entries)
    if (subset_of(face, *vertex_set(e))) return true;
  return false;
}

// The list without the simplex of entries[i] (every entry listing the same simplex goes). When
// that simplex was maximal, its facets that nothing else covers are appended, written as the
// removed entry was (one vertex left out), so the complex loses exactly one simplex: K ∖ σ.
std::vector<json> remove_simplex(const std::vector<json>& entries, std::size_t i) {
  const VertexSet target = *vertex_set(entries[i]);
  std::vector<json> out;
  for (const json& e : entries)
    if (*vertex_set(e) != target) out.push_back(e);
  if (covered(target, out) || entries[i].size() < 2) return out;
  for (std::size_t k = 0; k < entries[i].size(); ++k) {
    json facet = entries[i];
    facet.erase(k);
    if (!covered(*vertex_set(facet), out)) out.push_back(std::move(facet));
  }
  return out;
}

// The list with vertex v taken out of every entry (entries reduced to nothing go, and so do
// exact repeats that this creates): the subcomplex induced on the other vertices.
std::vector<json> remove_vertex(const std::vector<json>& entries, std::int64_t v) {
  std::vector<json> out;
  for (const json& e : entries) {
    json reduced = json::array();
    for (const json& x : e)
      if (x.get<std::int64_t>() != v) reduced.push_back(x);
    if (reduced.empty()) continue;
    if (std::find(out.begin(), out.end(), reduced) == out.end()) out.push_back(std::move(reduced));
  }
  return out;
}

class Shrinker {
 public:
  Shrinker(json start, const std::function<bool(const json&)>& still_fails, std::size_t max_calls)
      : best_(std::move(start)), still_fails_(still_fails), max_calls_(max_calls) {}

  // Phases in the order of the contract; repeated until a whole round changes nothing (local
  // minimality) or the predicate budget is spent.
  json run() {
    bool changed = true;
    while (changed && calls_ < max_calls_) {
      changed = false;
      changed |= remove_simplices();
      changed |= remove_vertices();
      changed |= shrink_max_dim();
    }
    return best_;
  }

 private:
  std::vector<json> entries() const {
    const json& s = best_["input"]["simplices"];
    return {s.begin(), s.end()};
  }

  // Tries a candidate; keeps it when it still fails. Never calls the predicate on an empty
  // complex (not a useful counterexample) or beyond the budget.
  bool attempt_simplices(const std::vector<json>& simplices) {
    if (simplices.empty() || simplices == entries()) return false;
    json candidate = best_;
    candidate["input"]["simplices"] = simplices;
    candidate.erase("expect");  // it described the original input, not this one
    return attempt_case(std::move(candidate));
  }
  bool attempt_case(json candidate) {
    if (calls_ >= max_calls_) return false;
    ++calls_;
    if (!still_fails_(candidate)) return false;
    best_ = std::move(candidate);
    return true;
  }

  // Highest dimension first: removing a top simplex only splits off its boundary, so the
  // complex keeps its low-dimensional cycles while it gets smaller; facets appended at the end
  // are tried last, which leaves the boundary of the last simplex (e.g. a triangle's 3 edges)
  // when a cycle is what keeps the case failing.
  bool remove_simplices() {
    bool changed = false;
    std::vector<json> order = entries();
    std::stable_sort(order.begin(), order.end(),
                     [](const json& a, const json& b) { return a.size() > b.size(); });
    for (const json& target : order) {
      const std::vector<json> current = entries();
      const auto it = std::find(current.begin(), current.end(), target);
      if (it == current.end()) continue;  // already gone with an earlier removal
      if (attempt_simplices(remove_simplex(current, static_cast<std::size_t>(it - current.begin()))))
        changed = true;
    }
    return changed;
  }

  bool remove_vertices() {
    bool changed = false;
    std::vector<std::int64_t> vertices;
    for (const json& e : entries())
      for (const json& v : e) vertices.push_back(v.get<std::int64_t>());
    std::sort(vertices.begin(), vertices.end());
    vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
    for (std::int64_t v : vertices)
      if (attempt_simplices(remove_vertex(entries(), v))) changed = true;
    return changed;
  }

  // Fewer reported degrees: the smallest max_dim that still fails.
  bool shrink_max_dim() {
    int current = -1;
    const json& options = best_.contains("options") ? best_["options"] : json();
    if (options.is_object() && options.contains("max_dim")) {
      if (!options["max_dim"].is_number_integer()) return false;
      current = options["max_dim"].get<int>();
    } else {
      for (const json& e : entries()) current = std::max(current, static_cast<int>(e.size()) - 1);
    }
    for (int d = 0; d < current; ++d) {
      json candidate = best_;
      if (!candidate["options"].is_object()) candidate["options"] = json::object();
      candidate["options"]["max_dim"] = d;
      candidate.erase("expect");
      if (attempt_case(std::move(candidate))) return true;
    }
    return false;
  }

  json best_;
  const std::function<bool(const json&)>& still_fails_;
  std::size_t max_calls_;
  std::size_t calls_ = 0;
};

}  // namespace

json shrink_case(const json& case_json, const std::function<bool(const json&)>& still_fails,
                 std::size_t max_calls) {
  // Only a well-formed simplicial_complex list can be shrunk; anything else comes back as given
  // (the reader reports what is wrong with it).
  if (!case_json.is_object() || !case_json.contains("input")) return case_json;
  const json& input = case_json["input"];
  if (!input.is_object() || input.value("type", "") != "simplicial_complex" ||
      !input.contains("simplices") || !input["simplices"].is_array() ||
      input["simplices"].empty())
    return case_json;
  for (const json& e : input["simplices"])
    if (!vertex_set(e)) return case_json;
  return Shrinker(case_json, still_fails, max_calls).run();
}

}  // namespace topospec::verify

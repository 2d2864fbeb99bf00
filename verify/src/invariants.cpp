#include "topospec/verify/invariants.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <tuple>
#include <optional>
#include <set>

#include "topospec/verify/compare.hpp"

namespace topospec::verify {
namespace {

using nlohmann::json;
using Ints = std::vector<std::int64_t>;
using Reals = std::vector<double>;
using Spectra = std::map<int, Reals>;

std::string num(double x) { return json(x).dump(); }
// Thresholds and tolerances: three digits are what a reader needs.
std::string approx(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", x);
  return buf;
}
std::string str(std::int64_t x) { return std::to_string(x); }
// "1 vector", "3 vectors".
std::string count(std::int64_t n, const char* one, const char* many) {
  return str(n) + " " + (n == 1 ? one : many);
}

std::optional<std::int64_t> integer_of(const json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number_unsigned() && v.get<std::uint64_t>() <= std::uint64_t(INT64_MAX))
    return static_cast<std::int64_t>(v.get<std::uint64_t>());
  return std::nullopt;
}

std::optional<Ints> int_list(const json& v) {
  if (!v.is_array()) return std::nullopt;
  Ints out;
  for (const json& x : v) {
    const auto i = integer_of(x);
    if (!i) return std::nullopt;
    out.push_back(*i);
  }
  return out;
}

std::optional<Reals> real_list(const json& v) {
  if (!v.is_array()) return std::nullopt;
  Reals out;
  for (const json& x : v) {
    if (!x.is_number()) return std::nullopt;
    const double d = x.get<double>();
    if (!std::isfinite(d)) return std::nullopt;
    out.push_back(d);
  }
  std::sort(out.begin(), out.end());  // order is the comparison's business, not an invariant's
  return out;
}

std::optional<int> degree_of(const std::string& key) {
  if (key.empty() || key.size() > 6 || (key.size() > 1 && key[0] == '0')) return std::nullopt;
  for (char ch : key)
    if (ch < '0' || ch > '9') return std::nullopt;
  return std::stoi(key);
}

// Well-formed degrees of a {"q": [λ…]} object; malformed degrees are left out.
Spectra per_degree(const json& v) {
  Spectra out;
  if (!v.is_object()) return out;
  for (const auto& [key, value] : v.items())
    if (const auto q = degree_of(key))
      if (auto r = real_list(value)) out.emplace(*q, std::move(*r));
  return out;
}

double max_abs(const Reals& v) {
  double m = 0;
  for (double x : v) m = std::max(m, std::abs(x));
  return m;
}

// What the reported answer says, in the shapes the checks need.
struct Answer {
  std::optional<Ints> chain_dims, betti, ranks;  // ranks[i] = rank ∂_{i+1}
  std::optional<std::int64_t> euler;
  Spectra lap, up, down, dirac_by_degree;
  std::optional<Reals> dirac;
  std::map<int, json> harmonic;
  std::map<int, std::vector<std::pair<double, std::optional<double>>>> bars;  // degree → bars
  bool has_barcode = false;
  json persistent_betti, persistent_laplacian, persistent_dirac, persistent_harmonic, curves;

  explicit Answer(const json& got) {
    if (!got.is_object()) return;
    if (got.contains("barcode") && got["barcode"].is_object()) {
      has_barcode = true;
      for (const auto& [key, value] : got["barcode"].items()) {
        const auto q = degree_of(key);
        if (!q || !value.is_array()) continue;
        auto& list = bars[*q];
        for (const json& bar : value)
          if (bar.is_array() && bar.size() == 2 && bar[0].is_number() &&
              (bar[1].is_number() || bar[1].is_null()))
            list.emplace_back(bar[0].get<double>(), bar[1].is_null()
                                                        ? std::nullopt
                                                        : std::optional<double>(bar[1].get<double>()));
      }
    }
    for (const auto& [key, slot] :
         {std::pair{"persistent_betti", &persistent_betti},
          std::pair{"persistent_laplacian_spectrum", &persistent_laplacian},
          std::pair{"persistent_dirac_spectrum", &persistent_dirac},
          std::pair{"persistent_harmonic_basis", &persistent_harmonic},
          std::pair{"spectral_curves", &curves}})
      if (got.contains(key) && got[key].is_array()) *slot = got[key];
    if (got.contains("chain_dims")) chain_dims = int_list(got["chain_dims"]);
    if (got.contains("betti")) betti = int_list(got["betti"]);
    if (got.contains("boundary_ranks")) ranks = int_list(got["boundary_ranks"]);
    if (got.contains("euler_characteristic")) euler = integer_of(got["euler_characteristic"]);
    if (got.contains("laplacian_spectrum")) lap = per_degree(got["laplacian_spectrum"]);
    if (got.contains("up_laplacian_spectrum")) up = per_degree(got["up_laplacian_spectrum"]);
    if (got.contains("down_laplacian_spectrum")) down = per_degree(got["down_laplacian_spectrum"]);
    if (got.contains("dirac_spectrum_by_degree"))
      dirac_by_degree = per_degree(got["dirac_spectrum_by_degree"]);
    if (got.contains("dirac_spectrum")) dirac = real_list(got["dirac_spectrum"]);
    if (got.contains("harmonic_basis") && got["harmonic_basis"].is_object())
      for (const auto& [key, value] : got["harmonic_basis"].items())
        if (const auto q = degree_of(key)) harmonic.emplace(*q, value);
  }
};

class Checker {
 public:
  Checker(const Case& c, const json& got)
      : case_(c),
        a_(got),
        top_(input_top_dimension(c)),
        abs_(c.tolerance.abs),
        rel_(c.tolerance.rel) {}

  std::vector<InvariantViolation> run() {
    signs_and_bounds();
    rank_nullity();
    euler();
    spectrum_sizes();
    spectra_signs_and_nullity();
    hodge_and_up_down();
    dirac();
    harmonic();
    persistence();
    graph_chain_dims();
    return std::move(out_);
  }

 private:
  // β_q^{a,b} read off the barcode: bars born by a that are still alive at b.
  std::optional<std::int64_t> barcode_betti(int q, double a, double b) const {
    if (!a_.has_barcode) return std::nullopt;
    const auto it = a_.bars.find(q);
    if (it == a_.bars.end()) return std::nullopt;  // degree not reported
    std::int64_t n = 0;
    for (const auto& [birth, death] : it->second) n += birth <= a && (!death || *death > b);
    return n;
  }

  // The (dim, a, b) of a persistent entry, when well-formed.
  static std::optional<std::tuple<int, double, double>> request_of(const json& e) {
    if (!e.is_object() || !e.contains("dim") || !e.contains("a") || !e.contains("b")) return {};
    if (!e["dim"].is_number_integer() || !e["a"].is_number() || !e["b"].is_number()) return {};
    return std::tuple{e["dim"].get<int>(), e["a"].get<double>(), e["b"].get<double>()};
  }
  static std::string request_text(const std::tuple<int, double, double>& r) {
    return "(q = " + str(std::get<0>(r)) + ", a = " + num(std::get<1>(r)) + ", b = " +
           num(std::get<2>(r)) + ")";
  }

  void persistence() {
    // Bars are half-open [birth, death) with birth < death; the infinite bars of degree q
    // count β_q of the whole complex (same coefficients).
    for (const auto& [q, list] : a_.bars) {
      for (const auto& [birth, death] : list)
        if (death && !(birth < *death))
          violation("bar_order", "degree " + str(q) + " bar [" + num(birth) + ", " + num(*death) +
                                     ") does not have birth < death");
      if (a_.betti && q < static_cast<int>(a_.betti->size())) {
        const auto infinite = std::count_if(list.begin(), list.end(),
                                            [](const auto& bar) { return !bar.second; });
        if (infinite != (*a_.betti)[q])
          violation("infinite_bars_betti", str(infinite) + " infinite bars in degree " + str(q) +
                                               " but β_" + str(q) + " = " + str((*a_.betti)[q]));
      }
    }
    std::map<std::tuple<int, double, double>, std::int64_t> betti;
    for (const json& e : a_.persistent_betti) {
      const auto r = request_of(e);
      if (!r || !e.contains("value") || !e["value"].is_number_integer()) continue;
      const std::int64_t v = e["value"].get<std::int64_t>();
      betti[*r] = v;
      if (v < 0) violation("non_negative", "persistent β " + request_text(*r) + " is negative");
      if (const auto from_bars = barcode_betti(std::get<0>(*r), std::get<1>(*r), std::get<2>(*r));
          from_bars && *from_bars != v)
        violation("persistent_betti_from_barcode",
                  "persistent β " + request_text(*r) + " = " + str(v) + " but the barcode has " +
                      str(*from_bars) + " bars born by a and alive at b");
    }
    // The nullity of Δ_q^{a,b} is the rational persistent Betti number.
    for (const json& e : a_.persistent_laplacian) {
      const auto r = request_of(e);
      if (!r || !e.contains("eigenvalues")) continue;
      const auto ev = real_list(e["eigenvalues"]);
      if (!ev) continue;
      const double zero = zero_threshold(*ev);
      for (double x : *ev)
        if (x < -zero) {
          violation("persistent_laplacian_psd", "Δ " + request_text(*r) + " has eigenvalue " +
                                                    num(x) + " < 0");
          break;
        }
      if (!rational()) continue;
      std::optional<std::int64_t> expected;
      if (const auto it = betti.find(*r); it != betti.end()) expected = it->second;
      else expected = barcode_betti(std::get<0>(*r), std::get<1>(*r), std::get<2>(*r));
      if (expected && static_cast<std::int64_t>(nullity(*ev)) != *expected)
        violation("persistent_nullity", "Δ " + request_text(*r) + " has " + str(nullity(*ev)) +
                                            " zero eigenvalues but persistent β = " + str(*expected));
    }
    // The persistent Dirac spectrum is symmetric about 0 (off-diagonal blocks only).
    for (const json& e : a_.persistent_dirac) {
      const auto r = request_of(e);
      if (!r || !e.contains("eigenvalues")) continue;
      auto ev = real_list(e["eigenvalues"]);
      if (!ev) continue;
      Reals negated(ev->rbegin(), ev->rend());
      for (double& x : negated) x = -x;
      if (!same_multiset(*ev, negated))
        violation("persistent_dirac_symmetric",
                  "the spectrum of D " + request_text(*r) + " is not symmetric about 0");
    }
    for (const json& e : a_.persistent_harmonic) {
      const auto r = request_of(e);
      if (!r || !e.contains("vectors") || !e["vectors"].is_array() || !rational()) continue;
      std::optional<std::int64_t> expected;
      if (const auto it = betti.find(*r); it != betti.end()) expected = it->second;
      else expected = barcode_betti(std::get<0>(*r), std::get<1>(*r), std::get<2>(*r));
      if (expected && static_cast<std::int64_t>(e["vectors"].size()) != *expected)
        violation("persistent_harmonic_dimension",
                  "the persistent harmonic basis " + request_text(*r) + " has " +
                      str(static_cast<std::int64_t>(e["vectors"].size())) +
                      " vectors but persistent β = " + str(*expected));
    }
    // Spectral curves: β of K_t equals the barcode's count at t (their Betti numbers are over Q).
    for (const json& p : a_.curves) {
      if (!p.is_object() || !p.contains("value") || !p["value"].is_number()) continue;
      const double t = p["value"].get<double>();
      if (p.contains("lambda_min"))
        if (const auto lam = real_list(p["lambda_min"]))
          for (std::size_t q = 0; q < lam->size(); ++q)
            if ((*lam)[q] < -zero_threshold(*lam))
              violation("lambda_min_non_negative",
                        "λ_min of L_" + str(static_cast<std::int64_t>(q)) + " at t = " + num(t) +
                            " is " + num((*lam)[q]));
      if (!rational() || !p.contains("betti")) continue;
      if (const auto b = int_list(p["betti"]))
        for (std::size_t q = 0; q < b->size(); ++q)
          if (const auto from_bars = barcode_betti(static_cast<int>(q), t, t);
              from_bars && *from_bars != (*b)[q])
            violation("curve_betti_from_barcode",
                      "β_" + str(static_cast<std::int64_t>(q)) + " at t = " + num(t) + " is " +
                          str((*b)[q]) + " but the barcode gives " + str(*from_bars));
    }
  }

  // Sizes of the chain groups that follow from the input alone, whatever basis or convention
  // the answer used: Ω_0 = the vertices, Ω_1 = the distinct arcs, Ω_q ⊆ A_q (allowed paths,
  // counted as walks); Inf_0 = the 0-hyperedges, Inf_q ⊆ span of the q-hyperedges.
  void graph_chain_dims() {
    if (!a_.chain_dims) return;
    const Ints& n = *a_.chain_dims;
    const auto dims = static_cast<int>(n.size());
    if (case_.input_type == InputType::Digraph) {
      const auto arcs = distinct_arcs();
      if (dims > 0 && n[0] != static_cast<std::int64_t>(case_.vertices.size()))
        violation("digraph_chain_dims", "n_0 = " + str(n[0]) + " but the digraph has " +
                                            str(std::int64_t(case_.vertices.size())) +
                                            " vertices (Ω_0 is spanned by the vertices)");
      if (dims > 1 && n[1] != static_cast<std::int64_t>(arcs.size()))
        violation("digraph_chain_dims", "n_1 = " + str(n[1]) + " but the digraph has " +
                                            str(std::int64_t(arcs.size())) +
                                            " distinct arcs (Ω_1 is spanned by the arcs)");
      // |A_q| = number of walks with q arcs: walks[v] = those ending at v, saturating.
      std::map<VertexId, std::int64_t> walks;
      for (VertexId v : case_.vertices) walks[v] = 1;
      for (int q = 1; q < dims; ++q) {
        std::map<VertexId, std::int64_t> next;
        for (const auto& [tail, head] : arcs) {
          std::int64_t& w = next[head];
          w = w > INT64_MAX - walks[tail] ? INT64_MAX : w + walks[tail];
        }
        walks = std::move(next);
        std::int64_t total = 0;
        for (const auto& [v, w] : walks) total = total > INT64_MAX - w ? INT64_MAX : total + w;
        if (n[q] > total)
          violation("digraph_chain_dims", "n_" + str(q) + " = " + str(n[q]) + " exceeds |A_" +
                                              str(q) + "| = " + str(total) +
                                              ", the number of allowed paths (Ω_" + str(q) +
                                              " ⊆ A_" + str(q) + ")");
      }
    }
    if (case_.input_type == InputType::Hypergraph) {
      const auto edges = hyperedges_by_degree();
      for (int q = 0; q < dims; ++q) {
        const auto it = edges.find(q);
        const auto h = static_cast<std::int64_t>(it == edges.end() ? 0 : it->second.size());
        if (q == 0 ? n[0] != h : n[q] > h)
          violation("hypergraph_chain_dims",
                    "n_" + str(q) + " = " + str(n[q]) + (q == 0 ? " but there are " : " exceeds the ") +
                        str(h) + " hyperedges with " + str(q + 1) + " vertices (Inf_" + str(q) +
                        (q == 0 ? " is spanned by them)" : " ⊆ their span)"));
      }
    }
  }

  // The digraph's arcs without parallels: (tail, head) pairs.
  std::set<std::pair<VertexId, VertexId>> distinct_arcs() const {
    std::set<std::pair<VertexId, VertexId>> arcs;
    for (const Arc& a : case_.arcs) arcs.emplace(a.tail, a.head);
    return arcs;
  }

  // Distinct hyperedges (sorted vertex ids) by degree, with the 0-hyperedges that the option
  // vertices = "all" adds.
  std::map<int, std::set<Ints>> hyperedges_by_degree() const {
    std::map<int, std::set<Ints>> out;
    for (const Hyperedge& h : case_.hyperedges) {
      Ints ids(h.vertices.begin(), h.vertices.end());
      std::sort(ids.begin(), ids.end());
      out[static_cast<int>(ids.size()) - 1].insert(ids);
      if (case_.options.vertices == "all")
        for (std::int64_t v : ids) out[0].insert({v});
    }
    if (case_.options.vertices == "all")
      for (VertexId v : case_.vertices) out[0].insert({v});
    return out;
  }

  // Why `ids` (a cell of degree q as listed) is not a cell the input has, or "" when it is:
  // a q-simplex has q + 1 vertices; a digraph's cell is an allowed path, a hypergraph's a
  // hyperedge (harmonic vectors of Ω and Inf live on those).
  std::string not_a_cell(const Ints& ids, int q) {
    switch (case_.input_type) {
      case InputType::SimplicialComplex:
        return static_cast<int>(ids.size()) != q + 1 ? "not a " + str(q) + "-simplex" : "";
      case InputType::Digraph: {
        if (static_cast<int>(ids.size()) != q + 1) return "not a path with " + str(q) + " arcs";
        if (!arcs_) arcs_ = distinct_arcs();
        for (std::size_t i = 0; i + 1 < ids.size(); ++i)
          if (!arcs_->count({ids[i], ids[i + 1]}))
            return "not an allowed path (no arc " + str(ids[i]) + " → " + str(ids[i + 1]) + ")";
        return "";
      }
      case InputType::Hypergraph: {
        if (!hyperedges_) hyperedges_ = hyperedges_by_degree();
        Ints sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        const auto it = hyperedges_->find(q);
        if (static_cast<int>(ids.size()) != q + 1 || it == hyperedges_->end() ||
            !it->second.count(sorted))
          return "not a hyperedge with " + str(q + 1) + " vertices";
        return "";
      }
      default:
        return "";
    }
  }

  void violation(std::string name, std::string message) {
    out_.push_back({std::move(name), std::move(message)});
  }

  bool rational() const {
    const auto k = case_.options.coefficients.kind;
    return k == Coefficients::Kind::Q || k == Coefficients::Kind::Z;
  }

  // n_q when known: reported, or 0 above the input's top dimension (and below degree 0).
  std::optional<std::int64_t> n(int q) const {
    if (q < 0) return 0;
    if (a_.chain_dims && q < static_cast<int>(a_.chain_dims->size())) return (*a_.chain_dims)[q];
    if (top_ && q > *top_) return 0;
    return std::nullopt;
  }
  // rank ∂_q when known (∂_0 = 0, and ∂_q = 0 above the top dimension).
  std::optional<std::int64_t> rank(int q) const {
    if (q <= 0) return 0;
    if (a_.ranks && q - 1 < static_cast<int>(a_.ranks->size())) return (*a_.ranks)[q - 1];
    if (top_ && q > *top_) return 0;
    return std::nullopt;
  }
  // The degree-indexed list covers every degree of the complex.
  bool covers_top(const Ints& v) const { return top_ && static_cast<int>(v.size()) >= *top_ + 1; }

  double zero_threshold(const Reals& v) const {
    return std::max(abs_, 1e-8) * std::max(1.0, max_abs(v));
  }
  bool agree(double x, double y, double scale) const {
    return std::abs(x - y) <= abs_ + rel_ * std::max(std::abs(x), std::abs(y)) + 1e-9 * scale;
  }
  // Multisets given sorted: same size and elementwise agreement.
  bool same_multiset(const Reals& x, const Reals& y) const {
    if (x.size() != y.size()) return false;
    const double scale = std::max({1.0, max_abs(x), max_abs(y)});
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!agree(x[i], y[i], scale)) return false;
    return true;
  }
  Reals nonzero(const Reals& v, double zero) const {
    Reals out;
    for (double x : v)
      if (std::abs(x) > zero) out.push_back(x);
    return out;
  }
  std::size_t nullity(const Reals& v) const {
    const double zero = zero_threshold(v);
    return static_cast<std::size_t>(
        std::count_if(v.begin(), v.end(), [&](double x) { return std::abs(x) <= zero; }));
  }

  void signs_and_bounds() {
    for (const auto& [name, list] :
         {std::pair{"chain_dims", &a_.chain_dims}, std::pair{"betti", &a_.betti},
          std::pair{"boundary_ranks", &a_.ranks}}) {
      if (!*list) continue;
      for (std::size_t i = 0; i < (*list)->size(); ++i)
        if ((**list)[i] < 0)
          violation("non_negative", std::string(name) + "[" + std::to_string(i) +
                                        "] = " + str((**list)[i]) + " is negative");
    }
    if (a_.betti)
      for (int q = 0; q < static_cast<int>(a_.betti->size()); ++q)
        if (const auto nq = n(q); nq && (*a_.betti)[q] > *nq)
          violation("betti_le_chain_dims", "β_" + str(q) + " = " + str((*a_.betti)[q]) +
                                               " exceeds n_" + str(q) + " = " + str(*nq));
    if (a_.ranks)
      for (int q = 1; q <= static_cast<int>(a_.ranks->size()); ++q) {
        const std::int64_t r = *rank(q);
        for (int d : {q, q - 1})
          if (const auto nd = n(d); nd && r > *nd) {
            violation("boundary_rank_bound", "rank ∂_" + str(q) + " = " + str(r) + " exceeds n_" +
                                                 str(d) + " = " + str(*nd));
            break;
          }
      }
  }

  void rank_nullity() {
    if (!a_.betti) return;
    for (int q = 0; q < static_cast<int>(a_.betti->size()); ++q) {
      const auto nq = n(q);
      const auto rq = rank(q), rq1 = rank(q + 1);
      if (!nq || !rq || !rq1) continue;
      const std::int64_t expected = *nq - *rq - *rq1;
      if ((*a_.betti)[q] != expected)
        violation("rank_nullity", "β_" + str(q) + " = " + str((*a_.betti)[q]) + " but n_" + str(q) +
                                      " − rank ∂_" + str(q) + " − rank ∂_" + str(q + 1) + " = " +
                                      str(*nq) + " − " + str(*rq) + " − " + str(*rq1) + " = " +
                                      str(expected));
    }
  }

  static std::int64_t alternating_sum(const Ints& v) {
    std::int64_t s = 0;
    for (std::size_t q = 0; q < v.size(); ++q) s += (q % 2 == 0 ? 1 : -1) * v[q];
    return s;
  }
  static std::string alternating_text(const Ints& v, const char* symbol) {
    std::string t;
    for (std::size_t q = 0; q < v.size(); ++q)
      t += (q == 0 ? "" : q % 2 ? " − " : " + ") + std::string(symbol) + "_" + str(q);
    return t;
  }

  void euler() {
    std::optional<std::int64_t> chi_cells;
    if (a_.chain_dims && covers_top(*a_.chain_dims)) {
      chi_cells = alternating_sum(*a_.chain_dims);
      if (a_.euler && *a_.euler != *chi_cells)
        violation("euler_chain_dims", "euler_characteristic = " + str(*a_.euler) + " but " +
                                          alternating_text(*a_.chain_dims, "n") + " = " +
                                          str(*chi_cells) + " (chain_dims " +
                                          json(*a_.chain_dims).dump() + ")");
    }
    if (a_.betti && covers_top(*a_.betti)) {
      const std::int64_t chi_betti = alternating_sum(*a_.betti);
      const auto chi = a_.euler ? a_.euler : chi_cells;
      if (chi && chi_betti != *chi)
        violation("euler_betti", alternating_text(*a_.betti, "β") + " = " + str(chi_betti) +
                                     " (betti " + json(*a_.betti).dump() + ") but the Euler " +
                                     "characteristic is " + str(*chi) +
                                     (a_.euler ? " (euler_characteristic)" : " (from chain_dims)"));
    }
  }

  void spectrum_sizes() {
    // Over Z/p a digraph's or hypergraph's chain_dims are dimensions of Ω(F_p), Inf(F_p), which
    // can exceed those of the real spaces the spectra live on.
    if ((case_.input_type == InputType::Digraph || case_.input_type == InputType::Hypergraph) &&
        case_.options.coefficients.kind == Coefficients::Kind::Zp)
      return;
    auto check = [&](const Spectra& s, const char* what) {
      for (const auto& [q, ev] : s)
        if (const auto nq = n(q); nq && static_cast<std::int64_t>(ev.size()) != *nq)
          violation("spectrum_size", std::string(what) + "_" + str(q) + " has " +
                                         str(static_cast<std::int64_t>(ev.size())) +
                                         " eigenvalues but n_" + str(q) + " = " + str(*nq));
    };
    check(a_.lap, "L");
    check(a_.up, "up-L");
    check(a_.down, "down-L");
    for (const auto& [q, ev] : a_.dirac_by_degree) {
      const auto a = n(q - 1), b = n(q), c = n(q + 1);
      if (a && b && c && static_cast<std::int64_t>(ev.size()) != *a + *b + *c)
        violation("spectrum_size", "D_" + str(q) + " has " + str(std::int64_t(ev.size())) +
                                       " eigenvalues but n_" + str(q - 1) + " + n_" + str(q) +
                                       " + n_" + str(q + 1) + " = " + str(*a + *b + *c));
    }
    if (a_.dirac && a_.chain_dims && covers_top(*a_.chain_dims)) {
      std::int64_t total = 0;
      for (int q = 0; q <= *top_; ++q) total += *n(q);
      if (static_cast<std::int64_t>(a_.dirac->size()) != total)
        violation("spectrum_size", "the Dirac operator has " + str(std::int64_t(a_.dirac->size())) +
                                       " eigenvalues but Σ n_q = " + str(total));
    }
  }

  void spectra_signs_and_nullity() {
    for (const auto& [s, what] :
         {std::pair{&a_.lap, "L"}, std::pair{&a_.up, "up-L"}, std::pair{&a_.down, "down-L"}})
      for (const auto& [q, ev] : *s)
        if (!ev.empty() && ev.front() < -zero_threshold(ev))
          violation("spectrum_non_negative", std::string(what) + "_" + str(q) +
                                                 " has the negative eigenvalue " + num(ev.front()) +
                                                 " (zero threshold " + approx(zero_threshold(ev)) +
                                                 "); a Laplacian is positive semidefinite");
    if (!a_.betti) return;
    for (const auto& [q, ev] : a_.lap) {
      if (q >= static_cast<int>(a_.betti->size())) continue;
      const auto zeros = static_cast<std::int64_t>(nullity(ev));
      const std::int64_t beta = (*a_.betti)[q];
      const std::string counted = "L_" + str(q) + " has " +
                                  count(zeros, "zero eigenvalue", "zero eigenvalues") + " (|λ| ≤ " +
                                  approx(zero_threshold(ev)) + ")";
      if (rational() && zeros != beta)
        violation("laplacian_nullity", counted + " but β_" + str(q) + " = " + str(beta) +
                                           "; over Q they are equal (Hodge theorem)");
      // Over Z/p a subspace complex (Ω, Inf) is built over F_p and can be smaller or larger than
      // over Q (a constraint of determinant p loses rank mod p), so only simplicial Betti
      // numbers are bounded below by the rational ones (universal coefficients).
      const bool subspace = case_.input_type == InputType::Digraph ||
                            case_.input_type == InputType::Hypergraph;
      if (!rational() && !subspace && beta < zeros)
        violation("laplacian_nullity",
                  counted + ", which is the rational β_" + str(q) + ", but β_" + str(q) + " = " +
                      str(beta) + " over " + case_.options.coefficients.name() +
                      "; Betti numbers over Z/p are never smaller than over Q");
    }
  }

  void hodge_and_up_down() {
    for (const auto& [q, ev] : a_.lap) {
      const auto u = a_.up.find(q), d = a_.down.find(q);
      if (u == a_.up.end() || d == a_.down.end()) continue;
      const double zero =
          std::max({zero_threshold(ev), zero_threshold(u->second), zero_threshold(d->second)});
      Reals both = nonzero(u->second, zero), down = nonzero(d->second, zero);
      both.insert(both.end(), down.begin(), down.end());
      std::sort(both.begin(), both.end());
      const Reals l = nonzero(ev, zero);
      if (!same_multiset(l, both))
        violation("hodge_decomposition",
                  "the nonzero spectrum of L_" + str(q) + " " + short_json(l, 80) +
                      " is not the union of the nonzero up and down spectra " +
                      short_json(both, 80));
    }
    for (const auto& [q, ev] : a_.up) {
      const auto d = a_.down.find(q + 1);
      if (d == a_.down.end()) continue;
      const double zero = std::max(zero_threshold(ev), zero_threshold(d->second));
      const Reals x = nonzero(ev, zero), y = nonzero(d->second, zero);
      if (!same_multiset(x, y))
        violation("up_down", "the nonzero up spectrum of L_" + str(q) + " " + short_json(x, 80) +
                                 " differs from the nonzero down spectrum of L_" + str(q + 1) +
                                 " " + short_json(y, 80) + " (both are the squared singular " +
                                 "values of ∂_" + str(q + 1) + ")");
    }
  }

  void symmetric(const Reals& mu, const std::string& what) {
    const double scale = std::max(1.0, max_abs(mu));
    for (std::size_t i = 0, j = mu.size(); i < mu.size(); ++i) {
      --j;
      if (!agree(mu[i], -mu[j], scale)) {
        violation("dirac_symmetric", "the spectrum of " + what + " is not symmetric about 0: " +
                                         num(mu[i]) + " has no partner near " + num(-mu[i]) +
                                         " (sorted, the mirror entry is " + num(mu[j]) + ")");
        return;
      }
    }
  }

  void squares(const Reals& mu, Reals laplacian_union, const std::string& what,
               const std::string& union_text) {
    Reals sq;
    for (double x : mu) sq.push_back(x * x);
    std::sort(sq.begin(), sq.end());
    std::sort(laplacian_union.begin(), laplacian_union.end());
    // Squares double the relative error and the zero threshold of D becomes quadratic: compare
    // with the Laplacians' zero threshold as an absolute floor.
    const double zero = zero_threshold(laplacian_union);
    bool ok = sq.size() == laplacian_union.size();
    const double scale = std::max({1.0, max_abs(sq), max_abs(laplacian_union)});
    for (std::size_t i = 0; ok && i < sq.size(); ++i)
      ok = agree(sq[i], laplacian_union[i], scale) ||
           (std::abs(sq[i]) <= zero && std::abs(laplacian_union[i]) <= zero);
    if (!ok)
      violation("dirac_squares", "the squared eigenvalues of " + what + " " + short_json(sq, 80) +
                                     " are not the eigenvalues of " + union_text + " " +
                                     short_json(laplacian_union, 80));
  }

  void dirac() {
    if (a_.dirac) {
      symmetric(*a_.dirac, "the Dirac operator");
      // D spans C_0 … C_top whatever max_dim is, so every degree up to the top is needed.
      if (top_ && *top_ >= 0) {
        Reals all;
        bool complete = true;
        for (int q = 0; q <= *top_ && complete; ++q) {
          const auto it = a_.lap.find(q);
          if (it == a_.lap.end())
            complete = false;
          else
            all.insert(all.end(), it->second.begin(), it->second.end());
        }
        if (complete)
          squares(*a_.dirac, all, "the Dirac operator",
                  "⊕ L_q, q = 0…" + str(*top_) + " (D² = ⊕ L_q)");
      }
      // Its zeros are the harmonic chains of every degree: Σ β_q over Q.
      if (a_.betti && covers_top(*a_.betti) && rational()) {
        std::int64_t total = 0;
        for (int q = 0; q <= *top_; ++q) total += (*a_.betti)[q];
        const auto zeros = static_cast<std::int64_t>(nullity(*a_.dirac));
        if (zeros != total)
          violation("dirac_zeros", "the Dirac operator has " +
                                       count(zeros, "zero eigenvalue", "zero eigenvalues") +
                                       " (|μ| ≤ " + approx(zero_threshold(*a_.dirac)) +
                                       ") but Σ β_q = " + str(total));
      }
    }
    for (const auto& [q, mu] : a_.dirac_by_degree) {
      symmetric(mu, "D_" + str(q));
      // D_q² = up-L_{q−1} ⊕ L_q ⊕ down-L_{q+1} on C_{q−1} ⊕ C_q ⊕ C_{q+1}.
      Reals all;
      std::string text = "L_" + str(q);
      const auto l = a_.lap.find(q);
      if (l == a_.lap.end()) continue;
      all = l->second;
      if (q > 0) {
        const auto u = a_.up.find(q - 1);
        if (u == a_.up.end()) continue;
        all.insert(all.end(), u->second.begin(), u->second.end());
        text = "up-L_" + str(q - 1) + " ⊕ " + text;
      }
      if (const auto d = a_.down.find(q + 1); d != a_.down.end()) {
        all.insert(all.end(), d->second.begin(), d->second.end());
        text += " ⊕ down-L_" + str(q + 1);
      } else if (!(top_ && q + 1 > *top_)) {
        continue;  // C_{q+1} may be nonzero and its spectrum is unknown
      }
      squares(mu, all, "D_" + str(q), text);
    }
  }

  void harmonic() {
    for (const auto& [q, entry] : a_.harmonic) {
      if (!entry.is_object() || !entry.contains("cells") || !entry.contains("vectors")) continue;
      const json& cells = entry["cells"];
      const json& vectors = entry["vectors"];
      if (!cells.is_array() || !vectors.is_array()) continue;
      const std::string hq = "harmonic_basis[" + str(q) + "]";
      // Cells: distinct q-cells, as many as n_q.
      std::set<Ints> seen;
      bool cells_ok = true;
      for (const json& cell : cells) {
        auto ids = int_list(cell);
        if (!ids) {
          cells_ok = false;
          break;
        }
        if (const std::string why = not_a_cell(*ids, q); !why.empty()) {
          violation("harmonic_cells", hq + " lists the cell " + cell.dump() + ", which is " + why);
          cells_ok = false;
          break;
        }
        // Paths are sequences (a → b and b → a are different cells); the rest are sets.
        if (case_.input_type != InputType::Digraph) std::sort(ids->begin(), ids->end());
        if (!seen.insert(*ids).second) {
          violation("harmonic_cells", hq + " lists the cell " + cell.dump() + " twice");
          cells_ok = false;
          break;
        }
      }
      if (!cells_ok) continue;
      // Ω and Inf vectors are given on the ambient cells they touch, not on n_q cells.
      const bool ambient =
          case_.input_type == InputType::Digraph || case_.input_type == InputType::Hypergraph;
      if (const auto nq = n(q); !ambient && nq && static_cast<std::int64_t>(cells.size()) != *nq)
        violation("harmonic_cells", hq + " has " + str(std::int64_t(cells.size())) +
                                        " cells but n_" + str(q) + " = " + str(*nq));
      // Vectors: orthonormal, one entry per cell.
      const auto rows = static_cast<Eigen::Index>(cells.size());
      Eigen::MatrixXd v(rows, static_cast<Eigen::Index>(vectors.size()));
      bool vectors_ok = true;
      for (std::size_t j = 0; j < vectors.size() && vectors_ok; ++j) {
        const json& x = vectors[j];
        if (!x.is_array() || x.size() != cells.size()) {
          vectors_ok = false;
          break;
        }
        for (std::size_t i = 0; i < x.size(); ++i) {
          if (!x[i].is_number() || !std::isfinite(x[i].get<double>())) {
            vectors_ok = false;
            break;
          }
          v(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = x[i].get<double>();
        }
      }
      if (!vectors_ok) continue;  // malformed: the comparison says so
      const auto k = static_cast<std::int64_t>(vectors.size());
      if (k > 0) {
        const Eigen::MatrixXd gram = v.transpose() * v;
        const double error =
            (gram - Eigen::MatrixXd::Identity(gram.rows(), gram.cols())).cwiseAbs().maxCoeff();
        const double bound = std::max(abs_, 1e-7);
        if (error > bound)
          violation("harmonic_orthonormal", hq + ": the " + str(k) +
                                                " vectors are not orthonormal (max |VᵀV − I| = " +
                                                approx(error) + " > " + approx(bound) + ")");
      }
      if (const auto l = a_.lap.find(q); l != a_.lap.end()) {
        const auto zeros = static_cast<std::int64_t>(nullity(l->second));
        if (k != zeros)
          violation("harmonic_dimension", hq + " has " + count(k, "vector", "vectors") + " but L_" +
                                              str(q) + " has " +
                                              count(zeros, "zero eigenvalue", "zero eigenvalues"));
      } else if (a_.betti && rational() && q < static_cast<int>(a_.betti->size())) {
        if (k != (*a_.betti)[q])
          violation("harmonic_dimension", hq + " has " + count(k, "vector", "vectors") + " but β_" +
                                              str(q) + " = " + str((*a_.betti)[q]));
      }
    }
  }

  const Case& case_;
  Answer a_;
  std::optional<std::set<std::pair<VertexId, VertexId>>> arcs_;  // digraph, on first use
  std::optional<std::map<int, std::set<Ints>>> hyperedges_;      // hypergraph, on first use
  std::optional<int> top_;
  double abs_, rel_;
  std::vector<InvariantViolation> out_;
};

}  // namespace

std::vector<InvariantViolation> check_invariants(const Case& c, const nlohmann::json& got) {
  return Checker(c, got).run();
}

}  // namespace topospec::verify

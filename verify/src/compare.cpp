#include "topospec/verify/compare.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <utility>

#include "topospec/topology/error.hpp"

namespace topospec::verify {
namespace {

using nlohmann::json;

std::string num(double x) { return json(x).dump(); }

// "a string \"one\"", "a list", … for "expected X, got Y" messages about an answer.
std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list";
    case json::value_t::string:
      return "a string " + short_json(v, 40);
    case json::value_t::boolean:
      return "a boolean " + v.dump();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "the integer " + v.dump();
    case json::value_t::number_float:
      return std::isfinite(v.get<double>()) ? "the number " + v.dump() : "a non-finite number";
    default:
      return "an unsupported value";
  }
}

std::optional<std::int64_t> integer_of(const json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();  // also unsigned ≤ int64 max
  if (v.is_number_unsigned() && v.get<std::uint64_t>() <= std::uint64_t(INT64_MAX))
    return static_cast<std::int64_t>(v.get<std::uint64_t>());
  return std::nullopt;
}

std::optional<double> real_of(const json& v) {
  if (!v.is_number()) return std::nullopt;
  const double x = v.get<double>();
  if (!std::isfinite(x)) return std::nullopt;
  return x;
}

// Degree keys ("0", "1", …) of an object, in numeric order; nullopt for a key that is none.
std::optional<int> degree_of(const std::string& key) {
  if (key.empty() || key.size() > 6) return std::nullopt;
  for (char ch : key)
    if (ch < '0' || ch > '9') return std::nullopt;
  if (key.size() > 1 && key[0] == '0') return std::nullopt;
  return std::stoi(key);
}

[[noreturn]] void bad_expect(const std::string& pointer, const std::string& message) {
  throw InvalidInput("/expect" + pointer, message);
}

std::vector<std::pair<int, std::string>> expected_degrees(const json& e, const std::string& at) {
  if (!e.is_object()) bad_expect(at, "expected an object keyed by degree (\"0\", \"1\", …)");
  std::vector<std::pair<int, std::string>> keys;
  for (const auto& [key, value] : e.items()) {
    const auto q = degree_of(key);
    if (!q) bad_expect(at + "/" + json_pointer_escape(key), "\"" + key + "\" is not a degree");
    keys.emplace_back(*q, key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Collects the result of one quantity: differences in the order they are found.
class Collector {
 public:
  Collector(Quantity q, std::string tolerance) {
    result_.quantity = q;
    result_.tolerance = std::move(tolerance);
  }

  // A well-formed value that differs. `message` is the whole line after the pointer.
  void differ(const std::string& pointer, const json& expected, const json& got,
              const std::string& message, std::string note = "") {
    if (result_.status == QuantityStatus::Pass) {
      result_.status = QuantityStatus::Fail;
      result_.message = pointer + ": " + message;
    }
    add(pointer, expected, got, note.empty() ? message : note);
  }

  // Something of the wrong type or shape in the answer. Malformed dominates Fail: an answer
  // with a NaN is not "wrong by 0.3", it is unusable.
  void malformed(const std::string& pointer, const json& expected, const json& got,
                 const std::string& what) {
    if (result_.status != QuantityStatus::Malformed) {
      result_.status = QuantityStatus::Malformed;
      result_.message = pointer + ": " + what;
    }
    add(pointer, expected, got, what);
  }

  QuantityResult take() { return std::move(result_); }

 private:
  void add(const std::string& pointer, const json& expected, const json& got, std::string note) {
    if (result_.differences.size() >= kMaxDifferences) {
      result_.differences_truncated = true;
      return;
    }
    result_.differences.push_back({pointer, expected, got, std::move(note)});
  }

  QuantityResult result_;
};

// ---------------------------------------------------------------------------------------------
// Integers

std::int64_t expected_integer(const json& e, const std::string& at) {
  const auto x = integer_of(e);
  if (!x) bad_expect(at, "expected an integer, got " + describe(e));
  return *x;
}

void compare_integer(Collector& c, const json& e, const json& g, const std::string& at) {
  const std::int64_t want = expected_integer(e, at);
  const auto got = integer_of(g);
  if (!got) {
    c.malformed(at, e, g, "expected an integer, got " + describe(g));
    return;
  }
  if (*got != want) c.differ(at, e, g, "expected " + e.dump() + ", got " + g.dump() + " (exact)");
}

// A list indexed by degree (or by position), compared over the expected length.
void compare_integer_list(Collector& c, const json& e, const json& g, const std::string& at) {
  if (!e.is_array()) bad_expect(at, "expected a list of integers");
  for (std::size_t i = 0; i < e.size(); ++i) expected_integer(e[i], at + "/" + std::to_string(i));
  if (!g.is_array()) {
    c.malformed(at, e, g, "expected a list of integers, got " + describe(g));
    return;
  }
  for (std::size_t i = 0; i < e.size(); ++i) {
    const std::string ai = at + "/" + std::to_string(i);
    if (i >= g.size()) {
      c.differ(ai, e[i], nullptr,
               "expected " + e[i].dump() + ", got nothing (the answer has " +
                   std::to_string(g.size()) + " entries, " + std::to_string(e.size()) +
                   " expected) (exact)");
      continue;
    }
    compare_integer(c, e[i], g[i], ai);
  }
}

// ---------------------------------------------------------------------------------------------
// Reals

struct RealRule {
  double abs, rel;
  double bound(double expected) const { return abs + rel * std::abs(expected); }
  std::string text() const {
    return "|got − expected| ≤ " + num(abs) + " + " + num(rel) + "·|expected|";
  }
};

std::vector<double> expected_reals(const json& e, const std::string& at) {
  if (!e.is_array()) bad_expect(at, "expected a list of numbers");
  std::vector<double> out;
  for (std::size_t i = 0; i < e.size(); ++i) {
    const auto x = real_of(e[i]);
    if (!x) bad_expect(at + "/" + std::to_string(i), "expected a finite number");
    out.push_back(*x);
  }
  return out;
}

// Returns false (after reporting) when `g` is not a list of finite numbers.
bool got_reals(Collector& c, const json& e, const json& g, const std::string& at,
               std::vector<double>& out) {
  if (!g.is_array()) {
    c.malformed(at, e, g, "expected a list of numbers, got " + describe(g));
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < g.size(); ++i) {
    const auto x = real_of(g[i]);
    if (!x) {
      const json& ei = i < e.size() ? e[i] : json();
      c.malformed(at + "/" + std::to_string(i), ei, g[i],
                  "expected a finite number, got " + describe(g[i]));
      ok = false;
      continue;
    }
    out.push_back(*x);
  }
  return ok;
}

// Returns whether they agree.
bool compare_real(Collector& c, const RealRule& rule, double want, const json& e, const json& g,
                  const std::string& at) {
  const auto got = real_of(g);
  if (!got) {
    c.malformed(at, e, g, "expected a finite number, got " + describe(g));
    return false;
  }
  const double diff = std::abs(*got - want), bound = rule.bound(want);
  if (diff <= bound) return true;
  c.differ(at, e, g,
           "expected " + num(want) + ", got " + num(*got) + " (|got − expected| = " + num(diff) +
               " > tolerance " + num(rule.abs) + " + " + num(rule.rel) +
               "·|expected| = " + num(bound) + ")",
           "|got − expected| = " + num(diff) + " > " + num(bound));
  return false;
}

// A spectrum (same_length) or a degree-indexed list of reals compared over the expected length.
void compare_real_list(Collector& c, const RealRule& rule, const json& e, const json& g,
                       const std::string& at, bool same_length) {
  const std::vector<double> want = expected_reals(e, at);
  std::vector<double> got;
  if (!got_reals(c, e, g, at, got)) return;
  if (same_length && got.size() != want.size()) {
    c.differ(at, e, g,
             "expected " + std::to_string(want.size()) + " eigenvalues, got " +
                 std::to_string(got.size()) + " (expected " + short_json(e) + ", got " +
                 short_json(g) + ")",
             "length " + std::to_string(got.size()) + ", expected " + std::to_string(want.size()));
    return;
  }
  bool differs = false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string ai = at + "/" + std::to_string(i);
    if (i >= got.size()) {
      c.differ(ai, e[i], nullptr,
               "expected " + num(want[i]) + ", got nothing (the answer has " +
                   std::to_string(got.size()) + " entries)");
      differs = true;
      continue;
    }
    if (!compare_real(c, rule, want[i], e[i], g[i], ai)) differs = true;
  }
  // Elementwise comparison presumes the contract's ascending order; say so when that is broken.
  if (differs && same_length && !std::is_sorted(got.begin(), got.end()))
    c.differ(at, nullptr, nullptr,
             "the answer's eigenvalues are not in ascending order (docs/case-format.md "
             "lists them ascending)");
}

// ---------------------------------------------------------------------------------------------
// Subspaces (harmonic bases)

using Cell = std::vector<std::int64_t>;

// How the cells of a harmonic basis are named and matched.
//  Simplices: a cell is a set of vertex ids, and both sides list the same cells (all q-cells).
//  Hyperedges, Paths: the vectors live on ambient elementary cells (hyperedges: vertex sets;
//  allowed paths: vertex sequences, a→b and b→a being different cells); one side may list cells
//  the other leaves out, which count as zero coordinates.
enum class CellNaming { Simplices, Hyperedges, Paths };

CellNaming cell_naming(const Case& c) {
  if (c.input_type == InputType::Digraph) return CellNaming::Paths;
  if (c.input_type == InputType::Hypergraph) return CellNaming::Hyperedges;
  return CellNaming::Simplices;
}

struct Basis {
  std::vector<Cell> cells;  // each sorted (paths: as written)
  Eigen::MatrixXd vectors;  // rows: cells, columns: the basis vectors
};

std::optional<Cell> cell_of(const json& v, CellNaming naming) {
  if (!v.is_array()) return std::nullopt;
  Cell cell;
  for (const json& id : v) {
    const auto x = integer_of(id);
    if (!x) return std::nullopt;
    cell.push_back(*x);
  }
  if (naming != CellNaming::Paths) std::sort(cell.begin(), cell.end());
  return cell;
}

Basis expected_basis(const json& e, const std::string& at, CellNaming naming) {
  if (!e.is_object() || !e.contains("cells") || !e.contains("vectors"))
    bad_expect(at, "expected an object with \"cells\" and \"vectors\"");
  const json& cells = e["cells"];
  const json& vectors = e["vectors"];
  if (!cells.is_array()) bad_expect(at + "/cells", "expected a list of cells");
  if (!vectors.is_array()) bad_expect(at + "/vectors", "expected a list of vectors");
  Basis b;
  std::map<Cell, std::size_t> seen;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    auto cell = cell_of(cells[i], naming);
    if (!cell) bad_expect(at + "/cells/" + std::to_string(i), "expected a list of vertex ids");
    if (!seen.emplace(*cell, i).second)
      bad_expect(at + "/cells/" + std::to_string(i), "cell listed twice");
    b.cells.push_back(std::move(*cell));
  }
  b.vectors.resize(static_cast<Eigen::Index>(b.cells.size()),
                   static_cast<Eigen::Index>(vectors.size()));
  for (std::size_t j = 0; j < vectors.size(); ++j) {
    const std::string aj = at + "/vectors/" + std::to_string(j);
    const std::vector<double> v = expected_reals(vectors[j], aj);
    if (v.size() != b.cells.size())
      bad_expect(aj, "has " + std::to_string(v.size()) + " entries for " +
                         std::to_string(b.cells.size()) + " cells");
    for (std::size_t i = 0; i < v.size(); ++i)
      b.vectors(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v[i];
  }
  return b;
}

// Reads got's basis, rows reordered onto the expected cells. Reports and returns nullopt on a
// malformed answer or a different set of cells (Simplices). For ambient cells, the answer's
// cells that the expected basis lacks become rows after the expected ones (`extra` of them;
// the expected vectors are zero there) and expected cells the answer lacks are zero rows.
std::optional<Eigen::MatrixXd> got_basis(Collector& c, const Basis& want, const json& e,
                                         const json& g, const std::string& at, CellNaming naming,
                                         std::size_t& extra) {
  const bool ambient = naming != CellNaming::Simplices;
  extra = 0;
  if (!g.is_object() || !g.contains("cells") || !g.contains("vectors")) {
    c.malformed(at, e, g, "expected an object with \"cells\" and \"vectors\", got " + describe(g));
    return std::nullopt;
  }
  const json& cells = g["cells"];
  const json& vectors = g["vectors"];
  if (!cells.is_array()) {
    c.malformed(at + "/cells", e["cells"], cells,
                "expected a list of cells (lists of vertex ids), got " + describe(cells));
    return std::nullopt;
  }
  if (!vectors.is_array()) {
    c.malformed(at + "/vectors", e["vectors"], vectors,
                "expected a list of vectors, got " + describe(vectors));
    return std::nullopt;
  }
  std::map<Cell, std::size_t> row_of;  // expected row of each cell
  for (std::size_t i = 0; i < want.cells.size(); ++i) row_of.emplace(want.cells[i], i);
  std::vector<std::size_t> row(cells.size());
  std::vector<bool> covered(want.cells.size(), false);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string ai = at + "/cells/" + std::to_string(i);
    const auto cell = cell_of(cells[i], naming);
    if (!cell) {
      c.malformed(ai, nullptr, cells[i],
                  "expected a list of vertex ids, got " + describe(cells[i]));
      return std::nullopt;
    }
    auto it = row_of.find(*cell);
    if (it == row_of.end() && ambient) {
      it = row_of.emplace(*cell, want.cells.size() + extra++).first;
      covered.push_back(false);
    }
    if (it == row_of.end()) {
      c.differ(ai, nullptr, cells[i],
               "the answer's cell " + cells[i].dump() + " is not a cell of the expected basis (" +
                   std::to_string(want.cells.size()) + " cells expected)");
      return std::nullopt;
    }
    if (covered[it->second]) {
      c.malformed(ai, nullptr, cells[i], "cell " + cells[i].dump() + " listed twice");
      return std::nullopt;
    }
    covered[it->second] = true;
    row[i] = it->second;
  }
  for (std::size_t i = 0; i < want.cells.size() && !ambient; ++i)
    if (!covered[i]) {
      const json cell = want.cells[i];
      c.differ(at + "/cells", e["cells"], cells,
               "expected cell " + cell.dump() + " is missing from the answer's cells (" +
                   std::to_string(cells.size()) + " given, " + std::to_string(want.cells.size()) +
                   " expected)");
      return std::nullopt;
    }
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(want.cells.size() + extra),
                                              static_cast<Eigen::Index>(vectors.size()));
  for (std::size_t j = 0; j < vectors.size(); ++j) {
    const std::string aj = at + "/vectors/" + std::to_string(j);
    const json& v = vectors[j];
    if (!v.is_array() || v.size() != cells.size()) {
      c.malformed(aj, nullptr, v,
                  "expected a list of " + std::to_string(cells.size()) +
                      " numbers (one per cell), got " +
                      (v.is_array() ? "a list of " + std::to_string(v.size()) : describe(v)));
      return std::nullopt;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto x = real_of(v[i]);
      if (!x) {
        c.malformed(aj + "/" + std::to_string(i), nullptr, v[i],
                    "expected a finite number, got " + describe(v[i]));
        return std::nullopt;
      }
      out(static_cast<Eigen::Index>(row[i]), static_cast<Eigen::Index>(j)) = *x;
    }
  }
  return out;
}

// An orthonormal basis of the column span (thin SVD; singular values below 1e-8·σ_max count as
// zero, so a dependent or zero vector lowers the dimension).
Eigen::MatrixXd orthonormal_span(const Eigen::MatrixXd& a) {
  if (a.cols() == 0 || a.rows() == 0) return Eigen::MatrixXd(a.rows(), 0);
  Eigen::BDCSVD<Eigen::MatrixXd> svd(a, Eigen::ComputeThinU);
  const Eigen::VectorXd& s = svd.singularValues();
  const double cut = 1e-8 * s(0);
  Eigen::Index r = 0;
  while (r < s.size() && s(r) > cut && s(r) > 0) ++r;
  return svd.matrixU().leftCols(r);
}

void compare_subspace(Collector& c, const RealRule& rule, const json& e, const json& g,
                      const std::string& at, CellNaming naming) {
  Basis want = expected_basis(e, at, naming);
  std::size_t extra = 0;
  const auto got = got_basis(c, want, e, g, at, naming, extra);
  if (!got) return;
  if (extra > 0) {  // zero rows for the answer's cells that the expected basis does not list
    const Eigen::Index rows = want.vectors.rows();
    want.vectors.conservativeResize(rows + static_cast<Eigen::Index>(extra), Eigen::NoChange);
    want.vectors.bottomRows(static_cast<Eigen::Index>(extra)).setZero();
  }
  const Eigen::MatrixXd u = orthonormal_span(want.vectors);
  const Eigen::MatrixXd v = orthonormal_span(*got);
  const json ed = u.cols(), gd = v.cols();
  if (u.cols() != v.cols()) {
    std::string msg =
        "expected a subspace of dimension " + ed.dump() + ", got dimension " + gd.dump();
    if (v.cols() != got->cols())
      msg += " (" + std::to_string(got->cols()) + " vectors, linearly dependent)";
    c.differ(at, ed, gd, msg, "dimension " + gd.dump() + ", expected " + ed.dump());
    return;
  }
  // For spans of equal dimension ‖P_v − P_u‖₂ = ‖(I − P_u)V‖₂ = sin of the largest principal
  // angle; computed this way it keeps full precision for nearly equal spaces, and needs no
  // n × n projector.
  double distance = 0;
  if (v.cols() > 0) {
    const Eigen::MatrixXd r = v - u * (u.transpose() * v);
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(r);
    distance = svd.singularValues()(0);
  }
  const double bound = rule.abs + rule.rel * (u.cols() > 0 ? 1.0 : 0.0);  // ‖P_ref‖₂ = 1 or 0
  if (!(distance <= bound))
    c.differ(at, ed, gd,
             "the answer spans a different subspace: ‖P − P_ref‖₂ = " + num(distance) +
                 " > tolerance " + num(bound) + " (both of dimension " + ed.dump() + ")",
             "‖P − P_ref‖₂ = " + num(distance) + " > " + num(bound));
}

// ---------------------------------------------------------------------------------------------
// Barcodes

struct Bars {
  std::vector<std::pair<double, double>> finite;
  std::vector<double> infinite;  // births
};

std::optional<Bars> read_bars(const json& v,
                              const std::function<void(std::size_t, std::string)>& fail) {
  if (!v.is_array()) {
    fail(SIZE_MAX, "expected a list of bars [birth, death|null], got " + describe(v));
    return std::nullopt;
  }
  Bars bars;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const json& bar = v[i];
    if (!bar.is_array() || bar.size() != 2) {
      fail(i, "expected a bar [birth, death|null], got " + describe(bar));
      return std::nullopt;
    }
    const auto birth = real_of(bar[0]);
    if (!birth) {
      fail(i, "birth: expected a finite number, got " + describe(bar[0]));
      return std::nullopt;
    }
    if (bar[1].is_null()) {
      bars.infinite.push_back(*birth);
      continue;
    }
    const auto death = real_of(bar[1]);
    if (!death) {
      fail(i, "death: expected a finite number or null (infinite), got " + describe(bar[1]));
      return std::nullopt;
    }
    if (*death < *birth) {
      fail(i, "death " + num(*death) + " before birth " + num(*birth));
      return std::nullopt;
    }
    if (*death > *birth) bars.finite.emplace_back(*birth, *death);  // zero-length: not a bar
  }
  std::sort(bars.infinite.begin(), bars.infinite.end());
  return bars;
}

// Maximum bipartite matching (Hopcroft–Karp) of a graph given by adjacency lists of the left
// side; returns the matching size. The DFS recursion is at most one BFS layer count deep.
std::size_t max_matching(const std::vector<std::vector<int>>& adj, int right_count) {
  const int n = static_cast<int>(adj.size());
  std::vector<int> match_l(n, -1), match_r(right_count, -1), dist(n);
  std::vector<std::size_t> next(n);
  constexpr int kInf = std::numeric_limits<int>::max();
  auto bfs = [&] {
    std::queue<int> q;
    bool found = false;
    for (int u = 0; u < n; ++u) {
      dist[u] = match_l[u] < 0 ? 0 : kInf;
      if (match_l[u] < 0) q.push(u);
    }
    while (!q.empty()) {
      const int u = q.front();
      q.pop();
      for (int v : adj[u]) {
        const int w = match_r[v];
        if (w < 0) {
          found = true;
        } else if (dist[w] == kInf) {
          dist[w] = dist[u] + 1;
          q.push(w);
        }
      }
    }
    return found;
  };
  auto dfs = [&](auto&& self, int u) -> bool {
    for (; next[u] < adj[u].size(); ++next[u]) {
      const int v = adj[u][next[u]];
      const int w = match_r[v];
      if (w < 0 || (dist[w] == dist[u] + 1 && self(self, w))) {
        match_l[u] = v;
        match_r[v] = u;
        return true;
      }
    }
    dist[u] = kInf;
    return false;
  };
  std::size_t size = 0;
  while (bfs()) {
    std::fill(next.begin(), next.end(), 0);
    for (int u = 0; u < n; ++u)
      if (match_l[u] < 0 && dfs(dfs, u)) ++size;
  }
  return size;
}

double linf(const std::pair<double, double>& x, const std::pair<double, double>& y) {
  return std::max(std::abs(x.first - y.first), std::abs(x.second - y.second));
}
double to_diagonal(const std::pair<double, double>& x) { return (x.second - x.first) / 2; }

// Is the bottleneck distance ≤ delta? Left: A then one diagonal slot per point of B; right: B
// then one diagonal slot per point of A. Diagonal slots match each other at cost 0.
bool bottleneck_at_most(const std::vector<std::pair<double, double>>& a,
                        const std::vector<std::pair<double, double>>& b, double delta) {
  const int m = static_cast<int>(a.size()), n = static_cast<int>(b.size());
  std::vector<std::vector<int>> adj(m + n);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j)
      if (linf(a[i], b[j]) <= delta) adj[i].push_back(j);
    if (to_diagonal(a[i]) <= delta) adj[i].push_back(n + i);
  }
  for (int j = 0; j < n; ++j) {
    if (to_diagonal(b[j]) <= delta) adj[m + j].push_back(j);
    for (int i = 0; i < m; ++i) adj[m + j].push_back(n + i);
  }
  return max_matching(adj, m + n) == static_cast<std::size_t>(m + n);
}

void compare_barcode_degree(Collector& c, double abs, const json& e, const json& g,
                            const std::string& at) {
  const auto want = read_bars(e, [&](std::size_t i, const std::string& what) {
    bad_expect(i == SIZE_MAX ? at : at + "/" + std::to_string(i), what);
  });
  const auto got = read_bars(g, [&](std::size_t i, const std::string& what) {
    const std::string where = i == SIZE_MAX ? at : at + "/" + std::to_string(i);
    c.malformed(where, nullptr, i == SIZE_MAX ? g : g[i], what);
  });
  if (!got) return;
  // Bars are decimal numbers: "moved by exactly abs" must not fail by one rounding of the
  // subtraction, so the bound gets a few ulps of the values' magnitude.
  double scale = 0;
  for (const Bars* bars : {&*want, &*got}) {
    for (const auto& [b, d] : bars->finite) scale = std::max({scale, std::abs(b), std::abs(d)});
    for (double b : bars->infinite) scale = std::max(scale, std::abs(b));
  }
  const double bound = abs + 8 * std::numeric_limits<double>::epsilon() * scale;
  if (want->infinite.size() != got->infinite.size()) {
    const json ei = want->infinite, gi = got->infinite;
    c.differ(
        at, ei, gi,
        "expected " + std::to_string(ei.size()) + " infinite bars (births " + short_json(ei) +
            "), got " + std::to_string(gi.size()) + " (births " + short_json(gi) + ")",
        "infinite bars: " + std::to_string(gi.size()) + ", expected " + std::to_string(ei.size()));
    return;
  }
  // On a line the sorted order is an optimal bottleneck matching.
  for (std::size_t i = 0; i < want->infinite.size(); ++i) {
    const double d = std::abs(want->infinite[i] - got->infinite[i]);
    if (!(d <= bound)) {
      const json ei = want->infinite, gi = got->infinite;
      c.differ(at, ei, gi,
               "infinite bars born at " + short_json(gi) + ", expected " + short_json(ei) +
                   " (birth " + num(got->infinite[i]) + " vs " + num(want->infinite[i]) +
                   ": |Δ| = " + num(d) + " > abs " + num(abs) + ")",
               "infinite bar births differ by " + num(d) + " > " + num(abs));
      return;
    }
  }
  if (bottleneck_at_most(want->finite, got->finite, bound)) return;
  std::string distance = "> " + num(abs);
  if (want->finite.size() + got->finite.size() <= 400)
    distance = "= " + num(bottleneck_distance(want->finite, got->finite));
  json ef = json::array(), gf = json::array();
  for (const auto& [b, d] : want->finite) ef.push_back({b, d});
  for (const auto& [b, d] : got->finite) gf.push_back({b, d});
  c.differ(at, ef, gf,
           "finite bars at bottleneck distance " + distance + " > abs " + num(abs) + " (expected " +
               std::to_string(ef.size()) + " bars " + short_json(ef, 80) + ", got " +
               std::to_string(gf.size()) + " " + short_json(gf, 80) + ")",
           "bottleneck distance " + distance);
}

// ---------------------------------------------------------------------------------------------
// Per-degree objects and persistent requests

template <class F>
void per_degree(Collector& c, const json& e, const json& g, const std::string& at, F&& each) {
  const auto degrees = expected_degrees(e, at);
  if (!g.is_object()) {
    c.malformed(at, e, g,
                "expected an object keyed by degree (\"0\", \"1\", …), got " + describe(g));
    return;
  }
  for (const auto& [q, key] : degrees) {
    const std::string aq = at + "/" + key;
    if (!g.contains(key)) {
      c.differ(aq, e[key], nullptr, "degree " + key + " is missing from the answer");
      continue;
    }
    each(e[key], g[key], aq);
  }
}

void compare_torsion(Collector& c, const Case& cs, const json& e, const json& g,
                     const std::string& at) {
  const auto degrees = expected_degrees(e, at);
  int top = degrees.empty() ? -1 : degrees.back().first;
  if (const auto m = reported_max_dim(cs)) top = std::max(top, *m);
  auto sorted_factors = [](const json& v) -> std::optional<std::vector<std::int64_t>> {
    if (!v.is_array()) return std::nullopt;
    std::vector<std::int64_t> out;
    for (const json& x : v) {
      const auto i = integer_of(x);
      if (!i) return std::nullopt;
      out.push_back(*i);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const auto& [q, key] : degrees)
    if (!sorted_factors(e[key])) bad_expect(at + "/" + key, "expected a list of integers");
  if (!g.is_object()) {
    c.malformed(at, e, g, "expected an object {\"q\": [invariant factors]}, got " + describe(g));
    return;
  }
  for (const auto& [key, value] : g.items())
    if (!degree_of(key)) {
      c.malformed(at + "/" + json_pointer_escape(key), nullptr, value,
                  "\"" + key + "\" is not a degree");
      return;
    }
  for (int q = 0; q <= top; ++q) {
    const std::string key = std::to_string(q), aq = at + "/" + key;
    const json ev = e.contains(key) ? e[key] : json::array();
    const json gv = g.contains(key) ? g[key] : json::array();
    const auto want = sorted_factors(ev);
    const auto got = sorted_factors(gv);
    if (!got) {
      c.malformed(aq, ev, gv,
                  "expected a list of integers (invariant factors), got " + describe(gv));
      continue;
    }
    if (*got != *want) {
      const json ws = *want, gs = *got;
      c.differ(aq, ws, gs,
               "expected " + ws.dump() + ", got " + gs.dump() + " (exact, as sorted lists)");
    }
  }
}

struct RequestKey {
  std::int64_t dim;
  double a, b;
};

// Entries of a persistent quantity: lists of objects carrying "dim", "a", "b" (spectral_curves:
// "value"). Expected entries are matched to answer entries by those fields.
void per_request(Collector& c, const RealRule& rule, const json& e, const json& g,
                 const std::string& at, bool curves,
                 const std::function<void(const json&, const json&, const std::string&)>& each) {
  if (!e.is_array()) bad_expect(at, "expected a list of entries");
  auto key_of = [&](const json& v) -> std::optional<RequestKey> {
    if (!v.is_object()) return std::nullopt;
    if (curves) {
      if (!v.contains("value")) return std::nullopt;
      const auto t = real_of(v["value"]);
      if (!t) return std::nullopt;
      return RequestKey{0, *t, *t};
    }
    if (!v.contains("dim") || !v.contains("a") || !v.contains("b")) return std::nullopt;
    const auto d = integer_of(v["dim"]);
    const auto a = real_of(v["a"]);
    const auto b = real_of(v["b"]);
    if (!d || !a || !b) return std::nullopt;
    return RequestKey{*d, *a, *b};
  };
  const char* fields = curves ? "{\"value\", …}" : "{\"dim\", \"a\", \"b\", …}";
  std::vector<RequestKey> want;
  for (std::size_t i = 0; i < e.size(); ++i) {
    const auto k = key_of(e[i]);
    if (!k) bad_expect(at + "/" + std::to_string(i), std::string("expected an object ") + fields);
    want.push_back(*k);
  }
  if (!g.is_array()) {
    c.malformed(at, e, g,
                "expected a list of " + std::string(fields) + " objects, got " + describe(g));
    return;
  }
  std::vector<RequestKey> got;
  for (std::size_t j = 0; j < g.size(); ++j) {
    const auto k = key_of(g[j]);
    if (!k) {
      c.malformed(at, nullptr, g[j],
                  "entry " + std::to_string(j) + " of the answer is not an object " + fields +
                      ": " + short_json(g[j], 80));
      return;
    }
    got.push_back(*k);
  }
  // The filtration values of a request are the case's own numbers echoed back; they are matched
  // within the real tolerance so that a decimal round trip cannot make them differ.
  auto same = [&](double x, double y) { return std::abs(x - y) <= rule.bound(y); };
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string ai = at + "/" + std::to_string(i);
    std::optional<std::size_t> match;
    for (std::size_t j = 0; j < got.size() && !match; ++j)
      if (got[j].dim == want[i].dim && same(got[j].a, want[i].a) && same(got[j].b, want[i].b))
        match = j;
    if (!match) {
      const std::string which = curves ? "value " + num(want[i].a)
                                       : "dim " + std::to_string(want[i].dim) + ", a " +
                                             num(want[i].a) + ", b " + num(want[i].b);
      c.differ(ai, e[i], nullptr, "the answer has no entry for " + which);
      continue;
    }
    each(e[i], g[*match], ai);
  }
}

// Field `field` of matched persistent entries, by rule.
template <class F>
void entry_field(Collector& c, const json& ei, const json& gi, const std::string& at,
                 const std::string& field, F&& each) {
  if (!ei.contains(field)) return;  // the reference gives only some fields
  const std::string af = at + "/" + field;
  if (!gi.contains(field)) {
    c.differ(af, ei[field], nullptr, "field \"" + field + "\" is missing from the answer's entry");
    return;
  }
  each(ei[field], gi[field], af);
}

QuantityResult compare_quantity(const Case& cs, Quantity q, const json& e, const json& g) {
  const RealRule rule{cs.tolerance.abs, cs.tolerance.rel};
  const std::string at = "/" + std::string(quantity_name(q));
  const std::string subspace_tol =
      "‖P − P_ref‖₂ ≤ " + num(rule.abs) + " + " + num(rule.rel) + "·‖P_ref‖₂";
  const std::string bottleneck_tol =
      "infinite births within " + num(rule.abs) + "; bottleneck distance ≤ " + num(rule.abs);
  switch (q) {
    case Quantity::ChainDims:
    case Quantity::Betti:
    case Quantity::BoundaryRanks: {
      Collector c(q, "exact");
      compare_integer_list(c, e, g, at);
      return c.take();
    }
    case Quantity::EulerCharacteristic: {
      Collector c(q, "exact");
      compare_integer(c, e, g, at);
      return c.take();
    }
    case Quantity::Torsion: {
      Collector c(q, "exact, as sorted lists (an omitted degree is [])");
      compare_torsion(c, cs, e, g, at);
      return c.take();
    }
    case Quantity::LaplacianSpectrum:
    case Quantity::UpLaplacianSpectrum:
    case Quantity::DownLaplacianSpectrum:
    case Quantity::DiracSpectrumByDegree: {
      Collector c(q, rule.text());
      per_degree(c, e, g, at, [&](const json& ei, const json& gi, const std::string& aq) {
        compare_real_list(c, rule, ei, gi, aq, true);
      });
      return c.take();
    }
    case Quantity::DiracSpectrum: {
      Collector c(q, rule.text());
      compare_real_list(c, rule, e, g, at, true);
      return c.take();
    }
    case Quantity::HarmonicBasis: {
      Collector c(q, subspace_tol);
      per_degree(c, e, g, at, [&](const json& ei, const json& gi, const std::string& aq) {
        compare_subspace(c, rule, ei, gi, aq, cell_naming(cs));
      });
      return c.take();
    }
    case Quantity::Barcode: {
      Collector c(q, bottleneck_tol);
      per_degree(c, e, g, at, [&](const json& ei, const json& gi, const std::string& aq) {
        compare_barcode_degree(c, rule.abs, ei, gi, aq);
      });
      return c.take();
    }
    case Quantity::PersistentBetti: {
      Collector c(q, "exact, per request");
      per_request(c, rule, e, g, at, false,
                  [&](const json& ei, const json& gi, const std::string& ai) {
                    entry_field(c, ei, gi, ai, "value",
                                [&](const json& x, const json& y, const std::string& af) {
                                  compare_integer(c, x, y, af);
                                });
                  });
      return c.take();
    }
    case Quantity::PersistentLaplacianSpectrum:
    case Quantity::PersistentDiracSpectrum: {
      Collector c(q, rule.text() + ", per request");
      per_request(c, rule, e, g, at, false,
                  [&](const json& ei, const json& gi, const std::string& ai) {
                    entry_field(c, ei, gi, ai, "eigenvalues",
                                [&](const json& x, const json& y, const std::string& af) {
                                  compare_real_list(c, rule, x, y, af, true);
                                });
                  });
      return c.take();
    }
    case Quantity::PersistentHarmonicBasis: {
      Collector c(q, subspace_tol + ", per request");
      per_request(c, rule, e, g, at, false,
                  [&](const json& ei, const json& gi, const std::string& ai) {
                    if (!ei.contains("cells") && !ei.contains("vectors")) return;
                    compare_subspace(c, rule, ei, gi, ai, cell_naming(cs));
                  });
      return c.take();
    }
    case Quantity::SpectralCurves: {
      Collector c(q, "betti exact; lambda_min " + rule.text() + "; per sampled value");
      per_request(c, rule, e, g, at, true,
                  [&](const json& ei, const json& gi, const std::string& ai) {
                    entry_field(c, ei, gi, ai, "betti",
                                [&](const json& x, const json& y, const std::string& af) {
                                  compare_integer_list(c, x, y, af);
                                });
                    entry_field(c, ei, gi, ai, "lambda_min",
                                [&](const json& x, const json& y, const std::string& af) {
                                  compare_real_list(c, rule, x, y, af, false);
                                });
                  });
      return c.take();
    }
  }
  throw Error("internal: no comparison rule for " + std::string(quantity_name(q)));
}

}  // namespace

std::string to_string(QuantityStatus status) {
  switch (status) {
    case QuantityStatus::Pass:
      return "pass";
    case QuantityStatus::Fail:
      return "fail";
    case QuantityStatus::NotAttempted:
      return "not_attempted";
    case QuantityStatus::Malformed:
      return "malformed";
  }
  return "?";
}

bool CompareResult::passed() const {
  return std::all_of(quantities.begin(), quantities.end(),
                     [](const QuantityResult& r) { return r.status == QuantityStatus::Pass; });
}

bool CompareResult::any_wrong() const {
  return std::any_of(quantities.begin(), quantities.end(), [](const QuantityResult& r) {
    return r.status == QuantityStatus::Fail || r.status == QuantityStatus::Malformed;
  });
}

bool CompareResult::any_not_attempted() const {
  return std::any_of(quantities.begin(), quantities.end(), [](const QuantityResult& r) {
    return r.status == QuantityStatus::NotAttempted;
  });
}

const QuantityResult* CompareResult::first_problem() const {
  for (const QuantityResult& r : quantities)
    if (r.status == QuantityStatus::Fail || r.status == QuantityStatus::Malformed) return &r;
  for (const QuantityResult& r : quantities)
    if (r.status == QuantityStatus::NotAttempted) return &r;
  return nullptr;
}

CompareResult compare_answer(const Case& c, const nlohmann::json& expect,
                             const nlohmann::json& got) {
  CompareResult out;
  if (!expect.is_object()) return out;
  for (const WantedQuantity& w : c.want) {
    const std::string key(quantity_name(w.quantity));
    if (!expect.contains(key)) continue;
    if (!got.is_object()) {
      QuantityResult r;
      r.quantity = w.quantity;
      r.status = QuantityStatus::Malformed;
      r.message = "/: the answer is " + describe(got) + ", not a JSON object of quantities";
      out.quantities.push_back(std::move(r));
      continue;
    }
    if (!got.contains(key)) {
      QuantityResult r;
      r.quantity = w.quantity;
      r.status = QuantityStatus::NotAttempted;
      r.message = "/" + key + ": not attempted (absent from the answer)";
      out.quantities.push_back(std::move(r));
      continue;
    }
    out.quantities.push_back(compare_quantity(c, w.quantity, expect[key], got[key]));
  }
  return out;
}

void validate_expect(const Case& c) {
  if (c.expect.is_null()) return;
  const CompareResult self = compare_answer(c, c.expect, c.expect);
  for (const QuantityResult& r : self.quantities)
    if (r.status != QuantityStatus::Pass)  // cannot happen for a well-formed expect
      throw InvalidInput("/expect", "does not equal itself: " + r.message);
}

double bottleneck_distance(const std::vector<std::pair<double, double>>& a,
                           const std::vector<std::pair<double, double>>& b) {
  // The distance is one of the pairwise or diagonal costs: binary search over them.
  std::vector<double> costs{0.0};
  for (const auto& x : a) {
    costs.push_back(to_diagonal(x));
    for (const auto& y : b) costs.push_back(linf(x, y));
  }
  for (const auto& y : b) costs.push_back(to_diagonal(y));
  std::sort(costs.begin(), costs.end());
  costs.erase(std::unique(costs.begin(), costs.end()), costs.end());
  std::size_t lo = 0, hi = costs.size() - 1;  // the largest cost always suffices
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (bottleneck_at_most(a, b, costs[mid]))
      hi = mid;
    else
      lo = mid + 1;
  }
  return costs[lo];
}

std::optional<int> input_top_dimension(const Case& c) {
  std::size_t largest = 0;
  if (c.input_type == InputType::Hypergraph) {  // Inf_q = 0 above the top hyperedge
    for (const Hyperedge& h : c.hyperedges) largest = std::max(largest, h.vertices.size());
    if (c.options.vertices == "all" && !c.vertices.empty())
      largest = std::max<std::size_t>(largest, 1);
    return static_cast<int>(largest) - 1;
  }
  if (c.input_type != InputType::SimplicialComplex && c.input_type != InputType::FilteredComplex)
    return std::nullopt;
  for (const Simplex& s : c.simplices) largest = std::max(largest, s.size());
  return static_cast<int>(largest) - 1;
}

std::optional<int> reported_max_dim(const Case& c) {
  if (c.options.max_dim) return *c.options.max_dim;
  switch (c.input_type) {
    case InputType::PointCloud:
    case InputType::DistanceMatrix:
      return 1;
    case InputType::Digraph:
      return 2;
    default:
      return input_top_dimension(c);
  }
}

std::string short_json(const nlohmann::json& v, std::size_t limit) {
  std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() <= limit) return text;
  std::size_t cut = limit > 3 ? limit - 3 : 0;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + "...";
}

}  // namespace topospec::verify

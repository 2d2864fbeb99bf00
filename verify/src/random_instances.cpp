// Random case documents for differential testing. Everything is drawn from our own splitmix64
// and converted to ranges by rejection sampling (no std:: distributions, whose output differs
// between standard libraries), so a seed names the same case on every platform.
#include "topospec/verify/random_instances.hpp"

#include <algorithm>
#include <bit>
#include <string>
#include <utility>
#include <vector>

#include "topospec/topology/generators.hpp"
#include "topospec/topology/simplicial_complex.hpp"
#include "topospec/verify/case.hpp"

namespace topospec::verify {
namespace {

using json = nlohmann::json;

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n >= 1: rejection removes the modulo bias.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return x % n;
  }
  int between(int lo, int hi) {  // inclusive; lo <= hi
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

  template <class T>
  void shuffle(std::vector<T>& v) {  // Fisher–Yates
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::uint64_t state_;
};

using Simplices = std::vector<Simplex>;

json random_simplicial_case(std::uint64_t seed, const RandomCaseOptions& options);

// `count` distinct vertices out of 0..n-1, increasing.
Simplex random_subset(SplitMix64& rng, int n, int count) {
  std::vector<VertexId> all(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
  for (int i = 0; i < count; ++i)  // partial Fisher–Yates
    std::swap(all[static_cast<std::size_t>(i)],
              all[static_cast<std::size_t>(i) + rng.below(static_cast<std::uint64_t>(n - i))]);
  Simplex s(all.begin(), all.begin() + count);
  std::sort(s.begin(), s.end());
  return s;
}

Simplices random_maximal_simplices(SplitMix64& rng, int max_vertices, int max_dim,
                                   std::string& what) {
  const int n = rng.between(1, max_vertices);
  const int count = rng.between(1, 2 * n);
  const int top = std::min(max_dim, n - 1);
  Simplices out;
  for (int k = 0; k < count; ++k) out.push_back(random_subset(rng, n, rng.between(0, top) + 1));
  what = std::to_string(count) + " random simplices on " + std::to_string(n) + " vertices";
  return out;
}

// Clique complex of G(n, p), cliques of up to max_dim + 1 vertices, listed as its maximal
// cliques plus every isolated vertex (all n vertices present).
Simplices random_clique_complex(SplitMix64& rng, int max_vertices, int max_dim,
                                std::string& what) {
  const int n = rng.between(2, std::max(2, std::min(max_vertices, 12)));
  const int percent = 25 + 15 * static_cast<int>(rng.below(4));  // 25, 40, 55, 70 %
  std::vector<std::vector<bool>> adjacent(static_cast<std::size_t>(n),
                                          std::vector<bool>(static_cast<std::size_t>(n)));
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      adjacent[i][j] = adjacent[j][i] = rng.chance(percent);
  // n <= 12, so every vertex subset is a bitmask; a clique is kept when it is maximal among
  // the cliques of at most max_dim + 1 vertices.
  const std::uint32_t subsets = std::uint32_t{1} << n;
  std::vector<bool> clique(subsets, false);
  for (std::uint32_t m = 1; m < subsets; ++m) {
    const int size = std::popcount(m);
    if (size > max_dim + 1) continue;
    if (size == 1) {
      clique[m] = true;
      continue;
    }
    const int low = std::countr_zero(m);
    const std::uint32_t rest = m & (m - 1);
    bool ok = clique[rest];
    for (int v = 0; ok && v < n; ++v)
      if ((rest >> v) & 1u) ok = adjacent[low][v];
    clique[m] = ok;
  }
  Simplices out;
  for (std::uint32_t m = 1; m < subsets; ++m) {
    if (!clique[m]) continue;
    bool maximal = true;
    for (int v = 0; maximal && v < n; ++v)
      if (!((m >> v) & 1u) && clique[m | (std::uint32_t{1} << v)]) maximal = false;
    if (!maximal) continue;
    Simplex s;
    for (int v = 0; v < n; ++v)
      if ((m >> v) & 1u) s.push_back(v);
    out.push_back(std::move(s));
  }
  what = "clique complex of G(" + std::to_string(n) + ", 0." + std::to_string(percent) + ")";
  return out;
}

// The maximal simplices of a closed complex (those without cofacets).
Simplices maximal_simplices(const SimplicialComplex& k) {
  Simplices out;
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i)
      if (q == k.dimension() || k.cofacets(q, i).empty()) out.push_back(k.simplex_ids(q, i));
  return out;
}

// A named complex with known (often torsion) homology, so that coefficient-dependent errors
// show; sometimes with a few facets removed. Empty when none fits the options.
Simplices named_complex(SplitMix64& rng, int max_vertices, int max_dim, std::string& what) {
  struct Named {
    const char* name;
    SimplicialComplex (*make)();
  };
  static const Named kNamed[] = {
      {"RP² (6 vertices)", [] { return generators::real_projective_plane(); }},
      {"torus (7 vertices)", [] { return generators::torus(); }},
      {"Klein bottle (9 vertices)", [] { return generators::klein_bottle(); }},
      {"Möbius band", [] { return generators::mobius_band(); }},
      {"dunce hat", [] { return generators::dunce_hat(); }},
      {"octahedron", [] { return generators::octahedral_sphere(2); }},
      {"Moore space M(Z/2,1)", [] { return generators::moore_space(2); }},
      {"Moore space M(Z/3,1)", [] { return generators::moore_space(3); }},
      {"boundary of the 4-simplex", [] { return generators::simplex_boundary(3); }},
  };
  // Named complexes may exceed max_vertices by up to 4, so that the 13-vertex M(Z/3,1) (Z/3
  // torsion) is drawn with the default options.
  std::vector<std::pair<const Named*, SimplicialComplex>> fitting;
  for (const Named& n : kNamed) {
    SimplicialComplex k = n.make();
    if (k.dimension() <= max_dim && static_cast<int>(k.num_vertices()) <= max_vertices + 4)
      fitting.emplace_back(&n, std::move(k));
  }
  if (fitting.empty()) return {};
  const auto& [named, k] = fitting[rng.below(fitting.size())];
  Simplices out = maximal_simplices(k);
  what = named->name;
  if (rng.chance(30) && out.size() > 1) {  // partial: drop a few facets
    const int drop = rng.between(1, std::min<int>(3, static_cast<int>(out.size()) - 1));
    for (int d = 0; d < drop; ++d) out.erase(out.begin() + static_cast<long>(rng.below(out.size())));
    what += " without " + std::to_string(drop) + " facet" + (drop > 1 ? "s" : "");
  }
  return out;
}

std::vector<VertexId> vertices_of(const Simplices& simplices) {
  std::vector<VertexId> v;
  for (const Simplex& s : simplices) v.insert(v.end(), s.begin(), s.end());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// `count` distinct fresh ids: small, or large (up to 2^62, the largest id a case accepts).
std::vector<VertexId> fresh_ids(SplitMix64& rng, std::size_t count, bool large) {
  std::vector<VertexId> ids;
  while (ids.size() < count) {
    VertexId id;
    if (!large)
      id = static_cast<VertexId>(rng.below(4 * count + 4));
    else if (rng.chance(20))
      id = kMaxVertexId - static_cast<VertexId>(rng.below(64));
    else
      id = static_cast<VertexId>(rng.below(std::uint64_t{1} << (20 + rng.below(40))));
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

bool is_persistent_key(const std::string& key) {
  return key == "barcode" || key == "persistent_betti" || key == "persistent_laplacian_spectrum" ||
         key == "persistent_dirac_spectrum" || key == "persistent_harmonic_basis" ||
         key == "spectral_curves";
}

// A monotone filtration of the closure of `simplices`: small integer vertex values (ties are
// the interesting case), every other simplex at its largest facet value or one step later.
// Returns the filtered_complex entries, the distinct values and the top dimension.
json filtered_entries(SplitMix64& rng, const Simplices& simplices, std::vector<double>& distinct) {
  const SimplicialComplex k = SimplicialComplex::from_simplices(simplices);
  std::vector<std::vector<double>> values(static_cast<std::size_t>(k.dimension() + 1));
  json entries = json::array();
  for (int q = 0; q <= k.dimension(); ++q) {
    values[q].resize(k.size(q));
    for (std::size_t i = 0; i < k.size(q); ++i) {
      double v = 0;
      if (q == 0)
        v = static_cast<double>(rng.below(4));
      else
        for (std::uint32_t f : k.facets(q, i)) v = std::max(v, values[q - 1][f]);
      if (q > 0 && rng.chance(35)) v += 1;
      values[q][i] = v;
      distinct.push_back(v);
      Simplex ids = k.simplex_ids(q, i);
      if (rng.chance(30)) rng.shuffle(ids);
      entries.push_back({{"simplex", ids}, {"value", v}});
    }
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<json> shuffled(entries.begin(), entries.end());
  if (rng.chance(50)) rng.shuffle(shuffled);
  return json(shuffled);
}

json random_coefficients(SplitMix64& rng, bool persistent) {
  static const char* const kCoefficients[] = {"Q", "Z2", "Zp:3", "Zp:5", "Z"};
  const char* c = kCoefficients[rng.below(5)];
  return persistent && std::string(c) == "Z" ? "Q" : c;  // barcodes need a field
}

// (a, b) requests over the values `distinct` (sorted, non-empty), degrees 0 … top, and the
// values as the spectral-curve samples.
void random_requests(SplitMix64& rng, const std::vector<double>& distinct, int top, json& opts) {
  json requests = json::array();
  for (int r = rng.between(1, 4); r > 0; --r) {
    double a = distinct[rng.below(distinct.size())], b = distinct[rng.below(distinct.size())];
    if (a > b) std::swap(a, b);
    if (rng.chance(20)) b += 0.5;  // between filtration values
    requests.push_back({{"dim", rng.between(0, std::max(0, top))}, {"a", a}, {"b", b}});
  }
  opts["requests"] = requests;
  opts["values"] = distinct;
}

// euler_characteristic is for simplicial inputs only (CASES.md).
std::vector<std::string> graph_want(const std::vector<std::string>& want) {
  std::vector<std::string> out;
  for (const std::string& w : want)
    if (w != "euler_characteristic") out.push_back(w);
  return out;
}

json document(std::uint64_t seed, const std::string& what, const std::string& tag,
              const json& input, const json& opts, const std::vector<std::string>& want) {
  return json{{"format", std::string(kCaseFormat)},
              {"name", "random-" + std::to_string(seed)},
              {"description", what},
              {"tags", json::array({"random", tag})},
              {"input", input},
              {"options", opts},
              {"want", want}};
}

// A digraph on at most 7 vertices (path complexes grow fast): G(n, p) arcs, sometimes a forced
// 2-cycle a ⇄ b (the case where the regular and non-regular theories differ), sometimes
// weights and vertex values (always when a persistent quantity is wanted), ids as a count or
// a relabelled list, either path theory.
json random_digraph_case(std::uint64_t seed, const RandomCaseOptions& options) {
  SplitMix64 rng(seed);
  const int n = rng.between(1, std::max(1, std::min(options.max_vertices, 7)));
  const int percent = 20 + 15 * static_cast<int>(rng.below(3));  // 20, 35, 50 %
  std::vector<std::pair<int, int>> arcs;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (i != j && rng.chance(percent)) arcs.emplace_back(i, j);
  std::string what = "digraph G(" + std::to_string(n) + ", 0." + std::to_string(percent) + ")";
  if (n >= 2 && rng.chance(30)) {
    const int a = rng.between(0, n - 1);
    int b = rng.between(0, n - 2);
    if (b >= a) ++b;
    for (const auto& arc : {std::pair{a, b}, std::pair{b, a}})
      if (std::find(arcs.begin(), arcs.end(), arc) == arcs.end()) arcs.push_back(arc);
    what += ", 2-cycle " + std::to_string(a) + " ⇄ " + std::to_string(b);
  }
  rng.shuffle(arcs);

  const bool persistent = std::any_of(options.want.begin(), options.want.end(), is_persistent_key);
  const bool weighted = persistent || rng.chance(30);
  std::vector<VertexId> ids(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) ids[static_cast<std::size_t>(i)] = i;
  json input = {{"type", "digraph"}};
  if (rng.chance(50)) {
    ids = fresh_ids(rng, ids.size(), rng.chance(25));
    input["vertices"] = ids;
    what += ", listed ids";
  } else {
    input["vertices"] = n;
  }
  std::vector<double> distinct = {0};
  json arcs_json = json::array();
  for (const auto& [a, b] : arcs) {
    json arc = {ids[static_cast<std::size_t>(a)], ids[static_cast<std::size_t>(b)]};
    if (weighted) {
      const double w = static_cast<double>(rng.below(4));
      arc.push_back(w);
      distinct.push_back(w);
    }
    arcs_json.push_back(std::move(arc));
  }
  input["arcs"] = arcs_json;
  if (weighted && rng.chance(30)) {
    json values = json::array();
    for (int i = 0; i < n; ++i) {
      const double v = static_cast<double>(rng.below(3));
      values.push_back(v);
      distinct.push_back(v);
    }
    input["vertex_values"] = values;
    what += ", vertex values";
  }
  if (weighted) what += ", weighted";
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  json opts = json::object();
  if (options.vary_coefficients) opts["coefficients"] = random_coefficients(rng, persistent);
  if (rng.chance(35)) {
    opts["path_theory"] = "non_regular";
    what += ", non-regular";
  } else if (rng.chance(30)) {
    opts["path_theory"] = "regular";
  }
  int max_dim = 2;  // CASES.md default for digraphs
  if (rng.chance(30)) opts["max_dim"] = max_dim = rng.between(0, std::min(3, std::max(0, options.max_dim)));
  if (persistent) random_requests(rng, distinct, max_dim, opts);
  return document(seed, what, "digraph", input, opts, graph_want(options.want));
}

// A hypergraph on at most 7 vertices: hyperedges of 1–4 vertices (listed in any order, without
// their faces), sometimes values (always when a persistent quantity is wanted), sometimes a
// `vertices` field and the option vertices = "all".
json random_hypergraph_case(std::uint64_t seed, const RandomCaseOptions& options) {
  SplitMix64 rng(seed);
  const int n = rng.between(1, std::max(1, std::min(options.max_vertices, 7)));
  const int count = rng.between(1, 2 * n);
  Simplices edges;
  for (int k = 0; k < count; ++k) {
    Simplex e = random_subset(rng, n, rng.between(1, std::min(4, n)));
    if (std::find(edges.begin(), edges.end(), e) == edges.end()) edges.push_back(std::move(e));
  }
  std::string what = std::to_string(edges.size()) + " random hyperedges on " + std::to_string(n) +
                     " vertices";
  std::vector<VertexId> ids(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) ids[static_cast<std::size_t>(i)] = i;
  if (rng.chance(40)) {
    ids = fresh_ids(rng, ids.size(), rng.chance(25));
    what += ", relabelled";
  }
  for (Simplex& e : edges) {
    for (VertexId& v : e) v = ids[static_cast<std::size_t>(v)];
    if (rng.chance(35)) rng.shuffle(e);
  }
  const bool persistent = std::any_of(options.want.begin(), options.want.end(), is_persistent_key);
  const bool valued = persistent || rng.chance(30);
  std::vector<double> distinct = {0};
  json list = json::array();
  for (const Simplex& e : edges) {
    if (!valued) {
      list.push_back(e);
      continue;
    }
    const double v = static_cast<double>(rng.below(4));
    distinct.push_back(v);
    list.push_back({{"hyperedge", e}, {"value", v}});
  }
  json input = {{"type", "hypergraph"}, {"hyperedges", list}};
  if (valued) what += ", values";
  json opts = json::object();
  if (rng.chance(30)) {
    opts["vertices"] = "all";
    what += ", vertices \"all\"";
    if (rng.chance(50)) {  // with an isolated vertex of the `vertices` field
      std::vector<VertexId> all = ids;
      VertexId extra = 0;
      while (std::find(all.begin(), all.end(), extra) != all.end()) ++extra;
      all.push_back(extra);
      input["vertices"] = all;
    }
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  std::size_t top_size = 0;
  for (const Simplex& e : edges) top_size = std::max(top_size, e.size());
  int max_dim = static_cast<int>(top_size) - 1;  // CASES.md default: the top hyperedge
  if (options.vary_coefficients) opts["coefficients"] = random_coefficients(rng, persistent);
  if (rng.chance(30)) opts["max_dim"] = max_dim = rng.between(0, max_dim + 1);
  if (persistent) random_requests(rng, distinct, max_dim, opts);
  return document(seed, what, "hypergraph", input, opts, graph_want(options.want));
}

}  // namespace

std::optional<RandomInput> parse_random_input(std::string_view name) {
  if (name == "simplicial") return RandomInput::Simplicial;
  if (name == "digraph") return RandomInput::Digraph;
  if (name == "hypergraph") return RandomInput::Hypergraph;
  if (name == "mixed") return RandomInput::Mixed;
  return std::nullopt;
}

json random_case(std::uint64_t seed, const RandomCaseOptions& options) {
  RandomInput input = options.input;
  if (input == RandomInput::Mixed) {
    // Drawn from its own stream, so that each kind's case is the same as without the mix.
    SplitMix64 pick(seed ^ 0x6d69786564ULL);
    input = static_cast<RandomInput>(pick.below(3));
  }
  if (input == RandomInput::Digraph) return random_digraph_case(seed, options);
  if (input == RandomInput::Hypergraph) return random_hypergraph_case(seed, options);
  return random_simplicial_case(seed, options);
}

namespace {

json random_simplicial_case(std::uint64_t seed, const RandomCaseOptions& options) {
  SplitMix64 rng(seed);
  const int max_vertices = std::max(1, options.max_vertices);
  const int max_dim = std::max(0, options.max_dim);

  std::string what, tag;
  Simplices simplices;
  const auto kind = rng.below(10);
  if (kind >= 7 && !(simplices = named_complex(rng, max_vertices, max_dim, what)).empty())
    tag = "named";
  if (simplices.empty() && kind >= 4 && max_vertices >= 2) {
    simplices = random_clique_complex(rng, max_vertices, max_dim, what);
    tag = "clique";
  }
  if (simplices.empty()) {
    simplices = random_maximal_simplices(rng, max_vertices, max_dim, what);
    tag = "simplices";
  }

  // Relabel: ids need not be 0..n-1, nor small, nor increase with the construction's order.
  const std::vector<VertexId> old_ids = vertices_of(simplices);
  const auto relabel = rng.below(4);  // 0: as built, 1: permuted, 2: sparse, 3: large
  if (relabel > 0) {
    std::vector<VertexId> ids = relabel == 1 ? old_ids : fresh_ids(rng, old_ids.size(), relabel == 3);
    rng.shuffle(ids);
    for (Simplex& s : simplices)
      for (VertexId& v : s)
        v = ids[static_cast<std::size_t>(std::lower_bound(old_ids.begin(), old_ids.end(), v) -
                                         old_ids.begin())];
    what += relabel == 3 ? ", large ids" : relabel == 2 ? ", sparse ids" : ", permuted ids";
  }
  // Isolated vertices, with ids not used yet.
  if (rng.chance(15)) {
    const std::vector<VertexId> used = vertices_of(simplices);
    for (int added = rng.between(1, 2); added > 0;) {
      const auto id = static_cast<VertexId>(rng.below(used.size() * 3 + 8));
      if (std::find(used.begin(), used.end(), id) != used.end()) continue;
      if (std::find(simplices.begin(), simplices.end(), Simplex{id}) != simplices.end()) continue;
      simplices.push_back({id});
      --added;
    }
    what += ", isolated vertices";
  }
  // Listing forms that expose hidden input assumptions (F9): some faces listed explicitly
  // (unclosed, in no particular order), vertices unsorted within a simplex, simplices shuffled.
  if (rng.chance(25)) {
    const std::size_t extra = 1 + rng.below(3);
    for (std::size_t e = 0; e < extra; ++e) {
      Simplex s = simplices[rng.below(simplices.size())];
      if (s.size() < 2) continue;
      s.erase(s.begin() + static_cast<long>(rng.below(s.size())));
      simplices.push_back(std::move(s));
    }
    what += ", some faces listed";
  }
  if (rng.chance(35)) {
    for (Simplex& s : simplices) rng.shuffle(s);
    what += ", unsorted simplices";
  } else {
    for (Simplex& s : simplices) std::sort(s.begin(), s.end());
  }
  if (rng.chance(50)) rng.shuffle(simplices);

  std::size_t top_size = 0;
  for (const Simplex& s : simplices) top_size = std::max(top_size, s.size());
  const int top = static_cast<int>(top_size) - 1;

  json opts = json::object();
  if (options.vary_coefficients) {
    static const char* const kCoefficients[] = {"Q", "Z2", "Zp:3", "Zp:5", "Z"};
    opts["coefficients"] = kCoefficients[rng.below(5)];
  }
  const auto md = rng.below(10);
  if (md < 3)
    opts["max_dim"] = rng.between(0, top);  // often below the top
  else if (md == 3)
    opts["max_dim"] = top + 1;  // above the top: empty degrees

  json input;
  if (std::any_of(options.want.begin(), options.want.end(), is_persistent_key)) {
    // Persistent quantities need a filtration: the closure with random monotone values, a few
    // (a, b) requests and the distinct values as the spectral-curve samples.
    std::vector<double> distinct;
    input = {{"type", "filtered_complex"}, {"simplices", filtered_entries(rng, simplices, distinct)}};
    json requests = json::array();
    for (int r = rng.between(1, 4); r > 0; --r) {
      double a = distinct[rng.below(distinct.size())], b = distinct[rng.below(distinct.size())];
      if (a > b) std::swap(a, b);
      if (rng.chance(20)) b += 0.5;  // between filtration values
      requests.push_back({{"dim", rng.between(0, std::max(0, top))}, {"a", a}, {"b", b}});
    }
    opts["requests"] = requests;
    opts["values"] = distinct;
    if (opts.contains("coefficients") && opts["coefficients"] == "Z") opts["coefficients"] = "Q";
    what += ", random monotone filtration";
  } else {
    json simplices_json = json::array();
    for (const Simplex& s : simplices) simplices_json.push_back(s);
    input = {{"type", "simplicial_complex"}, {"simplices", simplices_json}};
  }
  return document(seed, what, tag, input, opts, options.want);
}

}  // namespace
}  // namespace topospec::verify

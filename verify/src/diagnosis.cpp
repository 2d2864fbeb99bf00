// Diagnoses as alternative computations. Each known conceptual error (REFERENCE.md §4 and the
// planted-bug candidates of verify/candidates) is a Variant of the correct computation: other
// cells (no closure), another boundary (unsigned, faces by first vertex), another rank (mod 2,
// over Q, float32 with a tolerance, empty matrices), another Betti formula (top degree skipped,
// β₀ = #vertices, exact zero eigenvalues) or another operator (one Laplacian term, D²). The
// variant's answer is computed on the case's input and compared with the candidate's by the
// CASES.md rules; only an exact reproduction of the wrong answer is reported.
//
// Everything here is dense and meant for the small complexes that failing and shrunk cases
// are: spectral variants are skipped above kMaxDenseCells cells.
#include "topospec/verify/diagnosis.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "topospec/hypergraph/hypergraph.hpp"
#include "topospec/hypergraph/path_complex.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/topology/homology.hpp"
#include "topospec/verify/answer.hpp"
#include "topospec/verify/compare.hpp"

namespace topospec::verify {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxDenseCells = 1200;
// Largest boundary matrix (entries) given a dense float32 SVD for the F10 emulation.
constexpr std::int64_t kMaxDenseEntries = 4'000'000;
// Ranks "over Q" of the variants' ±1 matrices: exact elimination mod this prime, as the
// library's own Q ranks (homology.hpp); it differs from Q only for a multiple of 2^31 − 1 as an
// invariant factor, impossible for the small ±1 matrices diagnosed here.
constexpr std::uint32_t kLargePrime = 2147483647u;

// ------------------------------------------------------------------------------------------
// Comparison by the CASES.md rules, over the shape of the expected value (degree-indexed lists
// over the expected length, spectra over the expected degrees). `ref` supplies the scale of the
// relative tolerance.

std::optional<std::int64_t> as_int(const json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number_float()) {  // 3.0 is the integer 3, as JSON does not distinguish them
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9e15)
      return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

bool ints_equal(const json& a, const json& b) {
  const auto x = as_int(a), y = as_int(b);
  return x && y && *x == *y;
}

bool int_lists_equal(const json& shape, const json& ref, const json& got) {
  if (!shape.is_array() || !ref.is_array() || !got.is_array()) return false;
  if (ref.size() < shape.size() || got.size() < shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i)
    if (!ints_equal(ref[i], got[i])) return false;
  return true;
}

bool real_lists_close(const json& ref, const json& got, const Tolerance& tol) {
  if (!ref.is_array() || !got.is_array() || ref.size() != got.size()) return false;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    if (!ref[i].is_number() || !got[i].is_number()) return false;
    const double r = ref[i].get<double>(), g = got[i].get<double>();
    if (!std::isfinite(g) || !(std::abs(g - r) <= tol.abs + tol.rel * std::abs(r))) return false;
  }
  return true;
}

bool spectra_close(const json& shape, const json& ref, const json& got, const Tolerance& tol) {
  if (!shape.is_object() || !ref.is_object() || !got.is_object()) return false;
  for (const auto& [q, unused] : shape.items())
    if (!ref.contains(q) || !got.contains(q) || !real_lists_close(ref[q], got[q], tol))
      return false;
  return true;
}

std::optional<std::vector<std::int64_t>> sorted_ints(const json& v) {
  if (v.is_null()) return std::vector<std::int64_t>{};
  if (!v.is_array()) return std::nullopt;
  std::vector<std::int64_t> out;
  for (const json& x : v) {
    const auto i = as_int(x);
    if (!i) return std::nullopt;
    out.push_back(*i);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool torsion_equal(const json& shape, const json& ref, const json& got) {
  if (!shape.is_object() || !ref.is_object() || !got.is_object()) return false;
  std::set<std::string> degrees;  // a missing degree counts as []
  for (const json* j : {&shape, &ref, &got})
    for (const auto& [q, unused] : j->items()) degrees.insert(q);
  for (const std::string& q : degrees) {
    const auto a = sorted_ints(ref.contains(q) ? ref[q] : json());
    const auto b = sorted_ints(got.contains(q) ? got[q] : json());
    if (!a || !b || *a != *b) return false;
  }
  return true;
}

bool same_answer(const std::string& key, const json& shape, const json& ref, const json& got,
                 const Tolerance& tol) {
  if (key == "chain_dims" || key == "betti" || key == "boundary_ranks")
    return int_lists_equal(shape, ref, got);
  if (key == "euler_characteristic") return ints_equal(ref, got);
  if (key == "torsion") return torsion_equal(shape, ref, got);
  if (key == "dirac_spectrum") return real_lists_close(ref, got, tol);
  if (key == "laplacian_spectrum" || key == "up_laplacian_spectrum" ||
      key == "down_laplacian_spectrum" || key == "dirac_spectrum_by_degree")
    return spectra_close(shape, ref, got, tol);
  return ref == got;
}

// ------------------------------------------------------------------------------------------
// A variant chain complex: its cells and how its boundary matrices are written.

enum class BoundaryRule {
  Signed,        // the CASES.md boundary
  Unsigned,      // every incidence +1
  FirstVertex,   // F1: a face's row found by its first vertex (the last face starting with it)
  ListedLookup,  // F9: faces looked up exactly as listed; a face not listed is skipped
};

// How a rank is taken.
struct RankRule {
  enum class Kind { Field, Float32, EmptyAsSize } kind = Kind::Field;
  std::uint32_t p = 0;    // Field / EmptyAsSize: 0 for Q, else the prime
  float tolerance = 0;    // Float32: singular values > tolerance count
};

using Cells = std::vector<std::vector<Simplex>>;  // cells[q]: the q-simplices, in order

class Variant {
 public:
  Variant(Cells cells, BoundaryRule rule, int max_dim)
      : cells_(std::move(cells)), rule_(rule), max_dim_(max_dim) {}

  int top() const { return static_cast<int>(cells_.size()) - 1; }
  int max_dim() const { return max_dim_; }
  std::size_t n(int q) const {
    return q >= 0 && q <= top() ? cells_[static_cast<std::size_t>(q)].size() : 0;
  }
  std::size_t total_cells() const {
    std::size_t t = 0;
    for (const auto& c : cells_) t += c.size();
    return t;
  }

  // B_q as an integer matrix n(q−1) × n(q) (zero outside 1..top). Entries are assigned, not
  // added, in the order of the faces, as the published code (and the candidates) write them.
  const IntegerMatrix& boundary(int q) {
    auto it = boundaries_.find(q);
    if (it != boundaries_.end()) return it->second;
    IntegerMatrix b(static_cast<std::int64_t>(n(q - 1)), static_cast<std::int64_t>(n(q)));
    if (q >= 1 && q <= top() && n(q - 1) > 0) {
      const auto& faces = cells_[static_cast<std::size_t>(q - 1)];
      std::map<Simplex, std::size_t> row_of;        // exact lookup (last listing wins)
      std::map<VertexId, std::size_t> row_of_first;  // F1 lookup by first vertex
      for (std::size_t r = 0; r < faces.size(); ++r) {
        row_of[faces[r]] = r;
        row_of_first[faces[r].front()] = r;
      }
      std::vector<Eigen::Triplet<std::int64_t, std::int64_t>> triplets;
      const auto& simplices = cells_[static_cast<std::size_t>(q)];
      for (std::size_t c = 0; c < simplices.size(); ++c) {
        std::map<std::size_t, std::int64_t> column;
        const Simplex& s = simplices[c];
        for (std::size_t i = 0; i < s.size(); ++i) {
          Simplex face = s;
          face.erase(face.begin() + static_cast<long>(i));
          const std::int64_t sign = rule_ == BoundaryRule::Unsigned ? 1 : (i % 2 == 0 ? 1 : -1);
          if (rule_ == BoundaryRule::FirstVertex) {
            column[row_of_first.at(face.front())] = sign;
          } else if (auto f = row_of.find(face); f != row_of.end()) {
            column[f->second] = sign;
          }  // else: ListedLookup skips a face that is not listed as written
        }
        for (const auto& [r, v] : column)
          triplets.emplace_back(static_cast<std::int64_t>(r), static_cast<std::int64_t>(c), v);
      }
      b.setFromTriplets(triplets.begin(), triplets.end());
    }
    return boundaries_.emplace(q, std::move(b)).first->second;
  }

  Eigen::MatrixXd dense_boundary(int q) {
    return Eigen::MatrixXd(boundary(q).cast<double>());
  }

  std::size_t rank(int q, const RankRule& rule) {
    const IntegerMatrix& b = boundary(q);
    if (b.rows() == 0 || b.cols() == 0) {
      // F4: an empty matrix (one side 0) given the rank of its other side.
      if (rule.kind == RankRule::Kind::EmptyAsSize && q >= 1)
        return static_cast<std::size_t>(std::max(b.rows(), b.cols()));
      return 0;
    }
    if (rule.kind == RankRule::Kind::Float32) {
      if (b.rows() * b.cols() > kMaxDenseEntries)
        throw ResourceLimit("boundary too large for a dense SVD in a diagnosis");
      const Eigen::MatrixXf f = Eigen::MatrixXd(b.cast<double>()).cast<float>();
      const Eigen::VectorXf s = Eigen::BDCSVD<Eigen::MatrixXf>(f).singularValues();
      return static_cast<std::size_t>((s.array() > rule.tolerance).count());
    }
    return rank_mod_p(b, rule.p == 0 ? kLargePrime : rule.p);
  }

  std::vector<std::int64_t> betti_numbers(const RankRule& rule) {
    std::vector<std::int64_t> betti;
    for (int q = 0; q <= max_dim_; ++q)
      betti.push_back(static_cast<std::int64_t>(n(q)) -
                      static_cast<std::int64_t>(q == 0 ? 0 : rank(q, rule)) -
                      static_cast<std::int64_t>(rank(q + 1, rule)));
    return betti;
  }

  json boundary_ranks(const RankRule& rule) {
    json out = json::array();
    for (int q = 1; q <= max_dim_ + 1; ++q) out.push_back(rank(q, rule));
    return out;
  }

  json chain_dims() const {
    json out = json::array();
    for (int q = 0; q <= max_dim_; ++q) out.push_back(n(q));
    return out;
  }

  json euler_characteristic() const {
    std::int64_t chi = 0;
    for (int q = 0; q <= top(); ++q) chi += (q % 2 == 0 ? 1 : -1) * static_cast<std::int64_t>(n(q));
    return chi;
  }

  std::optional<json> torsion() {
    json out = json::object();
    try {
      for (int q = 0; q <= max_dim_; ++q)
        out[std::to_string(q)] = smith_form(boundary(q + 1)).torsion;
    } catch (const Error&) {
      return std::nullopt;  // an overflowing invariant factor: no diagnosis from this variant
    }
    return out;
  }

  // The operators, dense.
  Eigen::MatrixXd up(int q) {
    const Eigen::MatrixXd b = dense_boundary(q + 1);
    return b * b.transpose();
  }
  Eigen::MatrixXd down(int q) {
    const Eigen::MatrixXd b = dense_boundary(q);
    return b.transpose() * b;
  }
  Eigen::MatrixXd hodge(int q) { return up(q) + down(q); }

  // The symmetric block matrix over C_first ⊕ … ⊕ C_last.
  Eigen::MatrixXd dirac(int first, int last) {
    std::vector<std::int64_t> offset{0};
    for (int d = first; d <= last; ++d) offset.push_back(offset.back() + static_cast<std::int64_t>(n(d)));
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(offset.back(), offset.back());
    for (int d = first + 1; d <= last; ++d) {
      const Eigen::MatrixXd b = dense_boundary(d);
      const auto k = static_cast<std::size_t>(d - first);
      m.block(offset[k - 1], offset[k], b.rows(), b.cols()) = b;
      m.block(offset[k], offset[k - 1], b.cols(), b.rows()) = b.transpose();
    }
    return m;
  }

 private:
  Cells cells_;
  BoundaryRule rule_;
  int max_dim_;
  std::map<int, IntegerMatrix> boundaries_;
};

// All eigenvalues, ascending, as a dense symmetric solver gives them (no cleaning).
std::vector<double> eigenvalues(const Eigen::MatrixXd& m) {
  if (m.rows() == 0) return {};
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(m, Eigen::EigenvaluesOnly);
  if (solver.info() != Eigen::Success) throw NumericalFailure("dense eigensolver did not converge");
  std::vector<double> ev(solver.eigenvalues().data(),
                         solver.eigenvalues().data() + solver.eigenvalues().size());
  std::sort(ev.begin(), ev.end());
  return ev;
}

json as_json(const std::vector<double>& v) { return json(v); }

// Cells of the closure, lexicographic in the (increasing) vertex ids, as the correct code.
Cells closure_cells(const SimplicialComplex& k) {
  Cells cells(static_cast<std::size_t>(k.dimension() + 1));
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i) cells[static_cast<std::size_t>(q)].push_back(k.simplex_ids(q, i));
  return cells;
}

// F9: the listed simplices taken as the complex, in list order, each as written (or sorted).
Cells listed_cells(const std::vector<Simplex>& simplices, bool sort_each) {
  Cells cells;
  for (Simplex s : simplices) {
    if (sort_each) std::sort(s.begin(), s.end());
    if (cells.size() < s.size()) cells.resize(s.size());
    cells[s.size() - 1].push_back(std::move(s));
  }
  return cells;
}

std::string coefficient_words(const Coefficients& k) {
  switch (k.kind) {
    case Coefficients::Kind::Q:
      return "Q";
    case Coefficients::Kind::Z:
      return "Z";
    case Coefficients::Kind::Zp:
      break;
  }
  return "Z/" + std::to_string(k.p);
}

// One conceptual error: the quantities it changes, and its answer for one of them (nullopt when
// it does not apply to this case or is too large to compute densely).
struct Model {
  std::vector<std::string> keys;
  std::function<std::optional<json>(const std::string& key)> answer;
  std::function<std::string(const std::string& key)> explanation;
};

std::function<std::string(const std::string&)> fixed(std::string text) {
  return [text = std::move(text)](const std::string&) { return text; };
}

const std::vector<std::string> kBoundaryKeys = {
    "betti",         "boundary_ranks", "torsion", "laplacian_spectrum", "up_laplacian_spectrum",
    "down_laplacian_spectrum", "dirac_spectrum", "dirac_spectrum_by_degree"};

// The diagnoses of `got`: for each wrong quantity, the models whose answer reproduces it.
std::vector<Diagnosis> run_models(const std::vector<Model>& models, const Case& c,
                                  const json& expect, const json& got) {
  std::vector<Diagnosis> out;
  for (const auto& [key, expected] : expect.items()) {
    if (!got.contains(key)) continue;
    if (same_answer(key, expected, expected, got[key], c.tolerance)) continue;
    for (const Model& m : models) {
      if (std::find(m.keys.begin(), m.keys.end(), key) == m.keys.end()) continue;
      std::optional<json> alt;
      try {
        alt = m.answer(key);
      } catch (const std::exception&) {
        continue;
      }
      if (!alt) continue;
      if (same_answer(key, expected, expected, *alt, c.tolerance)) continue;
      if (!same_answer(key, expected, *alt, got[key], c.tolerance)) continue;
      Diagnosis d{key, m.explanation(key)};
      const bool seen = std::any_of(out.begin(), out.end(), [&](const Diagnosis& e) {
        return e.quantity == d.quantity && e.explanation == d.explanation;
      });
      if (!seen) out.push_back(std::move(d));
    }
  }
  return out;
}

class Diagnoser {
 public:
  Diagnoser(const Case& c, const SimplicialComplex& k)
      : case_(c),
        coefficients_(c.options.coefficients),
        max_dim_(case_max_dim(c, k)),
        field_{RankRule::Kind::Field,
               coefficients_.kind == Coefficients::Kind::Zp ? coefficients_.p : 0u, 0.0f},
        correct_(closure_cells(k), BoundaryRule::Signed, max_dim_),
        unsigned_(closure_cells(k), BoundaryRule::Unsigned, max_dim_),
        first_vertex_(closure_cells(k), BoundaryRule::FirstVertex, max_dim_),
        listed_(listed_cells(c.simplices, false), BoundaryRule::ListedLookup,
                listed_max_dim(c)),
        listed_sorted_(listed_cells(c.simplices, true), BoundaryRule::ListedLookup,
                       listed_max_dim(c)) {
    build_models();
  }

  std::vector<Diagnosis> run(const json& expect, const json& got) const {
    return run_models(models_, case_, expect, got);
  }

 private:
  static int listed_max_dim(const Case& c) {
    if (c.options.max_dim) return *c.options.max_dim;
    std::size_t top = 0;
    for (const Simplex& s : c.simplices) top = std::max(top, s.size());
    return static_cast<int>(top) - 1;
  }

  bool rational() const { return coefficients_.kind != Coefficients::Kind::Zp; }

  static bool dense_ok(const Variant& v) { return v.total_cells() <= kMaxDenseCells; }

  // Every quantity of a variant, by key (the quantities the boundary determines, plus the
  // complex's own for the listed variants).
  static std::optional<json> variant_answer(Variant& v, const RankRule& field,
                                            const std::string& key) {
    if (key == "chain_dims") return v.chain_dims();
    if (key == "euler_characteristic") return v.euler_characteristic();
    if (key == "betti") return json(v.betti_numbers(field));
    if (key == "boundary_ranks") return v.boundary_ranks(field);
    if (key == "torsion") return v.torsion();
    if (!dense_ok(v)) return std::nullopt;
    if (key == "dirac_spectrum") return as_json(eigenvalues(v.dirac(0, v.top())));
    json out = json::object();
    for (int q = 0; q <= v.max_dim(); ++q) {
      Eigen::MatrixXd m;
      if (key == "laplacian_spectrum") m = v.hodge(q);
      else if (key == "up_laplacian_spectrum") m = v.up(q);
      else if (key == "down_laplacian_spectrum") m = v.down(q);
      else if (key == "dirac_spectrum_by_degree") m = v.dirac(std::max(q - 1, 0), q + 1);
      else return std::nullopt;
      out[std::to_string(q)] = eigenvalues(m);
    }
    return out;
  }

  // β with ranks by `rule` (betti) or the ranks themselves (boundary_ranks).
  Model rank_model(RankRule rule, const std::string& betti_text, const std::string& ranks_text) {
    return {{"betti", "boundary_ranks"},
            [this, rule](const std::string& key) -> std::optional<json> {
              if (key == "betti") return json(correct_.betti_numbers(rule));
              return correct_.boundary_ranks(rule);
            },
            [betti_text, ranks_text](const std::string& key) {
              return key == "betti" ? betti_text : ranks_text;
            }};
  }

  void build_models() {
    const std::string field = coefficient_words(coefficients_);

    // Coefficients: mod 2 for another field, or Q for Z/p.
    if (!(coefficients_.kind == Coefficients::Kind::Zp && coefficients_.p == 2))
      models_.push_back(rank_model({RankRule::Kind::Field, 2, 0},
                                   "matches Betti numbers over Z/2, not " + field,
                                   "matches boundary ranks over Z/2, not " + field));
    if (coefficients_.kind == Coefficients::Kind::Zp)
      models_.push_back(rank_model({RankRule::Kind::Field, 0, 0},
                                   "matches Betti numbers over Q, not " + field,
                                   "matches boundary ranks over Q, not " + field));

    // F10: float32 SVD rank with a fixed tolerance (as numpy.matrix_rank(B, tol)); exact ranks
    // mod p are not what this error affects.
    if (rational())
      for (float tol : {1e-1f, 1e-3f}) {
        const std::string t = tol > 1e-2f ? "0.1" : "0.001";
        models_.push_back(rank_model(
            {RankRule::Kind::Float32, 0, tol},
            "matches a floating-point rank with a coarse tolerance (float32 SVD, tol " + t + ")",
            "matches a floating-point rank with a coarse tolerance (float32 SVD, tol " + t + ")"));
      }

    // F4: an empty boundary matrix (no q-simplices, or no faces) given a nonzero rank.
    {
      RankRule rule = field_;
      rule.kind = RankRule::Kind::EmptyAsSize;
      models_.push_back(rank_model(
          rule, "rank of an empty matrix mishandled (taken as its other dimension, not 0)",
          "rank of an empty matrix mishandled (taken as its other dimension, not 0)"));
    }

    // F2: the Betti loop stops below the top dimension; β_top keeps its initial 0.
    models_.push_back({{"betti"},
                       [this](const std::string&) -> std::optional<json> {
                         std::vector<std::int64_t> b = correct_.betti_numbers(field_);
                         for (int q = std::max(correct_.top(), 0); q <= max_dim_; ++q)
                           b[static_cast<std::size_t>(q)] = 0;
                         return json(b);
                       },
                       fixed("top-dimension Betti number missing (reported 0)")});

    // F3: with no triangles, β₀ = the number of vertices.
    models_.push_back({{"betti"},
                       [this](const std::string&) -> std::optional<json> {
                         if (correct_.top() > 1 || max_dim_ < 0) return std::nullopt;
                         std::vector<std::int64_t> b = correct_.betti_numbers(field_);
                         b[0] = static_cast<std::int64_t>(correct_.n(0));
                         return json(b);
                       },
                       fixed("β₀ equals the vertex count: components not counted when there "
                             "are no triangles")});

    // F5: β_q over Q (free rank over Z) as the number of eigenvalues of L_q that are exactly 0.0
    // in a dense solve; round-off zeros (±1e-16) are missed. Mod-p ranks are not affected.
    // Which zeros come out exact depends on the solver's round-off, so two outcomes are
    // computed: this dense solver's (Eigen), and the one where round-off hits every zero that
    // is not structural, leaving only the zero rows of L_q (isolated vertices) exact, as
    // NumPy/LAPACK does on the self-check cases.
    if (rational()) {
      const std::string text =
          "Betti numbers from counting eigenvalues exactly equal to 0: no zero threshold";
      models_.push_back({{"betti"},
                         [this](const std::string&) -> std::optional<json> {
                           if (!dense_ok(correct_)) return std::nullopt;
                           json b = json::array();
                           for (int q = 0; q <= max_dim_; ++q) {
                             const std::vector<double> ev = eigenvalues(correct_.hodge(q));
                             b.push_back(std::count(ev.begin(), ev.end(), 0.0));
                           }
                           return b;
                         },
                         fixed(text)});
      models_.push_back({{"betti"},
                         [this](const std::string&) -> std::optional<json> {
                           if (!dense_ok(correct_)) return std::nullopt;
                           json b = json::array();
                           for (int q = 0; q <= max_dim_; ++q) {
                             const Eigen::MatrixXd l = correct_.hodge(q);
                             b.push_back((l.array() == 0.0).colwise().all().count());
                           }
                           return b;
                         },
                         fixed(text)});
    }

    // Boundaries that are not the CASES.md boundary: every quantity built on them.
    models_.push_back({kBoundaryKeys,
                       [this](const std::string& key) {
                         return variant_answer(unsigned_, field_, key);
                       },
                       fixed("matches a boundary without orientation signs (all entries +1)")});
    models_.push_back({kBoundaryKeys,
                       [this](const std::string& key) {
                         return variant_answer(first_vertex_, field_, key);
                       },
                       fixed("boundary looked up by first vertex (F1): faces that share their "
                             "first vertex share a row")});

    // F9: the list taken as the complex (no closure), as written or sorted within simplices.
    std::vector<std::string> listed_keys = kBoundaryKeys;
    listed_keys.insert(listed_keys.end(), {"chain_dims", "euler_characteristic"});
    for (Variant* v : {&listed_, &listed_sorted_})
      models_.push_back({listed_keys,
                         [this, v](const std::string& key) {
                           return variant_answer(*v, field_, key);
                         },
                         fixed("matches a complex without the closure (faces not added)")});

    // Laplacian assembled wrongly.
    auto laplacian_model = [this](std::function<Eigen::MatrixXd(int)> op, std::string text) {
      models_.push_back({{"laplacian_spectrum"},
                         [this, op](const std::string&) -> std::optional<json> {
                           if (!dense_ok(correct_)) return std::nullopt;
                           json out = json::object();
                           for (int q = 0; q <= max_dim_; ++q) out[std::to_string(q)] = eigenvalues(op(q));
                           return out;
                         },
                         fixed(std::move(text))});
    };
    laplacian_model([this](int q) { return correct_.up(q); },
                    "matches the up-Laplacian only: down term B_qᵀB_q missing");
    laplacian_model([this](int q) { return correct_.down(q); },
                    "matches the down-Laplacian only: up term missing");
    // PETLS-style truncation at max_dim: the top reported degree loses its up term.
    laplacian_model(
        [this](int q) { return q == max_dim_ ? correct_.down(q) : correct_.hodge(q); },
        "matches a complex truncated at max_dim: the up term of L_max_dim is missing");
    // F8: the spectrum of D² = ⊕ L_q (D over C_0 … C_top), unsliced, for every degree.
    models_.push_back({{"laplacian_spectrum"},
                       [this](const std::string&) -> std::optional<json> {
                         if (!dense_ok(correct_)) return std::nullopt;
                         std::vector<double> all;
                         for (int q = 0; q <= correct_.top(); ++q) {
                           const std::vector<double> ev = eigenvalues(correct_.hodge(q));
                           all.insert(all.end(), ev.begin(), ev.end());
                         }
                         std::sort(all.begin(), all.end());
                         json out = json::object();
                         for (int q = 0; q <= max_dim_; ++q) out[std::to_string(q)] = all;
                         return out;
                       },
                       fixed("matches the spectrum of the whole D² (all degrees mixed) instead "
                             "of L_q")});
    // The Dirac operator built only over C_0 … C_max_dim instead of the whole complex.
    models_.push_back({{"dirac_spectrum"},
                       [this](const std::string&) -> std::optional<json> {
                         if (!dense_ok(correct_) || max_dim_ >= correct_.top()) return std::nullopt;
                         return as_json(eigenvalues(correct_.dirac(0, max_dim_)));
                       },
                       fixed("matches the Dirac operator truncated at max_dim (C_q for q > "
                             "max_dim left out)")});
  }

  const Case& case_;
  Coefficients coefficients_;
  int max_dim_;
  RankRule field_;
  Variant correct_, unsigned_, first_vertex_, listed_, listed_sorted_;
  std::vector<Model> models_;
};

// ------------------------------------------------------------------------------------------
// Digraphs and hypergraphs: the conventions published code gets wrong (REFERENCE §4: JL's
// simple paths with cutoff 2 (F7), an un-normalised Ω basis, the flipped singleton convention,
// closure homology in place of embedded homology, the other path theory), each recomputed with
// the library's own builders on a modified set of generators.

// The generators of `d` that `keep` accepts (by label); a dropped generator of degree q−1 becomes
// a never-generator row of degree q, so Inf is recomputed exactly for the smaller set.
struct Generators {
  std::vector<InfimumDegree> degrees;
  CellLabeler labels;
};

Generators restrict_generators(const std::vector<InfimumDegree>& d, const CellLabeler& labels,
                               const std::function<bool(int q, const CellLabel&)>& keep) {
  Generators out;
  auto old_index = std::make_shared<std::vector<std::vector<std::size_t>>>();
  std::vector<std::vector<std::int64_t>> new_index(d.size());
  for (std::size_t q = 0; q < d.size(); ++q) {
    old_index->emplace_back();
    new_index[q].assign(d[q].generators, -1);
    for (std::size_t g = 0; g < d[q].generators; ++g)
      if (keep(static_cast<int>(q), labels(static_cast<int>(q), g))) {
        new_index[q][g] = static_cast<std::int64_t>((*old_index)[q].size());
        (*old_index)[q].push_back(g);
      }
  }
  for (std::size_t q = 0; q < d.size(); ++q) {
    InfimumDegree e;
    e.generators = (*old_index)[q].size();
    for (std::size_t g : (*old_index)[q])
      if (!d[q].values.empty()) e.values.push_back(d[q].values[g]);
    if (q > 0) {
      const std::size_t below = d[q - 1].generators, kept_below = (*old_index)[q - 1].size();
      // Rows: kept generators below, then the dropped ones, then the old never-generators.
      std::vector<std::int64_t> row(static_cast<std::size_t>(d[q].boundary.rows()));
      std::int64_t next = static_cast<std::int64_t>(kept_below);
      for (std::size_t r = 0; r < row.size(); ++r)
        row[r] = r < below && new_index[q - 1][r] >= 0 ? new_index[q - 1][r] : next++;
      std::vector<Eigen::Triplet<std::int64_t, std::int64_t>> t;
      for (std::size_t k = 0; k < (*old_index)[q].size(); ++k)
        for (IntegerMatrix::InnerIterator it(d[q].boundary, static_cast<Eigen::Index>((*old_index)[q][k])); it; ++it)
          t.emplace_back(row[static_cast<std::size_t>(it.row())], static_cast<std::int64_t>(k), it.value());
      e.boundary = IntegerMatrix(next, static_cast<Eigen::Index>(e.generators));
      e.boundary.setFromTriplets(t.begin(), t.end());
    }
    out.degrees.push_back(std::move(e));
  }
  out.labels = [labels, old_index](int q, std::size_t i) {
    return labels(q, (*old_index)[static_cast<std::size_t>(q)][i]);
  };
  return out;
}

// The quantities of one variant complex (Betti numbers over the case's coefficients, chain
// dims, Laplacian spectra in its real form).
std::optional<json> structure_answer(const ChainComplex& c, const Coefficients& k, int max_dim,
                                     const std::string& key) {
  if (key == "chain_dims") {
    json d = json::array();
    for (int q = 0; q <= max_dim; ++q) d.push_back(c.dim(q));
    return d;
  }
  if (key == "betti") {
    if (c.dims().empty()) return json(std::vector<std::size_t>(static_cast<std::size_t>(max_dim + 1), 0));
    HomologyOptions o;
    o.coefficients = k.kind == Coefficients::Kind::Z ? Coefficients::rationals() : k;
    o.max_dim = max_dim;
    return json(homology(c, o).betti);
  }
  std::size_t cells = 0;
  for (std::size_t n : c.dims()) cells += n;
  if (cells > kMaxDenseCells) return std::nullopt;
  json out = json::object();
  for (int q = 0; q <= max_dim; ++q) {
    RealMatrix l;
    if (key == "laplacian_spectrum") l = hodge_laplacian(c, q);
    else if (key == "up_laplacian_spectrum") l = up_laplacian(c, q);
    else if (key == "down_laplacian_spectrum") l = down_laplacian(c, q);
    else return std::nullopt;
    out[std::to_string(q)] = eigenvalues(Eigen::MatrixXd(l));
  }
  return out;
}

const std::vector<std::string> kStructureKeys = {"chain_dims", "betti", "laplacian_spectrum",
                                                 "up_laplacian_spectrum", "down_laplacian_spectrum"};

std::vector<Model> structure_models(const Case& c) {
  std::vector<Model> models;
  const int max_dim = case_max_dim(c, SimplicialComplex{});
  const Coefficients k = c.options.coefficients;
  auto variant = [&models, k, max_dim](std::vector<std::string> keys, std::function<ChainComplex()> build,
                                       std::string text) {
    auto cache = std::make_shared<std::optional<ChainComplex>>();
    models.push_back({std::move(keys),
                      [cache, build, k, max_dim](const std::string& key) -> std::optional<json> {
                        if (!*cache) *cache = build();
                        return structure_answer(**cache, k, max_dim, key);
                      },
                      fixed(std::move(text))});
  };
  const int top = max_dim + 1;
  if (c.input_type == InputType::Digraph) {
    const Digraph g = case_digraph(c);
    const bool regular = c.options.path_theory != "non_regular";
    PathComplexOptions o;
    o.top = top;
    o.theory = regular ? PathTheory::Regular : PathTheory::NonRegular;
    const auto paths = std::make_shared<AllowedPaths>(allowed_paths(g, o));
    auto restricted = [paths](std::function<bool(int, const CellLabel&)> keep) {
      const Generators r = restrict_generators(paths->degrees, paths->labels, keep);
      return infimum_complex(r.degrees, r.labels).chains;
    };
    auto simple = [](int, const CellLabel& path) {
      CellLabel s = path;
      std::sort(s.begin(), s.end());
      return std::adjacent_find(s.begin(), s.end()) == s.end();
    };
    variant(kStructureKeys, [restricted] { return restricted([](int q, const CellLabel&) { return q <= 2; }); },
            "matches allowed paths cut at length 2 (F7: paths enumerated with a cutoff; Ω_3 "
            "and up missing)");
    variant(kStructureKeys, [restricted, simple] { return restricted(simple); },
            "matches simple paths only (no repeated vertex, e.g. a→b→a missing from A_2)");
    variant(kStructureKeys,
            [restricted, simple] {
              return restricted([simple](int q, const CellLabel& p) { return q <= 2 && simple(q, p); });
            },
            "matches simple paths of length ≤ 2 only (F7: networkx all_simple_paths, cutoff 2)");
    variant(kStructureKeys,
            [g, top, regular] {
              PathComplexOptions other;
              other.top = top;
              other.theory = regular ? PathTheory::NonRegular : PathTheory::Regular;
              return path_complex(g, other).chains;
            },
            regular ? "matches the non-regular path theory (degenerate faces kept as "
                      "never-allowed terms), not the regular one"
                    : "matches the regular path theory (degenerate faces dropped), not the "
                      "non-regular one");
    variant({"laplacian_spectrum", "up_laplacian_spectrum", "down_laplacian_spectrum"},
            [g, o] {
              const ChainComplex exact = path_complex(g, o).chains;
              std::vector<IntegerMatrix> b;
              for (int q = 1; q <= exact.top_degree(); ++q) b.push_back(exact.boundary(q));
              return ChainComplex(exact.dims(), std::move(b), {});
            },
            "matches Laplacians in an un-normalised basis of Ω (integer basis vectors taken as "
            "orthonormal; e.g. the directed square's L_2 = [4], not [2])");
  } else if (c.input_type == InputType::Hypergraph) {
    const bool all = c.options.vertices == "all";
    variant(kStructureKeys,
            [&c, all, top] {
              Case flipped = c;
              flipped.options.vertices = all ? "listed" : "all";
              const Hypergraph h = case_hypergraph(flipped);
              return embedded_complex(h, std::max(top, h.top_degree())).chains;
            },
            all ? "matches vertices counted only when their singleton is a hyperedge "
                  "(vertices \"listed\"), not every vertex"
                : "matches every vertex of a hyperedge counted as a 0-cell (vertices \"all\"): "
                  "the singleton convention flipped");
    variant({"betti"},
            [&c] {
              std::vector<Simplex> s;
              for (const Hyperedge& h : c.hyperedges) s.push_back(h.vertices);
              return chain_complex(SimplicialComplex::from_simplices(s));
            },
            "matches the homology of the closure ΔH (HyperNetX), not the embedded homology");
  }
  // Betti numbers over another field (Ω or Inf over F_2 for Z/2).
  if (!(k.kind == Coefficients::Kind::Zp && k.p == 2) && c.input_type == InputType::Digraph) {
    models.push_back({{"betti"},
                      [&c, top, max_dim](const std::string&) -> std::optional<json> {
                        const Digraph g = case_digraph(c);
                        PathComplexOptions o;
                        o.top = top;
                        o.theory = c.options.path_theory == "non_regular" ? PathTheory::NonRegular
                                                                          : PathTheory::Regular;
                        o.modulus = 2;
                        HomologyOptions h;
                        h.coefficients = Coefficients::prime_field(2);
                        h.max_dim = max_dim;
                        const ChainComplex ch = path_complex(g, o).chains;
                        if (ch.dims().empty()) return std::nullopt;
                        return json(homology(ch, h).betti);
                      },
                      fixed("matches Betti numbers over Z/2, not " + coefficient_words(k))});
  }
  return models;
}

std::vector<Diagnosis> diagnose_by_models(const Case& c, const json& expect, const json& got) {
  if (c.input_type == InputType::Digraph || c.input_type == InputType::Hypergraph) {
    try {
      return run_models(structure_models(c), c, expect, got);
    } catch (const std::exception&) {
      return {};
    }
  }
  if (c.input_type != InputType::SimplicialComplex) return {};
  try {
    const SimplicialComplex k = case_complex(c);
    if (k.total_size() > 20 * kMaxDenseCells) return {};  // far beyond what is diagnosed densely
    return Diagnoser(c, k).run(expect, got);
  } catch (const std::exception&) {
    return {};  // an input the library refuses has nothing to compare against
  }
}

// A wrong answer that equals the library's own is more likely a wrong `expect` than a bug of
// the candidate: say so, and keep such quantities away from the error models (which would
// otherwise "explain" a correct answer by some mistake that happens to give it too).
std::vector<Diagnosis> doubt_expectations(const Case& c, json& expect, const json& got) {
  std::vector<Diagnosis> out;
  json library;
  try {
    library = answer_case(c);
  } catch (const std::exception&) {
    return out;
  }
  // The harness's own comparison (tolerances, bar order, bases up to rotation) both ways.
  const CompareResult against_expect = compare_answer(c, expect, got);
  const CompareResult against_library = compare_answer(c, library, got);
  for (const QuantityResult& e : against_expect.quantities) {
    if (e.status != QuantityStatus::Fail) continue;
    const auto agrees =
        std::find_if(against_library.quantities.begin(), against_library.quantities.end(),
                     [&](const QuantityResult& l) {
                       return l.quantity == e.quantity && l.status == QuantityStatus::Pass;
                     });
    if (agrees == against_library.quantities.end()) continue;
    const std::string key(quantity_name(e.quantity));
    out.push_back(
        {key, "agrees with topospec's own answer: the case's expected value may be wrong"});
    expect.erase(key);
  }
  return out;
}

}  // namespace

std::vector<Diagnosis> diagnose(const Case& c, const nlohmann::json& expect_in,
                                const nlohmann::json& got) {
  if (!expect_in.is_object() || !got.is_object()) return {};
  json expect = expect_in;
  std::vector<Diagnosis> doubts = doubt_expectations(c, expect, got);
  std::vector<Diagnosis> models = diagnose_by_models(c, expect, got);
  doubts.insert(doubts.end(), models.begin(), models.end());
  return doubts;
}

}  // namespace topospec::verify

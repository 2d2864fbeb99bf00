// `topospec plot`: draws an answer of `topospec compute` (barcode, spectral_curves,
// persistent_laplacian_spectrum) as an SVG picture with the library's plot.hpp. main.cpp
// registers the subcommand through add_plot_command() and maps exceptions to exit codes
// (InvalidInput → 2).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "staged_files.hpp"
#include "topospec/topology/barcode.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/plot.hpp"
#include "topospec/verify/case.hpp"

namespace topospec::cli {
namespace {

using nlohmann::json;

constexpr const char* kPlotFooter = R"(KIND is one of
  barcode   the bars of "barcode", one row per bar, coloured by degree; infinite bars end in
            an arrow at the right edge
  diagram   the persistence diagram of "barcode": (birth, death) points per degree, the
            diagonal, infinite bars on the dashed line at the top marked with the infinity sign
  betti     Betti curves beta_q(t): from "spectral_curves" when its entries have "betti",
            otherwise from "barcode" (the number of bars alive at t), as step functions
  lambda    the smallest nonzero eigenvalue lambda_min of L_q(t) from "spectral_curves"
  heatmap   lambda_min of the persistent Laplacian of degree --dim (default: the lowest
            degree present) over the (a, b) grid of "persistent_laplacian_spectrum": the
            smallest eigenvalue with |lambda| > 1e-8 * max(1, max |lambda|) (0 when there is
            none); cells with a > b or without an entry are blank

ANSWER.json is what `topospec compute` prints (or a case file whose "expect" holds the
quantity); - reads it from standard input. --dim q keeps degree q only (barcode, diagram,
betti, lambda) or picks the degree (heatmap). Without -o the SVG goes to standard output.

Examples:
  topospec compute circle.json -o answer.json      # "want": ["barcode", ...]
  topospec plot barcode answer.json -o barcode.svg
  topospec plot diagram answer.json --dim 1 --title "Noisy circle, H1" -o diagram.svg
  topospec plot betti answer.json -o betti.svg
  topospec plot lambda answer.json --title "C20 fullerene" -o lambda.svg
  topospec plot heatmap answer.json --dim 1 -o heatmap.svg
  topospec compute case.json | topospec plot barcode - > barcode.svg
  rsvg-convert -w 1200 barcode.svg -o barcode.png   # a PNG, when one is needed

Exit status: 0 success; 2 bad input (a missing quantity, invalid JSON with file:line:column,
a malformed entry with its JSON pointer); nothing is written on failure.
)";

struct PlotSettings {
  std::string kind;
  std::string answer_path;
  std::string output;
  std::optional<int> dim;
  std::string title;
};

// "file:line:column" of a byte offset (1-based line and column, as editors count).
std::string file_line_column(const std::string& origin, const std::string& text,
                             std::size_t offset) {
  const std::size_t end = std::min(offset == 0 ? 0 : offset - 1, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  return origin + ":" + std::to_string(line) + ":" + std::to_string(end - line_start + 1);
}

struct Answer {
  std::string origin;  // the file name, or <stdin>
  json document;
};

Answer read_answer(const std::string& path) {
  Answer a;
  a.origin = path == "-" ? "<stdin>" : path;
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InvalidInput(path, "cannot open the answer file");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw InvalidInput(path, "read error");
  }
  try {
    a.document = json::parse(text);
  } catch (const json::parse_error& e) {
    throw InvalidInput(file_line_column(a.origin, text, e.byte), verify::parse_error_reason(e));
  } catch (const json::out_of_range& e) {  // a number such as 1e999
    throw InvalidInput(a.origin, verify::parse_error_reason(e));
  }
  if (!a.document.is_object())
    throw InvalidInput(a.origin, "expected a JSON object (what topospec compute prints)");
  return a;
}

// The quantity `key` of the answer, or of its "expect" (a case file); nullptr when absent.
const json* find_quantity(const Answer& a, const std::string& key, std::string& pointer) {
  if (a.document.contains(key)) {
    pointer = "/" + key;
    return &a.document.at(key);
  }
  if (a.document.contains("expect") && a.document.at("expect").is_object() &&
      a.document.at("expect").contains(key)) {
    pointer = "/expect/" + key;
    return &a.document.at("expect").at(key);
  }
  return nullptr;
}

const json& require_quantity(const Answer& a, const std::string& key, std::string& pointer) {
  if (const json* j = find_quantity(a, key, pointer)) return *j;
  throw InvalidInput(a.origin, "no \"" + key + "\" in the answer (compute it with \"want\": [\"" +
                                   key + "\"])");
}

[[noreturn]] void bad(const Answer& a, const std::string& pointer, const std::string& message) {
  throw InvalidInput(a.origin + ": " + pointer, message);
}

double number(const Answer& a, const json& j, const std::string& pointer) {
  if (!j.is_number()) bad(a, pointer, "expected a number, got " + std::string(j.type_name()));
  return j.get<double>();
}

int degree_key(const Answer& a, const std::string& key, const std::string& pointer) {
  std::size_t used = 0;
  int q = -1;
  try {
    q = std::stoi(key, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != key.size() || q < 0 || q > 1000)
    bad(a, pointer, "expected a degree (an integer 0 … 1000) as key, got \"" + key + "\"");
  return q;
}

Barcode parse_barcode(const Answer& a) {
  std::string ptr;
  const json& j = require_quantity(a, "barcode", ptr);
  if (!j.is_object()) bad(a, ptr, "expected {\"q\": [[birth, death|null], …]}");
  Barcode b;
  for (const auto& [key, list] : j.items()) {
    const std::string p = ptr + "/" + key;
    const int q = degree_key(a, key, p);
    if (!list.is_array()) bad(a, p, "expected a list of [birth, death|null]");
    if (b.bars.size() <= static_cast<std::size_t>(q)) b.bars.resize(static_cast<std::size_t>(q) + 1);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& bar = list[i];
      const std::string pi = p + "/" + std::to_string(i);
      if (!bar.is_array() || bar.size() != 2) bad(a, pi, "expected [birth, death|null]");
      Bar x;
      x.birth = number(a, bar[0], pi + "/0");
      x.death = bar[1].is_null() ? std::numeric_limits<double>::infinity()
                                 : number(a, bar[1], pi + "/1");
      b.bars[static_cast<std::size_t>(q)].push_back(x);
    }
  }
  return b;
}

// Keeps only degree `dim` (the others become empty), when given.
void keep_degree(Barcode& b, const std::optional<int>& dim) {
  if (!dim) return;
  for (std::size_t q = 0; q < b.bars.size(); ++q)
    if (static_cast<int>(q) != *dim) b.bars[q].clear();
}

std::string subscript(int q) {
  static const char* const kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  std::string out;
  for (char d : std::to_string(q)) out += kSub[d - '0'];
  return out;
}

struct CurvePoint {
  double value;
  std::vector<double> entries;  // betti or lambda_min, per degree
};

// The "value" and the list `field` of each spectral_curves entry.
std::vector<CurvePoint> parse_spectral_curves(const Answer& a, const std::string& field) {
  std::string ptr;
  const json& j = require_quantity(a, "spectral_curves", ptr);
  if (!j.is_array()) bad(a, ptr, "expected a list of {\"value\", \"betti\", \"lambda_min\"}");
  std::vector<CurvePoint> points;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string p = ptr + "/" + std::to_string(i);
    const json& e = j[i];
    if (!e.is_object()) bad(a, p, "expected {\"value\", \"betti\", \"lambda_min\"}");
    if (!e.contains("value")) bad(a, p, "missing \"value\"");
    if (!e.contains(field)) bad(a, p, "missing \"" + field + "\"");
    CurvePoint c;
    c.value = number(a, e.at("value"), p + "/value");
    const json& list = e.at(field);
    if (!list.is_array()) bad(a, p + "/" + field, "expected a list (one number per degree)");
    for (std::size_t q = 0; q < list.size(); ++q)
      c.entries.push_back(number(a, list[q], p + "/" + field + "/" + std::to_string(q)));
    points.push_back(std::move(c));
  }
  return points;
}

std::vector<Curve> curves_of(const std::vector<CurvePoint>& points, const std::optional<int>& dim,
                             const std::function<std::string(int)>& name) {
  std::size_t degrees = 0;
  for (const CurvePoint& p : points) degrees = std::max(degrees, p.entries.size());
  std::vector<Curve> curves;
  for (std::size_t q = 0; q < degrees; ++q) {
    if (dim && static_cast<int>(q) != *dim) continue;
    Curve c;
    c.name = name(static_cast<int>(q));
    c.step = true;
    for (const CurvePoint& p : points) {
      c.x.push_back(p.value);
      c.y.push_back(q < p.entries.size() ? p.entries[q]
                                         : std::numeric_limits<double>::quiet_NaN());
    }
    curves.push_back(std::move(c));
  }
  return curves;
}

// β_q(t) = #{bars with birth ≤ t < death}, at every birth and finite death.
std::vector<Curve> betti_curves_of(const Barcode& b, const std::optional<int>& dim) {
  std::set<double> events;
  for (const auto& bars : b.bars)
    for (const Bar& bar : bars) {
      if (std::isfinite(bar.birth)) events.insert(bar.birth);
      if (std::isfinite(bar.death)) events.insert(bar.death);
    }
  std::vector<Curve> curves;
  for (std::size_t q = 0; q < b.bars.size(); ++q) {
    if (dim && static_cast<int>(q) != *dim) continue;
    Curve c;
    c.name = "β" + subscript(static_cast<int>(q));
    c.step = true;
    for (double t : events) {
      std::size_t alive = 0;
      for (const Bar& bar : b.bars[q]) alive += bar.birth <= t && t < bar.death;
      c.x.push_back(t);
      c.y.push_back(static_cast<double>(alive));
    }
    curves.push_back(std::move(c));
  }
  return curves;
}

std::string plot_betti(const Answer& a, const PlotSettings& s, PlotLabels labels) {
  labels.y_label = "Betti number";
  std::string ptr;
  const json* sc = find_quantity(a, "spectral_curves", ptr);
  const bool have_betti = sc && sc->is_array() && !sc->empty() && (*sc)[0].is_object() &&
                          (*sc)[0].contains("betti");
  if (have_betti) {
    labels.x_label = "filtration value t";
    return curves_svg(curves_of(parse_spectral_curves(a, "betti"), s.dim,
                                [](int q) { return "β" + subscript(q); }),
                      labels);
  }
  if (!find_quantity(a, "barcode", ptr))
    throw InvalidInput(a.origin,
                       "no \"spectral_curves\" with \"betti\" and no \"barcode\" in the answer "
                       "(compute one of them)");
  labels.x_label = "filtration value t";
  return curves_svg(betti_curves_of(parse_barcode(a), s.dim), labels);
}

// Smallest eigenvalue above the scale-aware zero threshold; 0 when there is none.
double lambda_min(const std::vector<double>& eigenvalues) {
  double scale = 1;
  for (double l : eigenvalues) scale = std::max(scale, std::abs(l));
  const double threshold = 1e-8 * scale;
  double best = std::numeric_limits<double>::infinity();
  for (double l : eigenvalues)
    if (std::abs(l) > threshold) best = std::min(best, l);
  return std::isfinite(best) ? best : 0.0;
}

std::string plot_heatmap(const Answer& a, const PlotSettings& s, PlotLabels labels) {
  std::string ptr;
  const json& j = require_quantity(a, "persistent_laplacian_spectrum", ptr);
  if (!j.is_array()) bad(a, ptr, "expected a list of {\"dim\", \"a\", \"b\", \"eigenvalues\"}");
  struct Entry {
    int dim;
    double a, b, value;
  };
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string p = ptr + "/" + std::to_string(i);
    const json& e = j[i];
    if (!e.is_object()) bad(a, p, "expected {\"dim\", \"a\", \"b\", \"eigenvalues\"}");
    for (const char* k : {"dim", "a", "b", "eigenvalues"})
      if (!e.contains(k)) bad(a, p, std::string("missing \"") + k + "\"");
    if (!e.at("dim").is_number_integer()) bad(a, p + "/dim", "expected an integer degree");
    const json& ev = e.at("eigenvalues");
    if (!ev.is_array()) bad(a, p + "/eigenvalues", "expected a list of numbers");
    std::vector<double> values;
    for (std::size_t k = 0; k < ev.size(); ++k)
      values.push_back(number(a, ev[k], p + "/eigenvalues/" + std::to_string(k)));
    entries.push_back({e.at("dim").get<int>(), number(a, e.at("a"), p + "/a"),
                       number(a, e.at("b"), p + "/b"), lambda_min(values)});
  }
  if (entries.empty()) bad(a, ptr, "no entries to draw");
  int dim = s.dim.value_or(std::min_element(entries.begin(), entries.end(), [](auto& x, auto& y) {
                             return x.dim < y.dim;
                           })->dim);
  std::set<double> as, bs;
  for (const Entry& e : entries)
    if (e.dim == dim) as.insert(e.a), bs.insert(e.b);
  if (as.empty()) bad(a, ptr, "no entry of degree " + std::to_string(dim));
  const std::vector<double> x(as.begin(), as.end()), y(bs.begin(), bs.end());
  Eigen::MatrixXd grid = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(y.size()),
                                                   static_cast<Eigen::Index>(x.size()),
                                                   std::numeric_limits<double>::quiet_NaN());
  for (const Entry& e : entries) {
    if (e.dim != dim || e.a > e.b) continue;
    const auto col = std::lower_bound(x.begin(), x.end(), e.a) - x.begin();
    const auto row = std::lower_bound(y.begin(), y.end(), e.b) - y.begin();
    grid(row, col) = e.value;
  }
  if (labels.title.empty())
    labels.title = "Persistent Laplacian Δ" + subscript(dim) + ": smallest nonzero eigenvalue";
  labels.x_label = "a";
  labels.y_label = "b";
  labels.value_label = "λ_min";
  return heat_map_svg(x, y, grid, labels);
}

std::string render(const PlotSettings& s) {
  const Answer a = read_answer(s.answer_path);
  PlotLabels labels;
  labels.title = s.title;
  const std::string degree = s.dim ? ", H" + subscript(*s.dim) : "";
  if (s.kind == "barcode" || s.kind == "diagram") {
    Barcode b = parse_barcode(a);
    keep_degree(b, s.dim);
    if (s.kind == "barcode") {
      if (labels.title.empty()) labels.title = "Persistence barcode" + degree;
      return barcode_svg(b, labels);
    }
    if (labels.title.empty()) labels.title = "Persistence diagram" + degree;
    return persistence_diagram_svg(b, labels);
  }
  if (s.kind == "betti") {
    if (labels.title.empty()) labels.title = "Betti curves";
    return plot_betti(a, s, labels);
  }
  if (s.kind == "lambda") {
    if (labels.title.empty()) labels.title = "Smallest nonzero eigenvalue of the Hodge Laplacian";
    labels.x_label = "filtration value t";
    labels.y_label = "λ_min";
    return curves_svg(curves_of(parse_spectral_curves(a, "lambda_min"), s.dim,
                                [](int q) { return "λ_min(L" + subscript(q) + ")"; }),
                      labels);
  }
  return plot_heatmap(a, s, labels);
}

int run_plot_command(const PlotSettings& s) {
  const std::string svg = render(s);
  if (s.output.empty() || s.output == "-") {
    std::cout << svg << std::flush;
    if (!std::cout) throw Error("cannot write to standard output");
  } else {
    StagedFiles files;
    files.stage(s.output, svg);
    files.commit();
  }
  return 0;
}

}  // namespace

CLI::App* add_plot_command(CLI::App& app, std::function<int()>& run) {
  auto s = std::make_shared<PlotSettings>();
  CLI::App* cmd = app.add_subcommand(
      "plot", "draw an answer of compute (barcode, diagram, curves, heat map) as SVG");
  cmd->add_option("kind", s->kind, "what to draw")
      ->required()
      ->check(CLI::IsMember({"barcode", "diagram", "betti", "lambda", "heatmap"}))
      ->type_name("KIND");
  cmd->add_option("answer", s->answer_path, "answer of topospec compute (JSON), or - for stdin")
      ->required()
      ->type_name("ANSWER.json|-");
  cmd->add_option("-o,--output", s->output, "write the SVG to FILE instead of stdout")
      ->type_name("OUT.svg");
  cmd->add_option("--dim", s->dim, "degree q only (heatmap: the degree to draw)")
      ->type_name("Q")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--title", s->title, "title of the picture (default: what it shows)")
      ->type_name("T");
  cmd->footer(kPlotFooter);
  run = [s] { return run_plot_command(*s); };
  return cmd;
}

}  // namespace topospec::cli

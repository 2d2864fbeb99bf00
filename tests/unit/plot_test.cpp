// SVG pictures (plot.hpp): well-formed documents with one element per bar, point, curve and
// cell, escaped text, and graceful handling of empty, constant, tiny, huge and infinite input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include "topospec/topology/plot.hpp"

namespace topospec {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Checks that `svg` is a well-formed XML document as far as a picture needs: one root <svg>,
// every tag closed in order, attribute values quoted, no raw '&' or '<' in text or attribute
// values, every entity one of the five XML ones (or a character reference). Returns "" or what
// is wrong.
std::string xml_problem(const std::string& svg) {
  std::vector<std::string> open;
  std::size_t i = 0;
  bool root_seen = false;
  auto check_text = [](const std::string& t) -> std::string {
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '<') return "raw '<' in text";
      if (t[k] == '&') {
        static const std::regex entity("^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");
        if (!std::regex_search(t.substr(k, 12), entity)) return "bad entity near " + t.substr(k, 12);
      }
      const auto u = static_cast<unsigned char>(t[k]);
      if (u < 0x20 && t[k] != '\n' && t[k] != '\t' && t[k] != '\r') return "control character";
    }
    return "";
  };
  while (i < svg.size()) {
    const std::size_t lt = svg.find('<', i);
    const std::string text = svg.substr(i, (lt == std::string::npos ? svg.size() : lt) - i);
    if (std::string p = check_text(text); !p.empty()) return p;
    if (lt == std::string::npos) break;
    if (svg.compare(lt, 5, "<?xml") == 0) {
      if (lt != 0) return "XML declaration not at the start";
      i = svg.find("?>", lt) + 2;
      continue;
    }
    // a tag: scan to its '>' honouring quoted attribute values
    std::size_t k = lt + 1;
    char quote = 0;
    for (; k < svg.size(); ++k) {
      if (quote) {
        if (svg[k] == quote) quote = 0;
        else if (svg[k] == '<') return "'<' inside an attribute value";
      } else if (svg[k] == '"' || svg[k] == '\'') {
        quote = svg[k];
      } else if (svg[k] == '>') {
        break;
      }
    }
    if (k >= svg.size()) return "unterminated tag";
    std::string tag = svg.substr(lt + 1, k - lt - 1);
    i = k + 1;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '/') {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name)
        return "closing </" + name + "> does not match <" + (open.empty() ? "" : open.back()) + ">";
      open.pop_back();
      continue;
    }
    const bool self_closing = tag.back() == '/';
    if (self_closing) tag.pop_back();
    static const std::regex element(
        R"(^([A-Za-z][A-Za-z0-9:_-]*)(\s+[A-Za-z][A-Za-z0-9:_-]*="[^"]*")*\s*$)");
    std::smatch m;
    if (!std::regex_match(tag, m, element)) return "malformed tag <" + tag.substr(0, 60) + ">";
    // attribute values are valid text, and no attribute appears twice
    static const std::regex attribute(R"re(\s([A-Za-z][A-Za-z0-9:_-]*)="([^"]*)")re");
    std::vector<std::string> names;
    for (auto it = std::sregex_iterator(tag.begin(), tag.end(), attribute); it != std::sregex_iterator(); ++it) {
      if (std::string p = check_text((*it)[2].str()); !p.empty()) return p;
      if (std::find(names.begin(), names.end(), (*it)[1].str()) != names.end())
        return "attribute " + (*it)[1].str() + " twice in <" + tag.substr(0, 40) + ">";
      names.push_back((*it)[1].str());
    }
    if (open.empty()) {
      if (root_seen) return "second root element";
      if (m[1] != "svg") return "root is not <svg>";
      root_seen = true;
    }
    if (!self_closing) open.push_back(m[1]);
  }
  if (!open.empty()) return "<" + open.back() + "> not closed";
  if (!root_seen) return "no root element";
  return "";
}

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

// Elements <name ...> whose class list contains `cls`.
std::size_t count_elements(const std::string& svg, const std::string& name, const std::string& cls) {
  const std::regex re("<" + name + R"re(\s[^>]*class="([^"]*)")re");
  std::size_t n = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it) {
    const std::string classes = " " + (*it)[1].str() + " ";
    if (classes.find(" " + cls + " ") != std::string::npos) ++n;
  }
  return n;
}

Barcode sample_barcode() {
  Barcode b;
  b.bars = {{{0, 0.5}, {0, 1.25}, {0, kInf}}, {{0.75, 2.0}, {1.0, kInf}}};
  return b;
}

TEST(PlotXmlChecker, RejectsBrokenDocuments) {
  // the checker itself must be able to fail
  EXPECT_EQ(xml_problem("<svg><g></g></svg>"), "");
  EXPECT_NE(xml_problem("<svg><g></svg>"), "");
  EXPECT_NE(xml_problem("<svg><text>a < b</text></svg>"), "");
  EXPECT_NE(xml_problem("<svg><text>R&D</text></svg>"), "");
  EXPECT_NE(xml_problem("<svg x=\"1\"/><svg/>"), "");
  EXPECT_NE(xml_problem("<svg width=1/>"), "");
  EXPECT_NE(xml_problem("<svg fill=\"a\" fill=\"b\"/>"), "");
}

TEST(PlotBarcode, OneLinePerBarAndArrowsForInfiniteBars) {
  const std::string svg = barcode_svg(sample_barcode(), {"Two degrees", "t", "", ""});
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count_elements(svg, "line", "bar"), 5u);
  EXPECT_EQ(count_elements(svg, "line", "infinite"), 2u);
  EXPECT_EQ(count_elements(svg, "polygon", "arrow"), 2u);
  EXPECT_NE(svg.find("H₀ (3 bars)"), std::string::npos);  // legend
  EXPECT_NE(svg.find("H₁ (2 bars)"), std::string::npos);
  EXPECT_NE(svg.find(">∞<"), std::string::npos);
  EXPECT_NE(svg.find("<title>Two degrees</title>"), std::string::npos);
  // infinite bars reach further right than any finite one
  const std::regex x2(R"re(<line x1="[^"]*" y1="[^"]*" x2="([^"]*)"[^>]*class="bar( infinite)?")re");
  double finite_max = 0, infinite_min = 1e9;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), x2); it != std::sregex_iterator(); ++it) {
    const double x = std::stod((*it)[1].str());
    if ((*it)[2].matched) infinite_min = std::min(infinite_min, x);
    else finite_max = std::max(finite_max, x);
  }
  EXPECT_GT(infinite_min, finite_max);
  // colour per degree: two distinct bar colours
  EXPECT_NE(svg.find("stroke=\"#1f77b4\" stroke-width"), std::string::npos);
  EXPECT_NE(svg.find("stroke=\"#ff7f0e\" stroke-width"), std::string::npos);
}

TEST(PlotBarcode, EmptyAndDegenerateInputs) {
  for (const Barcode& b : {Barcode{}, Barcode{{{}, {}}}}) {
    const std::string svg = barcode_svg(b);
    EXPECT_EQ(xml_problem(svg), "");
    EXPECT_EQ(count_elements(svg, "line", "bar"), 0u);
    EXPECT_NE(svg.find("no bars"), std::string::npos);
  }
  // only infinite bars born at one value; a single finite bar; NaN is skipped
  Barcode b;
  b.bars = {{{0, kInf}, {0, kInf}}, {{2, 2.0000001}}, {{kNaN, 1}}};
  const std::string svg = barcode_svg(b);
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count_elements(svg, "line", "bar"), 3u);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf\""), std::string::npos);
}

TEST(PlotBarcode, HugeAndTinyRangesGiveReadableTicks) {
  Barcode tiny;
  tiny.bars = {{{1e-12, 3e-12}, {2e-12, 2.5e-12}}};
  const std::string a = barcode_svg(tiny);
  EXPECT_EQ(xml_problem(a), "");
  EXPECT_NE(a.find(">1e-12<"), std::string::npos) << a;
  Barcode huge;
  huge.bars = {{{0, 4e9}, {1e9, kInf}}};
  const std::string b = barcode_svg(huge);
  EXPECT_EQ(xml_problem(b), "");
  EXPECT_NE(b.find(">4e9<"), std::string::npos) << b;
  // an ordinary range: 1-2-5 steps, labels 0, 0.5, 1.0, 1.5, 2.0
  const std::string c = barcode_svg(sample_barcode());
  for (const char* label : {">0<", ">0.5<", ">1.0<", ">1.5<", ">2.0<"})
    EXPECT_NE(c.find(label), std::string::npos) << label;
  EXPECT_EQ(c.find(">0.25<"), std::string::npos);
  // many bars stay inside the picture
  Barcode many;
  for (int i = 0; i < 1000; ++i) many.bars.resize(1), many.bars[0].push_back({i * 0.001, i * 0.002 + 1});
  const std::string d = barcode_svg(many);
  EXPECT_EQ(xml_problem(d), "");
  EXPECT_EQ(count_elements(d, "line", "bar"), 1000u);
}

TEST(PlotText, IsEscaped) {
  PlotLabels labels{"a < b & \"c\" > 'd'", "x <1>", "y & z", "v & w"};
  const std::string svg = barcode_svg(sample_barcode(), labels);
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_NE(svg.find("a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;"), std::string::npos);
  EXPECT_NE(svg.find("x &lt;1&gt;"), std::string::npos);
  Curve c{"β<sub> & \x01", {0, 1}, {1, 2}, true};
  const std::string curves = curves_svg({c}, labels);
  EXPECT_EQ(xml_problem(curves), "");
  EXPECT_NE(curves.find("β&lt;sub&gt; &amp; "), std::string::npos);
  const std::string heat = heat_map_svg({0}, {0}, Eigen::MatrixXd::Constant(1, 1, 1.0), labels);
  EXPECT_EQ(xml_problem(heat), "");
  EXPECT_EQ(xml_problem(persistence_diagram_svg(sample_barcode(), labels)), "");
}

TEST(PlotDiagram, PointsDiagonalAndInfinityLine) {
  const std::string svg = persistence_diagram_svg(sample_barcode(), {"PD", "", "", ""});
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count_elements(svg, "circle", "point"), 5u);
  EXPECT_EQ(count_elements(svg, "circle", "infinite"), 2u);
  EXPECT_EQ(count_elements(svg, "line", "diagonal"), 1u);
  EXPECT_EQ(count_elements(svg, "line", "infinity-line"), 1u);
  EXPECT_NE(svg.find(">∞<"), std::string::npos);
  // infinite points all lie on one line, above every finite point (smaller y in SVG)
  const std::regex cy(R"re(<circle class="point( infinite)?" cx="[^"]*" cy="([^"]*)")re");
  double finite_min_y = 1e9;
  std::vector<double> inf_y;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), cy); it != std::sregex_iterator(); ++it) {
    const double y = std::stod((*it)[2].str());
    if ((*it)[1].matched) inf_y.push_back(y);
    else finite_min_y = std::min(finite_min_y, y);
  }
  ASSERT_EQ(inf_y.size(), 2u);
  EXPECT_EQ(inf_y[0], inf_y[1]);
  EXPECT_LT(inf_y[0], finite_min_y);

  const std::string empty = persistence_diagram_svg(Barcode{});
  EXPECT_EQ(xml_problem(empty), "");
  EXPECT_EQ(count_elements(empty, "circle", "point"), 0u);
  EXPECT_EQ(count_elements(empty, "line", "infinity-line"), 0u);
}

TEST(PlotCurves, OnePathPerCurveWithLegend) {
  Curve b0{"β₀", {0, 0.73, 1.18}, {20, 1, 1}, true};
  Curve b1{"β₁", {0, 0.73, 1.18}, {0, 11, 0}, true};
  Curve l{"λ", {0, 1, 2}, {0.5, kNaN, 2}, false};
  const std::string svg = curves_svg({b0, b1, l}, {"Curves", "t", "value", ""});
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count_elements(svg, "path", "curve"), 3u);
  EXPECT_NE(svg.find(">β₀<"), std::string::npos);
  EXPECT_NE(svg.find(">β₁<"), std::string::npos);
  // a step curve uses horizontal/vertical moves; a line curve joins points
  const std::regex d(R"re(<path class="curve" d="([^"]*)")re");
  std::vector<std::string> paths;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), d); it != std::sregex_iterator(); ++it)
    paths.push_back((*it)[1].str());
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_NE(paths[0].find('H'), std::string::npos);
  EXPECT_NE(paths[0].find('V'), std::string::npos);
  EXPECT_EQ(count(paths[2], "M"), 2u);  // NaN breaks the line into two pieces
  // integer data: integer ticks only
  EXPECT_EQ(svg.find(">2.5<"), std::string::npos);

  for (const std::vector<Curve>& cs :
       {std::vector<Curve>{}, std::vector<Curve>{Curve{"", {}, {}, true}},
        std::vector<Curve>{Curve{"one", {1}, {3}, true}}, std::vector<Curve>{Curve{"inf", {0, kInf}, {kInf, 1}, false}}}) {
    const std::string s = curves_svg(cs);
    EXPECT_EQ(xml_problem(s), "");
    EXPECT_EQ(count_elements(s, "path", "curve"), cs.size());
    EXPECT_EQ(s.find("nan"), std::string::npos);
  }
}

TEST(PlotHeatMap, OneRectPerCellNaNLeftBlank) {
  const std::vector<double> a = {0, 1, 2}, b = {0, 1, 2};
  Eigen::MatrixXd v(3, 3);
  // rows are b, columns a; a > b is NaN
  v << 0.5, kNaN, kNaN,  //
      1.0, 2.0, kNaN,    //
      1.5, 2.5, 3.0;
  const std::string svg = heat_map_svg(a, b, v, {"λ", "a", "b", "λ_min"});
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count_elements(svg, "rect", "cell"), 6u);
  EXPECT_EQ(count_elements(svg, "rect", "colour-bar"), 1u);
  EXPECT_NE(svg.find("<linearGradient"), std::string::npos);
  // smallest value darkest purple end of viridis, largest the yellow end
  EXPECT_NE(svg.find("fill=\"#440154\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#fde725\""), std::string::npos);
  // colour-bar ticks from 0.5 to 3
  EXPECT_NE(svg.find(">0.5<"), std::string::npos);
  EXPECT_NE(svg.find(">3.0<"), std::string::npos);

  // empty, all-NaN, constant, single cell, infinite cells
  EXPECT_EQ(count_elements(heat_map_svg({}, {}, Eigen::MatrixXd()), "rect", "cell"), 0u);
  EXPECT_EQ(xml_problem(heat_map_svg({}, {}, Eigen::MatrixXd())), "");
  const std::string nan = heat_map_svg({0, 1}, {0}, Eigen::MatrixXd::Constant(1, 2, kNaN));
  EXPECT_EQ(xml_problem(nan), "");
  EXPECT_EQ(count_elements(nan, "rect", "cell"), 0u);
  EXPECT_NE(nan.find("no data"), std::string::npos);
  const std::string one = heat_map_svg({7}, {7}, Eigen::MatrixXd::Constant(1, 1, 4.0));
  EXPECT_EQ(xml_problem(one), "");
  EXPECT_EQ(count_elements(one, "rect", "cell"), 1u);
  Eigen::MatrixXd w(1, 2);
  w << kInf, 1;
  const std::string inf = heat_map_svg({0, 1}, {0}, w);
  EXPECT_EQ(xml_problem(inf), "");
  EXPECT_EQ(count_elements(inf, "rect", "cell"), 2u);
  EXPECT_EQ(inf.find("nan"), std::string::npos);
  // a large grid: cells stay countable, labels are thinned
  Eigen::MatrixXd big = Eigen::MatrixXd::Random(50, 40);
  std::vector<double> xs(40), ys(50);
  for (int i = 0; i < 40; ++i) xs[i] = i * 0.01;
  for (int i = 0; i < 50; ++i) ys[i] = i * 0.01;
  const std::string large = heat_map_svg(xs, ys, big);
  EXPECT_EQ(xml_problem(large), "");
  // x labels thinned: fewer tick labels below the grid than columns
  EXPECT_LT(count(large, "text-anchor=\"middle\""), 40u);
  EXPECT_EQ(count_elements(large, "rect", "cell"), 2000u);
}

}  // namespace
}  // namespace topospec

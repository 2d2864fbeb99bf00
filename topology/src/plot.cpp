// SVG pictures of persistence results, written by hand (no plotting library).
//
// Every picture is one self-contained SVG document: a white background, a plot area with axes
// and "nice" ticks (steps 1, 2 or 5 × 10^k), the data, a legend, and the title and axis labels,
// all text escaped for XML. The data elements carry a class, so that a program (or a test) can
// find them: `bar` (one <line> per bar; infinite ones also `infinite`, each with an `arrow`
// <polygon>), `point` (one <circle> per finite diagram point), `point infinite` (one <circle>
// per infinite bar, on the ∞ line), `curve` (one <path> per curve), `cell` (one <rect> per
// non-NaN heat-map cell). Inputs may be empty, constant, tiny or huge in range, or contain
// infinities and NaN: the picture then says so or leaves those out, never fails.
#include "topospec/topology/plot.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace topospec {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr const char* kFont = "DejaVu Sans, Helvetica, Arial, sans-serif";
constexpr const char* kTextColour = "#222222";
constexpr const char* kAxisColour = "#444444";
constexpr const char* kGridColour = "#e6e6e6";

// ---------------------------------------------------------------------------------------------
// Text

// Escapes the five XML specials and drops characters that XML 1.0 does not allow (controls
// other than tab, newline and carriage return).
std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;
        out += ch;
    }
  }
  return out;
}

// Coordinates: two decimals are plenty at screen resolution.
std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  // trim trailing zeros ("12.50" → "12.5", "3.00" → "3")
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

// Rough width of `s` in pixels at font size `size` (DejaVu Sans averages ~0.6 em per glyph);
// counts UTF-8 code points, not bytes.
double text_width(std::string_view s, double size) {
  std::size_t glyphs = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++glyphs;
  return 0.6 * size * static_cast<double>(glyphs);
}

// A tick label: fixed decimals as the step needs them, or scientific notation for very large
// or very small magnitudes.
std::string tick_label(double v, double step) {
  if (std::abs(v) < step * 1e-9) v = 0;
  if (v == 0) return "0";
  const double mag = std::max(std::abs(v), step);
  char buf[48];
  if (mag >= 1e6 || step < 1e-4) {
    // significant digits enough to tell neighbouring ticks apart
    const int digits = std::clamp(
        static_cast<int>(std::floor(std::log10(mag)) - std::floor(std::log10(step))) + 1, 1, 15);
    std::snprintf(buf, sizeof buf, "%.*e", digits - 1, v);
    // "2.50e+06" → "2.5e6"
    std::string s = buf;
    const auto e = s.find('e');
    std::string mant = s.substr(0, e), ex = s.substr(e + 1);
    if (mant.find('.') != std::string::npos) {
      while (mant.back() == '0') mant.pop_back();
      if (mant.back() == '.') mant.pop_back();
    }
    const bool neg = ex[0] == '-';
    ex = ex.substr(1);
    while (ex.size() > 1 && ex[0] == '0') ex.erase(0, 1);
    return mant + "e" + (neg ? "-" : "") + ex;
  }
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find_first_not_of("-0.") == std::string::npos) s = "0";
  return s;
}

// A value inside a cell or a legend: 3–4 significant digits.
std::string short_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  std::string s = buf;
  if (s == "-0") s = "0";
  return s;
}

// "H₀", "H₁₂": homology degree q with Unicode subscript digits.
std::string degree_name(int q) {
  static constexpr std::array<const char*, 10> kSub = {"₀", "₁", "₂", "₃", "₄",
                                                       "₅", "₆", "₇", "₈", "₉"};
  std::string digits = std::to_string(q), out = "H";
  for (char d : digits) out += kSub[static_cast<std::size_t>(d - '0')];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Colours

// Categorical colours per degree (Tableau 10).
const char* degree_colour(std::size_t q) {
  static constexpr std::array<const char*, 10> kColours = {
      "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
      "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  return kColours[q % kColours.size()];
}

struct Rgb {
  double r, g, b;
};

std::string hex(const Rgb& c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

// Viridis (perceptually uniform, colour-blind safe), t ∈ [0, 1]: linear interpolation between
// nine samples of the matplotlib map.
Rgb viridis(double t) {
  static constexpr std::array<Rgb, 9> kStops = {{{0x44, 0x01, 0x54},
                                                 {0x47, 0x2c, 0x7a},
                                                 {0x3b, 0x51, 0x8b},
                                                 {0x2c, 0x71, 0x8e},
                                                 {0x21, 0x90, 0x8d},
                                                 {0x27, 0xad, 0x81},
                                                 {0x5c, 0xc8, 0x63},
                                                 {0xaa, 0xdc, 0x32},
                                                 {0xfd, 0xe7, 0x25}}};
  if (!std::isfinite(t)) t = t > 0 ? 1 : 0;
  t = std::clamp(t, 0.0, 1.0) * (kStops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(t), kStops.size() - 2);
  const double f = t - static_cast<double>(i);
  const Rgb& a = kStops[i];
  const Rgb& b = kStops[i + 1];
  return {(a.r + f * (b.r - a.r)) / 255, (a.g + f * (b.g - a.g)) / 255,
          (a.b + f * (b.b - a.b)) / 255};
}

// Relative luminance, to pick black or white text over a colour.
double luminance(const Rgb& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

// ---------------------------------------------------------------------------------------------
// Scales and ticks

struct Range {
  double lo = 0, hi = 1;
};

// The finite range of `values`, widened when empty or (nearly) constant; never crosses below 0
// when every value is ≥ 0 and `keep_nonnegative`.
Range data_range(const std::vector<double>& values, bool keep_nonnegative = true) {
  double lo = kInf, hi = -kInf;
  for (double v : values)
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (lo > hi) return {0, 1};
  const bool nonneg = lo >= 0;
  const double scale = std::max(std::abs(lo), std::abs(hi));
  if (!std::isfinite(hi - lo)) return {lo, hi};  // too wide to subtract: drawn as is
  if (!(hi - lo > scale * 1e-12)) {
    const double pad = scale > 0 ? scale * 0.5 : 1;
    lo -= pad, hi += pad;
  }
  if (keep_nonnegative && nonneg && lo < 0) lo = 0;
  return {lo, hi};
}

struct Ticks {
  Range axis;                 // the range the axis shows (the data range, rounded outwards)
  std::vector<double> values;
  double step = 1;
};

// About `target` ticks with steps 1, 2 or 5 × 10^k covering `r`; with `integers`, no step below
// 1 (Betti numbers).
Ticks nice_ticks(Range r, int target = 6, bool integers = false) {
  Ticks t;
  double span = r.hi - r.lo;
  if (!std::isfinite(span) || span <= 0) span = std::max(std::abs(r.hi), 1.0);
  const double raw = span / std::max(target - 1, 1);
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * p;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= raw * 0.999) {
      step = m * p;
      break;
    }
  if (integers) step = std::max(step, 1.0), step = std::round(step);
  if (!std::isfinite(step) || step <= 0) step = 1;
  t.step = step;
  const double first = std::floor(r.lo / step + 1e-9);
  const double last = std::ceil(r.hi / step - 1e-9);
  t.axis = {first * step, last * step};
  if (!(t.axis.hi > t.axis.lo)) t.axis.hi = t.axis.lo + step;
  const double count = last - first;
  if (!std::isfinite(count) || count > 1000) {  // absurd ranges: just the two ends
    t.values = {t.axis.lo, t.axis.hi};
    return t;
  }
  for (double k = first; k <= last + 1e-9; k += 1) t.values.push_back(k * step);
  return t;
}

// Maps data values linearly onto pixels.
struct Scale {
  Range data;
  double p0, p1;  // pixel of data.lo, pixel of data.hi
  double operator()(double v) const {
    const double span = data.hi - data.lo;
    const double f = span > 0 ? (v - data.lo) / span : 0.5;
    return p0 + std::clamp(f, -0.05, 1.05) * (p1 - p0);
  }
};

// ---------------------------------------------------------------------------------------------
// The document

constexpr double kTitleSize = 16;

// A bold title is about 10% wider than regular text.
double title_width(const std::string& title) { return 1.1 * text_width(title, kTitleSize); }

class Svg {
 public:
  // The picture is widened when the title needs more room than the layout gives it.
  Svg(double width, double height, const std::string& title)
      : width_(std::max(width, title_width(title) + 40)), height_(height) {
    width = width_;
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" +
            num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
            "\" font-family=\"" + kFont + "\" font-size=\"12\">\n";
    if (!title.empty()) out_ += "<title>" + xml_escape(title) + "</title>\n";
    out_ += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" +
            num(height) + "\" fill=\"#ffffff\"/>\n";
  }

  double width() const { return width_; }
  double height() const { return height_; }

  void raw(const std::string& s) { out_ += s; }

  void line(double x1, double y1, double x2, double y2, const std::string& stroke, double w,
            const std::string& extra = "") {
    out_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
            num(y2) + "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(w) + "\"" + extra +
            "/>\n";
  }

  void rect(double x, double y, double w, double h, const std::string& fill,
            const std::string& extra = "") {
    out_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(w, 0.0)) +
            "\" height=\"" + num(std::max(h, 0.0)) + "\" fill=\"" + fill + "\"" + extra + "/>\n";
  }

  // anchor: start | middle | end
  void text(double x, double y, const std::string& s, double size = 12,
            const char* anchor = "start", const std::string& extra = "") {
    out_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(size) +
            "\" text-anchor=\"" + anchor + "\"" +
            (extra.find(" fill=") == std::string::npos ? std::string(" fill=\"") + kTextColour + "\""
                                                       : std::string()) +
            extra + ">" +
            xml_escape(s) + "</text>\n";
  }

  std::string finish() {
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  double width_, height_;
  std::string out_;
};

// Layout of a picture with one rectangular plot area.
struct Frame {
  double left, top, width, height;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
};

constexpr double kLabelSize = 13;
constexpr double kTickSize = 11;

void draw_title(Svg& svg, const std::string& title) {
  if (!title.empty())
    svg.text(svg.width() / 2, 28, title, kTitleSize, "middle", " font-weight=\"bold\"");
}

// Horizontal axis at the bottom of `f` with tick labels and gridlines.
void x_axis(Svg& svg, const Frame& f, const Scale& sx, const Ticks& t, const std::string& label,
            bool grid = true) {
  for (double v : t.values) {
    const double x = sx(v);
    if (grid) svg.line(x, f.top, x, f.bottom(), kGridColour, 1);
    svg.line(x, f.bottom(), x, f.bottom() + 5, kAxisColour, 1);
    svg.text(x, f.bottom() + 19, tick_label(v, t.step), kTickSize, "middle");
  }
  svg.line(f.left, f.bottom(), f.right(), f.bottom(), kAxisColour, 1);
  if (!label.empty()) svg.text(f.left + f.width / 2, f.bottom() + 42, label, kLabelSize, "middle");
}

// Vertical axis at the left of `f`; returns the widest tick label.
double y_axis(Svg& svg, const Frame& f, const Scale& sy, const Ticks& t, bool grid = true) {
  double widest = 0;
  for (double v : t.values) {
    const double y = sy(v);
    if (grid) svg.line(f.left, y, f.right(), y, kGridColour, 1);
    svg.line(f.left - 5, y, f.left, y, kAxisColour, 1);
    const std::string s = tick_label(v, t.step);
    widest = std::max(widest, text_width(s, kTickSize));
    svg.text(f.left - 8, y + 4, s, kTickSize, "end");
  }
  svg.line(f.left, f.top, f.left, f.bottom(), kAxisColour, 1);
  return widest;
}

void y_label(Svg& svg, const Frame& f, double x, const std::string& label) {
  if (label.empty()) return;
  const double y = f.top + f.height / 2;
  svg.text(x, y, label, kLabelSize, "middle",
           " transform=\"rotate(-90 " + num(x) + " " + num(y) + ")\"");
}

// Widest tick label of a set of ticks (to size the left margin before drawing).
double widest_tick(const Ticks& t) {
  double w = 0;
  for (double v : t.values) w = std::max(w, text_width(tick_label(v, t.step), kTickSize));
  return w;
}

struct LegendEntry {
  std::string label;
  std::string colour;
  enum Kind { Swatch, Dot, Line, Arrow } kind = Swatch;
};

double legend_width(const std::vector<LegendEntry>& entries) {
  double w = 0;
  for (const LegendEntry& e : entries) w = std::max(w, text_width(e.label, 12));
  return entries.empty() ? 0 : w + 44;
}

// A legend box whose top-left corner is (x, y).
void draw_legend(Svg& svg, double x, double y, const std::vector<LegendEntry>& entries) {
  if (entries.empty()) return;
  const double w = legend_width(entries);
  const double h = 10 + 20 * static_cast<double>(entries.size());
  svg.rect(x, y, w, h, "#ffffff", " class=\"legend\" stroke=\"#cccccc\" stroke-width=\"1\"");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    const double cy = y + 15 + 20 * static_cast<double>(i);
    switch (e.kind) {
      case LegendEntry::Swatch: svg.rect(x + 10, cy - 5, 18, 10, e.colour); break;
      case LegendEntry::Dot:
        svg.raw("<circle cx=\"" + num(x + 19) + "\" cy=\"" + num(cy) + "\" r=\"4\" fill=\"" +
                e.colour + "\"/>\n");
        break;
      case LegendEntry::Line: svg.line(x + 8, cy, x + 30, cy, e.colour, 2.5); break;
      case LegendEntry::Arrow:
        svg.line(x + 8, cy, x + 23, cy, e.colour, 2.5);
        svg.raw("<polygon points=\"" + num(x + 23) + "," + num(cy - 4.5) + " " + num(x + 31) + "," +
                num(cy) + " " + num(x + 23) + "," + num(cy + 4.5) + "\" fill=\"" + e.colour +
                "\"/>\n");
        break;
    }
    svg.text(x + 36, cy + 4, e.label, 12);
  }
}

void no_data(Svg& svg, const Frame& f, const std::string& what) {
  svg.text(f.left + f.width / 2, f.top + f.height / 2, what, kLabelSize, "middle",
           " class=\"empty\" fill-opacity=\"0.7\"");
}

std::string bar_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " bar" : " bars");
}

// All finite births and deaths.
std::vector<double> finite_values(const Barcode& barcode) {
  std::vector<double> v;
  for (const auto& bars : barcode.bars)
    for (const Bar& b : bars) {
      if (std::isfinite(b.birth)) v.push_back(b.birth);
      if (std::isfinite(b.death)) v.push_back(b.death);
    }
  return v;
}

std::string or_default(const std::string& s, const char* fallback) {
  return s.empty() ? fallback : s;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string barcode_svg(const Barcode& barcode, const PlotLabels& labels) {
  // Degrees that have bars, each sorted by (birth, death) for a tidy picture.
  std::vector<std::pair<int, std::vector<Bar>>> groups;
  std::size_t total = 0;
  bool any_infinite = false;
  for (std::size_t q = 0; q < barcode.bars.size(); ++q) {
    std::vector<Bar> bars;
    for (const Bar& b : barcode.bars[q])
      if (!std::isnan(b.birth) && !std::isnan(b.death)) bars.push_back(b);
    if (bars.empty()) continue;
    std::sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
      return a.birth != b.birth ? a.birth < b.birth : a.death < b.death;
    });
    for (const Bar& b : bars) any_infinite = any_infinite || !std::isfinite(b.death);
    total += bars.size();
    groups.emplace_back(static_cast<int>(q), std::move(bars));
  }

  std::vector<LegendEntry> legend;
  for (const auto& [q, bars] : groups)
    legend.push_back({degree_name(q) + " (" + bar_count(bars.size()) + ")", degree_colour(q)});
  if (any_infinite) legend.push_back({"infinite bar", kAxisColour, LegendEntry::Arrow});

  const double gap = 10;  // between degree groups
  const double plot_h = std::clamp(10.0 * static_cast<double>(total) +
                                       gap * static_cast<double>(groups.size()),
                                   180.0, 640.0);
  const double legend_w = legend_width(legend);
  const double left = 70, top = labels.title.empty() ? 24 : 48;
  const double overflow = any_infinite ? 46 : 0;  // strip right of the axis for infinite bars
  const double plot_w = 560;
  Frame f{left, top, plot_w, plot_h};
  const double width = left + plot_w + overflow + (legend_w > 0 ? legend_w + 30 : 20);
  const double height = top + plot_h + 62;
  Svg svg(width, height, labels.title);
  draw_title(svg, labels.title);

  const Ticks xt = nice_ticks(data_range(finite_values(barcode)));
  const Scale sx{xt.axis, f.left, f.right()};
  x_axis(svg, f, sx, xt, or_default(labels.x_label, "filtration value"));
  y_label(svg, f, 18, labels.y_label);

  if (total == 0) {
    no_data(svg, f, "no bars");
  } else {
    const double pitch =
        (plot_h - gap * static_cast<double>(groups.size() + 1)) / static_cast<double>(total);
    const double stroke = std::clamp(pitch * 0.62, 0.6, 7.0);
    const double right_edge = f.right() + overflow - 10;
    double y = f.top + gap;
    for (const auto& [q, bars] : groups) {
      const std::string colour = degree_colour(static_cast<std::size_t>(q));
      const double group_top = y;
      for (const Bar& b : bars) {
        const double cy = y + pitch / 2;
        const bool inf = !std::isfinite(b.death) && b.death > 0;
        const double x0 = std::isfinite(b.birth) ? sx(b.birth) : f.left;
        double x1 = inf ? right_edge : sx(b.death);
        if (x1 - x0 < 1) x1 = x0 + 1;  // a very short bar stays visible
        svg.line(x0, cy, x1, cy, colour, stroke,
                 inf ? " class=\"bar infinite\"" : " class=\"bar\" stroke-linecap=\"butt\"");
        if (inf) {
          const double ah = std::clamp(stroke * 1.1, 3.0, 7.0);  // arrow half-height
          svg.raw("<polygon class=\"arrow\" points=\"" + num(x1) + "," + num(cy - ah) + " " +
                  num(x1 + 2 * ah) + "," + num(cy) + " " + num(x1) + "," + num(cy + ah) +
                  "\" fill=\"" + colour + "\"/>\n");
        }
        y += pitch;
      }
      // the degree's name at the left, and a separator below the group
      svg.text(f.left - 8, (group_top + y) / 2 + 4, degree_name(q), kLabelSize, "end",
               " fill=\"" + colour + "\"");
      y += gap;
      if (&bars != &groups.back().second)
        svg.line(f.left, y - gap / 2, f.right() + overflow, y - gap / 2, "#cccccc", 1,
                 " stroke-dasharray=\"3 3\"");
    }
  }
  if (any_infinite) {
    svg.text(f.right() + overflow - 4, f.bottom() + 19, "∞", kLabelSize + 1, "middle");
  }
  draw_legend(svg, f.right() + overflow + 20, f.top, legend);
  return svg.finish();
}

std::string persistence_diagram_svg(const Barcode& barcode, const PlotLabels& labels) {
  std::size_t points = 0, infinite = 0;
  std::vector<LegendEntry> legend;
  for (std::size_t q = 0; q < barcode.bars.size(); ++q) {
    std::size_t n = 0;
    for (const Bar& b : barcode.bars[q])
      if (!std::isnan(b.birth) && !std::isnan(b.death) && std::isfinite(b.birth)) {
        ++n;
        if (std::isfinite(b.death)) ++points; else ++infinite;
      }
    if (n > 0)
      legend.push_back({degree_name(static_cast<int>(q)) + " (" + std::to_string(n) + ")",
                        degree_colour(q), LegendEntry::Dot});
  }

  const Ticks t = nice_ticks(data_range(finite_values(barcode)));
  const double side = 440;
  const double left = 30 + widest_tick(t) + 30, top = labels.title.empty() ? 24 : 48;
  const double inf_band = 30;  // the ∞ line sits this far above the plot area
  Frame f{left, top + inf_band, side, side};
  const double legend_w = legend_width(legend);
  const double width = f.right() + (legend_w > 0 ? legend_w + 40 : 24);
  const double height = f.bottom() + 62;
  Svg svg(width, height, labels.title);
  draw_title(svg, labels.title);

  const Scale sx{t.axis, f.left, f.right()};
  const Scale sy{t.axis, f.bottom(), f.top};
  // the region below the diagonal (death < birth) is impossible: shade it lightly
  svg.raw("<polygon class=\"below-diagonal\" points=\"" + num(f.left) + "," + num(f.bottom()) +
          " " + num(f.right()) + "," + num(f.bottom()) + " " + num(f.right()) + "," +
          num(f.top) + "\" fill=\"#f4f4f4\"/>\n");
  x_axis(svg, f, sx, t, or_default(labels.x_label, "birth"));
  y_axis(svg, f, sy, t);
  y_label(svg, f, 18, or_default(labels.y_label, "death"));
  svg.line(f.left, f.bottom(), f.right(), f.top, "#888888", 1.2, " class=\"diagonal\"");

  const double inf_y = f.top - inf_band / 2 - 2;
  if (infinite > 0) {
    svg.line(f.left, inf_y, f.right(), inf_y, "#888888", 1,
             " class=\"infinity-line\" stroke-dasharray=\"5 4\"");
    svg.line(f.left - 5, inf_y, f.left, inf_y, kAxisColour, 1);
    svg.text(f.left - 8, inf_y + 5, "∞", kLabelSize + 2, "end");
  }
  if (points + infinite == 0) no_data(svg, f, "no points");

  // Points: overlapping ones are common (many H₀ bars born at 0), so slightly transparent.
  const double r = points + infinite > 400 ? 2.5 : 4;
  for (std::size_t q = 0; q < barcode.bars.size(); ++q)
    for (const Bar& b : barcode.bars[q]) {
      if (std::isnan(b.birth) || std::isnan(b.death) || !std::isfinite(b.birth)) continue;
      const bool inf = !std::isfinite(b.death);
      svg.raw(std::string("<circle class=\"point") + (inf ? " infinite" : "") + "\" cx=\"" +
              num(sx(b.birth)) + "\" cy=\"" + num(inf ? inf_y : sy(b.death)) + "\" r=\"" +
              num(r) + "\" fill=\"" + degree_colour(q) +
              "\" fill-opacity=\"0.8\" stroke=\"#ffffff\" stroke-width=\"0.6\"/>\n");
    }
  draw_legend(svg, f.right() + 24, f.top, legend);
  return svg.finish();
}

std::string curves_svg(const std::vector<Curve>& curves, const PlotLabels& labels) {
  std::vector<double> xs, ys;
  bool integers = true;
  for (const Curve& c : curves) {
    xs.insert(xs.end(), c.x.begin(), c.x.end());
    for (std::size_t i = 0; i < std::min(c.x.size(), c.y.size()); ++i) {
      ys.push_back(c.y[i]);
      if (std::isfinite(c.y[i]) && c.y[i] != std::round(c.y[i])) integers = false;
    }
  }
  Range yr = data_range(ys);
  if (yr.lo > 0) yr.lo = 0;  // curves read best from a zero baseline when all values are ≥ 0
  const Ticks xt = nice_ticks(data_range(xs));
  const Ticks yt = nice_ticks(yr, 6, integers);

  std::vector<LegendEntry> legend;
  for (std::size_t i = 0; i < curves.size(); ++i)
    legend.push_back({curves[i].name.empty() ? "curve " + std::to_string(i + 1) : curves[i].name,
                      degree_colour(i), LegendEntry::Line});
  const double legend_w = legend_width(legend);
  const double left = 34 + widest_tick(yt) + 14, top = labels.title.empty() ? 24 : 48;
  Frame f{left, top, 560, 320};
  const double width = f.right() + (legend_w > 0 ? legend_w + 40 : 24);
  const double height = f.bottom() + 62;
  Svg svg(width, height, labels.title);
  draw_title(svg, labels.title);

  const Scale sx{xt.axis, f.left, f.right()};
  const Scale sy{yt.axis, f.bottom(), f.top};
  x_axis(svg, f, sx, xt, or_default(labels.x_label, "filtration value"));
  y_axis(svg, f, sy, yt);
  y_label(svg, f, 18, labels.y_label);
  if (xs.empty()) no_data(svg, f, "no data");

  // Clip the curves to the plot area (a step held to the right edge must not overshoot).
  svg.raw("<clipPath id=\"plot-area\"><rect x=\"" + num(f.left) + "\" y=\"" + num(f.top - 2) +
          "\" width=\"" + num(f.width) + "\" height=\"" + num(f.height + 4) +
          "\"/></clipPath>\n");
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const Curve& c = curves[i];
    // points sorted by x, non-finite ones break the curve
    std::vector<std::pair<double, double>> pts;
    for (std::size_t k = 0; k < std::min(c.x.size(), c.y.size()); ++k)
      if (std::isfinite(c.x[k])) pts.emplace_back(c.x[k], c.y[k]);
    std::stable_sort(pts.begin(), pts.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string d;
    bool pen = false;
    for (std::size_t k = 0; k < pts.size(); ++k) {
      const auto [x, y] = pts[k];
      if (!std::isfinite(y)) {
        pen = false;
        continue;
      }
      const std::string px = num(sx(x)), py = num(sy(y));
      if (!pen) {
        d += "M" + px + " " + py;
        pen = true;
      } else if (c.step) {
        d += "H" + px + "V" + py;
      } else {
        d += "L" + px + " " + py;
      }
      // a step curve holds its last value to the right edge
      if (c.step && (k + 1 == pts.size() || !std::isfinite(pts[k + 1].second)))
        d += "H" + num(k + 1 == pts.size() ? f.right() : sx(pts[k + 1].first));
    }
    if (d.empty()) d = "M" + num(f.left) + " " + num(f.bottom());  // keeps one path per curve
    svg.raw("<path class=\"curve\" d=\"" + d + "\" fill=\"none\" stroke=\"" +
            degree_colour(i) + "\" stroke-width=\"" + num(std::max(1.6, 3.6 - 1.0 * static_cast<double>(i))) +
            "\" stroke-linejoin=\"round\"" +
            " clip-path=\"url(#plot-area)\"/>\n");
    if (!c.step && pts.size() <= 60)
      for (const auto& [x, y] : pts)
        if (std::isfinite(y))
          svg.raw("<circle class=\"marker\" cx=\"" + num(sx(x)) + "\" cy=\"" + num(sy(y)) +
                  "\" r=\"3\" fill=\"" + degree_colour(i) + "\"/>\n");
  }
  draw_legend(svg, f.right() + 24, f.top, legend);
  return svg.finish();
}

std::string heat_map_svg(const std::vector<double>& x, const std::vector<double>& y,
                         const Eigen::MatrixXd& values, const PlotLabels& labels) {
  const std::size_t nx = std::min<std::size_t>(x.size(), static_cast<std::size_t>(values.cols()));
  const std::size_t ny = std::min<std::size_t>(y.size(), static_cast<std::size_t>(values.rows()));
  std::vector<double> finite;
  for (std::size_t i = 0; i < ny; ++i)
    for (std::size_t j = 0; j < nx; ++j) {
      const double v = values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
      if (std::isfinite(v)) finite.push_back(v);
    }
  const Range vr = data_range(finite, false);

  const double cell = std::clamp(440.0 / static_cast<double>(std::max<std::size_t>({nx, ny, 1})),
                                 3.0, 56.0);
  // tick labels: every k-th value so that labels do not collide
  auto label_step = [](const std::vector<double>& v, std::size_t n, double room) {
    double widest = 0;
    for (std::size_t i = 0; i < n; ++i) widest = std::max(widest, text_width(short_value(v[i]), kTickSize));
    return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 8) / room)));
  };
  const std::size_t kx = label_step(x, nx, cell);
  const auto ky = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(15 / cell)));
  double widest_y = 0;
  for (std::size_t i = 0; i < ny; ++i)
    widest_y = std::max(widest_y, text_width(short_value(y[i]), kTickSize));

  const double left = 34 + widest_y + 14, top = labels.title.empty() ? 24 : 48;
  Frame f{left, top, cell * static_cast<double>(std::max<std::size_t>(nx, 1)),
          cell * static_cast<double>(std::max<std::size_t>(ny, 1))};
  if (nx == 0 || ny == 0) f.width = f.height = 300;
  const Ticks vt = nice_ticks(vr, 6);
  const double bar_x = f.right() + 28, bar_w = 18;
  double widest_v = widest_tick(vt);
  const double width =
      bar_x + bar_w + 10 + widest_v + (labels.value_label.empty() ? 24 : 48);
  const double height = f.bottom() + 62;
  Svg svg(std::max(width, 320.0), height, labels.title);
  draw_title(svg, labels.title);

  if (nx == 0 || ny == 0 || finite.empty()) no_data(svg, f, "no data");
  const bool values_in_cells = cell >= 40 && nx * ny > 0;
  for (std::size_t i = 0; i < ny; ++i)
    for (std::size_t j = 0; j < nx; ++j) {
      const double v = values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
      if (std::isnan(v)) continue;
      const double t = (v - vt.axis.lo) / (vt.axis.hi - vt.axis.lo);
      const Rgb c = viridis(t);
      const double cx = f.left + cell * static_cast<double>(j);
      const double cy = f.bottom() - cell * static_cast<double>(i + 1);  // y grows upwards
      svg.rect(cx, cy, cell, cell, hex(c),
               " class=\"cell\" stroke=\"#ffffff\" stroke-width=\"" + num(cell > 8 ? 1 : 0) +
                   "\"");
      if (values_in_cells)
        svg.text(cx + cell / 2, cy + cell / 2 + 4, short_value(v), 10, "middle",
                 luminance(c) > 0.45 ? "" : " fill=\"#ffffff\"");
    }
  // frame and tick labels at cell centres
  svg.rect(f.left, f.top, f.width, f.height, "none",
           " class=\"frame\" stroke=\"" + std::string(kAxisColour) + "\" stroke-width=\"1\"");
  for (std::size_t j = 0; j < nx; j += kx) {
    const double cx = f.left + cell * (static_cast<double>(j) + 0.5);
    svg.line(cx, f.bottom(), cx, f.bottom() + 5, kAxisColour, 1);
    svg.text(cx, f.bottom() + 19, short_value(x[j]), kTickSize, "middle");
  }
  for (std::size_t i = 0; i < ny; i += ky) {
    const double cy = f.bottom() - cell * (static_cast<double>(i) + 0.5);
    svg.line(f.left - 5, cy, f.left, cy, kAxisColour, 1);
    svg.text(f.left - 8, cy + 4, short_value(y[i]), kTickSize, "end");
  }
  if (!labels.x_label.empty())
    svg.text(f.left + f.width / 2, f.bottom() + 42, labels.x_label, kLabelSize, "middle");
  y_label(svg, f, 18, labels.y_label);

  // colour bar: a vertical gradient with the value ticks
  svg.raw("<defs><linearGradient id=\"colour-scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
  for (int k = 0; k <= 16; ++k)
    svg.raw("<stop offset=\"" + num(k / 16.0) + "\" stop-color=\"" + hex(viridis(k / 16.0)) +
            "\"/>");
  svg.raw("</linearGradient></defs>\n");
  svg.rect(bar_x, f.top, bar_w, f.height, "url(#colour-scale)",
           " class=\"colour-bar\" stroke=\"" + std::string(kAxisColour) + "\" stroke-width=\"0.8\"");
  const Scale sv{vt.axis, f.bottom(), f.top};
  for (double v : vt.values) {
    const double yv = sv(v);
    svg.line(bar_x + bar_w, yv, bar_x + bar_w + 4, yv, kAxisColour, 1);
    svg.text(bar_x + bar_w + 7, yv + 4, tick_label(v, vt.step), kTickSize);
  }
  if (!labels.value_label.empty()) {
    const double lx = bar_x + bar_w + 10 + widest_v + 22, ly = f.top + f.height / 2;
    svg.text(lx, ly, labels.value_label, kLabelSize, "middle",
             " transform=\"rotate(-90 " + num(lx) + " " + num(ly) + ")\"");
  }
  return svg.finish();
}

}  // namespace topospec

#include "topospec/verify/report.hpp"

#include <algorithm>
#include <cstdio>

namespace topospec::verify {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxEmbeddedBytes = 256 * 1024;  // larger values are omitted in reports
constexpr std::size_t kMaxHtmlJson = 20000;            // characters of pretty JSON per block

std::string fixed(double x, int digits = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Safe serialisation: invalid UTF-8 (from a candidate) is replaced, never an exception.
std::string dump(const json& v, int indent = -1) {
  return v.dump(indent, ' ', false, json::error_handler_t::replace);
}

json capped(const json& v) {
  const std::string text = dump(v);
  if (text.size() <= kMaxEmbeddedBytes) return json::parse(text);  // replaced UTF-8 included
  return {{"omitted", std::to_string(text.size()) + " bytes of JSON"}};
}

// Number of UTF-8 code points (for padding columns).
std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string truncate(const std::string& s, std::size_t max_chars) {
  if (display_width(s) <= max_chars) return s;
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == max_chars - 1) break;
      ++count;
    }
  }
  return s.substr(0, i) + "…";
}

// Text that came from a candidate, made safe for a terminal: valid UTF-8 without control
// characters (C0, DEL, C1 — ESC or U+009B would start an escape sequence), which become U+FFFD.
std::string terminal_safe(std::string_view text) {
  const std::string s = valid_utf8(text);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch < 0x20 || ch == 0x7F) {
      out +=
          ch == '\t' || ch == '\n' || ch == '\r' ? std::string(" ") : std::string("\xEF\xBF\xBD");
    } else if (ch == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out;
}

const char* ansi(CaseStatus s) {
  switch (s) {
    case CaseStatus::Pass:
      return "\033[32m";
    case CaseStatus::NotAttempted:
      return "\033[33m";
    default:
      return "\033[31m";
  }
}

std::string quantity_details(const QuantityResult& q) {
  std::string out = std::string(quantity_name(q.quantity)) + ": " + to_string(q.status);
  if (!q.message.empty()) out += ": " + q.message;
  if (q.status == QuantityStatus::Fail || q.status == QuantityStatus::Malformed)
    out += " [tolerance: " + q.tolerance + "]";
  return out;
}

// Plain-text details of a case (JUnit failure body).
std::string text_details(const CaseReport& c) {
  std::string out;
  auto line = [&](const std::string& s) { out += valid_utf8(s) + "\n"; };
  line("case: " + c.name + " (" + c.origin + ")");
  line("status: " + to_string(c.status));
  if (!c.error.empty()) line("error: " + c.error);
  if (c.run) {
    line("run: " + c.run->summary() + ", " + fixed(c.run->wall_seconds) + " s");
    if (!c.run->stderr_tail.empty()) line("stderr (tail):\n" + c.run->stderr_tail);
  }
  for (const QuantityResult& q : c.comparison.quantities)
    if (q.status != QuantityStatus::Pass) line(quantity_details(q));
  if (!c.not_attempted.empty()) {
    std::string keys;
    for (const std::string& k : c.not_attempted) keys += (keys.empty() ? "" : ", ") + k;
    line("not attempted: " + keys);
  }
  for (const InvariantViolation& v : c.violations)
    line("invariant " + v.invariant + ": " + v.message);
  for (const Diagnosis& d : c.diagnoses) line("diagnosis (" + d.quantity + "): " + d.explanation);
  if (!c.counterexample_path.empty())
    line("minimal counterexample: " + c.counterexample_path.string() + " (" +
         c.counterexample_summary + ")");
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTML

const char* css_class(CaseStatus s) {
  switch (s) {
    case CaseStatus::Pass:
      return "pass";
    case CaseStatus::Fail:
      return "fail";
    case CaseStatus::NotAttempted:
      return "na";
    case CaseStatus::Error:
      return "error";
    case CaseStatus::Timeout:
      return "timeout";
  }
  return "";
}

// Pretty JSON for people: a list or object whose one-line form is short stays on one line
// (spectra, simplices, bars), larger ones are broken up, indented by two spaces.
void pretty(const json& v, int indent, std::string& out) {
  const std::string flat = dump(v);
  if ((!v.is_array() && !v.is_object()) || v.empty() || flat.size() + indent <= 96) {
    out += flat;
    return;
  }
  const std::string pad_in(indent + 2, ' ');
  out += v.is_array() ? "[\n" : "{\n";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) out += ",\n";
    first = false;
    out += pad_in;
    if (v.is_object()) out += dump(json(it.key())) + ": ";
    pretty(*it, indent + 2, out);
  }
  out += "\n" + std::string(indent, ' ') + (v.is_array() ? "]" : "}");
}

std::string pre_json(const json& v) {
  std::string text;
  pretty(v, 0, text);
  if (text.size() > kMaxHtmlJson)
    text = text.substr(0, kMaxHtmlJson) + "\n… (" + std::to_string(text.size() - kMaxHtmlJson) +
           " more characters)";
  return "<pre>" + html_escape(text) + "</pre>";
}

std::string cell_json(const json& v) {
  if (v.is_null()) return "<span class=\"none\">—</span>";
  return "<code>" + html_escape(short_json(v, 400)) + "</code>";
}

constexpr const char* kCss = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#1d232a;
  background:#fafbfc;line-height:1.4}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin:0}h3{font-size:1em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.5em 0;background:#fff}
th,td{border:1px solid #d5dae0;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#eef1f4}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
pre{background:#f3f5f7;border:1px solid #dde2e7;padding:.6em;overflow:auto;max-height:30em}
.badge{display:inline-block;padding:.05em .5em;border-radius:.3em;font-weight:600;color:#fff;
  font-size:.85em;white-space:nowrap}
.badge.pass{background:#1a7f37}.badge.fail{background:#cf222e}.badge.na{background:#bf8700}
.badge.error{background:#8250df}.badge.timeout{background:#bc4c00}
details.case{background:#fff;border:1px solid #d5dae0;border-left:6px solid #d5dae0;
  margin:.6em 0;padding:.5em .8em}
details.case.pass{border-left-color:#1a7f37}details.case.fail{border-left-color:#cf222e}
details.case.na{border-left-color:#bf8700}details.case.error{border-left-color:#8250df}
details.case.timeout{border-left-color:#bc4c00}
summary{cursor:pointer}.meta{color:#57606a;font-size:.9em}.none{color:#8c959f}
td.malformed{background:#fff1e5}td.bad{background:#ffebe9}
.counts span{margin-right:1em}ul{margin:.3em 0}
)css";

std::string html_case(const CaseReport& c, std::size_t index) {
  std::string h;
  const std::string cls = css_class(c.status);
  h += "<details class=\"case " + cls + "\" id=\"case-" + std::to_string(index) + "\"" +
       (c.status == CaseStatus::Pass ? "" : " open") + ">\n<summary><span class=\"badge " + cls +
       "\">" + html_escape(status_label(c.status)) + "</span> <strong>" + html_escape(c.name) +
       "</strong>";
  if (!c.summary.empty()) h += " — " + html_escape(truncate(valid_utf8(c.summary), 200));
  h += "</summary>\n<p class=\"meta\">" + html_escape(c.origin);
  if (!c.tags.empty()) {
    std::string tags;
    for (const std::string& t : c.tags) tags += (tags.empty() ? "" : ", ") + t;
    h += " · tags: " + html_escape(tags);
  }
  h += " · " + fixed(c.seconds, 3) + " s</p>\n";
  if (!c.summary.empty()) h += "<p>" + html_escape(valid_utf8(c.summary)) + "</p>\n";
  if (!c.error.empty()) h += "<h3>Error</h3><p>" + html_escape(valid_utf8(c.error)) + "</p>\n";
  if (c.run && !c.run->stderr_tail.empty())
    h += "<h3>stderr (tail)</h3><pre>" + html_escape(valid_utf8(c.run->stderr_tail)) + "</pre>\n";

  for (const QuantityResult& q : c.comparison.quantities) {
    if (q.status == QuantityStatus::Pass) continue;
    h += "<h3><code>" + html_escape(quantity_name(q.quantity)) +
         "</code>: " + html_escape(to_string(q.status)) + "</h3>\n<p>" + html_escape(q.message) +
         "</p>\n";
    if (q.status == QuantityStatus::NotAttempted) continue;
    h += "<p class=\"meta\">tolerance: " + html_escape(q.tolerance) + "</p>\n";
    if (!q.differences.empty()) {
      h += "<table><tr><th>position</th><th>expected</th><th>got</th><th>note</th></tr>\n";
      for (const Difference& d : q.differences) {
        const bool bad_shape =
            q.status == QuantityStatus::Malformed && d.note.find("expected") == 0;
        h += "<tr><td><code>" + html_escape(d.pointer) + "</code></td><td>" +
             cell_json(d.expected) + "</td><td class=\"" + (bad_shape ? "malformed" : "bad") +
             "\">" + cell_json(d.got) + "</td><td>" + html_escape(d.note) + "</td></tr>\n";
      }
      if (q.differences_truncated)
        h += "<tr><td colspan=\"4\" class=\"meta\">… more differences not shown</td></tr>\n";
      h += "</table>\n";
    }
    const std::string key(quantity_name(q.quantity));
    h += "<table><tr><th>expected (whole)</th><th>got (whole)</th></tr><tr><td>" +
         pre_json(c.expect.is_object() && c.expect.contains(key) ? c.expect[key] : json()) +
         "</td><td>" +
         pre_json(c.answer.is_object() && c.answer.contains(key) ? c.answer[key] : json()) +
         "</td></tr></table>\n";
  }
  if (!c.not_attempted.empty()) {
    std::string keys;
    for (const std::string& k : c.not_attempted) keys += (keys.empty() ? "" : ", ") + k;
    h += "<p>Not attempted (absent from the answer): <code>" + html_escape(keys) + "</code></p>\n";
  }
  if (!c.unknown_keys.empty()) {
    std::string keys;
    for (const std::string& k : c.unknown_keys) keys += (keys.empty() ? "" : ", ") + k;
    h += "<p>Answer keys that are no quantity (ignored): <code>" + html_escape(keys) +
         "</code></p>\n";
  }
  if (!c.violations.empty()) {
    h += "<h3>Invariant violations</h3><ul>\n";
    for (const InvariantViolation& v : c.violations)
      h += "<li><strong>" + html_escape(v.invariant) + "</strong>: " + html_escape(v.message) +
           "</li>\n";
    h += "</ul>\n";
  }
  if (!c.diagnoses.empty()) {
    h += "<h3>Diagnoses</h3><ul>\n";
    for (const Diagnosis& d : c.diagnoses)
      h += "<li><code>" + html_escape(d.quantity) + "</code>: " + html_escape(d.explanation) +
           "</li>\n";
    h += "</ul>\n";
  }
  if (!c.counterexample_path.empty())
    h += "<h3>Minimal counterexample</h3><p>Written to <code>" +
         html_escape(c.counterexample_path.string()) +
         "</code>: " + html_escape(valid_utf8(c.counterexample_summary)) + "</p>\n" +
         pre_json(c.counterexample);
  h += "<h3>Input</h3>\n" + pre_json(c.input);
  if (!c.options.is_null()) h += "<h3>Options</h3>\n" + pre_json(c.options);
  h += "</details>\n";
  return h;
}

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const std::string replacement = "\xEF\xBF\xBD";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len > 1) {  // no overlong forms, surrogates or values above U+10FFFF
      std::uint32_t cp = c & (0x7F >> len);
      for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
      ok = !(len == 2 && cp < 0x80) && !(len == 3 && cp < 0x800) && !(len == 4 && cp < 0x10000) &&
           !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += replacement;
      ++i;
    }
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  const std::string s = valid_utf8(text);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
          out += "\xEF\xBF\xBD";  // not allowed in XML 1.0, even escaped
        } else if (ch == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
                    static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
          out += "\xEF\xBF\xBD";  // U+FFFE, U+FFFF
          i += 2;
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  const std::string s = valid_utf8(text);
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') ||
        ch == 0x7F) {
      out += "\xEF\xBF\xBD";  // control characters are not HTML text
      continue;
    }
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string printable(std::string_view text) { return terminal_safe(text); }

std::string counts_line(const VerifyReport& report) {
  const StatusCounts n = report.counts();
  return plural(n.total(), "case", "cases") + ": " + std::to_string(n.pass) + " passed, " +
         std::to_string(n.fail) + " failed, " + std::to_string(n.not_attempted) +
         " not attempted, " + plural(n.error, "error", "errors") + ", " +
         plural(n.timeout, "timeout", "timeouts");
}

std::string summary_table(const VerifyReport& report, bool color) {
  std::size_t name_width = 4;
  for (const CaseReport& c : report.cases)
    name_width = std::min<std::size_t>(std::max(name_width, display_width(c.name)), 40);
  constexpr std::size_t kStatusWidth = 13;
  std::string out =
      pad("case", name_width) + "  " + pad("status", kStatusWidth) + "  first problem\n";
  for (const CaseReport& c : report.cases) {
    const std::string label = pad(status_label(c.status), kStatusWidth);
    out += pad(truncate(terminal_safe(c.name), name_width), name_width) + "  " +
           (color ? ansi(c.status) + label + "\033[0m" : label) + "  " +
           truncate(terminal_safe(c.summary), 220);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  bool any_diagnosis = false;
  for (const CaseReport& c : report.cases)
    for (const Diagnosis& d : c.diagnoses) {
      if (!any_diagnosis) out += "\nDiagnoses:\n";
      any_diagnosis = true;
      out += "  " + terminal_safe(c.name) + ": " + d.quantity + ": " + d.explanation + "\n";
    }
  bool any_counterexample = false;
  for (const CaseReport& c : report.cases)
    if (!c.counterexample_path.empty()) {
      if (!any_counterexample) out += "\nMinimal counterexamples:\n";
      any_counterexample = true;
      out += "  " + terminal_safe(c.name) + ": " + terminal_safe(c.counterexample_path.string()) +
             " (" + truncate(terminal_safe(c.counterexample_summary), 160) + ")\n";
    }
  if (!report.warnings.empty()) {
    out += "\nWarnings:\n";
    for (const std::string& w : report.warnings) out += "  " + terminal_safe(w) + "\n";
  }
  out += "\n" + counts_line(report) + " (" + fixed(report.seconds, 1) + " s)\n";
  return out;
}

nlohmann::json report_json(const VerifyReport& report) {
  const StatusCounts n = report.counts();
  json j;
  j["format"] = "topospec-verify-report/1";
  j["candidate"] = report.candidate ? json(valid_utf8(*report.candidate)) : json();
  if (report.candidate) j["isolation"] = report.isolation;
  j["suite"] = report.suite;
  if (report.seed) {
    j["seed"] = *report.seed;
    j["random_count"] = report.random_count;
  }
  j["seconds"] = report.seconds;
  j["passed"] = report.all_passed();
  j["counts"] = {{"total", n.total()}, {"pass", n.pass},
                 {"fail", n.fail},     {"not_attempted", n.not_attempted},
                 {"error", n.error},   {"timeout", n.timeout}};
  j["warnings"] = json::array();
  for (const std::string& w : report.warnings) j["warnings"].push_back(valid_utf8(w));
  j["cases"] = json::array();
  for (const CaseReport& c : report.cases) {
    json k;
    k["name"] = valid_utf8(c.name);
    k["origin"] = valid_utf8(c.origin);
    k["tags"] = c.tags;
    k["status"] = to_string(c.status);
    k["summary"] = valid_utf8(c.summary);
    k["seconds"] = c.seconds;
    if (!c.error.empty()) k["error"] = valid_utf8(c.error);
    if (c.run)
      k["run"] = {{"status", to_string(c.run->status)},
                  {"summary", c.run->summary()},
                  {"exit_code", c.run->exit_code},
                  {"signal", c.run->signal},
                  {"wall_seconds", c.run->wall_seconds},
                  {"cpu_seconds", c.run->cpu_seconds},
                  {"stderr_tail", valid_utf8(c.run->stderr_tail)}};
    k["quantities"] = json::array();
    for (const QuantityResult& q : c.comparison.quantities) {
      json r = {{"quantity", std::string(quantity_name(q.quantity))},
                {"status", to_string(q.status)}};
      if (!q.message.empty()) r["message"] = valid_utf8(q.message);
      if (q.status != QuantityStatus::NotAttempted) r["tolerance"] = q.tolerance;
      if (!q.differences.empty()) {
        r["differences"] = json::array();
        for (const Difference& d : q.differences)
          r["differences"].push_back({{"pointer", d.pointer},
                                      {"expected", capped(d.expected)},
                                      {"got", capped(d.got)},
                                      {"note", valid_utf8(d.note)}});
        if (q.differences_truncated) r["differences_truncated"] = true;
      }
      k["quantities"].push_back(std::move(r));
    }
    k["not_attempted"] = c.not_attempted;
    k["unknown_keys"] = json::array();
    for (const std::string& u : c.unknown_keys) k["unknown_keys"].push_back(valid_utf8(u));
    k["violations"] = json::array();
    for (const InvariantViolation& v : c.violations)
      k["violations"].push_back({{"invariant", v.invariant}, {"message", v.message}});
    k["diagnoses"] = json::array();
    for (const Diagnosis& d : c.diagnoses)
      k["diagnoses"].push_back({{"quantity", d.quantity}, {"explanation", d.explanation}});
    if (!c.counterexample_path.empty())
      k["counterexample"] = {{"path", c.counterexample_path.string()},
                             {"summary", valid_utf8(c.counterexample_summary)}};
    k["input"] = capped(c.input);
    if (!c.options.is_null()) k["options"] = capped(c.options);
    k["expect"] = capped(c.expect);
    k["answer"] = capped(c.answer);
    j["cases"].push_back(std::move(k));
  }
  return j;
}

std::string junit_xml(const VerifyReport& report) {
  const StatusCounts n = report.counts();
  const std::string failures = std::to_string(n.fail + n.not_attempted);
  const std::string errors = std::to_string(n.error + n.timeout);
  const std::string tests = std::to_string(n.total());
  const std::string time = fixed(report.seconds, 3);
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<testsuites name=\"topospec verify\" tests=\"" + tests + "\" failures=\"" + failures +
       "\" errors=\"" + errors + "\" time=\"" + time + "\">\n";
  x += "  <testsuite name=\"topospec verify\" tests=\"" + tests + "\" failures=\"" + failures +
       "\" errors=\"" + errors + "\" skipped=\"0\" time=\"" + time + "\">\n";
  x += "    <properties>\n";
  x += "      <property name=\"candidate\" value=\"" +
       xml_escape(report.candidate ? *report.candidate : "(the topospec library)") + "\"/>\n";
  if (report.seed)
    x += "      <property name=\"seed\" value=\"" + std::to_string(*report.seed) + "\"/>\n";
  x += "    </properties>\n";
  for (const CaseReport& c : report.cases) {
    x += "    <testcase name=\"" + xml_escape(c.name) + "\" classname=\"topospec.verify\" file=\"" +
         xml_escape(c.origin) + "\" time=\"" + fixed(c.seconds, 3) + "\"";
    if (c.status == CaseStatus::Pass) {
      x += "/>\n";
      continue;
    }
    const bool error = c.status == CaseStatus::Error || c.status == CaseStatus::Timeout;
    const char* element = error ? "error" : "failure";
    x += ">\n      <" + std::string(element) + " type=\"" + to_string(c.status) + "\" message=\"" +
         xml_escape(truncate(valid_utf8(c.summary), 1000)) + "\">" + xml_escape(text_details(c)) +
         "</" + element + ">\n    </testcase>\n";
  }
  x += "  </testsuite>\n</testsuites>\n";
  return x;
}

std::string html_report(const VerifyReport& report) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>topospec verify: " +
      html_escape(counts_line(report)) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
  h += "<h1>topospec verify</h1>\n<p class=\"meta\">candidate: <code>" +
       html_escape(report.candidate ? *report.candidate : "(the topospec library, in-process)") +
       "</code>";
  if (!report.suite.empty()) {
    std::string suite;
    for (const std::string& s : report.suite) suite += (suite.empty() ? "" : ", ") + s;
    h += " · suite: <code>" + html_escape(suite) + "</code>";
  }
  if (report.seed)
    h += " · random: " + std::to_string(report.random_count) + " cases, seed " +
         std::to_string(*report.seed);
  h += " · " + fixed(report.seconds, 1) + " s</p>\n";
  if (report.candidate && !report.isolation.empty())
    h += "<p class=\"meta\">isolation: " + html_escape(report.isolation) + "</p>\n";
  h += "<p class=\"counts\"><span class=\"badge " +
       std::string(report.all_passed() ? "pass" : "fail") + "\">" +
       (report.all_passed() ? "ALL PASSED" : "NOT ALL PASSED") + "</span> " + "<span>" +
       html_escape(counts_line(report)) + "</span></p>\n";
  h += "<table>\n<tr><th>case</th><th>status</th><th>first problem</th></tr>\n";
  for (std::size_t i = 0; i < report.cases.size(); ++i) {
    const CaseReport& c = report.cases[i];
    h += "<tr><td><a href=\"#case-" + std::to_string(i) + "\">" + html_escape(c.name) +
         "</a></td><td><span class=\"badge " + css_class(c.status) + "\">" +
         html_escape(status_label(c.status)) + "</span></td><td>" +
         html_escape(truncate(valid_utf8(c.summary), 240)) + "</td></tr>\n";
  }
  h += "</table>\n";
  if (!report.warnings.empty()) {
    h += "<h3>Warnings</h3><ul>\n";
    for (const std::string& w : report.warnings) h += "<li>" + html_escape(w) + "</li>\n";
    h += "</ul>\n";
  }
  h += "<h2>Cases</h2>\n";
  for (std::size_t i = 0; i < report.cases.size(); ++i) h += html_case(report.cases[i], i);
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace topospec::verify

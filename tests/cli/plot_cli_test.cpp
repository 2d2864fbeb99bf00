// End-to-end tests of `topospec plot`: each kind from a hand-written answer, stdin and -o,
// and bad input (missing quantity, invalid JSON, malformed entries) → exit 2, no output file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace fs = std::filesystem;
using topospec::test::ProcessResult;
using topospec::test::run_process;

namespace {

// Five bars: three of degree 0 (one infinite), two of degree 1 (one infinite); spectral curves
// of the C20 fullerene (REFERENCE.md §3.2, d = 2r); persistent Laplacian spectra of degree 0
// and 1 on a 3-value grid (the a > b entry must not be drawn).
const char* const kAnswer = R"({
  "barcode": {"0": [[0, 0.5], [0, 1.25], [0, null]], "1": [[0.75, 2.0], [1.0, null]]},
  "spectral_curves": [
    {"value": 0,    "betti": [20, 0],  "lambda_min": [0, 0]},
    {"value": 1.46, "betti": [1, 11],  "lambda_min": [0.7639, 0.7639]},
    {"value": 2.36, "betti": [1, 0],   "lambda_min": [4.7639, 1.0814]},
    {"value": 3.32, "betti": [1, 0],   "lambda_min": [12.7639, 6.6674]}
  ],
  "persistent_laplacian_spectrum": [
    {"dim": 0, "a": 0, "b": 0, "eigenvalues": [0, 0, 0]},
    {"dim": 0, "a": 0, "b": 1, "eigenvalues": [0, 1e-15, 2, 3]},
    {"dim": 0, "a": 1, "b": 1, "eigenvalues": [0, 1, 3]},
    {"dim": 0, "a": 1, "b": 0, "eigenvalues": [5]},
    {"dim": 1, "a": 0, "b": 1, "eigenvalues": [0, 2, 2, 4]}
  ]
})";

class PlotCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "topospec-plot-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  ProcessResult plot(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {TOPOSPEC_CLI, "--backend", "cpu", "plot"});
    return run_process(args, input);
  }
  // Only the files a test wrote itself are in the directory (no temporary leftovers).
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

std::size_t count_class(const std::string& svg, const std::string& element, const std::string& cls) {
  const std::regex re("<" + element + R"re(\s[^>]*class="([^"]*)")re");
  std::size_t n = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    if ((" " + (*it)[1].str() + " ").find(" " + cls + " ") != std::string::npos) ++n;
  return n;
}

bool is_svg(const std::string& s) {
  return s.rfind("<?xml", 0) == 0 && s.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos &&
         s.size() > 7 && s.compare(s.size() - 7, 7, "</svg>\n") == 0;
}

TEST_F(PlotCli, Barcode) {
  const fs::path answer = write("answer.json", kAnswer);
  const fs::path out = dir_ / "barcode.svg";
  const ProcessResult r = plot({"barcode", answer.string(), "-o", out.string(), "--title", "R&D"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  const std::string svg = read(out);
  EXPECT_TRUE(is_svg(svg));
  EXPECT_EQ(count_class(svg, "line", "bar"), 5u);
  EXPECT_EQ(count_class(svg, "polygon", "arrow"), 2u);
  EXPECT_NE(svg.find("<title>R&amp;D</title>"), std::string::npos);
  EXPECT_EQ(files(), (std::vector<std::string>{"answer.json", "barcode.svg"}));

  // --dim keeps one degree
  const ProcessResult one = plot({"barcode", answer.string(), "--dim", "1"});
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(count_class(one.out, "line", "bar"), 2u);
}

TEST_F(PlotCli, DiagramFromStdin) {
  const ProcessResult r = plot({"diagram", "-"}, kAnswer);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(is_svg(r.out));
  EXPECT_EQ(count_class(r.out, "circle", "point"), 5u);
  EXPECT_EQ(count_class(r.out, "circle", "infinite"), 2u);
  EXPECT_EQ(count_class(r.out, "line", "diagonal"), 1u);
}

TEST_F(PlotCli, BettiFromSpectralCurvesOrBarcode) {
  const fs::path answer = write("answer.json", kAnswer);
  const ProcessResult r = plot({"betti", answer.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(is_svg(r.out));
  EXPECT_EQ(count_class(r.out, "path", "curve"), 2u);
  EXPECT_NE(r.out.find(">20<"), std::string::npos);  // β₀ = 20 at t = 0 sets the y range

  // without spectral_curves: step functions of the barcode
  const fs::path bars_only =
      write("bars.json", R"({"barcode": {"0": [[0, 0.5], [0, null]], "1": [[0.75, 2.0]]}})");
  const ProcessResult b = plot({"betti", bars_only.string(), "--dim", "0"});
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(count_class(b.out, "path", "curve"), 1u);
  EXPECT_NE(b.out.find(">β₀<"), std::string::npos);
}

TEST_F(PlotCli, Lambda) {
  const fs::path answer = write("answer.json", kAnswer);
  const ProcessResult r = plot({"lambda", answer.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(is_svg(r.out));
  EXPECT_EQ(count_class(r.out, "path", "curve"), 2u);
  EXPECT_NE(r.out.find("λ_min(L₁)"), std::string::npos);
}

TEST_F(PlotCli, HeatmapSkipsAAboveB) {
  const fs::path answer = write("answer.json", kAnswer);
  const ProcessResult r = plot({"heatmap", answer.string(), "--dim", "0"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(is_svg(r.out));
  // (0,0), (0,1), (1,1): (1,0) has a > b
  EXPECT_EQ(count_class(r.out, "rect", "cell"), 3u);
  // λ_min: (0,0) → 0 (no nonzero eigenvalue), (0,1) → 2 (1e-15 is zero), (1,1) → 1
  EXPECT_NE(r.out.find(">2<"), std::string::npos);  // value printed in its (large) cell
  const ProcessResult one = plot({"heatmap", answer.string(), "--dim", "1"});
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(count_class(one.out, "rect", "cell"), 1u);
  // a degree without entries is bad input
  const ProcessResult none = plot({"heatmap", answer.string(), "--dim", "2"});
  EXPECT_EQ(none.status, 2);
}

TEST_F(PlotCli, MissingQuantityIsExit2WithoutOutput) {
  const fs::path answer = write("answer.json", R"({"betti": [1, 1]})");
  const fs::path out = dir_ / "out.svg";
  for (const char* kind : {"barcode", "diagram", "betti", "lambda", "heatmap"}) {
    const ProcessResult r = plot({kind, answer.string(), "-o", out.string()});
    EXPECT_EQ(r.status, 2) << kind;
    EXPECT_EQ(r.out, "") << kind;
    EXPECT_FALSE(fs::exists(out)) << kind;
    // one line naming the file and the key
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(answer.string()), std::string::npos) << r.err;
    const std::string key = std::string(kind) == "barcode" || std::string(kind) == "diagram"
                                ? "\"barcode\""
                            : std::string(kind) == "heatmap" ? "\"persistent_laplacian_spectrum\""
                                                             : "\"spectral_curves\"";
    EXPECT_NE(r.err.find(key), std::string::npos) << kind << ": " << r.err;
  }
  EXPECT_EQ(files(), (std::vector<std::string>{"answer.json"}));
}

TEST_F(PlotCli, InvalidJsonNamesFileLineColumn) {
  const fs::path answer = write("bad.json", "{\n  \"barcode\": {\"0\": [[0, 1],]}\n}\n");
  const fs::path out = dir_ / "out.svg";
  const ProcessResult r = plot({"barcode", answer.string(), "-o", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(answer.string() + ":2:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(files(), (std::vector<std::string>{"bad.json"}));
  // from stdin the place is <stdin>:line:column
  const ProcessResult s = plot({"barcode", "-"}, "{\"barcode\": ");
  EXPECT_EQ(s.status, 2);
  EXPECT_NE(s.err.find("<stdin>:1:"), std::string::npos) << s.err;
}

TEST_F(PlotCli, MalformedEntryNamesItsPointer) {
  const fs::path answer = write("answer.json", R"({"barcode": {"0": [[0, 1], [0, "x"]]}})");
  const ProcessResult r = plot({"barcode", answer.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("/barcode/0/1/1"), std::string::npos) << r.err;
  const ProcessResult missing = plot({"barcode", (dir_ / "nope.json").string()});
  EXPECT_EQ(missing.status, 2);
  const ProcessResult kind = plot({"pie", answer.string()});
  EXPECT_EQ(kind.status, 2);
}

TEST_F(PlotCli, HelpHasAnExamplePerKind) {
  const ProcessResult r = plot({"--help"});
  ASSERT_EQ(r.status, 0);
  for (const char* kind : {"barcode", "diagram", "betti", "lambda", "heatmap"})
    EXPECT_NE(r.out.find(std::string("topospec plot ") + kind), std::string::npos) << kind;
}

TEST_F(PlotCli, EmptyBarcodeStillDraws) {
  const fs::path answer = write("answer.json", R"({"barcode": {}})");
  const ProcessResult r = plot({"barcode", answer.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(is_svg(r.out));
  EXPECT_NE(r.out.find("no bars"), std::string::npos);
}

}  // namespace

// End-to-end tests of the `topospec` command: the real binary, run as a user runs it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>

#include "run_process.hpp"
#include "topospec/topology/backend.hpp"
#include "topospec/topology/boundary.hpp"
#include "topospec/topology/dirac_operator.hpp"
#include "topospec/topology/hodge_laplacian.hpp"
#include "topospec/verify/matrix_market.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using topospec::test::ProcessResult;
using topospec::test::run_process;

namespace {

const char* const kS1Simplices = R"([[1],[2],[3],[4],[5],[1,2],[2,3],[2,4],[3,4],[2,3,4]])";
const char* const kRp2Simplices =
    R"([[1,2,3],[1,3,4],[1,4,5],[1,5,6],[1,2,6],[2,3,5],[2,4,5],[2,4,6],[3,4,6],[3,5,6]])";

std::string simplicial_case(const std::string& simplices, const std::string& want,
                            const std::string& options = "{}") {
  return R"({"format": "topospec-case/1", "name": "test", "input": {"type": "simplicial_complex", "simplices": )" +
         simplices + R"(}, "options": )" + options + R"(, "want": )" + want + "}";
}

std::vector<double> doubles(const json& j) { return j.get<std::vector<double>>(); }

void expect_near_list(const std::vector<double>& got, const std::vector<double>& want,
                      double tol = 1e-9) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "index " << i;
}

topospec::RealMatrix read_mtx(const fs::path& p) {
  std::ifstream in(p);
  EXPECT_TRUE(in) << p;
  return topospec::verify::read_matrix_market(in);
}

// Largest |a − b| entry (dense, for the small test matrices).
double max_difference(const topospec::RealMatrix& a, const topospec::RealMatrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
  return (Eigen::MatrixXd(a) - Eigen::MatrixXd(b)).cwiseAbs().maxCoeff();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "topospec-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }

  // Runs topospec with --backend cpu (so that stderr has no fallback note) unless the
  // arguments start with a flag of their own.
  ProcessResult run(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), TOPOSPEC_CLI);
    return run_process(args, input);
  }
  ProcessResult compute(const fs::path& case_file) {
    return run({"--backend", "cpu", "compute", case_file.string()});
  }

  // Every file left in the temporary directory (to prove that failures write nothing).
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      names.push_back(fs::relative(e.path(), dir_).string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

TEST_F(Cli, S1AnswerHasTheHandComputedValues) {
  const fs::path c =
      write("s1.json", simplicial_case(kS1Simplices,
                                       R"(["chain_dims", "betti", "euler_characteristic",
                                                          "boundary_ranks", "laplacian_spectrum",
                                                          "dirac_spectrum", "harmonic_basis"])"));
  const ProcessResult r = compute(c);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "progress line on a non-terminal stderr";
  const json a = json::parse(r.out);
  EXPECT_EQ(a["chain_dims"], json({5, 4, 1}));
  EXPECT_EQ(a["betti"], json({2, 0, 0}));
  EXPECT_EQ(a["euler_characteristic"], 2);
  EXPECT_EQ(a["boundary_ranks"], json({3, 1, 0}));
  expect_near_list(doubles(a["laplacian_spectrum"]["0"]), {0, 0, 1, 3, 4});
  expect_near_list(doubles(a["laplacian_spectrum"]["1"]), {1, 3, 3, 4});
  expect_near_list(doubles(a["laplacian_spectrum"]["2"]), {3});

  // Dirac: symmetric about 0, Σβ = 2 zeros, and its squares are the Laplacian spectra (D² = ⊕L).
  const std::vector<double> d = doubles(a["dirac_spectrum"]);
  ASSERT_EQ(d.size(), 10u);
  EXPECT_TRUE(std::is_sorted(d.begin(), d.end()));
  for (std::size_t i = 0; i < d.size(); ++i) EXPECT_NEAR(d[i], -d[d.size() - 1 - i], 1e-9);
  EXPECT_EQ(std::count(d.begin(), d.end(), 0.0), 2);
  std::vector<double> squares, laplacians;
  for (double x : d) squares.push_back(x * x);
  for (const char* q : {"0", "1", "2"})
    for (double x : doubles(a["laplacian_spectrum"][q])) laplacians.push_back(x);
  std::sort(squares.begin(), squares.end());
  std::sort(laplacians.begin(), laplacians.end());
  expect_near_list(squares, laplacians, 1e-8);

  // Harmonic 0-chains: the locally constant functions on the components {1,2,3,4} and {5}.
  const json& h0 = a["harmonic_basis"]["0"];
  EXPECT_EQ(h0["cells"], json({{1}, {2}, {3}, {4}, {5}}));
  ASSERT_EQ(h0["vectors"].size(), 2u);
  Eigen::MatrixXd v(5, 2);
  for (int j = 0; j < 2; ++j)
    for (int i = 0; i < 5; ++i) v(i, j) = h0["vectors"][j][i].get<double>();
  Eigen::MatrixXd projector = Eigen::MatrixXd::Zero(5, 5);
  projector.topLeftCorner(4, 4).setConstant(0.25);
  projector(4, 4) = 1;
  EXPECT_LT((v * v.transpose() - projector).cwiseAbs().maxCoeff(), 1e-9);
  EXPECT_EQ(a["harmonic_basis"]["1"]["vectors"].size(), 0u);
  EXPECT_FALSE(a.contains("_diagnostics"));
}

TEST_F(Cli, Rp2HasTorsionZ2InDegreeOneWhateverTheCoefficients) {
  struct Row {
    const char* coefficients;
    std::vector<int> betti;
  };
  for (const Row& row : {Row{"Z", {1, 0, 0}}, Row{"Q", {1, 0, 0}}, Row{"Z2", {1, 1, 1}}}) {
    const fs::path c =
        write("rp2.json",
              simplicial_case(kRp2Simplices, R"(["betti", "torsion", "chain_dims"])",
                              std::string(R"({"coefficients": ")") + row.coefficients + "\"}"));
    const ProcessResult r = compute(c);
    ASSERT_EQ(r.status, 0) << r.err;
    const json a = json::parse(r.out);
    EXPECT_EQ(a["betti"], json(row.betti)) << row.coefficients;
    EXPECT_EQ(a["chain_dims"], json({6, 15, 10}));
    EXPECT_EQ(a["torsion"]["1"], json({2})) << row.coefficients;
    EXPECT_EQ(a["torsion"]["0"], json::array());
    EXPECT_EQ(a["torsion"]["2"], json::array());
  }
}

TEST_F(Cli, DashReadsTheCaseFromStdin) {
  const ProcessResult r =
      run({"--backend", "cpu", "compute", "-"}, simplicial_case(kS1Simplices, R"(["betti"])"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["betti"], json({2, 0, 0}));
}

TEST_F(Cli, OutputFileHasTheSameAnswerAndNoTemporaryFileRemains) {
  const std::string text =
      simplicial_case(kRp2Simplices, R"(["betti", "torsion"])", R"({"coefficients": "Z"})");
  const fs::path c = write("rp2.json", text);
  const ProcessResult to_stdout = compute(c);
  ASSERT_EQ(to_stdout.status, 0);
  // A bare file name (no directory part) is written in the working directory.
  const ProcessResult to_file =
      run_process({TOPOSPEC_CLI, "--backend", "cpu", "compute", "rp2.json", "-o", "answer.json"},
                  "", dir_.string());
  ASSERT_EQ(to_file.status, 0) << to_file.err;
  EXPECT_TRUE(to_file.out.empty());
  std::ifstream in(dir_ / "answer.json");
  const std::string written{std::istreambuf_iterator<char>(in), {}};
  EXPECT_EQ(written, to_stdout.out);
  EXPECT_EQ(files(), (std::vector<std::string>{"answer.json", "rp2.json"}));
}

// Every bad input: exit 2, one error line naming the exact place, nothing on stdout and no
// output file.
TEST_F(Cli, BadInputsFailWithThePlaceAndWriteNothing) {
  struct Bad {
    std::string name, text, place;
  };
  const std::string want = R"(["betti"])";
  const std::vector<Bad> cases = {
      {"malformed JSON", "{\"input\": {\"type\": \"simplicial_complex\",\n \"simplices\": [[0,1]}}",
       "case.json: line 2, column 21: syntax error"},
      {"simplex not a list", simplicial_case("[[0,1],[1,2],5]", want),
       "case.json: /input/simplices/2: expected a list of vertex ids"},
      {"simplices not a list", simplicial_case("{}", want),
       "case.json: /input/simplices: expected a list"},
      {"negative id", simplicial_case("[[0,1],[1,2],[0,-3]]", want),
       "case.json: /input/simplices/2/1: negative vertex id -3"},
      {"fractional id", simplicial_case("[[0,1],[1,2],[0,1.5]]", want),
       "case.json: /input/simplices/2/1: vertex id 1.5 is not an integer"},
      {"string id", simplicial_case(R"([[0,1],[1,2],[0,"a"]])", want),
       "case.json: /input/simplices/2/1: expected a vertex id"},
      {"boolean id", simplicial_case("[[0,1],[1,2],[0,true]]", want),
       "case.json: /input/simplices/2/1: expected a vertex id"},
      {"huge id", simplicial_case("[[0,1],[1,2],[0,4611686018427387905]]", want),
       "case.json: /input/simplices/2/1: vertex id 4611686018427387905 is larger than 2^62"},
      {"repeated vertex", simplicial_case("[[0,1],[1,2,1]]", want),
       "case.json: /input/simplices/1: vertex 1 repeated in a simplex"},
      {"empty simplex", simplicial_case("[[0,1],[]]", want),
       "case.json: /input/simplices/1: empty simplex"},
      {"unknown input type", R"({"input": {"type": "cw_complex"}, "want": ["betti"]})",
       "case.json: /input/type: unknown input type \"cw_complex\" (docs/case-format.md lists"},
      // Row 0 is empty, so the matrix is lower-triangular: row 3 is the one that is short.
      {"short row of a lower-triangular distance matrix",
       R"({"input": {"type": "distance_matrix", "matrix": [[], [1], [2, 1], [1, 2]]}, "want": ["barcode"]})",
       "case.json: /input/matrix/3: row has 2 entries; row 3 of a lower-triangular matrix"},
      {"short row of a full distance matrix",
       R"({"input": {"type": "distance_matrix", "matrix": [[0, 1, 2], [1, 0, 1], [2, 1]]}, "want": ["barcode"]})",
       "case.json: /input/matrix/2: row has 2 entries; a full matrix (row 0 has 3) needs 3"},
      {"empty hyperedge",
       R"({"input": {"type": "hypergraph", "hyperedges": [[0], []]}, "want": ["betti"]})",
       "case.json: /input/hyperedges/1: empty hyperedge"},
      {"unknown coefficients", simplicial_case("[[0,1]]", want, R"({"coefficients": "R"})"),
       "case.json: /options/coefficients: unknown coefficients \"R\""},
      {"non-prime p", simplicial_case("[[0,1]]", want, R"({"coefficients": "Zp:9"})"),
       "case.json: /options/coefficients: 9 is not a prime"},
      {"negative max_dim", simplicial_case("[[0,1]]", want, R"({"max_dim": -1})"),
       "case.json: /options/max_dim: max_dim must be >= 0"},
      {"unknown want key",
       simplicial_case("[[0,1]]", R"(["betti", "chain_dims", "euler_characteristic", "bettti"])"),
       "case.json: /want/3: unknown quantity \"bettti\""},
      {"unsupported quantity", simplicial_case("[[0,1]]", R"(["betti", "barcode"])"),
       "case.json: /want/1: \"barcode\" needs a filtration"},
      {"wrong format",
       R"({"format": "topospec-case/2", "input": {"type": "simplicial_complex", "simplices": []}})",
       "case.json: /format: unsupported format"},
  };
  for (const Bad& b : cases) {
    SCOPED_TRACE(b.name);
    write("case.json", b.text);
    // Run in the temporary directory so that the message names "case.json" as given.
    const ProcessResult here =
        run_process({TOPOSPEC_CLI, "--backend", "cpu", "compute", "case.json", "-o", "answer.json"},
                    "", dir_.string());
    EXPECT_EQ(here.status, 2) << here.err;
    EXPECT_EQ(here.err.rfind("topospec: error: " + b.place, 0), 0u) << here.err;
    EXPECT_EQ(std::count(here.err.begin(), here.err.end(), '\n'), 1) << here.err;
    EXPECT_TRUE(here.out.empty());
    EXPECT_EQ(files(), std::vector<std::string>{"case.json"});
    // Through stdin the same error names <stdin> and prints nothing on stdout.
    const ProcessResult piped = run({"--backend", "cpu", "compute", "-"}, b.text);
    EXPECT_EQ(piped.status, 2);
    EXPECT_TRUE(piped.out.empty());
    EXPECT_NE(piped.err.find("<stdin>: " + b.place.substr(std::string("case.json: ").size())),
              std::string::npos)
        << piped.err;
  }
}

TEST_F(Cli, UnknownOptionIsOnlyAWarning) {
  const fs::path c = write("c.json", simplicial_case(kS1Simplices, R"(["betti"])",
                                                     R"({"coefficients": "Q", "colour": "blue"})"));
  const ProcessResult r = compute(c);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["betti"], json({2, 0, 0}));
  EXPECT_NE(r.err.find("topospec: warning: " + c.string() + ": /options/colour: unknown option"),
            std::string::npos)
      << r.err;
}

TEST_F(Cli, SimplexWithSeventyVerticesIsAResourceLimitWithAnEstimate) {
  std::vector<int> v(70);
  std::iota(v.begin(), v.end(), 0);
  const fs::path c = write("big.json", simplicial_case(json({v}).dump(), R"(["betti"])"));
  const ProcessResult r =
      run({"--backend", "cpu", "compute", c.string(), "-o", (dir_ / "out.json").string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("topospec: error: "), std::string::npos);
  EXPECT_NE(r.err.find("1.18e+21 simplices"), std::string::npos) << r.err;  // 2^70 − 1
  EXPECT_NE(r.err.find("GiB"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_FALSE(fs::exists(dir_ / "out.json"));
}

TEST_F(Cli, UsageErrorsExitTwoWithOneErrorLine) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"frobnicate"},
                                               {"compute"},
                                               {"compute", "x.json", "--bogus"},
                                               {"--backend", "gpu", "compute", "x.json"},
                                               {},
                                               {"export", "x.json", "--all", "d", "--dim", "1"},
                                               {"verify", "--seed", "3"},
                                               {"plot", "histogram", "a.json"}}) {
    const ProcessResult r = run(args);
    EXPECT_EQ(r.status, 2) << (args.empty() ? "" : args[0]) << r.err;
    EXPECT_TRUE(r.out.empty());
    // One line, as every other error: "topospec: error: <the problem> (see ... --help)".
    EXPECT_EQ(r.err.rfind("topospec: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("--help)"), std::string::npos) << r.err;
  }
  EXPECT_EQ(run({"compute"}).err,
            "topospec: error: case is required (see topospec compute --help)\n");
  const ProcessResult missing = run({"--backend", "cpu", "compute", (dir_ / "nope.json").string()});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nope.json: no such file"), std::string::npos) << missing.err;
}

TEST_F(Cli, HelpAndVersion) {
  const ProcessResult help = run({"--help"});
  EXPECT_EQ(help.status, 0);
  for (const char* s : {"compute", "export", "topospec compute", "topospec export", "--backend",
                        "Exit status", "Matrix Market"})
    EXPECT_NE(help.out.find(s), std::string::npos) << s;
  const ProcessResult version = run({"--version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("topospec ", 0), 0u) << version.out;
}

TEST_F(Cli, AutoBackendSaysWhenItFallsBack) {
  const fs::path c = write("c.json", simplicial_case(kS1Simplices, R"(["betti"])"));
  const topospec::BackendChoice choice = topospec::select_backend(topospec::Backend::Auto);
  const ProcessResult r = run({"--backend", "auto", "compute", c.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  if (choice.message.empty())
    EXPECT_TRUE(r.err.empty()) << r.err;
  else
    EXPECT_NE(r.err.find(choice.message), std::string::npos) << r.err;
  EXPECT_TRUE(compute(c).err.empty()) << "--backend cpu must be silent";
}

TEST_F(Cli, ExportedMatricesReadBackAsTheLibraryOperators) {
  const fs::path c = write("s1.json", simplicial_case(kS1Simplices, R"(["betti"])"));
  const auto k = topospec::SimplicialComplex::from_simplices(
      {{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {2, 3, 4}});
  const topospec::ChainComplex cc = topospec::chain_complex(k);

  const ProcessResult one = run({"--backend", "cpu", "export", c.string(), "--matrix", "boundary",
                                 "--dim", "1", "-o", (dir_ / "b1.mtx").string()});
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_TRUE(one.out.empty());
  {
    std::ifstream in(dir_ / "b1.mtx");
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    EXPECT_NE(text.find("(orientation of docs/case-format.md)"), std::string::npos) << text;
    EXPECT_EQ(text.find("CASES.md"), std::string::npos) << text;
  }
  const topospec::RealMatrix b1 = read_mtx(dir_ / "b1.mtx");
  EXPECT_EQ(
      max_difference(b1, topospec::RealMatrix(topospec::boundary_matrix(k, 1).cast<double>())), 0);
  // The hand-written B_1 of REFERENCE.md §3.1 (rows 1..5, columns 12, 23, 24, 34).
  Eigen::MatrixXd b1_ref(5, 4);
  b1_ref << -1, 0, 0, 0, 1, -1, -1, 0, 0, 1, 0, -1, 0, 0, 1, 1, 0, 0, 0, 0;
  EXPECT_EQ((Eigen::MatrixXd(b1) - b1_ref).cwiseAbs().maxCoeff(), 0);

  const fs::path all = dir_ / "matrices";
  const ProcessResult r = run({"--backend", "cpu", "export", c.string(), "--all", all.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  for (int q = 1; q <= 2; ++q)
    EXPECT_EQ(max_difference(read_mtx(all / ("boundary_" + std::to_string(q) + ".mtx")),
                             topospec::RealMatrix(topospec::boundary_matrix(k, q).cast<double>())),
              0);
  for (int q = 0; q <= 2; ++q)
    EXPECT_EQ(max_difference(read_mtx(all / ("laplacian_" + std::to_string(q) + ".mtx")),
                             topospec::hodge_laplacian(cc, q)),
              0);
  EXPECT_EQ(max_difference(read_mtx(all / "dirac.mtx"), topospec::dirac_operator(cc)), 0);
  std::ifstream cells(all / "cells_1.txt");
  const std::string text{std::istreambuf_iterator<char>(cells), {}};
  EXPECT_EQ(text, "1 2\n2 3\n2 4\n3 4\n");

  // up/down Laplacians and the per-degree Dirac, one file each.
  const ProcessResult up = run({"--backend", "cpu", "export", c.string(), "--matrix", "dirac",
                                "--dim", "1", "-o", (dir_ / "d1.mtx").string()});
  ASSERT_EQ(up.status, 0) << up.err;
  EXPECT_EQ(max_difference(read_mtx(dir_ / "d1.mtx"), topospec::dirac_operator(cc, 1)), 0);
}

// -o writes through a symbolic link: the link stays and its target gets the file, even when
// the target does not exist yet (compute, export and plot share the writer).
TEST_F(Cli, OutputThroughASymbolicLinkWritesItsTarget) {
  const fs::path c = write("s1.json", simplicial_case(kS1Simplices, R"(["betti"])"));
  const std::string answer = compute(c).out;
  fs::create_directory(dir_ / "real");
  write("real/answer.json", "old");
  fs::create_symlink("real/answer.json", dir_ / "answer.json");  // relative to the link
  fs::create_symlink(dir_ / "real" / "new.json", dir_ / "dangling.json");
  for (const char* link : {"answer.json", "dangling.json"}) {
    SCOPED_TRACE(link);
    const ProcessResult r =
        run({"--backend", "cpu", "compute", c.string(), "-o", (dir_ / link).string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(dir_ / link));
    std::ifstream in(dir_ / link);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), answer);
  }
  fs::create_symlink("real/b1.mtx", dir_ / "b1.mtx");
  const ProcessResult e = run({"--backend", "cpu", "export", c.string(), "--matrix", "boundary",
                               "--dim", "1", "-o", (dir_ / "b1.mtx").string()});
  ASSERT_EQ(e.status, 0) << e.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "b1.mtx"));
  EXPECT_EQ(read_mtx(dir_ / "real" / "b1.mtx").rows(), 5);
  // No temporary file left, and the links are still links (files() would resolve them).
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir_))
    names.push_back(e.path().lexically_relative(dir_).string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"answer.json", "b1.mtx", "dangling.json", "real",
                                             "real/answer.json", "real/b1.mtx", "real/new.json",
                                             "s1.json"}));
}

// A FIFO (as a device) cannot be replaced by a rename: it is written directly, and stays.
TEST_F(Cli, OutputToAFifoIsWrittenThrough) {
  const fs::path c = write("s1.json", simplicial_case(kS1Simplices, R"(["betti"])"));
  const fs::path fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const ProcessResult r =
      run_process({"/bin/sh", "-c",
                   "cat fifo > got.json & '" + std::string(TOPOSPEC_CLI) +
                       "' --backend cpu compute s1.json -o fifo; s=$?; wait; exit $s"},
                  "", dir_.string());
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream in(dir_ / "got.json");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), compute(c).out);
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(files(), (std::vector<std::string>{"fifo", "got.json", "s1.json"}));
}

// A write error on such an output (here a FIFO whose reader leaves without reading; as
// /dev/full's "No space left on device") is an error, not success.
TEST_F(Cli, AWriteErrorOnAFifoIsAnError) {
  json doc = {{"input", {{"type", "filtered_complex"}, {"simplices", json::array()}}},
              {"want", {"barcode"}}};
  for (int v = 0; v < 20000; ++v)  // 20000 bars: far more than a pipe holds (64 KiB)
    doc["input"]["simplices"].push_back({{"simplex", {v}}, {"value", 0}});
  write("many.json", doc.dump());
  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  const ProcessResult r =
      run_process({"/bin/sh", "-c",
                   "(exec 3<fifo) & '" + std::string(TOPOSPEC_CLI) +
                       "' --backend cpu compute many.json -o fifo; s=$?; wait; exit $s"},
                  "", dir_.string());
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.err.rfind("topospec: error: fifo: cannot write: Broken pipe", 0), 0u) << r.err;
  EXPECT_EQ(files(), (std::vector<std::string>{"fifo", "many.json"}));
}

TEST_F(Cli, ExportFailuresWriteNothing) {
  const fs::path c = write("s1.json", simplicial_case(kS1Simplices, R"(["betti"])"));
  const ProcessResult bad_dim = run({"--backend", "cpu", "export", c.string(), "--matrix",
                                     "boundary", "--dim", "3", "-o", (dir_ / "b3.mtx").string()});
  EXPECT_EQ(bad_dim.status, 2);
  EXPECT_NE(bad_dim.err.find("--dim: boundary map exists for degrees 1..2"), std::string::npos)
      << bad_dim.err;
  const fs::path bad = write("bad.json", simplicial_case("[[0,-1]]", R"(["betti"])"));
  const ProcessResult bad_case =
      run({"--backend", "cpu", "export", bad.string(), "--all", (dir_ / "m").string()});
  EXPECT_EQ(bad_case.status, 2);
  EXPECT_NE(bad_case.err.find("/input/simplices/0/1: negative vertex id -1"), std::string::npos);
  const ProcessResult no_output =
      run({"--backend", "cpu", "export", c.string(), "--matrix", "laplacian"});
  EXPECT_EQ(no_output.status, 2);
  EXPECT_EQ(files(), (std::vector<std::string>{"bad.json", "s1.json"}));
}

}  // namespace

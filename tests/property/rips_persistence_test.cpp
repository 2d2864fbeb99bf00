// rips_persistence against independent implementations on the same inputs:
//  * the `ripser` binary (float32 distances: bars compared within 1e-5 on point clouds, exactly
//    on integer distance matrices, where ties are everywhere);
//  * GUDHI (RipsComplex + persistence through /usr/bin/python3), over Z/2 and Z/3;
//  * persistence(rips_complex(d, max_dim + 1, threshold).chain_complex()) of this library.
// A missing peer skips its test visibly.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "topospec/topology/error.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/persistence.hpp"
#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/rips_persistence.hpp"

namespace topospec {
namespace {

namespace fs = std::filesystem;
constexpr double kInf = std::numeric_limits<double>::infinity();
using Rows = std::vector<std::vector<double>>;

// ---- Running peers.

std::optional<std::string> run(const std::string& command) {
  std::FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    out.append(buffer, got);
  if (pclose(pipe) != 0) return std::nullopt;
  return out;
}

bool have_ripser() { return std::system("command -v ripser >/dev/null 2>&1") == 0; }
bool ripser_has_modulus() {
  const auto help = run("ripser --help 2>&1; true");
  return help && help->find("--modulus") != std::string::npos;
}
bool have_gudhi() { return std::system("/usr/bin/python3 -c 'import gudhi' >/dev/null 2>&1") == 0; }

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "rips_test_XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Ripser's and GUDHI's outputs, both as "dim q" headers and " [b,d)" / " [b, )" lines.
std::vector<std::vector<Bar>> parse_intervals(const std::string& text, int max_dim) {
  std::vector<std::vector<Bar>> bars(static_cast<std::size_t>(max_dim) + 1);
  static const std::regex header(R"(persistence intervals in dim (\d+):)");
  static const std::regex interval(R"(^\s*\[([^,]+),\s*([^)]*)\))");
  std::istringstream in(text);
  int q = -1;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, header)) {
      q = std::stoi(m[1]);
    } else if (q >= 0 && q <= max_dim && std::regex_search(line, m, interval)) {
      const std::string death = m[2];
      bars[static_cast<std::size_t>(q)].push_back(
          Bar{std::stod(m[1]), death.find_first_not_of(' ') == std::string::npos ||
                                       death.find("inf") != std::string::npos
                                   ? kInf
                                   : std::stod(death)});
    }
  }
  return bars;
}

// Multisets of bars equal within tol (greedy matching on sorted lists; bars shorter than tol may
// be missing on either side, because float32 distances can turn them into zero-length ones).
::testing::AssertionResult same_bars(const std::vector<std::vector<Bar>>& ours,
                                     const std::vector<std::vector<Bar>>& theirs, double tol,
                                     const std::string& what) {
  for (std::size_t q = 0; q < std::max(ours.size(), theirs.size()); ++q) {
    std::vector<Bar> a = q < ours.size() ? ours[q] : std::vector<Bar>{};
    std::vector<Bar> b = q < theirs.size() ? theirs[q] : std::vector<Bar>{};
    auto by_value = [](const Bar& x, const Bar& y) {
      return x.birth < y.birth || (x.birth == y.birth && x.death < y.death);
    };
    std::sort(a.begin(), a.end(), by_value);
    std::sort(b.begin(), b.end(), by_value);
    std::vector<bool> used(b.size(), false);
    auto close = [tol](double x, double y) { return x == y || std::abs(x - y) <= tol; };
    for (const Bar& x : a) {
      bool found = false;
      for (std::size_t i = 0; i < b.size() && !found; ++i)
        if (!used[i] && close(x.birth, b[i].birth) && close(x.death, b[i].death))
          used[i] = found = true;
      if (!found && !(x.length() <= tol))
        return ::testing::AssertionFailure() << what << ": degree " << q << " bar [" << x.birth
                                             << ", " << x.death << ") has no partner ("
                                             << a.size() << " vs " << b.size() << " bars)";
    }
    for (std::size_t i = 0; i < b.size(); ++i)
      if (!used[i] && !(b[i].length() <= tol))
        return ::testing::AssertionFailure() << what << ": degree " << q << " peer bar ["
                                             << b[i].birth << ", " << b[i].death
                                             << ") has no partner";
  }
  return ::testing::AssertionSuccess();
}

// ---- Inputs.

Rows random_cloud(std::mt19937_64& rng, int n, int dim) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Rows rows(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(dim)));
  for (auto& r : rows)
    for (double& x : r) x = u(rng);
  return rows;
}

// Random integer distances in 1..k: many ties, and no triangle inequality.
DistanceMatrix random_integer_matrix(std::mt19937_64& rng, int n, int k) {
  std::uniform_int_distribution<int> u(1, k);
  Rows lower(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < i; ++j) lower[static_cast<std::size_t>(i)].push_back(u(rng));
  return DistanceMatrix::from_rows(lower);
}

Rows sphere(std::mt19937_64& rng, int n) {
  std::normal_distribution<double> g;
  Rows rows;
  while (static_cast<int>(rows.size()) < n) {
    std::vector<double> x{g(rng), g(rng), g(rng)};
    const double r = std::hypot(x[0], x[1], x[2]);
    if (r < 1e-6) continue;
    for (double& c : x) c /= r;
    rows.push_back(x);
  }
  return rows;
}

Rows torus(std::mt19937_64& rng, int n) {  // the flat torus in R⁴
  std::uniform_real_distribution<double> angle(0.0, 2 * M_PI);
  Rows rows;
  for (int i = 0; i < n; ++i) {
    const double a = angle(rng), b = angle(rng);
    rows.push_back({std::cos(a), std::sin(a), std::cos(b), std::sin(b)});
  }
  return rows;
}

void write_points(const std::string& path, const Rows& rows) {
  std::ofstream out(path);
  out.precision(17);
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << r[i];
    out << "\n";
  }
}

void write_lower(const std::string& path, const DistanceMatrix& d) {
  std::ofstream out(path);
  out.precision(17);
  for (std::size_t i = 0; i < d.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) out << (j ? "," : "") << d(i, j);
    out << "\n";
  }
}

Barcode ours(const DistanceMatrix& d, int max_dim, std::optional<double> threshold,
             std::uint32_t p) {
  RipsPersistenceOptions opts;
  opts.max_dim = max_dim;
  opts.threshold = threshold;
  opts.coefficients = Coefficients::prime_field(p);
  return rips_persistence(d, opts);
}

std::string ripser_command(const std::string& format, const std::string& file, int max_dim,
                           std::optional<double> threshold, std::uint32_t p = 2) {
  std::ostringstream cmd;
  cmd.precision(17);
  cmd << "ripser --format " << format << " --dim " << max_dim;
  if (p != 2) cmd << " --modulus " << p;
  if (threshold) cmd << " --threshold " << *threshold;
  cmd << " " << file;
  return cmd.str();
}

// ---- Ripser.

TEST(RipsPersistenceRipser, RandomPointClouds) {
  if (!have_ripser()) GTEST_SKIP() << "the ripser binary is not installed (apt-get install ripser)";
  TempDir tmp;
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 24; ++trial) {
    const int n = 6 + static_cast<int>(rng() % 25), dim = 2 + static_cast<int>(rng() % 2);
    // Ripser 1.2.1 aborts on --dim 0 without a threshold (binomial table assertion).
    const int max_dim = 1 + static_cast<int>(rng() % 2);
    const Rows rows = random_cloud(rng, n, dim);
    const DistanceMatrix d = DistanceMatrix::euclidean(PointCloud::from_rows(rows));
    std::optional<double> threshold;
    if (trial % 3 == 1) threshold = 0.3 + 0.3 * std::uniform_real_distribution<double>()(rng);
    write_points(tmp.file("points.csv"), rows);
    const auto out = run(ripser_command("point-cloud", tmp.file("points.csv"), max_dim, threshold));
    ASSERT_TRUE(out) << "ripser failed";
    EXPECT_TRUE(same_bars(ours(d, max_dim, threshold, 2).bars, parse_intervals(*out, max_dim),
                          1e-5, "trial " + std::to_string(trial) + " n=" + std::to_string(n)));
  }
}

TEST(RipsPersistenceRipser, IntegerDistanceMatricesWithTies) {
  if (!have_ripser()) GTEST_SKIP() << "the ripser binary is not installed (apt-get install ripser)";
  TempDir tmp;
  std::mt19937_64 rng(11);
  const bool modulus = ripser_has_modulus();
  for (int trial = 0; trial < 24; ++trial) {
    const int n = 5 + static_cast<int>(rng() % 14), max_dim = 1 + static_cast<int>(rng() % 2);
    const DistanceMatrix d = random_integer_matrix(rng, n, 2 + static_cast<int>(rng() % 5));
    std::optional<double> threshold;
    if (trial % 2 == 1) threshold = static_cast<double>(1 + rng() % 4);
    write_lower(tmp.file("d.ldm"), d);
    for (std::uint32_t p : {2u, 3u}) {
      if (p != 2 && !modulus) continue;  // Debian's ripser is built without --modulus
      const auto out = run(ripser_command("lower-distance", tmp.file("d.ldm"), max_dim, threshold, p));
      ASSERT_TRUE(out) << "ripser failed";
      EXPECT_TRUE(same_bars(ours(d, max_dim, threshold, p).bars, parse_intervals(*out, max_dim),
                            0.0, "trial " + std::to_string(trial) + " p=" + std::to_string(p)));
    }
  }
}

TEST(RipsPersistenceRipser, SphereAndTorusSamples) {
  if (!have_ripser()) GTEST_SKIP() << "the ripser binary is not installed (apt-get install ripser)";
  TempDir tmp;
  std::mt19937_64 rng(3);
  struct Sample {
    Rows rows;
    std::optional<double> threshold;
    int max_dim;
  };
  const std::vector<Sample> samples = {
      {sphere(rng, 60), std::nullopt, 2}, {sphere(rng, 80), 0.8, 2}, {torus(rng, 70), 1.2, 2}};
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const Sample& s = samples[i];
    const DistanceMatrix d = DistanceMatrix::euclidean(PointCloud::from_rows(s.rows));
    write_points(tmp.file("points.csv"), s.rows);
    const auto out = run(ripser_command("point-cloud", tmp.file("points.csv"), s.max_dim, s.threshold));
    ASSERT_TRUE(out) << "ripser failed";
    const Barcode b = ours(d, s.max_dim, s.threshold, 2);
    EXPECT_TRUE(same_bars(b.bars, parse_intervals(*out, s.max_dim), 1e-5,
                          "sample " + std::to_string(i)));
    if (i == 0) {  // the sphere: one component, one 2-class, all finite in degree 1
      EXPECT_EQ(std::count_if(b.bars[0].begin(), b.bars[0].end(), [](const Bar& x) { return x.infinite(); }), 1);
      EXPECT_EQ(std::count_if(b.bars[2].begin(), b.bars[2].end(), [](const Bar& x) { return x.length() > 0.3; }), 1);
    }
  }
}

// ---- GUDHI: all cases of one run go to one Python process (importing gudhi is the slow part).

constexpr const char* kGudhiScript = R"PY(
import sys, gudhi
for path in sys.argv[1:]:
    lines = open(path).read().split('\n')
    kind, p, max_dim, thr, n = lines[0].split()
    p, max_dim, n = int(p), int(max_dim), int(n)
    rows = [[float(x) for x in l.split(',')] if l else [] for l in lines[1:1 + n]]
    args = {} if thr == 'none' else {'max_edge_length': float(thr)}
    if kind == 'points':
        rips = gudhi.RipsComplex(points=rows, **args)
    else:
        rips = gudhi.RipsComplex(distance_matrix=rows, **args)
    st = rips.create_simplex_tree(max_dimension=max_dim + 1)
    pers = st.persistence(homology_coeff_field=p, min_persistence=0)
    print('case', path)
    for q in range(max_dim + 1):
        print('persistence intervals in dim %d:' % q)
        for (dq, (b, d)) in pers:
            if dq == q:
                print(' [%r,%s)' % (b, '' if d == float('inf') else repr(d)))
)PY";

TEST(RipsPersistenceGudhi, RandomInputsOverZ2AndZ3) {
  if (!have_gudhi()) GTEST_SKIP() << "GUDHI is not importable by /usr/bin/python3 (apt-get install python3-gudhi)";
  TempDir tmp;
  std::mt19937_64 rng(5);
  struct Case {
    DistanceMatrix d;
    std::optional<double> threshold;
    int max_dim;
    std::uint32_t p;
  };
  std::vector<Case> cases;
  std::string args;
  for (int trial = 0; trial < 24; ++trial) {
    Case c;
    c.max_dim = static_cast<int>(rng() % 3);
    c.p = trial % 2 ? 3 : 2;
    const std::string path = tmp.file("case" + std::to_string(trial) + ".txt");
    std::ofstream out(path);
    out.precision(17);
    if (trial % 3 == 0) {  // integer distances with ties; GUDHI wants the lower triangle
      const int n = 5 + static_cast<int>(rng() % 12);
      c.d = random_integer_matrix(rng, n, 2 + static_cast<int>(rng() % 4));
      if (trial % 2) c.threshold = 2.0;
      out << "matrix " << c.p << " " << c.max_dim << " " << (c.threshold ? "2.0" : "none") << " "
          << n << "\n";
      for (std::size_t i = 0; i < c.d.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) out << (j ? "," : "") << c.d(i, j);
        out << "\n";
      }
    } else {
      const int n = 6 + static_cast<int>(rng() % 20);
      const Rows rows = trial % 3 == 1 ? random_cloud(rng, n, 3) : torus(rng, n);
      c.d = DistanceMatrix::euclidean(PointCloud::from_rows(rows));
      if (trial % 4 == 2) c.threshold = 0.9;
      out << "points " << c.p << " " << c.max_dim << " " << (c.threshold ? "0.9" : "none") << " "
          << n << "\n";
      for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << r[i];
        out << "\n";
      }
    }
    cases.push_back(std::move(c));
    args += " " + path;
  }
  {
    std::ofstream script(tmp.file("peer.py"));
    script << kGudhiScript;
  }
  const auto out = run("/usr/bin/python3 " + tmp.file("peer.py") + args);
  ASSERT_TRUE(out) << "the GUDHI script failed";
  std::vector<std::string> chunks;
  for (std::size_t at = out->find("case "); at != std::string::npos;) {
    const std::size_t next = out->find("\ncase ", at + 1);
    chunks.push_back(out->substr(at, next == std::string::npos ? std::string::npos : next - at));
    at = next == std::string::npos ? next : next + 1;
  }
  ASSERT_EQ(chunks.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    EXPECT_TRUE(same_bars(ours(c.d, c.max_dim, c.threshold, c.p).bars,
                          parse_intervals(chunks[i], c.max_dim), 1e-9,
                          "case " + std::to_string(i) + " p=" + std::to_string(c.p)));
  }
}

// ---- The library's own explicit path: rips_complex + persistence.

TEST(RipsPersistence, EqualsPersistenceOfTheExplicitRipsComplex) {
  std::mt19937_64 rng(13);
  for (int trial = 0; trial < 40; ++trial) {
    const int max_dim = static_cast<int>(rng() % 3);
    const std::uint32_t p = trial % 3 == 2 ? 3 : 2;
    DistanceMatrix d;
    std::optional<double> threshold;
    if (trial % 2) {
      d = random_integer_matrix(rng, 4 + static_cast<int>(rng() % 10), 2 + static_cast<int>(rng() % 4));
      if (trial % 4 == 1) threshold = 2.0;
    } else {
      d = DistanceMatrix::euclidean(
          PointCloud::from_rows(random_cloud(rng, 4 + static_cast<int>(rng() % 16), 2)));
      if (trial % 4 == 2) threshold = 0.5;
    }
    PersistenceOptions popts;
    popts.coefficients = Coefficients::prime_field(p);
    popts.max_dim = max_dim;
    Barcode expected = persistence(rips_complex(d, max_dim + 1, threshold).chain_complex(), popts);
    expected.bars.resize(static_cast<std::size_t>(max_dim) + 1);
    const Barcode got = ours(d, max_dim, threshold, p);
    EXPECT_TRUE(same_bars(got.bars, expected.bars, 0.0, "trial " + std::to_string(trial)));
    ASSERT_EQ(got.bars.size(), static_cast<std::size_t>(max_dim) + 1);
    for (const auto& bars : got.bars)
      EXPECT_TRUE(std::is_sorted(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
        return a.birth < b.birth || (a.birth == b.birth && a.death < b.death);
      }));
  }
}

// ---- Hand-checked cases and input validation.

TEST(RipsPersistence, SquareHasOneLoop) {
  // A unit square: the 4 sides enter at 1, the diagonals at √2 fill the loop.
  const DistanceMatrix d = DistanceMatrix::euclidean(
      PointCloud::from_rows({{0, 0}, {1, 0}, {1, 1}, {0, 1}}));
  const Barcode b = ours(d, 1, std::nullopt, 2);
  ASSERT_EQ(b.bars.size(), 2u);
  EXPECT_EQ(b.bars[0], (std::vector<Bar>{{0, 1}, {0, 1}, {0, 1}, {0, kInf}}));
  ASSERT_EQ(b.bars[1].size(), 1u);
  EXPECT_EQ(b.bars[1][0].birth, 1.0);
  EXPECT_DOUBLE_EQ(b.bars[1][0].death, std::sqrt(2.0));
  // With a threshold below √2 the loop never dies; over Q (mod 2^31 − 1) likewise.
  RipsPersistenceOptions opts;
  opts.threshold = 1.2;
  opts.coefficients = Coefficients::rationals();
  EXPECT_EQ(rips_persistence(d, opts).bars[1], (std::vector<Bar>{{1, kInf}}));
  // A threshold below every edge leaves the points.
  opts.threshold = 0.5;
  EXPECT_EQ(rips_persistence(d, opts).bars[0], (std::vector<Bar>(4, Bar{0, kInf})));
}

TEST(RipsPersistence, SmallInputs) {
  RipsPersistenceOptions opts;
  opts.max_dim = 3;
  const Barcode one = rips_persistence(DistanceMatrix::from_rows({{0}}), opts);
  ASSERT_EQ(one.bars.size(), 4u);
  EXPECT_EQ(one.bars[0], (std::vector<Bar>{{0, kInf}}));
  for (int q = 1; q <= 3; ++q) EXPECT_TRUE(one.bars[static_cast<std::size_t>(q)].empty());
  // Duplicate points: the zero-length bar is dropped.
  const Barcode twins = rips_persistence(DistanceMatrix::from_rows({{0, 0}, {0, 0}}), opts);
  EXPECT_EQ(twins.bars[0], (std::vector<Bar>{{0, kInf}}));
}

TEST(RipsPersistence, RejectsBadOptions) {
  const DistanceMatrix d = DistanceMatrix::from_rows({{0, 1}, {1, 0}});
  RipsPersistenceOptions opts;
  opts.max_dim = -1;
  EXPECT_THROW(rips_persistence(d, opts), InvalidInput);
  opts.max_dim = 1;
  opts.threshold = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(rips_persistence(d, opts), InvalidInput);
  opts.threshold.reset();
  opts.coefficients = Coefficients::integers();
  try {
    rips_persistence(d, opts);
    FAIL() << "Z coefficients accepted";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "coefficients");
  }
}

TEST(RipsPersistence, ProgressCanCancel) {
  std::mt19937_64 rng(1);
  const DistanceMatrix d = DistanceMatrix::euclidean(PointCloud::from_rows(random_cloud(rng, 30, 3)));
  RipsPersistenceOptions opts;
  opts.max_dim = 2;
  std::size_t calls = 0;
  opts.progress = [&](std::string_view, std::size_t done, std::size_t total) {
    EXPECT_LE(done, total);
    ++calls;
    return true;
  };
  (void)rips_persistence(d, opts);
  EXPECT_GE(calls, 4u);
  opts.progress = [](std::string_view stage, std::size_t, std::size_t) {
    return stage.find("degree 1") == std::string_view::npos;
  };
  EXPECT_THROW(rips_persistence(d, opts), Error);
}

}  // namespace
}  // namespace topospec

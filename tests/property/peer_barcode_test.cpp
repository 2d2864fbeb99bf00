// Barcodes against the peers a user would pick instead: GUDHI (SimplexTree.persistence and
// RipsComplex, through /usr/bin/python3) on random filtered complexes, lower-star filtrations
// and Rips filtrations, and Ripser's Debian binaries on the Rips filtrations, over Z/2 and Z/3.
// GUDHI works in double precision, so its bars must match to 1e-9; Ripser computes distances in
// float32, so its bars match to 1e-5 (bars shorter than that are ignored on both sides).
// Each peer that is missing makes its test skip, visibly.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/filtration.hpp"
#include "topospec/topology/generators.hpp"
#include "topospec/topology/persistence.hpp"
#include "topospec/topology/point_cloud.hpp"

namespace topospec {
namespace {

namespace fs = std::filesystem;
constexpr double kInf = std::numeric_limits<double>::infinity();

// ---- Running peers.

struct Output {
  int status = -1;
  std::string text;
};

Output run(const std::string& command) {
  Output out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.text.append(buffer.data(), n);
  out.status = pclose(pipe);
  return out;
}

fs::path scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("topospec_peer_barcode_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

constexpr const char* kPython = "/usr/bin/python3";

// Reads a batch of instances and prints "id dim birth death" per bar:
//   complex ID P MAXDIM      then "s v0 … vq value" lines (faces before cofaces)
//   rips ID P MAXDIM T       then "x0 x1 …" point lines
constexpr const char* kGudhiScript = R"PY(
import sys, gudhi
def finish(st, ident, p, maxdim):
    for d, (b, e) in st.persistence(homology_coeff_field=p, min_persistence=0,
                                     persistence_dim_max=True):
        if d <= maxdim:
            print(ident, d, repr(float(b)), repr(float(e)))
def flush(cur):
    if cur is None:
        return
    kind, head, rows = cur
    if kind == "complex":
        ident, p, maxdim = head[0], int(head[1]), int(head[2])
        st = gudhi.SimplexTree()
        for r in sorted(rows, key=len):
            st.insert([int(x) for x in r[:-1]], float(r[-1]))
    else:
        ident, p, maxdim, t = head[0], int(head[1]), int(head[2]), float(head[3])
        pts = [[float(x) for x in r] for r in rows]
        st = gudhi.RipsComplex(points=pts, max_edge_length=t).create_simplex_tree(
            max_dimension=maxdim + 1)
    finish(st, ident, p, maxdim)
cur = None
for line in open(sys.argv[1]):
    f = line.split()
    if not f:
        continue
    if f[0] in ("complex", "rips"):
        flush(cur)
        cur = (f[0], f[1:], [])
    elif f[0] == "s":
        cur[2].append(f[1:])
    else:
        cur[2].append(f)
flush(cur)
)PY";

bool gudhi_available() {
  static const bool ok = run(std::string(kPython) + " -c 'import gudhi'").status == 0;
  return ok;
}

std::string ripser_binary(std::uint32_t p) {
  const std::string b = p == 2 ? "/usr/bin/ripser" : "/usr/bin/ripser-coeff";
  return fs::exists(b) ? b : std::string();
}

std::string number(double x) {
  std::ostringstream s;
  s.precision(17);
  s << x;
  return s.str();
}

using Bars = std::vector<std::vector<Bar>>;  // by degree

// One GUDHI batch: instances written by the callers, bars read back by instance id.
class GudhiBatch {
 public:
  void add_complex(int id, std::uint32_t p, int max_dim, const SimplicialComplex& k,
                   const std::vector<std::vector<double>>& values) {
    text_ << "complex " << id << ' ' << p << ' ' << max_dim << '\n';
    for (int q = 0; q <= k.dimension(); ++q)
      for (std::size_t i = 0; i < k.size(q); ++i) {
        text_ << 's';
        for (VertexId v : k.simplex_ids(q, i)) text_ << ' ' << v;
        text_ << ' ' << number(values[q][i]) << '\n';
      }
  }
  void add_rips(int id, std::uint32_t p, int max_dim, double threshold, const PointCloud& pts) {
    text_ << "rips " << id << ' ' << p << ' ' << max_dim << ' ' << number(threshold) << '\n';
    for (std::size_t i = 0; i < pts.size(); ++i) {
      for (double x : pts.point(i)) text_ << number(x) << ' ';
      text_ << '\n';
    }
  }
  // Runs GUDHI; false (with the reason in `error`) when it failed.
  bool run_all(std::string& error) {
    const fs::path script = scratch() / "gudhi_barcodes.py", input = scratch() / "gudhi_in.txt";
    std::ofstream(script) << kGudhiScript;
    std::ofstream(input) << text_.str();
    const Output o = run(std::string(kPython) + " " + script.string() + " " + input.string());
    if (o.status != 0) {
      error = o.text;
      return false;
    }
    std::istringstream lines(o.text);
    std::string line;
    while (std::getline(lines, line)) {
      std::istringstream f(line);
      int id, d;
      std::string b, e;
      if (!(f >> id >> d >> b >> e)) continue;
      auto& bars = result_[id];
      if (bars.size() <= static_cast<std::size_t>(d)) bars.resize(d + 1);
      bars[d].push_back({std::stod(b), std::stod(e)});
    }
    return true;
  }
  Bars bars(int id) const {
    auto it = result_.find(id);
    return it == result_.end() ? Bars{} : it->second;
  }

 private:
  std::ostringstream text_;
  std::map<int, Bars> result_;
};

// Ripser on a point cloud: bars of degrees 0 … max_dim, or nullopt when it failed.
std::optional<Bars> ripser_bars(const std::string& binary, std::uint32_t p, int max_dim,
                                double threshold, const PointCloud& pts, std::string& error) {
  const fs::path input = scratch() / "ripser_in.txt";
  {
    std::ofstream f(input);
    for (std::size_t i = 0; i < pts.size(); ++i) {
      for (double x : pts.point(i)) f << number(x) << ' ';
      f << '\n';
    }
  }
  std::string command = binary + " --format point-cloud --dim " + std::to_string(max_dim) +
                        " --threshold " + number(threshold);
  if (p != 2) command += " --modulus " + std::to_string(p);
  const Output o = run(command + " " + input.string());
  if (o.status != 0) {
    error = o.text;
    return std::nullopt;
  }
  Bars bars(static_cast<std::size_t>(max_dim) + 1);
  std::istringstream lines(o.text);
  std::string line;
  int dim = -1;
  const std::string header = "persistence intervals in dim ";
  while (std::getline(lines, line)) {
    if (line.rfind(header, 0) == 0) {
      dim = std::stoi(line.substr(header.size()));
      continue;
    }
    const auto open = line.find('['), comma = line.find(','), close = line.find(')');
    if (dim < 0 || dim > max_dim || open == std::string::npos || comma == std::string::npos ||
        close == std::string::npos)
      continue;
    const std::string b = line.substr(open + 1, comma - open - 1);
    const std::string e = line.substr(comma + 1, close - comma - 1);
    const bool infinite = e.find_first_not_of(' ') == std::string::npos;
    bars[dim].push_back({std::stod(b), infinite ? kInf : std::stod(e)});
  }
  return bars;
}

// ---- Comparing multisets of bars.

// Greedy matching within tol at both ends (bars shorter than `ignore` dropped on both sides);
// the description of the first mismatch, or "" when they agree.
std::string compare(const Bars& ours_in, const Bars& theirs_in, int max_dim, double tol,
                    double ignore) {
  for (int q = 0; q <= max_dim; ++q) {
    auto keep = [&](const Bars& all) {
      std::vector<Bar> v;
      if (static_cast<std::size_t>(q) < all.size())
        for (const Bar& b : all[q])
          if (b.death - b.birth > ignore) v.push_back(b);
      std::sort(v.begin(), v.end(), [](const Bar& x, const Bar& y) {
        return x.birth < y.birth || (x.birth == y.birth && x.death < y.death);
      });
      return v;
    };
    const std::vector<Bar> a = keep(ours_in), b = keep(theirs_in);
    auto show = [](const std::vector<Bar>& v) {
      std::string s;
      for (const Bar& x : v) s += " [" + number(x.birth) + "," + number(x.death) + ")";
      return s;
    };
    const std::string where = "degree " + std::to_string(q) + ": ours" + show(a) + "\n theirs" +
                              show(b);
    if (a.size() != b.size()) return "different bar counts in " + where;
    std::vector<bool> used(b.size(), false);
    for (const Bar& x : a) {
      bool found = false;
      for (std::size_t j = 0; j < b.size() && !found; ++j) {
        if (used[j]) continue;
        const bool death_ok = (x.infinite() && b[j].infinite()) ||
                              (!x.infinite() && !b[j].infinite() &&
                               std::abs(x.death - b[j].death) <= tol);
        if (death_ok && std::abs(x.birth - b[j].birth) <= tol) found = used[j] = true;
      }
      if (!found) return "unmatched bar [" + number(x.birth) + "," + number(x.death) + ") in " + where;
    }
  }
  return "";
}

Bars ours(const ChainComplex& c, std::uint32_t p, int max_dim) {
  PersistenceOptions o;
  o.coefficients = Coefficients::prime_field(p);
  o.max_dim = max_dim;
  return persistence(c, o).bars;
}

// ---- Instances.

// A random complex (maybe a seed with torsion or homology) with a random monotone filtration:
// values are multiples of 1/4, exact in binary, with many ties.
struct Instance {
  SimplicialComplex k;
  std::vector<std::vector<double>> values;
};

std::vector<Simplex> seed_triangles(int which) {
  switch (which) {
    case 0:
      return {};
    case 1: {
      const auto k = generators::real_projective_plane();
      std::vector<Simplex> t;
      for (std::size_t i = 0; i < k.size(2); ++i) t.push_back(k.simplex_ids(2, i));
      return t;
    }
    case 2: {
      const auto k = generators::moore_space(3);
      std::vector<Simplex> t;
      for (std::size_t i = 0; i < k.size(2); ++i) t.push_back(k.simplex_ids(2, i));
      return t;
    }
    default: {
      const auto k = generators::torus();
      std::vector<Simplex> t;
      for (std::size_t i = 0; i < k.size(2); ++i) t.push_back(k.simplex_ids(2, i));
      return t;
    }
  }
}

Instance random_instance(std::mt19937_64& rng) {
  auto pick = [&](int lo, int hi) {  // inclusive
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  std::vector<Simplex> s = seed_triangles(pick(0, 3));
  const int n = 14;
  for (int i = pick(1, 12); i > 0; --i) {
    std::vector<VertexId> all(n);
    std::iota(all.begin(), all.end(), 0);
    std::shuffle(all.begin(), all.end(), rng);
    s.emplace_back(all.begin(), all.begin() + pick(1, 5));
  }
  Instance in;
  in.k = SimplicialComplex::from_simplices(s);
  in.values.resize(static_cast<std::size_t>(in.k.dimension() + 1));
  for (int q = 0; q <= in.k.dimension(); ++q)
    for (std::size_t i = 0; i < in.k.size(q); ++i) {
      double base = 0;
      for (std::uint32_t f : in.k.facets(q, i)) base = std::max(base, in.values[q - 1][f]);
      in.values[q].push_back(base + 0.25 * std::max(0, pick(-3, 4)));
    }
  return in;
}

ChainComplex chain_of(const Instance& in) {
  ChainComplex c = chain_complex(in.k);
  c.set_values(in.values);
  return c;
}

TEST(PeerBarcode, RandomFilteredComplexesMatchGudhi) {
  if (!gudhi_available()) GTEST_SKIP() << "GUDHI (python3 -c 'import gudhi') is not available";
  std::mt19937_64 rng(20240611);
  std::vector<Instance> instances;
  GudhiBatch batch;
  for (int i = 0; i < 40; ++i) {
    instances.push_back(random_instance(rng));
    for (std::uint32_t p : {2u, 3u})
      batch.add_complex(2 * i + (p == 3), p, instances.back().k.dimension(), instances.back().k,
                        instances.back().values);
  }
  std::string error;
  ASSERT_TRUE(batch.run_all(error)) << error;
  for (int i = 0; i < 40; ++i)
    for (std::uint32_t p : {2u, 3u}) {
      const int top = instances[i].k.dimension();
      const std::string diff = compare(ours(chain_of(instances[i]), p, top),
                                       batch.bars(2 * i + (p == 3)), top, 1e-9, 0);
      EXPECT_EQ(diff, "") << "instance " << i << " over Z/" << p;
    }
}

TEST(PeerBarcode, LowerStarFiltrationsMatchGudhi) {
  if (!gudhi_available()) GTEST_SKIP() << "GUDHI (python3 -c 'import gudhi') is not available";
  std::mt19937_64 rng(77);
  std::vector<SimplicialComplex> complexes = {
      generators::torus(), generators::real_projective_plane(), generators::moore_space(3),
      generators::klein_bottle(), generators::freudenthal_grid(3, 3, 2),
      generators::random_clique_complex(16, 0.45, 3, 5),
      generators::linial_meshulam(9, 2, 0.35, 11)};
  std::vector<FilteredComplex> filtrations;
  GudhiBatch batch;
  for (std::size_t i = 0; i < complexes.size(); ++i) {
    std::vector<double> f(complexes[i].num_vertices());
    for (double& x : f) x = static_cast<double>(rng() % 1000) / 64.0;  // some ties
    filtrations.push_back(lower_star(complexes[i], f));
    for (std::uint32_t p : {2u, 3u})
      batch.add_complex(static_cast<int>(2 * i + (p == 3)), p, complexes[i].dimension(),
                        filtrations.back().complex, filtrations.back().values);
  }
  std::string error;
  ASSERT_TRUE(batch.run_all(error)) << error;
  for (std::size_t i = 0; i < filtrations.size(); ++i)
    for (std::uint32_t p : {2u, 3u}) {
      const int top = filtrations[i].complex.dimension();
      const std::string diff = compare(ours(filtrations[i].chain_complex(), p, top),
                                       batch.bars(static_cast<int>(2 * i + (p == 3))), top, 1e-9, 0);
      EXPECT_EQ(diff, "") << "complex " << i << " over Z/" << p;
    }
}

// ---- Rips filtrations.

struct Cloud {
  std::string name;
  PointCloud points;
  int max_dim;
  double threshold;
};

std::vector<Cloud> clouds() {
  std::mt19937_64 rng(4242);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<Cloud> out;
  for (int i = 0; i < 3; ++i) {  // random points in the plane and in space
    const std::size_t dim = i == 0 ? 2 : 3;
    std::vector<double> x(dim * 30);
    for (double& v : x) v = unit(rng);
    out.push_back({"uniform R^" + std::to_string(dim) + " #" + std::to_string(i),
                   PointCloud(dim, std::move(x)), i == 2 ? 2 : 1, i == 1 ? 0.45 : 0.6});
  }
  {  // 2-sphere: H_2 appears
    std::vector<double> x;
    for (int i = 0; i < 36; ++i) {
      double a = normal(rng), b = normal(rng), c = normal(rng);
      const double r = std::sqrt(a * a + b * b + c * c);
      x.insert(x.end(), {a / r, b / r, c / r});
    }
    out.push_back({"sphere", PointCloud(3, std::move(x)), 2, 2.0});
  }
  {  // torus in R^3 (R = 2, r = 1): two long H_1 bars
    std::vector<double> x;
    for (int i = 0; i < 70; ++i) {
      const double u = 2 * M_PI * unit(rng), v = 2 * M_PI * unit(rng);
      x.insert(x.end(), {(2 + std::cos(v)) * std::cos(u), (2 + std::cos(v)) * std::sin(u),
                         std::sin(v)});
    }
    out.push_back({"torus", PointCloud(3, std::move(x)), 1, 1.6});
  }
  return out;
}

Bars ours_rips(const Cloud& c, std::uint32_t p) {
  const FilteredComplex f =
      rips_complex(DistanceMatrix::euclidean(c.points), c.max_dim + 1, c.threshold);
  return ours(f.chain_complex(), p, c.max_dim);
}

TEST(PeerBarcode, RipsFiltrationsMatchGudhi) {
  if (!gudhi_available()) GTEST_SKIP() << "GUDHI (python3 -c 'import gudhi') is not available";
  const std::vector<Cloud> all = clouds();
  GudhiBatch batch;
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::uint32_t p : {2u, 3u})
      batch.add_rips(static_cast<int>(2 * i + (p == 3)), p, all[i].max_dim, all[i].threshold,
                     all[i].points);
  std::string error;
  ASSERT_TRUE(batch.run_all(error)) << error;
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::uint32_t p : {2u, 3u}) {
      const Bars mine = ours_rips(all[i], p);
      const std::string diff = compare(mine, batch.bars(static_cast<int>(2 * i + (p == 3))),
                                       all[i].max_dim, 1e-9, 0);
      EXPECT_EQ(diff, "") << all[i].name << " over Z/" << p;
    }
}

TEST(PeerBarcode, RipsFiltrationsMatchRipser) {
  bool ran = false;
  for (std::uint32_t p : {2u, 3u}) {
    const std::string binary = ripser_binary(p);
    if (binary.empty()) continue;
    for (const Cloud& c : clouds()) {
      std::string error;
      const std::optional<Bars> theirs =
          ripser_bars(binary, p, c.max_dim, c.threshold, c.points, error);
      ASSERT_TRUE(theirs) << binary << " failed: " << error;
      EXPECT_EQ(compare(ours_rips(c, p), *theirs, c.max_dim, 1e-5, 1e-5), "")
          << c.name << " over Z/" << p << " (" << binary << ")";
      ran = true;
    }
  }
  if (!ran) GTEST_SKIP() << "Ripser (/usr/bin/ripser, /usr/bin/ripser-coeff) is not installed";
}

// A sanity check that the clouds say something: the sphere has an H_2 bar and the torus two
// long H_1 bars (so the peers are compared on non-trivial barcodes).
TEST(PeerBarcode, RipsCloudsHaveTheirTopology) {
  const std::vector<Cloud> all = clouds();
  const Bars sphere = ours_rips(all[3], 2);
  EXPECT_GE(sphere[2].size(), 1u);
  const Bars torus = ours_rips(all[4], 2);
  const auto long_bars = std::count_if(torus[1].begin(), torus[1].end(), [](const Bar& b) {
    return b.death - b.birth > 0.4;
  });
  EXPECT_GE(long_bars, 2);
}

}  // namespace
}  // namespace topospec

#include "topospec/topology/point_cloud.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "topospec/topology/error.hpp"
#include "topospec/topology/point_cloud_reader.hpp"

namespace topospec {
namespace {

template <class Fn>
void expect_invalid(Fn fn, const std::string& where, const std::string& fragment = "") {
  try {
    fn();
    ADD_FAILURE() << "no InvalidInput thrown (expected at " << where << ")";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), where) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "'" << fragment << "' not in: " << e.what();
  }
}

PointCloud read(const std::string& text, PointCloudFormat format) {
  std::istringstream in(text);
  return read_point_cloud(in, format, "in");
}

DistanceMatrix read_lower(const std::string& text) {
  std::istringstream in(text);
  return read_lower_distance_matrix(in, "in");
}

std::vector<double> coordinates(const PointCloud& p) { return p.coordinates(); }

// ---------------------------------------------------------------- PointCloud / DistanceMatrix

TEST(PointCloud, FromRowsAndEuclideanDistances) {
  const auto p = PointCloud::from_rows({{0, 0}, {3, 4}, {6, 8}});
  EXPECT_EQ(p.size(), 3u);
  EXPECT_EQ(p.dimension(), 2u);
  EXPECT_EQ(p.point(1)[1], 4);
  const auto d = DistanceMatrix::euclidean(p);
  EXPECT_EQ(d.size(), 3u);
  EXPECT_EQ(d.lower(), (std::vector<double>{5, 10, 5}));
  EXPECT_EQ(d(0, 2), 10);
  EXPECT_EQ(d(2, 0), 10);
  EXPECT_EQ(d(1, 1), 0);
}

TEST(PointCloud, RejectsEmptyRaggedAndNonFinite) {
  expect_invalid([] { PointCloud::from_rows({}); }, "", "empty");
  expect_invalid([] { PointCloud::from_rows({{}}); }, "/0", "no coordinates");
  expect_invalid([] { PointCloud::from_rows({{0, 0}, {1}}); }, "/1", "1 coordinates");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  expect_invalid([&] { PointCloud::from_rows({{0, 0}, {1, nan}}); }, "/1/1", "NaN");
  expect_invalid([&] { PointCloud::from_rows({{inf, 0}}); }, "/0/0", "infinite");
  expect_invalid([] { PointCloud(2, {1, 2, 3}); }, "", "multiple");
}

TEST(DistanceMatrix, FullAndLowerRowsAgree) {
  const auto full = DistanceMatrix::from_rows({{0, 1, 2}, {1, 0, 3}, {2, 3, 0}});
  const auto lower = DistanceMatrix::from_rows({{}, {1}, {2, 3}});
  EXPECT_EQ(full.size(), 3u);
  EXPECT_EQ(full.lower(), (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(lower.lower(), full.lower());
  EXPECT_EQ(full(1, 2), 3);
  EXPECT_EQ(DistanceMatrix::from_rows({{}}).size(), 1u);
}

TEST(DistanceMatrix, RejectsAsymmetricNegativeNaNAndBadShapes) {
  expect_invalid([] { DistanceMatrix::from_rows({{0, 1}, {2, 0}}); }, "/0/1", "not symmetric");
  expect_invalid([] { DistanceMatrix::from_rows({{0, -1}, {-1, 0}}); }, "/1/0", "negative");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  expect_invalid([&] { DistanceMatrix::from_rows({{}, {1}, {nan, 1}}); }, "/2/0", "NaN");
  expect_invalid([] { DistanceMatrix::from_rows({{0, 1}, {1, 2}}); }, "/1/1", "diagonal");
  expect_invalid(
      [] {
        DistanceMatrix::from_rows({{0, 1, 2}, {1, 0}, {2, 3, 0}});
      },
      "/1", "entries");
  expect_invalid([] { DistanceMatrix::from_rows({}); }, "", "empty");
}

// ---------------------------------------------------------------- CSV

TEST(PointCloudReader, CsvWithHeaderCommentsAndSeparators) {
  const auto p = read("x,y,z\n# a comment\n0,0,0\n\n1.5, 2 ,-3e-1\n4\t5 6  # trailing\n",
                      PointCloudFormat::Csv);
  EXPECT_EQ(p.size(), 3u);
  EXPECT_EQ(p.dimension(), 3u);
  EXPECT_EQ(coordinates(p), (std::vector<double>{0, 0, 0, 1.5, 2, -0.3, 4, 5, 6}));
  const auto q = read("1;2\r\n+3;4\r\n", PointCloudFormat::Csv);
  EXPECT_EQ(coordinates(q), (std::vector<double>{1, 2, 3, 4}));
}

TEST(PointCloudReader, CsvErrorsNameTheLine) {
  expect_invalid([] { read("0,0\n1,1\n2\n", PointCloudFormat::Csv); }, "in:3",
                 "expected 2 coordinates");
  expect_invalid([] { read("0,0\n1,abc\n", PointCloudFormat::Csv); }, "in:2", "'abc'");
  expect_invalid([] { read("x,y\n0,inf\n", PointCloudFormat::Csv); }, "in:2", "not finite");
  expect_invalid([] { read("x,y\n# nothing\n", PointCloudFormat::Csv); }, "in:3", "no points");
  expect_invalid([] { read("", PointCloudFormat::Csv); }, "in:1", "no points");
  // A second header-like line is data, and wrong.
  expect_invalid([] { read("x,y\na,b\n", PointCloudFormat::Csv); }, "in:2", "'a'");
}

// ---------------------------------------------------------------- XYZ

TEST(PointCloudReader, XyzWithCountAndElements) {
  const auto p = read("3\nwater and friend\nO 0 0 0\nH 0.96 0 0 extra\nH -0.24 0.93 0\n\n",
                      PointCloudFormat::Xyz);
  EXPECT_EQ(p.size(), 3u);
  EXPECT_EQ(coordinates(p), (std::vector<double>{0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0}));
}

TEST(PointCloudReader, XyzPlainCoordinates) {
  // As the C20/C60 files: "x y z" lines, trailing blanks, no final newline.
  const auto p =
      read(" 1.170639    1.170639    1.170639  \n-1.5 0 2.25   \n 0 0 1", PointCloudFormat::Xyz);
  EXPECT_EQ(p.size(), 3u);
  EXPECT_EQ(p.point(1)[2], 2.25);
  const auto q = read("C 0 0 0\nN 1 2 3\n", PointCloudFormat::Xyz);
  EXPECT_EQ(coordinates(q), (std::vector<double>{0, 0, 0, 1, 2, 3}));
}

TEST(PointCloudReader, XyzErrors) {
  expect_invalid([] { read("3\nc\nC 0 0 0\nC 1 0 0\n", PointCloudFormat::Xyz); }, "in:5",
                 "expected 3 atom lines, got 2");
  expect_invalid([] { read("2\nc\nC 0 0 0\nC 1 0\n", PointCloudFormat::Xyz); }, "in:4",
                 "Element x y z");
  expect_invalid([] { read("1\nc\nC 0 0 0\nC 1 0 0\n", PointCloudFormat::Xyz); }, "in:4",
                 "multi-frame");
  expect_invalid([] { read("0 0 0\nC 1 0 0\n", PointCloudFormat::Xyz); }, "in:2", "'x y z'");
  expect_invalid([] { read("0 0 0\n1 0 x\n", PointCloudFormat::Xyz); }, "in:2", "'x'");
  expect_invalid([] { read("\n\n", PointCloudFormat::Xyz); }, "in:3", "empty");
}

// ---------------------------------------------------------------- MOL2

const char* const kMol2 =
    "# written by hand\n"
    "@<TRIPOS>MOLECULE\n"
    "tiny\n"
    " 3 2 1 0 0\n"
    "SMALL\n"
    "bcc\n"
    "\n"
    "@<TRIPOS>ATOM\n"
    " 1 N    5.0540 10.5700 13.1330 n 1  CUC -0.478800\n"
    " 2 C    7.4900 10.1420 13.4020 c 1  CUC 0.8\n"
    " 3 H    4.8610  8.5480 12.1000 h 1  CUC 0.07\n"
    "@<TRIPOS>BOND\n"
    " 1 1 2 1\n"
    " 2 1 3 1\n";

TEST(PointCloudReader, Mol2AtomBlock) {
  const auto p = read(kMol2, PointCloudFormat::Mol2);
  EXPECT_EQ(p.size(), 3u);
  EXPECT_EQ(p.dimension(), 3u);
  EXPECT_EQ(p.point(0)[0], 5.054);
  EXPECT_EQ(p.point(2)[2], 12.1);
}

TEST(PointCloudReader, Mol2Errors) {
  std::string wrong_count = kMol2;
  wrong_count.replace(wrong_count.find(" 3 2 1"), 6, " 4 2 1");
  expect_invalid([&] { read(wrong_count, PointCloudFormat::Mol2); }, "in:15",
                 "declares 4 atoms, the ATOM section has 3");
  std::string short_atom = kMol2;
  short_atom.replace(short_atom.find(" 12.1000 h 1  CUC 0.07"), 22, "");
  expect_invalid([&] { read(short_atom, PointCloudFormat::Mol2); }, "in:11", "got 4 fields");
  expect_invalid([] { read("@<TRIPOS>MOLECULE\nx\n", PointCloudFormat::Mol2); }, "in:3",
                 "no @<TRIPOS>ATOM");
}

// ---------------------------------------------------------------- OFF

TEST(PointCloudReader, OffVertexBlock) {
  const auto p = read("OFF\n# c\n3 1 0\n0 0 0\n1 0 0\n0 1 0.5\n3 0 1 2\n", PointCloudFormat::Off);
  EXPECT_EQ(coordinates(p), (std::vector<double>{0, 0, 0, 1, 0, 0, 0, 1, 0.5}));
  const auto q = read("OFF 1 0 0\n7 8 9\n", PointCloudFormat::Off);
  EXPECT_EQ(coordinates(q), (std::vector<double>{7, 8, 9}));
  expect_invalid([] { read("COFF\n1 0 0\n0 0 0\n", PointCloudFormat::Off); }, "in:1", "OFF");
  expect_invalid([] { read("OFF\n2 0 0\n0 0 0\n1 1\n", PointCloudFormat::Off); }, "in:4",
                 "expected 3 coordinates");
  expect_invalid([] { read("OFF\n2 0 0\n0 0 0\n", PointCloudFormat::Off); }, "in:4", "truncated");
}

// ---------------------------------------------------------------- lower distance matrix

TEST(PointCloudReader, LowerDistanceMatrix) {
  const auto d = read_lower("\n1\n2,3\n4;5 6\n");
  EXPECT_EQ(d.size(), 4u);
  EXPECT_EQ(d.lower(), (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(d(3, 1), 5);
  // Line breaks are not significant (as Ripser).
  EXPECT_EQ(read_lower("1 2 3").size(), 3u);
  expect_invalid([] { read_lower("1\n2 3\n4 5\n"); }, "in:4", "not a triangular number");
  expect_invalid([] { read_lower("1\n2 -3\n"); }, "in:2", "negative");
  expect_invalid([] { read_lower("1\n2 nan\n"); }, "in:2", "not finite");
  expect_invalid([] { read_lower("1\n2 x\n"); }, "in:2", "'x'");
  expect_invalid([] { read_lower("# only a comment\n"); }, "in:2", "no distances");
}

// ---------------------------------------------------------------- files

TEST(PointCloudReader, FilesByExtension) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "topospec_point_cloud_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "a.CSV") << "0,0\n1,1\n";
    std::ofstream(dir / "m.lower_distance_matrix") << "1\n2 3\n";
    std::ofstream(dir / "bad.xyz") << "1\ncomment\nC 0 0\n";
  }
  EXPECT_EQ(read_point_cloud(dir / "a.CSV").size(), 2u);
  EXPECT_EQ(read_lower_distance_matrix(dir / "m.lower_distance_matrix").size(), 3u);
  expect_invalid([&] { read_point_cloud(dir / "bad.xyz"); }, (dir / "bad.xyz").string() + ":3",
                 "Element");
  expect_invalid([&] { read_point_cloud(dir / "p.ply"); }, (dir / "p.ply").string(), "'.ply'");
  expect_invalid([&] { read_point_cloud(dir / "missing.csv"); }, (dir / "missing.csv").string(),
                 "cannot open");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace topospec

// OFF reader: meshes become complexes on ids 0..nv−1; errors carry "name:line".
#include "topospec/topology/off_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "topospec/topology/boundary.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/topology/homology.hpp"

namespace topospec {
namespace {

using Sizes = std::vector<std::size_t>;

SimplicialComplex read(const std::string& text, const std::string& name = "mesh.off") {
  std::istringstream in(text);
  return read_off(in, name);
}

// where() of the InvalidInput that reading `text` as "t.off" throws.
std::string error_place(const std::string& text) {
  try {
    read(text, "t.off");
  } catch (const InvalidInput& e) {
    return e.where();
  }
  ADD_FAILURE() << "no InvalidInput for:\n" << text;
  return "";
}

const std::string kTetrahedron =
    "OFF\n"
    "# a tetrahedron surface\n"
    "4 4 6\n"
    "0 0 0\n"
    "1 0 0\n"
    "0 1 0\n"
    "0 0 1\n"
    "3 0 1 2\n"
    "3 0 1 3\n"
    "3 0 2 3\n"
    "3 1 2 3\n";

TEST(OffReader, TetrahedronSurfaceIsASphere) {
  const auto k = read(kTetrahedron);
  EXPECT_EQ(k.f_vector(), (Sizes{4, 6, 4}));
  EXPECT_EQ(k.vertex_ids(), (std::vector<VertexId>{0, 1, 2, 3}));
  EXPECT_FALSE(k.find({0, 1, 2, 3}).has_value());  // a surface, not the solid
  EXPECT_EQ(homology(chain_complex(k)).betti, (Sizes{1, 0, 1}));
}

TEST(OffReader, BundledExampleFiles) {
  const std::filesystem::path data = std::filesystem::path(TOPOSPEC_SOURCE_DIR) / "examples/data";
  const auto tet = read_off(data / "tetrahedron.off");
  EXPECT_EQ(tet.f_vector(), (Sizes{4, 6, 4}));
  const auto oct = read_off(data / "octahedron.off");
  EXPECT_EQ(oct.f_vector(), (Sizes{6, 12, 8}));
  // Antipodal vertices (0,1), (2,3), (4,5) are not joined.
  EXPECT_FALSE(oct.find({0, 1}).has_value());
  EXPECT_FALSE(oct.find({2, 3}).has_value());
  EXPECT_FALSE(oct.find({4, 5}).has_value());
  EXPECT_EQ(homology(chain_complex(oct)).betti, (Sizes{1, 0, 1}));
}

TEST(OffReader, PolygonsAreFanTriangulatedFromTheirFirstVertex) {
  // A square 0-1-2-3 and a pentagon 1-4-5-6-2 sharing edge 1-2.
  const auto k = read(
      "OFF\n7 2 0\n"
      "0 0 0\n1 0 0\n1 1 0\n0 1 0\n2 0 0\n3 1 0\n2 2 0\n"
      "4 0 1 2 3\n"
      "5 1 4 5 6 2\n");
  EXPECT_EQ(k.size(2), 2u + 3u);
  EXPECT_TRUE(k.find({0, 1, 2}).has_value());
  EXPECT_TRUE(k.find({0, 2, 3}).has_value());
  EXPECT_FALSE(k.find({1, 3}).has_value());  // the other diagonal
  EXPECT_TRUE(k.find({1, 4, 5}).has_value());
  EXPECT_TRUE(k.find({1, 5, 6}).has_value());
  EXPECT_TRUE(k.find({1, 6, 2}).has_value());
  EXPECT_EQ(k.f_vector(), (Sizes{7, 11, 5}));  // a disk: χ = 1
}

TEST(OffReader, IsolatedVerticesEdgesAndPointsAreKept) {
  const auto k = read(
      "OFF\n6 3 0\n"
      "0 0 0\n1 0 0\n0 1 0\n5 5 5\n6 6 6\n7 7 7\n"
      "3 0 1 2\n"
      "2 3 4\n"
      "1 4\n");
  EXPECT_EQ(k.num_vertices(), 6u);  // vertex 5 is in no face
  EXPECT_EQ(k.f_vector(), (Sizes{6, 4, 1}));
  EXPECT_TRUE(k.find({3, 4}).has_value());
  EXPECT_EQ(homology(chain_complex(k)).betti, (Sizes{3, 0, 0}));
}

TEST(OffReader, CommentsBlankLinesCountsOnTheHeaderLineAndColours) {
  const auto k = read(
      "# leading comment\n"
      "\n"
      "OFF 3 1 3   # counts on the header line\n"
      "0 0 0\n"
      "  1.5e0 -2 0.25  # coordinates in any notation\n"
      "\t0 1 0\n"
      "\n"
      "3 2 1 0 255 0 0   # colour components are ignored\n"
      "# trailing comment\n");
  EXPECT_EQ(k.f_vector(), (Sizes{3, 3, 1}));
}

TEST(OffReader, EmptyMesh) {
  EXPECT_EQ(read("OFF\n0 0 0\n").dimension(), -1);
  EXPECT_EQ(read("OFF\n2 0 0\n0 0 0\n1 1 1\n").f_vector(), (Sizes{2}));
}

TEST(OffReader, ErrorsNameFileAndLine) {
  EXPECT_EQ(error_place(""), "t.off:1");                               // empty file
  EXPECT_EQ(error_place("PLY\n3 1 0\n"), "t.off:1");                   // wrong header
  EXPECT_EQ(error_place("COFF\n3 1 0\n"), "t.off:1");                  // unsupported variant
  EXPECT_EQ(error_place("OFF\n3 1\n"), "t.off:2");                     // two counts
  EXPECT_EQ(error_place("OFF\n3 x 0\n"), "t.off:2");                   // non-numeric count
  EXPECT_EQ(error_place("OFF\n-3 1 0\n"), "t.off:2");                  // negative count
  EXPECT_EQ(error_place("OFF\n99999999999 1 0\n"), "t.off:2");         // absurd count
  EXPECT_EQ(error_place("OFF\n2 0 0\n0 0 0\n0 zero 0\n"), "t.off:4");  // non-numeric coordinate
  EXPECT_EQ(error_place("OFF\n2 0 0\n0 0 0\n0 0\n"), "t.off:4");       // missing coordinate
  EXPECT_EQ(error_place("OFF\n1 0 0\nnan 0 0\n"), "t.off:3");          // non-finite
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n"),
            "t.off:6");  // index out of range
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 -1\n"),
            "t.off:6");  // negative index
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 1\n"),
            "t.off:6");                                                       // repeated vertex
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n0\n"), "t.off:6");  // empty face
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1\n"),
            "t.off:6");  // too few indices
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2 1 2 3 4 5\n"),
            "t.off:6");  // too many fields
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 a 2\n"), "t.off:6");  // non-numeric
  EXPECT_EQ(error_place("OFF\n3 2 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"),
            "t.off:7");                                             // truncated: faces
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n"), "t.off:5");  // truncated: vertices
  EXPECT_EQ(error_place("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n3 0 1 2\n"),
            "t.off:7");  // content after faces
}

TEST(OffReader, ErrorMessageMentionsTheProblem) {
  try {
    read("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 7\n", "mesh.off");
    FAIL() << "no error";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), "mesh.off:6");
    EXPECT_NE(e.message().find("out of range"), std::string::npos) << e.message();
    EXPECT_NE(std::string(e.what()).find("mesh.off:6"), std::string::npos);
  }
}

TEST(OffReader, MissingFileIsInvalidInputNamingThePath) {
  const std::filesystem::path missing = "/nonexistent/topospec/none.off";
  try {
    read_off(missing);
    FAIL() << "no error";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.where(), missing.string());
  }
}

}  // namespace
}  // namespace topospec

#include "topospec/topology/off_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <string_view>
#include <vector>

#include "topospec/topology/error.hpp"
#include "text_lines.hpp"

namespace topospec {

using detail::TextLines;

SimplicialComplex read_off(std::istream& in, std::string name) {
  TextLines lines(in, std::move(name), "", true);
  std::vector<std::string_view> tok;

  if (!lines.next(tok)) lines.fail("empty file: expected the header 'OFF'");
  if (tok[0] != "OFF") {
    if (tok[0].size() > 3 && tok[0].substr(tok[0].size() - 3) == "OFF")
      lines.fail("unsupported OFF variant '" + std::string(tok[0]) + "' (only plain OFF)");
    lines.fail("expected the header 'OFF', got '" + std::string(tok[0]) + "'");
  }
  // The counts may share the header line (as some writers emit) or follow on the next.
  tok.erase(tok.begin());
  if (tok.empty() && !lines.next(tok)) lines.fail("truncated file: expected the counts 'nv nf ne'");
  if (tok.size() != 3)
    lines.fail("expected the counts 'nv nf ne' (3 integers), got " + std::to_string(tok.size()) +
               " fields");
  const std::int64_t nv = lines.integer(tok[0], "vertex count");
  const std::int64_t nf = lines.integer(tok[1], "face count");
  const std::int64_t ne = lines.integer(tok[2], "edge count");
  constexpr std::int64_t kMaxCount = std::numeric_limits<std::int32_t>::max();
  if (nv < 0 || nf < 0 || ne < 0) lines.fail("counts must be non-negative");
  if (nv > kMaxCount || nf > kMaxCount) lines.fail("counts above 2^31 − 1 are not supported");

  // Vertex lines: only their count and validity matter; coordinates are not kept.
  for (std::int64_t i = 0; i < nv; ++i) {
    if (!lines.next(tok))
      lines.fail("truncated file: expected " + std::to_string(nv) + " vertex lines, got " +
                 std::to_string(i));
    if (tok.size() != 3)
      lines.fail("vertex " + std::to_string(i) + ": expected 3 coordinates, got " +
                 std::to_string(tok.size()) + " fields");
    for (auto t : tok) lines.real(t, "coordinate");
  }

  std::vector<Simplex> simplices;
  // Reserve from what was read, never from an unchecked count.
  simplices.reserve(static_cast<std::size_t>(nv) + std::min<std::int64_t>(nf, 1 << 20));
  for (VertexId v = 0; v < nv; ++v) simplices.push_back({v});
  Simplex face;
  for (std::int64_t f = 0; f < nf; ++f) {
    if (!lines.next(tok))
      lines.fail("truncated file: expected " + std::to_string(nf) + " face lines, got " +
                 std::to_string(f));
    const std::int64_t k = lines.integer(tok[0], "face size");
    if (k < 1) lines.fail("face " + std::to_string(f) + " has " + std::to_string(k) + " vertices");
    const auto fields = static_cast<std::int64_t>(tok.size()) - 1;
    if (fields < k || fields > k + 4)
      lines.fail("face " + std::to_string(f) + ": expected " + std::to_string(k) +
                 " vertex indices (and at most 4 colour components), got " +
                 std::to_string(fields) + " fields");
    face.clear();
    for (std::int64_t j = 1; j <= k; ++j) {
      const std::int64_t v = lines.integer(tok[j], "vertex index");
      if (v < 0 || v >= nv)
        lines.fail("face " + std::to_string(f) + ": vertex index " + std::to_string(v) +
                   " is out of range 0.." + std::to_string(nv - 1));
      face.push_back(v);
    }
    for (std::size_t j = static_cast<std::size_t>(k) + 1; j < tok.size(); ++j)
      lines.real(tok[j], "colour component");
    Simplex sorted = face;
    std::sort(sorted.begin(), sorted.end());
    if (auto it = std::adjacent_find(sorted.begin(), sorted.end()); it != sorted.end())
      lines.fail("face " + std::to_string(f) + ": vertex " + std::to_string(*it) + " is repeated");
    if (k <= 3) {
      simplices.push_back(face);
    } else {  // fan from the first vertex
      for (std::int64_t j = 1; j + 1 < k; ++j) simplices.push_back({face[0], face[j], face[j + 1]});
    }
  }
  if (lines.next(tok)) lines.fail("unexpected content after the last face (counts too small?)");
  return SimplicialComplex::from_simplices(simplices);
}

SimplicialComplex read_off(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InvalidInput(path.string(), "cannot open the file for reading");
  return read_off(in, path.string());
}

}  // namespace topospec

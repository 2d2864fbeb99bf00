// Random instances (verify/random_instances.hpp) and shrinking (verify/shrink.hpp): random cases
// are valid, deterministic and varied; shrinking a failing case ends in a locally minimal one
// within the predicate budget, deterministically, keeping the case valid and its ids.
#include "topospec/verify/shrink.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "topospec/topology/generators.hpp"
#include "topospec/verify/answer.hpp"
#include "topospec/verify/case.hpp"
#include "topospec/verify/random_instances.hpp"

namespace {

using nlohmann::json;
using namespace topospec;
using namespace topospec::verify;

json library_answer(const json& doc) { return answer_case(parse_case(doc)); }

// β₁ over Q of the library's answer is at least 1.
bool has_one_cycle(const json& doc) {
  const json a = library_answer(doc);
  return a["betti"].size() > 1 && a["betti"][1].get<int>() >= 1;
}

json case_of(const std::vector<Simplex>& simplices) {
  return {{"format", "topospec-case/1"},
          {"name", "big"},
          {"input", {{"type", "simplicial_complex"}, {"simplices", simplices}}},
          {"options", {{"coefficients", "Q"}}},
          {"want", {"betti"}}};
}

// A Linial–Meshulam 2-complex on 10 vertices, listed by its maximal simplices, with large ids.
json big_complex() {
  const SimplicialComplex k = generators::linial_meshulam(10, 2, 0.12, 7);
  std::vector<Simplex> maximal;
  for (int q = 0; q <= k.dimension(); ++q)
    for (std::size_t i = 0; i < k.size(q); ++i)
      if (q == k.dimension() || k.cofacets(q, i).empty()) {
        Simplex s = k.simplex_ids(q, i);
        for (VertexId& v : s) v = v * 1000003 + 17;  // ids are kept as given
        maximal.push_back(s);
      }
  return case_of(maximal);
}

TEST(Shrink, CycleShrinksToATriangleBoundary) {
  const json start = big_complex();
  ASSERT_GE(start["input"]["simplices"].size(), 25u);
  ASSERT_TRUE(has_one_cycle(start));
  std::size_t calls = 0;
  const json small = shrink_case(start, [&](const json& c) {
    ++calls;
    return has_one_cycle(c);
  });
  EXPECT_LE(calls, 500u);
  const json& simplices = small["input"]["simplices"];
  ASSERT_EQ(simplices.size(), 3u) << simplices.dump();
  std::set<std::int64_t> vertices;
  for (const json& s : simplices) {
    ASSERT_EQ(s.size(), 2u) << simplices.dump();
    for (const json& v : s) vertices.insert(v.get<std::int64_t>());
  }
  EXPECT_EQ(vertices.size(), 3u) << simplices.dump();  // three edges on three vertices
  for (std::int64_t v : vertices) EXPECT_EQ((v - 17) % 1000003, 0) << "ids kept";
  EXPECT_EQ(library_answer(small)["betti"], json({1, 1}));
  // Locally minimal: dropping any one edge (its vertices stay) ends the cycle.
  for (std::size_t i = 0; i < simplices.size(); ++i) {
    json smaller = small;
    smaller["input"]["simplices"].erase(i);
    for (const json& v : simplices[i]) smaller["input"]["simplices"].push_back({v});
    EXPECT_FALSE(has_one_cycle(smaller));
  }
}

TEST(Shrink, RespectsTheCallBoundAndIsDeterministic) {
  const json start = big_complex();
  for (std::size_t bound : {0u, 1u, 7u, 30u}) {
    std::size_t calls = 0;
    const auto predicate = [&](const json& c) {
      ++calls;
      return has_one_cycle(c);
    };
    const json a = shrink_case(start, predicate, bound);
    EXPECT_LE(calls, bound);
    calls = 0;
    const json b = shrink_case(start, predicate, bound);
    EXPECT_EQ(a, b) << "bound " << bound;
    EXPECT_TRUE(has_one_cycle(a)) << "the result always still fails";
    if (bound == 0) {
      EXPECT_EQ(a, start);
    }
  }
}

TEST(Shrink, AlwaysFailingShrinksToOneVertexAndStaysValid) {
  json start = case_of({{5, 3, 9}, {9, 12}, {40}});
  start["expect"] = {{"betti", {2, 0, 0}}};
  const json small = shrink_case(start, [](const json&) { return true; });
  // One vertex of the original is left: nothing smaller is a case.
  ASSERT_EQ(small["input"]["simplices"].size(), 1u) << small.dump();
  ASSERT_EQ(small["input"]["simplices"][0].size(), 1u) << small.dump();
  EXPECT_TRUE(std::set<int>({5, 3, 9, 12, 40}).count(small["input"]["simplices"][0][0].get<int>()));
  EXPECT_FALSE(small.contains("expect")) << "expect no longer describes the input";
  EXPECT_NO_THROW(parse_case(small));
}

TEST(Shrink, NeverFailingKeepsTheCase) {
  const json start = big_complex();
  std::size_t calls = 0;
  const json same = shrink_case(start, [&](const json&) {
    ++calls;
    return false;
  });
  EXPECT_EQ(same, start);
  EXPECT_GT(calls, 0u);
}

TEST(Shrink, ShrinksMaxDimAndKeepsWrittenOrder) {
  // A failure that needs only degree 0 and the listed vertex order of one simplex.
  const json start = case_of({{4, 2, 0}, {7, 8}, {9}});
  const auto predicate = [](const json& c) {
    for (const json& s : c["input"]["simplices"])
      if (s.size() >= 2 && s[0] == 4 && s[1] == 2) return true;
    return false;
  };
  const json small = shrink_case(start, predicate);
  EXPECT_EQ(small["input"]["simplices"], json::array({json::array({4, 2})})) << small.dump();
  EXPECT_EQ(small["options"]["max_dim"], 0);
}

TEST(Shrink, OtherInputsComeBackUnchanged) {
  const json points = {{"format", "topospec-case/1"},
                       {"input", {{"type", "point_cloud"}, {"points", {{0, 0}}}}}};
  EXPECT_EQ(shrink_case(points, [](const json&) { return true; }), points);
  json bad = case_of({{0, 1}});
  bad["input"]["simplices"] = {{0, "x"}};
  EXPECT_EQ(shrink_case(bad, [](const json&) { return true; }), bad);
}

TEST(RandomCase, ValidDeterministicAndVaried) {
  std::set<std::string> coefficients;
  int below_top = 0, large_ids = 0, unsorted = 0, torsion = 0, named = 0, unclosed = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const json doc = random_case(seed);
    ASSERT_EQ(doc, random_case(seed)) << "seed " << seed;
    EXPECT_EQ(doc["name"], "random-" + std::to_string(seed));
    EXPECT_FALSE(doc.contains("expect"));
    Case c;
    ASSERT_NO_THROW(c = parse_case(doc)) << doc.dump();
    EXPECT_TRUE(c.warnings.empty()) << doc.dump();
    json answer;
    ASSERT_NO_THROW(answer = answer_case(c)) << doc.dump();
    for (const json& key : doc["want"]) EXPECT_TRUE(answer.contains(key)) << key << " " << doc.dump();

    coefficients.insert(doc["options"].value("coefficients", "Q"));
    const SimplicialComplex k = case_complex(c);
    if (c.options.max_dim && *c.options.max_dim < k.dimension()) ++below_top;
    bool listed_unsorted = false, big = false;
    for (const Simplex& s : c.simplices) {
      listed_unsorted |= !std::is_sorted(s.begin(), s.end());
      for (VertexId v : s) big |= v > (VertexId{1} << 32);
    }
    unsorted += listed_unsorted;
    large_ids += big;
    unclosed += c.simplices.size() < k.total_size();
    named += doc["tags"] == json({"random", "named"});
    json z = doc;
    z["options"]["coefficients"] = "Z";
    z["want"] = {"torsion"};
    const json torsion_answer = library_answer(z)["torsion"];
    for (const auto& [q, factors] : torsion_answer.items()) torsion += !factors.empty();
  }
  EXPECT_EQ(coefficients, (std::set<std::string>{"Q", "Z2", "Zp:3", "Zp:5", "Z"}));
  EXPECT_GT(below_top, 10);
  EXPECT_GT(large_ids, 10);
  EXPECT_GT(unsorted, 10);
  EXPECT_GT(unclosed, 100);
  EXPECT_GT(named, 20);
  EXPECT_GT(torsion, 5);
}

TEST(RandomCase, OptionsAreRespected) {
  RandomCaseOptions o;
  o.max_vertices = 4;
  o.max_dim = 1;
  o.want = {"betti"};
  o.vary_coefficients = false;
  for (std::uint64_t seed = 1000; seed < 1100; ++seed) {
    const json doc = random_case(seed, o);
    const Case c = parse_case(doc);
    EXPECT_FALSE(doc["options"].contains("coefficients"));
    EXPECT_EQ(doc["want"], json({"betti"}));
    std::set<VertexId> vertices;
    for (const Simplex& s : c.simplices) {
      EXPECT_LE(s.size(), 2u) << doc.dump();
      vertices.insert(s.begin(), s.end());
    }
    // Isolated vertices may be added beside the construction's at most 4 (+2).
    EXPECT_LE(vertices.size(), 6u) << doc.dump();
  }
  EXPECT_NE(random_case(1), random_case(2));
}

}  // namespace

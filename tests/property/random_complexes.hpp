// Random simplicial complexes for rapidcheck properties (shared by the property tests): a
// relabelled seed with torsion or interesting homology plus random simplices, all drawn from
// rapidcheck generators so that failures shrink.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "topospec/topology/simplicial_complex.hpp"

namespace topospec::test {

// A random permutation of v (Fisher–Yates with generated indices, so it shrinks).
inline std::vector<VertexId> shuffled(std::vector<VertexId> v) {
  for (std::size_t i = v.size(); i > 1; --i)
    std::swap(v[i - 1], v[*rc::gen::inRange<std::size_t>(0, i)]);
  return v;
}

// Seeds with torsion or interesting homology, on vertices 0..k-1; the random complex maps them
// injectively into its vertex set and adds random simplices, so the closure mixes both.
inline std::vector<Simplex> seed(int which) {
  switch (which) {
    case 1:  // RP², 6 vertices
      return {{0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}, {0, 1, 5},
              {1, 2, 4}, {1, 3, 4}, {1, 3, 5}, {2, 3, 5}, {2, 4, 5}};
    case 2: {  // M(Z/3, 1), 13 vertices (see homology_test.cpp)
      std::vector<Simplex> t;
      for (VertexId k = 0; k < 9; ++k) {
        const VertexId a0 = k % 3, a1 = (k + 1) % 3, b0 = 3 + k, b1 = 3 + (k + 1) % 9;
        t.push_back({a0, a1, b0});
        t.push_back({a1, b0, b1});
        t.push_back({b0, b1, 12});
      }
      return t;
    }
    case 3: {  // 7-vertex torus
      std::vector<Simplex> t;
      for (VertexId i = 0; i < 7; ++i) {
        t.push_back({i, (i + 1) % 7, (i + 3) % 7});
        t.push_back({i, (i + 2) % 7, (i + 3) % 7});
      }
      return t;
    }
    default:
      return {};
  }
}

// A random complex on at most 14 vertices: maybe a relabelled seed, plus up to 12 random
// simplices of dimension ≤ 4.
inline std::vector<Simplex> random_simplices() {
  const int which = *rc::gen::inRange(0, 4);
  const int n = *rc::gen::inRange(which == 2 ? 13 : (which == 0 ? 1 : 7), 15);
  std::vector<Simplex> out;
  if (which != 0) {
    std::vector<VertexId> map(n);
    std::iota(map.begin(), map.end(), 0);
    map = shuffled(map);
    for (Simplex s : seed(which)) {
      for (VertexId& v : s) v = map[v];
      out.push_back(s);
    }
  }
  const int count = *rc::gen::inRange(which == 0 ? 1 : 0, 13);
  for (int k = 0; k < count; ++k) {
    const int size = *rc::gen::inRange(1, std::min(n, 5) + 1);
    std::vector<VertexId> all(n);
    std::iota(all.begin(), all.end(), 0);
    all = shuffled(all);
    out.emplace_back(all.begin(), all.begin() + size);
  }
  return out;
}

}  // namespace topospec::test

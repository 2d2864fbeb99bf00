// Embedded homology of the seed paper's nested hypergraphs H1 ⊂ H2 ⊂ H3 ⊂ H4 (Liu–Shen–Wei,
// arXiv:2310.07570; suite cases verify/suite/hypergraph-h*.json): six vertices, the hexagon,
// six triangles with one hexagon edge each (Inf_2 = 0), then 18 triangles. Prints dim Inf_q,
// the embedded Betti numbers and the Laplacian spectra on Inf (inner product of the closure).
// H4's L_2 has the eigenvalue 6 where code without a zero threshold reports 7.6e-20 as
// "smallest positive".
#include <cmath>
#include <cstdio>
#include <topospec/hypergraph/hypergraph.hpp>
#include <topospec/topology/hodge_laplacian.hpp>
#include <topospec/topology/homology.hpp>
#include <topospec/topology/spectrum.hpp>
#include <vector>

void report(const char* name, const std::vector<topospec::Simplex>& edges) {
  std::vector<topospec::Hyperedge> h;
  for (const auto& e : edges) h.push_back({e, std::nullopt});
  const topospec::Hypergraph hg = topospec::Hypergraph::from_hyperedges(h);
  const topospec::ChainComplex inf = topospec::embedded_complex(hg).chains;
  const int top = hg.top_degree();
  topospec::HomologyOptions o;
  o.max_dim = top;
  const auto betti = topospec::homology(inf, o).betti;
  std::printf("%s\n  dim Inf:", name);
  for (int q = 0; q <= top; ++q) std::printf(" %zu", inf.dim(q));
  std::printf("\n  embedded betti:");
  for (std::size_t b : betti) std::printf(" %zu", b);
  std::printf("\n");
  for (int q = 0; q <= top; ++q) {
    std::printf("  L_%d:", q);
    for (double l : topospec::full_spectrum(topospec::hodge_laplacian(inf, q)))
      std::printf(" %.4g", std::abs(l) < 1e-12 ? 0.0 : l);
    std::printf("\n");
  }
}

int main() {
  std::vector<topospec::Simplex> h;
  for (topospec::VertexId v = 0; v < 6; ++v) h.push_back({v});
  report("H1 (six vertices)", h);
  for (topospec::VertexId v = 0; v < 6; ++v) h.push_back({v, (v + 1) % 6});
  report("H2 (+ hexagon)", h);
  std::vector<topospec::Simplex> h3 = h;
  for (topospec::Simplex t : std::vector<topospec::Simplex>{{0, 1, 2}, {1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {0, 4, 5}, {0, 1, 5}})
    h3.push_back(t);
  report("H3 (+ six triangles, one hexagon edge each)", h3);
  for (topospec::VertexId a = 0; a < 6; ++a)
    for (topospec::VertexId b = a + 1; b < 6; ++b)
      for (topospec::VertexId c = b + 1; c < 6; ++c)
        if (!(a == 0 && b == 2 && c == 4) && !(a == 1 && b == 3 && c == 5)) h.push_back({a, b, c});
  report("H4 (+ 18 triangles: all but 024 and 135)", h);
}

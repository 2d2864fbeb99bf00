// An analysis tool that links the installed topospec package: builds the 7-vertex torus,
// checks its Betti numbers over Q and its harmonic 1-forms, and fails loudly otherwise.
#include <cstdio>
#include <topospec/topology/boundary.hpp>
#include <topospec/topology/homology.hpp>
#include <topospec/topology/spectrum.hpp>
#include <vector>

int main() {
  using namespace topospec;
  std::vector<Simplex> triangles;
  for (VertexId i = 0; i < 7; ++i) {
    triangles.push_back({i, (i + 1) % 7, (i + 3) % 7});
    triangles.push_back({i, (i + 2) % 7, (i + 3) % 7});
  }
  const ChainComplex c = chain_complex(SimplicialComplex::from_simplices(triangles));
  const HomologyResult h = homology(c);
  const HarmonicSpace harmonic = harmonic_space(c, 1);
  std::printf("torus: betti = (%zu, %zu, %zu), harmonic 1-forms = %ld\n", h.betti[0], h.betti[1],
              h.betti[2], static_cast<long>(harmonic.basis.cols()));
  const bool ok = h.betti == std::vector<std::size_t>{1, 2, 1} && harmonic.basis.cols() == 2 &&
                  harmonic.agrees();
  return ok ? 0 : 1;
}

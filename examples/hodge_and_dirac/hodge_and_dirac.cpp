// The seed paper's first simplicial example (Liu–Shen–Wei, arXiv:2310.07570; its code
// betti_compute.py and Laplacian_compute.py): the complex
//   [[1],[2],[3],[4],[5],[1,2],[2,3],[2,4],[3,4],[2,3,4]]
// — a filled triangle 234 with a tail edge 12 and an isolated vertex 5. Prints the boundary
// matrices B_1, B_2, the Hodge Laplacians L_0, L_1, L_2 and the Dirac operator as integer
// arrays in the layout of that code's print(numpy array), then their spectra and the harmonic
// spaces labelled by simplices. A second run drops the triangle, so a harmonic 1-cycle appears.
//
// Expected numbers: the seed paper's S1, also the suite cases verify/suite/seed-s1.json and
// seed-s1-dirac.json (verified by an independent exact computation):
//   f = (5,4,1), β = (2,0,0); B_1, B_2, L_0, L_1 as printed below;
//   ev L_0 = {0,0,1,3,4}, ev L_1 = {1,3,3,4}, L_2 = [3];
//   ev D = {±2, ±√3, ±√3, ±1, 0, 0} and D² = blockdiag(L_0, L_1, L_2);
//   without [2,3,4]: β = (2,1), ev L_1 = {0,1,3,4}.
// Unlike the seed code, which prints D·Dᵀ of all dimensions at once as "the Laplacian"
// (a mistake seen in generated code), each L_q here acts on q-chains only.
#include <Eigen/Core>
#include <cmath>
#include <cstdio>
#include <string>
#include <topospec/topology/boundary.hpp>
#include <topospec/topology/dirac_operator.hpp>
#include <topospec/topology/hodge_laplacian.hpp>
#include <topospec/topology/homology.hpp>
#include <topospec/topology/simplicial_complex.hpp>
#include <topospec/topology/spectrum.hpp>
#include <vector>

// Round-off below this is printed as 0 (and never as "-0").
double snap(double x) { return std::abs(x) < 1e-9 ? 0.0 : x; }

// A simplex label as in the seed code's input: [2,3,4].
std::string name(const topospec::CellLabel& label) {
  std::string s = "[";
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (i > 0) s += ',';
    s += std::to_string(label[i]);
  }
  return s + "]";
}

std::string cell_list(const topospec::ChainComplex& c, int q) {
  std::string s;
  for (std::size_t i = 0; i < c.dim(q); ++i) {
    if (i > 0) s += ' ';
    s += name(c.label(q, i));
  }
  return s;
}

// An integer matrix as NumPy prints one: entries right-aligned to a common width,
// "[[" … "]" on the first row, " [" … "]]" on the last.
void print_matrix(const char* title, const Eigen::MatrixXd& m) {
  std::printf("%s\n", title);
  int width = 1;
  for (Eigen::Index i = 0; i < m.size(); ++i)
    width = std::max(width, std::snprintf(nullptr, 0, "%lld", std::llround(m.data()[i])));
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    std::printf(r == 0 ? "[[" : " [");
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      std::printf(j ? " %*lld" : "%*lld", width, std::llround(m(r, j)));
    std::printf(r + 1 == m.rows() ? "]]\n" : "]\n");
  }
}

void print_spectrum(const char* title, const topospec::RealMatrix& a) {
  std::printf("%s:", title);
  for (double l : topospec::full_spectrum(a)) std::printf(" %.6g", snap(l));
  std::printf("\n");
}

// ker L_q is determined only as a subspace, and an eigensolver may return any orthonormal
// basis of it. Printed canonically: one vector, signed so that its first nonzero entry is
// positive, when β_q = 1; otherwise the projector P = UUᵀ onto ker L_q, whose row for simplex σ
// is the harmonic part of the indicator chain of σ (independent of the basis U).
void print_harmonic(const topospec::ChainComplex& c, int q) {
  const topospec::HarmonicSpace h = topospec::harmonic_space(c, q);
  const Eigen::MatrixXd& u = h.basis;
  std::printf("ker L_%d: dimension %zu (exact beta_%d = %zu)", q, h.numeric_nullity, q,
              h.exact_betti);
  if (u.cols() == 0) {
    std::printf(", no harmonic %d-chains\n", q);
  } else if (u.cols() == 1) {
    Eigen::VectorXd v = u.col(0);
    for (Eigen::Index i = 0; i < v.size(); ++i)
      if (snap(v(i)) != 0) {
        if (v(i) < 0) v = -v;
        break;
      }
    std::printf(", unit basis vector:\n");
    for (Eigen::Index i = 0; i < v.size(); ++i)
      std::printf("  %-8s % .6g\n", name(h.cells[i]).c_str(), snap(v(i)));
  } else {
    const Eigen::MatrixXd p = u * u.transpose();
    std::printf(", projector onto it (row = harmonic part of each simplex):\n");
    for (Eigen::Index i = 0; i < p.rows(); ++i) {
      std::printf("  %-8s", name(h.cells[i]).c_str());
      for (Eigen::Index j = 0; j < p.cols(); ++j) std::printf(" %5.4g", snap(p(i, j)));
      std::printf("\n");
    }
  }
}

void report(const std::vector<topospec::Simplex>& simplices) {
  const auto k = topospec::SimplicialComplex::from_simplices(simplices);
  const topospec::ChainComplex c = topospec::chain_complex(k);  // labels = the user's vertex ids
  const int top = c.top_degree();

  std::printf("Betti Numbers:\n[");
  const auto betti = topospec::homology(c).betti;  // exact, not from eigenvalues
  for (std::size_t q = 0; q < betti.size(); ++q) std::printf(q ? ", %zu" : "%zu", betti[q]);
  std::printf("]\n");

  // B_q: rows are (q−1)-simplices, columns q-simplices; ∂[v0…vq] = Σ_j (−1)^j [… v̂j …].
  for (int q = 1; q <= top; ++q) {
    const std::string title = "Boundary Matrix B_" + std::to_string(q) + " (rows " +
                              cell_list(c, q - 1) + "; columns " + cell_list(c, q) + "):";
    print_matrix(title.c_str(), Eigen::MatrixXd(topospec::boundary_matrix(k, q).cast<double>()));
  }
  // L_q = B_qᵀB_q + B_{q+1}B_{q+1}ᵀ on the q-simplices (L_0 = B_1B_1ᵀ; at the top, B_qᵀB_q).
  std::vector<Eigen::MatrixXd> laplacians;
  for (int q = 0; q <= top; ++q) {
    laplacians.emplace_back(topospec::hodge_laplacian(c, q));
    const std::string title = "Laplacian Matrix L_" + std::to_string(q) + ":";
    print_matrix(title.c_str(), laplacians.back());
  }
  // D on C_0 ⊕ C_1 ⊕ C_2 (simplices in the order of the input list): the B_q above the
  // diagonal, their transposes below; the seed code's M + Mᵀ is the same matrix.
  const Eigen::MatrixXd d(topospec::dirac_operator(c));
  print_matrix("Dirac Matrix:", d);

  for (int q = 0; q <= top; ++q)
    print_spectrum(("ev(L_" + std::to_string(q) + ")").c_str(), topospec::hodge_laplacian(c, q));
  print_spectrum("ev(D)", topospec::dirac_operator(c));

  // D² = ⊕ L_q (so spec D = ±√ spec L_q): the entries are integers, so compare exactly.
  Eigen::MatrixXd blocks = Eigen::MatrixXd::Zero(d.rows(), d.cols());
  Eigen::Index at = 0;
  for (const auto& l : laplacians) {
    blocks.block(at, at, l.rows(), l.cols()) = l;
    at += l.rows();
  }
  std::printf("D^2 = blockdiag(L_0..L_%d): %s\n", top, (d * d - blocks).isZero(0) ? "yes" : "NO");

  for (int q = 0; q <= top; ++q) print_harmonic(c, q);
}

int main() {
  std::printf("== S1: [[1],[2],[3],[4],[5],[1,2],[2,3],[2,4],[3,4],[2,3,4]]\n");
  report({{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {2, 3, 4}});
  // Without the triangle the cycle 23 − 24 + 34 is no longer a boundary: β_1 = 1 and the
  // zero eigenvalue of L_1 carries it (the harmonic representative is that cycle, normalised).
  std::printf("\n== S1 without [2,3,4]\n");
  report({{1}, {2}, {3}, {4}, {5}, {1, 2}, {2, 3}, {2, 4}, {3, 4}});
}

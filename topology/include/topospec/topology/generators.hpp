/// \file
/// \ingroup topology
/// Standard simplicial complexes with known homology (test oracles, examples, benchmarks) and
/// seeded random complexes.
///
/// Every generator returns a closed SimplicialComplex. Vertex ids are 0, 1, 2, … unless stated.
/// The homology stated for each generator is verified in tests/unit/generators_test.cpp with
/// `homology()`. β = (β_0, β_1, …); "Z torsion" lists the invariant factors of H_q(K; Z).
///
/// Invalid arguments throw InvalidInput whose where() is the parameter's name; complexes that
/// would exceed kDefaultMaxSimplices throw ResourceLimit (with the estimate) before allocating.
/// Random generators draw from std::mt19937_64 seeded with `seed` and convert its raw 64-bit
/// output themselves (no std:: distributions, whose output differs between standard
/// libraries), so a seed gives the same complex on every platform.
#pragma once

#include <cstdint>

#include "topospec/topology/point_cloud.hpp"
#include "topospec/topology/simplicial_complex.hpp"

namespace topospec::generators {

/// ∂Δ^{n+1}: all (n+1)-subsets of {0, …, n+1}; the n-sphere S^n with n + 2 vertices (n >= 0).
/// Homology: H_0 = Z, H_n = Z (S^0: H_0 = Z²), no torsion; χ = 1 + (−1)^n.
/// Source: Munkres, Elements of Algebraic Topology (1984), §8 (cones; the boundary of a simplex).
SimplicialComplex simplex_boundary(int n);

/// The full n-simplex on {0, …, n} (n >= 0). Contractible: β = (1, 0, …, 0), χ = 1.
/// Source: Munkres (1984), §8 (a cone, hence a simplex, is acyclic).
SimplicialComplex full_simplex(int n);

/// Boundary of the (n+1)-dimensional cross-polytope: vertices 2i and 2i+1 stand for +e_i and −e_i
/// (i = 0..n, 2n + 2 vertices); the facets take one of each antipodal pair (2^{n+1} facets).
/// S^n (n = 2: the octahedron): β = (1, 0, …, 0, 1), no torsion; f_k = 2^{k+1} C(n+1, k+1).
/// Source: Ziegler, Lectures on Polytopes (1995), Lecture 0 (the cross-polytope); its boundary
/// is the join of n + 1 copies of S^0, hence S^n.
SimplicialComplex octahedral_sphere(int n);

/// Möbius' (Császár's) 7-vertex torus: triangles {i, i+1, i+3}, {i, i+2, i+3} mod 7;
/// f = (7, 21, 14), χ = 0. β = (1, 2, 1) over every field, no torsion.
/// Source: Möbius (1886), Gesammelte Werke II; Császár, Acta Sci. Math. 13 (1949); Kühnel,
/// Tight Polyhedral Submanifolds and Tight Triangulations, LNM 1612 (1995).
SimplicialComplex torus();

/// Klein bottle: the 3×3 grid on (Z/3)² (vertex (a, b) has id 3a + b), each square split along
/// its (0,0)–(1,1) diagonal, with (3, b) glued to (0, −b) (the flip); f = (9, 27, 18), χ = 0.
/// H_0 = Z, H_1 = Z ⊕ Z/2, H_2 = 0: β_Q = (1, 1, 0), β_Z2 = (1, 2, 1), Z torsion H_1: [2].
/// Source: Munkres (1984), §6 (homology groups of surfaces).
SimplicialComplex klein_bottle();

/// Six-vertex real projective plane (the hemi-icosahedron: the icosahedron modulo the antipodal
/// map), vertices 0..5; f = (6, 15, 10), χ = 1. H_1 = Z/2, H_2 = 0: β_Q = (1, 0, 0),
/// β_Z2 = (1, 1, 1), Z torsion H_1: [2].
/// Source: Kühnel, LNM 1612 (1995), RP²_6; Munkres (1984), §6 (homology groups of surfaces).
SimplicialComplex real_projective_plane();

/// Five-vertex Möbius band: triangles {i, i+1, i+2} mod 5; f = (5, 10, 5), χ = 0. Its boundary
/// is the single 5-cycle 0-2-4-1-3. Homotopy equivalent to S^1: β = (1, 1, 0), no torsion.
/// Source: Lutz, "The Manifold Page" (the minimal Möbius strip); Munkres (1984), §6.
SimplicialComplex mobius_band();

/// Zeeman's dunce hat: a triangle with its sides glued by the word a a a⁻¹, triangulated with
/// 8 vertices and 17 triangles (f = (8, 24, 17), the minimal size, as Hachimori's). The glued
/// sides form the 3-cycle 0→1→2→0; vertices 3..7 are interior. Contractible (not
/// collapsible): β = (1, 0, 0) over every field, no torsion, χ = 1.
/// Source: Zeeman, "On the dunce hat", Topology 2 (1964); Benedetti–Lutz, "The dunce hat in a
/// minimal non-extendably collapsible 3-ball", Electronic Geometry Models (2013).
SimplicialComplex dunce_hat();

/// Moore space M(Z/p, 1): a disk whose boundary wraps p times around the 3-cycle a = 0→1→2→0
/// (word a^p), p >= 1. The 3p boundary edges each get an interior vertex r_i (ids 3..3p+2),
/// the r_i form a cycle coned from a centre (id 3p+3); f = (3p+4, 12p+3, 9p), χ = 1.
/// H_1 = Z/p, H_2 = 0: β_Q = (1, 0, 0), β_{Z/p} = (1, 1, 1) for p prime, Z torsion H_1: [p]
/// (p = 1: a disk).
/// Source: Hatcher, Algebraic Topology (2002), Example 2.40 (cellular homology of M(Z/m, 1)).
SimplicialComplex moore_space(int p);

/// Wedge sum a ∨ b: the smallest vertex of b is identified with the smallest vertex of a. The
/// ids of a are kept; the other vertices of b (in increasing id order) get the ids
/// max(a) + 1, max(a) + 2, …. Both must be nonempty. H̃(a ∨ b) = H̃(a) ⊕ H̃(b): the Betti numbers
/// add, except β_0 = β_0(a) + β_0(b) − 1.
/// Source: Hatcher (2002), Corollary 2.25.
SimplicialComplex wedge(const SimplicialComplex& a, const SimplicialComplex& b);

/// Disjoint union a ⊔ b: the ids of a are kept; the vertices of b (in increasing id order) get
/// the ids max(a) + 1, max(a) + 2, … (0, 1, … when a is empty). H(a ⊔ b) = H(a) ⊕ H(b).
SimplicialComplex disjoint_union(const SimplicialComplex& a, const SimplicialComplex& b);

/// Linial–Meshulam random d-complex Y_d(n, prob): the full (d−1)-skeleton of the simplex on
/// {0, …, n−1} plus each d-simplex independently with probability prob (d >= 1; d = 1 is the
/// Erdős–Rényi graph G(n, prob) with all n vertices). Betti numbers depend on the draw;
/// β_q = 0 for 0 < q < d − 1 and χ = Σ_{q<d} (−1)^q C(n, q+1) + (−1)^d f_d always.
/// Source: Linial–Meshulam, "Homological connectivity of random 2-complexes", Combinatorica 26
/// (2006); Meshulam–Wallach, Random Structures & Algorithms 34 (2009) for d > 2.
SimplicialComplex linial_meshulam(int n, int d, double prob, std::uint64_t seed);

/// Clique (flag) complex of the Erdős–Rényi graph G(n, edge_prob) on {0, …, n−1}, keeping the
/// cliques of up to max_dim + 1 vertices (max_dim >= 0). All n vertices are present.
/// Source: Kahle, "Topology of random clique complexes", Discrete Mathematics 309 (2009).
SimplicialComplex random_clique_complex(int n, double edge_prob, int max_dim, std::uint64_t seed);

/// Clique complex (Vietoris–Rips at scale `radius`, diameter convention) of n points drawn
/// uniformly from the unit cube [0, 1)^dim_space: vertices i and j are joined when
/// ‖x_i − x_j‖ <= radius. Cliques up to max_dim + 1 vertices; all n vertices present.
/// Source: Kahle, "Random geometric complexes", Discrete & Computational Geometry 45 (2011).
SimplicialComplex random_geometric_clique_complex(int n, double radius, int dim_space, int max_dim,
                                                  std::uint64_t seed);

/// Freudenthal–Kuhn triangulation of the box [0, nx] × [0, ny] × [0, nz] (each >= 1): every
/// unit cube is cut into the 6 tetrahedra along its main diagonal, one per order of the
/// axes; vertex (x, y, z) has id x + (nx+1)(y + (ny+1) z). Contractible: β = (1, 0, 0, 0), χ = 1;
/// f_3 = 6 nx ny nz. Meant for benchmarks of 10^6 simplices and more (40³ cubes: 1.7 · 10^6).
/// Source: Freudenthal, "Simplizialzerlegungen von beschränkter Flachheit", Annals of
/// Mathematics 43 (1942); Kuhn, "Some combinatorial lemmas in topology", IBM J. 4 (1960).
SimplicialComplex freudenthal_grid(int nx, int ny, int nz);

/// The 20 vertices of a regular dodecahedron centred at 0 with the given edge length (> 0), in
/// R³: the cube (±1, ±1, ±1), then (0, ±1/φ, ±φ), (±1/φ, ±φ, 0), (±φ, 0, ±1/φ) (φ the golden
/// ratio; signs in the order −, + per coordinate, first coordinate slowest), all scaled by
/// edge_length·φ/2 (the unscaled edge is 2/φ). Pairwise distances take five values: e (30
/// pairs), φe (60), √2·φe (60), φ²e (30), √3·φe (10, antipodal). The C20 fullerene cage of
/// REFERENCE §3.2 is regular_dodecahedron(1.44699) (its C20.xyz has the cube at ±1.170639).
/// Source: Coxeter, Regular Polytopes (1973), §3.7 (coordinates of the dodecahedron).
PointCloud regular_dodecahedron(double edge_length);

}  // namespace topospec::generators

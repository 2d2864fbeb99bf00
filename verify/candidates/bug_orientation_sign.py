# bug_orientation_sign.py: planted bug, unsigned boundary (all incidences +1).
#
# BUG: B_q has +1 for every face instead of (−1)^i: an unsigned incidence matrix, not a
#   boundary (∂∂ ≠ 0).  Everything built on it over Q is wrong (spectra, harmonic bases, ranks:
#   the unsigned B_1 of an odd cycle has full rank); over Z/2 it is harmless.
# MIRRORS: REFERENCE §1.1 "Orientation": TopoNetX's `signed=False` gives unsigned incidence,
#   which is not a boundary.  Not one of JL's F1–F11.
# EXPOSED BY: selfcheck/s1 (β = [1,-1,0]: the triangle is an odd cycle, so the unsigned B_1 has
#   full rank on its component; every spectrum), octahedron, rp2-q/zp3/z (rp2-z also gets
#   torsion {"0":[2]}), hexagon (harmonic basis only: the signless Laplacian of a bipartite
#   graph is similar to the signed one, so its spectra and ranks are right, but its kernel
#   alternates in sign).  cycle-80 (no harmonic basis asked) and rp2-z2 pass.
#
# Everything else is correct.py: this file imports it, replaces `signed_faces` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def unsigned_faces(simplex):
    # BUG: unsigned incidence: every face gets 1 instead of (-1) ** i
    return [(simplex[:i] + simplex[i + 1:], 1) for i in range(len(simplex))]


if __name__ == "__main__":
    correct.signed_faces = unsigned_faces
    correct.main()

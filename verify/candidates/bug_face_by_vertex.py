# bug_face_by_vertex.py: planted bug F1, boundary faces looked up by their first vertex.
#
# BUG: the row of a face in B_q is found through a table keyed by the face's first vertex
#   (`face_index = vertex_to_index[face[0]]`).  Right for B_1 (the faces are vertices); for
#   q ≥ 2 all faces that start with the same vertex share one row.  ∂∂ ≠ 0, so spectra, and
#   sometimes ranks, are wrong.
# MIRRORS: REFERENCE §4 F1, an early version of JL's boundary code (later a lookup over all
#   simplices).
# EXPOSED BY: any complex with a triangle: selfcheck/s1 (L_1 and L_2 spectra, Dirac spectrum,
#   up/down spectra), selfcheck/octahedron, the RP² cases.  Graphs (hexagon, cycle-80) pass.
#
# Everything else is correct.py: this file imports it, replaces `face_rows` with the
# version below, and runs correct.main().

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


class RowByFirstVertex(dict):
    """`vertex_to_index`: keyed by a face's first vertex, and looked up by it."""

    def __getitem__(self, face):
        return super().__getitem__(face[0])


def face_rows_by_first_vertex(faces):
    # BUG (F1): faces are looked up by their first vertex only; faces that share it share a row.
    return RowByFirstVertex((face[0], r) for r, face in enumerate(faces))


if __name__ == "__main__":
    correct.face_rows = face_rows_by_first_vertex
    correct.main()

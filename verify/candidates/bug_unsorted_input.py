# bug_unsorted_input.py: planted bug F9, hidden input assumptions.
#
# BUG: the input list is taken to be the complex itself: assumed closed under faces, each
#   simplex's vertices in increasing order, simplices in list order.  No closure is taken, no
#   vertex list is sorted, and a face is found by exact match in the stored list (a face missing
#   from it, or listed in another vertex order, is skipped: the published `complex.index(face)`
#   would raise there, skipping keeps the answer well-formed).
# MIRRORS: REFERENCE §4 F9, JL's simplicial code (`complex.index(face)` in stored order).
# EXPOSED BY: selfcheck/s1-unsorted (S1 listed unclosed and out of order: chain_dims
#   [1,2,1]), octahedron (triangles only: chain_dims [0,0,8]), the RP² cases, cycle-80
#   (edge [79, 0]).  Closed, sorted listings (s1, hexagon, three-points) pass.
#
# Everything else is correct.py: this file imports it, replaces its `build_complex` and
# `boundary_matrix` with the versions below, and runs correct.main().

import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # leave no __pycache__ beside the candidates
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import correct  # noqa: E402  (correct.py, in this file's directory)


def complex_as_listed(simplices):
    """cells[q] = the q-simplices as listed.
    BUG (F9): the list is assumed closed, sorted within each simplex and ordered; no closure."""
    cells = []
    for s in simplices:
        s = tuple(int(v) for v in s)
        while len(cells) < len(s):
            cells.append([])
        cells[len(s) - 1].append(s)
    return cells


def boundary_matrix_as_listed(cells, q):
    """B_q of correct.py, except that a face is looked up in the list as it was given."""
    B = np.zeros((correct.n_cells(cells, q - 1), correct.n_cells(cells, q)), dtype=np.int64)
    if B.size == 0:
        return B
    row_of = correct.face_rows(cells[q - 1])
    for c, s in enumerate(cells[q]):
        for face, sign in correct.signed_faces(s):
            if face in row_of:  # BUG (F9): a face not listed exactly like this is skipped
                B[row_of[face], c] = sign
    return B


if __name__ == "__main__":
    correct.build_complex = complex_as_listed
    correct.boundary_matrix = boundary_matrix_as_listed
    correct.main()

#!/usr/bin/env bash
# The main job on the built-in default: installs dependencies, builds topospec, and computes the
# homology and spectra of every bundled example complex, and the barcode and spectral curves of
# the C20 fullerene, the seed paper's digraph (path homology), the hypergraph H4 (embedded
# homology) and a cycle network's persistent path Laplacians (examples/cases/*.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DTOPOSPEC_BUILD_TESTS=OFF
for case_file in examples/cases/*.json; do
  echo "== $case_file"
  build/release/apps/topospec/topospec compute "$case_file"
done

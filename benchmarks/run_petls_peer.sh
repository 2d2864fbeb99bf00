#!/usr/bin/env bash
# Persistent Laplacian spectra, topospec vs PETLS, on the PETLS presets (quick, medium) in the
# same run; prints a Markdown table (times from /usr/bin/time, spectra compared per request).
#
#   benchmarks/run_petls_peer.sh BUILD_DIR quick|medium [PETLS_PYTHON]
#
# BUILD_DIR must hold benchmarks/persistent_laplacian_benchmark (-DTOPOSPEC_BUILD_BENCHMARKS=ON).
# The inputs come from /usr/bin/python3 with gudhi + numpy (GUDHI alpha complex, numpy
# default_rng(42)); PETLS_PYTHON is a python with petls: benchmarks/build_petls.sh builds it from
# the sdist with -O3 and prints its python (default here: a venv with the PyPI wheel, made
# under /tmp on first use). BLAS runs on one thread (OPENBLAS/OMP/MKL threads = 1). topospec
# runs twice: on one thread (--threads 1) and on every core (its default, requests in parallel);
# PETLS is single-threaded.
set -euo pipefail
build=${1:-build}
preset=${2:-quick}
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/benchmarks/persistent_laplacian_benchmark
[ -x "$bin" ] || { echo "no $bin: build persistent_laplacian_benchmark first" >&2; exit 2; }
petls_py=${3:-}
if [ -z "$petls_py" ]; then
  venv=/tmp/topospec-petls-venv
  [ -x $venv/bin/python ] || { python3 -m venv $venv && $venv/bin/pip install -q petls numpy; }
  petls_py=$venv/bin/python
fi
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/peer_petls.py" export "$preset" "$tmp" >"$tmp/files"
fmt='%e %U %M'
echo "| dataset | tool | spectra (s) | process wall / CPU (s) | peak RSS (MiB) | max rows | agreement |"
echo "|---|---|---|---|---|---|---|"
while read -r file; do
  name=$(basename "$file" .txt)
  /usr/bin/time -f "$fmt" -o "$tmp/$name.ours1.time" "$bin" "$file" "$tmp/$name.ours1" --threads 1 >"$tmp/$name.ours1.out"
  /usr/bin/time -f "$fmt" -o "$tmp/$name.ours.time" "$bin" "$file" "$tmp/$name.ours" >"$tmp/$name.ours.out"
  /usr/bin/time -f "$fmt" -o "$tmp/$name.petls.time" "$petls_py" "$here/peer_petls.py" petls "$file" "$tmp/$name.petls" >"$tmp/$name.petls.out"
  rows=$(sed -n 's/.*max_rows=\([0-9]*\).*/\1/p' "$tmp/$name.ours.out")
  threads=$(sed -n 's/.*threads=\([0-9]*\).*/\1/p' "$tmp/$name.ours.out")
  for tool in ours1 ours petls; do
    read -r wall cpu rss <"$tmp/$name.$tool.time"
    spectra=$(sed -n 's/.*spectra_s=\([0-9.]*\).*/\1/p' "$tmp/$name.$tool.out")
    case $tool in
      ours1) label="topospec, 1 thread"; agree="vs PETLS: $(/usr/bin/python3 "$here/peer_petls.py" compare "$tmp/$name.ours1" "$tmp/$name.petls")" ;;
      ours) label="topospec, $threads threads"; agree="vs 1 thread: $(/usr/bin/python3 "$here/peer_petls.py" compare "$tmp/$name.ours" "$tmp/$name.ours1")" ;;
      petls) label="PETLS $("$petls_py" -c 'import importlib.metadata as m; print(m.version("petls"))')"; agree="—" ;;
    esac
    echo "| $name | $label | $spectra | $wall / $cpu | $((rss / 1024)) | $rows | $agree |"
  done
done <"$tmp/files"

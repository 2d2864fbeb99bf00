#!/usr/bin/env bash
# Persistent Laplacian spectra, topospec vs PETLS, on the PETLS presets (quick, medium) in the
# same run; prints a Markdown table (times from /usr/bin/time, spectra compared per request).
#
#   benchmarks/run_petls_peer.sh BUILD_DIR quick|medium [PETLS_PYTHON]
#
# BUILD_DIR must hold benchmarks/persistent_laplacian_benchmark (-DTOPOSPEC_BUILD_BENCHMARKS=ON).
# The inputs come from /usr/bin/python3 with gudhi + numpy (GUDHI alpha complex, numpy
# default_rng(42)); PETLS_PYTHON is a python with `pip install petls` (default: a venv made
# under /tmp on first use). Both tools run single-threaded (OPENBLAS/OMP/MKL threads = 1).
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
  /usr/bin/time -f "$fmt" -o "$tmp/$name.ours.time" "$bin" "$file" "$tmp/$name.ours" >"$tmp/$name.ours.out"
  /usr/bin/time -f "$fmt" -o "$tmp/$name.petls.time" "$petls_py" "$here/peer_petls.py" petls "$file" "$tmp/$name.petls" >"$tmp/$name.petls.out"
  agree=$(/usr/bin/python3 "$here/peer_petls.py" compare "$tmp/$name.ours" "$tmp/$name.petls")
  rows=$(sed -n 's/.*max_rows=\([0-9]*\).*/\1/p' "$tmp/$name.ours.out")
  for tool in ours petls; do
    read -r wall cpu rss <"$tmp/$name.$tool.time"
    spectra=$(sed -n 's/.*spectra_s=\([0-9.]*\).*/\1/p' "$tmp/$name.$tool.out")
    label=$([ $tool = ours ] && echo topospec || echo "PETLS $("$petls_py" -c 'import importlib.metadata as m; print(m.version("petls"))')")
    echo "| $name | $label | $spectra | $wall / $cpu | $((rss / 1024)) | $rows | $agree |"
  done
done <"$tmp/files"

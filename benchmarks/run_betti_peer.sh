#!/usr/bin/env bash
# Betti numbers of one complex, topospec vs GUDHI, in the same run; prints a Markdown table.
#
#   benchmarks/run_betti_peer.sh [BUILD_DIR] [grid|rgg] [SIZE] ["GUDHI FIELDS"]
#   e.g. benchmarks/run_betti_peer.sh build-homology grid 40
#        benchmarks/run_betti_peer.sh build-homology rgg 2000 "2 46337"
#
# grid SIZE: Freudenthal triangulation of a SIZE^3 grid of cubes (SIZE ∈ {20, 40, 50});
# rgg SIZE:  flag complex of the geometric graph on SIZE points (SIZE ∈ {2000, 13000}).
# BUILD_DIR must hold benchmarks/betti_benchmark (configure with -DTOPOSPEC_BUILD_BENCHMARKS=ON).
# Each configuration runs in its own process so that its peak RSS (/usr/bin/time -v) is its own.
# "build" is closure + boundary matrices for topospec, SimplexTree insertion for GUDHI; "Betti"
# is homology() for topospec (Google Benchmark mean), compute_persistence + betti_numbers for
# GUDHI (one run). Times are wall / CPU seconds: on a shared machine CPU time is the steadier.
set -euo pipefail

build=${1:-build}
kind=${2:-grid}
size=${3:-40}
fields=${4:-2}  # GUDHI's fields (its largest is 46337; it has no Q)
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/benchmarks/betti_benchmark
[ -x "$bin" ] || { echo "no $bin: build the betti_benchmark target first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }
py=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import gudhi' 2>/dev/null; then py=$candidate; break; fi
done
[ -n "$py" ] || { echo "no python3 with gudhi (apt-get install python3-gudhi)" >&2; exit 2; }
case $kind in
  grid) bench=Grid; arg=N ;;
  rgg) bench=Rgg; arg=n ;;
  *) echo "kind must be grid or rgg" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }

# topospec: mean seconds of one benchmark (real time) and its counters, in its own process.
ours() {  # $1 = filter, $2 = output prefix
  /usr/bin/time -v "$bin" --benchmark_filter="$1" --benchmark_format=json \
    --benchmark_min_time=2 >"$tmp/$2.json" 2>"$tmp/$2.time"
  "$py" - "$tmp/$2.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["benchmarks"][0]
scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
betti = [int(b[k]) for k in ("b0", "b1", "b2", "b3") if k in b]
print(f'{b["real_time"] * scale:.3f} {b["cpu_time"] * scale:.3f} {int(b["simplices"])} {betti}')
PY
}

rows=()
read -r build_s build_cpu simplices _ < <(ours "^BM_Build$bench/$arg:$size/" build)
names=(Z2 Q Z)
for coeff in 0 1 2; do
  name=${names[$coeff]}
  read -r real cpu _ betti < <(ours "^BM_Betti$bench/$arg:$size/coeff:$coeff\$" "betti$coeff")
  rows+=("| $kind/$size | $simplices | topospec | $name | $build_s / $build_cpu | $real / $cpu | $(peak_mib "$tmp/betti$coeff.time") | $betti |")
done
for field in $fields; do
  /usr/bin/time -v "$py" "$here/peer_gudhi_betti.py" "$kind" "$size" --field $field \
    >"$tmp/gudhi$field.out" 2>"$tmp/gudhi$field.time"
  line=$(cat "$tmp/gudhi$field.out")
  get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  gbetti=$(sed -n 's/.*betti=\(\[[^]]*\]\).*/\1/p' <<<"$line")
  rows+=("| $kind/$size | $(get simplices) | GUDHI $(sed -n 's/tool=gudhi-\([^ ]*\).*/\1/p' <<<"$line") | Z$field | $(get build_s) / $(get build_cpu_s) | $(get betti_s) / $(get betti_cpu_s) | $(peak_mib "$tmp/gudhi$field.time") | $gbetti |")
done

echo "| complex | simplices | tool | coefficients | build (s, wall / CPU) | Betti (s, wall / CPU) | peak RSS (MiB) | Betti numbers |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

#!/usr/bin/env bash
# Directed flag complex of one Erdős–Rényi digraph, topospec vs flagser (pyflagser), in the same
# run; prints a Markdown table.
#
#   benchmarks/run_flagser_peer.sh [BUILD_DIR] [N] [PERMILLE]
#   e.g. benchmarks/run_flagser_peer.sh build 10000 5
#
# N, PERMILLE ∈ {(10000, 5), (10000, 7)} (the sizes directed_flag_benchmark registers).
# BUILD_DIR must hold benchmarks/directed_flag_benchmark (-DTOPOSPEC_BUILD_BENCHMARKS=ON).
# The peer needs a python3 with pyflagser, numpy and scipy: set PYTHON=/path/to/venv/bin/python
# (e.g. python3 -m venv /tmp/flagser && /tmp/flagser/bin/pip install pyflagser scipy).
# Rows: "count" is directed_flag_counts vs flagser_count_unweighted; "homology" is
# directed_flag_complex + homology over Z/2 in every degree vs flagser_unweighted(coeff=2).
# Each configuration runs in its own process, so its peak RSS (/usr/bin/time -v) is its own.
# Times are wall / CPU seconds: on a shared machine CPU time is the steadier.
set -euo pipefail

build=${1:-build}
n=${2:-10000}
permille=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/benchmarks/directed_flag_benchmark
[ -x "$bin" ] || { echo "no $bin: build the directed_flag_benchmark target first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }
py=
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$candidate" -c 'import pyflagser, scipy' 2>/dev/null; then py=$candidate; break; fi
done
[ -n "$py" ] || { echo "no python with pyflagser and scipy (set PYTHON)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }

# topospec: seconds (real, CPU) of one benchmark, its simplex counts and Betti numbers.
ours() {  # $1 = filter, $2 = output prefix
  /usr/bin/time -v "$bin" --benchmark_filter="$1" --benchmark_format=json \
    >"$tmp/$2.json" 2>"$tmp/$2.time"
  "$py" - "$tmp/$2.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["benchmarks"][0]
scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
counts = [int(b[k]) for k in ("s0", "s1", "s2", "s3", "s4") if k in b]
while len(counts) > 1 and counts[-1] == 0: counts.pop()
betti = [int(b[k]) for k in ("b0", "b1", "b2", "b3") if k in b]
print(f'{b["real_time"] * scale:.3f} {b["cpu_time"] * scale:.3f} {",".join(map(str, counts))} {betti}'.replace(" []", " -"))
PY
}

args="n:$n/permille:$permille"
read -r count_s count_cpu counts _ < <(ours "^BM_Count/$args/" count)
read -r build_s build_cpu _ _ < <(ours "^BM_Build/$args/" build)
read -r hom_s hom_cpu _ betti < <(ours "^BM_Homology/$args/" homology)
total_s=$(awk -v a="$build_s" -v b="$hom_s" 'BEGIN {printf "%.3f", a + b}')
total_cpu=$(awk -v a="$build_cpu" -v b="$hom_cpu" 'BEGIN {printf "%.3f", a + b}')

/usr/bin/time -v "$py" "$here/peer_flagser.py" "$n" "$permille" >"$tmp/peer.out" 2>"$tmp/peer.time"
line=$(cat "$tmp/peer.out")
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
pcounts=$(sed -n 's/.* counts=\[\([^]]*\)\].*/\1/p' <<<"$line" | tr -d ' ')
pbetti=$(sed -n 's/.*betti=\(\[[^]]*\]\).*/\1/p' <<<"$line")
tool=$(sed -n 's/tool=\([^ ]*\).*/\1/p' <<<"$line")

echo "| digraph | simplices per dimension | tool | task | seconds (wall / CPU) | peak RSS (MiB) | Betti numbers (Z/2) |"
echo "|---|---|---|---|---|---|---|"
echo "| er/$n/$permille‰ | $counts | topospec | count | $count_s / $count_cpu | $(peak_mib "$tmp/count.time") | – |"
echo "| er/$n/$permille‰ | $counts | topospec | build + homology | $total_s / $total_cpu (build $build_s / $build_cpu) | $(peak_mib "$tmp/homology.time") | $betti |"
echo "| er/$n/$permille‰ | $pcounts | $tool | count | $(get count_s) / $(get count_cpu_s) | – | – |"
echo "| er/$n/$permille‰ | $pcounts | $tool | homology | $(get homology_s) / $(get homology_cpu_s) | $(peak_mib "$tmp/peer.time") | $pbetti |"
[ "$counts" = "$pcounts" ] || { echo "simplex counts differ: $counts vs $pcounts" >&2; exit 1; }

#!/usr/bin/env bash
# Hypergraph homology, topospec vs HyperNetX, in the same run; prints a Markdown table.
#
#   benchmarks/run_hypernetx_peer.sh [BUILD_DIR] [PYTHON] [PEER_LIMIT_S] ["PEER SIZES"]
#   e.g. benchmarks/run_hypernetx_peer.sh build/release /tmp/hnx-venv/bin/python 300
#
# The hypergraph random/M (hypergraph_benchmark.cpp, peer_hypernetx.py): M hyperedges of 1–4
# vertices over M/5 vertices, splitmix64 seed 42. topospec runs M = 10^3, 10^4, 10^5: embedded
# homology (Inf chain complex + homology over Q; conventions "listed" and "all"), the rank-only
# supremum formula (Q and Z/2), and the closure ΔH over Z/2 — HyperNetX's quantity, which is a
# different one (its homology_mod2 takes every subset of every hyperedge). HyperNetX runs the
# sizes of PEER SIZES in increasing order, each under PEER_LIMIT_S seconds (default 300), and
# stops at the first that does not finish: the last row it printed is the largest it managed.
# PYTHON must import hypernetx (python3 -m venv /tmp/hnx-venv && /tmp/hnx-venv/bin/pip install
# hypernetx). Times are wall / CPU seconds: on a shared machine CPU time is the steadier.
set -euo pipefail

build=${1:-build}
py=${2:-python3}
limit=${3:-300}
peer_sizes=${4:-"100 300 500 1000 2000 3000"}
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/benchmarks/hypergraph_benchmark
[ -x "$bin" ] || { echo "no $bin: build the hypergraph_benchmark target first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }
"$py" -c 'import hypernetx' 2>/dev/null ||
  { echo "$py cannot import hypernetx (pip install hypernetx in a venv)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }

rows=()
# topospec: one process per benchmark so that its peak RSS is its own.
ours() {  # $1 = benchmark name with arguments, $2 = label of the quantity
  /usr/bin/time -v "$bin" --benchmark_filter="^$1\$" --benchmark_format=json \
    --benchmark_min_time=1 >"$tmp/ours.json" 2>"$tmp/ours.time"
  local line
  line=$("$py" - "$tmp/ours.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["benchmarks"][0]
scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
betti = [int(b[k]) for k in ("b0", "b1", "b2", "b3") if k in b]
cells = int(b.get("closure_cells", b.get("hyperedges", 0)))
print(f'{b["real_time"] * scale:.3f} {b["cpu_time"] * scale:.3f} {cells} {betti}'.replace(", ", ","))
PY
)
  read -r real cpu cells betti <<<"$line"
  local m=${1#*M:}
  m=${m%%/*}
  rows+=("| $m | $cells | topospec | $2 | – | $real / $cpu | $(peak_mib "$tmp/ours.time") | $betti |")
}

for m in 1000 10000 100000; do
  ours "BM_EmbeddedBetti/M:$m/convention:0" "embedded, listed, Q (Inf)"
  ours "BM_EmbeddedBetti/M:$m/convention:1" "embedded, all, Q (Inf)"
  ours "BM_BettiByRanks/M:$m/convention:0/coeff:0" "embedded, listed, Q (ranks)"
  ours "BM_BettiByRanks/M:$m/convention:0/coeff:1" "embedded, listed, Z/2 (ranks)"
  ours "BM_ClosureBettiZ2/M:$m" "closure ΔH, Z/2"
done

largest=none
for m in $peer_sizes; do
  if ! /usr/bin/time -v timeout "$limit" "$py" "$here/peer_hypernetx.py" "$m" \
      >"$tmp/peer.out" 2>"$tmp/peer.time"; then
    rows+=("| $m | – | HyperNetX | closure ΔH, Z/2 | did not finish in ${limit} s | – | – | – |")
    break
  fi
  line=$(cat "$tmp/peer.out")
  get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  tool=$(sed -n 's/tool=hypernetx-\([^ ]*\).*/\1/p' <<<"$line")
  rows+=("| $m | $(get closure_cells) | HyperNetX $tool | closure ΔH, Z/2 (β_1…) | $(get build_s) / $(get build_cpu_s) | $(get betti_s) / $(get betti_cpu_s) | $(peak_mib "$tmp/peer.time") | $(get closure_betti_1_up) |")
  largest=$m
done
# topospec on HyperNetX's largest size, the same quantity.
if [ "$largest" != none ]; then
  ours "BM_ClosureBettiZ2/M:$largest" "closure ΔH, Z/2"
fi

echo "| M | cells (closure) or hyperedges | tool | quantity | build (s, wall / CPU) | Betti (s, wall / CPU; topospec: build included) | peak RSS (MiB) | Betti numbers |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "HyperNetX's largest size within ${limit} s: $largest"

#!/usr/bin/env bash
# Vietoris–Rips barcodes: topospec (rips_persistence) vs Ripser vs GUDHI on the same point files,
# in the same run; prints one Markdown table and checks that the bar counts agree.
#
#   benchmarks/run_rips_peers.sh [BUILD_DIR] [DATASET…]      DATASET ∈ sphere_3_192, o3_1024
#   e.g. benchmarks/run_rips_peers.sh build/h3 sphere_3_192 o3_1024
#   SKIP_GUDHI=1 benchmarks/run_rips_peers.sh build      # GUDHI needs minutes and GBs on sphere
#
# Settings (REFERENCE §6.3): sphere_3_192 d ≤ 2 without threshold (enclosing radius, which GUDHI
# is given explicitly); o3_1024 d ≤ 3, threshold 1.8. Coefficients Z/2 everywhere. The points
# come from BUILD_DIR/benchmarks/rips_barcode_benchmark --write-points (splitmix64, seed 42).
# Each tool is one process under /usr/bin/time -v: wall and CPU (user + sys) seconds include
# reading the file and computing distances; peak RSS is the process's.
set -euo pipefail

build=${1:-build}
shift || true
datasets=("$@")
[ ${#datasets[@]} -gt 0 ] || datasets=(sphere_3_192 o3_1024)
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/benchmarks/rips_barcode_benchmark
[ -x "$bin" ] || { echo "no $bin: build the rips_barcode_benchmark target first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }
have_ripser=1; command -v ripser >/dev/null || { have_ripser=0; echo "ripser not found: skipped" >&2; }
have_gudhi=1
if [ -n "${SKIP_GUDHI:-}" ] || ! /usr/bin/python3 -c 'import gudhi' 2>/dev/null; then
  have_gudhi=0; echo "GUDHI skipped (SKIP_GUDHI set or python3-gudhi missing)" >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "wall cpu peak_mib" from a GNU time -v log.
usage() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
              /User time/ { u = $2 } /System time/ { s = $2 }
              /Maximum resident set size/ { m = $2 }
              END { printf "%.2f %.2f %.0f\n", w, u + s, m / 1024 }' "$1"
}

rows=()
status=0
for name in "${datasets[@]}"; do
  case $name in
    sphere_3_192) dim=2; thr=none ;;
    o3_1024) dim=3; thr=1.8 ;;
    *) echo "unknown dataset $name" >&2; exit 2 ;;
  esac
  points=$tmp/$name.csv
  "$bin" --write-points "$name" "$points"
  setting="d≤$dim, $([ $thr = none ] && echo 'enclosing radius' || echo "t=$thr")"

  /usr/bin/time -v "$bin" --run "$points" "$dim" "$thr" 2 >"$tmp/ours.out" 2>"$tmp/ours.time"
  ours=$(sed -n 's/.*bars=\(\[.*\]\).*/\1/p' "$tmp/ours.out")
  read -r w c m < <(usage "$tmp/ours.time")
  rows+=("| $name | $setting | topospec | $w | $c | $m | $ours |")

  if [ $have_ripser = 1 ]; then
    args=(--format point-cloud --dim "$dim")
    [ $thr = none ] || args+=(--threshold "$thr")
    /usr/bin/time -v ripser "${args[@]}" "$points" >"$tmp/ripser.out" 2>"$tmp/ripser.time"
    theirs=$(awk -v D="$dim" '/persistence intervals in dim/ { q = $NF + 0 } /^ *\[/ { c[q]++ }
      END { s = "["; for (q = 0; q <= D; q++) s = s (q ? ", " : "") (c[q] + 0); print s "]" }' "$tmp/ripser.out")
    read -r w c m < <(usage "$tmp/ripser.time")
    rows+=("| $name | $setting | Ripser 1.2.1 | $w | $c | $m | $theirs |")
    [ "$theirs" = "$ours" ] || { echo "MISMATCH $name: topospec $ours, ripser $theirs" >&2; status=1; }
  fi

  if [ $have_gudhi = 1 ]; then
    /usr/bin/time -v /usr/bin/python3 "$here/peer_gudhi_rips.py" "$points" "$dim" "$thr" 2 \
      >"$tmp/gudhi.out" 2>"$tmp/gudhi.time"
    theirs=$(sed -n 's/.*bars=\(\[.*\]\).*/\1/p' "$tmp/gudhi.out")
    version=$(sed -n 's/tool=gudhi-\([^ ]*\).*/\1/p' "$tmp/gudhi.out")
    read -r w c m < <(usage "$tmp/gudhi.time")
    rows+=("| $name | $setting | GUDHI $version | $w | $c | $m | $theirs |")
    [ "$theirs" = "$ours" ] || { echo "MISMATCH $name: topospec $ours, gudhi $theirs" >&2; status=1; }
  fi
done

echo "| dataset | setting | tool | wall (s) | CPU (s) | peak RSS (MiB) | bars per degree |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
exit $status

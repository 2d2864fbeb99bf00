#!/usr/bin/env bash
# Reproduces the seed paper's molecule spectral curves (REFERENCE §3.2) from the data files in
# ../shared/data/molecules (not shipped with topospec): C20 (20 atoms, Rips, r = d/2) and CB7
# (126 atoms). For every change point of the reference tables it runs `topospec compute` on a
# point_cloud case that reads the file, and compares β_0, β_1, λ⁺_0, λ⁺_1 (to 1e-4).
#   scripts/check-molecule-curves.sh [TOPOSPEC] [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
topospec=${1:-build/release/apps/topospec/topospec}
data=${2:-../shared/data/molecules}
if [[ ! -f $data/C20.xyz || ! -f $data/CB7.mol2 ]]; then
  echo "check-molecule-curves: SKIPPED: no C20.xyz / CB7.mol2 under $data" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# molecule file, then rows "r beta0 beta1 lambda0 lambda1" of the reference table.
check() {
  local file=$1 table=$2 values
  values=$(awk '{printf "%s%.10g", (NR > 1 ? "," : ""), 2 * $1}' <<<"$table")
  printf '{"input":{"type":"point_cloud","file":"%s"},"options":{"max_dim":1,"values":[%s]},"want":["spectral_curves"]}\n' \
    "$(realpath "$file")" "$values" >"$tmp/case.json"
  "$topospec" compute "$tmp/case.json" -o "$tmp/answer.json" 2>/dev/null
  /usr/bin/python3 - "$tmp/answer.json" "$file" <<PY
import json, sys
rows = [list(map(float, l.split())) for l in """$table""".strip().splitlines()]
curve = json.load(open(sys.argv[1]))["spectral_curves"]
bad = 0
for row, p in zip(rows, curve):
    r, b0, b1, l0, l1 = row
    got = (p["betti"][0], p["betti"][1], p["lambda_min"][0], p["lambda_min"][1])
    ok = got[0] == b0 and got[1] == b1 and abs(got[2] - l0) <= 1e-4 and abs(got[3] - l1) <= 1e-4
    bad += not ok
    print(f"  r = {r:5.2f}: β = ({got[0]}, {got[1]}), λ⁺ = ({got[2]:.4f}, {got[3]:.4f})  {'ok' if ok else 'DIFFERS from ' + str(row[1:])}")
print(f"{sys.argv[2]}: {len(rows) - bad}/{len(rows)} reference points agree")
sys.exit(1 if bad else 0)
PY
}
# C20 rows hold until the next change; sample just after each change point.
check "$data/C20.xyz" "0.00 20 0 0 0
0.73 1 11 0.7639 0.7639
1.18 1 0 4.7639 1.0814
1.66 1 0 12.7639 6.6674
1.90 1 0 18 16
2.03 1 0 20 20"
check "$data/CB7.mol2" "0.57 84 0 1 1
0.71 42 0 1 1
0.74 16 2 0.0282 0.0282
0.75 1 15 0.0219 0.0219
0.80 1 22 0.0263 0.0263
0.92 1 22 0.0263 0.0263
1.21 1 8 0.0885 0.0885
1.63 1 6 0.4382 0.2122
1.64 1 1 0.4382 0.1600
1.99 1 1 1.5100 0.9909"

#!/usr/bin/env bash
# Path homology (regular GLMY, H_1 and up), topospec vs grpphati, in the same run; prints a
# Markdown table and checks that both tools drew the same digraphs and agree on β_1.
#
#   benchmarks/run_grpphati_peer.sh [BUILD_DIR] [N]
#   e.g. benchmarks/run_grpphati_peer.sh build 1000
#
# Builds nothing. BUILD_DIR must hold benchmarks/path_homology_benchmark
# (-DTOPOSPEC_BUILD_BENCHMARKS=ON); N is the random digraph's vertex count (registered: 1000).
# The peer needs a python3 with grpphati (PyPI; it pins networkx 2.8, numpy 1.24, lophat 0.9.2):
# set PYTHON=/path/to/venv/bin/python (python3 -m venv /tmp/grp && /tmp/grp/bin/pip install grpphati).
# Workloads: the wedge of two K_50 (99 vertices, 4900 arcs; grpphati's README benchmark) and a
# random digraph on N vertices with average out-degree 3 (see path_homology_benchmark.cpp).
# Each row runs in its own process, so its peak RSS (/usr/bin/time -v) is its own (it includes
# building the digraph). Times are wall / CPU seconds of the computation alone; on a shared
# machine CPU time is the steadier. grpphati's wedge-parallel CPU time misses its joblib workers.
# What is compared (see peer_grpphati.py): topospec's β_1 (regular path homology over Z/2) with
# grpphati's infinite H_1 bars under a static filtration and with its GrPPH bars alive at t = 1.
set -euo pipefail

build=${1:-build}
n=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/benchmarks/path_homology_benchmark
[ -x "$bin" ] || { echo "no $bin: build the path_homology_benchmark target first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }
py=
for candidate in ${PYTHON:-} /tmp/grp/bin/python python3; do
  if "$candidate" -c 'import grpphati, networkx, numpy' 2>/dev/null; then py=$candidate; break; fi
done
[ -n "$py" ] || { echo "no python with grpphati (set PYTHON)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }

# topospec: "wall cpu arcs arcsum result-text" of one benchmark (one iteration).
ours() {  # $1 = filter, $2 = tag
  /usr/bin/time -v "$bin" --benchmark_filter="$1" --benchmark_min_time=0 --benchmark_format=json \
    >"$tmp/$2.json" 2>"$tmp/$2.time"
  "$py" - "$tmp/$2.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["benchmarks"][0]
scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
omega = [int(b[k]) for k in ("omega0", "omega1", "omega2", "omega3", "omega4") if k in b]
betti = [int(b[k]) for k in ("b0", "b1", "b2", "b3") if k in b]
text = []
if omega: text.append("dim Ω " + ",".join(map(str, omega)))
if betti: text.append("β " + ",".join(map(str, betti)))
if "h1_bars" in b:
    text.append(f'H1 bars {int(b["h1_bars"])} (inf {int(b["h1_inf"])}, alive at 1: {int(b["h1_alive1"])})')
if "t_paths" in b:
    text.append(f'stages: paths {b["t_paths"]:.3f} s, Ω blocks {b["t_inf"]:.3f} s, '
                f'homology {b["t_hom"]:.3f} s')
b1 = int(b["b1"]) if "b1" in b else int(b.get("h1_alive1", -1))
print(f'{b["real_time"] * scale:.3f} {b["cpu_time"] * scale:.3f} {int(b["arcs"])} {int(b["arcsum"])} {b1} {"; ".join(text)}')
PY
}

theirs() {  # $1 = workload, $2 = task, $3 = tag
  /usr/bin/time -v "$py" "$here/peer_grpphati.py" "$1" "$2" >"$tmp/$3.out" 2>"$tmp/$3.time"
  cat "$tmp/$3.out"
}
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

rows=()
fail=0
row() { rows+=("$1"); }
check() {  # $1 = what, $2 = ours, $3 = theirs
  if [ "$2" != "$3" ]; then echo "MISMATCH: $1: topospec $2, grpphati $3" >&2; fail=1; fi
}

# --- wedge ---
read -r ws wc warcs wsum wb1 wtext < <(ours '^BM_WedgeHomology/' wedge_hom)
row "| wedge K50∨K50 | topospec | Ω_0..2 + homology Z/2, deg ≤ 1 | $ws / $wc | $(peak_mib "$tmp/wedge_hom.time") | $wtext |"
read -r us uc _ _ ub1 utext < <(ours '^BM_WedgePersistence/weights:0/' wedge_unit)
row "| wedge K50∨K50 | topospec | persistence Z/2 deg ≤ 1, unit weights | $us / $uc | $(peak_mib "$tmp/wedge_unit.time") | $utext |"
read -r cs cc _ _ cb1 ctext < <(ours '^BM_WedgePersistence/weights:1/' wedge_closure)
row "| wedge K50∨K50 | topospec | PPH Z/2 deg ≤ 1, shortest-path closure (9702 arcs) | $cs / $cc | $(peak_mib "$tmp/wedge_closure.time") | $ctext |"
line=$(theirs wedge static wedge_static)
tool=$(sed -n 's/tool=\([^ ]*\).*/\1/p' <<<"$line")
check "wedge arcs" "$warcs $wsum" "$(get arcs "$line") $(get arcsum "$line")"
check "wedge β_1 (static)" "$wb1" "$(get inf "$line")"
row "| wedge K50∨K50 | $tool | static filtration, H_1 | $(get seconds "$line") / $(get cpu_s "$line") | $(peak_mib "$tmp/wedge_static.time") | infinite H1 bars $(get inf "$line"); closure 2-paths $(get closure_two_paths "$line") |"
line=$(theirs wedge grpph wedge_grpph)
check "wedge β_1 (GrPPH alive at 1)" "$wb1" "$(get alive1 "$line")"
row "| wedge K50∨K50 | $tool | GrPPH serial | $(get seconds "$line") / $(get cpu_s "$line") | $(peak_mib "$tmp/wedge_grpph.time") | H1 bars $(get bars "$line") (inf $(get inf "$line"), alive at 1: $(get alive1 "$line")) |"
line=$(theirs wedge grpph_par_wedge wedge_par)
check "wedge β_1 (GrPPH_par_wedge alive at 1)" "$wb1" "$(get alive1 "$line")"
row "| wedge K50∨K50 | $tool | GrPPH_par_wedge | $(get seconds "$line") / $(get cpu_s "$line") (+workers) | $(peak_mib "$tmp/wedge_par.time") (+workers) | H1 bars $(get bars "$line") (inf $(get inf "$line"), alive at 1: $(get alive1 "$line")) |"

# --- random ---
read -r rs rc rarcs rsum rb1 rtext < <(ours "^BM_RandomH1/n:$n/" random_h1)
row "| random n=$n | topospec | Ω_0..2 + homology Z/2, deg ≤ 1 | $rs / $rc | $(peak_mib "$tmp/random_h1.time") | $rtext |"
for m in 2 0; do
  coeff=$([ $m = 2 ] && echo Z/2 || echo Q)
  read -r s c _ _ _ text < <(ours "^BM_RandomHomology/n:$n/modulus:$m/" random_hom$m)
  row "| random n=$n | topospec | Ω_0..4 + homology $coeff, deg ≤ 3 | $s / $c | $(peak_mib "$tmp/random_hom$m.time") | $text |"
  read -r s c _ _ _ text < <(ours "^BM_RandomRanks/n:$n/modulus:$m/" random_rk$m)
  row "| random n=$n | topospec | path_betti_by_ranks $coeff, deg ≤ 3 | $s / $c | $(peak_mib "$tmp/random_rk$m.time") | $text |"
done
line=$(theirs "random:$n" static random_static)
check "random arcs" "$rarcs $rsum" "$(get arcs "$line") $(get arcsum "$line")"
check "random β_1 (static)" "$rb1" "$(get inf "$line")"
row "| random n=$n | $tool | static filtration, H_1 | $(get seconds "$line") / $(get cpu_s "$line") | $(peak_mib "$tmp/random_static.time") | infinite H1 bars $(get inf "$line") |"
row "| random n=$n | $tool | GrPPH | not run | – | shortest-path closure: $(get closure_pairs "$line") arcs, $(get closure_two_paths "$line") 2-paths, each a Python object |"

echo "| workload | tool | task | seconds (wall / CPU) | peak RSS (MiB) | result |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Checked: same arcs (count and Σ tail·n + head) on both sides; topospec β_1 (Z/2) = grpphati's infinite H_1 bars (static filtration) = GrPPH bars alive at t = 1 (wedge)."
exit $fail

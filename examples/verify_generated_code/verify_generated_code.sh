#!/usr/bin/env bash
# Walkthrough: validating a generated topology program with `topospec verify`.
#
# betti_generated.py is the kind of program a code generator writes when asked for "Betti
# numbers and Hodge Laplacian spectra of a simplicial complex". It looks right and passes the
# examples one tries by hand, but it computes every rank over Z/2 whatever coefficients are
# asked for. betti_fixed.py is the same program with exact ranks over the requested field.
#
#   bash examples/verify_generated_code/verify_generated_code.sh
#
# Needs `topospec` on PATH (an installed package: its reference suite is in
# PREFIX/share/topospec/suite) and python3 with NumPy. Standard output is deterministic (the
# project's tests compare it with expected_output.txt); timings and notes go to stderr.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
PYTHON="$(command -v python3)"
TOPOSPEC_BIN="$(command -v topospec)"
SUITE="$(dirname "$TOPOSPEC_BIN")/../share/topospec/suite"
if [[ ! -d "$SUITE" ]]; then
  SUITE="$HERE/../../verify/suite"  # topospec run from a build tree
fi

# Everything the walkthrough writes goes to a scratch directory, removed at the end.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# The cases of the reference suite used in step 2: simplicial complexes that ask only for the
# quantities the program answers (chain_dims, betti, euler_characteristic, boundary_ranks,
# Laplacian spectra). Torsion-free complexes first, then ones with torsion in H_1.
CASES=(seed-s1 seed-hexagon seed-octahedron graph-k4 torus-q torus-spectra
       sphere-s3-simplex-boundary rp2-z2 rp2-q rp2-zp3 klein-bottle-q moore-z4-q)
SUITE_FILES=()
for c in "${CASES[@]}"; do SUITE_FILES+=("$SUITE/$c.json"); done

# Runs `topospec verify ARGS...`, prints its table without the run time (which varies), and
# prints its exit status; a failing verify (exit status 4) does not stop the walkthrough.
verify() {
  local rc=0
  topospec verify "$@" >"$WORK/table.txt" || rc=$?
  sed -E 's/ \([0-9.]+ s\)$//' "$WORK/table.txt"
  echo "exit status of topospec verify: $rc"
}

echo "== Step 1: the generated program"
echo "betti_generated.py reads one case (JSON) on stdin and prints the wanted quantities."
echo "Its rank function, which the docstring calls exact:"
echo
awk '/^def exact_rank/,/^    return rank/' "$HERE/betti_generated.py"
echo
echo "On the seed example S1 (a filled triangle, a dangling edge and an isolated vertex):"
echo '{"input": {"type": "simplicial_complex", "simplices": [[1,2],[2,3,4],[5]]},
       "options": {"coefficients": "Q"}, "want": ["betti", "euler_characteristic"]}' \
  | "$PYTHON" "$HERE/betti_generated.py"
echo "and on the 7-vertex torus (H_1 = Z^2, no torsion):"
"$PYTHON" - "$SUITE/torus-q.json" <<'EOF' | "$PYTHON" "$HERE/betti_generated.py"
import json, sys
case = json.load(open(sys.argv[1]))
case.pop("expect")  # what a candidate receives: the case without its expected answer
case["want"] = ["betti"]
print(json.dumps(case))
EOF
echo "Both are right. Now ask the reference suite."
echo

echo "== Step 2: topospec verify against ${#CASES[@]} cases of the reference suite"
echo "\$ topospec verify --candidate \"python3 \$PWD/betti_generated.py\" --suite <${#CASES[@]} suite files> --json report.json"
verify --candidate "$PYTHON $HERE/betti_generated.py" --suite "${SUITE_FILES[@]}" \
  --json "$WORK/report.json"
echo
echo "The failing quantities of rp2-q, read from report.json:"
"$PYTHON" - "$WORK/report.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
case = next(c for c in report["cases"] if c["name"] == "rp2-q")
print("  case %s (tags: %s), status %s" % (case["name"], ", ".join(case["tags"]), case["status"]))
for q in case["quantities"]:
    if q["status"] != "pass":
        for d in q["differences"]:
            print("  %-15s %-18s expected %s, got %s" % (q["quantity"], d["pointer"], d["expected"], d["got"]))
for d in case["diagnoses"]:
    print("  diagnosis (%s): %s" % (d["quantity"], d["explanation"]))
EOF
echo

echo "== Step 3: random differential testing with shrinking"
echo "Random complexes (seeds 196..199), expected answers from the topospec library;"
echo "a failing case is shrunk to a minimal counterexample written as a case file."
echo "\$ topospec verify --candidate \"python3 \$PWD/betti_generated.py\" --random 4 --seed 196 --want betti --out counterexamples"
verify --candidate "$PYTHON $HERE/betti_generated.py" --random 4 --seed 196 --want betti \
  --out counterexamples
echo
echo "The shrunk counterexample, counterexamples/counterexample-197.json:"
"$PYTHON" - counterexamples/counterexample-197.json <<'EOF'
import json, sys
case = json.load(open(sys.argv[1]))
simplices = case["input"]["simplices"]
vertices = sorted({v for s in simplices for v in s})
print("  input:   %s with %d triangles on %d vertices" % (case["input"]["type"], len(simplices), len(vertices)))
print("  options: %s" % json.dumps(case["options"], sort_keys=True))
print("  want:    %s" % json.dumps(case["want"]))
print("  expect:  %s" % json.dumps(case["expect"], sort_keys=True))
EOF
echo "Ten triangles on six vertices with H_1 = 0 over Q: the 6-vertex RP^2, whose H_1 = Z/2"
echo "is invisible over Q but not over Z/2."
echo

echo "== Step 4: the fixed program"
echo "betti_fixed.py computes ranks exactly over the requested coefficients:"
echo
diff -u --label betti_generated.py --label betti_fixed.py \
  "$HERE/betti_generated.py" "$HERE/betti_fixed.py" || true
echo
echo "\$ topospec verify --candidate \"python3 \$PWD/betti_fixed.py\" --suite <${#CASES[@]} suite files> counterexamples/ --random 4 --seed 196 --want betti"
verify --candidate "$PYTHON $HERE/betti_fixed.py" --suite "${SUITE_FILES[@]}" counterexamples \
  --random 4 --seed 196 --want betti
echo
echo "The fixed program passes the suite cases, the shrunk counterexample (now a regression"
echo "case) and the random cases."

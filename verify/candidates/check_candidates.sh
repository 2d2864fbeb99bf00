#!/usr/bin/env bash
# check_candidates.sh: self-check of the example candidates, without the topospec tool.
#
#   verify/candidates/check_candidates.sh [-v]        (PYTHON=/path/to/python3 to override)
#
# Runs correct.py and every bug_*.py on every selfcheck/*.json case the way `topospec verify`
# does (stdin = the case without `expect`, an empty working directory, a time limit), compares
# each answer with the case's `expect` using compare_answer.py, and prints a candidate × case
# pass/FAIL matrix (-v: also why each failure failed).
# Exit status 0 iff correct.py passes every case and every bug candidate fails at least one.

set -u
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-/usr/bin/python3}
limit=${CANDIDATE_TIMEOUT:-120}
verbose=0
[ "${1:-}" = "-v" ] && verbose=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cases=()
for f in "$here"/selfcheck/*.json; do cases+=("$(basename "$f" .json)"); done
candidates=(correct)
for f in "$here"/bug_*.py; do candidates+=("$(basename "$f" .py)"); done

# Requests: the cases without `expect`.
mkdir -p "$tmp/requests"
for c in "${cases[@]}"; do
  "$py" -c 'import json, sys
case = json.load(open(sys.argv[1])); case.pop("expect", None); json.dump(case, sys.stdout)' \
    "$here/selfcheck/$c.json" > "$tmp/requests/$c.json" || { echo "bad case $c" >&2; exit 2; }
done

# One background job per candidate; its cases run one after the other.
run_candidate() {
  local cand=$1 c dir rc
  for c in "${cases[@]}"; do
    dir="$tmp/runs/$cand/$c"
    mkdir -p "$dir/work"
    (cd "$dir/work" && timeout "$limit" "$py" "$here/$cand.py" \
       < "$tmp/requests/$c.json" > "$dir/answer.json" 2> "$dir/stderr")
    rc=$?
    if [ $rc -ne 0 ]; then
      echo "exit status $rc: $(tail -n 3 "$dir/stderr" | tr '\n' ' ')" > "$dir/result"
      echo FAIL > "$dir/verdict"
    elif "$py" "$here/compare_answer.py" "$here/selfcheck/$c.json" "$dir/answer.json" \
         > "$dir/result" 2>&1; then
      echo pass > "$dir/verdict"
    else
      echo FAIL > "$dir/verdict"
    fi
  done
}
for cand in "${candidates[@]}"; do run_candidate "$cand" & done
wait

# The matrix.
width=0
for cand in "${candidates[@]}"; do [ ${#cand} -gt $width ] && width=${#cand}; done
printf "%-${width}s" ""
for c in "${cases[@]}"; do printf "  %s" "$c"; done
printf "\n"
ok=1
for cand in "${candidates[@]}"; do
  printf "%-${width}s" "$cand"
  fails=0
  for c in "${cases[@]}"; do
    v=$(cat "$tmp/runs/$cand/$c/verdict")
    [ "$v" = FAIL ] && fails=$((fails + 1))
    printf "  %-${#c}s" "$v"
  done
  if [ "$cand" = correct ] && [ $fails -ne 0 ]; then
    printf "   <-- the correct candidate must pass every case"; ok=0
  elif [ "$cand" != correct ] && [ $fails -eq 0 ]; then
    printf "   <-- no self-check case exposes this bug"; ok=0
  fi
  printf "\n"
done

if [ $verbose -eq 1 ] || [ $ok -eq 0 ]; then
  printf "\nFailures:\n"
  for cand in "${candidates[@]}"; do
    for c in "${cases[@]}"; do
      if [ "$(cat "$tmp/runs/$cand/$c/verdict")" = FAIL ]; then
        printf "  %s on %s:\n" "$cand" "$c"
        sed 's/^/      /' "$tmp/runs/$cand/$c/result" | head -n 6
      fi
    done
  done
fi

if [ $ok -eq 1 ]; then
  echo "self-check OK: correct passes all ${#cases[@]} cases; each of the $((${#candidates[@]} - 1)) bug candidates fails at least one"
  exit 0
fi
echo "self-check FAILED"
exit 1

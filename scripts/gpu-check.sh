#!/usr/bin/env bash
# The device check. Two steps, so that the GPU machine (CUDA, CMake, ninja, but none of
# Debian's -dev packages) only runs binaries:
#   scripts/gpu-check.sh --bundle   on the build machine (no GPU needed): builds the backend
#                                   tests and benchmarks for sm_90 with a static C++ runtime
#                                   into build/gpu-bundle (a few MiB; carry that folder)
#   scripts/gpu-check.sh            on the GPU machine: runs them and prints one short table
#                                   (test pass counts; per benchmark CPU time, GPU time, ratio,
#                                   max relative eigenvalue difference). Well under 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=build/gpu-bundle

if [ "${1:-}" = "--bundle" ]; then
  cmake --preset cuda-portable >/dev/null
  cmake --build build/cuda -j "$(nproc)" --target topospec_backend_tests topospec_backend_comparison
  rm -rf "$bundle" && mkdir -p "$bundle"
  cp build/cuda/tests/topospec_backend_tests build/cuda/benchmarks/gpu/topospec_backend_comparison "$bundle/"
  du -sh "$bundle"
  exit 0
fi

[ -x "$bundle/topospec_backend_tests" ] || { echo "no $bundle: run scripts/gpu-check.sh --bundle first" >&2; exit 2; }
for d in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib; do
  [ -d "$d" ] && export LD_LIBRARY_PATH="$d:${LD_LIBRARY_PATH:-}"
done
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true

log=$(mktemp)
set +e
timeout 300 "$bundle/topospec_backend_tests" --gtest_brief=0 >"$log" 2>&1
rc=$?
set -e
passed=$(grep -c '^\[       OK \]' "$log" || true)
failed=$(grep -c '^\[  FAILED  \] .*\.' "$log" || true)
skipped=$(grep -c '^\[  SKIPPED \]' "$log" || true)
grep -E '^\[  (FAILED|SKIPPED) \]|Failure|error' "$log" | head -20 || true
echo
echo "| backend tests | passed | failed | skipped | exit |"
echo "|---|---|---|---|---|"
echo "| topospec_backend_tests | $passed | $failed | $skipped | $rc |"
echo
timeout 240 "$bundle/topospec_backend_comparison"

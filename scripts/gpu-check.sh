#!/usr/bin/env bash
# The device check, in two steps, so that the GPU machine (CUDA, CMake and ninja, but none of
# Debian's -dev packages) only runs binaries:
#   scripts/gpu-check.sh --bundle   on the build machine (no GPU needed): builds the backend
#                                   tests and the GPU benchmarks for sm_90 with a static C++
#                                   runtime, exports the persistent-Laplacian workloads, and
#                                   gathers all of it, with any shared library the GPU machine
#                                   may lack (OpenBLAS, LAPACKE…: packed as lib.tar.gz, found
#                                   through an $ORIGIN/lib run path), into build/gpu-bundle
#                                   (checked to be under 64 MiB; carry it)
#   scripts/gpu-check.sh            on the GPU machine: runs the backend tests and benchmarks
#                                   and prints one short table (test pass counts; per benchmark
#                                   CPU time, GPU time, ratio, max relative eigenvalue
#                                   difference). Within 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=build/gpu-bundle

if [ "${1:-}" = "--bundle" ]; then
  cmake --preset cuda-portable >/dev/null
  cmake --build build/cuda -j "$(nproc)" --target topospec_backend_tests topospec_backend_comparison \
    topospec_sparse_laplacian_benchmark topospec_persistent_laplacian_timer
  rm -rf "$bundle" && mkdir -p "$bundle/lib" "$bundle/data"
  cp build/cuda/tests/topospec_backend_tests build/cuda/benchmarks/gpu/topospec_backend_comparison \
    build/cuda/benchmarks/gpu/topospec_sparse_laplacian_benchmark \
    build/cuda/benchmarks/gpu/topospec_persistent_laplacian_timer "$bundle/"
  # Shared libraries other than glibc's and the CUDA toolkit's travel along.
  for exe in "$bundle"/topospec_*; do
    ldd "$exe" | awk '/=> \// {print $3}' | while read -r lib; do
      case "$lib" in
        */libc.so*|*/libm.so*|*/libpthread.so*|*/libdl.so*|*/librt.so*|*/libgcc_s.so*|*/ld-linux*) ;;
        /usr/local/cuda*|*/libcu*|*/libnv*) ;;
        *) [ -e "$bundle/lib/$(basename "$lib")" ] || cp -L "$lib" "$bundle/lib/" ;;
      esac
    done
  done
  # The PETLS workloads (benchmarks/peer_petls.py; GUDHI builds the alpha complexes).
  for preset in quick medium grid; do
    /usr/bin/python3 benchmarks/peer_petls.py export "$preset" "$bundle/data" >/dev/null
  done
  strip "$bundle"/topospec_*
  # OpenBLAS alone is 36 MiB: the libraries travel compressed and are unpacked on first use.
  tar -czf "$bundle/lib.tar.gz" -C "$bundle" lib && rm -rf "$bundle/lib"
  ls -la "$bundle" "$bundle/data"
  size=$(du -sm "$bundle" | cut -f1)
  echo "bundle: ${size} MiB"
  [ "$size" -lt 64 ] || { echo "bundle over 64 MiB" >&2; exit 1; }
  exit 0
fi

[ -x "$bundle/topospec_backend_tests" ] || { echo "no $bundle: run scripts/gpu-check.sh --bundle first" >&2; exit 2; }
[ -d "$bundle/lib" ] || tar -xzf "$bundle/lib.tar.gz" -C "$bundle"
# The run path finds the bundle's libraries for the binaries; their own dependencies (LAPACKE's
# LAPACK and BLAS) are found through the library path.
export LD_LIBRARY_PATH="$PWD/$bundle/lib:${LD_LIBRARY_PATH:-}"
for d in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib /usr/local/cuda/lib; do
  [ -d "$d" ] && export LD_LIBRARY_PATH="$d:${LD_LIBRARY_PATH:-}"
done
card=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1 || echo "no GPU")
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
echo "cpu cores: $(nproc)"
work=$(mktemp -d)
rows=()

# 1. Backend tests: every device path against the CPU reference.
set +e
timeout 300 "$bundle/topospec_backend_tests" >"$work/tests.log" 2>&1
rc=$?
set -e
passed=$(grep -c '^\[       OK \]' "$work/tests.log" || true)
failed=$(grep -c '^\[  FAILED  \] .*\.' "$work/tests.log" || true)
skipped=$(grep -c '^\[  SKIPPED \]' "$work/tests.log" || true)
grep -E '^\[  FAILED  \]|Failure' "$work/tests.log" | head -20 || true

# 2. Dense full spectra (syevd vs Eigen), rows printed by the program itself.
timeout 90 "$bundle/topospec_backend_comparison" | tee "$work/dense.log" || true

# 3. Persistent Laplacian spectra of the PETLS workloads: the CPU path on all cores, then the
# GPU batch path, compared request by request.
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" "$2" | head -1; }
for data in "$bundle"/data/torus500_d2.txt "$bundle"/data/sphere300_d2.txt \
            "$bundle"/data/torus500_d3.txt "$bundle"/data/torus500_d3_grid.txt; do
  name=$(basename "$data" .txt)
  cpu_s=- gpu_s=- diff=-
  set +e
  timeout 150 "$bundle/topospec_persistent_laplacian_timer" "$data" "$work/$name.cpu" --backend cpu \
    >"$work/$name.cpu.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    cpu_s=$(field spectra_s "$work/$name.cpu.log")
    timeout 100 "$bundle/topospec_persistent_laplacian_timer" "$data" --backend cuda \
      --reference "$work/$name.cpu" >"$work/$name.gpu.log" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then
      gpu_s=$(field spectra_s "$work/$name.gpu.log")
      diff=$(field max_rel_diff "$work/$name.gpu.log")
    else
      gpu_s="exit $rc"; [ $rc -eq 124 ] && gpu_s="timeout 100 s"
      tail -n 3 "$work/$name.gpu.log"
    fi
  else
    cpu_s="exit $rc"; [ $rc -eq 124 ] && cpu_s="timeout 150 s"
    tail -n 3 "$work/$name.cpu.log"
  fi
  set -e
  ratio=$(awk -v c="$cpu_s" -v g="$gpu_s" 'BEGIN { if (g + 0 > 0) printf "%.1f", c / g; else print "-" }')
  requests=$(sed -n "s/^requests //p" "$data")
  rows+=("| persistent Laplacian spectra, $name ($requests requests) | $cpu_s | $gpu_s | $ratio | $diff |")
done

# 4. k = 10 smallest eigenvalues of L_1 of a ≥ 10^7-simplex complex (matrix-free Lanczos).
set +e
timeout 200 "$bundle/topospec_sparse_laplacian_benchmark" >"$work/sparse.log" 2>&1
rc=$?
set -e
row=$(grep '^|' "$work/sparse.log" | tail -n 1 || true)
if [ $rc -ne 0 ] || [ -z "$row" ]; then
  tail -n 5 "$work/sparse.log"
  row="| L_1 k=10 smallest | exit $rc, no row (see above) | | | |"
fi
rows+=("$row")

echo
echo "card: $card"
echo
echo "| backend tests | passed | failed | skipped | exit |"
echo "|---|---|---|---|---|"
echo "| topospec_backend_tests | $passed | $failed | $skipped | $rc |"
echo
echo "| benchmark | cpu s | gpu s | ratio | max rel diff |"
echo "|---|---|---|---|---|"
for r in "${rows[@]}"; do echo "$r"; done

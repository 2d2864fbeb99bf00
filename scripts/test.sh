#!/usr/bin/env bash
# The test command: installs dependencies, builds everything (CUDA too when nvcc is present;
# GPU tests skip without a device) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DTOPOSPEC_BUILD_TESTS=ON
ctest --test-dir build/release --output-on-failure -j "$(nproc)" --timeout 900

#!/usr/bin/env bash
# Configures and builds topospec (Release) in build/release. Extra arguments go to CMake.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build/release -j "$(nproc)"

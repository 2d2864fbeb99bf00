#!/usr/bin/env bash
# Build the PETLS peer (PyPI `petls` 1.0.1, a pybind11 C++ extension) from its sdist for the
# system python (/usr/bin/python3, 3.11, Debian 12), for benchmarks/peer_petls.py and
# benchmarks/run_petls_peer.sh. Nothing of PETLS is copied into this project: this script only
# downloads and builds it, outside the repository.
#
#   benchmarks/build_petls.sh [WORKDIR]        (default WORKDIR /tmp/topospec-petls-src)
#
# Why: the sdist's own build (scikit-build-core) fetches Eigen (git master) and pybind11 at
# configure time, which fails offline. Here a small CMakeLists.txt of our own compiles the
# same sources as the sdist's CMakeLists.txt (module `petls._petls`) against Debian's
# libeigen3-dev (3.4.0), pybind11-dev, libcgal-dev, libboost-dev.
# Flags: CMAKE_BUILD_TYPE=Release, -O3 -DNDEBUG, C++17, no -march=native (portable; the
# upstream wheel's module is also built without it); the two Alpha-complex (CGAL) sources
# also get -frounding-math, as CGAL requires. Extra flags: PETLS_CXXFLAGS="-march=native".
# Built with `ninja -j1` (shared 2-core machine; override with PETLS_JOBS).
#
# Result: a venv /tmp/topospec-petls-venv-src (--system-site-packages, so numpy, scipy and
# gudhi come from Debian) holding the package `petls` (the sdist's python files + the built
# module), a minimal petls-1.0.1.dist-info, and the pure-python imports petls needs that
# Debian's python lacks (pandas, matplotlib, pytest; numpy pinned to Debian's).
# Idempotent: re-running skips what is already done. Prints the python to use at the end:
#   benchmarks/run_petls_peer.sh BUILD_DIR quick /tmp/topospec-petls-venv-src/bin/python
set -euo pipefail

work=${1:-/tmp/topospec-petls-src}
venv=${PETLS_VENV:-/tmp/topospec-petls-venv-src}
jobs=${PETLS_JOBS:-1}
py=/usr/bin/python3
version=1.0.1
sdist=petls-$version.tar.gz
sha256=46a7b2ba942d57ee64924abbcc670abd7e07e3a692d5d58deb8e257c77a59a34

# 1. Debian build dependencies (only the missing ones).
need=()
for p in cmake ninja-build g++ python3-dev python3-venv python3-pip libeigen3-dev pybind11-dev \
         libcgal-dev libboost-dev libgmp-dev libmpfr-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "apt-get install ${need[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

# 2. The sdist. Its metadata step needs scikit-build-core < 0.10 (newer ones reject its
# `cmake.verbose` setting); build requirements are taken as wheels (`--only-binary :all:`),
# `--no-binary petls` keeps petls itself as the sdist.
mkdir -p "$work"
cd "$work"
if ! echo "$sha256  $sdist" | sha256sum -c --status 2>/dev/null; then
  rm -f "$sdist"
  echo 'scikit-build-core<0.10' >constraints-build.txt
  PIP_CONSTRAINT=$work/constraints-build.txt $py -m pip download -q --no-deps \
    --only-binary :all: --no-binary petls "petls==$version" -d "$work"
  echo "$sha256  $sdist" | sha256sum -c
fi
src=$work/petls-$version
[ -f "$src/src/_petls.cpp" ] || tar xzf "$sdist"

# 3. Our CMake file (next to the sdist, not inside it); sources as in the sdist's CMakeLists.txt.
mkdir -p "$work/cmake-project"
cat >"$work/cmake-project/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.18)
project(petls_from_sdist LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
find_package(Python COMPONENTS Interpreter Development.Module REQUIRED)
find_package(pybind11 CONFIG REQUIRED)        # Debian pybind11-dev
find_package(Eigen3 3.4 REQUIRED NO_MODULE)   # Debian libeigen3-dev
find_package(Boost REQUIRED)                  # header-only use (GUDHI)
set(S ${PETLS_SRC})
set(ALPHA_SOURCES ${S}/cpp/src/variants/Alpha.cpp ${S}/src/variants/Alpha.cpp)
pybind11_add_module(_petls MODULE
  ${S}/cpp/src/petls.cpp
  ${S}/cpp/src/core/Complex.cpp
  ${S}/cpp/src/eigenvalues/eigs_algorithms.cpp
  ${S}/cpp/src/eigenvalues/spectra_algorithms.cpp
  ${S}/cpp/src/variants/PersistentSheafLaplacian.cpp
  ${S}/src/core/Complex.cpp
  ${S}/src/variants/dFlag.cpp
  ${S}/src/variants/Rips.cpp
  ${S}/src/variants/PersistentSheafLaplacian.cpp
  ${S}/src/_petls.cpp
  ${ALPHA_SOURCES})
target_include_directories(_petls PRIVATE
  ${S}/cpp/include/petls_headers
  ${S}/cpp/include/petls_headers/core
  ${S}/cpp/include/petls_headers/eigenvalues
  ${S}/cpp/include/petls_headers/variants
  ${S}/cpp/include/spectra/include
  ${S}/cpp/include/Gudhi_modified/include)
target_compile_definitions(_petls PRIVATE PETLS_USE_ALPHA_COMPLEX CGAL_DISABLE_ROUNDING_MATH_CHECK
  BOOST_RESULT_OF_USE_DECLTYPE BOOST_SYSTEM_NO_DEPRECATED)
target_compile_options(_petls PRIVATE -Wno-unused-variable -Wno-unused-parameter
  -Wno-maybe-uninitialized -Wno-deprecated-declarations)
set_source_files_properties(${ALPHA_SOURCES} PROPERTIES COMPILE_OPTIONS -frounding-math)
target_link_libraries(_petls PRIVATE Eigen3::Eigen Boost::boost gmp mpfr)
EOF

build=$work/build
cmake -S "$work/cmake-project" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG ${PETLS_CXXFLAGS:-}" \
  -DPython_EXECUTABLE=$py -DPETLS_SRC="$src" >"$work/cmake-configure.log"
ninja -C "$build" -j "$jobs"
module=$(ls "$build"/_petls*.so)

# 4. The venv: system site-packages + petls + its import-time pure-python dependencies.
[ -x "$venv/bin/python" ] || $py -m venv --system-site-packages "$venv"
if ! "$venv/bin/python" -c 'import pandas, matplotlib, pytest' 2>/dev/null; then
  $py -c 'import numpy; print("numpy==" + numpy.__version__)' >"$work/constraints-venv.txt"
  "$venv/bin/python" -m pip install -q --only-binary :all: -c "$work/constraints-venv.txt" \
    pandas matplotlib pytest
fi
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
mkdir -p "$site/petls" "$site/petls-$version.dist-info"
cp "$src"/src/petls/*.py "$site/petls/"
cp "$module" "$site/petls/"
printf 'Metadata-Version: 2.1\nName: petls\nVersion: %s\nSummary: built from the sdist by topospec benchmarks/build_petls.sh\n' \
  "$version" >"$site/petls-$version.dist-info/METADATA"
echo topospec-build_petls.sh >"$site/petls-$version.dist-info/INSTALLER"
"$venv/bin/python" -c 'import petls, importlib.metadata as m; print("petls", m.version("petls"), petls._petls.__file__)'
echo "PETLS_PYTHON=$venv/bin/python"

#!/usr/bin/env bash
# Builds the host native library (Release) into <repo>/.build/native/libtinylite_native.so, where the managed
# runtime finds it (nf-runtime/src/Native/NativeKernels.cs) and the host build copies it next to the CLI and
# the tests. Incremental and quiet; prints the build log and fails when the build fails.
#   native-kernels/build-host.sh [--test]   (--test also runs the native CTests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/.build/native"
if ! command -v cmake >/dev/null || ! command -v cc >/dev/null; then
  echo "native-kernels: cmake and a C compiler are needed to build the native kernels" >&2
  exit 1
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root/native-kernels" -B "$build" -DCMAKE_BUILD_TYPE=Release >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi
cmake --build "$build" -j 2 >"$log" 2>&1 || { cat "$log" >&2; echo "native-kernels: build failed" >&2; exit 1; }
if [ "${1:-}" = "--test" ]; then
  (cd "$build" && ctest --output-on-failure) >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  grep -E 'tests passed' "$log" || true
fi

#!/usr/bin/env bash
# Fuzzes the native loader and kernels (fuzz_loader.c) under AddressSanitizer and UBSan for a bounded time:
#   native-kernels/tests/fuzz.sh [SECONDS] [SEED]
# Seeds are real images compiled from ../shared/models by the CLI; without the shared models it says so
# and succeeds (nothing to mutate). Builds into <repo>/.build/native-asan.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-12}"
seed="${2:-$(date +%s)}"
models="$root/../shared/models"
if [ ! -d "$models" ]; then
  echo "fuzz: ../shared/models is absent: no seed images, fuzzing skipped"
  exit 0
fi
build="$root/.build/native-asan"
log="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$log" "$work"' EXIT
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root/native-kernels" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi
cmake --build "$build" --target fuzz_loader test_runner tl_ndense_kernels_test -j 2 >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
# The runner's and the dense kernels' unit tests under the sanitizers first: their edge cases (windows and sizes near
# INT32_MAX) are where an overflow the release build happens to wrap correctly shows up.
for unit in tests/test_runner tl_ndense_kernels_test; do
  "$build/$unit" >"$log" 2>&1 || { cat "$log" >&2; echo "fuzz: $unit failed under the sanitizers" >&2; exit 1; }
done

# Seed images: small real models covering every kernel family (and float I/O, int4 weights, int16), compiled
# by the CLI, and one-operator images of every family from the xunit suite; cached in .build/fuzz-seeds until the
# CLI or the tests change.
seeds=(hello_world_int8 kws_dscnn ad_toycar_fullint_micro synthetic_int4_cnn_s1 synthetic_int4_fc_s1
       micro_speech seanet/pad/pad0 seanet/strided_slice/strided_slice0 seanet/quantize/quantize0
       seanet/transpose_conv/transpose_conv0 seanet/leaky_relu/leaky_relu0 seanet/add/add0 seanet/conv/conv0)
cli="$root/codegen/TinyLite.Cli/bin/Release/net10.0/tinylite.dll"
[ -f "$cli" ] || "$root/tinylite" --help >/dev/null
cache="$root/.build/fuzz-seeds"
tests_dll="$root/tests/TinyLite.Tests/bin/Release/net10.0/TinyLite.Tests.dll"
if [ ! -f "$cache/.done" ] || [ "$cli" -nt "$cache/.done" ] || [ "$tests_dll" -nt "$cache/.done" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  for m in "${seeds[@]}"; do
    [ -f "$models/$m/model.tflite" ] && printf '%s\0%s\0' "$models/$m/model.tflite" "$cache/${m//\//_}.tlm"
  done | xargs -0 -n 2 -P 2 sh -c 'dotnet "$0" compile "$1" -o "$2" >/dev/null' "$cli" 2>"$log" \
    || { cat "$log" >&2; echo "fuzz: compiling the seed images failed" >&2; exit 1; }
  # One-operator images of every kernel family, written by the xunit suite's FuzzSeedImages test.
  if [ -f "$tests_dll" ]; then
    TINYLITE_FUZZ_SEED_DIR="$cache" dotnet test "$tests_dll" --filter "FullyQualifiedName~FuzzSeedImages" -v q >"$log" 2>&1 \
      || { cat "$log" >&2; echo "fuzz: writing the one-operator seed images failed" >&2; exit 1; }
  else
    echo "fuzz: $tests_dll not built: no one-operator seed images (run the xunit suite first)"
  fi
  touch "$cache/.done"
fi
images=("$cache"/*.tlm)
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$build/tests/fuzz_loader" "$seconds" "$seed" "${images[@]}" \
  || { echo "fuzz: FAILED (seed $seed; rerun: native-kernels/tests/fuzz.sh $seconds $seed)" >&2; exit 1; }

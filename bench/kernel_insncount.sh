#!/usr/bin/env bash
# Instruction counts of single native kernels (micro-benchmarks native-kernels/tests/qemu/bench_*.c) on
# the emulated Cortex-M4F (mps2-an386) and Cortex-M7 (mps2-an500), built with the boards' toolchain
# files, startup and linker script (boards/qemu-common), counted by ../shared/tools/insncount with the
# empty region's marker overhead subtracted. Prints instructions and instructions per MAC.
#
#   bench/kernel_insncount.sh [--build DIR] [--boards "qemu-mps2-an386 qemu-mps2-an500"]
#
# Needs arm-none-eabi-gcc (gcc-arm-none-eabi, libnewlib-arm-none-eabi), qemu-system-arm, cmake and
# ../shared/tools/insncount. Exit status 1 when a benchmark fails (e.g. fc: plain and fast paths differ).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Its own folder: qemu_insncount.py configures .build/qemu with the default CMake generator, this script with
# Ninja when present, and CMake refuses to switch generators in one folder.
build="$root/.build/qemu-kernels"
boards="qemu-mps2-an386 qemu-mps2-an500"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --boards) boards="$2"; shift 2 ;;
    *) echo "kernel_insncount.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for tool in arm-none-eabi-gcc qemu-system-arm cmake; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed" >&2; exit 0; }
done
[ -x "$root/../shared/tools/insncount/build.sh" ] || { echo "SKIP: ../shared/tools/insncount is absent" >&2; exit 0; }

# Regions 1.. of each program after the empty region 0: "name MACs" (order as in the bench source).
# MACs: 25*5*64*40 (10x4 conv), 25*5*64*9 (3x3 depthwise), 25*5*64*64 (1x1 conv), 25*20*8*80 (micro_speech's
# 10x8 depthwise), 24*24*16*9 and 6*6*128*9 (vww-like 3x3 depthwise), 256*64 (fully connected); qemu_bench_s4:
# the same kws shapes and FC with packed int4 weights, and 8*8*8*27 (synthetic_int4_cnn_s1's first CONV_2D).
declare -A kernels=(
  [qemu_bench_conv]="conv_10x4_fast:320000 dw_3x3_fast:72000 conv_1x1_fast:512000 conv_10x4_plain:320000 dw_3x3_plain:72000 conv_1x1_plain:512000 dw_10x8_m8_s2:320000 dw_3x3_s2_48:82944 dw_3x3_6x6x128:41472"
  [qemu_bench_fc]="fc_256x64_plain:16384 fc_256x64_fast:16384"
  [qemu_bench_s4]="s4_conv_10x4:320000 s4_dw_3x3:72000 s4_conv_1x1:512000 s4_conv_10x4_plain:320000 s4_dw_3x3_plain:72000 s4_conv_1x1_plain:512000 s4_fc_256x64:16384 s4_fc_256x64_plain:16384 s4_conv_3x3x3_s2:13824")
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
plugin_dir="$root/.build/insncount"
"$root/../shared/tools/insncount/build.sh" "$plugin_dir" >/dev/null

status=0
for board in $boards; do
  dir="$build/${board#qemu-mps2-}"
  machine="${board#qemu-}"
  # The toolchain's flags are read on the first configure only: start afresh when they changed.
  for f in "$root/boards/$board/toolchain.cmake" "$root/boards/qemu-common/arm-none-eabi.cmake"; do
    if [ -f "$dir/CMakeCache.txt" ] && [ "$f" -nt "$dir/CMakeCache.txt" ]; then rm -rf "$dir"; fi
  done
  cmake -S "$root/native-kernels/tests/qemu" -B "$dir" "${generator[@]}" \
    -DCMAKE_TOOLCHAIN_FILE="$root/boards/$board/toolchain.cmake" >/dev/null
  cmake --build "$dir" -j 2 --target qemu_bench_conv qemu_bench_fc qemu_bench_s4 >/dev/null
  echo "== $board ($machine)"
  for program in qemu_bench_conv qemu_bench_fc qemu_bench_s4; do
    counts="$dir/$program.counts.txt"
    if ! timeout 600 qemu-system-arm -M "$machine" -nographic -monitor none -serial none \
        -semihosting-config enable=on,target=native -plugin "$plugin_dir/libinsncount.so,out=$counts" \
        -kernel "$dir/$program.elf" </dev/null; then
      echo "FAIL $board $program: non-zero exit status"; status=1; continue
    fi
    # "@@insn <seq> <depth> <count>": seq 0 is the empty region.
    awk -v spec="${kernels[$program]}" '/^@@insn /{c[$2]=$4; n=$2}
      END { k=split(spec, s, " ");
            if (n != k) { printf "FAIL: %d regions, want %d\n", n, k; exit 1 }
            for (i = 1; i <= k; i++) { split(s[i], nm, ":");
              printf "%-18s %10d instructions, %6.2f per MAC\n", nm[1], c[i]-c[0], (c[i]-c[0])/nm[2] } }' \
      "$counts" || status=1
  done
done
exit "$status"

#!/usr/bin/env bash
# Counts Cortex-M4 instructions of FULLY_CONNECTED s8 (plain and fast, 256 x 64 = 16384 MACs) under QEMU.
#   native-kernels/tools/ndense-m4count/run.sh   (needs arm-none-eabi-gcc, qemu-system-arm, ../shared/tools/insncount)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/../shared/tools/insncount/build.sh" "$out" >/dev/null
arm-none-eabi-gcc -std=c99 -O2 -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -ffreestanding -nostdlib \
  -nostartfiles -ffunction-sections -fdata-sections -Wl,--gc-sections -Wall -Wextra -Werror -I"$root/native-kernels/include" -T "$here/m4.ld" \
  "$here/fc_bench.c" "$root/native-kernels/src/reference/dense/tl_fully_connected_s8.c" -lgcc -o "$out/fc.elf"
qemu-system-arm -M mps2-an386 -nographic -monitor none -serial none -semihosting-config enable=on,target=native \
  -plugin "$out/libinsncount.so,out=$out/counts.txt" -kernel "$out/fc.elf"
awk '/^@@insn /{c[$2]=$4} END {
  o=c[0]; macs=256*64;
  printf "plain: %d instructions, %.2f per MAC\n", c[1]-o, (c[1]-o)/macs;
  printf "fast:  %d instructions, %.2f per MAC\n", c[2]-o, (c[2]-o)/macs }' "$out/counts.txt"

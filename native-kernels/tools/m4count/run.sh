#!/bin/sh
# Counts Cortex-M4 instructions of the conv fast paths and plain loop nests (needs arm-none-eabi-gcc and
# qemu-system-arm). Usage: tools/m4count/run.sh [BUILD_DIR]   (run from native-kernels/)
set -e
out=${1:-../build-m4count}
mkdir -p "$out"
arm-none-eabi-gcc -std=c99 -mcpu=cortex-m4 -mthumb -mfloat-abi=soft -O2 -ffreestanding -nostdlib -ffunction-sections -Wl,--gc-sections -Wl,-e,tl_reset \
    -Wall -Wextra -Werror -Iinclude -T tools/m4count/m4.ld -o "$out/m4_bench.elf" \
    tools/m4count/m4_bench.c src/reference/conv/*.c -lgcc
qemu-system-arm -M mps2-an386 -cpu cortex-m4 -nographic -semihosting -kernel "$out/m4_bench.elf" \
    -d in_asm,exec,nochain -D "$out/qemu.log" </dev/null >/dev/null 2>&1 || true
# MACs: 25*5*64*40 (10x4 conv), 25*5*64*9 (3x3 dw), 25*5*64*64 (1x1 conv).
python3 tools/m4count/count.py "$out/qemu.log" "$out/m4_bench.elf" 320000 72000 512000 320000 72000 512000

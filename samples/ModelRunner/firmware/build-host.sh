#!/usr/bin/env bash
# Builds model_runner.c for the host with an image compiled in (way (a) of "Put a model on your board") and runs it.
#   build-host.sh --image-c DIR --out DIR [--input FILE]
# DIR of --image-c: what `tinylite compile ... --emit-c DIR --name model` wrote (model_data.c/.h). Links the native
# kernels and runner that native-kernels/build-host.sh built (.build/native/libtinylite.a), and prints the program's
# output and the sizes of its sections: the image is const data (.rodata: flash on a board), the arena .bss (RAM).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
image_c="" out="" input=""
while [ $# -gt 0 ]; do
  case "$1" in
    --image-c) image_c="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --input) input="$2"; shift 2 ;;
    *) echo "build-host.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$image_c" ] && [ -n "$out" ] || { echo "usage: build-host.sh --image-c DIR --out DIR [--input FILE]" >&2; exit 2; }
[ -f "$image_c/model_data.c" ] || { echo "build-host.sh: $image_c/model_data.c not found (tinylite compile --emit-c DIR --name model)" >&2; exit 1; }
lib="$root/.build/native/libtinylite.a"
[ -f "$lib" ] || "$root/native-kernels/build-host.sh"
mkdir -p "$out"
cc -std=c99 -D_POSIX_C_SOURCE=199309L -O2 -Wall -Wextra -Werror -I "$root/native-kernels/include" -I "$image_c" \
  "$here/model_runner.c" "$image_c/model_data.c" "$lib" -lm -o "$out/model_runner"
"$out/model_runner" ${input:+"$input"}
# Where the bytes are: the image in the const-data section, the arena in .bss.
size -A "$out/model_runner" | awk '$1 == ".rodata" || $1 == ".bss" {printf "model_runner: %-8s %7d bytes\n", $1, $2}'

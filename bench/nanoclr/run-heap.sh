#!/usr/bin/env bash
# The managed heap the interpreter keeps on nanoCLR, per model and plan, next to the report's runtime_ram_bytes.
# Needs TINYLITE_NANOCLR (a posix nanoCLR built WITH TinyLite's interop glue: ManagedHeapFreeBytes is -1 on a stock
# one) and TINYLITE_NF_MDP (the metadata processor's dll); mscorlib from the NuGet cache (nanoFramework.CoreLibrary
# 1.17.11) or NF_CORELIB_DIR; models from ../shared/models beside the repository or TINYLITE_MODELS.
# TINYLITE_NATIVE_PE: deploy this TinyLite.Runtime.Native.pe instead of the one built here: the nanoCLR's interop
# lookup table is indexed by the method rows of the .pe it was built from (build-nanoclr.sh --pe), so give that file.
# HEAP_TIMED_RUNS=N also times N Invoke calls per image (fastest printed as ms=).
# usage: bench/nanoclr/run-heap.sh [MODEL ...]   (default: hello_world_int8 micro_speech kws_dscnn
#        synthetic_int4_cnn_s1 vww_96_int8 ic_pretrained_resnet_quant); PLANS="layer inplace stream patch" by default.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh" bench/nanoclr/run-heap.sh
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(hello_world_int8 micro_speech kws_dscnn synthetic_int4_cnn_s1 vww_96_int8 ic_pretrained_resnet_quant)
read -r -a plans <<< "${PLANS:-layer inplace stream patch}"
runs="${HEAP_TIMED_RUNS:-0}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
proj="$HERE/HeapUse"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo 'not a git checkout')"
git -C "$ROOT" diff --quiet HEAD -- nf-runtime codegen bench 2> /dev/null || commit="$commit+dirty"
echo "commit $commit, $(date -u +%Y-%m-%d); ratio = steady / report64 (runtime_ram_bytes_posix64)"
for model in "${models[@]}"; do
  [ -f "$MODELS/$model/model.tflite" ] || { echo "heap $model: model.tflite not found" >&2; continue; }
  entries=()
  for plan in "${plans[@]}"; do
    if ! "$ROOT/tinylite" compile "$MODELS/$model/model.tflite" -o "$tmp/$model.$plan.tlm" --plan "$plan" \
         --report "$tmp/$model.$plan.json" > /dev/null 2> "$tmp/compile.err"; then
      echo "heap $model $plan: not compiled ($(head -n 1 "$tmp/compile.err"))"; continue
    fi
    fig="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["plan"], r["arena_bytes"], r["runtime_ram_bytes_posix64"], r["runtime_ram_bytes"])' "$tmp/$model.$plan.json")"
    read -r actual arena ram64 ram32 <<< "$fig"
    entries+=("$model:$plan->$actual:$arena:$ram64:$ram32:$runs:$tmp/$model.$plan.tlm")
  done
  [ ${#entries[@]} -gt 0 ] || continue
  python3 "$HERE/gen_heap_data.py" "$proj/generated" "${entries[@]}" > /dev/null
  rm -rf "$tmp/bin" "$tmp/pe"; mkdir -p "$tmp/pe"
  dotnet build "$proj/HeapUse.csproj" -c Release -o "$tmp/bin" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 3; }
  asm=(TinyLite.Runtime.Native TinyLite.Runtime TinyLite.Kernels.Conv TinyLite.Kernels.Dense TinyLite.Kernels.Elementwise TinyLite.Kernels.Shape)
  for d in "$proj"/generated/Data*/; do asm+=("$(basename "$d")"); done
  asm+=(HeapUse)
  hints=(-loadHints mscorlib "$CORELIB/mscorlib.dll")
  for a in "${asm[@]}"; do hints+=(-loadHints "$a" "$tmp/bin/$a.dll"); done
  pes=("$CORELIB/mscorlib.pe")
  for a in "${asm[@]}"; do
    dotnet "$TINYLITE_NF_MDP" "${hints[@]}" -parse "$tmp/bin/$a.dll" -compile "$tmp/pe/$a.pe" false > "$tmp/mdp.log" 2>&1 \
      || { cat "$tmp/mdp.log" >&2; exit 3; }
    if [ "$a" = TinyLite.Runtime.Native ] && [ -n "${TINYLITE_NATIVE_PE:-}" ]; then
      pes+=("$TINYLITE_NATIVE_PE")
    else
      pes+=("$tmp/pe/$a.pe")
    fi
  done
  set +e
  timeout 1800 "$TINYLITE_NANOCLR" "${pes[@]}" > "$tmp/out.txt" 2>&1; rc=$?
  set -e
  tr -d '\r' < "$tmp/out.txt" | grep -E '^(heap|size)' > "$tmp/lines.txt" \
    || { tr -d '\r' < "$tmp/out.txt" | grep -v '^Loaded: ' | tail -n 20 >&2; exit 4; }
  awk '/^heap .* steady=/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                            $0 = $0 sprintf(" ratio=%.3f", v["steady"] / v["report64"]) } { print }' "$tmp/lines.txt"
  [ $rc = 0 ] || { echo "bench/nanoclr/run-heap.sh: nanoCLR exited with $rc" >&2; exit 4; }
done

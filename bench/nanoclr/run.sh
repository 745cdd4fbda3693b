#!/usr/bin/env bash
# Managed kernel speed on nanoCLR: MAC/s per kernel family (synthetic calls) and kws_dscnn ms per inference and
# MAC/s under the default plan and --plan layer, outputs checked against the golden bytes.
# Needs TINYLITE_NANOCLR (nanoFramework.nanoCLR.test of a posix nanoCLR build) and TINYLITE_NF_MDP (the metadata
# processor's nanoFramework.Tools.MetadataProcessor.dll); nanoFramework.CoreLibrary 1.17.11's lib folder from the
# NuGet cache, or NF_CORELIB_DIR. Models from ../shared/models (see below) or TINYLITE_MODELS.
# usage: bench/nanoclr/run.sh [PLAN ...]   (default: auto layer)
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh" bench/nanoclr/run.sh
MODEL="$MODELS/kws_dscnn"
[ -f "$MODEL/model.tflite" ] || { echo "bench/nanoclr: $MODEL/model.tflite not found (set TINYLITE_MODELS)" >&2; exit 2; }
plans=("$@"); [ ${#plans[@]} -gt 0 ] || plans=(auto layer)
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
proj="$HERE/KernelSpeed"
mkdir -p "$proj/generated"
echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- nf-runtime || echo '+dirty'), $(date -u +%Y-%m-%d)"
first=1
for plan in "${plans[@]}"; do
  "$ROOT/tinylite" compile "$MODEL/model.tflite" -o "$tmp/kws.tlm" --plan "$plan" --report "$tmp/kws.json" > /dev/null
  macs="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["macs"])' "$tmp/kws.json")"
  pairs=()
  for i in 0 1 2; do pairs+=("$MODEL/inputs/random_$i.input0.bin" "$MODEL/golden/random_$i.output0.bin"); done
  python3 "$HERE/gen_model_data.py" "$proj/generated/ModelData.g.cs" kws_dscnn "$plan" "$macs" "$first" "$tmp/kws.tlm" "${pairs[@]}"
  dotnet build "$proj/KernelSpeed.csproj" -c Release -o "$tmp/bin" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 3; }
  dotnet "$TINYLITE_NF_MDP" -loadHints mscorlib "$CORELIB/mscorlib.dll" -parse "$tmp/bin/KernelSpeed.dll" \
    -compile "$tmp/KernelSpeed.pe" false > "$tmp/mdp.log" 2>&1 || { cat "$tmp/mdp.log" >&2; exit 3; }
  set +e
  timeout 900 "$TINYLITE_NANOCLR" "$CORELIB/mscorlib.pe" "$tmp/KernelSpeed.pe" > "$tmp/out.txt" 2>&1; rc=$?
  set -e
  tr -d '\r' < "$tmp/out.txt" | awk 'f && /^Done\.$/ {exit} f {print} /^Ready\.$/ {f=1}'
  grep -q '^Ready\.' "$tmp/out.txt" || { tr -d '\r' < "$tmp/out.txt" | grep -v '^Loaded: ' >&2; exit 4; }
  [ $rc = 0 ] || { echo "bench/nanoclr: nanoCLR exited with $rc" >&2; exit 4; }
  first=0
done

#!/usr/bin/env bash
# The nanoCLR lane (optional): the device assemblies and the device test program (tests/nanoclr) turned into .pe
# files by nanoFramework's metadata processor and run on a posix nanoCLR, with golden cases of real models.
#
#   TINYLITE_NANOCLR         a posix nanoFramework.nanoCLR.test (nf-interpreter targets/posix, Release)
#   TINYLITE_NF_MDP          the metadata processor's nanoFramework.Tools.MetadataProcessor.dll
#   TINYLITE_NF_INTERPRETER  (optional) an nf-interpreter checkout: builds a posix nanoCLR with TinyLite's native
#                            kernels registered (native-kernels/interop/nanoframework/posix/build-nanoclr.sh) and
#                            runs the same cases with the native kernels
#   TINYLITE_MODELS          (optional) the shared models folder, else ../shared/models beside the repository
#   TINYLITE_MODELS_NEXT     (optional) the open issues' models (mnist_lstm_int8), else ../shared/models-next
#
# Without the first two it prints one line saying it was skipped and exits 0. Otherwise it fails on any failed,
# skipped or missing result, and on a device assembly whose bytecode or initializer data (as nanoCLR reports them at
# load) passes 56 KB; then the sample apps of samples/ (run-samples.sh: ModelRunner's top class, KeywordSpotter's
# keywords and real-time factor). Its result lines: "nanoclr managed: N passed, N failed" and "nanoclr native: N
# passed, N failed".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/nanoclr"

if [ -z "${TINYLITE_NANOCLR:-}" ] || [ -z "${TINYLITE_NF_MDP:-}" ]; then
  echo "nanoclr lane: skipped (set TINYLITE_NANOCLR to a posix nanoFramework.nanoCLR.test and TINYLITE_NF_MDP to the metadata processor's dll; tests/nanoclr/README.md)"
  exit 0
fi
fail() { echo "nanoclr lane: $*" >&2; exit 1; }
[ -x "$TINYLITE_NANOCLR" ] || fail "TINYLITE_NANOCLR=$TINYLITE_NANOCLR is not an executable file"
[ -f "$TINYLITE_NF_MDP" ] || fail "TINYLITE_NF_MDP=$TINYLITE_NF_MDP does not exist"

# nanoFramework.CoreLibrary's mscorlib.dll/.pe, the version the device projects pin.
version="$(sed -n 's/.*nanoFramework.CoreLibrary" Version="\([^"]*\)".*/\1/p' "$ROOT/nf-runtime/device/NanoFramework.props")"
CORELIB="${NF_CORELIB_DIR:-${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/$version/lib}"
[ -f "$CORELIB/mscorlib.pe" ] || fail "mscorlib.pe of nanoFramework.CoreLibrary $version not found in $CORELIB (restore the device projects, or set NF_CORELIB_DIR)"

MODELS="${TINYLITE_MODELS:-$ROOT/../shared/models}"
# float/<name>: the project's own float32 models (tests/data/float), the Float family and FloatMath on nanoCLR.
GOLDEN_MODELS=(hello_world_int8 micro_speech kws_dscnn synthetic_int4_cnn_s1 float/kws_f32 float/tanh_f32 float/logistic_f32)
# Models of ../shared/models-next (open issues) that TinyLite runs: their single-step cases join the golden data.
NEXT_MODELS="${TINYLITE_MODELS_NEXT:-$ROOT/../shared/models-next}"
[ -d "$NEXT_MODELS/mnist_lstm_int8" ] && GOLDEN_MODELS+=(mnist_lstm_int8)
GOLDEN_PLANS=(auto layer)

WORK="$ROOT/.build/nanoclr"
rm -rf "$WORK/data" "$WORK/bin" "$WORK/pe"
mkdir -p "$WORK/data" "$WORK/bin" "$WORK/pe"
echo "nanoclr lane: device assemblies"
dotnet build "$ROOT/nf-runtime/device/TinyLite.Device.slnf" -c Release -nologo -v q > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; fail "device build failed"; }

data_args=()
if [ -d "$MODELS" ]; then
  echo "nanoclr lane: golden data (${GOLDEN_MODELS[*]}; plans ${GOLDEN_PLANS[*]})"
  gen=(python3 "$HERE/golden_data.py" --tinylite "$ROOT/tinylite" --models "$MODELS" --next-models "$NEXT_MODELS" --out "$WORK/data")
  for m in "${GOLDEN_MODELS[@]}"; do gen+=(--model "$m"); done
  for p in "${GOLDEN_PLANS[@]}"; do gen+=(--plan "$p"); done
  "${gen[@]}"
  # Each data assembly is compiled alone against nanoFramework's mscorlib (Roslyn from the .NET SDK).
  sdk="$(dotnet --list-sdks | tail -n 1 | sed 's/^\([^ ]*\) \[\(.*\)\]$/\2\/\1/')"
  csc="$sdk/Roslyn/bincore/csc.dll"
  [ -f "$csc" ] || fail "the C# compiler was not found at $csc"
  for source in "$WORK"/data/TinyLite.GoldenData.*.cs; do
    dotnet "$csc" -nologo -noconfig -nostdlib+ -target:library -optimize+ -langversion:10 -r:"$CORELIB/mscorlib.dll" \
      -out:"${source%.cs}.dll" "$source" > "$WORK/csc.log" 2>&1 || { cat "$WORK/csc.log" >&2; fail "compiling $source failed"; }
  done
  data_args=(-p:GoldenDataDir="$WORK/data")
else
  echo "nanoclr lane: $MODELS not found: golden cases skipped, runtime tests only"
fi

echo "nanoclr lane: device test program"
dotnet build "$HERE/device/TinyLite.DeviceTests.csproj" -c Release -nologo -v q -o "$WORK/bin" "${data_args[@]}" > "$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; fail "device test program build failed"; }
cp "$WORK"/data/TinyLite.GoldenData.*.dll "$WORK/bin/" 2>/dev/null || true

# Load order: dependencies first.
assemblies=(TinyLite.Runtime.Native TinyLite.Runtime TinyLite.Kernels.Conv TinyLite.Kernels.Dense
            TinyLite.Kernels.Elementwise TinyLite.Kernels.Shape TinyLite.Kernels.Recurrent TinyLite.Kernels.Signal TinyLite.Kernels.Float
            TinyLite.Speech)
for d in "$WORK"/bin/TinyLite.GoldenData.*.dll; do [ -f "$d" ] && assemblies+=("$(basename "$d" .dll)"); done
assemblies+=(TinyLite.DeviceTests)
echo "nanoclr lane: metadata processor (${#assemblies[@]} assemblies)"
hints=(-loadHints mscorlib "$CORELIB/mscorlib.dll")
for a in "${assemblies[@]}"; do hints+=(-loadHints "$a" "$WORK/bin/$a.dll"); done
pes=("$CORELIB/mscorlib.pe")
for a in "${assemblies[@]}"; do
  dotnet "$TINYLITE_NF_MDP" "${hints[@]}" -parse "$WORK/bin/$a.dll" -compile "$WORK/pe/$a.pe" false > "$WORK/mdp.log" 2>&1 \
    && [ -s "$WORK/pe/$a.pe" ] || { cat "$WORK/mdp.log" >&2; fail "the metadata processor failed on $a.dll"; }
  pes+=("$WORK/pe/$a.pe")
done

expected_managed=0; expected_native=0
if [ -f "$WORK/data/expected.txt" ]; then
  expected_managed="$(awk '$1 == "managed" {print $2}' "$WORK/data/expected.txt")"
  expected_native="$(awk '$1 == "native" {print $2}' "$WORK/data/expected.txt")"
fi

# run CLR LOG: runs the program, keeps nanoCLR's whole output in LOG and prints the program's lines.
run() {
  local clr="$1" log="$2" rc=0
  timeout 1800 "$clr" "${pes[@]}" > "$log.raw" 2>&1 || rc=$?
  tr -d '\r' < "$log.raw" > "$log"
  awk 'f && /^Done\.$/ {exit} f {print} /^Ready\.$/ {f=1}' "$log"
  [ $rc = 0 ] || fail "nanoCLR exited with status $rc (output: $log)"
  grep -q '^Done\.$' "$log" || fail "the program did not finish (output: $log)"
}

# counts LOG KIND: "passed failed skipped" from the program's result line of that kind.
counts() {
  sed -n "s/^nanoclr $2: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p" "$1" | tail -n 1
}

# The sizes nanoCLR reports while loading each assembly: ByteCode, and Signatures (where the metadata processor
# keeps array-initializer data).
check_sizes() {
  local over=0 name what bytes
  while read -r name what bytes; do
    case "$name" in TinyLite.GoldenData.*|TinyLite.DeviceTests|mscorlib) continue;; esac
    printf 'nanoclr lane: %-30s %-10s %6d bytes\n' "$name" "$what" "$bytes"
    if [ "$bytes" -gt 57344 ]; then
      echo "nanoclr lane: $name has $bytes bytes of $what, over 56 KB" >&2
      over=1
    fi
  done < <(awk '/^   Assembly: / {name=$2} /^Total:/ {name=""} name != "" && /^   ByteCode / {print name, "bytecode", $3} name != "" && /^   Signatures / {print name, "signatures", $3}' "$1")
  return $over
}

status=0
echo "nanoclr lane: managed kernels on $TINYLITE_NANOCLR"
run "$TINYLITE_NANOCLR" "$WORK/managed.log"
check_sizes "$WORK/managed.log" || status=1
read -r passed failed skipped < <(counts "$WORK/managed.log" managed || true) || true
[ -n "${passed:-}" ] || fail "no 'nanoclr managed' result line (output: $WORK/managed.log)"
golden_passed=$(grep -c '^PASS Golden_' "$WORK/managed.log" || true)
[ "$failed" = 0 ] || status=1
# Without golden data the registration check is the one skipped test; with it nothing may be skipped.
if [ "$expected_managed" != 0 ] && [ "$skipped" != 0 ]; then
  echo "nanoclr lane: $skipped managed tests skipped" >&2
  status=1
fi
if [ "$golden_passed" != "$expected_managed" ]; then
  echo "nanoclr lane: $golden_passed of $expected_managed managed golden cases passed" >&2
  status=1
fi
managed_line="nanoclr managed: $passed passed, $failed failed"

# The sample apps (samples/): ModelRunner and KeywordSpotter built against the device assemblies and run here
# (tests/nanoclr/run-samples.sh checks their results); on the native nanoCLR below again, with the native kernels.
echo "nanoclr lane: sample apps (samples/build.sh, metadata processor)"
samples_ok=1
"$HERE/run-samples.sh" build "$WORK/samples" || { samples_ok=0; status=1; }
if [ "$samples_ok" = 1 ]; then
  echo "nanoclr lane: sample apps on $TINYLITE_NANOCLR"
  "$HERE/run-samples.sh" run "$TINYLITE_NANOCLR" "$WORK/samples" managed || status=1
fi

if [ -n "${TINYLITE_NF_INTERPRETER:-}" ]; then
  echo "nanoclr lane: building a posix nanoCLR with TinyLite's native kernels (several minutes the first time)"
  native_clr="$("$ROOT/native-kernels/interop/nanoframework/posix/build-nanoclr.sh" --nf-interpreter "$TINYLITE_NF_INTERPRETER" \
    --pe "$WORK/pe/TinyLite.Runtime.Native.pe" --out "$ROOT/.build/nanoclr-native" | tail -n 1)" || fail "building the native nanoCLR failed"
  echo "nanoclr lane: native kernels on $native_clr"
  run "$native_clr" "$WORK/native.log"
  read -r npassed nfailed nskipped < <(counts "$WORK/native.log" native || true) || true
  [ -n "${npassed:-}" ] || fail "no 'nanoclr native' result line (output: $WORK/native.log)"
  read -r mpassed mfailed mskipped < <(counts "$WORK/native.log" managed || true) || true
  [ "${mfailed:-1}" = 0 ] || { echo "nanoclr lane: managed tests failed on the native nanoCLR" >&2; status=1; }
  native_golden=$(grep -c '^PASS NativeGolden_' "$WORK/native.log" || true)
  if [ "$nfailed" != 0 ] || [ "$nskipped" != 0 ] || [ "$native_golden" != "$expected_native" ]; then
    echo "nanoclr lane: native: $native_golden of $expected_native golden cases passed, $nskipped tests skipped" >&2
    status=1
  fi
  native_line="nanoclr native: $npassed passed, $nfailed failed"
  if [ "$samples_ok" = 1 ]; then
    echo "nanoclr lane: sample apps on $native_clr (native kernels)"
    "$HERE/run-samples.sh" run "$native_clr" "$WORK/samples" native || status=1
  fi
else
  native_line="nanoclr native: skipped (set TINYLITE_NF_INTERPRETER to an nf-interpreter checkout to build a nanoCLR with TinyLite's native kernels)"
fi
echo "$managed_line"
echo "$native_line"
exit "$status"

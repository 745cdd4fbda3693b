#!/usr/bin/env bash
# Runs every test of the project: the device build of nf-runtime (nanoFramework mscorlib, warnings as
# errors) and the xunit suite (codegen, runtime, CLI, nanoFramework compatibility, and the golden models
# from ../shared/models when that folder is present), the native kernels on the host and on emulated
# Cortex-M4/M7 cores under QEMU.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# Progress: each step's heading carries the time since the start; the last line says what ran and what was skipped.
started=$SECONDS
ran=()
skips=()
step() { printf '== [%dm%02ds] %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*"; }
# lane NAME LOG: files the lane under ran or skipped from its output (tests/lane-status.sh).
lane() {
  local line
  line=$(tests/lane-status.sh "$1" "$2")
  case "$line" in
    skipped:*) skips+=("${line#skipped: }") ;;
    *) ran+=("${line#ran: }") ;;
  esac
}
lanelog="$(mktemp)"
step "kernel manifest: the files generated from codegen/manifest/kernels.toml are up to date"
python3 codegen/manifest/generate.py --check
ran+=("manifest check")
step "formatting: C and C# match .clang-format and .editorconfig (tools/format.sh --check; tools/format.sh fixes)"
tools/format.sh --check
ran+=("format check")
step "device assemblies of nf-runtime (nanoFramework mscorlib, warnings as errors)"
dotnet build nf-runtime/device/TinyLite.Device.slnf -c Release -nologo -v q
ran+=("device build")
step "native kernels: host library and CTest (cmake, Release)"
native-kernels/build-host.sh --test
ran+=("native host tests")
step "sample apps (samples/build.sh: ModelRunner and KeywordSpotter against the device assemblies, the C firmware-flash runner)"
samples/build.sh
ran+=("sample apps build")
step "xunit (a few minutes, quiet until it ends)"
log="$(mktemp)"
trap 'rm -f "$log" "$lanelog"' EXIT
status=0
dotnet test TinyLite.sln -c Release -nologo -v q --filter "Category!=Packaging" --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?
[ -d ../shared/models ] || skips+=("golden models (../shared/models is absent)")
# The xunit tests of Category=Packaging (tests/TinyLite.Tests/Packaging): `tinylite pack` runs dotnet builds, so apart.
step "packages: tinylite pack into a temporary folder, the tool installed and run outside the checkout (a minute or two)"
dotnet test tests/TinyLite.Tests -c Release --no-build -nologo -v q --filter "Category=Packaging" --logger "console;verbosity=minimal" 2>&1 | tee "$lanelog" || status=1
if counts=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$lanelog" | tail -1) && [ -n "$counts" ]; then
  read -r pfailed ppassed pskipped < <(echo "$counts" | grep -Eo '[0-9]+' | tr '\n' ' ') || true
  ran+=("packages ($ppassed passed, $pfailed failed, $pskipped skipped)")
else
  ran+=("packages (no result line: see above)")
  status=1
fi
# A fixed seed keeps the verdict repeatable: a slower machine runs a prefix of the same mutations. Exploring new
# seeds is a separate, longer run (native-kernels/README.md); TINYLITE_FUZZ_SEED picks another here.
step "native loader fuzzing (ASan + UBSan, ${TINYLITE_FUZZ_SECONDS:-12} s, seed ${TINYLITE_FUZZ_SEED:-20261206})"
native-kernels/tests/fuzz.sh "${TINYLITE_FUZZ_SECONDS:-12}" "${TINYLITE_FUZZ_SEED:-20261206}" 2>&1 | tee "$lanelog" || status=1
lane "fuzzing" "$lanelog"
step "native kernels on emulated Cortex-M4/M7 (QEMU): kernel tests, golden models bit-exact"
native-kernels/tests/qemu/run-golden.sh 2>&1 | tee "$lanelog" || status=1
lane "QEMU lane (Cortex-M4/M7)" "$lanelog"
# The 127 single-operator int16 seanet models (conv, transpose conv, add, pad, ...): one plan is enough.
if [ -d ../shared/models/seanet ]; then
  step "int16 seanet models on emulated Cortex-M4/M7 (QEMU), layer plan"
  seanet_models=$(cd ../shared/models && ls -d seanet/*/* | tr '\n' ' ')
  native-kernels/tests/qemu/run-golden.sh --models "$seanet_models" --plans layer 2>&1 | tee "$lanelog" || status=1
  lane "QEMU seanet lane" "$lanelog"
else
  skips+=("QEMU seanet lane (../shared/models/seanet is absent)")
fi
# The device assemblies and the device test program on a real nanoCLR: optional, enabled by TINYLITE_NANOCLR and
# TINYLITE_NF_MDP (+ TINYLITE_NF_INTERPRETER for the native kernels); says it was skipped otherwise.
step "nanoCLR lane (tests/nanoclr/run-lane.sh)"
tests/nanoclr/run-lane.sh 2>&1 | tee "$lanelog" || status=1
lane "nanoCLR lane" "$lanelog"
# One plain closing line for CI: "N passed, N failed, N skipped".
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1 || true)
if [ -n "$summary" ]; then
  # read returns 1 at the missing final newline: keep set -e from ending the script before the summary.
  read -r failed passed skipped < <(echo "$summary" | grep -Eo '[0-9]+' | tr '\n' ' ') || true
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  ran+=("xunit ($passed passed, $failed failed, $skipped skipped)")
else
  ran+=("xunit (no result line: see above)")
fi
# The last line: what ran, what was skipped and why, the time taken and the verdict.
verdict=$([ "$status" = 0 ] && echo "green" || echo "FAILED")
joined() { local out="" item; for item in "$@"; do out+="${out:+; }$item"; done; echo "$out"; }
echo "test.sh $verdict in $(((SECONDS - started) / 60))m$(((SECONDS - started) % 60))s: ran $(joined "${ran[@]}"); skipped: $([ ${#skips[@]} -gt 0 ] && joined "${skips[@]}" || echo nothing)"
exit "$status"

#!/usr/bin/env bash
# Runs every test of the project: the device build of nf-runtime (nanoFramework mscorlib, warnings as
# errors) and the xunit suite (codegen, runtime, CLI, nanoFramework compatibility, and the golden models
# from ../shared/models when that folder is present), the native kernels on the host and on emulated
# Cortex-M4/M7 cores under QEMU.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
echo "== kernel manifest: the files generated from codegen/manifest/kernels.toml are up to date"
python3 codegen/manifest/generate.py --check
echo "== device assemblies of nf-runtime (nanoFramework mscorlib, warnings as errors)"
dotnet build nf-runtime/device/TinyLite.Device.slnf -c Release -nologo -v q
echo "== native kernels: host library and CTest (cmake, Release)"
native-kernels/build-host.sh --test
echo "== xunit"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test TinyLite.sln -c Release -nologo -v q --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?
echo "== native loader fuzzing (ASan + UBSan, ${TINYLITE_FUZZ_SECONDS:-12} s)"
native-kernels/tests/fuzz.sh "${TINYLITE_FUZZ_SECONDS:-12}" || status=1
echo "== native kernels on emulated Cortex-M4/M7 (QEMU): kernel tests, golden models bit-exact"
native-kernels/tests/qemu/run-golden.sh || status=1
# The 127 single-operator int16 seanet models (conv, transpose conv, add, pad, ...): one plan is enough.
if [ -d ../shared/models/seanet ]; then
  echo "== int16 seanet models on emulated Cortex-M4/M7 (QEMU), layer plan"
  seanet_models=$(cd ../shared/models && ls -d seanet/*/* | tr '\n' ' ')
  native-kernels/tests/qemu/run-golden.sh --models "$seanet_models" --plans layer || status=1
fi
# The device assemblies and the device test program on a real nanoCLR: optional, enabled by TINYLITE_NANOCLR and
# TINYLITE_NF_MDP (+ TINYLITE_NF_INTERPRETER for the native kernels); says it was skipped otherwise.
echo "== nanoCLR lane (tests/nanoclr/run-lane.sh)"
tests/nanoclr/run-lane.sh || status=1
# One plain closing line for CI: "N passed, N failed, N skipped".
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1 || true)
if [ -n "$summary" ]; then
  # read returns 1 at the missing final newline: keep set -e from ending the script before the summary.
  read -r failed passed skipped < <(echo "$summary" | grep -Eo '[0-9]+' | tr '\n' ' ') || true
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"

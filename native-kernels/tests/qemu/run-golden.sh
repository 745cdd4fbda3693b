#!/usr/bin/env bash
# Builds the QEMU test programs for both emulated boards (Cortex-M4F mps2-an386, Cortex-M7 mps2-an500),
# checks the board setup with a smoke program, runs the native kernel tests (the CTest programs of
# native-kernels/tests, built for the emulated core), then the golden cases of the shared models, of the models-next models TinyLite runs and of the
# project's tests/data/lstm and tests/data/quirks goldens through the native runner on both machines, bit-exact against TFLM's reference kernels;
# also the project's own float32 models of tests/data/float (their goldens were made by TFLM's reference kernels too).
#
#   native-kernels/tests/qemu/run-golden.sh [--build DIR] [--models "kws_dscnn ..."] [--next-models "mnist_lstm_int8"]
#                                           [--plans "layer ..."]
#                                           [--allow-missing] [--cmsis-nn CMSIS_NN_ROOT [--cmsis-nn-all-routes]]
#   --cmsis-nn DIR builds with the CMSIS-NN backend (-DTINYLITE_CMSIS_NN=ON -DCMSIS_NN_ROOT=DIR, an unmodified
#   CMSIS-NN checkout) into <build>-cmsis-nn; --cmsis-nn-all-routes also routes int8 SOFTMAX and the int4-weight
#   kernels (-DTINYLITE_CMSIS_NN_ALL_ROUTES=ON) and builds into <build>-cmsis-nn-all.
#
# Needs arm-none-eabi-gcc (gcc-arm-none-eabi, libnewlib-arm-none-eabi), qemu-system-arm and cmake;
# skips with a message when they or ../shared/models are absent. Exit status: 0 when every case is
# bit-exact; 1 on a mismatch, a crash or a refused image; also 1 when a model needs a kernel missing from
# the build, unless --allow-missing (then it is only reported).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
build="$root/.build/qemu"
models="kws_dscnn vww_96_int8 ic_pretrained_resnet_quant micro_speech micro_speech_audio_preprocessor_int8 synthetic_int4_cnn_s1
  synthetic_int4_fc_s1 hello_world_int8
  ad_toycar_fullint_micro keyword_scrambled"
# Models of ../shared/models-next (open issues) whose operators TinyLite runs; the tests/data/lstm goldens always run.
next_models="mnist_lstm_int8"
# The project's own float32 models with TFLM goldens (tests/data/float/<name>, named float/<name> here).
for d in "$root"/tests/data/float/*/; do [ -f "$d/model.tflite" ] && models="$models float/$(basename "$d")"; done
allow_missing=0
cmsis_nn_root=""
cmsis_nn_all_routes=0
# Memory plans to run every model with (a plan the compiler does not offer for a model is skipped with
# its message; only a failure of the default layer plan fails the run).
plans="layer inplace patch stream"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    --next-models) next_models="$2"; shift 2 ;;
    --plans) plans="$2"; shift 2 ;;
    --allow-missing) allow_missing=1; shift ;;
    --cmsis-nn) cmsis_nn_root="$2"; shift 2 ;;
    --cmsis-nn-all-routes) cmsis_nn_all_routes=1; shift ;;
    *) echo "run-golden.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

for tool in arm-none-eabi-gcc qemu-system-arm cmake; do
  if ! command -v "$tool" >/dev/null; then
    echo "qemu: SKIP, $tool is not installed (apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm cmake)"
    exit 0
  fi
done
case "$root$build" in
  *" "*) echo "qemu: the repository path must not contain spaces (semihosting arguments are space-separated)" >&2; exit 1 ;;
esac

cmsis_args=()
if [ -n "$cmsis_nn_root" ]; then
  cmsis_args=(-DTINYLITE_CMSIS_NN=ON "-DCMSIS_NN_ROOT=$cmsis_nn_root")
  build="$build-cmsis-nn"
  # The images get the CMSIS-NN scratch (without it the backend runs its reference fallbacks).
  cmsis_compile_flag="--cmsis-nn"
  if [ "$cmsis_nn_all_routes" = 1 ]; then
    cmsis_args+=(-DTINYLITE_CMSIS_NN_ALL_ROUTES=ON)
    build="$build-all"
  fi
elif [ "$cmsis_nn_all_routes" = 1 ]; then
  echo "run-golden.sh: --cmsis-nn-all-routes needs --cmsis-nn" >&2; exit 2
fi
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
boards=(qemu-mps2-an386 qemu-mps2-an500)
declare -A machine=([qemu-mps2-an386]=mps2-an386 [qemu-mps2-an500]=mps2-an500)
declare -A core=([qemu-mps2-an386]=M4 [qemu-mps2-an500]=M7)

# One QEMU run: machine, ELF, then the program's arguments. Semihosting console output (QEMU writes it
# to stderr) and QEMU's own messages on stdout; QEMU's exit status is the program's.
run_qemu() {
  local mach="$1" elf="$2"; shift 2
  local args="arg=$(basename "$elf" .elf)"
  for a in "$@"; do args="$args,arg=$a"; done
  timeout 600 qemu-system-arm -M "$mach" -nographic -monitor none -serial none \
    -semihosting-config "enable=on,target=native,$args" ${QEMU_EXTRA:-} -kernel "$elf" 2>&1
}

status=0
for board in "${boards[@]}"; do
  dir="$build/${board#qemu-mps2-}"
  echo "== qemu $board (${core[$board]}): build"
  # The toolchain's flags are read on the first configure only: start afresh when they changed.
  for f in "$root/boards/$board/toolchain.cmake" "$root/boards/qemu-common/arm-none-eabi.cmake"; do
    if [ -f "$dir/CMakeCache.txt" ] && [ "$f" -nt "$dir/CMakeCache.txt" ]; then rm -rf "$dir"; fi
  done
  if ! log=$( { cmake -S "$here" -B "$dir" "${generator[@]}" \
                   -DCMAKE_TOOLCHAIN_FILE="$root/boards/$board/toolchain.cmake" "${cmsis_args[@]}" &&
                 cmake --build "$dir" -j 2; } 2>&1 ); then
    printf '%s\n' "$log" | tail -40
    echo "FAIL $board: the build for ${core[$board]} failed (arm-none-eabi-gcc, -Wall -Wextra -Werror)"
    exit 1
  fi
  # Board smoke test: semihosting output, FPU, exit status passed through QEMU.
  set +e
  out=$(run_qemu "${machine[$board]}" "$dir/qemu_hello.elf" 7); rc=$?
  set -e
  if [ "$rc" != 7 ] || ! grep -q "FPU on" <<<"$out"; then
    echo "FAIL $board smoke test: exit status $rc (want 7), output: $out"; status=1
  else
    echo "ok   $board smoke test (semihosting, FPU, exit status)"
  fi
  set +e
  out=$(run_qemu "${machine[$board]}" "$dir/qemu_hello.elf" fault); rc=$?
  set -e
  if [ "$rc" != 70 ] || ! grep -q "HardFault" <<<"$out"; then
    echo "FAIL $board fault test: exit status $rc (want 70 from the HardFault handler), output: $out"; status=1
  else
    echo "ok   $board fault test (a bad access stops QEMU with status 70)"
  fi
done

# The native kernel tests (the host CTest programs, built for the emulated core), when on this branch.
declare -A test_args=([qemu_test_conv_kernels]="2000 12345")
for board in "${boards[@]}"; do
  dir="$build/${board#qemu-mps2-}"
  [ -f "$dir/kernel-tests.txt" ] || continue
  while read -r program; do
    [ -n "$program" ] || continue
    set +e
    # shellcheck disable=SC2086
    out=$(run_qemu "${machine[$board]}" "$dir/$program.elf" ${test_args[$program]:-}); rc=$?
    set -e
    if [ "$rc" != 0 ]; then
      printf '%s\n' "$out" | tail -20 | sed "s/^/[${core[$board]}] /"
      echo "FAIL $board $program: exit status $rc"; status=1
    else
      echo "ok   $board $program: $(printf '%s\n' "$out" | tail -1)"
    fi
  done <"$dir/kernel-tests.txt"
done

if [ ! -f "$build/an386/qemu_golden.elf" ]; then
  echo "qemu: golden cases NOT RUN: the native runner (native-kernels/include/tinylite/tl_runner.h) is not on this branch yet"
  exit "$status"
fi
shared="$root/../shared/models"
if [ ! -d "$shared" ]; then
  echo "qemu: SKIP golden cases, $shared is absent"
  exit "$status"
fi

# Images, compiled once per model by the CLI (rebuilt when the CLI or the model is newer).
mkdir -p "$build/images"
manifest="$build/manifest.txt"
: >"$manifest"
# compile_model NAME SOURCE: one image per plan, each line "model NAME@PLAN IMAGE" followed by its cases (the
# cases function named by $cases_of writes them for folder $model_dir).
compile_model() {
  local m="$1" src="$2" plan img
  for plan in $plans; do
  img="$build/images/${m//\//_}.$plan.tlm"
  if [ ! -f "$img" ] || [ "$src" -nt "$img" ] || [ -n "$(find "$root/codegen" -name '*.cs' -newer "$img" -print -quit)" ]; then
    rm -f "$img"
    if ! msg=$("$root/tinylite" compile "$src" -o "$img" --plan "$plan" ${cmsis_compile_flag:-} 2>&1 >/dev/null); then
      if [ "$plan" = layer ]; then echo "FAIL $m: compile failed: $msg"; status=1
      elif grep -q "not implemented" <<<"$msg"; then
        echo "qemu: SKIP --plan $plan for every model: ${msg#*: error: }"
        plans="$(sed "s/\b$plan\b//" <<<"$plans")"
      else echo "qemu: SKIP $m with --plan $plan: ${msg#*: error: }"; fi
      continue
    fi
  fi
  echo "model $m@$plan $img" >>"$manifest"
  "$cases_of"
  done
}

# The cases of a shared-models folder (inputs/<case>.input<i>.bin, golden/<case>.output<j>.bin; a file may hold
# several steps back to back).
shared_cases() {
  local in0 case_name i j
  for in0 in "$model_dir"/inputs/*.input0.bin; do
    case_name="$(basename "$in0" .input0.bin)"
    echo "case $case_name" >>"$manifest"
    i=0; while [ -f "$model_dir/inputs/$case_name.input$i.bin" ]; do
      echo "input $model_dir/inputs/$case_name.input$i.bin" >>"$manifest"; i=$((i + 1)); done
    j=0; while [ -f "$model_dir/golden/$case_name.output$j.bin" ]; do
      echo "golden $model_dir/golden/$case_name.output$j.bin" >>"$manifest"; j=$((j + 1)); done
    echo "run" >>"$manifest"
  done
}

# The single multi-step case of a project test-data folder (tests/data/lstm/<variant>: input0.bin, golden.output0.bin).
project_cases() {
  { echo "case steps"; echo "input $model_dir/input0.bin"; echo "golden $model_dir/golden.output0.bin"; echo "run"; } >>"$manifest"
}

# A model's folder: float/<name> is the project's own test data, any other name a shared model.
folder_of() { case "$1" in float/*) echo "$root/tests/data/$1" ;; *) echo "$shared/$1" ;; esac; }
for m in $models; do
  src="$(folder_of "$m")/model.tflite"
  if [ ! -f "$src" ]; then echo "qemu: SKIP $m, $src is absent"; continue; fi
  model_dir="$(folder_of "$m")" cases_of=shared_cases compile_model "$m" "$src"
done
# The open issues' models TinyLite runs (../shared/models-next) and the project's own LSTM goldens.
for m in $next_models; do
  src="$root/../shared/models-next/$m/model.tflite"
  if [ ! -f "$src" ]; then echo "qemu: SKIP $m, $src is absent"; continue; fi
  model_dir="$root/../shared/models-next/$m" cases_of=shared_cases compile_model "$m" "$src"
done
for d in "$root"/tests/data/lstm/*/; do
  [ -f "$d/golden.output0.bin" ] || continue
  m="lstm_$(basename "$d")"
  model_dir="${d%/}" cases_of=project_cases compile_model "$m" "$d/model.tflite"
done
# The converter-quirk models (tests/data/quirks): one step each, the same files as the LSTM data.
for d in "$root"/tests/data/quirks/*/; do
  [ -f "$d/golden.output0.bin" ] || continue
  m="quirk_$(basename "$d")"
  model_dir="${d%/}" cases_of=project_cases compile_model "$m" "$d/model.tflite"
done

for board in "${boards[@]}"; do
  dir="$build/${board#qemu-mps2-}"
  echo "== qemu $board (${core[$board]}): golden cases through the native runner"
  set +e
  out=$(run_qemu "${machine[$board]}" "$dir/qemu_golden.elf" "$manifest"); rc=$?
  set -e
  grep -v '^@@' <<<"$out" | sed "s/^/[${core[$board]}] /"
  if [ "$rc" = 2 ] && [ "$allow_missing" = 1 ]; then
    echo "[${core[$board]}] kernels are missing from the build (reported above, allowed by --allow-missing)"
  elif [ "$rc" != 0 ]; then
    echo "[${core[$board]}] FAILED (exit status $rc)"; status=1
  fi
done
exit "$status"

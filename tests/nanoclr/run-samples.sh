#!/usr/bin/env bash
# The sample apps of samples/ on nanoCLR: part of the nanoCLR lane (run-lane.sh calls it), usable alone.
#
#   run-samples.sh build WORK              builds the apps (samples/build.sh) and turns their assemblies into .pe files
#   run-samples.sh run CLR WORK KIND       runs both on the nanoCLR CLR; KIND: managed (a nanoCLR without TinyLite's
#                                          native part) or native (one with it: the apps then use the native kernels)
#
# Needs TINYLITE_NF_MDP (the metadata processor's dll). Checks, and fails when one does not hold:
#   ModelRunner     the top class of the embedded held-back clip is its true label (demo/kws/heldout_labels.txt, line
#                   1), with the managed kernels and, on a native nanoCLR, with the native ones too;
#   KeywordSpotter  the keywords heard in demo/kws/clip.wav, with their times and scores, are exactly those the host
#                   runtime hears in the same clip with the same settings (`./tinylite demo`); it also prints them
#                   against the clip's truth and the real-time factor of the whole pipeline on nanoCLR.
# Result lines: "nanoclr sample ModelRunner (KIND): ..." and "nanoclr sample KeywordSpotter (KIND): ...".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KWS="$ROOT/demo/kws"
fail() { echo "nanoclr samples: $*" >&2; exit 1; }
[ -n "${TINYLITE_NF_MDP:-}" ] || fail "TINYLITE_NF_MDP is not set"
version="$(sed -n 's/.*nanoFramework.CoreLibrary" Version="\([^"]*\)".*/\1/p' "$ROOT/nf-runtime/device/NanoFramework.props")"
CORELIB="${NF_CORELIB_DIR:-${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/$version/lib}"
APPS=(ModelRunner KeywordSpotter)

# Every assembly an app's bin holds, dependencies first: the core, the kernel families, Speech, the data, the app.
load_order() {
  local bin="$1" app="$2" a
  for a in TinyLite.Runtime.Native TinyLite.Runtime TinyLite.Kernels.Conv TinyLite.Kernels.Dense TinyLite.Kernels.Elementwise \
           TinyLite.Kernels.Shape TinyLite.Kernels.Recurrent TinyLite.Kernels.Signal TinyLite.Kernels.Float TinyLite.Speech; do
    [ -f "$bin/$a.dll" ] && echo "$a"
  done
  (cd "$bin" && ls TinyLite.Samples.Data.*.dll 2>/dev/null | sed 's/\.dll$//' | sort -t. -k4 -n)
  echo "TinyLite.Samples.$app"
}

build() {
  local work="$1" app bin pe a hints
  "$ROOT/samples/build.sh" --out "$work" > "$work.build.log" 2>&1 || { cat "$work.build.log" >&2; fail "samples/build.sh failed"; }
  for app in "${APPS[@]}"; do
    bin="$work/$app/bin"
    pe="$work/$app/pe"
    rm -rf "$pe"
    mkdir -p "$pe"
    mapfile -t order < <(load_order "$bin" "$app")
    hints=(-loadHints mscorlib "$CORELIB/mscorlib.dll")
    for a in "${order[@]}"; do hints+=(-loadHints "$a" "$bin/$a.dll"); done
    for a in "${order[@]}"; do
      dotnet "$TINYLITE_NF_MDP" "${hints[@]}" -parse "$bin/$a.dll" -compile "$pe/$a.pe" false > "$pe/mdp.log" 2>&1 \
        && [ -s "$pe/$a.pe" ] || { cat "$pe/mdp.log" >&2; fail "the metadata processor failed on $app's $a.dll"; }
    done
    printf '%s\n' "${order[@]}" > "$pe/order.txt"
  done
}

# run_app CLR WORK APP LOG: runs the app, keeps nanoCLR's output in LOG and the app's lines in LOG.out.
run_app() {
  local clr="$1" work="$2" app="$3" log="$4" rc=0 pes=("$CORELIB/mscorlib.pe") a
  while read -r a; do pes+=("$work/$app/pe/$a.pe"); done < "$work/$app/pe/order.txt"
  timeout 1200 "$clr" "${pes[@]}" > "$log.raw" 2>&1 || rc=$?
  tr -d '\r' < "$log.raw" > "$log"
  awk 'f && /^Done\.$/ {exit} f {print} /^Ready\.$/ {f=1}' "$log" > "$log.out"
  sed 's/^/  /' "$log.out"
  [ $rc = 0 ] || fail "$app: nanoCLR exited with status $rc (output: $log)"
  grep -q '^Done\.$' "$log" || fail "$app: the program did not finish (output: $log)"
}

run() {
  local clr="$1" work="$2" kind="$3" out expected label top k
  # ModelRunner: the embedded input is held-back clip 0; its true label and that label's class index.
  run_app "$clr" "$work" ModelRunner "$work/ModelRunner.$kind.log"
  out="$work/ModelRunner.$kind.log.out"
  label="$(head -n 1 "$KWS/heldout_labels.txt")"
  expected="$(grep -n -x "$label" "$KWS/labels.txt" | cut -d: -f1)"
  expected=$((expected - 1))
  for k in managed $([ "$kind" = native ] && echo native); do
    top="$(sed -n "s/^$k: top class \([0-9]*\) .*/\1/p" "$out")"
    [ "$top" = "$expected" ] || fail "ModelRunner ($kind nanoCLR): $k kernels gave top class '${top:-none}', the clip's label is $expected ($label)"
  done
  if [ "$kind" = managed ]; then
    grep -q '^native: skipped' "$out" || fail "ModelRunner (managed nanoCLR): expected the native kernels to be reported unavailable"
  fi
  local times kinds
  times="$(grep -E '^(managed|native): top class' "$out" | sed 's/.*, \([0-9.]* ms\) per inference.*/\1/' | paste -sd/ -)"
  kinds="$(grep -E '^(managed|native): top class' "$out" | cut -d: -f1 | paste -sd/ -)"
  echo "nanoclr sample ModelRunner ($kind): top class $expected ($label) as labelled; $times per inference ($kinds kernels)"

  # KeywordSpotter: the events against the host runtime's (same models, settings and clip) and against the truth.
  run_app "$clr" "$work" KeywordSpotter "$work/KeywordSpotter.$kind.log"
  out="$work/KeywordSpotter.$kind.log.out"
  "$ROOT/tinylite" demo > "$work/host-demo.log" 2>&1 || { cat "$work/host-demo.log" >&2; fail "./tinylite demo failed"; }
  python3 - "$out" "$work/host-demo.log" "$KWS/clip_truth.csv" "$kind" <<'EOF' || fail "KeywordSpotter ($kind nanoCLR): see above"
import re, sys
device_log, host_log, truth_csv, kind = sys.argv[1:]
device = [(m.group(1), int(m.group(3)), int(m.group(2)))
          for m in re.finditer(r"^heard '(\w+)' \((\d+)/256\) at (\d+) ms$", open(device_log).read(), re.M)]
host = [(m.group(1), round(float(m.group(2)) * 1000), int(m.group(3)))
        for m in re.finditer(r"heard '(\w+)' at ([0-9.]+) s \((\d+)/256\)", open(host_log).read())]
summary = re.search(r"^kws: .*real-time factor ([0-9.]+).*$", open(device_log).read(), re.M)
if not summary:
    sys.exit("KeywordSpotter printed no 'kws: ... real-time factor' line")
truth = [line.split(",") for line in open(truth_csv).read().splitlines()[1:] if line.strip()]
keywords = [w for w in truth if w[0] in ("yes", "no")]
used, hits = set(), 0
for label, start, end, _ in keywords:
    for i, (l, t, _) in enumerate(device):
        if i not in used and l == label and int(start) <= t <= int(end) + 1000:
            used.add(i)
            hits += 1
            break
events = ", ".join("'%s' at %d ms (%d/256)" % e for e in device) or "none"
print("nanoclr sample KeywordSpotter (%s): heard %s; %d/%d keywords of the clip at the right time, %d false alarm(s); "
      "real-time factor %s on nanoCLR" % (kind, events, hits, len(keywords), len(device) - len(used), summary.group(1)))
if device != host:
    sys.exit("nanoclr samples: KeywordSpotter on nanoCLR heard %s, the host runtime (./tinylite demo) %s" % (device, host))
EOF
}

main() {
  case "${1:-}" in
    build) [ $# = 2 ] || fail "usage: run-samples.sh build WORK"; mkdir -p "$2"; build "$2" ;;
    run) [ $# = 4 ] || fail "usage: run-samples.sh run CLR WORK managed|native"; run "$2" "$3" "$4" ;;
    *) fail "usage: run-samples.sh build WORK | run CLR WORK managed|native" ;;
  esac
}

# One line, parsed whole before it runs: editing this file while it runs cannot change what it does.
main "$@"; exit $?

#!/usr/bin/env bash
# Builds the nanoFramework sample apps with the data they embed (samples/README.md):
#   ModelRunner     demo/kws/kws_yes_no.tflite compiled by ./tinylite, the first held-back clip's features as its
#                   input and demo/kws/labels.txt;
#   KeywordSpotter  demo/kws/frontend.tflite and kws_yes_no.tflite compiled by ./tinylite, the labels and
#                   demo/kws/clip.wav as the stand-in for the microphone;
#   model_runner    (way (a) of "Put a model on your board") the C program of samples/ModelRunner/firmware with the
#                   image compiled in by `./tinylite compile --emit-c`, built for the host with cc, and run.
#
#   samples/build.sh [--out DIR]      (default .build/samples)
#
# Writes DIR/models (the .tlm images), DIR/<App>/data (the generated data assemblies) and DIR/<App>/bin (the app's
# .dll with every TinyLite and data assembly it needs: what the metadata processor turns into .pe files).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/.build/samples"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) echo "samples/build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out/models"
out="$(cd "$out" && pwd)"   # absolute: the project builds run in their own folders
kws="$root/demo/kws"

echo "samples: compiling the models (./tinylite compile)"
"$root/tinylite" compile "$kws/kws_yes_no.tflite" -o "$out/models/kws_yes_no.tlm" --report "$out/models/kws_yes_no.json" --emit-c "$out/models/c" --name model > "$out/models/compile.log"
"$root/tinylite" compile "$kws/frontend.tflite" -o "$out/models/frontend.tlm" --report "$out/models/frontend.json" >> "$out/models/compile.log"
# ModelRunner's input: the first held-back clip's 49 x 40 features (its label is the first line of heldout_labels.txt).
head -c 1960 "$kws/heldout_features.bin" > "$out/models/heldout_0.bin"

version="$(sed -n 's/.*nanoFramework.CoreLibrary" Version="\([^"]*\)".*/\1/p' "$root/nf-runtime/device/NanoFramework.props")"
corelib="${NF_CORELIB_DIR:-${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/$version/lib}"
sdk="$(dotnet --list-sdks | tail -n 1 | sed 's/^\([^ ]*\) \[\(.*\)\]$/\2\/\1/')"
csc="$sdk/Roslyn/bincore/csc.dll"

# app NAME NAME=FILE...: embeds the files, compiles the data assemblies, builds the app into DIR/NAME/bin.
app() {
  local name="$1" data="$out/$1/data" bin="$out/$1/bin"
  shift
  rm -rf "$data" "$bin"
  python3 "$root/samples/tools/embed_data.py" --out "$data" "$@"
  if [ ! -f "$corelib/mscorlib.dll" ]; then
    # First build on this machine: restoring the device projects brings nanoFramework.CoreLibrary.
    dotnet restore "$root/nf-runtime/device/TinyLite.Device.slnf" -v q > /dev/null
  fi
  local part
  while read -r part; do
    dotnet "$csc" -nologo -noconfig -nostdlib+ -target:library -optimize+ -langversion:10 -r:"$corelib/mscorlib.dll" \
      -out:"$data/$part.dll" "$data/SampleData.${part##*.}.cs" > "$data/csc.log" 2>&1 || { cat "$data/csc.log" >&2; exit 1; }
  done < "$data/parts.txt"
  echo "samples: building $name"
  dotnet build "$root/samples/$name/$name.csproj" -c Release -nologo -v q -o "$bin" -p:SampleDataDir="$data" > "$out/$name.build.log" 2>&1 \
    || { cat "$out/$name.build.log" >&2; echo "samples: $name did not build" >&2; exit 1; }
  cp "$data"/TinyLite.Samples.Data.*.dll "$bin/"
}

app ModelRunner model="$out/models/kws_yes_no.tlm" input="$out/models/heldout_0.bin" labels="$kws/labels.txt"
app KeywordSpotter preprocessor="$out/models/frontend.tlm" classifier="$out/models/kws_yes_no.tlm" labels="$kws/labels.txt" clip="$kws/clip.wav"

echo "samples: building and running the firmware-flash runner (C, image compiled in)"
"$root/samples/ModelRunner/firmware/build-host.sh" --image-c "$out/models/c" --input "$out/models/heldout_0.bin" --out "$out/firmware"
echo "samples: built in $out"

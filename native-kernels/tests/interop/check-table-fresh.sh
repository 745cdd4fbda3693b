#!/usr/bin/env bash
# CTest interop_pe_table_fresh (optional lane): checks that the committed lookup table
# native-kernels/src/interop/nanoframework/TinyLite_Runtime_Native.cpp is what pe_interop_table.py makes of a fresh
# TinyLite.Runtime.Native.pe. Needs TINYLITE_MDP = path of nanoFramework.Tools.MetadataProcessor.dll (a .NET build
# of nanoFramework's metadata processor) and dotnet; exits 77 (CTest: skipped) without them.
#   NF_CORELIB_DIR  folder with nanoFramework.CoreLibrary 1.17.11's mscorlib.dll (default: the NuGet cache)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
if [ -z "${TINYLITE_MDP:-}" ] || [ ! -f "${TINYLITE_MDP}" ] || ! command -v dotnet >/dev/null; then
  echo "skipped: set TINYLITE_MDP to the metadata processor's dll to check the committed lookup table"
  exit 77
fi
corelib="${NF_CORELIB_DIR:-$HOME/.nuget/packages/nanoframework.corelibrary/1.17.11/lib}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
project="$root/nf-runtime/device/TinyLite.Runtime.Native/TinyLite.Runtime.Native.csproj"
dotnet build "$project" -c Release -o "$tmp/bin" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
dotnet "$TINYLITE_MDP" -loadHints mscorlib "$corelib/mscorlib.dll" -parse "$tmp/bin/TinyLite.Runtime.Native.dll" \
  -compile "$tmp/TinyLite.Runtime.Native.pe" false >"$tmp/mdp.log" 2>&1 || { cat "$tmp/mdp.log"; exit 1; }
python3 "$root/native-kernels/interop/nanoframework/pe_interop_table.py" "$tmp/TinyLite.Runtime.Native.pe" \
  --check "$root/native-kernels/src/interop/nanoframework/TinyLite_Runtime_Native.cpp"

#!/usr/bin/env bash
# Builds nf-interpreter's posix nanoCLR (targets/posix, Linux) with TinyLite's native kernels registered as the
# interop assembly TinyLite.Runtime.Native: the same glue and generated lookup table as a firmware build
# (docs/NANOFRAMEWORK-FIRMWARE.md, "The posix nanoCLR").
#
# usage:
#   build-nanoclr.sh --nf-interpreter DIR --pe PATH/TinyLite.Runtime.Native.pe --out BUILDDIR [--jobs N]
#
#   --nf-interpreter DIR  an nf-interpreter checkout (git clone or source archive; never modified)
#   --pe FILE             TinyLite.Runtime.Native.pe written by the metadata processor for the assembly that will be
#                         deployed; the lookup table and the native-methods checksum come from it
#   --out BUILDDIR        work folder, reused between runs: BUILDDIR/src (copy of the checkout with our files and
#                         registration lines), BUILDDIR/build (CMake + Ninja, Release), BUILDDIR/stamp
#   --jobs N              parallel build jobs (default 2)
#
# What it does, printing one "build-nanoclr: ..." progress line per step on stderr:
#   1. writes TinyLite_Runtime_Native.cpp from the .pe with pe_interop_table.py (fails on a malformed .pe, a
#      checksum it cannot reproduce, or an extern without a handler in the glue);
#   2. skips everything else when BUILDDIR/stamp matches: a SHA-256 over the .pe, our C/C++ sources and headers
#      (native-kernels/include, src/{reference,families,tensors,runner}, src/interop/nanoframework), this script, its CMake
#      fragment and the generator, and the checkout's identity (git HEAD and status, or a hash of its files);
#   3. copies the checkout without .git and build folders into BUILDDIR/src (again only when its identity changed),
#      puts the glue, the generated table and posix/tinylite_posix.cmake into
#      BUILDDIR/src/InteropAssemblies/TinyLite.Runtime.Native/, and adds the registration lines: in
#      targets/posix/nanoCLR/posix_stubs.cpp the record's extern declaration and its entry in
#      g_CLR_InteropAssembliesNativeData[], in targets/posix/nanoCLR/CMakeLists.txt an include of the fragment
#      right after nanoFramework.nanoCLR is declared (the C kernels are compiled from this TinyLite checkout as C99
#      with the host library's flags). Each edit looks for its anchor text and fails loudly when it is missing;
#   4. configures (Release, Ninja) and builds; about 6.5 minutes on 2 cores from scratch, incremental after.
# The last line on stdout is the path of the nanoCLR executable (BUILDDIR/build/bin/nanoFramework.nanoCLR.test),
# which runs .pe files given in dependency order, mscorlib.pe first.
# Exit status: 0 built or up to date; 2 usage or missing tool; 1 any other failure (message on stderr).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
native_kernels="$(cd "$here/../../.." && pwd)"
glue_dir="$native_kernels/src/interop/nanoframework"
generator="$here/../pe_interop_table.py"
fragment="$here/tinylite_posix.cmake"

say() { echo "build-nanoclr: $*" >&2; }
fail() { echo "build-nanoclr: error: $*" >&2; exit 1; }
usage() { sed -n '6,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

nf=""; pe=""; out=""; jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --nf-interpreter) nf="${2:-}"; shift 2 || usage;;
    --pe) pe="${2:-}"; shift 2 || usage;;
    --out) out="${2:-}"; shift 2 || usage;;
    --jobs) jobs="${2:-}"; shift 2 || usage;;
    -h|--help) usage;;
    *) echo "build-nanoclr: unknown argument '$1'" >&2; usage;;
  esac
done
[ -n "$nf" ] && [ -n "$pe" ] && [ -n "$out" ] || usage
[ -f "$nf/targets/posix/nanoCLR/posix_stubs.cpp" ] || { echo "build-nanoclr: $nf is not an nf-interpreter checkout with targets/posix" >&2; exit 2; }
[ -f "$pe" ] || { echo "build-nanoclr: no such .pe: $pe" >&2; exit 2; }
for tool in python3 cmake ninja sha256sum; do
  command -v "$tool" >/dev/null || { echo "build-nanoclr: $tool is needed" >&2; exit 2; }
done
nf="$(cd "$nf" && pwd)"; pe="$(cd "$(dirname "$pe")" && pwd)/$(basename "$pe")"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
case "$out/" in "$nf"/*) fail "--out must not be inside the nf-interpreter checkout";; esac
binary="$out/build/bin/nanoFramework.nanoCLR.test"

say "lookup table from $pe"
mkdir -p "$out/gen"
python3 "$generator" "$pe" -o "$out/gen/TinyLite_Runtime_Native.cpp" --glue-header "$glue_dir/TinyLite_Runtime_Native.h" \
  || fail "pe_interop_table.py refused $pe"

# Identity of the checkout: its git commit and working-tree state, or (source archive) a hash of every file.
if git -C "$nf" rev-parse --git-dir >/dev/null 2>&1; then
  checkout_id="git $(git -C "$nf" rev-parse HEAD) $(git -C "$nf" status --porcelain --untracked-files=no | sha256sum | cut -c1-16)"
else
  checkout_id="files $(cd "$nf" && find . -path ./.git -prune -o -path ./build -prune -o -type f -print0 | LC_ALL=C sort -z \
    | xargs -0 sha256sum | sha256sum | cut -c1-64)"
fi

stamp="$( {
  echo "$checkout_id"
  sha256sum "$pe" | cut -c1-64
  (cd "$native_kernels" && find include src/portable src/families src/tensors src/runner src/interop/nanoframework -type f \
    \( -name '*.c' -o -name '*.h' -o -name '*.cpp' \) -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  sha256sum "${BASH_SOURCE[0]}" "$fragment" "$generator" | cut -c1-64
} | sha256sum | cut -c1-64)"

if [ -x "$binary" ] && [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp" ]; then
  say "up to date (stamp ${stamp:0:12})"
  echo "$binary"
  exit 0
fi
rm -f "$out/stamp"

src="$out/src"
if [ ! -f "$out/src.id" ] || [ "$(cat "$out/src.id")" != "$checkout_id" ]; then
  say "copying $nf to $src (without .git and build folders)"
  rm -rf "$src" "$out/build" "$out/src.id"
  mkdir -p "$src"
  (cd "$nf" && tar --exclude=./.git --exclude=./build -cf - .) | (cd "$src" && tar -xf -)
  echo "$checkout_id" > "$out/src.id"
else
  say "reusing the copy in $src"
fi

# Registration edits start from the checkout's own files each time, so running again never adds lines twice.
stubs_rel=targets/posix/nanoCLR/posix_stubs.cpp
cmake_rel=targets/posix/nanoCLR/CMakeLists.txt
cp "$nf/$stubs_rel" "$src/$stubs_rel"
cp "$nf/$cmake_rel" "$src/$cmake_rel"

interop="$src/InteropAssemblies/TinyLite.Runtime.Native"
say "glue and generated table into ${interop#"$out"/}"
mkdir -p "$interop"
cp "$glue_dir/TinyLite_Runtime_Native.h" "$glue_dir/TinyLite_Runtime_Native_TinyLite_Runtime_Native_NativeKernels.cpp" \
  "$out/gen/TinyLite_Runtime_Native.cpp" "$fragment" "$interop/"

say "registering TinyLite.Runtime.Native in $stubs_rel and $cmake_rel"
python3 - "$src/$stubs_rel" "$src/$cmake_rel" <<'PYEDIT' || fail "registration edits failed (anchor text not found; see above)"
import sys

def insert(path, anchor, text, before):
    with open(path, encoding="utf-8") as f:
        code = f.read()
    count = code.count(anchor)
    if count != 1:
        sys.exit("build-nanoclr: error: %s: anchor %r found %d times, expected once" % (path, anchor, count))
    at = code.index(anchor) if before else code.index(anchor) + len(anchor)
    with open(path, "w", encoding="utf-8") as f:
        f.write(code[:at] + text + code[at:])

stubs, cmake = sys.argv[1], sys.argv[2]
table = "const CLR_RT_NativeAssemblyData *g_CLR_InteropAssembliesNativeData[] = {\n"
insert(stubs, table,
       "// TinyLite.Runtime.Native (added by TinyLite's build-nanoclr.sh)\n"
       "extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_TinyLite_Runtime_Native;\n\n", before=True)
insert(stubs, table, "    &g_CLR_AssemblyNative_TinyLite_Runtime_Native, // added by TinyLite's build-nanoclr.sh\n",
       before=False)
insert(cmake, "add_library(nanoFramework.nanoCLR SHARED ${NANOCLR_POSIX_SOURCES})\n",
       "\n# TinyLite.Runtime.Native interop assembly (added by TinyLite's build-nanoclr.sh)\n"
       "include(${REPO_ROOT}/InteropAssemblies/TinyLite.Runtime.Native/tinylite_posix.cmake)\n", before=False)
PYEDIT

build="$out/build"
say "configuring $build (Release, Ninja)"
log="$out/build.log"
cmake -S "$src/targets/posix" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTINYLITE_ROOT="$native_kernels" \
  >"$log" 2>&1 || { tail -n 40 "$log" >&2; fail "configure failed (log: $log)"; }
say "building with $jobs jobs (log: $log; about 6.5 min on 2 cores from scratch)"
start=$(date +%s)
cmake --build "$build" -j "$jobs" >>"$log" 2>&1 || { grep -E 'error|Error' "$log" | head -n 30 >&2; fail "build failed (log: $log)"; }
[ -x "$binary" ] || fail "the build finished without $binary"
say "built in $(( $(date +%s) - start )) s"
echo "$stamp" > "$out/stamp"
echo "$binary"

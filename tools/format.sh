#!/usr/bin/env bash
# Formats the tree the way .editorconfig and .clang-format describe it (issue #10 item 4), or checks it.
#   tools/format.sh           rewrite C# whitespace (dotnet format) and C (clang-format) in place
#   tools/format.sh --check   change nothing; list what is off and fail (./test.sh runs this)
# Only files git tracks are touched. C files made by codegen/manifest/generate.py are formatted too: the
# generator writes clang-format-clean text, so its --check and this one agree.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  *) echo "usage: tools/format.sh [--check]" >&2; exit 2 ;;
esac
command -v clang-format >/dev/null || { echo "format: clang-format is required (apt-get install clang-format)" >&2; exit 1; }
mapfile -t c_files < <(git ls-files '*.c' '*.h')
mapfile -t cs_files < <(git ls-files '*.cs')
status=0
if [ $check -eq 1 ]; then
  # --Werror turns every needed change into an error naming file and line.
  clang-format --dry-run --Werror "${c_files[@]}" || { status=1; echo "format: C files are off; run tools/format.sh" >&2; }
  dotnet format whitespace --folder --verify-no-changes -v q --include "${cs_files[@]}" || { status=1; echo "format: C# files are off; run tools/format.sh" >&2; }
  [ $status -eq 0 ] && echo "format: ${#c_files[@]} C files and ${#cs_files[@]} C# files match .clang-format and .editorconfig"
else
  clang-format -i "${c_files[@]}"
  dotnet format whitespace --folder -v q --include "${cs_files[@]}"
  echo "format: formatted ${#c_files[@]} C files and ${#cs_files[@]} C# files"
fi
exit $status

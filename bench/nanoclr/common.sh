# Sourced by the nanoCLR benchmarks (run.sh, run-heap.sh): HERE, ROOT, CORELIB and MODELS, or a skip line and exit 0
# when TINYLITE_NANOCLR / TINYLITE_NF_MDP are not set. $1: the script's name for that line.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
if [ -z "${TINYLITE_NANOCLR:-}" ] || [ -z "${TINYLITE_NF_MDP:-}" ]; then
  echo "$1: skipped (set TINYLITE_NANOCLR to a posix nanoCLR and TINYLITE_NF_MDP to the metadata processor's dll)"
  exit 0
fi
CORELIB="${NF_CORELIB_DIR:-$HOME/.nuget/packages/nanoframework.corelibrary/1.17.11/lib}"
# ../shared/models beside the repository, or beside any folder above it (as the tests look for it from a worktree).
MODELS="${TINYLITE_MODELS:-}"
if [ -z "$MODELS" ]; then
  d="$ROOT"
  while [ "$d" != / ]; do
    [ -d "$d/../shared/models" ] && { MODELS="$(cd "$d/../shared/models" && pwd)"; break; }
    d="$(dirname "$d")"
  done
fi

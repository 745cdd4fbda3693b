#!/usr/bin/env bash
# lane-status.sh NAME LOG: one line saying whether the test lane NAME ran, from its output in LOG, for the last line
# of ./test.sh. A lane was skipped when LOG has the line its script prints for that, which says why:
#   "skipped: NAME: qemu: SKIP, qemu-system-arm is not installed (...)"
# otherwise it ran, with the number of its own "SKIP" lines (plans or models it left out) noted:
#   "ran: NAME" or "ran: NAME (3 SKIP lines above)".
set -euo pipefail
name="$1"
log="$2"
why=$(grep -E '^qemu: SKIP, |^nanoclr lane: skipped \(|fuzzing skipped$' "$log" | head -n 1 || true)
parts=$(grep -Ec '^qemu: SKIP |^nanoclr lane: .*skipped, ' "$log" || true)
if [ -n "$why" ]; then
  echo "skipped: $name: $why"
elif [ "${parts:-0}" != 0 ]; then
  echo "ran: $name ($parts SKIP lines above)"
else
  echo "ran: $name"
fi

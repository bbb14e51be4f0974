#!/usr/bin/env bash
# CSPR_LOCK_WAIT is read as plain decimal seconds from 0 to 3600. Any other value (a word, a sign,
# inf, nan, an exponent, hex, past an hour) is refused before anything is written: one line naming
# CSPR_LOCK_WAIT, exit 2, nothing changed. Before the fix strtod read them all: abc as 0 s, 0x10 as
# 16 s, inf and 1e30 overflowed into "waited -9223372036854775 s". A wait under a second is reported
# as it was ("waited 0.5 s", not "waited 0 s").
# Usage: promise-bad-lock-wait-refused.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

state() { find . -type f -print0 | sort -z | xargs -0 sha256sum; }
add() { "$cspr" --as-of 2025-12-01 actions NDSCP-2025-004 --add "Fictional lock-wait action" --owner "Northdale Police" \
  --due 2026-01-31; }
expected="cspr: CSPR_LOCK_WAIT: must be a number of seconds from 0 to 3600, e.g. 10 or 0.5"

for value in abc -1 +5 inf nan 1e30 0x10 3601 3600.5 99999999999999999999 " 5" 5s .5 1,5; do
  before=$(state)
  message=$(CSPR_LOCK_WAIT="$value" add 2>&1)
  code=$?
  check "CSPR_LOCK_WAIT='$value': exit 2 (got $code)" '[ "$code" -eq 2 ]'
  check "CSPR_LOCK_WAIT='$value': one line naming it (got: $message)" '[ "$message" = "$expected" ]'
  check "CSPR_LOCK_WAIT='$value': nothing changed" '[ "$(state)" = "$before" ]'
done

# Good values still work, and a held lock reports the wait as given, fractions included.
for value in 0 10 0.5 3600; do
  before=$(state)
  CSPR_LOCK_WAIT="$value" add > /dev/null 2>&1
  code=$?
  check "CSPR_LOCK_WAIT='$value': accepted (got $code)" '[ "$code" -eq 0 ]'
  check "CSPR_LOCK_WAIT='$value': the action was added" '[ "$(state)" != "$before" ]'
done
flock cases/NDSCP-2025-004 sleep 3 &
holder=$!
sleep 0.5
before=$(state)
start=$(date +%s%N)
message=$(CSPR_LOCK_WAIT=0.25 add 2>&1)
code=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
wait "$holder"
check "a held lock with CSPR_LOCK_WAIT=0.25: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "and says the real wait (got: $message)" '[[ "$message" == *"; waited 0.25 s (CSPR_LOCK_WAIT sets how long)" ]]'
check "and gave up within a second or two (took $elapsed_ms ms)" '[ "$elapsed_ms" -ge 250 ] && [ "$elapsed_ms" -lt 2500 ]'
check "and changed nothing" '[ "$(state)" = "$before" ]'

echo "bad lock wait refused: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

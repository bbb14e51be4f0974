#!/usr/bin/env bash
# Other writers' work is not a leftover (issue 13; hostile finding F15): doctor removes a case's
# temporary files only under that case's lock, and validate leaves out the files of a write in
# progress, so that doctor looping beside a writer makes no write fail, and a nightly validate does
# not fail because someone was working. What a killed writer left is still found and removed.
# Usage: promise-live-writers-not-leftovers.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

cp -r "$source/cases-example" "$work/cases" && cd "$work/cases" || exit 2

# doctor and validate looping beside 150 writes of one case, and 10 referrals.
( for _ in $(seq 400); do [ -e "$work/stop" ] && break; "$cspr" doctor >/dev/null 2>&1; done ) &
doctor_loop=$!
( n=0; for _ in $(seq 400); do [ -e "$work/stop" ] && break
    "$cspr" validate >/dev/null 2>&1; [ $? -eq 1 ] && n=$((n + 1)); done; echo "$n" > "$work/validate-failures" ) &
validate_loop=$!
failures=0
for i in $(seq 150); do
  "$cspr" --as-of 2025-12-01 actions NDSCP-2025-001 --update R2 --evidence "E$i" >/dev/null 2>>"$work/errors" ||
    failures=$((failures + 1))
done
for i in $(seq 10); do
  "$cspr" --as-of 2025-12-01 refer --received 2025-11-30T10:00 --referrer-name Q --referrer-agency P --referrer-role S \
    --child-name "Child $i Fictional" --incident 2025-11-29 --cp-plan never --looked-after no --narrative x \
    >/dev/null 2>>"$work/errors" || failures=$((failures + 1))
done
touch "$work/stop"
wait "$doctor_loop" "$validate_loop"
check "no write failed beside doctor ($failures of 160 failed: $(sort -u "$work/errors" | head -3))" '[ "$failures" -eq 0 ]'
check "no validate beside the writers failed ($(cat "$work/validate-failures") exited 1)" \
  '[ "$(cat "$work/validate-failures")" -eq 0 ]'
check "the last update is there" 'grep -q "evidence: E150" cases/NDSCP-2025-001/actions.yaml'

# A killed writer's file, and a case folder left empty, are still leftovers.
printf 'x' > cases/NDSCP-2025-002/.actions.yaml.tmp-AbC123
mkdir cases/NDSCP-2025-099
"$cspr" validate >out 2>&1
check "validate reports a dead writer's temporary file and empty folder" \
  'grep -q "^cases/NDSCP-2025-002/.actions.yaml.tmp-AbC123: a temporary file left" out && grep -q "^cases/NDSCP-2025-099: a case folder with no referral.yaml" out'
# ... but not while their lock is held (a writer at work).
flock cases/NDSCP-2025-002 flock cases "$cspr" validate >out 2>&1
check "validate leaves out files of a case, and a new case folder, whose lock is held" \
  '! grep -q "tmp-AbC123" out && ! grep -q "^cases/NDSCP-2025-099: a case folder with no referral" out'
"$cspr" doctor >out 2>&1
check "doctor removes what the dead writer left" \
  '[ ! -e cases/NDSCP-2025-002/.actions.yaml.tmp-AbC123 ] && [ ! -e cases/NDSCP-2025-099 ]'
"$cspr" validate >/dev/null 2>&1
check "validate passes after doctor" '[ $? -eq 0 ]'

echo "live writers not leftovers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

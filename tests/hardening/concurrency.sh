#!/usr/bin/env bash
# Two writers never lose an update: parallel referrals get distinct IDs, parallel changes to one
# case all land, and a writer blocked past its wait names the process holding the lock.
# Usage: concurrency.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

# 20 referrals at once.
for i in $(seq 1 20); do
  "$cspr" --as-of 2025-12-01 refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer" \
    --referrer-agency "Northdale Police" --referrer-role Sergeant --child-name "Quinn Example $i" \
    --incident 2025-11-30 --cp-plan never --looked-after no --narrative "Fictional $i." > "$work/refer-$i.out" 2>&1 &
done
wait
ids=$(cat "$work"/refer-*.out | grep -o '^NDSCP-2025-[0-9]*' | sort)
check "20 parallel referrals get 20 IDs" '[ "$(echo "$ids" | wc -l)" -eq 20 ]'
check "the 20 IDs are distinct" '[ "$(echo "$ids" | sort -u | wc -l)" -eq 20 ]'
check "ids.yaml records the last one" 'grep -q "\"2025\": 29" cases/ids.yaml'

# 20 changes to one case at once: every action is there afterwards.
for i in $(seq 1 20); do
  "$cspr" --as-of 2025-12-01 actions NDSCP-2025-004 --add "Fictional action $i" --owner "Northdale Police" \
    --due 2026-01-31 > "$work/action-$i.out" 2>&1 &
done
wait
check "20 parallel updates of one case all land" '[ "$("$cspr" --as-of 2025-12-01 actions NDSCP-2025-004 | grep -c "Northdale Police")" -eq 20 ]'
check "every file still validates" '"$cspr" validate > /dev/null 2>&1'

# A writer that cannot get the lock in time says who holds it, and changes nothing.
before=$(sha256sum cases/NDSCP-2025-007/referral.yaml)
flock cases/NDSCP-2025-007 sleep 3 &
holder=$!
sleep 0.5
message=$(CSPR_LOCK_WAIT=0.5 "$cspr" --as-of 2025-12-01 refer NDSCP-2025-007 --confirmed 2025-11-26T09:00 2>&1)
code=$?
wait "$holder"
check "a blocked writer exits 2" '[ "$code" -eq 2 ]'
check "and names the case and the process (got: $message)" '[[ "$message" == "cspr: case NDSCP-2025-007 is being written by process "*"; waited 0.5 s (CSPR_LOCK_WAIT sets how long)" ]]'
check "and leaves the file as it was" '[ "$(sha256sum cases/NDSCP-2025-007/referral.yaml)" = "$before" ]'

echo "concurrency: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

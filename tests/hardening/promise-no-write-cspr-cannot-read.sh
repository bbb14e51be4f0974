#!/usr/bin/env bash
# cspr never writes what it cannot read back or count: a date past the calendar's end (F11), a file
# that aliases written out in full take past the reader's limits (F13), a case number past the ID's
# digits (F14). Each is refused before anything is written (exit 2, one line, nothing changed), and
# `deadlines` still counts every case after each attempt. validate reads cases/ids.yaml too.
# Usage: promise-no-write-cspr-cannot-read.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

state() { find . -print0 | sort -z | xargs -0 -I{} sh -c 'if [ -f "{}" ]; then sha256sum "{}"; else echo "{}"; fi'; }
deadlines_ok() { "$cspr" --as-of 2025-12-01 deadlines > /dev/null 2>&1; [ $? -ne 2 ]; }
# refused NAME WANT CMD...: exit 2, one line containing WANT, nothing changed, deadlines still count.
refused() {
  local name=$1 want=$2; shift 2
  local before message code
  before=$(state)
  message=$("$@" 2>&1 > /dev/null)
  code=$?
  check "$name: exit 2 (got $code)" '[ "$code" -eq 2 ]'
  check "$name: one line saying '$want' (got: $message)" '[ "$(printf "%s\n" "$message" | wc -l)" -eq 1 ] && [[ "$message" == *"$want"* ]]'
  check "$name: nothing changed" '[ "$(state)" = "$before" ]'
  check "$name: deadlines still counts every case" 'deadlines_ok'
}
at=(--as-of 2025-12-01)

# ---- F11: dates past the calendar's end ----
refused "actions --add --due 2051" "actions[4].due: 2051-03-31 is past the calendar's end, 2050-12-31" \
  "$cspr" "${at[@]}" actions NDSCP-2025-001 --add "Long-term audit" --owner "Northdale Council" --due 2051-03-31
refused "actions --update --due 2099" "is past the calendar's end" \
  "$cspr" "${at[@]}" actions NDSCP-2025-001 --update R2 --due 2099-03-31 --reason "Typo test"
# (publish-check counts the case as it would be before CaseChange::save does: the engine's words, naming the rule)
refused "publish-check --plan --publish-on 2205" "2205-09-22 is" \
  "$cspr" "${at[@]}" publish-check NDSCP-2025-002 --publish-on 2205-09-22 --plan
refused "refer received in 2051 (as of 2051)" "received: 2051-05-30 is past the calendar's end" \
  "$cspr" --as-of 2051-06-01 refer --received 2051-05-30T10:00 --referrer-name "Quinn Referrer" --referrer-agency "Northdale Police" \
  --referrer-role Sergeant --child-name "Quinn Example" --incident 2051-05-29 --cp-plan never --looked-after no --narrative "Fictional."
# A date inside the calendar whose deadline falls past its end: the engine names the case and rule.
refused "notify aware 2050-12-30: notify-panel due in 2051" "outside the england-and-wales calendar" \
  "$cspr" --as-of 2050-12-31 notify NDSCP-2025-007 --aware 2050-12-30 --abuse known --harm seriously-harmed --where in-area --looked-after no

# ---- F13: a rewrite past the reader's limits ----
cp cases/NDSCP-2025-007/referral.yaml "$work/referral.yaml"
python3 -c "print('big: &b \"' + 'x'*100000 + '\"'); print('copies: [' + ', '.join(['*b']*45) + ']')" >> cases/NDSCP-2025-007/referral.yaml
refused "aliases written out past 4 MB" "cannot be rewritten: the new text would be 4.4 MB" \
  "$cspr" "${at[@]}" refer NDSCP-2025-007 --confirmed 2025-11-25T09:00
cp "$work/referral.yaml" cases/NDSCP-2025-007/referral.yaml
python3 -c "print('big: &b \"' + ', '*2000 + '\"'); print('copies: [' + ', '.join(['*b']*60) + ']')" >> cases/NDSCP-2025-007/referral.yaml
refused "aliases written out past the value limit" "too many values" \
  "$cspr" "${at[@]}" refer NDSCP-2025-007 --confirmed 2025-11-25T09:00
cp "$work/referral.yaml" cases/NDSCP-2025-007/referral.yaml
head -c 4823449 /dev/zero | tr '\0' x > "$work/big.yaml"
message=$("$cspr" validate 2>&1; "$cspr" refer --from "$work/big.yaml" 2>&1)
check "a 4.6 MB file is said to be more than 4 MB (got: $message)" '[[ "$message" == *"is 4.6 MB; files cspr reads here are at most 4 MB"* ]]'

# ---- F14: case numbers past the ID's digits ----
referral=("${at[@]}" refer --received 2025-11-30T10:00 --referrer-name Quinn --referrer-agency Police --referrer-role Sgt
          --incident 2025-11-29 --cp-plan never --looked-after no --narrative x)
mkdir cases/NDSCP-2025-99999999 && sed s/-007/-99999999/ cases/NDSCP-2025-007/referral.yaml > cases/NDSCP-2025-99999999/referral.yaml
out=$("$cspr" "${referral[@]}" --child-name "X Example" 2>&1)
check "refer after 99999999 makes 100000000 (got: $out)" '[[ "$out" == "NDSCP-2025-100000000: referral recorded"* ]]'
out=$("$cspr" "${referral[@]}" --child-name "Y Example" 2>&1)
check "and the next refer reads ids.yaml back (got: $out)" '[[ "$out" == "NDSCP-2025-100000001: referral recorded"* ]]'
check "validate reads that ids.yaml" '"$cspr" validate > /dev/null 2>&1'
mkdir cases/NDSCP-2025-999999999 && sed s/-007/-999999999/ cases/NDSCP-2025-007/referral.yaml > cases/NDSCP-2025-999999999/referral.yaml
refused "refer past 999999999" "NDSCP-2025 has used every case number up to 999999999" "$cspr" "${referral[@]}" --child-name "Z Example"
rm -r cases/NDSCP-2025-999999999 cases/NDSCP-2025-99999999 cases/NDSCP-2025-10000000[01]
cp "$source/cases-example/cases/ids.yaml" "$work/ids.yaml"
validate_says() {  # validate_says NAME WANT: validate exits 1 naming cases/ids.yaml with WANT
  local out code want=$2
  out=$("$cspr" validate 2>/dev/null)
  code=$?
  check "validate, $1: exit 1 (got $code)" '[ "$code" -eq 1 ]'
  check "validate, $1: names ids.yaml: $want (got: $out)" '[[ "$out" == *"cases/ids.yaml:"*"$want"* ]]'
}
printf 'garbage: [\n' > cases/ids.yaml
validate_says "garbage" ""
sed 's/"2025": 9/"2025": 5/' "$work/ids.yaml" > cases/ids.yaml
validate_says "a number lower than a case folder's" 'last.2025: lower than the number of case NDSCP-2025-009'
sed 's/"2025": 9/"2025": 1000000000/' "$work/ids.yaml" > cases/ids.yaml
validate_says "a number past the digits" 'last.2025: more than 9 digits'
cp "$work/ids.yaml" cases/ids.yaml
check "validate passes at the end" '"$cspr" validate > /dev/null 2>&1'

echo "no-write-cspr-cannot-read: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

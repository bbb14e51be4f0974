#!/usr/bin/env bash
# Bad input fails clearly: empty owners and recommendations, names of only spaces, action references
# near integer limits and forms still holding their template's text each get a one-line error naming
# the field (and, for a file, its path and line), exit 2, and nothing on disk changes. A form with
# several problems reports them all in one run, as form.yaml:LINE: field: message.
# Usage: promise-bad-input-fails-clearly.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"
run() { "$cspr" --as-of 2025-12-01 "$@"; }
state() { find . -type f -print0 | sort -z | xargs -0 sha256sum; }

# refused LABEL PATTERN COMMAND...: exit 2, every stderr line matches PATTERN, nothing changed.
refused() {
  local label=$1 pattern=$2
  shift 2
  local before code
  before=$(state)
  "$@" > /dev/null 2> "$work/err"
  code=$?
  check "$label: exit 2" '[ "$code" -eq 2 ]'
  check "$label: every line names where ($pattern)" '[ -s "$work/err" ] && ! grep -vqE "$pattern" "$work/err"'
  check "$label: nothing on disk changed" '[ "$(state)" = "$before" ]'
}
add=(actions NDSCP-2025-001 --due 2026-06-30)
refused "empty recommendation" '^cspr: --add: must not be empty$' run "${add[@]}" --add "" --owner "Northdale Council"
refused "recommendation of spaces" '^cspr: --add: must not be empty$' run "${add[@]}" --add "   " --owner "Northdale Council"
refused "empty owner" '^cspr: --owner: must not be empty$' run "${add[@]}" --add "Audit" --owner ""
refused "owner of spaces" '^cspr: --owner: must not be empty$' run "${add[@]}" --add "Audit" --owner $'\t '
refused "owner of spaces (update)" '^cspr: --owner: must not be empty$' run actions NDSCP-2025-001 --update R1 --owner " "
referral=(refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer" --referrer-agency "Northdale Police"
          --referrer-role Sergeant --incident 2025-11-30 --cp-plan never --looked-after no --narrative "Fictional.")
refused "child's name of spaces" '^cspr: --child-name: must not be empty$' run "${referral[@]}" --child-name "   "

# Hand-edited references near and past the integer limits: refused where they are, never overflowed.
actions=cases/NDSCP-2025-001/actions.yaml
for ref in R99999999999 R2147483647 R9223372036854775807 R99999999999999999999999; do
  cp "$source/cases-example/$actions" "$actions"
  sed -i "s/ref: R3\$/ref: $ref/" "$actions"
  refused "ref $ref (add)" "^cspr: $actions:[0-9]+: actions\\[3\\]\\.ref: " run "${add[@]}" --add "Audit" --owner "Northdale Council"
  refused "ref $ref (update)" "^cspr: $actions:[0-9]+: actions\\[3\\]\\.ref: " run actions NDSCP-2025-001 --update R1 --evidence "Signed off"
  run validate NDSCP-2025-001 > "$work/out" 2> /dev/null
  check "ref $ref: validate names it" 'grep -qE "^$actions:[0-9]+: actions\[3\]\.ref: " "$work/out"'
done
cp "$source/cases-example/$actions" "$actions"

# Forms straight from --template, with only the required fields filled in: every leftover, one line each.
run refer --template > "$work/form.yaml"
sed -i -e 's/^received: .*/received: "2025-12-01T10:00"/' -e 's/^  name: .*/  name: Sam Fictional/' -e 's/^  agency: .*/  agency: Northdale Police/' \
  -e 's/^  role: .*/  role: Sergeant/' -e 's/^  incident_date: .*$/  incident_date: "2025-11-30"/' "$work/form.yaml"
where="^cspr: $work/form.yaml(:[0-9]+: [a-z_.]+(\\[[0-9]+\\])?[a-z_.]*: |: [0-9]+ problems; nothing was recorded$)"
refused "referral form with the template's leftovers" "$where" run refer --from "$work/form.yaml"
check "referral form: the blank family member and agency, the criteria, the narrative" '[ "$(grep -cE "form.yaml:[0-9]+: ((family|agencies|criteria): still|narrative: missing)" "$work/err")" -eq 4 ]'

run decide --template > "$work/form.yaml"
sed -i 's/^date: .*$/date: "2025-11-20"/' "$work/form.yaml"
refused "decision form with the template's leftovers" "$where" run decide NDSCP-2025-003 --from "$work/form.yaml"
check "decision form: every problem in one run (8 notes, the rationale, 3 names, the blank reviewer)" '[ "$(grep -c "form.yaml:[0-9]*: " "$work/err")" -eq 13 ]'

run rapid-review --template > "$work/form.yaml"
refused "rapid review form with the template's leftovers" "$where" run rapid-review NDSCP-2025-003 --from "$work/form.yaml"

# A misspelt key: validate names the key meant; a key far from any is kept silently.
sed -i 's/^confirmed_in_writing:/confirmed_in_writng:/' cases/NDSCP-2025-001/referral.yaml
printf 'team_note: kept\n' >> cases/NDSCP-2025-004/decision.yaml
run validate > "$work/out" 2>&1
check "validate: the misspelt key and the key meant" 'grep -q "referral.yaml:5: confirmed_in_writng: .*did you mean .confirmed_in_writing.?" "$work/out"'
check "validate: a key far from any is not a problem" '! grep -q team_note "$work/out"'

echo "bad input fails clearly: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

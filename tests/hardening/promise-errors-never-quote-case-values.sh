#!/usr/bin/env bash
# An error about a value read from a case file or a --from form never quotes the value, whatever
# the field: a child's name or date of birth typed into a date, yes/no, number or enum field would
# otherwise reach logs and CI output. The error names the file, line and field and what was expected.
# (A command-line option's value, typed by the user, may still be quoted.)
# Usage: promise-errors-never-quote-case-values.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"
name="Robin Example"
fresh() { rm -rf cases && cp -r "$source/cases-example/cases" cases; }

# plant FILE KEY: put the name where KEY's value was, then every reading command and validate must
# fail without quoting it, naming the file and the field.
plant() {
  local file=$1 key=$2 out
  fresh
  grep -qE "^ *(- )?$key:" "$file" || { failed=$((failed + 1)); echo "FAIL: $file has no $key (the test is out of date)"; return; }
  sed -i -E "0,/^( *(- )?)$key: .*\$/s//\\1$key: \"$name\"/" "$file"
  out=$( { "$cspr" validate; "$cspr" --as-of 2025-12-01 list; "$cspr" --as-of 2025-12-01 deadlines --format json
           "$cspr" --as-of 2025-12-01 show "$(basename "$(dirname "$file")")"; } 2>&1)
  check "$key in $file: the error names the field" 'grep -qF "$key" <<<"$out"'
  check "$key in $file: the error names the file" 'grep -qF "$(basename "$file")" <<<"$out"'
  check "$key in $file: the value is never quoted" '! grep -qiF "Robin" <<<"$out"'
}
plant cases/NDSCP-2025-001/referral.yaml incident_date              # a date
plant cases/NDSCP-2025-001/referral.yaml received                   # a London date and time
plant cases/NDSCP-2025-001/referral.yaml looked_after               # true or false
plant cases/NDSCP-2025-001/referral.yaml child_protection_plan      # one of a set
plant cases/NDSCP-2025-001/notification.yaml aware
plant cases/NDSCP-2025-002/publication.yaml reason                  # the delay's reason
plant cases/NDSCP-2025-002/publication.yaml panel_and_sos_told
plant cases/NDSCP-2025-001/actions.yaml due
# A list item: a criterion of the referral form.
fresh
sed -i -E "0,/^(  - )[a-z-]+\$/s//\\1$name/" cases/NDSCP-2025-001/referral.yaml
out=$("$cspr" validate 2>&1)
check "a criterion: the error names the field" 'grep -qF "criteria[" <<<"$out"'
check "a criterion: the value is never quoted" '! grep -qiF "Robin" <<<"$out"'

# A --from form is read the same way.
fresh
# The form: an example referral without its ID, the name where the incident date goes.
grep -v "^id:\|^confirmed_in_writing:" cases/NDSCP-2025-001/referral.yaml |
  sed "s/^  incident_date: .*\$/  incident_date: \"$name\"/" > form.yaml
check "the form holds the name (the test can fail)" 'grep -qF "incident_date: \"$name\"" form.yaml'
out=$("$cspr" --as-of 2025-12-01 refer --from form.yaml 2>&1)
check "a --from form: the error names the field" 'grep -qF "incident_date" <<<"$out"'
check "a --from form: the value is never quoted" '! grep -qiF "Robin" <<<"$out"'

# Values typed on the command line may still be quoted (the user sees what they typed).
out=$("$cspr" --as-of 2025-12-01 notify NDSCP-2025-003 --sent partners=BADDATE 2>&1)
check "a command-line value may still be quoted" 'grep -qF "BADDATE" <<<"$out"'

echo "errors never quote case values: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

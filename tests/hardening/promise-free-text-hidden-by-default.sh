#!/usr/bin/env bash
# Free text (a publication delay's note, a return's summary, a family note, a justification) may name
# people: like names, it never reaches the default output of list, deadlines (every format) or show;
# --show-names is the way in. Paused deadlines give the delay's reason only, e.g. "paused (inquest)".
# Usage: promise-free-text-hidden-by-default.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

# The example's delay note, as the case file holds it ("Inquest listed for February 2026.").
note=$(sed -n 's/^  note: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' cases/NDSCP-2025-002/publication.yaml)
check "the example case NDSCP-2025-002 has a delay note (the test can fail)" '[ -n "$note" ]'
# A note that names someone, as an analyst might write it.
named="Inquest into the death of Casey Sample listed for February 2026"
sed -i "s/^  note: .*\$/  note: \"$named\"/" cases/NDSCP-2025-002/publication.yaml
check "the planted note is in the case file" 'grep -qF "$named" cases/NDSCP-2025-002/publication.yaml'

default_output() {
  for as_of in 2025-11-26 2025-12-01 2026-06-01; do
    "$cspr" --as-of "$as_of" list
    for f in table json csv ics; do
      "$cspr" --as-of "$as_of" deadlines --format "$f"
      "$cspr" --as-of "$as_of" deadlines --all --format "$f"
    done
    "$cspr" --as-of "$as_of" show NDSCP-2025-002
  done
}
output=$(default_output 2>&1)
check "the delay is shown paused, by its reason (the test looks at the right deadline)" 'grep -qF "paused (inquest)" <<<"$output"'
check "the JSON paused field gives the reason only" 'grep -qF "\"paused\": \"inquest\"" <<<"$output"'
check "the delay note never appears in list, deadlines (table, json, csv, ics) or show" '! grep -qiF "listed for February" <<<"$output"'
check "nor the name it holds" '! grep -qiF "Casey" <<<"$output"'
check "show says a note is recorded and hidden" '"$cspr" --as-of 2025-12-01 show NDSCP-2025-002 | grep -c >/dev/null "delay note.*hidden"'
check "show --show-names shows the note" '"$cspr" --as-of 2025-12-01 show NDSCP-2025-002 --show-names | grep -cF >/dev/null "$named"'

echo "free text hidden by default: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Promise (issue 13): `cspr publish-check --report` catches an identifying detail the case records in
# the forms a reader would recognise (a surname's plural, a date of birth as 2-Apr-2019, a postcode
# with a hyphen, the street without its house number, where the child stayed, the carer, a
# practitioner, the school), names the line and the kind of each, and never quotes it.
# Usage: promise-publish-check-catches-recognisable-details.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

# Case 001 (fictional), with a carer and a place the child stayed recorded.
referral=cases/NDSCP-2025-001/referral.yaml
sed -i 's/^  whereabouts: At home$/  whereabouts: "Staying with her grandmother at 7 Larkspur Close, Southtown, ST4 9QZ"/' "$referral"
sed -i 's/^  carer: Mother$/  carer: "Ada Quillfeather"/' "$referral"
check "the case records a carer and a place the child stayed" 'grep -q Larkspur "$referral" && grep -q "Ada Quillfeather" "$referral"'

run() { "$cspr" --as-of 2025-09-15 publish-check NDSCP-2025-001 --publish-on 2025-09-22 --report "$1" 2>&1; }
cp cases/NDSCP-2025-001/reports/pass.md report.md
check "the example report passes today (the test can fail only on the leaks)" 'run report.md > /dev/null'

# One leak a line, appended: KIND|TEXT.
leaks=(
  "child's name|The Examples' home was visited twice."
  "date of birth|Child N was born on 2-Apr-2019."
  "postcode|The family moved to ND1-2AB."
  "address|Police attended Example Row that night."
  "whereabouts|She stayed in Larkspur Close for a month."
  "postcode|Letters went to st4 9qz."
  "carer's name|Ada collected her from school."
  "practitioner's name|Ms Placeholder raised the first concern."
)
first=$(($(wc -l < report.md) + 1))
for leak in "${leaks[@]}"; do printf '\n%s\n' "${leak#*|}" >> report.md; done
output=$(run report.md); status=$?
check "a report with leaks fails publish-check (exit 1)" '[ "$status" -eq 1 ]'
line=$((first - 1))
for leak in "${leaks[@]}"; do
  line=$((line + 2))  # a blank line, then the leak
  kind=${leak%%|*}
  check "line $line: identifying detail: $kind" 'grep -qF "report.md:$line: identifying detail: $kind" <<<"$output"'
done
for secret in Example Examples 2019 Apr ND1 2AB Larkspur ST4 9QZ Ada Quillfeather Placeholder Robin; do
  check "the output never quotes the detail ($secret)" '! grep -qiw -- "$secret" <<<"$output"'
done

echo "publish-check-catches-recognisable-details: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

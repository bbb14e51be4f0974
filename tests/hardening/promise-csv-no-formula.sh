#!/usr/bin/env bash
# A CSV text cell never starts with = + - @, tab or CR, which a spreadsheet would run as a formula:
# such a cell gets a leading '. A number (working_days_left = -5) stays a number.
# Usage: promise-csv-no-formula.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

# Children's names (a cell of their own with --show-names) that a spreadsheet would run.
plant() { sed -i "/^child:/,/^  name:/s/^  name: .*\$/  name: \"$2\"/" "cases/$1/referral.yaml"; }
plant NDSCP-2025-001 '=HYPERLINK(\\"http:\/\/example.invalid\\",\\"x\\")'
plant NDSCP-2025-002 '@SUM(A1:A2)'
plant NDSCP-2025-003 '+1+1'
plant NDSCP-2025-004 '-2+3'
plant NDSCP-2025-005 '\\t=1+1'
check "the formulas are planted (the test can fail)" '[ "$(grep -l "HYPERLINK\|@SUM\|+1+1\|-2+3\|t=1+1" cases/*/referral.yaml | wc -l)" -eq 5 ]'
check "the case folder is still valid" '"$cspr" validate > /dev/null 2>&1'

# cells FILE: every CSV cell of FILE, one a line (Python's csv module, as a spreadsheet reads it).
cells() { python3 -c 'import csv, sys
for row in csv.reader(open(sys.argv[1], newline="", encoding="utf-8")):
    for cell in row: print(cell.replace("\n", " "))' "$1"; }
for names in "" --show-names; do
  label="${names:-default}"
  "$cspr" --as-of 2026-06-01 deadlines --all --format csv $names > out.csv
  check "deadlines csv ($label): no cell starts with = + @, tab or CR" '! cells out.csv | grep -cP >/dev/null "^[=+@\t\r]"'
  check "deadlines csv ($label): a cell that starts with - is a number" '! cells out.csv | grep -P "^-" | grep -cvP >/dev/null "^-[0-9]+$"'
  check "deadlines csv ($label): a negative number of working days stays a number" \
    'python3 -c "import csv,sys; r=list(csv.DictReader(open(\"out.csv\"))); sys.exit(0 if any(x[\"working_days_left\"].startswith(\"-\") and x[\"working_days_left\"][1:].isdigit() for x in r) else 1)"'
done
for planted in "'=HYPERLINK" "'@SUM(A1:A2)" "'+1+1" "'-2+3"; do
  check "the name $planted... is kept, as text" 'cells out.csv | grep -cF >/dev/null -- "$planted"'
done

echo "csv no formula: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

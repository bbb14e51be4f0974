#!/usr/bin/env bash
# One bad file does not blind the nightly check: with one case file cspr cannot read, `deadlines`
# (every format) and `list` still report every other case exactly as before, name the bad file on
# stderr in one line, and exit 2.
# Usage: promise-one-bad-file-does-not-blind.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"
run() { "$cspr" --as-of 2025-12-01 "$@"; }

# What each report says with every file good, less the case about to be broken.
for format in table json csv ics; do run deadlines --format "$format" > "$work/good.$format"; done
run list > "$work/good.list"
without() { grep -v "NDSCP-2025-003" "$1"; }

bad=cases/NDSCP-2025-003/referral.yaml
for breakage in syntax too-big; do
  cp "$source/cases-example/$bad" "$bad"
  case $breakage in
    syntax) printf '  bad: [unclosed\n' >> "$bad" ;;
    too-big) head -c 5000000 /dev/zero | tr '\0' '#' >> "$bad" ;;  # over the size limit: not read
  esac
  for format in table json csv ics; do
    run deadlines --format "$format" > "$work/out" 2> "$work/err"
    code=$?
    check "deadlines $format ($breakage): exit 2" '[ "$code" -eq 2 ]'
    check "deadlines $format ($breakage): the bad file named on stderr" 'grep -q "^cspr: $bad" "$work/err"'
    check "deadlines $format ($breakage): one line for the bad file, one naming the case left out" '[ "$(wc -l < "$work/err")" -eq 2 ]'
    check "deadlines $format ($breakage): the bad case is left out" '! grep -q "NDSCP-2025-003" "$work/out"'
    if [ "$format" = json ]; then  # the summary counts change with the case left out
      check "deadlines json ($breakage): every other deadline" \
        'diff <(without "$work/good.json" | grep "\"case\"") <(grep "\"case\"" "$work/out") > /dev/null'
    else
      check "deadlines $format ($breakage): every other case as before" 'diff <(without "$work/good.$format") "$work/out" > /dev/null'
    fi
  done
  run list > "$work/out" 2> "$work/err"
  code=$?
  check "list ($breakage): exit 2" '[ "$code" -eq 2 ]'
  check "list ($breakage): the bad file named on stderr" 'grep -q "^cspr: $bad" "$work/err"'
  check "list ($breakage): every other case as before" 'diff <(without "$work/good.list") "$work/out" > /dev/null'
done

# Exit 2 outranks 1: there is something overdue among the cases reported, and still the answer is 2.
check "something overdue is reported with the bad file" 'grep -q overdue "$work/out"'

echo "one bad file does not blind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

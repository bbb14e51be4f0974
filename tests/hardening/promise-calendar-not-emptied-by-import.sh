#!/usr/bin/env bash
# An imported bank-holiday feed never empties the calendar unnoticed. `calendar import` refuses a feed
# that would remove bank holidays now in force (announced, or projected from the standing rules),
# listing the dates per year and the open deadlines that would move, unless --replace; it refuses
# years the calendar cannot hold (0001, 9999) outright. Refused means exit 2 and nothing written, in
# the case folder and in the user's data folder alike. Before the fix a feed of two events, 0001-01-01
# and 9999-12-31, made 2025-12-25 a working day for every case folder of the user, silently.
# Usage: promise-calendar-not-emptied-by-import.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
export HOME="$work/home" XDG_DATA_HOME=
mkdir -p "$HOME"
cd "$work/cases"

state() { (cd "$work" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
feed() {  # feed FILE DATE...: an england-and-wales feed of one event per date
  local events="" d
  for d in "${@:2}"; do events+="${events:+, }{\"title\": \"Fictional $d\", \"date\": \"$d\", \"notes\": \"\", \"bunting\": true}"; done
  printf '{"england-and-wales": {"division": "england-and-wales", "events": [%s]}}\n' "$events" > "$work/$1"
}
feed wide.json 0001-01-01 9999-12-31
feed christmas-only.json 2025-12-25
feed future-only.json 2030-12-25
feed gap.json 2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26 2027-12-27

out_of_range="0001-01-01 is outside the england-and-wales calendar's range, 1995 to 2050"
for where in "case folder" "user's data folder"; do
  dir="$work/cases"; [ "$where" = "case folder" ] || dir="$work"
  for file in wide.json christmas-only.json future-only.json gap.json; do
    before=$(state)
    out=$(cd "$dir" && "$cspr" --as-of 2025-12-01 calendar import "$work/$file" 2>&1)
    code=$?
    check "$where, $file: refused with exit 2 (got $code)" '[ "$code" -eq 2 ]'
    check "$where, $file: nothing written" '[ "$(state)" = "$before" ]'
    check "$where, $file: Christmas 2025 is still a bank holiday" '[ "$(cd "$dir" && "$cspr" calendar is-working-day 2025-12-25)" = no ]'
    check "$where, $file: Boxing Day 2025 is still a bank holiday" '[ "$(cd "$dir" && "$cspr" calendar is-working-day 2025-12-26)" = no ]'
    case "$file" in
      wide.json) check "$where, $file: says the year is out of range (got: $out)" '[[ "$out" == *"$out_of_range"* ]]' ;;
      *) check "$where, $file: lists the dates it would remove (got: $out)" '[[ "$out" == *"removes "*"--replace"* ]]' ;;
    esac
  done
done

# The listing: which dates change per year, and which open deadlines of the folder's cases move.
out=$("$cspr" --as-of 2025-12-01 calendar import "$work/christmas-only.json" 2>/dev/null)
check "the 2025 removals are listed by date" '[[ "$out" == *"england-and-wales 2025: removes 2025-01-01, 2025-04-18, 2025-04-21, 2025-05-05, 2025-05-26, 2025-08-25, 2025-12-26"* ]]'
check "the open deadlines that move are listed" '[[ "$out" == *"open deadlines of this case folder that move:"* ]]'
check "no name from a case file in the listing" '! grep -qiF -f <(grep -h "  name:" cases/*/referral.yaml | sed "s/^ *name: *//; s/\"//g" | grep -v "^$") <<< "$out"'

# --replace imports it all the same; the full GOV.UK feed then puts every holiday back.
"$cspr" --as-of 2025-12-01 calendar import --replace "$work/christmas-only.json" > /dev/null 2>&1
check "--replace: imported, and 2025-12-26 is now a working day" '[ "$("$cspr" calendar is-working-day 2025-12-26)" = yes ]'
"$cspr" --as-of 2025-12-01 calendar import "$source/data/bank-holidays.json" > /dev/null 2>&1
code=$?
check "a feed that only adds holidays back needs no --replace (got $code)" '[ "$code" -eq 0 ]'
check "and 2025-12-26 is a bank holiday again" '[ "$("$cspr" calendar is-working-day 2025-12-26)" = no ]'
out=$("$cspr" --as-of 2025-12-01 calendar import "$source/data/bank-holidays.json" 2>&1)
check "importing the same feed again changes nothing (got: $out)" '[[ "$out" == *"no date changes"*"none moves"* ]]'

echo "calendar not emptied by import: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Control bytes from a case file never reach the terminal raw: a double-quoted YAML escape ("\e[2J",
# "\a", "\u009b") decodes to bytes that would clear the screen, retitle the window or ring the bell.
# Text printed from a case file (an agency name, a child's name with --show-names, a delay note) has
# its C0 controls, DEL and C1 controls replaced in tables and CSV, and escaped in JSON.
# Usage: promise-no-raw-control-bytes.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

# ESC ] 0 ; title BEL (retitle), ESC [ 2 J (clear), CSI as the C1 control U+009B, DEL.
escapes='\\e]0;pwned\\a\\e[2J\\u009b31m\\x7f'
sed -i "s/^    owner: Northdale Police\$/    owner: \"Northdale Police$escapes\"/" cases/NDSCP-2025-001/actions.yaml
sed -i "s/^  note: .*\$/  note: \"Inquest listed$escapes\"/" cases/NDSCP-2025-002/publication.yaml
sed -i "0,/^  agency: .*\$/s//  agency: \"Northdale Police$escapes\"/" cases/NDSCP-2025-001/referral.yaml
sed -i "/^child:/,/^  name:/s/^  name: .*\$/  name: \"Sam$escapes\"/" cases/NDSCP-2025-001/referral.yaml
check "the escapes are planted (the test can fail)" '[ "$(grep -c "pwned" cases/NDSCP-2025-00[12]/*.yaml | awk -F: "{s+=\$2} END {print s}")" -ge 4 ]'
check "the case folder is still valid" '"$cspr" validate > /dev/null 2>&1'

# has_raw FILE: the file holds ESC, BEL or the C1 control U+009B (UTF-8 C2 9B).
has_raw() { LC_ALL=C grep -qaP '\x1b|\x07|\xc2\x9b' "$1"; }
for names in "" --show-names; do
  for as_of in 2025-11-26 2025-12-01; do
    run() { "$@" > out 2> err; }
    label="${names:-default} at $as_of"
    run "$cspr" --as-of "$as_of" list
    check "list ($label): no raw control byte" '! has_raw out && ! has_raw err'
    for id in NDSCP-2025-001 NDSCP-2025-002; do
      run "$cspr" --as-of "$as_of" show "$id" $names
      check "show $id ($label): no raw control byte" '! has_raw out && ! has_raw err'
    done
    run "$cspr" --as-of "$as_of" actions NDSCP-2025-001 $names
    check "actions ($label): no raw control byte" '! has_raw out && ! has_raw err'
    for f in table csv json; do
      run "$cspr" --as-of "$as_of" deadlines --all --format "$f" $names
      check "deadlines --format $f ($label): no raw control byte" '! has_raw out && ! has_raw err'
    done
    # ICS is for calendars, not terminals: its own escaping removes C0 controls.
    run "$cspr" --as-of "$as_of" deadlines --all --format ics $names
    check "deadlines --format ics ($label): no ESC or BEL" '! LC_ALL=C grep -qaP "\x1b|\x07" out'
  done
done
# The text around the escapes still shows, so the test looked at the right cells.
check "the agency name still shows in deadlines" 'grep -q "Northdale Police?" <<<"$("$cspr" --as-of 2025-12-01 deadlines --all)"'
check "the child's name still shows with --show-names" '"$cspr" --as-of 2025-12-01 show NDSCP-2025-001 --show-names | grep -c >/dev/null "Sam?"'
check "the note still shows with --show-names" '"$cspr" --as-of 2025-12-01 show NDSCP-2025-002 --show-names | grep -c >/dev/null "Inquest listed?"'

echo "no raw control bytes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Folders stay as private as they were, and as cspr.yaml says (issue 13; hostile findings F8, F17):
# a case folder the team made read-only (chmod 500, a closed case) is refused, not made writable; one
# opened to a group by hand is not narrowed by a write; only a new folder gets cspr.yaml's mode. After
# a git clone or pull (files 0644, folders 0755), validate names every file and folder more open than
# cspr.yaml allows, doctor says what it would tighten, and doctor --fix tightens them. A case folder
# that cannot be read is reported as such, not as a case without a referral.
# Usage: promise-folder-modes-kept-and-checked.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

cp -r "$source/cases-example" "$work/cases" && cd "$work/cases" || exit 2
add() { "$cspr" --as-of 2025-12-01 actions "$1" --add "Agree a protocol" --owner "Northdale Police" --due 2026-06-30 >out 2>err; }

# A closed case: read-only stays read-only (checked on the mode bits, so this holds for root too).
chmod 500 cases/NDSCP-2025-001
before=$(ls -la cases/NDSCP-2025-001 | sha256sum)
add NDSCP-2025-001
code=$?
check "a write into a read-only case folder exits 2" '[ "$code" -eq 2 ]'
check "it says so in one line, with the mode" \
  '[ "$(wc -l <err)" -eq 1 ] && grep -q "^cspr: cases/NDSCP-2025-001: is read-only (mode 500); " err'
check "the folder stays read-only (500)" '[ "$(stat -c %a cases/NDSCP-2025-001)" = 500 ]'
check "nothing in it changed" '[ "$(ls -la cases/NDSCP-2025-001 | sha256sum)" = "$before" ]'
chmod 700 cases/NDSCP-2025-001

# Opened to a group by hand: a write keeps the folder's mode (doctor --fix is the way to tighten).
chmod 750 cases/NDSCP-2025-002
add NDSCP-2025-002
code=$?
check "a write into a folder opened to a group succeeds" '[ "$code" -eq 0 ]'
check "and leaves the folder at 750" '[ "$(stat -c %a cases/NDSCP-2025-002)" = 750 ]'
chmod 700 cases/NDSCP-2025-002

# A new case folder gets cspr.yaml's mode.
"$cspr" --as-of 2025-12-01 refer --received 2025-11-30T10:00 --referrer-name Q --referrer-agency P --referrer-role S \
  --child-name "Sam Fictional" --incident 2025-11-29 --cp-plan never --looked-after no --narrative x >out 2>err
check "refer makes its new case folder 700" '[ "$(stat -c %a cases/NDSCP-2025-010)" = 700 ]'
"$cspr" validate >out 2>err
check "a folder made as cspr makes them validates" '[ $? -eq 0 ]'

# A git clone with the usual umask: 0644 files, 0755 folders.
git init -q . && git add -A && git -c user.name=t -c user.email=t@t commit -qm init
(umask 022 && git clone -q "$work/cases" "$work/clone") && cd "$work/clone" || exit 2
"$cspr" validate >out 2>err
code=$?
check "validate on a fresh clone exits 1" '[ "$code" -eq 1 ]'
check "it names cases/, each case folder and each file with its mode" \
  'grep -qx "cases: mode 755 is more open than cspr.yaml'"'"'s permissions allow (700); '"'"'cspr doctor --fix'"'"' tightens it" out &&
   grep -q "^cases/NDSCP-2025-003: mode 755 is more open" out &&
   grep -q "^cases/NDSCP-2025-003/referral.yaml: mode 644 is more open than cspr.yaml.s permissions allow (600)" out &&
   grep -q "^cases/ids.yaml: mode 644 is more open" out'
expected=$(find cases -perm /077 | wc -l)
check "one line for each of the $expected open paths" '[ "$(grep -c "is more open than" out)" -eq "$expected" ]'
"$cspr" doctor >out 2>err
code=$?
check "doctor without --fix says what it would tighten, exits 1 and changes nothing" \
  '[ "$code" -eq 1 ] && grep -q "^would tighten cases/NDSCP-2025-003/referral.yaml from 644 to 600" out && [ "$(find cases -perm /077 | wc -l)" -eq "$expected" ]'
"$cspr" doctor --fix >out 2>err
code=$?
check "doctor --fix tightens them all" \
  '[ "$code" -eq 0 ] && grep -q "^tightened cases/NDSCP-2025-003/referral.yaml from 644 to 600" out && [ -z "$(find cases -perm /077)" ]'
check "files are 600 and folders 700 after --fix" \
  '[ "$(stat -c %a cases cases/NDSCP-2025-003 cases/NDSCP-2025-003/referral.yaml | tr "\n" " ")" = "700 700 600 " ]'
"$cspr" validate >out 2>err
check "validate passes after doctor --fix" '[ $? -eq 0 ]'

# An unreadable case folder: "cannot read", not "no referral.yaml". Root reads any folder, so as root
# this part runs as nobody on a copy of the clone that nobody owns.
run_as_reader() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
    cp -r "$work/clone" "$work/locked" && chown -R nobody "$work/locked" && chmod 711 "$work"
    cd "$work/locked" || exit 2
    run_as_reader() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$@"; }
  else
    echo "skipped: the unreadable-folder checks (run as root, and setpriv or the user nobody is missing)"
  fi
fi
if [ "$(id -u)" -ne 0 ] || [ "$(pwd)" = "$work/locked" ]; then
  chmod 000 cases/NDSCP-2025-004
  run_as_reader "$cspr" validate >out 2>err
  check "validate reports an unreadable case folder as 'cannot read: Permission denied'" \
    'grep -qx "cases/NDSCP-2025-004: cannot read: Permission denied" out && ! grep -q "no referral.yaml" out'
  run_as_reader "$cspr" doctor >out 2>err
  code=$?
  check "doctor reports it the same way, exits 1 and removes nothing" \
    '[ "$code" -eq 1 ] && grep -qx "kept cases/NDSCP-2025-004: cannot read: Permission denied; look at it" out && ! grep -q "no referral.yaml" out'
  chmod 700 cases/NDSCP-2025-004
fi

echo "folder modes kept and checked: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

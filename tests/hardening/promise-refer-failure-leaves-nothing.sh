#!/usr/bin/env bash
# A referral that cannot be written (the disk fills, a file grows past what the system allows) exits 2
# having changed nothing: cases/ids.yaml is as it was, no case folder and no temporary file is left,
# validate still passes, and the next referral gets the number the failed one would have had.
# The failure is made deterministic with RLIMIT_FSIZE (ulimit -f, SIGXFSZ ignored so that write()
# fails with EFBIG): ids.yaml is a few hundred bytes and fits, the referral's long narrative does not.
# init --commit whose commit fails likewise leaves nothing it wrote or staged.
# Usage: promise-refer-failure-leaves-nothing.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

# Every file and folder of the case folder with its digest.
state() { find . -print0 | sort -z | xargs -0 -I{} sh -c 'if [ -f "{}" ]; then sha256sum "{}"; else echo "{}"; fi'; }
narrative=$(printf 'A fictional incident, described at length. %.0s' $(seq 1 100))
referral=(--as-of 2025-12-01 refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer" --referrer-agency "Northdale Police"
          --referrer-role Sergeant --child-name "Quinn Example" --incident 2025-11-30 --cp-plan never --looked-after no
          --narrative "$narrative")

# (a) The referral's write fails after the ID is allocated (EFBIG, as ENOSPC on a full disk).
before=$(state)
message=$( (trap '' XFSZ; ulimit -f 1; exec "$cspr" "${referral[@]}") 2>&1 )
code=$?
check "referral too large to write: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "referral too large to write: one line (got: $message)" '[ "$(printf "%s\n" "$message" | wc -l)" -eq 1 ]'
check "referral too large to write: ids.yaml as it was, no case folder, no temporary file" '[ "$(state)" = "$before" ]'
check "referral too large to write: validate passes" '"$cspr" validate > /dev/null 2>&1'

# (b) cases/ made read-only by the team: refused before anything is written (root included).
chmod 500 cases
before=$(state)
"$cspr" "${referral[@]}" > /dev/null 2>&1
code=$?
chmod 700 cases
check "read-only cases/: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "read-only cases/: nothing changed" '[ "$(state)" = "$before" ]'

# (c) Then a referral that can be written takes the number the failed ones did not use.
out=$("$cspr" "${referral[@]}" 2>&1)
code=$?
check "the next referral succeeds (got $code: $out)" '[ "$code" -eq 0 ]'
check "the next referral is NDSCP-2025-010 (got: $out)" '[[ "$out" == "NDSCP-2025-010: referral recorded"* ]]'
check "ids.yaml says 10" 'grep -q "\"2025\": 10" cases/ids.yaml'
check "validate passes at the end" '"$cspr" validate > /dev/null 2>&1'

# (d) init --commit whose commit fails (a hook refuses it; first-use finding 44): the files it wrote,
# and what it staged, are gone; with --no-git outside a repository it is refused before writing.
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
mkdir -p "$HOME" "$work/repo"
identity=(env GIT_AUTHOR_NAME="Quinn Example" GIT_AUTHOR_EMAIL=quinn@example.org
          GIT_COMMITTER_NAME="Quinn Example" GIT_COMMITTER_EMAIL=quinn@example.org)
cd "$work/repo" && git init -q . && printf '#!/bin/sh\nexit 1\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
"${identity[@]}" "$cspr" init sub --partnership "Testshire SCP" --code TEST --local-authority "Testshire Council" --commit > /dev/null 2>&1
code=$?
check "init --commit refused by a hook: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "init --commit refused by a hook: no folder left" '[ ! -e sub ]'
check "init --commit refused by a hook: nothing staged" '[ -z "$(git status --porcelain)" ]'
mkdir "$work/plain" && cd "$work/plain"
"${identity[@]}" "$cspr" init . --partnership "Testshire SCP" --code TEST --local-authority "Testshire Council" --no-git --commit > /dev/null 2>&1
code=$?
check "init --no-git --commit outside a repository: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "init --no-git --commit outside a repository: nothing written" '[ -z "$(ls -A)" ]'

echo "refer-failure-leaves-nothing: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

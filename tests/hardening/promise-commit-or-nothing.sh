#!/usr/bin/env bash
# --commit commits, or changes nothing: a command that cannot commit (no git identity, git's index
# locked past the wait, a commit refused by a hook) exits 2 with every file as it was and nothing
# staged; a held .git/index.lock that goes within the wait is waited for; writers of different cases
# committing at once all succeed, one commit each (cspr's repository lock), and leave git clean.
# Usage: promise-commit-or-nothing.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL EMAIL GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" NO_COLOR=1
mkdir -p "$HOME"
identity=(env GIT_AUTHOR_NAME="Quinn Example" GIT_AUTHOR_EMAIL=quinn@example.org
          GIT_COMMITTER_NAME="Quinn Example" GIT_COMMITTER_EMAIL=quinn@example.org)
"${identity[@]}" git init -q . && git add -A && "${identity[@]}" git commit -qm base

# Every file of the work tree (not .git) with its digest, HEAD, and what is staged.
state() { find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha256sum; git rev-parse HEAD; git diff --cached --name-only; }
commits() { git rev-list --count HEAD; }
add() {  # add CASE TITLE [env...]: an action added with --commit
  local id=$1 title=$2; shift 2
  "$@" "$cspr" --as-of 2025-12-01 actions "$id" --add "$title" --owner "Northdale Police" --due 2026-06-30 --commit
}
referral=(--as-of 2025-12-01 refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer" --referrer-agency "Northdale Police"
          --referrer-role Sergeant --child-name "Quinn Example" --incident 2025-11-30 --cp-plan never --looked-after no
          --narrative "Fictional." --commit)

# (a) No git identity: refused before anything is written. user.useConfigOnly stops git from making
# one up from the host name, whatever the machine.
git config user.useConfigOnly true
before=$(state)
message=$(add NDSCP-2025-001 "No identity" 2>&1)
code=$?
check "no identity: actions --commit exits 2 (got $code)" '[ "$code" -eq 2 ]'
check "no identity: the message says why (got: $message)" '[[ "$message" == *"git does not know who you are"* ]]'
check "no identity: nothing changed" '[ "$(state)" = "$before" ]'
"$cspr" "${referral[@]}" > /dev/null 2>&1
code=$?
check "no identity: refer --commit exits 2 (got $code)" '[ "$code" -eq 2 ]'
check "no identity: refer changed nothing" '[ "$(state)" = "$before" ]'
git config --unset user.useConfigOnly

# (b) git's index.lock: waited for while it goes within the wait; past the wait, exit 2, nothing changed.
touch .git/index.lock
(sleep 1; rm -f .git/index.lock) &
remover=$!
count=$(commits)
add NDSCP-2025-002 "After the index lock" "${identity[@]}" CSPR_LOCK_WAIT=5 > /dev/null 2>&1
code=$?
wait "$remover"
check "index.lock gone after 1 s: the writer waits and succeeds (got $code)" '[ "$code" -eq 0 ]'
check "index.lock gone after 1 s: one commit" '[ "$(commits)" -eq $((count + 1)) ]'
check "index.lock gone after 1 s: git is clean" '[ -z "$(git status --porcelain)" ]'
touch .git/index.lock
before=$(state)
message=$(add NDSCP-2025-002 "Past the index lock" "${identity[@]}" CSPR_LOCK_WAIT=0.5 2>&1)
code=$?
check "index.lock held past the wait: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "index.lock held past the wait: the message names it (got: $message)" '[[ "$message" == *"index.lock"*"waited 0.5 s"* ]]'
check "index.lock held past the wait: nothing changed" '[ "$(state)" = "$before" ]'
rm -f .git/index.lock

# (c) The commit itself fails after the write (a hook refuses it): the files are put back, unstaged.
printf '#!/bin/sh\nexit 1\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
before=$(state)
add NDSCP-2025-003 "Refused by a hook" "${identity[@]}" > /dev/null 2>&1
code=$?
check "commit refused by a hook: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "commit refused by a hook: actions.yaml put back, nothing staged" '[ "$(state)" = "$before" ]'
"${identity[@]}" "$cspr" "${referral[@]}" > /dev/null 2>&1
code=$?
check "refer refused by a hook: exit 2 (got $code)" '[ "$code" -eq 2 ]'
check "refer refused by a hook: ids.yaml put back, no new case folder, nothing staged" '[ "$(state)" = "$before" ] && [ ! -e cases/NDSCP-2025-010 ]'
check "refer refused by a hook: git is clean" '[ -z "$(git status --porcelain)" ]'
rm .git/hooks/pre-commit

# (d) Writers of different cases committing at once: every one succeeds, one commit each.
writers=6 rounds=15 failures=0
count=$(commits)
for round in $(seq 1 "$rounds"); do
  pids=()
  for k in $(seq 1 "$writers"); do
    add "NDSCP-2025-00$k" "Parallel $k round $round" "${identity[@]}" > "$work/w-$round-$k.out" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failures=$((failures + 1)); done
done
made=$(( $(commits) - count ))
echo "parallel --commit: $writers writers x $rounds rounds = $((writers * rounds)) writes, $made commits, $failures failures"
[ "$failures" -eq 0 ] || cat "$work"/w-*.out | grep -v '^committed:' | sort | uniq -c | head -5
check "parallel writers: none failed ($failures failed)" '[ "$failures" -eq 0 ]'
check "parallel writers: one commit per write ($made commits)" '[ "$made" -eq $((writers * rounds)) ]'
check "parallel writers: git is clean" '[ -z "$(git status --porcelain)" ]'
landed=$(cat cases/NDSCP-2025-00[1-6]/actions.yaml | grep -c "Parallel [1-6] round")
check "parallel writers: every action is in its file once ($landed)" '[ "$landed" -eq $((writers * rounds)) ]'
check "every file still validates" '"$cspr" validate > /dev/null 2>&1'

echo "commit-or-nothing: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# cspr never leaves a core dump (issue 13; hostile finding F10): a dump holds what cspr had read, a
# child's name among it, and with core_pattern "core" it lands in the case folder, where `git add -A`
# would commit it. cspr turns dumps off for itself at start. A `refer` waiting for the lock gets
# SIGQUIT (Ctrl-\) with `ulimit -c unlimited`: no core file, and its limit and dumpable flag say so.
# Usage: promise-no-core-dumps.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

cp -r "$source/cases-example" "$work/cases" && cd "$work/cases" || exit 2
ulimit -c unlimited 2>/dev/null || echo "note: ulimit -c unlimited refused; the limit checks still run"
pattern=$(cat /proc/sys/kernel/core_pattern 2>/dev/null)

# A non-interactive shell starts background commands with SIGQUIT ignored; job control does not.
set -m
flock cases sleep 4 &
holder=$!
sleep 0.3
CSPR_LOCK_WAIT=10 "$cspr" --as-of 2025-12-01 refer --received 2025-11-30T10:00 --referrer-name Q --referrer-agency P \
  --referrer-role S --child-name "Quinn Coredump" --incident 2025-11-29 --cp-plan never --looked-after no --narrative x \
  >/dev/null 2>&1 &
pid=$!
set +m
sleep 0.7
limit=$(awk '/^Max core file size/ {print $5}' "/proc/$pid/limits" 2>/dev/null)
# A process that is not dumpable has its /proc entry owned by root: a check that means something
# only when not run as root.
owner=$(stat -c %u "/proc/$pid" 2>/dev/null)
kill -QUIT "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

check "cspr's core file size limit is 0 (was: $limit)" '[ "$limit" = 0 ]'
if [ "$(id -u)" -ne 0 ]; then
  check "cspr is not dumpable (its /proc entry belongs to root)" '[ "$owner" = 0 ]'
fi
case $pattern in
  \|*) echo "note: core_pattern pipes to a program ($pattern): no file to look for; the limit and the flag are the checks" ;;
  *)
    found=$(find "$work" -name 'core*' -type f 2>/dev/null)
    check "no core file was written (core_pattern: $pattern)" '[ -z "$found" ]'
    ;;
esac
check "no child's name in any file left in the case folder" '! grep -rlaq "Quinn Coredump" "$work/cases"'

echo "no core dumps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

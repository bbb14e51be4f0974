#!/usr/bin/env bash
# Crash safety: cspr is killed (SIGKILL, through the CSPR_TEST_CRASH_AT test seam) at every step of
# its writes in turn — after creating the temporary file, half-way through writing it, after
# writing, after fsync, after the rename, after syncing the folder. After each crash every file is
# its old or its new version; validate names anything left behind; doctor cleans it; validate passes.
# Usage: crash.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

refer=(--as-of 2025-12-01 refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer"
       --referrer-agency "Northdale Police" --referrer-role Sergeant --child-name "Quinn Example"
       --incident 2025-11-30 --cp-plan never --looked-after no --narrative "Fictional.")
actions=(--as-of 2025-12-01 actions NDSCP-2025-001 --update R3 --status done --completed 2025-11-28 --evidence "Fictional audit.")

for scenario in refer actions; do
  declare -n command=$scenario
  # The version each file has after an uninterrupted run.
  cp -r "$source/cases-example" "$work/after"
  (cd "$work/after" && "$cspr" "${command[@]}" > /dev/null 2>&1)
  for step in $(seq 1 16); do
    rm -rf "$work/run" && cp -r "$source/cases-example" "$work/run"
    { (cd "$work/run" && CSPR_TEST_CRASH_AT=$step exec "$cspr" "${command[@]}" > /dev/null 2>&1); } 2>/dev/null
    code=$?
    # Every file is its old version (cases-example) or its new one (after), or a leftover temporary file.
    bad=""
    while IFS= read -r file; do
      rel=${file#"$work/run/"}
      case $(basename "$rel") in .*.tmp-??????) continue ;; esac
      cmp -s "$file" "$source/cases-example/$rel" 2>/dev/null || cmp -s "$file" "$work/after/$rel" 2>/dev/null || bad="$bad $rel"
    done < <(find "$work/run" -type f)
    check "$scenario, crash at step $step (exit $code): every file is old or new" '[ -z "$bad" ]'
    (cd "$work/run" && "$cspr" doctor > /dev/null 2>&1)
    check "$scenario, crash at step $step: after doctor, validate passes" '(cd "$work/run" && "$cspr" validate > /dev/null 2>&1)'
    check "$scenario, crash at step $step: no temporary file is left" '[ -z "$(find "$work/run" -name ".*.tmp-*")" ]'
    [ "$code" -eq 0 ] && break  # past the last write step: the command ran to its end
  done
  rm -rf "$work/after"
done

echo "crash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

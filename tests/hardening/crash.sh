#!/usr/bin/env bash
# Crash safety: cspr is killed (SIGKILL, through the CSPR_TEST_CRASH_AT test seam) at every step of
# its writes in turn — after creating the temporary file, half-way through writing it, after
# writing, after fsync, after the rename, after syncing the folder. After each crash every file is
# its old or its new version; validate names anything left behind; doctor cleans it; validate passes.
# Usage: crash.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

# One run of every command that writes, each filling facts not yet recorded in the example folder.
refer=(--as-of 2025-12-01 refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer"
       --referrer-agency "Northdale Police" --referrer-role Sergeant --child-name "Quinn Example"
       --incident 2025-11-30 --cp-plan never --looked-after no --narrative "Fictional.")
confirm=(--as-of 2025-12-01 refer NDSCP-2025-007 --confirmed 2025-11-25T09:00)
notify=(--as-of 2025-12-01 notify NDSCP-2025-007 --aware 2025-11-24 --abuse known --harm seriously-harmed
        --where in-area --looked-after no)
rapid_review=(--as-of 2025-12-01 rapid-review NDSCP-2025-003 --requested "Northdale Police=2025-12-01")
decide=(--as-of 2025-12-01 decide NDSCP-2025-004 --amend --reason "Date corrected" --family-told 2025-09-16)
publish_check=(--as-of 2025-12-01 publish-check NDSCP-2025-002 --plan --publish-on 2026-03-02)
actions=(--as-of 2025-12-01 actions NDSCP-2025-001 --update R3 --status done --completed 2025-11-28 --evidence "Fictional audit.")
actions_add=(--as-of 2025-12-01 actions NDSCP-2025-001 --add "Audit escalation" --owner "Northdale Police" --due 2026-06-30)
calendar_import=(calendar import "$source/data/bank-holidays.json")
init=(init new --partnership "Testshire Safeguarding Children Partnership" --code TEST
      --local-authority "Testshire Council" --no-git)
scenarios="refer confirm notify rapid_review decide publish_check actions actions_add calendar_import init"

# Figures for docs/security.md: how many write steps each command has, all of them crashed at.
declare -A steps
for scenario in $scenarios; do
  declare -n command=$scenario
  # The version each file has after an uninterrupted run.
  cp -r "$source/cases-example" "$work/after"
  (cd "$work/after" && "$cspr" "${command[@]}" > /dev/null 2>&1)
  for step in $(seq 1 400); do  # more than any command has; the run stops at the first uninterrupted one
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
    # A half-made new folder is finished by running init again; any other folder is tidied by doctor.
    folder=$work/run
    if [ "$scenario" = init ]; then
      folder=$work/run/new
      # init writes cspr.yaml last: without it the folder is unfinished and init again finishes it;
      # with it the folder is complete and init again says so.
      if [ -e "$folder/cspr.yaml" ]; then
        check "init, crash at step $step: init again says the folder is complete" \
          'grep -q "already a case folder" <(cd "$work/run" && "$cspr" "${command[@]}" 2>&1)'
      else
        check "init, crash at step $step: init again completes the folder" '(cd "$work/run" && "$cspr" "${command[@]}" > /dev/null 2>&1)'
      fi
    fi
    (cd "$folder" && "$cspr" doctor > /dev/null 2>&1)
    check "$scenario, crash at step $step: after doctor, validate passes" '(cd "$folder" && "$cspr" validate > /dev/null 2>&1)'
    check "$scenario, crash at step $step: no temporary file is left" '[ -z "$(find "$work/run" -name ".*.tmp-*")" ]'
    steps[$scenario]=$step
    [ "$code" -eq 0 ] && break  # past the last write step: the command ran to its end
  done
  check "$scenario: the uninterrupted run succeeded" '[ "$code" -eq 0 ]'
  rm -rf "$work/after"
done

for scenario in $scenarios; do echo "$scenario: crashed at each of $((steps[$scenario] - 1)) write steps"; done
echo "crash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# A recorded fact is never overwritten without a trace (issue 13; hostile finding F3): each of F3's
# four commands that changes a date already in rapid-review.yaml or publication.yaml is refused
# with exit 2, the file byte for byte as it was; with --amend --reason it succeeds, and the earlier
# value is kept in the file's `amendments` (the reason never reaches the output).
# Usage: promise-recorded-facts-need-amend.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

case=cases/NDSCP-2025-001
reason="Corrected from the partnership's sent-mail log"

# NAME FILE FIELD OLD NEW, then the command's arguments after the case ID.
try() {
  local name=$1 file=$case/$2 field=$3 old=$4 new=$5
  shift 5
  rm -rf "$work/cases" && cp -r "$source/cases-example" "$work/cases" && cd "$work/cases"
  local before
  before=$(sha256sum "$file")
  "$cspr" --as-of 2025-12-01 "$1" NDSCP-2025-001 "${@:2}" >out 2>err
  local code=$?
  check "$name: refused with exit 2" '[ "$code" -eq 2 ]'
  check "$name: the file is byte for byte as it was" '[ "$(sha256sum "$file")" = "$before" ]'
  check "$name: one line naming $field and --amend --reason" \
    '[ "$(wc -l <err)" -eq 1 ] && grep -q "changing .*$field.* takes --amend --reason TEXT" err'
  check "$name: the error quotes neither value" '! grep -q -e "$old" -e "$new" err'

  "$cspr" --as-of 2025-12-01 "$1" NDSCP-2025-001 "${@:2}" --amend --reason "$reason" >out 2>err
  code=$?
  check "$name --amend: succeeds" '[ "$code" -eq 0 ]'
  check "$name --amend: the new value is recorded" 'grep -q "\"$new\"" "$file"'
  check "$name --amend: the earlier value is kept under amendments" \
    'sed -n "/^amendments:/,\$p" "$file" | grep "$old" >/dev/null && sed -n "/^amendments:/,\$p" "$file" | grep "reason: $reason" >/dev/null'
  check "$name --amend: the reason is not in the output" '! grep -q "sent-mail" out err'
  check "$name --amend: the file still validates" '"$cspr" --as-of 2025-12-01 validate NDSCP-2025-001 >/dev/null 2>&1'
}

try "rapid-review --sent" rapid-review.yaml sent_to_panel 2025-03-26 2025-03-27 rapid-review --sent 2025-03-27
try "rapid-review --meeting" rapid-review.yaml meeting 2025-03-24 2025-03-25 rapid-review --meeting 2025-03-25
try "publish-check --published" publication.yaml published 2025-09-22 2025-09-26 publish-check --published 2025-09-26
try "publish-check --copy-sent" publication.yaml copies.panel 2025-09-10 2025-09-01 publish-check --copy-sent panel=2025-09-01

echo "recorded facts need --amend: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

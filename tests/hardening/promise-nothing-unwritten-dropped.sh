#!/usr/bin/env bash
# Nothing cspr did not write is ever dropped (issue 13; hostile findings F2, F4, F22): a second YAML
# document, a comment after a byte-order mark, a tag or a merge key in a case file is either kept or
# the rewrite is refused, saying why, with exit 2 and the file byte for byte as it was.
# Usage: promise-nothing-unwritten-dropped.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

actions=cases/NDSCP-2025-001/actions.yaml
update() { "$cspr" --as-of 2025-12-01 actions NDSCP-2025-001 --update R3 --evidence "Plan agreed" >out 2>err; }

# Each planted text, then: the update refuses (exit 2), the file is unchanged, and the planted text
# is still there; the error names the file and a line.
plant() {  # NAME, then a command that changes the fresh copy's actions.yaml
  rm -rf "$work/cases" && cp -r "$source/cases-example" "$work/cases" && cd "$work/cases"
  eval "$2"
  local before
  before=$(sha256sum "$actions")
  update
  local code=$?
  check "$1: the rewrite is refused with exit 2" '[ "$code" -eq 2 ]'
  check "$1: the file is byte for byte as it was" '[ "$(sha256sum "$actions")" = "$before" ]'
  check "$1: the error is one line naming the file and line" \
    '[ "$(wc -l <err)" -eq 1 ] && grep -q "^cspr: cases/NDSCP-2025-001/actions.yaml:[0-9]*: " err'
}

plant "a second document" "printf -- '---\nnote: a second document\n' >> $actions"
"$cspr" validate NDSCP-2025-001 >vout 2>&1
check "a second document: validate reports it with its line" 'grep -q "actions.yaml:[0-9]*: .*second YAML document" vout'
plant "a comment after a byte-order mark" \
  "{ printf '\xef\xbb\xbf# Keep R2 open until the interview\n'; tail -n +2 $actions; } > a && mv a $actions"
plant "a tag" "sed -i 's/^    evidence: \(.*\)$/    evidence: !!str \1/' $actions && grep -q '!!str' $actions"
plant "a merge key" "printf 'defaults: &d {owner: Northdale Council}\nmerged:\n  <<: *d\n' >> $actions"

echo "nothing unwritten dropped: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

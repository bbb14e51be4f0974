#!/bin/sh
# A stand-in for $EDITOR in the golden tests of --edit (cmd-refer-edit.test): prints the problems
# cspr wrote at the top of the form (what the user would see), then replaces the form with the next
# file of $FAKE_EDITS (space-separated), one per opening; with none left, saves nothing.
form=$1
grep '^# cspr: ' "$form" | sed 's/^/editor shows: /'
count=.fake-editor-count
n=$(( $(cat "$count" 2>/dev/null || echo 0) + 1 ))
echo "$n" >"$count"
set -- $FAKE_EDITS
[ "$n" -le "$#" ] || exit 0
eval next=\${$n}
cp "$next" "$form"

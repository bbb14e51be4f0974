#!/usr/bin/env bash
# Proves that tests/schema/validate.sh can fail: for each folder in fixtures/bad/, copies the good
# fixture case folder, lays the bad file(s) over it, runs validate.sh and asserts that it exits 1,
# that the bad file is the only one that failed, and that its error contains the folder's EXPECT
# line. Also asserts that the good folder passes and that usage errors exit 2.
#
#   tests/schema/validate-bad.sh            all of fixtures/bad/
#   tests/schema/validate-bad.sh NAME...    only those folders of fixtures/bad/
#
# Ends with `schema-bad: N passed, M failed`; exit 1 if any assertion failed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
validate=$here/validate.sh
good=$here/fixtures/good
bad=$here/fixtures/bad

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cspr-schema-bad.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
pass() { echo "pass $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; shift; printf '    %s\n' "$@"; failed=$((failed + 1)); }

# Usage errors exit 2.
expect_usage() { # description, arguments...
    local what=$1; shift
    "$validate" "$@" >/dev/null 2>&1; local rc=$?
    if [[ $rc -eq 2 ]]; then pass "usage: $what exits 2"; else fail "usage: $what exits 2" "exit $rc"; fi
}
expect_usage "no argument"
expect_usage "missing folder" "$tmp/no-such-folder"
mkdir -p "$tmp/empty"
expect_usage "folder without cspr.yaml" "$tmp/empty"

# The good folder passes (this also installs the node modules before the loop, if need be).
out=$("$validate" "$good" 2>&1); rc=$?
if [[ $rc -eq 0 ]]; then pass "good: fixtures/good passes"; else fail "good: fixtures/good passes" "exit $rc" "$out"; fi

if [[ $# -gt 0 ]]; then names=("$@"); else mapfile -t names < <(find "$bad" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort); fi
for name in "${names[@]}"; do
    src=$bad/$name
    if [[ ! -f $src/EXPECT ]]; then fail "$name" "no $src/EXPECT"; continue; fi
    expect=$(head -n 1 "$src/EXPECT")
    mapfile -t rels < <(cd "$src" && find . -type f ! -name EXPECT | sed 's|^\./||' | LC_ALL=C sort)
    if [[ ${#rels[@]} -ne 1 ]]; then fail "$name" "expected exactly one bad file, found ${#rels[@]}"; continue; fi
    rel=${rels[0]}
    case_dir=$tmp/$name
    cp -R "$good" "$case_dir"
    mkdir -p "$case_dir/$(dirname "$rel")"
    cp "$src/$rel" "$case_dir/$rel"

    out=$("$validate" "$case_dir" 2>&1); rc=$?
    fail_lines=$(grep '^FAIL ' <<<"$out")
    n_fail=$(grep -c '^FAIL ' <<<"$out")
    if [[ $rc -ne 1 ]]; then
        fail "$name" "validate.sh exited $rc, expected 1" "$out"
    elif [[ $n_fail -ne 1 ]]; then
        fail "$name" "expected exactly one failed file, got $n_fail" "$out"
    elif [[ $fail_lines != "FAIL $case_dir/$rel: "* ]]; then
        fail "$name" "expected $rel to fail, got:" "$fail_lines"
    elif [[ $fail_lines != *"$expect"* ]]; then
        fail "$name" "error does not contain: $expect" "$fail_lines"
    elif ! tail -n 1 <<<"$out" | grep -Eq '^schema: [0-9]+ files, 1 failed$'; then
        fail "$name" "bad summary line" "$(tail -n 1 <<<"$out")"
    else
        pass "$name: ${fail_lines#"FAIL $case_dir/"}"
    fi
    rm -rf "$case_dir"
done

echo "schema-bad: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# Proves that tests/schema/validate.sh can fail: for each folder in fixtures/bad/, copies the good
# fixture case folder, lays the bad file over it (fixtures.sh), runs validate.sh once over all the
# copies and asserts, for each, that it fails, that the bad file is the only one that failed, and
# that its error contains the folder's EXPECT line. Also asserts that the good folder passes, that
# the run over all the bad copies exits 1, and that usage errors exit 2.
#
#   tests/schema/validate-bad.sh            all of fixtures/bad/
#   tests/schema/validate-bad.sh NAME...    only those folders of fixtures/bad/
#
# Ends with `schema-bad: N passed, M failed`; exit 1 if any assertion failed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
validate=$here/validate.sh
source "$here/fixtures.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cspr-schema-bad.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
pass() { echo "pass $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; shift; printf '    %s\n' "$@"; failed=$((failed + 1)); }

# Usage errors exit 2, also when only one of several folders is wrong.
expect_usage() { # description, arguments...
    local what=$1; shift
    "$validate" "$@" >/dev/null 2>&1; local rc=$?
    if [[ $rc -eq 2 ]]; then pass "usage: $what exits 2"; else fail "usage: $what exits 2" "exit $rc"; fi
}
expect_usage "no argument"
expect_usage "missing folder" "$tmp/no-such-folder"
mkdir -p "$tmp/empty"
expect_usage "folder without cspr.yaml" "$tmp/empty"
expect_usage "folder without cspr.yaml after a good one" "$good" "$tmp/empty"

# The good folder passes (this also installs the node modules before the run, if need be).
out=$("$validate" "$good" 2>&1); rc=$?
if [[ $rc -eq 0 ]]; then pass "good: fixtures/good passes"; else fail "good: fixtures/good passes" "exit $rc" "$out"; fi

# Lay every fixture first, then one validate.sh run over them all.
fixture_names "$@"
declare -A expect laid rels
case_dirs=()
for name in "${names[@]}"; do
    if [[ ! -f $bad/$name/EXPECT ]]; then laid[$name]="no $bad/$name/EXPECT"; continue; fi
    expect[$name]=$(head -n 1 "$bad/$name/EXPECT")
    if ! lay_fixture "$name" "$tmp/$name"; then laid[$name]=$why; continue; fi
    laid[$name]=ok rels[$name]=$rel
    case_dirs+=("$tmp/$name")
done
if [[ ${#case_dirs[@]} -gt 0 ]]; then
    validate_all "${case_dirs[@]}"; rc=$?
    if [[ $rc -eq 1 ]]; then pass "all: one run over every bad copy exits 1"
    else fail "all: one run over every bad copy exits 1" "exit $rc"; fi
fi

for name in "${names[@]}"; do
    if [[ ${laid[$name]} != ok ]]; then fail "$name" "${laid[$name]}"; continue; fi
    case_dir=$tmp/$name rel=${rels[$name]}
    out=${ajv_out[$case_dir]} rc=${ajv_rc[$case_dir]}
    fail_lines=$(grep '^FAIL ' <<<"$out")
    n_fail=$(grep -c '^FAIL ' <<<"$out")
    if [[ $rc -ne 1 ]]; then
        fail "$name" "validate.sh gave it $rc, expected 1" "$out"
    elif [[ $n_fail -ne 1 ]]; then
        fail "$name" "expected exactly one failed file, got $n_fail" "$out"
    elif [[ $fail_lines != "FAIL $case_dir/$rel: "* ]]; then
        fail "$name" "expected $rel to fail, got:" "$fail_lines"
    elif [[ $fail_lines != *"${expect[$name]}"* ]]; then
        fail "$name" "error does not contain: ${expect[$name]}" "$fail_lines"
    elif ! tail -n 1 <<<"$out" | grep -Eq '^schema: [0-9]+ files, 1 failed$'; then
        fail "$name" "bad summary line" "$(tail -n 1 <<<"$out")"
    else
        pass "$name: ${fail_lines#"FAIL $case_dir/"}"
    fi
done

echo "schema-bad: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

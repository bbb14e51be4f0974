#!/usr/bin/env bash
# ajv (tests/schema/validate.sh, against schemas/) and `cspr validate` give the same verdict on every
# fixture: the good folder passes ajv and breaks in cspr only the cross-file rules a schema cannot
# state, and each bad fixture (fixtures/bad/NAME, laid over a copy of the good folder by
# fixtures.sh, as for validate-bad.sh) fails ajv and gives cspr a new problem in that file. A
# fixture only one of them refuses means the schemas and cspr's reader disagree, which the field
# tables exist to prevent.
#
#   tests/schema/agree.sh CSPR [NAME...]
set -uo pipefail
cspr=$1; shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/fixtures.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cspr-agree.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
agree() { echo "agree $1"; passed=$((passed + 1)); }
disagree() { echo "DISAGREE $1"; shift; printf '    %s\n' "$@"; failed=$((failed + 1)); }

# cspr validate's problems, as "FILE: field: message" (the folder and line numbers left out: a bad
# file's lines shift). The copies are made private first, as cspr makes its files: a mode is not a
# schema matter.
problems() { # folder
    chmod -R go-rwx "$1"
    "$cspr" --cases "$1" --as-of 2030-01-01 validate 2>&1 | grep -v '^validate: \|^note: ' |
        sed -e "s|^$1/||" -e 's|^\([^:]*\):[0-9]*: |\1: |' | LC_ALL=C sort -u
}

# Lay every fixture first, then one validate.sh (ajv) run over the good folder and all of them.
# no-schema tests the harness (a file validate.sh has no schema for), not a verdict to agree on:
# cspr keeps a file it does not know, as it keeps unknown keys.
fixture_names "$@"
cp -R "$good" "$tmp/good"
declare -A laid unlaid
case_dirs=("$tmp/good")
for name in "${names[@]}"; do
    [[ $name == no-schema ]] && continue
    if lay_fixture "$name" "$tmp/$name"; then laid[$name]=$rel; case_dirs+=("$tmp/$name"); else unlaid[$name]=$why; fi
done
validate_all "${case_dirs[@]}"

# The good folder passes ajv, and cspr finds in it only the cross-file rules no schema can state
# (fixtures/good-cross-file.txt).
good_problems=$(problems "$tmp/good")
if [[ ${ajv_rc[$tmp/good]} -ne 0 ]]; then
    disagree good "ajv refuses fixtures/good"
elif [[ $good_problems != "$(cat "$here/fixtures/good-cross-file.txt")" ]]; then
    disagree good "cspr validate finds other problems than fixtures/good-cross-file.txt:" "$good_problems"
else
    agree "good (ajv passes; cspr finds only the cross-file rules)"
fi

# Each bad fixture fails ajv (exit 1; 2 would be a broken run, no verdict), and cspr reports a
# problem in the same file that the good folder has not.
for name in "${names[@]}"; do
    [[ $name == no-schema ]] && continue
    if [[ -z ${laid[$name]:-} ]]; then disagree "$name" "${unlaid[$name]}"; continue; fi
    case_dir=$tmp/$name rel=${laid[$name]} ajv=${ajv_rc[$tmp/$name]}
    new=$(comm -13 <(echo "$good_problems") <(problems "$case_dir") | grep -F "$rel" || true)
    if [[ $ajv -eq 1 && -n $new ]]; then
        agree "$name (cspr: ${new%%$'\n'*})"
    else
        disagree "$name" "ajv exit $ajv; cspr's new problems in $rel: ${new:-none}"
    fi
    rm -rf "$case_dir"
done
echo "agree: $passed agreed, $failed disagreed"
[[ $failed -eq 0 ]]

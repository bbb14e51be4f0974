# Sourced first by the scripts that check cspr's JSON against schemas/ (tests/json/check-outputs.sh,
# tests/list/check-json.sh, tests/deadlines/check-json.sh): the shared set-up, in one place.
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib/json-check.sh" NAME "$@"
# Checks the one argument is cspr, sets cspr, repo, ajv_cli (installing the node modules when
# missing) and tmp (a temporary folder named after NAME, removed on exit, with home/ and out/),
# gives cspr an environment of its own, and sources tests/lib/facts.sh. Exits 2 on a set-up error.
set -uo pipefail

[[ $# -eq 2 && -x $2 ]] || { echo "usage: $0 PATH/TO/cspr" >&2; exit 2; }
cspr=$(realpath "$2")
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v python3 >/dev/null || { echo "$0: python3 is not installed" >&2; exit 2; }
source "$repo/tests/schema/node-modules.sh"  # sets ajv_cli

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cspr-$1.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
# No inherited case folder, no colour, a home of its own.
unset CSPR_CASES XDG_DATA_HOME
export NO_COLOR=1 HOME=$tmp/home LC_ALL=C.UTF-8
mkdir -p "$tmp/home" "$tmp/out"

source "$repo/tests/lib/facts.sh"  # pass, fail, tally_facts, finish_facts

# check_schemas MANIFEST SCHEMA...: each output MANIFEST lists (lines FILE|SCHEMA|LABEL, FILE
# relative to $tmp) validates against schemas/SCHEMA.schema.json; one ajv-cli run per schema.
# --strict=true: an unknown keyword or format in a schema is itself an error.
check_schemas() {
    local manifest=$1 schema f s label
    shift
    for schema in "$@"; do
        local args=()
        while IFS='|' read -r f s _; do [[ $s == "$schema" ]] && args+=(-d "$f"); done <"$manifest"
        [[ ${#args[@]} -gt 0 ]] || { fail "schema: no output to check against $schema.schema.json"; continue; }
        (cd "$tmp" && node "$ajv_cli" validate --spec=draft2020 --strict=true --all-errors --errors=line \
            -c ajv-formats -s "$repo/schemas/$schema.schema.json" "${args[@]}") >"$tmp/ajv-$schema.out" 2>"$tmp/ajv-$schema.err"
        while IFS='|' read -r f s label; do
            [[ $s == "$schema" ]] || continue
            if grep -qxF -- "$f valid" "$tmp/ajv-$schema.out"; then
                pass "schema $schema: $label"
            else
                fail "schema $schema: $label" "$(grep -A1 -xF -- "$f invalid" "$tmp/ajv-$schema.err" | sed -n 2p | head -c 2000)" \
                    "$(grep -v 'invalid$' "$tmp/ajv-$schema.err" | head -5)"
            fi
        done <"$manifest"
    done
}

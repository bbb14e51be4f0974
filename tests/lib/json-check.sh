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

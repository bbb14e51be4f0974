#!/usr/bin/env bash
# Validates every YAML file of cspr case folders against the repository's JSON Schemas
# (schemas/*.schema.json) with ajv, independently of cspr's own C++ reader.
#
#   tests/schema/validate.sh CASES_DIR...
#
#   CASES_DIR/cspr.yaml               -> schemas/cspr.schema.json
#   CASES_DIR/cases/ids.yaml          -> schemas/ids.schema.json
#   CASES_DIR/cases/*/referral.yaml   -> schemas/referral.schema.json
#   CASES_DIR/cases/*/<name>.yaml     -> schemas/<name>.schema.json (a file with no schema fails)
#   CASES_DIR/cases/<name>.yaml       -> schemas/<name>.schema.json (likewise)
#
# For each folder in turn, prints `ok PATH` or `FAIL PATH: errors` per file, then
# `schema: N files, M failed`. Exit 0 if all passed, 1 if any failed, 2 on a usage or set-up error
# (any argument that is not a case folder: then nothing is checked).
# The work is done by check.js, in one node process for all the folders (as ajv-cli's
# `validate --spec=draft2020 --strict=true --all-errors --verbose -c ajv-formats` did, with the
# data read by js-yaml 3's safeLoad). The node modules (package-lock.json) are installed with
# `npm ci` into tests/schema/node_modules when missing or older than the lockfile.
set -uo pipefail

usage() { echo "usage: $0 CASES_DIR..." >&2; exit 2; }
[[ $# -ge 1 ]] || usage
cases_dirs=()
for arg in "$@"; do
    [[ $arg != -* ]] || usage
    cases_dir=${arg%/}
    [[ -d $cases_dir ]] || { echo "$0: not a folder: $cases_dir" >&2; exit 2; }
    [[ -f $cases_dir/cspr.yaml ]] || { echo "$0: not a case folder (no cspr.yaml): $cases_dir" >&2; exit 2; }
    cases_dirs+=("$cases_dir")
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
schemas=$repo/schemas
[[ -d $schemas ]] || { echo "$0: no schemas folder: $schemas" >&2; exit 2; }

source "$repo/tests/schema/node-modules.sh"  # sets ajv_cli

node "$here/check.js" "$schemas" "${cases_dirs[@]}"

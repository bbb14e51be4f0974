#!/usr/bin/env bash
# Validates every YAML file of a cspr case folder against the repository's JSON Schemas
# (schemas/*.schema.json) with ajv-cli, independently of cspr's own C++ reader.
#
#   tests/schema/validate.sh CASES_DIR
#
#   CASES_DIR/cspr.yaml               -> schemas/cspr.schema.json
#   CASES_DIR/cases/ids.yaml          -> schemas/ids.schema.json
#   CASES_DIR/cases/*/referral.yaml   -> schemas/referral.schema.json
#   CASES_DIR/cases/*/<name>.yaml     -> schemas/<name>.schema.json (a file with no schema fails)
#   CASES_DIR/cases/<name>.yaml       -> schemas/<name>.schema.json (likewise)
#
# Prints `ok PATH` or `FAIL PATH: errors` per file, then `schema: N files, M failed`.
# Exit 0 if all passed, 1 if any failed, 2 on a usage or set-up error.
# The node modules (package-lock.json) are installed with `npm ci` into tests/schema/node_modules
# when missing or older than the lockfile.
set -uo pipefail

usage() { echo "usage: $0 CASES_DIR" >&2; exit 2; }
[[ $# -eq 1 && $1 != -* ]] || usage
cases_dir=${1%/}
[[ -d $cases_dir ]] || { echo "$0: not a folder: $cases_dir" >&2; exit 2; }
[[ -f $cases_dir/cspr.yaml ]] || { echo "$0: not a case folder (no cspr.yaml): $cases_dir" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
schemas=$repo/schemas
[[ -d $schemas ]] || { echo "$0: no schemas folder: $schemas" >&2; exit 2; }

command -v node >/dev/null || { echo "$0: node is not installed (apt-get install nodejs npm)" >&2; exit 2; }

# Install the pinned modules once. The lock on package-lock.json keeps two runs started at the
# same time (ctest -j) from installing over each other.
if [[ ! -f $here/node_modules/.package-lock.json || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
    command -v npm >/dev/null || { echo "$0: npm is not installed (apt-get install npm)" >&2; exit 2; }
    (
        flock 9
        if [[ ! -f $here/node_modules/.package-lock.json || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
            cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2
        fi
    ) 9<"$here/package-lock.json" || { echo "$0: npm ci failed in $here" >&2; exit 2; }
fi
ajv_cli=$here/node_modules/ajv-cli/dist/index.js
[[ -f $ajv_cli ]] || { echo "$0: ajv-cli missing from $here/node_modules" >&2; exit 2; }

# The files to check, in a fixed order, each with its schema ("" when there is none).
files=() file_schemas=()
add() { files+=("$1"); file_schemas+=("$2"); }
schema_for() { # basename without .yaml -> schema path, or "" if the repository has none
    local s=$schemas/$1.schema.json
    if [[ -f $s ]]; then echo "$s"; else echo ""; fi
}
add "$cases_dir/cspr.yaml" "$(schema_for cspr)"
if [[ -d $cases_dir/cases ]]; then
    while IFS= read -r f; do
        add "$f" "$(schema_for "$(basename "$f" .yaml)")"
    done < <(find "$cases_dir/cases" -mindepth 1 -maxdepth 1 -type f -name '*.yaml' | LC_ALL=C sort)
    while IFS= read -r f; do
        add "$f" "$(schema_for "$(basename "$f" .yaml)")"
    done < <(find "$cases_dir/cases" -mindepth 2 -maxdepth 2 -type f -name '*.yaml' | LC_ALL=C sort)
fi

# ajv-cli 5 reads .yaml data with js-yaml's safeLoad, but when that throws it falls back to
# require(), i.e. it would run a malformed YAML file as JavaScript. So every file is first parsed
# here with the same js-yaml (safeLoad: duplicate keys and several documents are errors), and only
# a file that parses goes to ajv-cli. Prints one line per file: "ok" or the parse error.
parse_check() {
    node -e '
        const fs = require("fs");
        const yaml = require(process.argv[1]);
        for (const f of process.argv.slice(2)) {
            try { yaml.safeLoad(fs.readFileSync(f, "utf8")); console.log("ok"); }
            catch (e) { console.log("YAML: " + String(e.message || e).split("\n")[0].replace(/:$/, "")); }
        }' "$here/node_modules/js-yaml" "$@"
}
# Turns ajv-cli's --errors=line --verbose output (a JSON list) into one line of text.
format_errors() {
    node -e '
        let errs;
        try { errs = JSON.parse(process.argv[1]); } catch (e) { console.log(process.argv[1]); process.exit(0); }
        const got = (e) => {
            if (e.keyword === "type" && e.params.type === "string" && typeof e.data === "string")
                return " (got an unquoted YAML date or time: quote it)";  // js-yaml made it a Date
            if (e.data === null || typeof e.data !== "object") return " (got " + JSON.stringify(e.data) + ")";
            return "";
        };
        const kept = errs.length > 1 ? errs.filter((e) => e.keyword !== "propertyNames") : errs;
        console.log(kept.map((e) => {
            const where = "data" + e.instancePath;
            if (e.propertyName !== undefined)
                return where + " property name " + JSON.stringify(e.propertyName) + " " + e.message;
            if (e.keyword === "enum")
                return where + " " + e.message + ": " + e.params.allowedValues.join(", ") + got(e);
            if (e.keyword === "const")
                return where + " " + e.message + " " + JSON.stringify(e.params.allowedValue) + got(e);
            if (["required", "uniqueItems"].includes(e.keyword)) return where + " " + e.message;
            return where + " " + e.message + got(e);
        }).join("; "));' "$1"
}

cd "$cases_dir" || exit 2
rel=("${files[@]#"$cases_dir/"}")   # ajv-cli globs -d arguments: case-folder paths have no glob characters
mapfile -t parsed < <(parse_check "${rel[@]}")
if [[ ${#parsed[@]} -ne ${#files[@]} ]]; then
    echo "$0: the YAML parse check failed" >&2; exit 2
fi

# One ajv-cli run per schema, over all the files of that schema that parsed.
# --strict=true: a schema with an unknown keyword or format is itself an error.
declare -A result   # index -> "ok" or the error text
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cspr-schema.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
mapfile -t used_schemas < <(printf '%s\n' "${file_schemas[@]}" | grep -v '^$' | LC_ALL=C sort -u)
for s in "${used_schemas[@]}"; do
    args=() idx=()
    for i in "${!files[@]}"; do
        if [[ ${file_schemas[$i]} == "$s" && ${parsed[$i]} == ok ]]; then args+=(-d "${rel[$i]}"); idx+=("$i"); fi
    done
    [[ ${#idx[@]} -gt 0 ]] || continue
    node "$ajv_cli" validate --spec=draft2020 --strict=true --all-errors --verbose --errors=line \
        -c ajv-formats -s "$s" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
    for i in "${idx[@]}"; do
        r=${rel[$i]}
        if grep -qxF -- "$r valid" "$tmp/out"; then
            result[$i]=ok
        elif json=$(grep -A1 -xF -- "$r invalid" "$tmp/err" | sed -n 2p) && [[ -n $json ]]; then
            result[$i]=$(format_errors "$json")
        else
            result[$i]="ajv-cli: $(tr '\n' ' ' <"$tmp/err" | sed 's/ *$//')"
        fi
    done
done

failed=0
for i in "${!files[@]}"; do
    f=${files[$i]}
    if [[ -z ${file_schemas[$i]} ]]; then
        echo "FAIL $f: no schema $schemas/$(basename "$f" .yaml).schema.json"
    elif [[ ${parsed[$i]} != ok ]]; then
        echo "FAIL $f: ${parsed[$i]}"
    elif [[ ${result[$i]:-} == ok ]]; then
        echo "ok $f"; continue
    else
        echo "FAIL $f: ${result[$i]:-not validated}"
    fi
    failed=$((failed + 1))
done

echo "schema: ${#files[@]} files, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# schemas/ holds the JSON Schemas made from cspr's field tables: each must equal what the binary
# makes now, and every made schema must be there. Regenerate them with
#   tests/schema/check-generated.sh CSPR REPO --update
# (ids.schema.json describes ids.yaml, and the schemas of the commands' JSON outputs, titled
# "cspr COMMAND --format json", such as deadlines.schema.json, are written by hand).
set -euo pipefail
cspr=$1 repo=$2 update=${3:-}
status=0
check() { # file, command...
    local file=$1; shift
    if [[ $update == --update ]]; then "$@" >"$repo/schemas/$file"; return; fi
    if ! diff -u "$repo/schemas/$file" <("$@") >/dev/null; then
        echo "schemas/$file differs from: cspr ${*:2}" >&2
        diff -u "$repo/schemas/$file" <("$@") | head -20 >&2 || true
        status=1
    fi
}
for kind in $("$cspr" dev-fields --kinds); do
    check "$kind.schema.json" "$cspr" dev-fields --schema "$kind"
done
for kind in $("$cspr" dev-fields --form-kinds); do
    check "$kind-form.schema.json" "$cspr" dev-fields --form-schema "$kind"
done
# No stray generated file: every *.schema.json is made, or written by hand (ids.yaml's, an output's).
for f in "$repo"/schemas/*.schema.json; do
    name=$(basename "$f" .schema.json)
    grep -q '^  "title": "cspr [a-z -]* --format json",$' "$f" && continue  # an output's, by hand
    case $name in
        deadlines | ids) ;;
        *-form) "$cspr" dev-fields --form-kinds | grep -qx "${name%-form}" || { echo "schemas/$name.schema.json: no such form" >&2; status=1; } ;;
        *) "$cspr" dev-fields --kinds | grep -qx "$name" || { echo "schemas/$name.schema.json: no such file kind" >&2; status=1; } ;;
    esac
done
[[ $status -eq 0 ]] && echo "schemas/: every generated schema is the field tables'"
exit $status

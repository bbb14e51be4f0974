#!/usr/bin/env bash
# Checks the JSON outputs of show, panel-response, stats, rules, validate and the calendar leaves
# against their contracts (schemas/show, panel-response-report, stats, rules, validate and
# calendar.schema.json):
#
#   - every output validates against its schema with ajv-cli (an independent validator, the one
#     tests/schema uses), in one node run per schema;
#   - each schema refuses a few broken documents (a wrong version, an unknown key, ...);
#   - no child's name (as the --show-names runs of show print them) appears in any output made
#     without --show-names, and every personal field of show reads {"hidden": true} or null there;
#     the free text of the Panel's responses appears with --show-names and never without;
#   - the same run twice prints the same bytes, and each run exits as the text output does (validate
#     1 when it lists problems, is-working-day 1 for a day that is not a working day, else 0).
#
#   tests/json/check-outputs.sh PATH/TO/cspr
#
# Runs on temporary copies of cases-example/ at several --as-of dates: as it is (its modes made
# those cspr.yaml asks for, as a fresh clone is not), with a local timescale and a rule switched
# off (rules) and the Panel's responses recorded (show, panel-response), and with broken files
# (validate). The node modules are installed with `npm ci` into
# tests/schema/node_modules when missing (tests/schema/node-modules.sh). Ends with
# `N passed, N failed`; exit 1 if anything failed, 2 on a usage or set-up error.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/json-check.sh" json-outputs "$@"
schemas=(show panel-response-report stats rules validate calendar)
for s in "${schemas[@]}"; do
    [[ -f $repo/schemas/$s.schema.json ]] || { echo "$0: no schema schemas/$s.schema.json" >&2; exit 2; }
done
for copy in example local broken; do
    cp -r "$repo/cases-example" "$tmp/$copy"
    # The modes cspr.yaml's permissions ask for, as cspr writes them (a copy has the umask's).
    find "$tmp/$copy" -type d -exec chmod 700 {} + && find "$tmp/$copy" -type f -exec chmod 600 {} +
done

# The local copy: a timescale of its own and a rule switched off, each with a reason, for rules.
printf '%s\n' 'timescales:' '  referral-confirm:' '    length: 72' '    unit: hours' \
    '    reason: "Northdale allows three days, \"in writing\""' '  decision:' '    enabled: false' \
    '    reason: "decided at the rapid review meeting"' '  panel-response:' '    enabled: true' \
    '    reason: "the Panel answers within 10 days"' >>"$tmp/local/cspr.yaml"
# The Panel's responses, in the local copy: a request for more information (answered late, by
# then) and a national review, their free text marked so that it can be looked for.
l=("$cspr" --cases "$tmp/local" --as-of 2025-11-26)
if ! out=$("${l[@]}" panel-response NDSCP-2025-001 --received 2025-04-08 --says more-information \
        --note "PANEL-NOTE-TEXT" --asked "2025-04-08=PANEL-ASKED-TEXT" --asked 2025-04-09 2>&1 &&
    "${l[@]}" panel-response NDSCP-2025-001 --answered 2025-04-24 2>&1 &&
    "${l[@]}" panel-response NDSCP-2025-004 --received 2025-09-20 --says considering-national-review \
        --national-review 2025-10-02 --scope "PANEL-SCOPE-TEXT" --participation "PANEL-PART-TEXT" 2>&1); then
    fail "setup: the Panel's responses in the local copy" "$out"
fi
# The broken copy: a date that is no date, a misspelt key, a file that is not YAML.
sed -i 's/^aware: "2025-04-14"/aware: "2025-02-30"/' "$tmp/broken/cases/NDSCP-2025-002/notification.yaml"
sed -i 's/^notifiable: true/notifiabel: true/' "$tmp/broken/cases/NDSCP-2025-002/notification.yaml"
printf 'schema_version: [1\n' >"$tmp/broken/cases/NDSCP-2025-003/decision.yaml"

# The runs: schema|expected exit|folder|--as-of|the command and its options. The calendar leaves
# run outside any case folder too (folder -), where the region is the default.
runs=()
dates=(2025-03-06 2025-11-26 2026-04-01)
cases=()
for d in "$repo"/cases-example/cases/*/; do cases+=("$(basename "$d")"); done
for as_of in "${dates[@]}"; do
    for id in "${cases[@]}"; do
        runs+=("show|0|example|$as_of|show $id" "show|0|example|$as_of|show $id --show-names")
    done
    for by in rule reason; do
        for year in reporting calendar 2025-26 2025; do
            runs+=("stats|0|example|$as_of|stats --by $by --year $year")
        done
    done
    runs+=("validate|0|example|$as_of|validate" "validate|0|example|$as_of|validate NDSCP-2025-001")
    runs+=("validate|1|broken|$as_of|validate" "validate|1|broken|$as_of|validate NDSCP-2025-002")
done
runs+=("rules|0|example|2025-11-26|rules" "rules|0|local|2025-11-26|rules" "rules|0|-|2025-11-26|rules")
runs+=("stats|0|local|2025-11-26|stats")
for id in "${cases[@]}"; do runs+=("panel-response-report|0|example|2025-11-26|panel-response $id"); done
for id in NDSCP-2025-001 NDSCP-2025-004; do
    for as_of in 2025-04-20 2025-11-26; do
        [[ $id == NDSCP-2025-004 && $as_of == 2025-04-20 ]] && continue  # before its rapid review
        runs+=("panel-response-report|0|local|$as_of|panel-response $id"
               "panel-response-report|0|local|$as_of|panel-response $id --show-names"
               "show|0|local|$as_of|show $id" "show|0|local|$as_of|show $id --show-names")
    done
done
for folder in example -; do
    runs+=(
        "calendar|0|$folder|2025-11-26|calendar holidays"
        "calendar|0|$folder|2025-11-26|calendar holidays --year 2028"
        "calendar|0|$folder|2025-11-26|calendar holidays --from 2025-12-01 --to 2026-01-31 --region scotland"
        "calendar|0|$folder|2025-11-26|calendar holidays --from 2025-07-01 --to 2025-07-31 --region england-and-wales"
        "calendar|0|$folder|2025-11-26|calendar add 2024-12-20 5"
        "calendar|0|$folder|2025-11-26|calendar add 2025-04-28 -7"
        "calendar|0|$folder|2025-11-26|calendar add 2028-12-20 5"
        "calendar|0|$folder|2025-11-26|calendar between 2024-12-20 2024-12-31"
        "calendar|0|$folder|2025-11-26|calendar between 2025-03-11 2025-03-04"
        "calendar|0|$folder|2025-11-26|calendar is-working-day 2025-11-26"
        "calendar|1|$folder|2025-11-26|calendar is-working-day 2025-12-25"
        "calendar|1|$folder|2025-11-26|calendar is-working-day 2025-11-29"
        "calendar|1|$folder|2025-11-26|calendar is-working-day 2026-05-04 --region scotland"
    )
done

manifest=$tmp/manifest.txt  # one line per run: FILE|SCHEMA|LABEL
: >"$manifest"
mkdir -p "$tmp/nowhere"
for i in "${!runs[@]}"; do
    IFS='|' read -r schema expected folder as_of command <<<"${runs[$i]}"
    read -ra words <<<"$command"
    label="$folder --as-of $as_of $command"
    f=out/$(printf '%03d' "$i").json
    where=(--cases "$tmp/$folder")
    [[ $folder == - ]] && where=()
    # Twice: the second run must print the same bytes.
    for n in 1 2; do
        (cd "$tmp/nowhere" && "$cspr" "${where[@]}" --as-of "$as_of" "${words[@]}" --format json) \
            >"$tmp/$f.$n" 2>"$tmp/$f.err"
        rc=$?
    done
    mv "$tmp/$f.1" "$tmp/$f"
    # validate names its count on stderr, as its text output does; nothing else may be there.
    grep -v '^validate: [0-9]* cases\?, [0-9]* problems\?$' "$tmp/$f.err" >"$tmp/$f.err.other"
    if [[ $rc -ne $expected || -s $tmp/$f.err.other ]]; then
        fail "run: $label" "exit $rc (expected $expected)" "$(head -c 2000 "$tmp/$f.err")"
        continue
    fi
    printf '%s|%s|%s\n' "$f" "$schema" "$label" >>"$manifest"
    if cmp -s "$tmp/$f" "$tmp/$f.2"; then pass "same bytes twice: $label"; else fail "same bytes twice: $label"; fi
done

# Every output against its schema.
check_schemas "$manifest" "${schemas[@]}"

# Each schema must be able to fail: broken copies of a good document are refused.
python3 - "$tmp" "$manifest" <<'PY'
import json, os, sys
tmp, manifest = sys.argv[1], sys.argv[2]
first = {}
for line in open(manifest, encoding="utf-8"):
    f, schema, label = line.rstrip("\n").split("|", 2)
    first.setdefault(schema, f)
def load(schema):
    return json.load(open(os.path.join(tmp, first[schema]), encoding="utf-8"))
def variant(schema, name, change):
    if schema not in first:
        return
    d = load(schema)
    change(d)
    with open(os.path.join(tmp, "out", f"bad-{schema}-{name}.json"), "w", encoding="utf-8") as out:
        json.dump(d, out)
for schema in ("show", "panel-response-report", "stats", "rules", "validate", "calendar"):
    variant(schema, "version-2", lambda d: d.update(version=2))
    variant(schema, "unknown-key", lambda d: d.update(colour="red"))
    variant(schema, "no-format", lambda d: d.pop("format"))
variant("show", "child-name-a-number", lambda d: d["referral"]["child"].update(name=7))
variant("show", "hidden-false", lambda d: d["referral"]["child"].update(name={"hidden": False}))
variant("show", "deadline-unknown-key", lambda d: d["deadlines"][0].update(child="x"))
variant("show", "status-pending", lambda d: d["deadlines"][0].update(status="pending"))
variant("panel-response-report", "says-unknown", lambda d: d.update(response={"received": "2025-04-08", "says": "maybe", "note": None, "requests": [], "national_review": None}))
variant("panel-response-report", "request-status-pending", lambda d: d.update(response={"received": "2025-04-08", "says": "agrees", "note": None, "requests": [{"asked": "2025-04-08", "about": None, "answered": None, "due": "2025-04-15", "status": "pending", "late_reason": None}], "national_review": None}))
variant("show", "panel-response-missing", lambda d: d.pop("panel_response"))
variant("stats", "by-column", lambda d: d.update(by="column"))
variant("stats", "reason-row-under-by-rule", lambda d: d.update(by="rule", rows=[{"year": "2025-26", "reason": "x", "late_steps": 1}]))
variant("rules", "basis-unknown", lambda d: d["rules"][0].update(basis="custom"))
variant("validate", "line-zero", lambda d: d.update(problems=[{"file": "x", "line": 0, "field": None, "message": "m"}]))
variant("validate", "problem-without-message", lambda d: d.update(problems=[{"file": "x", "line": 1, "field": None}]))
variant("calendar", "format-of-another-leaf", lambda d: d.update(format="cspr-calendar-add"))
PY
for f in "$tmp"/out/bad-*.json; do
    name=$(basename "$f" .json)
    schema=${name#bad-}
    case $schema in panel-response-report-*) schema=panel-response-report ;; *) schema=${schema%%-*} ;; esac
    (cd "$tmp" && node "$ajv_cli" validate --spec=draft2020 --strict=true -c ajv-formats \
        -s "$repo/schemas/$schema.schema.json" -d "out/$name.json") >/dev/null 2>&1
    rc=$?
    if [[ $rc -eq 1 ]]; then pass "schema refuses: ${name#bad-}"; else fail "schema refuses: ${name#bad-}" "ajv-cli exit $rc"; fi
done

# No personal detail without --show-names. Prints `ok ...` or `FAIL ...` lines, then `facts: P F`.
python3 - "$tmp" "$manifest" >"$tmp/facts.out" <<'PY'
import json, os, sys
tmp, manifest = sys.argv[1], sys.argv[2]
from facts import check, report
runs = []
for line in open(manifest, encoding="utf-8"):
    f, schema, label = line.rstrip("\n").split("|", 2)
    text = open(os.path.join(tmp, f), encoding="utf-8").read()
    runs.append((schema, label, text, json.loads(text)))
def people(doc):
    r = doc.get("referral") or {}
    return [r.get("child", {}).get("name")] + [c.get("name") for c in r.get("other_children", [])]
names = {n for schema, label, _, doc in runs if schema == "show" and "--show-names" in label
         for n in people(doc) if isinstance(n, str)}
check("names: the --show-names runs of show gave children's names to look for", names, repr(names))
for schema, label, text, doc in runs:
    if "--show-names" in label:
        continue
    leaked = sorted(n for n in names if n in text)
    check(f"no child's name: {label}", not leaked, ", ".join(leaked))
    if schema == "show" and doc.get("referral"):
        child = doc["referral"]["child"]
        shown = [k for k in ("name", "date_of_birth", "date_of_death") if child[k] not in (None, {"hidden": True})]
        check(f"personal fields hidden: {label}", not shown, ", ".join(shown))
# The Panel's free text: with --show-names where it was recorded, never without.
marks = ("PANEL-NOTE-TEXT", "PANEL-ASKED-TEXT", "PANEL-SCOPE-TEXT", "PANEL-PART-TEXT")
for schema, label, text, doc in runs:
    if "local" not in label.split()[0] or schema not in ("show", "panel-response-report"):
        continue
    found = [m for m in marks if m in text]
    if "--show-names" in label:
        check(f"the Panel's free text shown: {label}", found, "none of " + ", ".join(marks))
    else:
        check(f"the Panel's free text hidden: {label}", not found, ", ".join(found))
requests = [r for schema, label, _, doc in runs if schema == "panel-response-report" and doc["response"]
            for r in doc["response"]["requests"]]
check("panel-response: requests with their answer's deadline were checked", len(requests) >= 4, len(requests))
for schema, label, _, doc in runs:
    if schema == "panel-response-report" and doc["response"] and "2025-11-26" in label and "NDSCP-2025-001" in label:
        first, second = doc["response"]["requests"]
        check(f"panel-response: the first request answered late, the second overdue: {label}",
              (first["answered"], first["status"], second["status"]) == ("2025-04-24", "met-late", "overdue"),
              repr((first, second)))
report()
PY
tally_facts "$tmp/facts.out"
finish_facts

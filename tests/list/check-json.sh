#!/usr/bin/env bash
# Checks `cspr list --format json`, `cspr actions ID --format json` and `cspr late ID --format json`
# against their schemas (schemas/list.schema.json, actions-report.schema.json, late.schema.json) with
# ajv-cli, the validator of
# tests/deadlines/check-json.sh, and what a schema cannot state, with Python's json module:
#
#   - every case of the folder is listed once, in ID order, and a case's next deadline agrees with
#     `cspr deadlines --format json` (the earliest open one of that case, same due date and rule);
#   - an action's free text (evidence, a history reason) and a late step's note are {"hidden": true}
#     without --show-names and the text itself with it; an action's recommendation and owner are
#     always there; a late step is listed with the reason recorded for it;
#   - the same run twice gives the same bytes; each schema refuses a broken document;
#   - --format csv gives a header and one row per case or action, read back by Python's csv module.
#
#   tests/list/check-json.sh PATH/TO/cspr
#
# Runs on a temporary copy of cases-example/ at several --as-of dates, with an action re-dated and
# dropped (history reasons) and one done with evidence. Ends with `N passed, N failed`; exit 1 if
# anything failed, 2 on a usage or set-up error.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/json-check.sh" list-json "$@"
cp -r "$repo/cases-example" "$tmp/example"
c=("$cspr" --cases "$tmp/example")

# History with reasons, and evidence: R2 re-dated, R3 dropped (case 001).
if out=$("${c[@]}" --as-of 2025-12-01 actions NDSCP-2025-001 --update R2 --due 2026-06-30 --reason "Secret reason one" 2>&1 &&
    "${c[@]}" --as-of 2025-12-01 actions NDSCP-2025-001 --update R3 --status dropped --reason "Secret reason two" 2>&1); then
    pass "setup: history with reasons"
else
    fail "setup: history with reasons" "$out"
fi

manifest=$tmp/manifest.txt  # FILE|SCHEMA|COMMAND
: >"$manifest"
run() { # name schema args...
    local name=$1 schema=$2; shift 2
    "${c[@]}" "$@" --format json >"$tmp/out/$name.json" 2>"$tmp/out/$name.err"
    local rc=$?
    if [[ $rc -le 1 && ! -s $tmp/out/$name.err ]]; then
        printf '%s|%s|%s\n' "out/$name.json" "$schema" "$*" >>"$manifest"
        "${c[@]}" "$@" --format json >"$tmp/out/$name.again" 2>/dev/null
        cmp -s "$tmp/out/$name.json" "$tmp/out/$name.again" && pass "same bytes twice: $*" || fail "same bytes twice: $*"
    else
        fail "run: $*" "exit $rc" "$(head -c 500 "$tmp/out/$name.err")"
    fi
}
for d in 2025-03-06 2025-11-26 2025-12-01 2026-04-01; do
    run "list-$d" list --as-of "$d" list
    "${c[@]}" --as-of "$d" deadlines --format json >"$tmp/out/deadlines-$d.json" 2>/dev/null
done
for id in $(ls "$tmp/example/cases" | grep -v '\.yaml$'); do
    run "actions-$id" actions-report --as-of 2025-12-01 actions "$id"
    run "actions-$id-names" actions-report --as-of 2025-12-01 actions "$id" --show-names
    run "late-$id" late --as-of 2025-12-01 late "$id"
    run "late-$id-names" late --as-of 2025-12-01 late "$id" --show-names
done

# Every output against its schema.
check_schemas "$manifest" list actions-report late

# Each schema refuses a broken document.
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
def broken(src, name, change):
    d = json.load(open(os.path.join(tmp, "out", src), encoding="utf-8"))
    change(d)
    json.dump(d, open(os.path.join(tmp, "out", "bad-" + name + ".json"), "w", encoding="utf-8"))
broken("list-2025-11-26.json", "list-version", lambda d: d.update(version=2))
broken("list-2025-11-26.json", "list-colour", lambda d: d["cases"][0].update(colour="red"))
broken("list-2025-11-26.json", "list-status", lambda d: d["cases"][0]["next_deadline"].update(status="due today"))
broken("actions-NDSCP-2025-001.json", "actions-report-version", lambda d: d.update(version=2))
broken("actions-NDSCP-2025-001.json", "actions-report-ref", lambda d: d["actions"][0].update(ref="1"))
broken("actions-NDSCP-2025-001.json", "actions-report-evidence", lambda d: d["actions"][0].update(evidence={"hidden": False}))
broken("late-NDSCP-2025-001.json", "late-status", lambda d: d["late"][0].update(status="met late"))
broken("late-NDSCP-2025-001.json", "late-version", lambda d: d.update(version=2))
PY
for f in "$tmp"/out/bad-*.json; do
    name=$(basename "$f" .json); name=${name#bad-}
    schema=${name%-*}
    (cd "$tmp" && node "$ajv_cli" validate --spec=draft2020 --strict=true -c ajv-formats \
        -s "$repo/schemas/$schema.schema.json" -d "out/bad-$name.json") >/dev/null 2>&1
    [[ $? -eq 1 ]] && pass "schema refuses: $name" || fail "schema refuses: $name"
done

# The facts a schema cannot state; then CSV.
CSPR=$cspr python3 - "$tmp" >"$tmp/facts.out" <<'PY'
import csv, io, json, os, subprocess, sys
tmp = sys.argv[1]
out = os.path.join(tmp, "out")
from facts import check, report
ids = sorted(n for n in os.listdir(os.path.join(tmp, "example", "cases")) if not n.endswith(".yaml"))
for d in ["2025-03-06", "2025-11-26", "2025-12-01", "2026-04-01"]:
    doc = json.load(open(os.path.join(out, f"list-{d}.json"), encoding="utf-8"))
    check(f"list {d}: every case once, in order", [c["case"] for c in doc["cases"]] == ids)
    check(f"list {d}: as_of", doc["as_of"] == d)
    deadlines = json.load(open(os.path.join(out, f"deadlines-{d}.json"), encoding="utf-8"))["deadlines"]
    for c in doc["cases"]:
        n = c["next_deadline"]
        if n is None or n["status"] == "paused":
            continue
        mine = [x for x in deadlines if x["case"] == c["case"] and x["status"] in ("overdue", "due-today", "due-soon", "upcoming")]
        first = min(mine, key=lambda x: x["due"]) if mine else None
        check(f"list {d} {c['case']}: the next deadline is the case's earliest open one",
              first is not None and first["due"] == n["due"] and first["rule"] == n["rule"],
              f"list {n['rule']} {n['due']}, deadlines {first and (first['rule'], first['due'])}")
secret = ["Secret reason one", "Secret reason two"]
for id in ids:
    plain = open(os.path.join(out, f"actions-{id}.json"), encoding="utf-8").read()
    named = open(os.path.join(out, f"actions-{id}-names.json"), encoding="utf-8").read()
    check(f"actions {id}: no free text without --show-names", not any(s in plain for s in secret))
    for a in json.loads(plain)["actions"]:
        check(f"actions {id} {a['ref']}: recommendation and owner given", a["recommendation"] and a["owner"])
        for h in a["history"]:
            check(f"actions {id} {a['ref']}: a history reason is hidden", h["reason"] == {"hidden": True})
    if id == "NDSCP-2025-001":
        check(f"actions {id}: --show-names shows the reasons", all(s in named for s in secret))
        drop = [a for a in json.loads(named)["actions"] if a["ref"] == "R3"][0]
        check(f"actions {id}: a dropped action has no deadline", drop["status"] == "dropped" and drop["deadline"] is None)
late = json.load(open(os.path.join(out, "late-NDSCP-2025-001.json"), encoding="utf-8"))["late"]
named = json.load(open(os.path.join(out, "late-NDSCP-2025-001-names.json"), encoding="utf-8"))["late"]
partners = [s for s in late if s["rule"] == "notify-partners"]
check("late 001: notify-partners listed with its reason, its note hidden",
      len(partners) == 1 and partners[0]["reason"] == "information-awaited" and partners[0]["note"] == {"hidden": True})
check("late 001: --show-names gives the note", any(isinstance(s["note"], str) and s["note"] for s in named))
def run(*args):
    return subprocess.run([os.environ["CSPR"], "--cases", os.path.join(tmp, "example"), "--as-of", "2025-12-01", *args],
                          capture_output=True, text=True).stdout
rows = list(csv.reader(io.StringIO(run("list", "--format", "csv"))))
check("list csv: a header and a row per case", rows[0][0] == "case" and [r[0] for r in rows[1:]] == ids)
rows = list(csv.reader(io.StringIO(run("actions", "NDSCP-2025-001", "--format", "csv"))))
check("actions csv: a header and a row per action", rows[0][:2] == ["case", "ref"] and [r[1] for r in rows[1:]] == ["R1", "R2", "R3"])
report()
PY
tally_facts "$tmp/facts.out"
finish_facts

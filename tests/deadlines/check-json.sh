#!/usr/bin/env bash
# Checks `cspr deadlines --format json` against its contract: every output validates against
# schemas/deadlines.schema.json with ajv-cli (an independent validator, the one tests/schema uses),
# and a few facts a schema cannot state hold, read back with Python's own json module:
#
#   - the deadlines are sorted by due date;
#   - an open deadline (not met, ran, running or paused) has negative working_days_left if and only
#     if it is overdue;
#   - summary counts exactly the statuses listed (every status listed is counted, every count is
#     right);
#   - the options are honoured: as_of is --as-of; child on every deadline with --show-names and
#     never without it (nor any child's name anywhere in the output); met and running ones only
#     with --all; --within N drops paused ones and those further away than N working days; --case
#     lists that case only;
#   - the exit code is 1 when something is overdue and 0 otherwise.
#
#   tests/deadlines/check-json.sh PATH/TO/cspr
#
# Runs on a temporary copy of cases-example/ at several --as-of dates (a Saturday among them), and
# on a second copy given an action whose owner needs JSON escaping and non-ASCII text, a local
# timescale (override) and a case in a year of projected bank holidays. The node modules are
# installed with `npm ci` into tests/schema/node_modules when missing, as tests/schema/validate.sh
# does. Ends with `N passed, N failed`; exit 1 if anything failed, 2 on a usage or set-up error.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/json-check.sh" deadlines-json "$@"
schema=$repo/schemas/deadlines.schema.json
[[ -f $schema ]] || { echo "$0: no schema $schema" >&2; exit 2; }
cp -r "$repo/cases-example" "$tmp/example"
cp -r "$repo/cases-example" "$tmp/special"

# The second copy: text that JSON must escape (quotes, a backslash, a tab) and non-ASCII text in
# an action's owner; a local timescale, so that override is not null; the Panel's response switched
# on and a request for more information, so that step panel-response appears; a case referred in
# 2028, a year of projected bank holidays, so that projected is true.
setup_special() {
    local c=("$cspr" --cases "$tmp/special")
    # (Recorded on 2025-12-16: cspr refuses to write a file holding a date after --as-of, and R1 was
    # completed on 2025-12-15.)
    "${c[@]}" --as-of 2025-12-16 actions NDSCP-2025-001 --add "Check the escaping" \
        --owner "Northdale \"Quoted\" \\ Back-slashed"$'\t'"Tabbed Children’s Services — Zoë ★" \
        --due 2025-12-05 &&
        printf 'timescales:\n  referral-confirm:\n    length: 72\n    unit: hours\n    reason: "Northdale procedures allow three days, \\"in writing\\""\n  panel-response:\n    enabled: true\n    reason: "the Panel told us to expect about 10 days"\n' \
            >>"$tmp/special/cspr.yaml" &&
        "${c[@]}" --as-of 2025-12-16 panel-response NDSCP-2025-001 --received 2025-04-08 --says more-information \
            --asked "2025-04-08=The school's chronology" &&
        "${c[@]}" --as-of 2028-01-10 refer --received 2028-01-10T10:00 --referrer-name "Quinn Referrer" \
            --referrer-agency "Northdale Police" --referrer-role "Sergeant" --child-name "Quinn Example" \
            --child-died 2028-01-08 --incident 2028-01-08 --cp-plan never --looked-after no \
            --criterion died-abuse-neglect --narrative "A fictional case in a projected year." &&
        "${c[@]}" --as-of 2028-01-10 notify NDSCP-2028-001 --aware 2028-01-10 --abuse suspected --harm died \
            --where in-area --looked-after no
}
if out=$(setup_special 2>&1); then
    pass "setup: the special copy (escaping, an override, a projected year)"
else
    fail "setup: the special copy (escaping, an override, a projected year)" "$out"
fi

# The schema's steps are the rules table's: a step added to the table and not to the schema would
# make every deadline of that step invalid.
"$cspr" --cases "$tmp/example" rules --format json >"$tmp/rules.json" 2>&1
if out=$(python3 - "$tmp/rules.json" "$schema" <<'PY'
import json, sys
table = {r["step"] for r in json.load(open(sys.argv[1], encoding="utf-8"))["rules"]}
schema = set(json.load(open(sys.argv[2], encoding="utf-8"))["$defs"]["deadline"]["properties"]["step"]["enum"])
print("only in the rules table:", sorted(table - schema), "only in the schema:", sorted(schema - table))
sys.exit(table != schema)
PY
); then
    pass "schema: the step enum is the rules table's steps"
else
    fail "schema: the step enum is the rules table's steps" "$out"
fi

# The runs: folder, --as-of, then the options. 2025-11-26 has overdue, due today, due soon,
# upcoming and paused deadlines; 2025-11-29 is a Saturday after a Friday deadline; 2025-03-06 has
# nothing overdue.
runs=(
    "example 2025-03-06"
    "example 2025-03-06 --all"
    "example 2025-11-26"
    "example 2025-11-26 --all"
    "example 2025-11-26 --show-names"
    "example 2025-11-26 --all --show-names"
    "example 2025-11-26 --within 5"
    "example 2025-11-26 --soon 0"
    "example 2025-11-26 --case NDSCP-2025-001 --all"
    "example 2025-11-26 --case NDSCP-2025-003"
    "example 2025-11-28"
    "example 2025-11-29"
    "example 2025-11-29 --all"
    "example 2026-04-01"
    "example 2026-04-01 --all"
    "example 2027-01-04 --all --show-names"
    "special 2025-11-26 --all"
    "special 2025-11-26 --show-names"
    "special 2028-01-11"
    "special 2028-01-11 --all --show-names"
)
manifest=$tmp/manifest.txt   # one line per run: FILE|FOLDER|AS_OF|OPTIONS|EXIT
: >"$manifest"
files=()
for i in "${!runs[@]}"; do
    read -r folder as_of options <<<"${runs[$i]}"
    read -ra opts <<<"${options:-}"
    f=out/$(printf '%02d' "$i").json
    "$cspr" --cases "$tmp/$folder" --as-of "$as_of" deadlines --format json "${opts[@]}" >"$tmp/$f" 2>"$tmp/$f.err"
    rc=$?
    if [[ $rc -eq 0 || $rc -eq 1 ]] && [[ ! -s $tmp/$f.err ]]; then
        files+=("$f")
        printf '%s|%s|%s|%s|%s\n' "$f" "$folder" "$as_of" "${options:-}" "$rc" >>"$manifest"
    else
        fail "run: ${runs[$i]}" "exit $rc" "$(head -c 2000 "$tmp/$f.err")"
    fi
done

# Every output against the schema, in one ajv-cli run. --strict=true: an unknown keyword or format
# in the schema is itself an error.
if [[ ${#files[@]} -gt 0 ]]; then
    args=()
    for f in "${files[@]}"; do args+=(-d "$f"); done
    (cd "$tmp" && node "$ajv_cli" validate --spec=draft2020 --strict=true --all-errors --errors=line \
        -c ajv-formats -s "$schema" "${args[@]}") >"$tmp/ajv.out" 2>"$tmp/ajv.err"
    while IFS='|' read -r f folder as_of options rc; do
        what="schema: $folder --as-of $as_of${options:+ $options}"
        if grep -qxF -- "$f valid" "$tmp/ajv.out"; then
            pass "$what"
        else
            fail "$what" "$(grep -A1 -xF -- "$f invalid" "$tmp/ajv.err" | sed -n 2p | head -c 2000)" \
                "$(grep -v 'invalid$' "$tmp/ajv.err" | head -5)"
        fi
    done <"$manifest"
fi

# The schema must be able to fail: a few broken documents are refused.
good=${files[0]:-}
if [[ -n $good ]]; then
    python3 - "$tmp" "$good" <<'PY'
import json, os, sys
tmp, good = sys.argv[1], sys.argv[2]
doc = json.load(open(os.path.join(tmp, good), encoding="utf-8"))
one = {"case": "NDSCP-2025-001", "step": "notify", "rule": "notify-panel", "subject": "panel", "what": "x",
       "start": "2025-03-04", "due": "2025-03-11", "due_time": None, "working_days_left": 3, "status": "upcoming",
       "met": None, "projected": False, "paused": None, "override": None, "source": "y"}
def variant(name, change):
    d = json.loads(json.dumps(doc))
    d["deadlines"] = [dict(one)]
    change(d)
    with open(os.path.join(tmp, "out", "bad-" + name + ".json"), "w", encoding="utf-8") as f:
        json.dump(d, f)
variant("version-2", lambda d: d.update(version=2))
variant("unknown-key", lambda d: d["deadlines"][0].update(colour="red"))
variant("status-enum", lambda d: d["deadlines"][0].update(status="pending"))
variant("due-not-a-date", lambda d: d["deadlines"][0].update(due="2025-02-30"))
variant("due-time-seconds", lambda d: d["deadlines"][0].update(due_time="2025-03-11T10:30:00"))
variant("missing-source", lambda d: d["deadlines"][0].pop("source"))
variant("summary-missing", lambda d: d["summary"].pop("overdue"))
variant("summary-negative", lambda d: d["summary"].update(met=-1))
PY
    for f in "$tmp"/out/bad-*.json; do
        name=$(basename "$f" .json)
        (cd "$tmp" && node "$ajv_cli" validate --spec=draft2020 --strict=true -c ajv-formats -s "$schema" \
            -d "out/$name.json") >/dev/null 2>&1
        rc=$?
        if [[ $rc -eq 1 ]]; then pass "schema refuses: ${name#bad-}"; else fail "schema refuses: ${name#bad-}" "ajv-cli exit $rc"; fi
    done
fi

# The facts a schema cannot state. Prints `ok ...` or `FAIL ...` lines, then `facts: P F`.
python3 - "$tmp" "$manifest" >"$tmp/facts.out" <<'PY'
import collections, json, os, sys

tmp, manifest = sys.argv[1], sys.argv[2]
OPEN = {"overdue", "due today", "due soon", "upcoming"}
CLOSED = {"met", "met late", "running", "ran"}
from facts import check, report

runs = []
with open(manifest, encoding="utf-8") as f:
    for line in f:
        name, folder, as_of, options, rc = line.rstrip("\n").split("|")
        with open(os.path.join(tmp, name), encoding="utf-8") as g:
            text = g.read()
        runs.append((name, folder, as_of, options.split(), int(rc), text, json.loads(text)))

# The children's names, as --show-names prints them, to look for in the outputs without it.
names = {n for *_, opts, _, _, doc in runs if "--show-names" in opts for n in (d.get("child") for d in doc["deadlines"]) if n}
check("facts: --show-names gave some children's names to look for", names)

for name, folder, as_of, opts, rc, text, doc in runs:
    label = f"{folder} --as-of {as_of}" + ("" if not opts else " " + " ".join(opts))
    rows = doc["deadlines"]
    statuses = [d["status"] for d in rows]
    check(f"as_of: {label}", doc["as_of"] == as_of, f"as_of {doc['as_of']!r}")
    dues = [d["due"] for d in rows]
    check(f"sorted by due: {label}", dues == sorted(dues), " ".join(dues))
    bad = [f"{d['case']} {d['rule']} {d['subject']}: {d['status']} with {d['working_days_left']} working days left"
           for d in rows if d["status"] in OPEN and (d["working_days_left"] < 0) != (d["status"] == "overdue")]
    check(f"working_days_left < 0 iff overdue: {label}", not bad, "; ".join(bad))
    counted = collections.Counter(statuses)
    summary = doc["summary"]
    wrong = [f"{s}: listed {counted.get(s, 0)}, summary {summary.get(s, 'absent')}"
             for s in sorted(set(counted) | set(summary)) if counted.get(s, 0) != summary.get(s, 0)]
    check(f"summary counts the statuses listed: {label}", not wrong, "; ".join(wrong))
    if "--show-names" in opts:
        check(f"child on every deadline: {label}", all("child" in d for d in rows))
    else:
        leaked = sorted(n for n in names if n in text)
        check(f"no child key and no child's name: {label}", not leaked and all("child" not in d for d in rows),
              ", ".join(leaked))
    if "--all" not in opts:
        shown = sorted({s for s in statuses if s in CLOSED})
        check(f"no met or running deadline without --all: {label}", not shown, ", ".join(shown))
    if "--within" in opts:
        n = int(opts[opts.index("--within") + 1])
        far = [f"{d['case']} {d['rule']} {d['status']} {d['working_days_left']}" for d in rows
               if d["status"] == "paused" or d["working_days_left"] > n]
        check(f"--within {n}: nothing paused or further: {label}", not far, "; ".join(far))
    if "--case" in opts:
        case = opts[opts.index("--case") + 1]
        check(f"--case: that case only: {label}", all(d["case"] == case for d in rows))
    if "--soon" in opts:
        n = int(opts[opts.index("--soon") + 1])
        wrong_soon = [f"{d['rule']} {d['working_days_left']}" for d in rows if d["status"] == "due soon" and d["working_days_left"] > n]
        check(f"--soon {n}: nothing due soon further away: {label}", not wrong_soon, "; ".join(wrong_soon))
    expected_rc = 1 if "overdue" in statuses else 0
    check(f"exit {expected_rc} (overdue: {statuses.count('overdue')}): {label}", rc == expected_rc, f"exit {rc}")
    for d in rows:
        if d["status"] in ("met", "met late") and d["rule"] != "keep-available":
            if d["met"] is None:
                check(f"met has a date: {label} {d['case']} {d['rule']}", False)
        if d["status"] in OPEN | {"paused"} and d["met"] is not None:
            check(f"open has no met date: {label} {d['case']} {d['rule']}", False)
        if (d["status"] == "paused") != (d["paused"] is not None):
            check(f"paused iff a pause reason: {label} {d['case']} {d['rule']}", False, repr(d["paused"]))

# The special copy carries what its setup put there, read back intact.
special = [r for r in runs if r[1] == "special"]
if special:
    subjects = {d["subject"] for r in special for d in r[6]["deadlines"]}
    owner = 'R4 Northdale "Quoted" \\ Back-slashed\tTabbed Children\u2019s Services \u2014 Zo\u00eb \u2605'
    check("escaping: the action's owner reads back exactly", owner in subjects)
    overrides = {d["override"] for r in special for d in r[6]["deadlines"] if d["rule"] == "referral-confirm"}
    check("override: the local timescale's reason reads back exactly",
          overrides == {'Northdale procedures allow three days, "in writing"'}, repr(overrides))
    panel = {d["rule"] for r in special for d in r[6]["deadlines"] if d["step"] == "panel-response"}
    check("panel-response: both of its clocks are listed under step panel-response",
          panel == {"panel-response", "answer-panel-request"}, repr(panel))
    check("projected: a working-day deadline in 2028 is projected",
          any(d["projected"] and d["case"] == "NDSCP-2028-001" for r in special for d in r[6]["deadlines"]))

report()
PY
if [[ $? -ne 0 && ! -s $tmp/facts.out ]]; then
    fail "facts: the Python checks ran"
fi
tally_facts "$tmp/facts.out"
finish_facts

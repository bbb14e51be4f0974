#!/usr/bin/env python3
"""Checks `cspr deadlines --format ics` with a real iCalendar parser (python3-icalendar).

    tests/deadlines/check-ics.py PATH/TO/cspr

On a temporary copy of cases-example/, at two --as-of dates (2025-11-26 and 2026-04-01, both with
--all, so that most deadlines appear in both), and without --all and with --show-names:

  - the bytes: every line ends in CRLF (no bare CR or LF), no physical line is longer than 75
    octets, a folded line goes on with a space, and folding never splits a UTF-8 character;
  - one VCALENDAR, with VERSION 2.0 and a PRODID, the Europe/London time zone, and no METHOD
    (which would need an ORGANIZER); an empty feed still holds one component;
  - with --remind, each event an alarm at 09:00 London time on the working day before it is due;
  - every VEVENT has one UID, DTSTAMP, DTSTART, DTEND and SUMMARY; DTSTART is a date (an all-day
    event) and DTEND the day after;
  - the events are the deadlines of `--format json` for the same --as-of and options, in the same
    order: as many, DTSTART the due date, SUMMARY "<case>: <rule> (<subject>) - <status>" read back
    exactly (so that escaping round-trips), CATEGORIES the status (one token, as in JSON);
  - UIDs are unique, and stable: a deadline listed at both dates has the same UID at both;
  - no child's name without --show-names.

A second copy adds actions whose owners hold text that iCalendar must escape (; , \\) and
non-ASCII characters of 2, 3 and 4 octets at every alignment, so that a fold falls inside or next
to a multi-octet character. Ends with `N passed, N failed`; exit 1 if anything failed, 2 on a
usage or set-up error (python3-icalendar missing: `apt-get install python3-icalendar`).
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    # Debian's python3-icalendar is installed for Debian's python3; another python3 first on PATH
    # (a pyenv or venv one) does not see it. Run again with Debian's, once.
    debian = "/usr/bin/python3"
    if (os.environ.get("CSPR_ICS_REEXEC") != "1" and os.path.exists(debian)
            and os.path.realpath(sys.executable) != os.path.realpath(debian)):
        os.environ["CSPR_ICS_REEXEC"] = "1"
        os.execv(debian, [debian] + sys.argv)
    print(f"{sys.argv[0]}: the Python module icalendar is missing (apt-get install python3-icalendar)",
          file=sys.stderr)
    sys.exit(2)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATES = ("2025-11-26", "2026-04-01")
REQUIRED = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY")

results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok)))
    print(("ok " if ok else "FAIL ") + what)
    if not ok and detail:
        print("    " + str(detail).replace("\n", "\n    "))
    return ok


def run(cspr, folder, args, env):
    p = subprocess.run([cspr, "--cases", folder] + args, capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def check_bytes(label, data):
    """CRLF line ends, at most 75 octets a line, folds that start with a space and split no character."""
    check(f"ends with CRLF: {label}", data.endswith(b"\r\n"))
    lines = data.split(b"\r\n")[:-1] if data.endswith(b"\r\n") else data.split(b"\r\n")
    bare = [i + 1 for i, l in enumerate(lines) if b"\r" in l or b"\n" in l]
    check(f"every line ends in CRLF (no bare CR or LF): {label}", not bare, f"lines {bare[:10]}")
    long = [(i + 1, len(l), l.decode("utf-8", "replace")) for i, l in enumerate(lines) if len(l) > 75]
    check(f"no physical line over 75 octets: {label}", not long,
          "\n".join(f"line {n}: {size} octets: {text}" for n, size, text in long[:10]))
    split = []
    for i, l in enumerate(lines):
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            split.append(i + 1)
    check(f"folding splits no UTF-8 character: {label}", not split, f"lines {split[:10]}")
    check(f"the first line is BEGIN:VCALENDAR: {label}", lines[:1] == [b"BEGIN:VCALENDAR"])


def check_calendar(label, data, deadlines, show_names):
    """Parses the calendar; checks it against the JSON deadlines of the same run. Returns {key: UID}."""
    try:
        calendars = icalendar.Calendar.from_ical(data.decode("utf-8"), multiple=True)
    except Exception as e:  # the parser's refusal is the finding
        check(f"parses: {label}", False, f"{type(e).__name__}: {e}")
        return {}
    if not check(f"one VCALENDAR: {label}", len(calendars) == 1 and calendars[0].name == "VCALENDAR",
                 f"{len(calendars)} calendars"):
        return {}
    cal = calendars[0]
    check(f"VERSION 2.0: {label}", str(cal.get("VERSION", "")) == "2.0", cal.get("VERSION"))
    check(f"PRODID: {label}", str(cal.get("PRODID", "")).strip() != "")
    errors = [(c.name, c.errors) for c in cal.walk() if getattr(c, "errors", None)]
    check(f"no property the parser could not read: {label}", not errors, errors)
    events = cal.walk("VEVENT")
    others = [c.name for c in cal.subcomponents if c.name != "VEVENT"]
    check(f"only VEVENTs and the Europe/London time zone inside: {label}", others == ["VTIMEZONE"]
          and str(cal.subcomponents[0].get("TZID")) == "Europe/London", others)
    # METHOD:PUBLISH (RFC 5546) needs an ORGANIZER in every event; a feed has neither.
    check(f"no METHOD without an ORGANIZER: {label}", "METHOD" not in cal
          or all("ORGANIZER" in ev for ev in events), cal.get("METHOD"))
    check(f"as many events as JSON deadlines ({len(deadlines)}): {label}", len(events) == len(deadlines),
          f"{len(events)} events")
    problems = []
    for i, ev in enumerate(events):
        where = f"event {i + 1} ({ev.get('UID')})"
        for prop in REQUIRED:
            if prop not in ev:
                problems.append(f"{where}: no {prop}")
        if any(p not in ev for p in ("DTSTART", "DTEND")):
            continue
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            problems.append(f"{where}: DTSTART {start!r} is not a date")
        elif ev["DTSTART"].params.get("VALUE") != "DATE":
            problems.append(f"{where}: DTSTART without VALUE=DATE")
        if isinstance(end, datetime.datetime) or not isinstance(end, datetime.date) or end - start != datetime.timedelta(days=1):
            problems.append(f"{where}: DTEND {end!r} is not the day after DTSTART {start!r}")
        if "DTSTAMP" in ev and not isinstance(ev.decoded("DTSTAMP"), datetime.datetime):
            problems.append(f"{where}: DTSTAMP {ev.decoded('DTSTAMP')!r} is not a date-time")
        if i < len(deadlines):
            d = deadlines[i]
            if start != datetime.date.fromisoformat(d["due"]):
                problems.append(f"{where}: DTSTART {start} but the JSON's due is {d['due']}")
            # The summary is for people: the JSON's one-token status with its words apart again.
            words = d["status"].replace("-", " ")
            summary = f"{d['case']}: {d['rule']}" + (f" ({d['subject']})" if d["subject"] else "") + f" - {words}"
            if show_names and d.get("child"):
                summary += f" - {d['child']}"
            if str(ev.get("SUMMARY")) != summary:
                problems.append(f"{where}: SUMMARY {str(ev.get('SUMMARY'))!r}, expected {summary!r}")
            categories = ev.get("CATEGORIES")
            cats = [str(c) for c in categories.cats] if categories is not None and hasattr(categories, "cats") else [str(categories)]
            if cats != [d["status"]]:
                problems.append(f"{where}: CATEGORIES {cats!r}, expected [{d['status']!r}]")
            if not str(ev.get("DESCRIPTION", "")).startswith(d["what"]):
                problems.append(f"{where}: DESCRIPTION does not start with the rule's what")
    check(f"every event: UID, DTSTAMP, all-day DTSTART, DTEND the day after, SUMMARY and CATEGORIES as the JSON: {label}",
          not problems, "\n".join(problems[:20]))
    uids = [str(ev.get("UID")) for ev in events]
    dupes = sorted({u for u in uids if uids.count(u) > 1})
    check(f"UIDs unique: {label}", not dupes, dupes)
    return {(d["case"], d["rule"], d["subject"]): uid for d, uid in zip(deadlines, uids)}


def main():
    if len(sys.argv) != 2 or not os.access(sys.argv[1], os.X_OK):
        print(f"usage: {sys.argv[0]} PATH/TO/cspr", file=sys.stderr)
        return 2
    cspr = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="cspr-deadlines-ics.") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CSPR_") and k != "XDG_DATA_HOME"}
        env.update({"NO_COLOR": "1", "HOME": tmp, "LC_ALL": "C.UTF-8"})
        example = os.path.join(tmp, "example")
        special = os.path.join(tmp, "special")
        shutil.copytree(os.path.join(REPO, "cases-example"), example, symlinks=True)
        shutil.copytree(os.path.join(REPO, "cases-example"), special, symlinks=True)

        # The children's names, to look for where they must not be.
        code, out, err = run(cspr, example, ["--as-of", DATES[0], "deadlines", "--format", "json", "--all", "--show-names"], env)
        names = sorted({d.get("child") for d in json.loads(out)["deadlines"] if d.get("child")}) if code in (0, 1) else []
        check("the children's names are known (from --format json --show-names)", names, err)

        def both(folder, label, options):
            """Runs ics and json with the same options; checks them; returns {key: UID}."""
            code_i, ics, err_i = run(cspr, folder, options + ["--format", "ics"], env)
            code_j, js, err_j = run(cspr, folder, options + ["--format", "json"], env)
            if not check(f"runs (exit 0 or 1, nothing on stderr): {label}",
                         code_i in (0, 1) and not err_i and code_j == code_i and not err_j,
                         f"ics exit {code_i} {err_i} / json exit {code_j} {err_j}"):
                return {}
            check_bytes(label, ics)
            show = "--show-names" in options
            if not show:
                leaked = [n for n in names if n.encode() in ics]
                check(f"no child's name without --show-names: {label}", not leaked, leaked)
            else:
                check(f"the children's names with --show-names: {label}", any(n.encode() in ics for n in names))
            return check_calendar(label, ics, json.loads(js)["deadlines"], show)

        uids = {}
        for as_of in DATES:
            uids[as_of] = both(example, f"--as-of {as_of} --all", ["--as-of", as_of, "deadlines", "--all"])
        common = sorted(set(uids[DATES[0]]) & set(uids[DATES[1]]), key=str)
        check(f"some deadlines are listed at both dates ({len(common)})", len(common) >= 5)
        moved = [f"{k}: {uids[DATES[0]][k]} then {uids[DATES[1]][k]}" for k in common if uids[DATES[0]][k] != uids[DATES[1]][k]]
        check(f"UIDs stable between --as-of {DATES[0]} and {DATES[1]}", not moved, "\n".join(moved))
        open_only = both(example, f"--as-of {DATES[0]}", ["--as-of", DATES[0], "deadlines"])
        moved = [k for k in open_only if uids[DATES[0]].get(k) != open_only[k]]
        check("UIDs the same with and without --all", not moved, moved)
        named = both(example, f"--as-of {DATES[0]} --show-names", ["--as-of", DATES[0], "deadlines", "--show-names"])
        moved = [k for k in named if open_only.get(k) != named[k]]
        check("UIDs the same with and without --show-names", not moved, moved)

        # Text to escape, and multi-octet characters at every alignment of the 75-octet fold.
        owners = ["Northdale Police; CID, Child Abuse Investigation \\ Team"]
        for char in ("é", "★", "𝄞"):
            for pad in range(4):
                owners.append("x" * pad + char * 30)
        added = True
        for i, owner in enumerate(owners):
            # Recorded on 2025-12-16: cspr refuses to write a file holding a date after --as-of (R1
            # was completed on 2025-12-15). The deadlines are then listed as of DATES[0].
            code, _, err = run(cspr, special, ["--as-of", "2025-12-16", "actions", "NDSCP-2025-001", "--add",
                                               f"Fold test {i}", "--owner", owner, "--due", "2025-12-05"], env)
            added = added and code == 0
        check(f"setup: {len(owners)} actions with owners to escape and to fold", added, err)
        both(special, f"special copy --as-of {DATES[0]}", ["--as-of", DATES[0], "deadlines"])

        # An empty feed is still a valid calendar: RFC 5545 asks for at least one component.
        code, ics, err = run(cspr, example, ["--as-of", "2024-01-01", "deadlines", "--format", "ics",
                                             "--case", "NDSCP-2025-003"], env)
        empty = icalendar.Calendar.from_ical(ics.decode("utf-8")) if code == 0 else None
        check("an empty feed parses, with no event and one component (the time zone)",
              empty is not None and not empty.walk("VEVENT") and len(empty.subcomponents) == 1, err)

        # --remind: each event has an alarm at 09:00 London time on the working day before it is due.
        code, ics, err = run(cspr, example, ["--as-of", DATES[0], "deadlines", "--format", "ics", "--remind"], env)
        alarms = []
        if code in (0, 1):
            for ev in icalendar.Calendar.from_ical(ics.decode("utf-8")).walk("VEVENT"):
                alarm = ev.walk("VALARM")
                alarms.append((str(ev.get("UID")), ev.decoded("DTSTART"),
                               alarm[0].decoded("TRIGGER") if len(alarm) == 1 else None))
        wrong = [a for a in alarms if a[2] is None or not isinstance(a[2], datetime.datetime)
                 or not (0 < (a[1] - a[2].date()).days <= 4) or a[2].weekday() >= 5]
        check(f"--remind: one alarm per event ({len(alarms)}), a weekday before the due date", alarms and not wrong,
              wrong[:3])
        known = [a for a in alarms if a[1] == datetime.date(2025, 11, 28)]  # a Friday: Thursday 09:00 GMT
        check("--remind: an action due Friday 2025-11-28 alarms at 09:00 GMT on Thursday 27th",
              known and all(a[2] == datetime.datetime(2025, 11, 27, 9, 0, tzinfo=datetime.timezone.utc) for a in known),
              known)

    passed = sum(ok for _, ok in results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())

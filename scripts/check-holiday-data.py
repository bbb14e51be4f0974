#!/usr/bin/env python3
"""Cross-check data/bank-holidays.json against the standing bank-holiday rules.

Independent of how the data file was assembled: it recomputes every division's bank
holidays for every covered year from the rules in the Banking and Financial Dealings
Act 1971 (as practised, with weekend substitutes) plus the explicit list of one-off
and moved days below, then compares date, title and notes of every event.

Usage: python3 scripts/check-holiday-data.py [path/to/bank-holidays.json]
Prints every difference and exits 1 if there is any; otherwise prints
"holiday data: N events checked, 0 differences" and exits 0.
Standard library only. See docs/calendar-data.md for the sources.
"""
import datetime as dt
import json
import os
import sys

APOS = "\u2019"
SUB = "Substitute day"

# Years each division must cover (inclusive).
COVERAGE = {
    "england-and-wales": (1995, 2027),
    "scotland": (2012, 2027),
    "northern-ireland": (2012, 2027),
}
ALL = tuple(COVERAGE)

T_NEW_YEAR = "New Year" + APOS + "s Day"
T_JAN2 = "2nd January"
T_ST_PATRICK = "St Patrick" + APOS + "s Day"
T_GOOD_FRIDAY = "Good Friday"
T_EASTER_MONDAY = "Easter Monday"
T_EARLY_MAY = "Early May bank holiday"
T_SPRING = "Spring bank holiday"
T_BOYNE = "Battle of the Boyne (Orangemen" + APOS + "s Day)"
T_SUMMER = "Summer bank holiday"
T_ST_ANDREW = "St Andrew" + APOS + "s Day"
T_CHRISTMAS = "Christmas Day"
T_BOXING = "Boxing Day"

# Standing-rule days that were moved: (divisions, usual date, new date, title on the new date).
MOVED = [
    (ALL, "1995-05-01", "1995-05-08", "Early May bank holiday (VE day)"),
    (ALL, "2002-05-27", "2002-06-04", T_SPRING),
    (ALL, "2012-05-28", "2012-06-04", T_SPRING),
    (ALL, "2020-05-04", "2020-05-08", "Early May bank holiday (VE day)"),
    (ALL, "2022-05-30", "2022-06-02", T_SPRING),
]

# One-off extra bank holidays: (divisions, date, title).
EXTRA = [
    (ALL, "1999-12-31", "Millennium bank holiday"),
    (ALL, "2002-06-03", "Golden Jubilee bank holiday"),
    (ALL, "2011-04-29", "Royal wedding bank holiday"),
    (ALL, "2012-06-05", "Queen" + APOS + "s Diamond Jubilee"),
    (ALL, "2022-06-03", "Platinum Jubilee bank holiday"),
    (ALL, "2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    (ALL, "2023-05-08", "Bank holiday for the coronation of King Charles III"),
]


def easter_sunday(year):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_monday(year, month, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def last_monday(year, month):
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=last.weekday())


def fixed_or_monday(day, title):
    """A fixed day that moves to the following Monday when it falls at a weekend."""
    if day.weekday() >= 5:
        return [(day + dt.timedelta(days=7 - day.weekday()), title, SUB)]
    return [(day, title, "")]


def christmas(year):
    c = dt.date(year, 12, 25)
    d = lambda n: dt.date(year, 12, n)
    wd = c.weekday()
    if wd == 4:   # Friday: Boxing Day (Saturday) moves to Monday 28
        return [(d(25), T_CHRISTMAS, ""), (d(28), T_BOXING, SUB)]
    if wd == 5:   # Saturday: Monday 27 and Tuesday 28
        return [(d(27), T_CHRISTMAS, SUB), (d(28), T_BOXING, SUB)]
    if wd == 6:   # Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27
        return [(d(26), T_BOXING, ""), (d(27), T_CHRISTMAS, SUB)]
    return [(d(25), T_CHRISTMAS, ""), (d(26), T_BOXING, "")]


def scottish_new_year(year):
    d = lambda n: dt.date(year, 1, n)
    wd = d(1).weekday()
    if wd == 4:   # Fri 1, Sat 2 -> Mon 4
        return [(d(1), T_NEW_YEAR, ""), (d(4), T_JAN2, SUB)]
    if wd == 5:   # Sat 1, Sun 2 -> Mon 3 and Tue 4
        return [(d(3), T_NEW_YEAR, SUB), (d(4), T_JAN2, SUB)]
    if wd == 6:   # Sun 1, Mon 2 -> Mon 2 and Tue 3 (two labellings, see LABELLINGS)
        return [(d(2), T_JAN2, ""), (d(3), T_NEW_YEAR, SUB)]
    return [(d(1), T_NEW_YEAR, ""), (d(2), T_JAN2, "")]


def scottish_new_year_alternative(year):
    """GOV.UK labelled the Sunday case both ways: in its 2012 and 2017 entries
    '2nd January' stands on Mon 2 and New Year's Day is substituted on Tue 3; in its
    2023 entry New Year's Day is substituted on Mon 2 and 2 January on Tue 3.
    Same dates either way; both labellings are accepted."""
    d = lambda n: dt.date(year, 1, n)
    return [(d(2), T_NEW_YEAR, SUB), (d(3), T_JAN2, SUB)]


def standing_rules(division, year):
    easter = easter_sunday(year)
    if division == "scotland":
        days = scottish_new_year(year)
    else:
        days = fixed_or_monday(dt.date(year, 1, 1), T_NEW_YEAR)
    if division == "northern-ireland":
        days += fixed_or_monday(dt.date(year, 3, 17), T_ST_PATRICK)
    days.append((easter - dt.timedelta(days=2), T_GOOD_FRIDAY, ""))
    if division != "scotland":
        days.append((easter + dt.timedelta(days=1), T_EASTER_MONDAY, ""))
    days.append((nth_monday(year, 5, 1), T_EARLY_MAY, ""))
    days.append((last_monday(year, 5), T_SPRING, ""))
    if division == "northern-ireland":
        days += fixed_or_monday(dt.date(year, 7, 12), T_BOYNE)
    if division == "scotland":
        days.append((nth_monday(year, 8, 1), T_SUMMER, ""))
        days += fixed_or_monday(dt.date(year, 11, 30), T_ST_ANDREW)
    else:
        days.append((last_monday(year, 8), T_SUMMER, ""))
    days += christmas(year)
    return days


def expected_variants(division, year):
    """Every acceptable {date: (title, notes)} for one division and year (usually one)."""
    variants = [expected_events(division, year)]
    if division == "scotland" and dt.date(year, 1, 1).weekday() == 6:
        alt = dict(variants[0])
        alt.update({d.isoformat(): (t, n) for d, t, n in scottish_new_year_alternative(year)})
        variants.append(alt)
    return variants


def expected_events(division, year):
    events = {d.isoformat(): (title, notes) for d, title, notes in standing_rules(division, year)}
    for divisions, old, new, title in MOVED:
        if division in divisions and old[:4] == str(year):
            if old not in events:
                raise AssertionError("moved day %s is not a standing-rule day" % old)
            del events[old]
            events[new] = (title, "")
    for divisions, date, title in EXTRA:
        if division in divisions and date[:4] == str(year):
            events[date] = (title, "")
    return events


def check(data):
    diffs = []
    checked = 0
    if not isinstance(data, dict):
        return ["top level is not an object"], 0
    if sorted(data) != sorted(COVERAGE):
        diffs.append("top-level keys %s, expected %s" % (sorted(data), sorted(COVERAGE)))
    for division, (first, last) in COVERAGE.items():
        block = data.get(division)
        if not isinstance(block, dict) or not isinstance(block.get("events"), list):
            diffs.append("%s: missing or malformed division block" % division)
            continue
        if block.get("division") != division:
            diffs.append("%s: division field is %r" % (division, block.get("division")))
        if sorted(block) != ["division", "events"]:
            diffs.append("%s: keys %s, expected ['division', 'events']" % (division, sorted(block)))
        actual = {}
        previous = ""
        for i, ev in enumerate(block["events"]):
            checked += 1
            where = "%s event #%d" % (division, i)
            if not isinstance(ev, dict) or sorted(ev) != ["bunting", "date", "notes", "title"]:
                diffs.append("%s: keys must be title, date, notes, bunting: %r" % (where, ev))
                continue
            date = ev["date"]
            try:
                day = dt.date.fromisoformat(date) if isinstance(date, str) and len(date) == 10 else None
            except ValueError:
                day = None
            if day is None:
                diffs.append("%s: bad date %r" % (where, date))
                continue
            where = "%s %s" % (division, date)
            if not isinstance(ev["title"], str) or not ev["title"]:
                diffs.append("%s: bad title %r" % (where, ev["title"]))
            if ev["notes"] not in ("", SUB):
                diffs.append("%s: notes %r, expected '' or %r" % (where, ev["notes"], SUB))
            if not isinstance(ev["bunting"], bool):
                diffs.append("%s: bunting %r is not a boolean" % (where, ev["bunting"]))
            if day.weekday() >= 5:
                diffs.append("%s: falls on a %s" % (where, day.strftime("%A")))
            if date <= previous:
                diffs.append("%s: not after previous event %s (events must be sorted, no duplicates)" % (where, previous))
            previous = max(previous, date)
            if not first <= day.year <= last:
                diffs.append("%s: outside the covered years %d-%d" % (where, first, last))
                continue
            actual[date] = (ev["title"], ev["notes"])
        for year in range(first, last + 1):
            in_year = {d: v for d, v in actual.items() if d[:4] == str(year)}
            results = [compare(division, variant, in_year) for variant in expected_variants(division, year)]
            diffs.extend(min(results, key=len))
    return diffs, checked


def compare(division, expected, actual):
    diffs = []
    for date in sorted(set(expected) | set(actual)):
        if date not in actual:
            diffs.append("%s %s: missing %r" % (division, date, expected[date][0]))
        elif date not in expected:
            diffs.append("%s %s: unexpected %r (not a bank holiday by the rules or the one-off list)"
                         % (division, date, actual[date][0]))
        else:
            (et, en), (at, an) = expected[date], actual[date]
            if at != et:
                diffs.append("%s %s: title %r, expected %r" % (division, date, at, et))
            if an != en:
                diffs.append("%s %s: notes %r, expected %r" % (division, date, an, en))
    return diffs


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[1] if len(argv) > 1 else os.path.join(here, "..", "data", "bank-holidays.json")
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        print("holiday data: cannot read %s: %s" % (path, exc))
        return 1
    diffs, checked = check(data)
    for line in diffs:
        print(line)
    print("holiday data: %d events checked, %d differences" % (checked, len(diffs)))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""The Python half of tests/lib/facts.sh: check() records a fact, report() prints them all and
the closing "facts: P F" line that tally_facts adds to the script's totals."""

results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok), detail))


def report():
    for what, ok, detail in results:
        print(("ok " if ok else "FAIL ") + what)
        if not ok and detail:
            print("    " + detail)
    print(f"facts: {sum(ok for _, ok, _ in results)} {sum(not ok for _, ok, _ in results)}")

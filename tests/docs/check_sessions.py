#!/usr/bin/env python3
"""Runs the example sessions of docs/steps/*.md and checks that cspr still prints what they show.

    tests/docs/check_sessions.py PATH/TO/cspr REPO [--update]

A session is an indented block whose lines start with `$ `: each such line (with any `\\`
continuation lines) is run with bash in a copy of cases-example/, stdout and stderr together, and
the lines after it, up to the next `$ ` line, are what it printed. A line `...` stands for any
number of lines. A block just after a line `<!-- file: NAME -->` is written to NAME instead (a form
filled in by hand); one after `<!-- not run: WHY -->` is left alone. A page that says "Continues from [PAGE](PAGE)" first runs that page's sessions
(and so on back), without checking them: the pages tell one story in process order.

With --update, a session whose expected output holds no `...` is rewritten with what cspr prints;
in one with `...`, each line shown is replaced by the actual line most like it; what still does not
match is reported with the actual output, to be fixed by hand. Ends with "N passed, N
failed"; exit 1 if anything failed.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

INDENT = "    "


def blocks(lines):
    """Yields (start, end, kind, file) for each indented block (after a blank line, as Markdown has
    it): kind 'session' (its first line is a command) or 'file' (after a file marker)."""
    i = 0
    while i < len(lines):
        if not (lines[i].startswith(INDENT) and (i == 0 or not lines[i - 1].strip())):
            i += 1
            continue
        start = i
        while i < len(lines) and (lines[i].startswith(INDENT) or not lines[i].strip()):
            i += 1
        end = i
        while end > start and not lines[end - 1].strip():
            end -= 1
        marker = next((lines[j] for j in range(max(0, start - 2), start) if lines[j].startswith("<!-- ")), None)
        if marker and marker.startswith("<!-- not run"):
            continue
        if marker and marker.startswith("<!-- file:"):
            yield start, end, "file", marker[len("<!-- file:"):].split("-->")[0].strip()
        elif lines[start][len(INDENT):].startswith("$ "):
            yield start, end, "session", None


def commands(body):
    """The commands of a session and the lines each expects: [(command, [expected...], first, last)]."""
    out, i = [], 0
    while i < len(body):
        if not body[i].startswith("$ "):
            i += 1
            continue
        first = i
        command = body[i][2:]
        while command.endswith("\\") and i + 1 < len(body):  # bash takes the continuation as it is
            i += 1
            command += "\n" + body[i]
        i += 1
        expected_from = i
        while i < len(body) and not body[i].startswith("$ "):
            i += 1
        expected = body[expected_from:i]
        while expected and not expected[-1].strip():
            expected.pop()
        out.append((command, expected, expected_from, expected_from + len(expected)))
    return out


def matches(expected, actual):
    """Whether actual (lines) matches expected, where a line '...' matches any run of lines."""
    memo = {}

    def at(e, a):
        if (e, a) in memo:
            return memo[(e, a)]
        if e == len(expected):
            result = a == len(actual)
        elif expected[e].strip() == "...":
            result = any(at(e + 1, k) for k in range(a, len(actual) + 1))
        else:
            result = a < len(actual) and expected[e].rstrip() == actual[a].rstrip() and at(e + 1, a + 1)
        memo[(e, a)] = result
        return result

    return at(0, 0)


def realigned(expected, actual):
    """For --update of a session with `...`: each shown line replaced by the actual line most like it
    (in order), the `...` kept; what matches no actual line well is kept as it was."""
    out, at = [], 0
    for line in expected:
        if line.strip() == "...":
            out.append(line)
            continue
        scored = [(difflib.SequenceMatcher(None, line, a).ratio(), k) for k, a in enumerate(actual) if k >= at]
        best = max(scored, default=(0, None))
        if best[0] >= 0.6:
            out.append(actual[best[1]])
            at = best[1] + 1
        else:
            out.append(line)
    return out


class Page:
    def __init__(self, path):
        self.path = path
        self.lines = open(path, encoding="utf-8").read().split("\n")
        text = "\n".join(self.lines)
        m = re.search(r"Continu(?:es|ing) [^\[]*from \[([a-z-]+\.md)\]", text)
        self.after = m.group(1) if m else None


def run_page(page, work, env, check, results, update_lines):
    for start, end, kind, name in blocks(page.lines):
        body = [l[len(INDENT):] if l.startswith(INDENT) else "" for l in page.lines[start:end]]
        if kind == "file":
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write("\n".join(body) + "\n")
            continue
        for command, expected, first, last in commands(body):
            done = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True)
            actual = (done.stdout + done.stderr).rstrip("\n").split("\n") if (done.stdout + done.stderr) else []
            if not check:
                continue
            where = f"{os.path.basename(page.path)}:{start + first + 1}"
            label = f"{where}: $ {command.splitlines()[0]}"
            if matches(expected, actual):
                results.append((label, True, ""))
                continue
            if update_lines is not None:
                new = actual if not any(l.strip() == "..." for l in expected) else realigned(expected, actual)
                if matches(new, actual):
                    update_lines.append((start + first, start + last, [INDENT + l if l else "" for l in new]))
                    results.append((label + " (rewritten)", True, ""))
                    continue
            results.append((label, False, "expected:\n      " + "\n      ".join(expected) +
                            "\n    actual:\n      " + "\n      ".join(actual)))


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cspr, repo = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    update = "--update" in sys.argv[3:]
    steps = os.path.join(repo, "docs", "steps")
    pages = {n: Page(os.path.join(steps, n)) for n in sorted(os.listdir(steps)) if n.endswith(".md")}
    results = []
    with tempfile.TemporaryDirectory(prefix="cspr-docs-") as tmp:
        bin_dir = os.path.join(tmp, "bin")
        os.makedirs(bin_dir)
        os.symlink(cspr, os.path.join(bin_dir, "cspr"))
        env = {k: v for k, v in os.environ.items() if k not in ("CSPR_CASES", "XDG_DATA_HOME", "COLUMNS")}
        env.update(PATH=bin_dir + ":" + env.get("PATH", "/usr/bin:/bin"), HOME=os.path.join(tmp, "home"),
                   NO_COLOR="1", LC_ALL="C.UTF-8", PAGER="cat", SOURCE_DIR=repo)
        os.makedirs(env["HOME"])
        for name, page in pages.items():
            chain, at = [], page
            while at.after:
                at = pages[at.after]
                chain.insert(0, at)
            work = os.path.join(tmp, name)
            shutil.copytree(os.path.join(repo, "cases-example"), work)
            for earlier in chain:
                run_page(earlier, work, env, False, results, None)
            update_lines = [] if update else None
            run_page(page, work, env, True, results, update_lines)
            if update_lines:
                for first, last, new in sorted(update_lines, reverse=True):
                    page.lines[first:last] = new
                with open(page.path, "w", encoding="utf-8") as f:
                    f.write("\n".join(page.lines))
    for label, ok, detail in results:
        print(("ok " if ok else "FAIL ") + label)
        if not ok:
            print("    " + detail)
    failed = sum(not ok for _, ok, _ in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

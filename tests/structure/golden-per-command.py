#!/usr/bin/env python3
"""Every subcommand has a golden test: tests/golden/cmd-<name>*.test.

Usage: golden-per-command.py CSPR GOLDEN_DIR

The commands are read from the binary's own --help (the "Subcommands:" list CLI11 prints), not
from a list kept here, so a new command without a golden test fails this check. A command that has
subcommands of its own (calendar) is read one level down too: `calendar add` needs
cmd-calendar-add*.test (and calendar is covered by those). A file counts for one command, the
longest whose name it starts with. Hidden commands (not in --help, such as dev-generate) are not required.
"""
import pathlib
import re
import subprocess
import sys

ENTRY = re.compile(r"^  ([a-z][a-z0-9-]*)(?:\s{2,}|$)")


def subcommands(cspr, *words):
    out = subprocess.run([cspr, *words, "--help"], capture_output=True, text=True, check=True).stdout
    names, inside = [], False
    for line in out.splitlines():
        if line.strip().lower() == "subcommands:":
            inside = True
        elif inside and line and not line.startswith(" "):
            inside = False  # the next section
        elif inside:
            m = ENTRY.match(line)
            if m:
                names.append(m.group(1))
    return names


def main():
    cspr, golden = sys.argv[1], pathlib.Path(sys.argv[2])
    top = subcommands(cspr)
    if not top:
        print("golden: 'cspr --help' lists no subcommands: the check cannot read it")
        return 1
    # Each wanted name (calendar-add for `cspr calendar add`) with the words that run it.
    wanted = {}
    for name in top:
        wanted[name] = name
        for sub in subcommands(cspr, name):
            wanted[f"{name}-{sub}"] = f"{name} {sub}"
    # A file counts for the longest name it starts with, so that cmd-publish-check.test would not
    # stand in for a command named publish; a command with subcommands is covered by theirs.
    covered = set()
    for test in sorted(golden.glob("cmd-*.test")):
        stem = test.name[len("cmd-"):-len(".test")]
        matches = [w for w in wanted if stem == w or stem.startswith(w + "-")]
        if matches:
            best = max(matches, key=len)
            covered.update({best, wanted[best].split(" ")[0]})
    missing = [w for w in wanted if w not in covered]
    for w in missing:
        print(f"golden: no {golden.name}/cmd-{w}*.test for 'cspr {wanted[w]}'")
    print(f"golden: {len(wanted)} commands from --help ({', '.join(wanted.values())}); {len(missing)} without one")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

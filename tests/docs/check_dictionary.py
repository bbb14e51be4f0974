#!/usr/bin/env python3
"""tests/fuzz/fuzz_case_loader.dict starts with `cspr dev-fields --dictionary` (every key and spelling
of the field tables), then the marker line below, then hand-written entries (YAML syntax, values
that are not keys) that the generated part cannot know. libFuzzer reads both parts as one dictionary
(`#` lines are comments).

    check_dictionary.py CSPR REPO_ROOT            fails if the generated part differs or the marker is missing
    check_dictionary.py CSPR REPO_ROOT --update   rewrites the generated part, keeping the hand-written one
"""
import difflib
import subprocess
import sys
from pathlib import Path

MARKER = "# ---- hand-written below: not keys or spellings of the field tables ----\n"


def main(argv):
    update = "--update" in argv
    args = [a for a in argv if a != "--update"]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    cspr, root = args
    path = Path(root) / "tests" / "fuzz" / "fuzz_case_loader.dict"
    text = path.read_text(encoding="utf-8")
    generated = subprocess.run([cspr, "dev-fields", "--dictionary"], check=True, capture_output=True, text=True).stdout
    if MARKER not in text:
        print(f"check_dictionary: {path} has no line {MARKER.strip()!r}", file=sys.stderr)
        return 1
    committed, hand = text.split(MARKER, 1)
    if committed == generated:
        return 0
    if update:
        path.write_text(generated + MARKER + hand, encoding="utf-8")
        return 0
    diff = difflib.unified_diff(committed.splitlines(), generated.splitlines(), "fuzz_case_loader.dict",
                                "cspr dev-fields --dictionary", lineterm="")
    print("\n".join(diff), file=sys.stderr)
    print("check_dictionary: regenerate with tests/docs/check_dictionary.py CSPR REPO_ROOT --update", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

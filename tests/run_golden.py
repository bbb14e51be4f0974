#!/usr/bin/env python3
"""Runs one golden test file against the built cspr binary.

A .test file holds commands and what they must print, in the style of ledger's baseline tests:

    # Comments before the first command say what the test is about.
    $ cspr calendar add 2024-12-20 5
    2024-12-31
    $ cspr calendar is-working-day 2023-05-08
    no
    exit: 1
    $ cspr calendar add 2023-02-30 1
    2> cspr: DATE: '2023-02-30' is not a date; expected YYYY-MM-DD, e.g. 2025-03-04
    exit: 2

Each `$` line runs in bash, in a fresh temporary copy of cases-example/ (the copy is shared by the
commands of one file, so a file can tell a story), with `cspr` on PATH, HOME in the temporary
folder and NO_COLOR set; the temporary folder's path reads `$TMP` in output. Lines after it are its expected standard output; `2> ` lines its standard
error; `exit: N` its exit code (0 when absent). Output is compared exactly.

`run_golden.py --update CSPR FILE SOURCE_DIR` rewrites FILE with the actual output, to be reviewed
with git diff before committing: the way to record an intended change of output.

Every command that exits 2 must leave the folder byte-identical: the runner checks that itself, so
each bad-input test also proves that nothing on disk changed. (Exit 1 is an answer, not an error:
`--edit` stopped by the user keeps its form in forms/, as git keeps an aborted message.)
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile


def parse(path):
    blocks, current = [], None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("$ "):
                current = {"line": number, "cmd": line[2:], "out": [], "err": [], "exit": 0}
                blocks.append(current)
            elif current is None:
                continue  # comments before the first command
            elif line.startswith("2> ") or line == "2>":
                current["err"].append(line[3:])
            elif line.startswith("exit: "):
                current["exit"] = int(line[6:])
            else:
                current["out"].append(line)
    for b in blocks:
        while b["out"] and b["out"][-1] == "":
            b["out"].pop()
    return blocks


def snapshot(folder):
    digest = {}
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files) + [d + "/" for d in dirs]:
            path = os.path.join(root, name.rstrip("/"))
            rel = os.path.relpath(path, folder)
            if name.endswith("/"):
                digest[rel + "/"] = oct(os.stat(path).st_mode)
            else:
                with open(path, "rb") as f:
                    digest[rel] = (oct(os.stat(path).st_mode), hashlib.sha256(f.read()).hexdigest())
    return digest


def lines(text, tmp):
    out = text.replace(tmp, "$TMP").split("\n")
    while out and out[-1] == "":
        out.pop()
    return out


def render(block, stdout, stderr, code, tmp):
    out = ["$ " + block["cmd"]] + lines(stdout, tmp)
    out += ["2> " + l if l else "2>" for l in lines(stderr, tmp)]
    if code != 0:
        out.append(f"exit: {code}")
    return out


def main():
    update = "--update" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--update"]
    cspr, test_file, source_dir = args[0:3]
    header = []
    with open(test_file, encoding="utf-8") as f:
        for raw in f:
            if raw.startswith("$ "):
                break
            header.append(raw.rstrip("\n"))
    rewritten = list(header)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cspr-golden-") as tmp:
        work = os.path.join(tmp, "cases")
        shutil.copytree(os.path.join(source_dir, "cases-example"), work, symlinks=True)
        # As cspr would have made it (git checks files out 0644): validate reports case files and
        # folders more open than cspr.yaml allows. Commands run with umask 077 for the same reason.
        os.umask(0o077)
        for dirpath, dirnames, filenames in os.walk(os.path.join(work, "cases")):
            os.chmod(dirpath, 0o700)
            for name in filenames:
                os.chmod(os.path.join(dirpath, name), 0o600)
        home = os.path.join(tmp, "home")
        os.mkdir(home)
        bin_dir = os.path.join(tmp, "bin")
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(cspr), os.path.join(bin_dir, "cspr"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("CSPR_") and k != "XDG_DATA_HOME"}
        env.update({"PATH": bin_dir + os.pathsep + env.get("PATH", ""), "HOME": home, "NO_COLOR": "1",
                    "SOURCE_DIR": source_dir, "LC_ALL": "C.UTF-8"})
        for block in parse(test_file):
            before = snapshot(work)
            result = subprocess.run(["bash", "-c", block["cmd"]], cwd=work, env=env, capture_output=True,
                                    text=True, timeout=60)
            if update:
                rewritten += render(block, result.stdout, result.stderr, result.returncode, tmp)
            problems = []
            if result.returncode != block["exit"]:
                problems.append(f"exit code {result.returncode}, expected {block['exit']}")
            if lines(result.stdout, tmp) != block["out"]:
                problems.append("stdout differs:\n--- expected\n" + "\n".join(block["out"]) +
                                "\n--- actual\n" + result.stdout)
            if lines(result.stderr, tmp) != block["err"]:
                problems.append("stderr differs:\n--- expected\n" + "\n".join(block["err"]) +
                                "\n--- actual\n" + result.stderr)
            # Exit 2 means nothing changed (every command). Exit 1 is an answer, not a failure: --edit
            # stopped by the user keeps the form it opened in forms/, as git keeps its message file.
            if result.returncode == 2 and snapshot(work) != before:
                problems.append("the command failed (exit 2) but changed the case folder")
            if problems:
                failures += 1
                print(f"{test_file}:{block['line']}: $ {block['cmd']}")
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
    if update:
        with open(test_file, "w", encoding="utf-8") as f:
            f.write("\n".join(rewritten) + "\n")
        print(f"{os.path.basename(test_file)}: rewritten from actual output; review it with git diff")
        return 0
    print(f"{os.path.basename(test_file)}: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""cspr's pager, as git's: on a terminal, standard output goes through $PAGER; not with --no-pager,
not with PAGER=cat, never when standard output is not a terminal; the exit code is cspr's.

    tests/pager/pager.py PATH/TO/cspr SOURCE_DIR

Runs cspr on a pseudo-terminal, with PAGER set to a command that marks each line it passes on.
"""
import os
import pty
import subprocess
import sys

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok " if ok else "FAIL ") + name + ("" if ok else f"\n    {detail!r}"))


def on_terminal(argv, env):
    """Runs argv with stdin and stdout on a pseudo-terminal; returns (exit code, what it printed)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def main():
    cspr, source = sys.argv[1], sys.argv[2]
    base = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "NO_COLOR": "1", "LC_ALL": "C.UTF-8"}
    marking = dict(base, PAGER="sed s/^/paged:/")
    args = [cspr, "--cases", os.path.join(source, "cases-example"), "--as-of", "2025-11-26"]

    code, out = on_terminal(args + ["list"], marking)
    lines = [l for l in out.splitlines() if l]
    check("list on a terminal goes through $PAGER", code == 0 and lines and all(l.startswith("paged:") for l in lines), out)
    code, out = on_terminal(args + ["deadlines"], marking)
    check("the exit code is cspr's, not the pager's (deadlines: 1, overdue)", code == 1 and "paged:" in out, (code, out))
    code, out = on_terminal(args + ["--no-pager", "list"], marking)
    check("--no-pager: straight to the terminal", code == 0 and "paged:" not in out and "NDSCP-2025-001" in out, out)
    code, out = on_terminal(args + ["list", "--no-pager"], marking)
    check("--no-pager after the command too", code == 0 and "paged:" not in out, out)
    code, out = on_terminal(args + ["list"], dict(base, PAGER="cat"))
    check("PAGER=cat: no pager", code == 0 and "NDSCP-2025-001" in out, out)
    code, out = on_terminal(args + ["show", "NDSCP-2099-001"], marking)
    check("an error goes to stderr, not through the pager", code == 2 and "cspr:" in out and "paged:cspr" not in out, out)
    piped = subprocess.run(args + ["list"], env=marking, capture_output=True, text=True)
    check("not a terminal: no pager", piped.returncode == 0 and "paged:" not in piped.stdout, piped.stdout)

    print(f"pager: {sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

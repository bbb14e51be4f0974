#!/usr/bin/env python3
"""No include from a lower layer to a higher one.

Usage: layers.py SOURCE_DIR

The layers, lowest first, as the code has them: common (include/cspr/error.hpp, src/common/) <
calendar < model < store, rules < cli. store and rules are siblings over model: neither includes
the other. A layer's files are everything under src/<layer>/ and its public headers in include/cspr/:
<layer>.hpp, and any other header there whose namespace is cspr::<layer>;
error.hpp, in namespace cspr itself, is common. Every #include "..." and #include <cspr/...> in
those files is placed in a layer (quoted names are looked up beside the file, then under src/, then
under include/, as the compiler does); one that cannot be placed is an error too, since the check
could not judge it.
"""
import pathlib
import re
import sys

# Rank of each layer: a file may include its own layer or a layer of lower rank. store and rules
# share a rank, so neither may include the other.
RANK = {"common": 0, "calendar": 1, "model": 2, "store": 3, "rules": 3, "cli": 4}
NAMESPACE = re.compile(r"^namespace cspr(?:::(\w+))?\s*\{", re.M)
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = {".cpp", ".hpp", ".h", ".cc"}


def layer_of(path, root):
    rel = path.resolve().relative_to(root)
    parts = rel.parts
    if parts[:2] == ("include", "cspr") and len(parts) == 3:
        if path.stem in RANK:
            return path.stem
        m = NAMESPACE.search(path.read_text(errors="replace")) if path.is_file() else None
        name = (m.group(1) or "common") if m else None
        return name if name in RANK else None
    if parts[0] == "src" and len(parts) >= 3:
        return parts[1] if parts[1] in RANK else None
    return None


def resolve(including, name, quoted, root):
    if name.startswith("cspr/"):
        candidates = [root / "include" / name]
    elif quoted:
        candidates = [including.parent / name, root / "src" / name, root / "include" / name]
    else:
        return None  # the standard library or a dependency
    for c in candidates:
        if c.is_file():
            return c
    return candidates[0]  # reported as unplaceable below


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    files = sorted(p for p in (root / "include" / "cspr").iterdir() if p.suffix in SOURCE_SUFFIXES)
    files += sorted(p for p in (root / "src").rglob("*") if p.suffix in SOURCE_SUFFIXES)
    problems = []
    checked = 0
    for path in files:
        if not path.is_file():
            continue
        own = layer_of(path, root)
        rel = path.relative_to(root)
        if own is None:
            problems.append(f"{rel}: in no layer (src/<layer>/, or include/cspr/ in namespace cspr::<layer>; "
                            f"layers: {', '.join(RANK)})")
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = resolve(path, m.group(2), m.group(1) == '"', root)
            if target is None:
                continue
            checked += 1
            other = layer_of(target, root) if target.is_file() else None
            if other is None:
                problems.append(f"{rel}:{number}: includes {m.group(2)}, which is in no layer")
            elif other != own and RANK[other] >= RANK[own]:
                why = "its sibling" if RANK[other] == RANK[own] else "a higher layer"
                problems.append(f"{rel}:{number}: {own} includes {m.group(2)}, of {why} {other}")
    for p in problems:
        print(p)
    print(f"layers: {checked} includes checked in {len(files)} files; {len(problems)} problems "
          "(order: common < calendar < model < store, rules < cli; store and rules never include each other)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

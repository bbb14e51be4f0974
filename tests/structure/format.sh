#!/usr/bin/env bash
# Every C++ file under src/, include/, tests/ and bench/ is as clang-format-14 would write it
# (.clang-format). Prints each file that is not, with clang-format's first complaint; exit 1 if any.
#
#   tests/structure/format.sh SOURCE_DIR
set -uo pipefail
cd "${1:?usage: format.sh SOURCE_DIR}" || exit 2
formatter=$(command -v clang-format-14 || command -v clang-format) || {
    echo "format.sh: clang-format is not installed (scripts/setup installs it)" >&2; exit 2; }
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 2>/dev/null ||
                     find src include tests bench -name '*.cpp' -o -name '*.hpp')
bad=0
for f in "${files[@]}"; do
    if ! out=$("$formatter" --dry-run --Werror "$f" 2>&1); then
        echo "not formatted: $f: $(grep -m1 'error:' <<<"$out")"
        bad=$((bad + 1))
    fi
done
echo "format: ${#files[@]} files, $bad not formatted (clang-format-14 -i FILE reformats one)"
[[ $bad -eq 0 ]]

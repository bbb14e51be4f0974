#!/usr/bin/env bash
# No C++ source under src/, include/ or tests/ over 500 lines (house style: files with one job).
# Usage: file-length.sh SOURCE_DIR
set -euo pipefail
root=${1:?usage: file-length.sh SOURCE_DIR}
limit=500
# Files that may stay longer, with the reason, only while none of them can be split: none today.
exceptions=()

cd "$root"
over=0
checked=0
while IFS= read -r -d '' file; do
  checked=$((checked + 1))
  lines=$(wc -l < "$file")
  ((lines > limit)) || continue
  for e in "${exceptions[@]}"; do [[ $file == "$e" ]] && continue 2; done
  echo "$file: $lines lines (limit $limit): split it along the source files it tests or the jobs it does"
  over=$((over + 1))
done < <(find src include tests -name node_modules -prune -o -type f \
           \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cc' \) -print0 | sort -z)
echo "file length: $checked C++ files checked, $over over $limit lines"
((over == 0))

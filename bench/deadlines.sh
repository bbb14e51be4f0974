#!/usr/bin/env bash
# Benchmark of the nightly check: `cspr deadlines --format json` over 1,000 and 10,000 generated
# fictional cases (every step file), on a first run and after a `git pull` that changed a few
# cases. Prints wall time, cases per second and peak memory (GNU time). Asserts nothing.
# Usage: bench/deadlines.sh [path-to-cspr]
set -euo pipefail
cd "$(dirname "$0")/.."
cspr=$(realpath "${1:-${CSPR_BUILD_DIR:-build}/cspr}")
[ -x /usr/bin/time ] || { echo "bench: installing GNU time" >&2; apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # label, folder, cases
  local label=$1 folder=$2 cases=$3 out
  out=$( { /usr/bin/time -f "%e %M" "$cspr" --cases "$folder" --as-of 2026-06-01 deadlines --format json >/dev/null; } 2>&1 | tail -1 ) || true
  read -r seconds kb <<<"$out"
  awk -v l="$label" -v s="$seconds" -v k="$kb" -v n="$cases" \
    'BEGIN { printf "%-34s %6.2f s  %8.0f cases/s  %6.1f MB peak\n", l, s, (s > 0 ? n / s : 0), k / 1024 }'
}

echo "cspr deadlines --format json on $(nproc) cores ($(uname -m)), $("$cspr" --version)"
for n in 1000 10000; do
  folder=$work/cases-$n
  "$cspr" dev-generate "$folder" --count "$n" --seed 42 >/dev/null
  files=$(find "$folder/cases" -name '*.yaml' | wc -l)
  git -C "$folder" init -q && git -C "$folder" add -A && \
    git -C "$folder" -c user.name=bench -c user.email=bench@example.invalid commit -qm base
  sync
  measure "$n cases ($files files), first run" "$folder" "$n"
  measure "$n cases, second run" "$folder" "$n"
  # A `git pull` that changed a few cases: five decisions amended, one action added.
  for id in $(ls "$folder/cases" | grep NDSCP | head -5); do
    sed -i 's/^unanimous: true$/unanimous: false/' "$folder/cases/$id/decision.yaml"
  done
  git -C "$folder" -c user.name=bench -c user.email=bench@example.invalid commit -qam "a few cases changed"
  measure "$n cases, after a few changed" "$folder" "$n"
done

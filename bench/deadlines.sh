#!/usr/bin/env bash
# Benchmark of the nightly check: `cspr deadlines --format json` over 1,000 and 10,000 generated
# fictional cases (every step file), as generated and after a `git pull` that changed a few cases.
# Given a second binary, it times both on the same folders, runs alternating, so that a change is
# judged against a baseline measured under the same load rather than against figures from another
# day or machine. It also times merely reading the same files (the floor), since what the machine
# does in that time is the part no change to cspr can remove.
# Prints medians of wall time, CPU time (user + sys) and peak memory (GNU time). Asserts nothing.
# Usage: bench/deadlines.sh [NEW [BASELINE]]      (BENCH_RUNS=5: timed runs of each per stage)
set -euo pipefail
export LC_ALL=C  # the shell clock, sort and awk must agree on the decimal point
cd "$(dirname "$0")/.."
new=$(realpath "${1:-${CSPR_BUILD_DIR:-build}/cspr}")
base=${2:+$(realpath "$2")}
runs=${BENCH_RUNS:-5}
[ -x /usr/bin/time ] || { echo "bench: installing GNU time" >&2; apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { echo "${EPOCHREALTIME:-$(date +%s.%N)}"; }

# Runs a command once, stdout discarded, and appends "wall cpu kb" to the file $1 (wall from the
# shell's clock: GNU time's %e has 10 ms steps, too coarse for the floor of 1,000 cases).
# Exit 1 is cspr's "something overdue", which generated cases always have; 2 and up are errors.
time_once() {
  local out=$1 t0 t1 rc=0 user sys kb; shift
  t0=$(now)
  /usr/bin/time -o "$work/time" -f "%U %S %M" "$@" >/dev/null 2>"$work/stderr" || rc=$?
  t1=$(now)
  [ "$rc" -le 1 ] || echo "bench: exit $rc from $* ($(head -c 200 "$work/stderr"))" >&2
  read -r user sys kb < <(tail -1 "$work/time")
  awk -v a="$t0" -v b="$t1" -v u="$user" -v s="$sys" -v k="$kb" \
    'BEGIN { printf "%.4f %.2f %d\n", b - a, u + s, k }' >>"$out"
}

floor() { time_once "$1" find "$2" -name .git -prune -o -name '*.yaml' -exec cat {} +; }
cspr() { time_once "$1" "$2" --cases "$3" --as-of 2026-06-01 deadlines --format json; }

# Median of column $2 of the file $1, and the range "min–max" of its wall times.
median() { sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c }
  END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
range() { sort -g -k1,1 "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.3f–%.3f", lo, hi }'; }

report() {  # label, file, cases, floor median
  local label=$1 file=$2 cases=$3 floor=$4
  awk -v l="$label" -v w="$(median "$file" 1)" -v r="$(range "$file")" -v c="$(median "$file" 2)" \
      -v k="$(median "$file" 3)" -v n="$cases" -v f="$floor" \
    'BEGIN { printf "  %-9s %7.3f s (%s)  cpu %5.2f s  %7.0f cases/s  %6.1f MB peak  %5.1f× floor\n",
             l, w, r, c, (w > 0 ? n / w : 0), k / 1024, (f > 0 ? w / f : 0) }'
}

stage() {  # title, folder, cases
  local title=$1 folder=$2 cases=$3 dir i
  dir=$(mktemp -d "$work/stage.XXXX")
  # One untimed run of each: warms the page cache, and shows whether the two agree.
  local args=(--as-of 2026-06-01 deadlines --format json)
  "$new" --cases "$folder" "${args[@]}" >"$dir/new.json" 2>/dev/null || true
  [ -z "$base" ] || "$base" --cases "$folder" "${args[@]}" >"$dir/base.json" 2>/dev/null || true
  for ((i = 0; i < runs; i++)); do
    floor "$dir/floor" "$folder"
    if [ -z "$base" ]; then
      cspr "$dir/new" "$new" "$folder"
    elif ((i % 2 == 0)); then  # alternate which goes first, so neither always follows the floor
      cspr "$dir/new" "$new" "$folder"; cspr "$dir/base" "$base" "$folder"
    else
      cspr "$dir/base" "$base" "$folder"; cspr "$dir/new" "$new" "$folder"
    fi
  done
  local floor_s; floor_s=$(median "$dir/floor" 1)
  echo "$title"
  printf '  %-9s %7.3f s (%s)\n' floor "$floor_s" "$(range "$dir/floor")"
  report new "$dir/new" "$cases" "$floor_s"
  [ -n "$base" ] || return 0
  report baseline "$dir/base" "$cases" "$floor_s"
  awk -v a="$(median "$dir/new" 1)" -v b="$(median "$dir/base" 1)" \
      -v c="$(median "$dir/new" 2)" -v d="$(median "$dir/base" 2)" \
    'BEGIN { printf "  new/baseline  wall %.2f  cpu %.2f\n", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0) }'
  if cmp -s "$dir/new.json" "$dir/base.json"; then echo "  output    identical"
  else echo "  output    differs"; fi
}

echo "cspr deadlines --format json on $(nproc) cores ($(uname -m)); median of $runs runs each" \
  "${base:+(alternating)}; range in brackets"
echo "  new:      $new ($("$new" --version))"
[ -z "$base" ] || echo "  baseline: $base ($("$base" --version))"
echo "  floor:    find FOLDER -name '*.yaml' -exec cat {} + >/dev/null (every yaml file read once)"
for n in 1000 10000; do
  folder=$work/cases-$n
  "$new" dev-generate "$folder" --count "$n" --seed 42 >/dev/null
  files=$(find "$folder" -name '*.yaml' | wc -l)
  git -C "$folder" init -q && git -C "$folder" add -A && \
    git -C "$folder" -c user.name=bench -c user.email=bench@example.invalid commit -qm base
  sync
  stage "$n cases ($files yaml files), as generated" "$folder" "$n"
  # A `git pull` that changed a few cases: five decisions amended.
  for id in $(ls "$folder/cases" | grep NDSCP | head -5); do
    sed -i 's/^unanimous: true$/unanimous: false/' "$folder/cases/$id/decision.yaml"
  done
  git -C "$folder" -c user.name=bench -c user.email=bench@example.invalid commit -qam "a few cases changed"
  stage "$n cases, after five changed" "$folder" "$n"
done

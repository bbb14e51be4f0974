#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ and runs each for ITERATIONS inputs (docs/fuzzing.md).
#
#   tests/fuzz/run.sh [ITERATIONS]          # default 1000000 per fuzzer
#
# Environment:
#   FUZZ_TARGETS  fuzzers to run, space-separated (default: all three)
#   FUZZ_ARGS     extra libFuzzer flags, e.g. "-max_total_time=600", "-seed=1", or
#                 "-fork=1 -ignore_crashes=1" to go on after a crash and collect every one (the run
#                 still fails if any was found)
#   FUZZ_BUILD    build folder (default build-fuzz), to run fuzzers from two builds at once
#   CC, CXX       default clang-14 / clang++-14
#
# Each fuzzer runs on a copy of its seed corpus (build-fuzz/corpus/<target>/), so the committed
# corpus in tests/fuzz/corpus/ never grows; a crash, timeout, leak or out-of-memory input is written to
# build-fuzz/artifacts/ and the script exits non-zero after running the remaining fuzzers.
set -uo pipefail

iterations=${1:-1000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=${FUZZ_BUILD:-build-fuzz}
targets=${FUZZ_TARGETS:-fuzz_dates fuzz_holiday_feed fuzz_case_loader}

# Everything, libraries included, is built with the sanitizers and libFuzzer's coverage
# instrumentation; the fuzz executables add -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt).
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS"
CC=${CC:-clang-14} CXX=${CXX:-clang++-14} cmake -S . -B "$build" -DCSPR_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBUILD_TESTING=OFF -DCMAKE_CXX_FLAGS="$flags" >"$build.configure.log" 2>&1 || {
    cat "$build.configure.log"; echo "run.sh: cmake configure failed" >&2; exit 2; }
rm -f "$build.configure.log"
# shellcheck disable=SC2086
cmake --build "$build" --parallel 2 --target $targets || { echo "run.sh: build failed" >&2; exit 2; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
summary=""
for target in $targets; do
    work="$build/corpus/$target"
    rm -rf "$work"
    mkdir -p "$work" "$build/artifacts" "$build/logs"
    cp -r "tests/fuzz/corpus/$target/." "$work/"
    dict=()
    [[ -f tests/fuzz/$target.dict ]] && dict=(-dict="tests/fuzz/$target.dict")
    log="$build/logs/$target.log"
    echo "== $target: $iterations runs, seeds $(find "tests/fuzz/corpus/$target" -type f | wc -l) files (log: $log)"
    start=$(date +%s)
    marker=$(mktemp)
    # shellcheck disable=SC2086
    "$build/tests/fuzz/$target" -runs="$iterations" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "${dict[@]}" \
        ${FUZZ_ARGS:-} "$work" >"$log" 2>&1
    rc=$?
    seconds=$(( $(date +%s) - start ))
    # Any crash, timeout, leak or out-of-memory input written by this run (also in -fork mode with
    # -ignore_crashes=1, where libFuzzer goes on and exits 0).
    mapfile -t found < <(find "$build/artifacts" -name "$target-*" -newer "$marker" -type f | sort)
    rm -f "$marker"
    corpus_files=$(find "$work" -type f | wc -l)
    # The final stats: `#N DONE cov: ...` and `Done N runs in S second(s)`; in -fork mode the last
    # `#N: cov: ...` line.
    done_line=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
    [[ -z $done_line ]] && done_line=$(grep -a -E '^#[0-9]+: cov:' "$log" | tail -1)
    stats_line=$(grep -a -E '^Done [0-9]+ runs' "$log" | tail -1)
    [[ -z $stats_line ]] && stats_line="(fork mode) $(grep -a -E '^INFO: (fuzzed for|exiting)' "$log" | tail -2 | tr '\n' ' ')"
    if [[ $rc -ne 0 || ${#found[@]} -gt 0 ]]; then
        status=1
        echo "!! $target FAILED (exit $rc, ${#found[@]} input(s) in $build/artifacts) after ${seconds}s; the end of its log:"
        tail -40 "$log"
        printf '   %s\n' "${found[@]}"
        summary+="$target: FAILED (exit $rc; ${#found[@]} artifact(s)), see $log"$'\n'
    else
        echo "$done_line"
        echo "$stats_line (wall ${seconds}s; corpus grew to $corpus_files files in $work)"
        summary+="$target: ok — $stats_line; ${done_line#*DONE   }"$'\n'
    fi
done

echo
echo "== summary"
printf '%s' "$summary"
exit $status

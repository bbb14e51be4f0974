#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ and runs each for ITERATIONS inputs (docs/fuzzing.md).
#
#   tests/fuzz/run.sh [ITERATIONS]          # default 1000000 per fuzzer
#
# Environment:
#   FUZZ_TARGETS  fuzzers to run, space-separated (default: all three)
#   FUZZ_ARGS     extra libFuzzer flags, e.g. "-max_total_time=600" or
#                 "-fork=1 -ignore_crashes=1" to go on after a crash and collect every one (the run
#                 still fails if any was found)
#   FUZZ_PROCESSES  fuzzer processes per target (default 1), sharing ITERATIONS between them, each
#                 with its own seed, corpus copy and log: 2 on a 2-core machine halves the time
#   FUZZ_BUILD    build folder (default build-fuzz), to run fuzzers from two builds at once
#   ASAN_OPTIONS  for the run (default: no stack-use-after-return check, no allocation stacks; below)
#   REPLAY_ASAN_OPTIONS  for the replay of the grown corpus (default: with both)
#   CC, CXX       default clang-14 / clang++-14
#
# Each fuzzer runs on a copy of its seed corpus (build-fuzz/corpus/<target>/), so the committed
# corpus in tests/fuzz/corpus/ never grows; a crash, timeout, slow unit, leak or out-of-memory input is
# written to build-fuzz/artifacts/ and the script exits non-zero after running the remaining fuzzers.
#
# ASan's stack-use-after-return check (a fake stack for every frame) took half of fuzz_case_loader's
# time, YAML being read by deep recursion, and recording a stack trace for every allocation (for the
# "allocated by" part of a report) a sixth of the rest. So the fuzzers run without either, and then
# every input of the corpus they grew (each coverage feature found, seeds included) is replayed once
# with both. To read the full report of an input that failed the run, replay it with both as well.
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

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:strict_string_checks=1:malloc_context_size=0}
replay_asan_options=${REPLAY_ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# run_part TARGET PART RUNS: one fuzzer process, on its own copy of the seed corpus, with its own log
# and random seed; prints its result and returns non-zero if it failed.
run_part() {
    local target=$1 part=$2 runs=$3
    local work="$build/corpus/$target.$part" log="$build/logs/$target.$part.log"
    rm -rf "$work"
    mkdir -p "$work" "$build/artifacts" "$build/logs"
    cp -r "tests/fuzz/corpus/$target/." "$work/"
    local dict=()
    [[ -f tests/fuzz/$target.dict ]] && dict=(-dict="tests/fuzz/$target.dict")
    local start marker rc seconds found corpus_files done_line stats_line
    start=$(date +%s)
    marker=$(mktemp)
    # shellcheck disable=SC2086
    "$build/tests/fuzz/$target" -runs="$runs" -seed="$((part + 1))" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
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
        echo "!! $target (process $part) FAILED (exit $rc, ${#found[@]} input(s) in $build/artifacts) after ${seconds}s; the end of $log:"
        tail -40 "$log"
        printf '   %s\n' "${found[@]}"
        return 1
    fi
    echo "$target (process $part): ok — $stats_line, wall ${seconds}s; ${done_line#*DONE   }; corpus grew to $corpus_files files"
}

# replay TARGET: every input of the corpora the run grew, once, with the replay's ASAN_OPTIONS.
replay() {
    local target=$1 log="$build/logs/$target.replay.log" dirs=() inputs
    for ((part = 0; part < processes; part++)); do dirs+=("$build/corpus/$target.$part"); done
    inputs=$(find "${dirs[@]}" -type f | wc -l)
    if ASAN_OPTIONS=$replay_asan_options "$build/tests/fuzz/$target" -runs=0 -timeout=30 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix="$build/artifacts/$target-replay-" "${dirs[@]}" >"$log" 2>&1; then
        echo "$target replay: ok — $inputs corpus inputs, each once, with ASAN_OPTIONS=$replay_asan_options"
    else
        echo "!! $target replay FAILED with ASAN_OPTIONS=$replay_asan_options; the end of $log:"
        tail -40 "$log"
        return 1
    fi
}

processes=${FUZZ_PROCESSES:-1}
status=0
for target in $targets; do
    echo "== $target: $iterations runs in $processes process(es), seeds $(find "tests/fuzz/corpus/$target" -type f | wc -l) files (logs: $build/logs/$target.*.log)"
    results=$(mktemp)
    for ((part = 0; part < processes; part++)); do
        share=$(( iterations / processes + (part < iterations % processes ? 1 : 0) ))
        run_part "$target" "$part" "$share" >"$results.$part" 2>&1 &
    done
    wait_status=0
    for ((part = 0; part < processes; part++)); do wait -n || wait_status=1; done
    cat "$results".* | tee -a "$build/logs/summary"
    rm -f "$results" "$results".*
    [[ $wait_status -ne 0 ]] && status=1
    replay "$target" | tee -a "$build/logs/summary"
    [[ ${PIPESTATUS[0]} -ne 0 ]] && status=1
done

echo
echo "== summary"
[[ $status -eq 0 ]] && echo "all fuzzers ok" || echo "some fuzzer FAILED (see above)"
exit $status

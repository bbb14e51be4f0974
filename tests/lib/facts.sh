# Sourced by the test scripts that check many facts in one run (tests/json/check-outputs.sh,
# tests/list/check-json.sh, tests/deadlines/check-json.sh): one way to count what passed, in bash
# and in the Python heredocs (tests/lib/facts.py), so each script ends with one "N passed, M failed".
#   source tests/lib/facts.sh
#   pass "what held"; fail "what did not" "detail"
#   python3 - ... >"$tmp/facts.out" <<'PY' ... report() ... PY; tally_facts "$tmp/facts.out"
#   finish_facts   # prints the totals; its status is the script's
passed=0 failed=0
pass() { echo "ok $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; shift; [[ $# -gt 0 ]] && printf '    %s\n' "$@"; failed=$((failed + 1)); }
export PYTHONPATH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)${PYTHONPATH:+:$PYTHONPATH}"

# Echoes the Python checks' lines and adds their closing "facts: P F" to the totals; a missing
# closing line means the Python crashed part way, which is a failure of its own.
tally_facts() {
    local line p f
    while IFS= read -r line; do
        case $line in
            "facts: "*) read -r _ p f <<<"$line"; passed=$((passed + p)); failed=$((failed + f)) ;;
            *) echo "$line" ;;
        esac
    done <"$1"
    grep -q '^facts: ' "$1" || fail "facts: the Python checks finished"
}

finish_facts() {
    echo "$passed passed, $failed failed"
    [[ $failed -eq 0 ]]
}

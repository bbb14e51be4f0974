# Shared by the hardening scripts (sourced, with the script's arguments CSPR SOURCE_DIR): the
# binary and the source folder as absolute paths, a temporary folder removed on exit, and
# check NAME CONDITION, which counts passes and failures and names each failure.
set -uo pipefail
# Copies of cases-example/ are made as cspr makes case folders (0600 files, 0700 folders), not as git
# checked them out (0644, 0755), which validate reports as more open than cspr.yaml allows.
umask 077
cspr=$(realpath "$1") source=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

#!/usr/bin/env bash
# cmake --install into a temporary prefix: cspr, cspr(1), cspr-files(5) and the bash, zsh and fish
# completions land where those tools look; the man pages render without a warning and name every
# command and file kind; each completion script parses and completes a command, a nested command,
# an option and a --format value. Arguments: CSPR BUILD_DIR SOURCE_DIR.
source "$(dirname "$0")/../hardening/lib.sh" "$1" "$3"
build=$(realpath "$2")
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1
installed=$?
check "cmake --install succeeds ($(tail -1 "$work/install.log"))" '[ "$installed" -eq 0 ]'
for f in bin/cspr share/man/man1/cspr.1 share/man/man5/cspr-files.5 share/bash-completion/completions/cspr \
  share/zsh/site-functions/_cspr share/fish/vendor_completions.d/cspr.fish; do
  check "installs $f" '[ -s "$prefix/$f" ]'
done
check "the installed cspr runs" '"$prefix/bin/cspr" --version | grep -q "^cspr "'

# The man pages: no groff warning, every command and every file kind, the examples.
for page in man1/cspr.1 man5/cspr-files.5; do
  groff -man -ww -z "$prefix/share/man/$page" 2>"$work/groff.err"
  check "$page renders without a warning ($(head -1 "$work/groff.err"))" '[ ! -s "$work/groff.err" ]'
done
MANWIDTH=80 man -l "$prefix/share/man/man1/cspr.1" >"$work/cspr.txt" 2>"$work/man.err"
check "man -l renders cspr(1)" '[ -s "$work/cspr.txt" ] && [ ! -s "$work/man.err" ]'
for c in $("$cspr" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && /^  [a-z]/ {print $1}'); do
  check "cspr(1) describes cspr $c" 'grep -q "^   cspr $c\$" "$work/cspr.txt"'
done
check "cspr(1) describes the nested commands (cspr calendar add)" 'grep -q "^   cspr calendar add$" "$work/cspr.txt"'
check "cspr(1) has the commands' examples" '[ "$(grep -c "^       Examples:" "$work/cspr.txt")" -ge 15 ]'
check "cspr(1) lists the global options once" '[ "$(grep -c -- "^       --as-of DATE" "$work/cspr.txt")" -eq 1 ]'
MANWIDTH=80 man -l "$prefix/share/man/man5/cspr-files.5" >"$work/files.txt" 2>/dev/null
for kind in $("$cspr" dev-fields --kinds); do
  check "cspr-files(5) describes $kind" 'grep -q "$kind.yaml" "$work/files.txt"'
done
check "cspr-files(5) marks personal keys" 'grep -q "date_of_birth" "$work/files.txt"'

# The completions parse, and complete.
bash_complete() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _cspr; echo "${COMPREPLY[*]}"' \
    sh "$prefix/share/bash-completion/completions/cspr" "$@"
}
check "bash -n parses the bash completion" 'bash -n "$prefix/share/bash-completion/completions/cspr"'
check "zsh -n parses the zsh completion" 'zsh -n "$prefix/share/zsh/site-functions/_cspr"'
check "fish -n parses the fish completion" 'fish -n "$prefix/share/fish/vendor_completions.d/cspr.fish"'
check "bash: cspr dead<TAB> is deadlines" '[ "$(bash_complete cspr dead)" = deadlines ]'
check "bash: past a global option and its value" '[ "$(bash_complete cspr --cases /tmp --as-of 2025-01-01 li)" = list ]'
check "bash: cspr calendar ho<TAB> is holidays" '[ "$(bash_complete cspr calendar --region scotland ho)" = holidays ]'
check "bash: an option of the command" '[ "$(bash_complete cspr notify --home)" = --home-la ]'
check "bash: the formats the command offers" '[ "$(bash_complete cspr stats --format "")" = "table json csv" ]'
fish_complete() { fish -c "source $prefix/share/fish/vendor_completions.d/cspr.fish; complete -C '$1'" | cut -f1 | tr '\n' ' '; }
check "fish: cspr dead<TAB> is deadlines" '[ "$(fish_complete "cspr dead")" = "deadlines " ]'
check "fish: cspr calendar ho<TAB> is holidays" '[ "$(fish_complete "cspr calendar ho")" = "holidays " ]'
check "fish: the formats the command offers" '[ "$(fish_complete "cspr deadlines --format ")" = "csv ics json table " ]'
echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

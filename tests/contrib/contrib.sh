#!/usr/bin/env bash
# contrib/: the files a partnership copies. The YAML parses (yamllint), the systemd units verify,
# the crontab's job line is the one docs/nightly.md shows, every contrib/ file the docs name exists,
# and the pre-commit hook refuses a commit while `cspr validate` finds a problem and lets a valid one
# through. Arguments: CSPR SOURCE_DIR.
source "$(dirname "$0")/../hardening/lib.sh" "$1" "$2"
contrib="$source/contrib"
check "the CI files are strict YAML" 'yamllint --strict -c "$source/tests/yamllint.yaml" "$contrib"/gitlab/*.yml "$contrib"/github/*.yml >"$work/lint" 2>&1'
if command -v systemd-analyze >/dev/null; then
  check "systemd-analyze verify accepts the service and the timer" \
    'systemd-analyze verify "$contrib/systemd/cspr-deadlines.service" "$contrib/systemd/cspr-deadlines.timer" 2>"$work/verify"; [ ! -s "$work/verify" ]'
fi
cron_line=$(grep '^30 6 ' "$contrib/cron/cspr-deadlines.crontab")
check "docs/nightly.md shows the crontab's job line" 'grep -qxF -- "$cron_line" "$source/docs/nightly.md"'
for named in $(cd "$source" && grep -ohP '(?<![/\w])contrib/[\w./-]*\w' README.md docs/*.md docs/steps/*.md contrib/README.md | sort -u); do
  check "$named, named in the docs, exists" '[ -e "$source/$named" ] || [ -e "$contrib/${named#contrib/}" ]'
done
check "the hook is sh" 'sh -n "$contrib/git-hooks/pre-commit"'

# The hook in a cases repository: a valid commit goes through; a broken case file is refused.
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases" && git init -q && git add -A && git -c user.name=T -c user.email=t@example.org commit -qm base
cp "$contrib/git-hooks/pre-commit" .git/hooks/pre-commit
mkdir -p "$work/bin" && ln -s "$cspr" "$work/bin/cspr"
commit() { PATH="$work/bin:$PATH" git -c user.name=T -c user.email=t@example.org commit -qam "$1" >"$work/out" 2>&1; }
echo "# a note" >>cspr.yaml
check "a valid change is committed" 'commit "a note"'
sed -i 's/^aware: .*/aware: "not a date"/' cases/NDSCP-2025-001/notification.yaml
check "a broken case file is refused" '! commit "broken"'
check "and the refusal says why, naming the file" 'grep -q "notification.yaml:.*aware" "$work/out" && grep -q "pre-commit: cspr validate found problems" "$work/out"'
git checkout -q -- cases
check "without cspr on PATH, the hook refuses and says so" \
  '! PATH=/usr/bin:/bin git -c user.name=T -c user.email=t@example.org commit -q --allow-empty -m x >"$work/out" 2>&1 && grep -q "cspr is not on PATH" "$work/out"'
echo "contrib: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

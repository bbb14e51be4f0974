#!/usr/bin/env bash
# Personal data stays in the case files: no child's or family member's name, date of birth or
# address appears in any default output or error of cspr, whatever the command; --show-names is the
# only way in. New files are 0600 and case folders 0700, unless cspr.yaml gives a group access.
# Usage: privacy.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
cp -r "$source/cases-example" "$work/cases"
cd "$work/cases"

# Every personal detail the example cases hold: names (whole and each part of 3+ letters), dates of
# birth, addresses and postcodes.
details=$(python3 - <<'PY'
import glob, re
out = set()
for path in glob.glob("cases/*/referral.yaml"):
    text = open(path, encoding="utf-8").read()
    # Names, dates of birth and addresses (issue 6). A date of death is not listed: it is often the
    # incident date, which show and deadlines do print, as a date the process runs from.
    for key in ("name", "date_of_birth", "home_address", "address"):
        for value in re.findall(r"^\s*(?:- )?%s: \"?([^\"\n]+)\"?$" % key, text, re.M):
            if key == "name" and "referrer" in text.split(value)[0].splitlines()[-2:][0]:
                pass
            out.add(value.strip())
            if key == "name":
                out.update(p for p in value.split() if len(p) >= 3)
            if "address" in key:
                m = re.search(r"[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}", value)
                if m: out.add(m.group(0))
for d in sorted(out):
    print(d)
PY
)
# Referrers and agency staff are named professionals, not the family: keep only child and family
# details by removing anything that also appears as a referrer or agency contact name.
professional=$(grep -h -A1 -E '^referrer:|^  - name:.*' cases/*/referral.yaml | grep -oP '(?<=name: ).*' | sort -u)

run_all() {
  for as_of in 2025-03-06 2025-11-26 2026-06-01; do
    "$cspr" --as-of "$as_of" list
    for f in table json csv ics; do "$cspr" --as-of "$as_of" deadlines --all --format "$f"; done
    for id in $(ls cases | grep NDSCP); do "$cspr" --as-of "$as_of" show "$id"; done
    "$cspr" --as-of "$as_of" stats
  done
  "$cspr" validate
  # Errors about personal fields, made on purpose in a copy.
  sed -i 's/^  date_of_birth: "\(....\)-\(..\)-\(..\)"$/  date_of_birth: "\1-\2-32"/' cases/NDSCP-2025-001/referral.yaml
  sed -i 's/^  home_address: \(.*\)$/  home_address: [\1/' cases/NDSCP-2025-003/referral.yaml 2>/dev/null
  "$cspr" validate
  "$cspr" --as-of 2025-12-01 refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer" --referrer-agency Police \
    --referrer-role Sergeant --child-name "Robin Example" --child-dob 2019-04-32 --incident 2025-11-30 --cp-plan never \
    --looked-after no --narrative x
  "$cspr" --as-of 2025-12-01 refer --received 2025-12-01T10:00 --referrer-name "Quinn Referrer" --referrer-agency Police \
    --referrer-role Sergeant --child-name "Robin Example" --child-dob 2026-01-01 --incident 2025-11-30 --cp-plan never \
    --looked-after no --narrative x
}
output=$(run_all 2>&1)
leaks=0
while IFS= read -r detail; do
  [ -z "$detail" ] && continue
  grep -qxF "$detail" <<<"$professional" && continue
  if grep -qiwF -- "$detail" <<<"$output"; then echo "leaked: a personal detail of the example cases${CSPR_PRIVACY_DEBUG:+: $detail}"; leaks=$((leaks + 1)); fi
done <<<"$details"
check "no personal detail in any default output or error ($(wc -l <<<"$details") details, $(wc -l <<<"$output") lines of output)" '[ "$leaks" -eq 0 ]'
check "the details list is not empty (the test can fail)" '[ "$(wc -l <<<"$details")" -gt 20 ]'
# grep without -q reads to the end: grep -q stops at the first match, cspr then dies of SIGPIPE
# writing the rest, and pipefail failed the check whenever the output outran the match.
check "--show-names does show the child's name" '"$cspr" --as-of 2025-11-26 show NDSCP-2025-002 --show-names | grep "Casey Sample" >/dev/null'

# Permissions of what cspr creates.
cd "$work"
"$cspr" init fresh --partnership "Test SCP" --code TEST --local-authority "Test Council" --no-git > /dev/null
# refer_fresh DAY CHILD: a referral received on DAY into fresh/ (fictional names).
refer_fresh() {
  (cd fresh && "$cspr" --as-of "$1" refer --received "$1T10:00" --referrer-name "Quinn Referrer" --referrer-agency Police \
     --referrer-role Sergeant --child-name "$2" --incident "$1" --cp-plan never --looked-after no --narrative x > /dev/null)
}
refer_fresh 2025-12-01 "Quinn Example"
check "cspr.yaml is 0600" '[ "$(stat -c %a fresh/cspr.yaml)" = 600 ]'
check "cases/ is 0700" '[ "$(stat -c %a fresh/cases)" = 700 ]'
check "a case folder is 0700" '[ "$(stat -c %a fresh/cases/TEST-2025-001)" = 700 ]'
check "a case file is 0600" '[ "$(stat -c %a fresh/cases/TEST-2025-001/referral.yaml)" = 600 ]'

# cspr.yaml may give the team's group access (never every account): later files follow it.
printf 'permissions:\n  files: "0640"\n  folders: "0750"\n' >> fresh/cspr.yaml
refer_fresh 2025-12-02 "Robin Example"
check "with permissions in cspr.yaml, a case folder is 0750" '[ "$(stat -c %a fresh/cases/TEST-2025-002)" = 750 ]'
check "with permissions in cspr.yaml, a case file is 0640" '[ "$(stat -c %a fresh/cases/TEST-2025-002/referral.yaml)" = 640 ]'
check "with permissions in cspr.yaml, ids.yaml is 0640" '[ "$(stat -c %a fresh/cases/ids.yaml)" = 640 ]'
check "the earlier case keeps its mode" '[ "$(stat -c %a fresh/cases/TEST-2025-001/referral.yaml)" = 600 ]'
printf 'permissions:\n  files: "0644"\n' > perm.yaml
sed -i '/^permissions:/,$d' fresh/cspr.yaml && cat perm.yaml >> fresh/cspr.yaml
refusal=$(cd fresh && "$cspr" list 2>&1 >/dev/null)
check "a mode for every account is refused, naming the line" \
  'grep -q "^cspr: cspr.yaml:10: permissions.files: .0644. would give every account" <<<"$refusal"'

echo "privacy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

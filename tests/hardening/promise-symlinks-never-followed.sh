#!/usr/bin/env bash
# Symbolic links under cases/ are never followed (issue 13; hostile finding F7): git stores links, so
# one committed by anyone reaches every clone. A linked case folder or case file is never read,
# written, chmod-ed or cleaned: validate names it as a problem, writing commands refuse (exit 2),
# doctor names it and leaves it, and no value read through a link reaches an error.
# Usage: promise-symlinks-never-followed.sh CSPR SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

cp -r "$source/cases-example" "$work/cases" && cd "$work/cases" || exit 2
outside="$work/outside"
mkdir -p "$outside/case" && chmod 755 "$outside/case"
sed s/NDSCP-2025-007/NDSCP-2025-011/ cases/NDSCP-2025-007/referral.yaml > "$outside/case/referral.yaml"
printf 'x' > "$outside/case/.referral.yaml.tmp-AbC123"
ln -s "$outside/case" cases/NDSCP-2025-011
snapshot() { (cd "$outside" && find . -printf '%p %m %s\n' | sort && cat case/* secret.yaml 2>/dev/null | sha256sum); }

# A linked case folder.
printf 'schema_version: 1\nid: NDSCP-2025-007\naware: "s3cr3t-api-token-ABCDEF"\n' > "$outside/secret.yaml"
before=$(snapshot)
"$cspr" --as-of 2025-12-01 actions NDSCP-2025-011 --add x --owner "Northdale Police" --due 2026-01-01 >out 2>err
code=$?
check "a write into a linked case folder is refused with exit 2" '[ "$code" -eq 2 ]'
check "the refusal is one line naming the link" \
  '[ "$(wc -l <err)" -eq 1 ] && grep -q "cases/NDSCP-2025-011: is a symbolic link; cspr never follows links in the case folder" err'
"$cspr" --as-of 2025-12-01 show NDSCP-2025-011 >out 2>err
code=$?
check "show of a linked case folder is refused with exit 2" '[ "$code" -eq 2 ] && grep -q "symbolic link" err'
"$cspr" --as-of 2025-12-01 deadlines --format csv >out 2>err
check "deadlines never reads a linked case" '! grep -q NDSCP-2025-011 out'
"$cspr" doctor >out 2>err
code=$?
check "doctor names the link, exits 1 and removes nothing through it" \
  '[ "$code" -eq 1 ] && grep -q "kept cases/NDSCP-2025-011: is a symbolic link" out && [ -f "$outside/case/.referral.yaml.tmp-AbC123" ]'
"$cspr" doctor --fix >out 2>err
check "doctor --fix changes no mode through the link" '[ "$(stat -c %a "$outside/case")" = 755 ]'
check "nothing outside the case folder changed" '[ "$(snapshot)" = "$before" ]'

# A linked case file.
ln -s "$outside/secret.yaml" cases/NDSCP-2025-007/notification.yaml.new
mv cases/NDSCP-2025-007/notification.yaml "$work/notification.saved" 2>/dev/null
mv cases/NDSCP-2025-007/notification.yaml.new cases/NDSCP-2025-007/notification.yaml
"$cspr" validate >out 2>err
code=$?
check "validate exits 1 on links" '[ "$code" -eq 1 ]'
check "validate names the linked case file" \
  'grep -qx "cases/NDSCP-2025-007/notification.yaml: is a symbolic link; cspr never follows links in the case folder" out'
check "validate names the linked case folder" \
  'grep -qx "cases/NDSCP-2025-011: is a symbolic link; cspr never follows links in the case folder" out'
check "no value read through a link reaches the output" '! grep -q s3cr3t out err'
"$cspr" --as-of 2025-12-01 notify NDSCP-2025-007 --sent panel=2025-11-20 >out 2>err
code=$?
check "a write over a linked case file is refused with exit 2, naming it, quoting nothing" \
  '[ "$code" -eq 2 ] && grep -q "notification.yaml: is a symbolic link" err && ! grep -q s3cr3t out err'
"$cspr" --as-of 2025-12-01 list >out 2>err
check "reading commands never quote a value read through a link" '! grep -q s3cr3t out err'
check "nothing outside the case folder changed (case file)" '[ "$(snapshot)" = "$before" ]'
check "the links are still links" '[ -L cases/NDSCP-2025-011 ] && [ -L cases/NDSCP-2025-007/notification.yaml ]'

echo "symlinks never followed: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

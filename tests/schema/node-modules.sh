# Sourced by the tests that run node (tests/schema/validate.sh, tests/deadlines/check-json.sh,
# tests/list/check-json.sh): installs tests/schema's pinned modules once and sets ajv_cli.
#   source tests/schema/node-modules.sh   # exits 2, with one line, when they cannot be had
# The lock on package-lock.json keeps two runs started at the same time (ctest -j) from installing
# over each other.
node_modules_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v node >/dev/null || { echo "$0: node is not installed (apt-get install nodejs npm)" >&2; exit 2; }
if [[ ! -f $node_modules_dir/node_modules/.package-lock.json ||
      $node_modules_dir/package-lock.json -nt $node_modules_dir/node_modules/.package-lock.json ]]; then
    command -v npm >/dev/null || { echo "$0: npm is not installed (apt-get install npm)" >&2; exit 2; }
    (
        flock 9
        if [[ ! -f $node_modules_dir/node_modules/.package-lock.json ||
              $node_modules_dir/package-lock.json -nt $node_modules_dir/node_modules/.package-lock.json ]]; then
            cd "$node_modules_dir" && npm ci --no-audit --no-fund --loglevel=error >&2
        fi
    ) 9<"$node_modules_dir/package-lock.json" || { echo "$0: npm ci failed in $node_modules_dir" >&2; exit 2; }
fi
for module in ajv ajv-cli ajv-formats js-yaml; do
    [[ -d $node_modules_dir/node_modules/$module ]] ||
        { echo "$0: $module missing from $node_modules_dir/node_modules" >&2; exit 2; }
done
ajv_cli=$node_modules_dir/node_modules/ajv-cli/dist/index.js

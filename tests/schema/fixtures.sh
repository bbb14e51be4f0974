# Sourced by validate-bad.sh and agree.sh: the bad fixtures of fixtures/bad/, each laid over a copy
# of fixtures/good, and one validate.sh run over all the copies (node's start-up, paid once per
# folder, was most of these tests' time).

schema_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
good=$schema_dir/fixtures/good
bad=$schema_dir/fixtures/bad

# fixture_names [NAME...]: sets `names` to the names given, else to every folder of fixtures/bad/
# (in C order).
fixture_names() {
    if [[ $# -gt 0 ]]; then
        names=("$@")
    else
        mapfile -t names < <(find "$bad" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort)
    fi
}

# lay_fixture NAME DEST: copies the good folder to DEST and lays fixtures/bad/NAME's file over it
# at the same path; sets `rel` to that path. Returns 1, with the reason in `why`, unless NAME holds
# exactly one file besides EXPECT: a fixture breaks one rule in one file.
lay_fixture() {
    local src=$bad/$1 dest=$2 rels
    rel='' why=''
    mapfile -t rels < <(cd "$src" 2>/dev/null && find . -type f ! -name EXPECT | sed 's|^\./||' | LC_ALL=C sort)
    if [[ ${#rels[@]} -ne 1 ]]; then why="expected exactly one bad file, found ${#rels[@]}"; return 1; fi
    rel=${rels[0]}
    cp -R "$good" "$dest" && mkdir -p "$dest/$(dirname "$rel")" && cp "$src/$rel" "$dest/$rel"
}

# validate_all DIR...: one validate.sh run over the folders. Sets ajv_out[DIR] to that folder's
# lines (its ok/FAIL lines and its summary, as validate.sh DIR alone prints them) and ajv_rc[DIR]
# to the exit code validate.sh DIR alone would give: 0 all passed, 1 some failed, 2 when the run
# gave no complete block for it (then ajv_out[DIR] holds the run's stderr). Returns the run's code.
declare -A ajv_out ajv_rc
validate_all() {
    local dirs=("$@") err out rc dir line block='' i=0
    err=$(mktemp "${TMPDIR:-/tmp}/cspr-schema-err.XXXXXX") || return 2
    out=$("$schema_dir/validate.sh" "$@" 2>"$err"); rc=$?
    for dir in "$@"; do ajv_out[$dir]="validate.sh exited $rc: $(<"$err")"; ajv_rc[$dir]=2; done
    rm -f "$err"
    while IFS= read -r line && [[ $i -lt ${#dirs[@]} ]]; do
        dir=${dirs[$i]}
        block+=$line$'\n'
        if [[ $line =~ ^schema:\ [0-9]+\ files,\ ([0-9]+)\ failed$ ]]; then
            ajv_out[$dir]=${block%$'\n'}
            ajv_rc[$dir]=$((BASH_REMATCH[1] > 0 ? 1 : 0))
            block='' i=$((i + 1))
        elif [[ $line != "ok $dir/"* && $line != "FAIL $dir/"* ]]; then
            break # a line of no file of this folder: the blocks are out of step, trust none after
        fi
    done <<<"$out"
    return $rc
}

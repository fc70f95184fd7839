# keten-mpi COMMAND --mpi under mpirun writes byte for byte what keten COMMAND writes, on
# stdout and stderr, with the same exit status: screen, exposure, critical and owners, on the
# sample, the test fixtures, random ownership graphs and synthetic bench data (bench/gen.py),
# from the data files and from snapshots (keten index), at 1, 2 and 4 ranks (under the
# sanitizers the main cases at 3: an uneven split).  A tender that starts a walk at every entity of the bench data
# makes every vertex's search entry count.  Runs where Open MPI is installed (make test builds
# keten-mpi then); skipped (77) otherwise.
cd "$ROOT" || exit 9
if [ -z "${KETEN_MPI:-}" ]; then
    echo "cli/mpi/compare skipped: no keten-mpi (Open MPI is not installed; see docs/scale.md)" >&2
    exit 77
fi
case "$KETEN_MPI" in /*) ;; *) KETEN_MPI="$ROOT/$KETEN_MPI" ;; esac
# mpirun refuses root unless told; CI containers run as root
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 cases=0
# "few": the cases at one number of ranks.  Under the sanitizers (an MPI start there takes
# seconds, and CI runs the plain suite too) a smaller graph, the main cases at 3 ranks (an
# uneven split), and the others against keten alone
size=3000 nps="1 2 4" few=2
[ "${SANITIZED:-0}" = 1 ] && size=1500 nps=3 few=""
python3 bench/gen.py --relations "$size" --seed 1 --out "$tmp/r.jsonl" --tender "$tmp/t.json" --bidders 300 >/dev/null 2>&1
python3 tests/cli/mpi/every-vertex.py "$tmp/r.jsonl" samples/policy.json "$tmp/every.json"
# snapshots of the sample and the bench data, and tenders that name them
"$KETEN_BIN" index --quiet samples/anpr-tender/data.jsonl -o "$tmp/sample.ktn" >/dev/null || fail=1
"$KETEN_BIN" index --quiet "$tmp/r.jsonl" -o "$tmp/r.ktn" >/dev/null || fail=1
sed -e "s|\"data.jsonl\"|\"$tmp/sample.ktn\"|" -e "s|\"policy.json\"|\"$ROOT/samples/anpr-tender/policy.json\"|" \
    samples/anpr-tender/tender.json >"$tmp/sample-ktn.json"
sed "s|\"r.jsonl\"|\"r.ktn\"|" "$tmp/t.json" >"$tmp/t-ktn.json"
grep -q '"data": \["r.ktn"\]' "$tmp/t-ktn.json" || { echo "the bench tender names no r.jsonl"; fail=1; }

# same NPS COMMAND ARGS...: keten and keten-mpi --mpi at each number of ranks
same() {
    ranks=$1; shift
    cases=$((cases + 1))
    "$KETEN_BIN" "$@" </dev/null >"$tmp/out1" 2>"$tmp/err1"
    rc1=$?
    [ -s "$tmp/out1" ] || [ -s "$tmp/err1" ] || { echo "keten $*: no output"; fail=1; }
    for np in $ranks; do
        # mpirun forwards stdin to rank 0: keep it off this script's input; -q: mpirun's own
        # message on a non-zero exit status stays off stderr
        mpirun -q --oversubscribe -np "$np" "$KETEN_MPI" "$@" --mpi </dev/null >"$tmp/out2" 2>"$tmp/err2"
        rc2=$?
        if [ "$rc1" -ne "$rc2" ]; then
            echo "np $np $*: exit $rc2, keten exits $rc1"; head -5 "$tmp/err2"; fail=1
        elif ! cmp -s "$tmp/out1" "$tmp/out2"; then
            echo "np $np $*: stdout differs"; fail=1
        elif ! cmp -s "$tmp/err1" "$tmp/err2"; then
            echo "np $np $*: stderr differs"; diff "$tmp/err1" "$tmp/err2" | head -5; fail=1
        fi
    done
    echo "$rc1" >>"$tmp/codes"
}
: >"$tmp/codes"
s=samples/anpr-tender
same "$nps" screen $s/tender.json
same "$nps" screen --allow-outside --format json "$tmp/sample-ktn.json"
same "$few" screen --format csv tests/cli/screen/fivek/tender.json
same "$nps" screen --allow-outside --format json "$tmp/t.json"
same "$nps" screen --allow-outside --format json "$tmp/t-ktn.json"
same "$nps" screen --allow-outside --format json "$tmp/every.json"
same "$few" screen --quiet --fail-on mitigate $s/tender.json
same "$few" screen tests/cli/screen/bad/unknown-entity.json
same "$nps" exposure k2-polder $s/data.jsonl --policy samples/policy.json
same "$few" exposure k5-vecht "$tmp/sample.ktn" --policy samples/policy.json --json
same "$few" exposure k2-polder $s/data.jsonl --policy samples/policy.json --csv --fail-on finding
for node in $(sed -n 's/.*"id": *"\([^"]*\)", *"type".*/\1/p' tests/cli/exposure/fixture.jsonl); do
    same "$few" exposure "$node" tests/cli/exposure/fixture.jsonl --policy tests/cli/exposure/policy.json --json
done
same "$few" exposure no-such-node $s/data.jsonl --policy samples/policy.json
# bench data: bidders' consortia and members, from files and the snapshot, deep and cut short
set -- $(grep -o '"consortium": "[^"]*"' "$tmp/t.json" | head -2 | cut -d'"' -f4) \
    $(grep -o '"members": \[{"id": "[^"]*"' "$tmp/t.json" | head -1 | cut -d'"' -f6)
[ $# -eq 3 ] || { echo "bench tender: $# nodes found, want 3"; fail=1; }
same "$nps" exposure "$1" "$tmp/r.jsonl" --policy samples/policy.json --json
same "$nps" exposure "$2" "$tmp/r.ktn" --policy samples/policy.json --json
same "$few" exposure "$3" "$tmp/r.ktn" --policy samples/policy.json --max-depth 1 --json
# cut short by max_depth: nodes whose steps lead out of what was reached (depth_limit)
same "$nps" exposure "$1" "$tmp/r.ktn" --policy samples/policy.json --max-depth 2
grep -q depth_limit "$tmp/out1" || { echo "exposure $1 --max-depth 2: no node cut by max_depth"; fail=1; }
same "$few" exposure "$2" "$tmp/r.jsonl" --policy samples/policy.json --max-depth 3 --json
grep -q depth_limit "$tmp/out1" || { echo "exposure $2 --max-depth 3: no node cut by max_depth"; fail=1; }
# critical: what the node reaches gathered to rank 0
same "$nps" critical k2-polder $s/data.jsonl
same "$few" critical k1-noordlicht "$tmp/sample.ktn" --json
same "$few" critical k1-noordlicht $s/data.jsonl --csv
for node in $(grep -o '"id": *"[^"]*", *"type"' tests/cli/critical/second-supplier.jsonl | cut -d'"' -f4); do
    same "$few" critical "$node" tests/cli/critical/second-supplier.jsonl --json
done
same "$nps" critical "$1" "$tmp/r.ktn" --json
same "$few" critical "$2" "$tmp/r.jsonl"
same "$few" critical no-such-node $s/data.jsonl
# owners: the owner closure gathered to rank 0; cross-holdings, interval shares, rounding at
# thresholds, random graphs of the differential test (cycles of every size), the bench data
same "$nps" owners lumen-modules $s/data.jsonl
same "$few" owners --json lumen-modules "$tmp/sample.ktn"
for f in cross-range:A cross90:A precision:T; do
    same "$few" owners --json "${f#*:}" "tests/cli/owners/${f%:*}.jsonl"
done
for seed in 10 100; do
    f=$tmp/seed-$seed.jsonl
    grep -v '^#' tests/diff/regress/seed-$seed.jsonl >"$f" # the reference's answers follow as comments
    # the entity with the most owners' relations into it
    id=$(grep -o '"to": *"[^"]*"' "$f" | sort | uniq -c | sort -k1,1nr -k2 | head -1 | cut -d'"' -f4)
    same "$few" owners --json "$id" "$f"
    grep -q '"integrated"' "$tmp/out1" || { echo "owners $id in seed $seed: no owner"; fail=1; }
done
same "$nps" owners --json "$1" "$tmp/r.ktn"
same "$few" owners "$3" "$tmp/r.jsonl"
# --policy with directors_control: a director_of relation joins the closure as control
printf '%s\n' '{"keten":"1"}' '{"id":"p","type":"person"}' '{"id":"d","type":"person"}' \
    '{"id":"h","type":"company"}' '{"id":"t","type":"company"}' '{"rel":"owns","from":"p","to":"h","share":45}' \
    '{"rel":"owns","from":"h","to":"t","share":100}' '{"rel":"director_of","from":"d","to":"t"}' >"$tmp/d.jsonl"
python3 -c 'import json, sys; p = json.load(open(sys.argv[1])); p["directors_control"] = True; json.dump(p, open(sys.argv[2], "w"))' \
    samples/policy.json "$tmp/pd.json"
same "$few" owners --policy "$tmp/pd.json" t "$tmp/d.jsonl"
grep -q '^d ' "$tmp/out1" || { echo "owners --policy: the director is not among t's controllers"; fail=1; }
same "$few" owners no-such-entity $s/data.jsonl
# the comparisons must have covered every outcome: 0, 1 (--fail-on) and 2 (an unknown id)
for rc in 0 1 2; do
    grep -qx "$rc" "$tmp/codes" || { echo "no case exits $rc"; fail=1; }
done
[ "$cases" -ge 30 ] || { echo "only $cases cases ran"; fail=1; }
exit $fail

# keten screen --mpi under mpirun -np 1, 2 and 4 (3 under the sanitizers) writes byte for byte
# what keten screen writes (JSON, which holds every finding and path the other formats show):
# the sample tender, a synthetic bench tender (bench/gen.py), and a tender that
# starts a walk at every entity of the bench data, so that every vertex's search entry counts.
# Runs where Open MPI is installed (make test builds keten-mpi then); skipped (77) otherwise.
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
fail=0
: >"$tmp/log"
# under the sanitizers (slow, and CI runs them too) a smaller graph and the cases that split it
size=3000 nps="1 2 4"
[ "${SANITIZED:-0}" = 1 ] && size=1500 nps=3 # 3: an uneven split
python3 bench/gen.py --relations "$size" --seed 1 --out "$tmp/r.jsonl" --tender "$tmp/t.json" --bidders 300 >/dev/null 2>&1
python3 tests/cli/mpi/every-vertex.py "$tmp/r.jsonl" samples/policy.json "$tmp/every.json"
while read -r name tender fmt bidders; do
    [ -n "$name" ] || continue
    "$KETEN_BIN" screen --quiet --allow-outside --format "$fmt" "$tender" >"$tmp/one" 2>"$tmp/err" || { echo "$name: keten failed"; fail=1; }
    # the reference must say something: one line (jsonl) per bidder
    n=$("$KETEN_BIN" screen --quiet --allow-outside --format jsonl "$tender" | wc -l)
    [ "$n" -eq "$bidders" ] || { echo "$name: $n bidders screened, want $bidders"; fail=1; }
    for np in $nps; do
        mpirun --oversubscribe -np $np "$KETEN_MPI" screen --quiet --allow-outside --format "$fmt" --mpi "$tender" \
            </dev/null >"$tmp/many" 2>"$tmp/err" # mpirun forwards stdin: keep it off the case list
        rc=$?
        if [ $rc -ne 0 ]; then
            echo "$name: mpirun -np $np exit $rc"; head -5 "$tmp/err"; fail=1
        elif ! cmp -s "$tmp/one" "$tmp/many"; then
            echo "$name: mpirun -np $np differs"; fail=1
        fi
    done
    echo "$name: identical at $nps ranks" >>"$tmp/log"
done <<EOF2
sample-json samples/anpr-tender/tender.json json 6
bench-json $tmp/t.json json 300
every-vertex $tmp/every.json json $(grep -c '"type"' "$tmp/r.jsonl")
EOF2
# rank 0's exit status is every rank's: --fail-on gives 1, an unknown entity 2 with its message
mpirun --oversubscribe -np 2 "$KETEN_MPI" screen --quiet --mpi --fail-on mitigate samples/anpr-tender/tender.json >/dev/null 2>&1
rc=$?
[ $rc -eq 1 ] || { echo "fail-on: exit $rc, want 1"; fail=1; }
mkdir "$tmp/bad" && cp samples/anpr-tender/data.jsonl samples/anpr-tender/policy.json "$tmp/bad/"
sed 's/"k1-noordlicht"/"k1-nowhere"/' samples/anpr-tender/tender.json >"$tmp/bad/bad.json"
mpirun --oversubscribe -np 2 "$KETEN_MPI" screen --quiet --mpi "$tmp/bad/bad.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "^$tmp/bad/bad.json:[0-9]*: bidder \"B1\": unknown entity \"k1-nowhere\"\$" "$tmp/err" ||
    { echo "unknown entity: exit $rc"; cat "$tmp/err"; fail=1; }
# every case ran (a command reading the case list would end the loop early)
[ "$(wc -l <"$tmp/log")" -eq 3 ] || { echo "only $(wc -l <"$tmp/log") of 3 cases ran"; fail=1; }
exit $fail

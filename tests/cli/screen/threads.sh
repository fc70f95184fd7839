# Screening on 1 thread and on several writes byte for byte the same (JSON holds every finding,
# path, interest and unknown the other formats show; the table is checked too): a synthetic
# graph (bench/gen.py: dense, so breadth-first ties are everywhere) with 300 bidders, and a
# tender that starts a walk at every entity, so that every vertex's search entries and every
# company's interests count.  The global option --threads N sets the threads.  The
# counts printed make a run that screens nothing, or finds nothing, fail.
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
cd "$ROOT" || exit 9
size=12000
[ "${SANITIZED:-0}" = 1 ] || [ "${VALGRIND:-0}" = 1 ] && size=3000
python3 bench/gen.py --relations $size --seed 3 --out "$t/r.jsonl" --tender "$t/t.json" --bidders 300 >/dev/null 2>&1 &&
python3 tests/cli/mpi/every-vertex.py "$t/r.jsonl" samples/policy.json "$t/every.json" || exit 9
for tender in t every; do
    for fmt in json table; do
        for n in 1 2 3 5; do
            $KETEN_RUN "$KETEN_BIN" screen --threads $n --quiet --allow-outside --policy samples/policy.json \
                --format $fmt "$t/$tender.json" >"$t/out.$n" 2>"$t/err.$n"
            echo "$tender $fmt $n: exit $?" >>"$t/log"
        done
        for n in 2 3 5; do
            cmp -s "$t/out.1" "$t/out.$n" && cmp -s "$t/err.1" "$t/err.$n" ||
                echo "$tender $fmt: $n threads differ from 1"
        done
        [ $fmt = json ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
b = d["bidders"]
f = sum(len(x["findings"]) for x in b)
i = sum(1 for x in b for y in x["findings"] if y.get("interest") is not None)
print(sys.argv[2], "bidders", "many" if len(b) >= 300 else len(b), "findings", "many" if f > 1000 else f,
      "interests", "some" if i > 50 else i)' "$t/out.1" $tender
    done
done
sort -u "$t/log" | grep -v ": exit 0$"
exit 0

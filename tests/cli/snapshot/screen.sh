# Screening from a snapshot writes byte for byte what screening from its sources writes, in
# every format and on 1, 2 and 4 threads: a synthetic graph (bench/gen.py: ownership cycles,
# bills of materials, gaps everywhere) with 300 bidders, and a tender that starts a walk at every
# entity, so that the snapshot's derived indexes (cycle flags, gaps, bill-of-materials shares,
# owners index) answer for every vertex; then with a policy where directors control, for which
# the snapshot's owners index (made without directors) is not used but made again (JSON:
# every finding, path, interest and unknown the other formats show).  The
# counts printed make a run that screens nothing, or finds nothing, fail.
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
cd "$ROOT" || exit 9
size=12000
[ "${SANITIZED:-0}" = 1 ] || [ "${VALGRIND:-0}" = 1 ] && size=3000
python3 bench/gen.py --relations $size --seed 5 --out "$t/r.jsonl" --tender "$t/t.json" --bidders 300 >/dev/null 2>&1 &&
python3 tests/cli/mpi/every-vertex.py "$t/r.jsonl" samples/policy.json "$t/every.json" || exit 9
python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
p["directors_control"] = True
json.dump(p, open(sys.argv[2], "w"))' samples/policy.json "$t/directors.json" || exit 9
# every other controls relation a director_of one (control only where directors control)
awk '/"rel": "controls"/ && n++ % 2 { sub(/"rel": "controls"/, "\"rel\": \"director_of\""); sub(/, "basis": "[a-z_]*"/, "") } 1' \
    "$t/r.jsonl" >"$t/d.jsonl" && mv "$t/d.jsonl" "$t/r.jsonl"
grep -q '"director_of"' "$t/r.jsonl" || echo "no director_of relation"
"$KETEN_BIN" index --quiet "$t/r.jsonl" -o "$t/r.ktn" >/dev/null || echo "index failed"
for tender in t every; do
    sed 's|"r.jsonl"|"r.ktn"|' "$t/$tender.json" >"$t/$tender-ktn.json"
    grep -q '"r.ktn"' "$t/$tender-ktn.json" || echo "$tender: the tender names no r.jsonl"
done
n=0
for policy in samples/policy.json "$t/directors.json"; do
    for tender in t every; do
        fmts="table json jsonl csv md"
        [ "$policy" = samples/policy.json ] || fmts=json
        for fmt in $fmts; do
            $KETEN_RUN "$KETEN_BIN" screen --threads 1 --quiet --allow-outside --policy "$policy" --format $fmt \
                "$t/$tender.json" >"$t/src" 2>&1
            echo "$tender $fmt sources: exit $?" >>"$t/log"
            for k in 1 2 4; do
                $KETEN_RUN "$KETEN_BIN" screen --threads $k --quiet --allow-outside --policy "$policy" --format $fmt \
                    "$t/$tender-ktn.json" 2>&1 | sed "s|$t/$tender-ktn.json|$t/$tender.json|; s|$t/r.ktn|$t/r.jsonl|" >"$t/snap"
                cmp -s "$t/src" "$t/snap" || { echo "$policy $tender $fmt: $k threads from the snapshot differ"; diff "$t/src" "$t/snap" | head -5; }
                n=$((n + 1))
            done
            [ $fmt = json ] && [ "$policy" = samples/policy.json ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
b = d["bidders"]
f = sum(len(x["findings"]) for x in b)
i = sum(1 for x in b for y in x["findings"] if y.get("interest") is not None)
u = sum(len(x["unknown"]) for x in b)
print(sys.argv[2], "bidders", "many" if len(b) >= 300 else len(b), "findings", "many" if f > 1000 else f,
      "interests", "some" if i > 50 else i, "unknowns", "some" if u > 50 else u)' "$t/src" $tender
        done
    done
done
sort -u "$t/log" | grep -v ": exit 0$"
[ "$n" -eq 36 ] && echo "36 comparisons" || echo "only $n comparisons"
exit 0

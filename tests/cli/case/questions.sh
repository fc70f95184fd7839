# keten questions: B5's gap as a question, Markdown with an answer template; CSV; the
# template alone loads only once filled in (its ?? placeholders are errors); the sample
# answers close the gap (no questions left)
cd "$ROOT/samples/anpr-tender" || exit 9
$KETEN_RUN "$KETEN_BIN" questions --quiet --bidder B5 tender.json
$KETEN_RUN "$KETEN_BIN" questions --quiet --format csv tender.json | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), [(r["bidder"], r["node"], r["question_key"], r["missing"]) for r in rows])'
d=$(mktemp -d) || exit 9
$KETEN_RUN "$KETEN_BIN" questions --quiet --format jsonl tender.json > "$d/answers.jsonl"
$KETEN_RUN "$KETEN_BIN" screen --quiet --answers "$d/answers.jsonl" tender.json >/dev/null 2>"$d/err"
echo "exit $?"
sed "s|$d/||" "$d/err"
$KETEN_RUN "$KETEN_BIN" questions --quiet --answers answers-B5.jsonl --bidder B5 tender.json | grep -c '^No questions'
$KETEN_RUN "$KETEN_BIN" questions --quiet --bidder B9 tender.json
echo "exit $?"
rm -rf "$d"

# --csv: one row per finding and per node where the data stops; --excel: BOM and ';'
cd "$ROOT" || exit 9
t=$(mktemp) || exit 9
trap 'rm -f "$t"' EXIT
$KETEN_RUN "$KETEN_BIN" exposure k2-polder samples/anpr-tender/data.jsonl --policy samples/policy.json --csv --quiet |
    python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["kind"], r["node"], r["country"], r["reasons"], r["via"], r["depth"], r["interest_min"], r["interest_max"])' || exit $?
$KETEN_RUN "$KETEN_BIN" exposure k5-vecht samples/anpr-tender/data.jsonl --policy samples/policy.json --excel --quiet >"$t" || exit $?
head -c 12 "$t" | od -c | head -1

# --csv: one row per single point of failure, then per declared sole source
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" critical k3-delta samples/anpr-tender/data.jsonl --csv --quiet |
    python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["kind"], r["node"], r["rule"], r["needed_by"], r["depth"] or "-")'

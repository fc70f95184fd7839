# --csv: one row per part, with origin, share, suppliers and the transit supplier
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" provenance dm-cam samples/anpr-tender/data.jsonl --policy samples/policy.json --csv --quiet |
    python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["tier"], r["part"], r["origin"], r["share_pct"], r["suppliers"] or "-", r["transit_via"] or "-", r["marks"] or "-")'

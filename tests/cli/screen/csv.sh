# CSV parses, one row per bidder and finding, formula-like names defused
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen --quiet --format csv samples/anpr-tender/tender.json | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), sorted(set(r["verdict"] for r in rows)))
print([ (r["bidder"], r["finding"], r["country"]) for r in rows if r["finding"] ])
assert all(None not in r for r in rows), "a row longer than the header"
for r in rows:
    print(r["bidder"], r["legal_route"], r["unknown_count"], repr(r["incomplete"]), repr(r["prohibitions"]))
    print("  ", r["why"])'

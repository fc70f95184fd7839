# --decisions-template: every bidder's C3A, C3B and overall entry and one entry per finding;
# the decisions that still match are kept, the stale one is left out; the template loads as
# a decisions file (nothing stale, every unfilled finding undecided)
d=$(mktemp -d) || exit 9
cd "$ROOT/samples/anpr-tender" || exit 9
$KETEN_RUN "$KETEN_BIN" screen --quiet --decisions decisions.json --decisions-template -o "$d/t.json" tender.json || exit 1
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["keten_decisions"], d["tender"], len(d["decisions"]))
for e in d["decisions"]:
    print(e["bidder"], e["about"], e.get("key", ""), e.get("node", ""), e.get("decision", e.get("mitigation", e.get("access", "-"))),
          ",".join(e.get("measures") or []))' "$d/t.json"
$KETEN_RUN "$KETEN_BIN" screen --quiet --decisions "$d/t.json" tender.json | grep -E 'undecided|stale|decision'
# without -o: a usage error, nothing written
$KETEN_RUN "$KETEN_BIN" screen --quiet --decisions-template tender.json
echo "exit $?"
rm -rf "$d"

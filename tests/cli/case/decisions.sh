# The sample decisions and answers: a decided finding (B2), an undecided one (B3, B4, B6), a
# stale decision (B6: the register filing it rests on has changed), a per-bidder C3B answer
# (B3: mitigation sufficient, so C3B not met), a decision on the bidder (B4), and B5's gap
# closed by its answer (review without the answers, clear with them)
cd "$ROOT/samples/anpr-tender" || exit 9
show() {
    python3 -c '
import json, sys
d = json.load(sys.stdin)
print("decisions", d["decisions"], "measures", len(d["measures"]))
for b in d["bidders"]:
    c = b["case"]
    print(b["id"], b["verdict"], "C3B", b["considerations"]["C3B"], "undecided", c["undecided"],
          "stale", [(s["key"], s["node"], s["line"]) for s in c["stale"]],
          "bidder", c["decision"] and c["decision"]["decision"], "C3B answer", c["C3B"] and c["C3B"]["mitigation"])
    for f in b["findings"]:
        print("  ", f["node"], f["key"], f["status"], f["decision"] and f["decision"]["decision"], ",".join(f["measures"]))
    for u in b["unknown"]:
        print("   gap", u["node"], u["key"], ",".join(u["measures"]))'
}
$KETEN_RUN "$KETEN_BIN" screen --quiet --format json tender.json | show
$KETEN_RUN "$KETEN_BIN" screen --quiet --format json --decisions decisions.json --answers answers-B5.jsonl tender.json | show

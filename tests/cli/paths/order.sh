# Issue 12, case 7: the documented order.  Paths from F to T:
#   F>T        5%, no weak step                                   -> first (fewest weak steps)
#   F>B>T      unknown share F->B (weak), then 35%: product of the other steps 35%
#   F>A>T      controls F->A (weak), then 30%: product of the other steps 30%
#   F>C>T      0% F->C (weak: a zero minimum), then 25-30%: product of the other steps 25%
# The three one-weak-step paths are ordered by the product of their other steps' minimums
# (35 > 30 > 25); counting the weak steps as 0 in the product would tie them all (and the
# fewest-steps rule would not split them either).
# The products printed count a weak step as its interval (unknown or controls: 0-100%).
cd "$ROOT/tests/cli/paths" && $KETEN_RUN "$KETEN_BIN" paths --json F T order.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [(x["path"], x["weak_steps"], x["product"]) for x in d["paths"]]
assert p == [(["F", "T"], 0, {"min": 5, "max": 5}),
             (["F", "B", "T"], 1, {"min": 0, "max": 35}),
             (["F", "A", "T"], 1, {"min": 0, "max": 30}),
             (["F", "C", "T"], 1, {"min": 0, "max": 0})], p
print("ok")' && $KETEN_RUN "$KETEN_BIN" owners --json T order.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert o["F"]["path"] == ["F", "T"], o["F"]
print("ok")'

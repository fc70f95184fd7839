# Issue 12, case 3: H holds 60% of K1 and of K2, which hold 49.9% and 0.1% of T: H's votes
# in T through the entities it controls are 49.9 + 0.1 = exactly 50%, which is not control
# (more than 50%).  P holds 20.2% of T2 directly and 100% of K3, which holds 4.8% of T2:
# 20.2 + 4.8 = exactly 25%: a beneficial owner under --bo-rule ge (25% or more), not under gt.
cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owners --json T precision.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert o["H"]["control"] == "no" and o["H"]["integrated"] == {"min": 30, "max": 30}, o["H"]
assert d["ultimate_controllers"] == [] and d["possible_ultimate_controllers"] == [], d
print("ok")' && $KETEN_RUN "$KETEN_BIN" owners --json --control 49.9 T precision.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["ultimate_controllers"] == ["H"], d
print("ok")' && for rule in ge gt; do $KETEN_RUN "$KETEN_BIN" owners --json --bo-rule $rule T2 precision.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert o["P"]["integrated"] == {"min": 25, "max": 25}, o["P"]
print(sys.argv[1], d["beneficial_owners"], d["possible_beneficial_owners"])' $rule; done

# Issue 12, case 2: the same cross-holding with 50-100% each way (X 10% of B, Y 10% of A).
# Lower bounds (50/50): X in A = 10% x 50% / (1 - 25%) = 6.666666667%, Y in A = 10 / 0.75 =
# 13.333333333%, B in A = 50 / 0.75 = 66.666666667%.  Upper bounds (100/100): the walk sum
# diverges.  X and Y lie on no cycle: when no company is more than 100% held they can hold at
# most 100%, so their upper bound is 100% (the 90/90 choice alone gives X 47.37%: inside).
# B is on the cycle with A: its upper bound is infinite (null; "over 100%" in the table).
cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owners --json A cross-range.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert o["X"]["integrated"] == {"min": 6.666666667, "max": 100}, o["X"]
assert o["Y"]["integrated"] == {"min": 13.333333333, "max": 100}, o["Y"]
assert o["B"]["integrated"] == {"min": 66.666666667, "max": None}, o["B"]
assert d["beneficial_owners"] == [] and d["possible_beneficial_owners"] == ["X", "Y"], d
print("ok")' && $KETEN_RUN "$KETEN_BIN" owners A cross-range.jsonl | grep "^B "

# Issue 12, case 1: A and B hold 90% of each other, X the other 10% of B, Y the other 10% of A.
# Walk sums: Y in A = 10 / (1 - 0.81) = 52.631578947%, X in A = 9 / 0.19 = 47.368421053%
# (the outside holders add up to 100%), B in A = 90 / 0.19 = 473.684210526% (B sits in a
# cycle with A: over 100%).  X and Y are beneficial owners (>= 25%); B controls A (90 > 50) and
# A controls B: one control cycle, B its member besides the target: the ultimate controller.
# `owned X` gives the same 47.37% in A.
cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owners --json A cross90.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert [x["id"] for x in d["owners"]] == ["B", "Y", "X"], d["owners"]
assert o["Y"]["integrated"] == {"min": 52.631578947, "max": 52.631578947}, o["Y"]
assert o["X"]["integrated"] == {"min": 47.368421053, "max": 47.368421053}, o["X"]
assert o["B"]["integrated"] == {"min": 473.684210526, "max": 473.684210526}, o["B"]
assert o["B"]["cycle"] == "with_target" and o["X"]["cycle"] == "no" and o["Y"]["cycle"] == "no"
assert d["beneficial_owners"] == ["X", "Y"] and d["ultimate_controllers"] == ["B"], d
print("ok")' && $KETEN_RUN "$KETEN_BIN" owners A cross90.jsonl | grep "^B " && $KETEN_RUN "$KETEN_BIN" owned --json X cross90.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owned"]}
assert o["A"]["integrated"] == {"min": 47.368421053, "max": 47.368421053}, o["A"]
assert o["B"]["integrated"] == {"min": 52.631578947, "max": 52.631578947}, o["B"]
print("ok")'

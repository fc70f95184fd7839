# Hand-worked: p1 holds 100% of b1 and 80% of b2; b1 20% and b2 40% of holding (p1: 52%, and
# control: 20 + 40 = 60 > 50); holding 70% of acme, so p1 holds 52% x 70% = 36.4% of acme and
# controls it.  fund (state_owned) 25-40% x 70% = 17.5-28%.  The declared p1 -> acme 30% is a
# cross-check, not added.
cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owners --json acme fixture.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["target"] == "acme", d
o = {x["id"]: x for x in d["owners"]}
assert [x["id"] for x in d["owners"]] == ["holding", "p1", "b2", "fund", "b1"], d["owners"]
assert o["p1"]["integrated"] == {"min": 36.4, "max": 36.4} and o["p1"]["direct"] is None
assert o["p1"]["declared"] == {"min": 30, "max": 30} and o["p1"]["controls"] is True
assert o["p1"]["path"] == ["p1", "b2", "holding", "acme"]
assert [s["source"] for s in o["p1"]["evidence"]] == ["fixture.jsonl:9 (reg-2)", "fixture.jsonl:11", "fixture.jsonl:13"], o["p1"]["evidence"]
assert o["holding"]["direct"] == {"min": 70, "max": 70} and o["holding"]["controls"] is True
assert o["b2"]["controls"] is False and o["b1"]["integrated"] == {"min": 14, "max": 14}
assert o["fund"]["integrated"] == {"min": 17.5, "max": 28} and o["fund"]["state_influence"] == "yes"
assert d["ultimate_controllers"] == ["p1"] and d["beneficial_owners"] == ["p1"]
assert d["state_influence"] == ["fund"] and d["target_state_influence"] is False
assert d["thresholds"]["control"] == 50 and d["thresholds"]["bo_rule"] == "ge"
print("ok")'

# --control 60: p1's 60% of holding's votes is not more than 60, so p1 no longer controls
# holding or acme; holding (70) still controls acme and becomes the ultimate controller.
# --bo 36.4 --bo-rule gt: 36.4 is not more than 36.4, and p1 does not control: no BO.
cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owners --json --control 60 --bo 36.4 --bo-rule gt acme fixture.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert o["p1"]["control"] == "no" and o["holding"]["control"] == "yes", o
assert d["ultimate_controllers"] == ["holding"] and d["beneficial_owners"] == [], d
print("ok")'

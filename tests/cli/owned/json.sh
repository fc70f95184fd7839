# From p1: b1 100% and b2 80% (controlled); holding 20 + 80% x 40 = 52% (controlled, 60 > 50);
# acme 52% x 70% = 36.4% (controlled, holding has 70).
cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owned --json p1 fixture.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["source"] == "p1", d
o = {x["id"]: (x["integrated"]["min"], x["control"]) for x in d["owned"]}
assert o == {"b1": (100, "yes"), "b2": (80, "yes"), "holding": (52, "yes"), "acme": (36.4, "yes")}, o
a = [x for x in d["owned"] if x["id"] == "acme"][0]
assert a["path"] == ["p1", "b2", "holding", "acme"] and a["declared"] == {"min": 30, "max": 30}, a
print("ok")'

# p1 -> acme: via b2 (80% x 40% x 70% = 22.4%), via b1 (100% x 20% x 70% = 14%), and the
# declared summary (30%, one weak step: ranked after the two chains).
cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" paths --json p1 acme fixture.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [(x["path"], x["product"], x["weak_steps"]) for x in d["paths"]]
assert p == [(["p1", "b2", "holding", "acme"], {"min": 22.4, "max": 22.4}, 0),
             (["p1", "b1", "holding", "acme"], {"min": 14, "max": 14}, 0),
             (["p1", "acme"], {"min": 30, "max": 30}, 1)], p
assert d["paths"][2]["evidence"][0]["declared"] is True and d["complete"] is True
print("ok")'

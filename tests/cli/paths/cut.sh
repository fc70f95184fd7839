cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" paths --max-paths 1 --json p1 acme fixture.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert len(d["paths"]) == 1 and d["cut"]["max_paths"] is True and d["complete"] is False, d
print("ok")' && $KETEN_RUN "$KETEN_BIN" paths --max-depth 2 --json p1 acme fixture.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert [x["path"] for x in d["paths"]] == [["p1", "acme"]] and d["cut"]["max_depth"] is True, d
print("ok")'

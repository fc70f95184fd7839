# keten find --json: an identifier match says which identifier; any script matches
cd "$ROOT/tests/cli/find" && $KETEN_RUN "$KETEN_BIN" find --json 华为 scripts.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["query"], [(e["id"], e["match"], e["country"]) for e in d["entities"]])' &&
$KETEN_RUN "$KETEN_BIN" find --json hrb-1234 scripts.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([(e["id"], e["match"], e.get("identifier"), e["source"]) for e in d["entities"]])' &&
$KETEN_RUN "$KETEN_BIN" find ЗАВОД scripts.jsonl

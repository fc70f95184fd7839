# keten find: an id merged into another entity (a shared LEI) finds that entity and names the
# merged id; a merged id that matches no better than the entity's own fields adds nothing
cd "$ROOT/tests/cli/find" && $KETEN_RUN "$KETEN_BIN" find gleif-529900acme merged.jsonl 2>/dev/null &&
$KETEN_RUN "$KETEN_BIN" find --json GLEIF merged.jsonl 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([(e["id"], e["match"], e.get("alias")) for e in d["entities"]])' &&
$KETEN_RUN "$KETEN_BIN" find --json 529900acme merged.jsonl 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([(e["id"], e["match"], e.get("alias")) for e in d["entities"]])'

cd "$ROOT/tests/cli/check" && $KETEN_RUN "$KETEN_BIN" check --json fixture.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["valid"] is True and d["entities"] == 5 and d["relations"] == 4, d
assert d["by_relation_type"] == {"owns": 2, "contains": 1, "made_by": 1}, d
assert [p["code"] for p in d["problems"]] == ["item_no_origin"] and d["problems"][0]["line"] == 6
print("ok")'

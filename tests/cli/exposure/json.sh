cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" exposure bidder fixture.jsonl --policy policy.json --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["node"] == "bidder" and d["files"] == ["fixture.jsonl"], d
assert d["policy"] == {"file": "policy.json", "name": "test"}, d["policy"]
assert d["thresholds"] == {"owner_share": 10, "control": 50, "max_depth": 25}, d["thresholds"]
f = {x["node"]: x for x in d["findings"]}
assert [x["node"] for x in d["findings"]] == ["hold", "modem", "maker"], d["findings"]
assert f["hold"]["reasons"] == ["state_owned"] and f["hold"]["via"] == "ownership" and f["hold"]["depth"] == 1
assert f["hold"]["interest"] == {"min": 30, "max": 30, "in": "bidder"}, f["hold"]["interest"]
assert f["modem"]["country"] == "CN" and f["modem"]["reasons"] == ["C1", "non_gpa", "non_eu"]
assert f["modem"]["interest"] is None
assert f["maker"]["path"] == [
    {"id": "bidder", "rel": None, "via": None, "source": None},
    {"id": "cam", "rel": "offers", "via": "supply", "source": "fixture.jsonl:9"},
    {"id": "modem", "rel": "contains", "via": "component", "source": "fixture.jsonl:11"},
    {"id": "maker", "rel": "made_by", "via": "supply", "source": "fixture.jsonl:13"}], f["maker"]["path"]
assert [(u["node"], u["why"], u["depth"]) for u in d["unknown"]] == [
    ("lens", ["suppliers_unknown"], 2), ("reseller", ["suppliers_unknown"], 3)], d["unknown"]
assert d["summary"] == {"reached": 8, "findings": 3, "unknown": 2,
                        "text": "3 findings; the data is incomplete beyond 2 nodes"}, d["summary"]
print("ok")'

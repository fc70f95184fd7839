cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" critical bidder fixture.jsonl --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
got = [(c["id"], c["rule"], c["needed_by"], c["item"], c["source"], c["depth"]) for c in d["critical"]]
want = [("cam", "required", "bidder", None, "fixture.jsonl:9", 1),
        ("integ", "only_manufacturer", "cam", None, "fixture.jsonl:10", 2),
        ("lens", "required", "cam", None, "fixture.jsonl:12", 2),
        ("modem", "required", "cam", None, "fixture.jsonl:11", 2),
        ("maker", "only_manufacturer", "modem", None, "fixture.jsonl:13", 3),
        ("reseller", "only_supplier", "integ", "modem", "fixture.jsonl:14", 3)]
assert got == want, got
assert d["sole_source"] == [{"supplier": "reseller", "customer": "integ", "item": "modem",
                             "source": "fixture.jsonl:14"}], d["sole_source"]
assert d["summary"] == {"reached": 7, "critical": 6, "sole_source": 1}, d["summary"]
print("ok")'

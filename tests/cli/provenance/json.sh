cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" provenance cam fixture.jsonl --policy policy.json --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["item"] == "cam", d
assert d["assembly"] == {"country": "NL", "rule": "manufacturer", "manufacturer": "integ", "split": "share"}, d["assembly"]
assert d["origins"] == [{"country": "DE", "share": 70}, {"country": "CN", "share": 30}], d["origins"]
assert d["hhi"] == 0.58 and d["band"] == "concentrated", d
# the EU flag is about supply from outside the EU: CN 30% alone (HHI 1 over it), but not more
# than half the camera: not flagged (the all-origin HHI 0.58 would have flagged it)
assert d["eu_flag"] is False and d["extra_eu_share"] == 30 and d["hhi_extra_eu"] == 1, d
assert d["hhi_range"] == {"min": 0.58, "max": 0.58} and d["unknown_share"] == 0, d
assert d["transit"] == [{"part": "modem", "via": "reseller", "via_country": "DE", "origin": "CN",
                         "source": "fixture.jsonl:14"}], d["transit"]
p = {x["id"]: x for x in d["parts"]}
assert [x["id"] for x in d["parts"]] == ["lens", "modem"], d["parts"]
assert p["modem"]["tier"] == 1 and p["modem"]["share"] == 30 and p["modem"]["origin"] == "CN"
assert p["modem"]["origin_rule"] == "manufacturer" and p["modem"]["manufacturer"] == "maker"
assert p["modem"]["marks"] == ["C1"] and p["lens"]["marks"] == [], p
assert p["modem"]["suppliers"] == [{"id": "reseller", "country": "DE", "source": "fixture.jsonl:14"}]
print("ok")'

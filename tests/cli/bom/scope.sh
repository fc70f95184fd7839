# Two bidders' bom.json in different folders, neither with a serialNumber: ids are scoped by the
# path as given, so "app" and "lib" stay two entities each and neither bidder's supplier reaches
# the other's app; "shared" carries the same purl in both and is one entity.  By hand:
# a/bom.json#app, a/bom.json#lib, a/bom.json#org:Alpha Supplies (UK -> GB), the same three under
# b/ (Deutschland -> DE), and one shared: 7 entities; contains app -> lib and app -> shared in
# each (4), supplies org -> lib in each (2): 6 relations.
cd "$ROOT/tests/cli/bom" || exit 9
$KETEN_RUN "$KETEN_BIN" check --json a/bom.json b/bom.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["valid"] is True, d
print(d["entities"], d["relations"], json.dumps(d["by_country"], sort_keys=True))
print(sorted(p["code"] for p in d["problems"] if p["code"] not in ("item_no_origin",)))'
# exposure from bidder A's app reaches only what a/bom.json and the shared package say
$KETEN_RUN "$KETEN_BIN" exposure a/bom.json#app a/bom.json b/bom.json --policy ../../../samples/policy.json --json \
    2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("reached:", sorted({h["id"] for u in d["unknown"] + d["findings"] for h in u["path"]}))'

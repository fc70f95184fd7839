# One transit rule for provenance and its diagram, on a CycloneDX BOM whose countries are names
# in the wild (CLDR aliases): chip is made by Chip Fab ("Taiwan" -> TW) and supplied by Chip
# Trading ("Hong Kong SAR" -> HK): transit.  lens is made and supplied by Lens Works
# ("Deutschland" -> DE): not transit.  board is made by Board Fab (TW) and supplied by Taipei
# Dist ("TWN" -> TW), which makes nothing: same country as the origin, so not transit (the old
# diagram called every non-maker transit).  The camera's maker Cam Co is "Nederland" -> NL.
cd "$ROOT/tests/cli/bom" || exit 9
cam="urn:uuid:00000000-0000-4000-8000-000000000001#cam"
$KETEN_RUN "$KETEN_BIN" provenance "$cam" transit.cdx.json --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
for t in d["transit"]:
    print("provenance transit:", t["part"].split("#")[1], "via", t["via"].split("#")[1], t["via_country"], "origin", t["origin"])'
$KETEN_RUN "$KETEN_BIN" diagram provenance "$cam" transit.cdx.json --quiet | gvpr '
N { if (match($.label, "transit") >= 0) printf("diagram transit: %s\n", substr($.name, index($.name, "#") + 1)); }
E { if (match($.label, "Supplies") >= 0) printf("diagram edge: %s -> %s: %s\n", substr($.tail.name, index($.tail.name, "#") + 1), substr($.head.name, index($.head.name, "#") + 1), $.label); }' | LC_ALL=C sort
$KETEN_RUN "$KETEN_BIN" check --json transit.cdx.json | python3 -c '
import json, sys
print("countries:", json.dumps(json.load(sys.stdin)["by_country"], sort_keys=True))'
# exposure follows the same suppliers and marks the same one transit
$KETEN_RUN "$KETEN_BIN" exposure "$cam" transit.cdx.json --policy ../../../samples/policy.json --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
hops = {(h["id"].split("#")[1], h["transit"]) for u in d["unknown"] + d["findings"] for h in u["path"] if h.get("rel") == "supplies"}
for h in sorted(hops):
    print("exposure supplies hop:", h[0], "transit" if h[1] else "not transit")'

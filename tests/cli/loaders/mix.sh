# BODS, CycloneDX and native files merge into one model.  Worked by hand:
# entities: bods:holding and acme carry lei 529900T8BM49AURSDO55 -> one; bods:ministry (state);
#   bidder; camera (product), sensor (component), Sensor Fab, ACME HOLDING BV (cdx org) = 7.
# relations: owns ministry -> holding 40, owns acme -> bidder 100, offers bidder -> camera,
#   contains camera -> sensor, made_by sensor -> Sensor Fab, supplies ACME HOLDING BV ->
#   camera = 6.  The cdx organisation "ACME HOLDING BV" has the same normalised name
#   ("acme holding") as the holding but no shared identifier: one likely_duplicate warning.
cd "$ROOT/tests/cli/loaders" && $KETEN_RUN "$KETEN_BIN" check --json mix-bods.json mix.cdx.json mix.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["valid"] is True, d
assert d["entities"] == 7 and d["relations"] == 6, d
assert d["by_entity_type"] == {"company": 4, "state": 1, "product": 1, "component": 1}, d
assert d["by_relation_type"] == {"owns": 2, "offers": 1, "contains": 1, "made_by": 1, "supplies": 1}, d
codes = sorted(p["code"] for p in d["problems"])
assert codes.count("likely_duplicate") == 1, codes
dup = [p for p in d["problems"] if p["code"] == "likely_duplicate"][0]
assert dup["file"] == "mix.cdx.json" and "acme holding" in dup["message"], dup
print("ok")'

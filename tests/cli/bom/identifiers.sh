# An entity argument may be any unambiguous identifier; keten says what it resolved to.
# GLEIF records (tests/data/gleif): 10 LEI records, all with legal address NG; the bare LEI
# 029200067A7K6CH0H586 is the lei identifier of lei:029200067A7K6CH0H586 (CENTRAL SECURITIES
# CLEARING SYSTEM PLC).  A purl names the one entity carrying it.  An id without its prefix
# works when one prefix fits (y1 is ftm:y1); "x1" fits ftm:x1 and bods:x1: ambiguous, exit 2.
cd "$ROOT/tests/cli/bom" || exit 9
g=../../data/gleif/lei2-top10.csv
$KETEN_RUN "$KETEN_BIN" check --json $g | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["entities"], d["relations"], json.dumps(d["by_entity_type"]), json.dumps(d["by_country"]))'
$KETEN_RUN "$KETEN_BIN" owners 029200067A7K6CH0H586 $g 2>&1 | grep -E "note|^owners"
$KETEN_RUN "$KETEN_BIN" provenance pkg:generic/shared@1 a/bom.json b/bom.json --quiet 2>&1 | grep -E "note|^provenance"
$KETEN_RUN "$KETEN_BIN" owners y1 two-prefixes.jsonl 2>&1 | grep -E "note|^owners"
$KETEN_RUN "$KETEN_BIN" owners x1 two-prefixes.jsonl; echo "exit $?"

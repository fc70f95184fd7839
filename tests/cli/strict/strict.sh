# Strict JSON in every loader.  Foreign formats: a duplicate key is a warning and the last value
# wins (dup.cdx.json: component lib is "last name"); invalid UTF-8 (the byte E9 in "Jos\xe9") and
# \u0000 become U+FFFD with a warning each, and --json output stays valid JSON.  A second value
# after the document is an error (trailing.cdx.json:3).  CR-only line ends are line ends: cr.jsonl
# holds 2 entities and 1 relation on 3 lines.  A tender with "mitigation" twice is rejected
# (tender.json:8), never read with one of the two values.
cd "$ROOT/tests/cli/strict" || exit 9
$KETEN_RUN "$KETEN_BIN" check --json dup.cdx.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("dup:", d["valid"], [(p["code"], p["line"], p["message"]) for p in d["problems"] if p["code"].startswith("json")])'
$KETEN_RUN "$KETEN_BIN" provenance dup.cdx.json#app dup.cdx.json --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("name:", [p["name"] for p in d["parts"]])'
$KETEN_RUN "$KETEN_BIN" check --json utf8.ftm.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("utf8:", d["valid"], [(p["code"], p["line"]) for p in d["problems"] if p["code"].startswith("json")])'
$KETEN_RUN "$KETEN_BIN" owned p1 utf8.ftm.json --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("name:", ascii(d["name"] if "name" in d else d))' 2>&1 | head -2
$KETEN_RUN "$KETEN_BIN" check --quiet trailing.cdx.json; echo "exit $?"
$KETEN_RUN "$KETEN_BIN" check --json cr.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("cr:", d["entities"], d["relations"])'
$KETEN_RUN "$KETEN_BIN" screen tender.json; echo "exit $?"
# a duplicated member that holds containers (found by the fuzzer: freed while still to be
# visited): the second "components" wins, so only component b is read
$KETEN_RUN "$KETEN_BIN" check --json dup-nested.cdx.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("dup-nested:", d["entities"], [(p["code"], p["line"]) for p in d["problems"] if p["code"].startswith("json")])'

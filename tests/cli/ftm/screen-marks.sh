# Screening: a mark the policy makes a finding is a finding of its own, found through the
# supply chain like a C1 or C2 origin.  Hand-made data: bidder Alpha (NL) buys a part from
# Beta (DE), which carries a sanction mark in force (2023-02-24 onwards) and a debarment mark;
# the sample policy makes sanctions findings, not debarment.  Expected: one finding, Beta,
# reason sanctioned (not debarred), reached through the supply relation; the verdict is not
# "clear"; the sanction listing is the evidence (JSON and table).
d=$(mktemp -d) || exit 9
cd "$d" || exit 9
cp "$ROOT/samples/policy.json" policy.json
cat > data.jsonl <<'J'
{"id":"alpha","type":"company","name":"Alpha B.V.","country":"NL","complete":true}
{"id":"beta","type":"company","name":"Beta GmbH","country":"DE","complete":true}
{"rel":"supplies","from":"beta","to":"alpha"}
{"mark":"sanction","entity":"beta","authority":"Council of the European Union","programme":"EU-UKR","since":"2023-02-24","source":"eu-1"}
{"mark":"debarment","entity":"beta","authority":"World Bank","source":"wb-1"}
J
cat > tender.json <<'J'
{"keten_tender":"1","id":"T-1","title":"example","regime":"aw2012","access":["sensitive_ict"],
 "mitigation":"insufficient","data":["data.jsonl"],"policy":"policy.json","as_of":"2024-06-01",
 "bidders":[{"id":"B1","name":"Alpha","members":["alpha"]}]}
J
$KETEN_RUN "$KETEN_BIN" screen --format json tender.json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
for b in d["bidders"]:
    print(b["id"], "not clear:", b["verdict"] != "clear")
    for f in b["findings"]:
        print(b["id"], f["node"], ",".join(f["reasons"]), [s["rel"] for s in f["path"][1:]],
              [(e["kind"], e["authority"], e["programme"], e["since"]) for e in f.get("evidence", [])])'
$KETEN_RUN "$KETEN_BIN" screen tender.json 2>/dev/null | grep -E "^  finding|^    sanction|^    debarment"
$KETEN_RUN "$KETEN_BIN" check data.jsonl 2>&1 | grep -E "^marks|^  (sanction|debarment)"
cd / && rm -rf "$d"

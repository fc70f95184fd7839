# The screening table's columns line up whatever the bidder ids are made of: a wide (East
# Asian) id takes two columns a character, an accented one one, and a control character is
# escaped, its escape counted as printed.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cp "$ROOT/samples/anpr-tender/data.jsonl" "$ROOT/samples/policy.json" "$t/"
printf '%s\n' '{"keten_tender": "1", "id": "T", "regime": "adv", "access": ["sensitive_ict"],' \
    ' "mitigation": "insufficient", "data": ["data.jsonl"], "policy": "policy.json",' \
    ' "bidders": [{"id": "B1", "consortium": "k1-noordlicht"},' \
    '  {"id": "投标人二", "consortium": "k2-polder"},' \
    '  {"id": "Bé3", "consortium": "k3-delta"},' \
    '  {"id": "B\u00074", "consortium": "k4-eastgate"}]}' >"$t/t.json"
cd "$t" && $KETEN_RUN "$KETEN_BIN" screen --quiet t.json | sed -n '/^BIDDER/,/^$/p'

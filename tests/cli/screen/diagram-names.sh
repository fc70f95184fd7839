# --diagrams: bidder ids "a/b", "a_b" and "a b" get three files (the two changed ids a hash
# suffix); a second run refuses to overwrite them and writes nothing; --force overwrites.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cp "$ROOT/samples/anpr-tender/data.jsonl" "$ROOT/samples/policy.json" "$t/"
cat >"$t/tender.json" <<'J'
{"keten_tender": "1", "id": "T", "regime": "adv", "data": ["data.jsonl"], "policy": "policy.json",
 "bidders": [{"id": "a/b", "consortium": "k2-polder"}, {"id": "a_b", "consortium": "k2-polder"},
             {"id": "a b", "consortium": "k2-polder"}, {"id": "../x", "consortium": "k2-polder"}]}
J
cd "$t" || exit 9
$KETEN_RUN "$KETEN_BIN" screen --quiet tender.json --diagrams d -o r1.txt || echo "first run: exit $?"
ls d
$KETEN_RUN "$KETEN_BIN" screen --quiet tender.json --diagrams d -o r2.txt
echo "second run: exit $?"
[ -e r2.txt ] && echo "r2.txt written"
$KETEN_RUN "$KETEN_BIN" screen --quiet tender.json --diagrams d --force -o r3.txt || echo "--force: exit $?"
[ -s r3.txt ] && echo "--force: report written, $(ls d | wc -l) diagrams"

# screen --since: the sample tender after one relation changed (orchid-holdings' 40% stake in
# lumen-modules becomes 5%, under the policy's owner_share): only B2 changes, and says how.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cd "$ROOT" || exit 9
$KETEN_RUN "$KETEN_BIN" screen --quiet --format json samples/anpr-tender/tender.json >"$t/prev.json"
sed '33s/"share":40/"share":5/' samples/anpr-tender/data.jsonl >"$t/data.jsonl"
cp samples/anpr-tender/policy.json "$t/policy.json"
sed "s|\"../policy.json\"|\"policy.json\"|" samples/anpr-tender/tender.json >"$t/tender.json"
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/prev.json" samples/anpr-tender/tender.json | sed "s|$t/||"
echo "exit $?"
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/prev.json" "$t/tender.json" | sed "s|$t/||"
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/prev.json" --format json "$t/tender.json" | sed "s|$t/||"
# a snapshot of the changed data screens the same
$KETEN_RUN "$KETEN_BIN" index --quiet "$t/data.jsonl" -o "$t/data.ktn" >/dev/null
sed "s|\"data.jsonl\"|\"data.ktn\"|" "$t/tender.json" >"$t/tender2.json"
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/prev.json" "$t/tender2.json" | sed "s|$t/||" | tail -1
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/nope.json" "$t/tender.json" 2>&1 | sed "s|$t/||"
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/data.jsonl" "$t/tender.json" 2>&1 | sed "s|$t/||"
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/prev.json" --format csv "$t/tender.json" 2>&1 | sed "s|$t/||"
# one relation added: vs-board gets a manufacturer, and B5's unknown closes
echo '{"rel":"made_by","from":"vs-board","to":"polder-traffic"}' >>"$t/data.jsonl"
$KETEN_RUN "$KETEN_BIN" screen --quiet --since "$t/prev.json" "$t/tender.json" | sed "s|$t/||"

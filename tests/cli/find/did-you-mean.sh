# A mistyped entity id or command gets the nearest name
cd "$ROOT/samples/anpr-tender" && $KETEN_RUN "$KETEN_BIN" owners state-optic data.jsonl
echo "exit $?"
$KETEN_RUN "$KETEN_BIN" scren tender.json
echo "exit $?"
$KETEN_RUN "$KETEN_BIN" owners zzzzzzzzzzzz data.jsonl
echo "exit $?"

# --as-of: relations not valid on the date are left out, and the command says how many
d=$(mktemp -d) || exit 9
cat > "$d/x.jsonl" <<'J'
{"id":"a","type":"company","country":"NL"}
{"id":"b","type":"company","country":"NL"}
{"rel":"owns","from":"a","to":"b","share":60,"until":"2020-12-31"}
{"rel":"controls","from":"a","to":"b","since":"2019"}
J
$KETEN_RUN "$KETEN_BIN" check "$d/x.jsonl" --as-of 2021-01-01 2>&1 | grep -E "^relations|^as of|^  (owns|controls)" || exit $?
$KETEN_RUN "$KETEN_BIN" --as-of=2020-06-30 check "$d/x.jsonl" 2>&1 | grep -E "^relations|^as of" || exit $?
$KETEN_RUN "$KETEN_BIN" check "$d/x.jsonl" --as-of 2021 2>&1
echo "exit $?"
rm -rf "$d"

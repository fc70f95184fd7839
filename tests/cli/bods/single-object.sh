# A file holding one pretty-printed BODS statement (not an array, not JSON Lines) is one
# record: the Open Ownership Register's own entity statement fixture
# (tests/data/bods/register-entity-statement.json, see tests/data/README.md) loads as one
# company in FR with no relations (warning entity_isolated), exit 0.  An object that is
# cut off is one malformed-JSON error, not an error per line.
d=$(mktemp -d) || exit 9
trap 'rm -rf "$d"' EXIT
$KETEN_RUN "$KETEN_BIN" check "$ROOT/tests/data/bods/register-entity-statement.json" >"$d/out" 2>"$d/err"
echo "exit $?"
grep -E "^(entities|relations|  company|  FR)" "$d/out"
sed 's|.*/tests/data/|tests/data/|' "$d/err"
printf '{\n  "statementID": "x",\n  "statementType": "entityStatement",\n' >"$d/cut.json"
$KETEN_RUN "$KETEN_BIN" check "$d/cut.json" >"$d/out" 2>"$d/err"
echo "exit $?, $(wc -l <"$d/err") error line(s)"

# A PDF carries no clock time: two runs a second apart are byte-identical, dated 2000-01-01, or
# SOURCE_DATE_EPOCH when set (1764547200 is 2025-12-01T00:00:00Z)
cd "$ROOT/tests/cli/diagram" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
$KETEN_RUN "$KETEN_BIN" diagram provenance cam fixture.jsonl --quiet -o "$t/a.pdf" || exit $?
sleep 1.1
$KETEN_RUN "$KETEN_BIN" diagram provenance cam fixture.jsonl --quiet -o "$t/b.pdf" || exit $?
[ -s "$t/a.pdf" ] && cmp "$t/a.pdf" "$t/b.pdf" && echo "two runs: byte-identical"
grep -a -o '/CreationDate ([^)]*)' "$t/a.pdf"
SOURCE_DATE_EPOCH=1764547200 $KETEN_RUN "$KETEN_BIN" diagram provenance cam fixture.jsonl --quiet -o "$t/c.pdf" || exit $?
grep -a -o '/CreationDate ([^)]*)' "$t/c.pdf"

# a .gz file is read through zlib; "-" reads standard input; both give the same counts
d=$(mktemp -d) || exit 9
gzip -c "$ROOT/tests/cli/check/fixture.jsonl" > "$d/fixture.jsonl.gz"
$KETEN_RUN "$KETEN_BIN" check --quiet "$d/fixture.jsonl.gz" | sed 1,2d || exit $?
$KETEN_RUN "$KETEN_BIN" check --quiet - < "$ROOT/tests/cli/check/fixture.jsonl" | sed 1,2d
rm -rf "$d"

# an unknown entity: exit 2, nothing on stdout, and no output file left behind
cd "$ROOT/tests/cli/diagram" || exit 9
out=$(mktemp -d) || exit 9
trap 'rm -rf "$out"' EXIT
$KETEN_RUN "$KETEN_BIN" diagram ownership nobody fixture.jsonl --quiet -o "$out/x.svg"
rc=$?
ls "$out"
exit $rc

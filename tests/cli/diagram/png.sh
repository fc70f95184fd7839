# --format png on standard output starts with the PNG signature; -o x.pdf gives a PDF
cd "$ROOT/tests/cli/diagram" || exit 9
out=$(mktemp -d) || exit 9
trap 'rm -rf "$out"' EXIT
$KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --quiet --format png >"$out/p.png" || exit $?
head -c 8 "$out/p.png" | od -An -tx1
$KETEN_RUN "$KETEN_BIN" diagram provenance cam fixture.jsonl --quiet -o "$out/p.PDF" || exit 9
head -c 5 "$out/p.PDF"; echo

# -o FILE.svg picks SVG: well-formed XML with one class="node" group per node (5, as in
# ownership-dot)
cd "$ROOT/tests/cli/diagram" || exit 9
out=$(mktemp -d) || exit 9
trap 'rm -rf "$out"' EXIT
$KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --quiet -o "$out/o.svg" || exit 9
xmllint --noout "$out/o.svg" && echo well-formed
grep -c 'class="node"' "$out/o.svg"
ls "$out"

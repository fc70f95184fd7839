# node labels keep quotes, backslashes, < > & and non-Latin names through DOT (HTML-like
# labels with entities) and through SVG (XML text)
cd "$ROOT/tests/cli/diagram" || exit 9
$KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --quiet | gvpr 'N { printf("%s\n", $.label); }' |
    sed 's/<BR\/>.*//' | LC_ALL=C sort || exit $?
out=$(mktemp -d) || exit 9
trap 'rm -rf "$out"' EXIT
$KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --quiet -o "$out/o.svg" || exit 9
xmllint --noout "$out/o.svg" || exit 9
for name in 'Target &quot;Quoted&quot; B.V.' 'Mid &lt;Angle&gt; &amp; Co' 'Иван Back\slash' '王小明' 'دولة'; do
    grep -qF ">$name</text>" "$out/o.svg" && echo "svg: $name"
done

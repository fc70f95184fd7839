# 30 owners folded to 10 nodes: the target and 8 owners are kept (budget 9, then one summary
# makes 10), the other 22 become one "+22 more owners" node
cd "$ROOT/tests/cli/diagram" || exit 9
out=$(mktemp -d) || exit 9
trap 'rm -rf "$out"' EXIT
{
    echo '{"id":"t","type":"company","name":"T","country":"NL"}'
    i=0
    while [ $i -lt 30 ]; do
        echo "{\"id\":\"o$i\",\"type\":\"person\",\"name\":\"O$i\",\"country\":\"NL\"}"
        echo "{\"rel\":\"owns\",\"from\":\"o$i\",\"to\":\"t\",\"share\":2}"
        i=$((i + 1))
    done
} >"$out/star.jsonl"
$KETEN_RUN "$KETEN_BIN" diagram ownership t "$out/star.jsonl" --max-nodes 10 | gvpr '
BEG_G { printf("%d nodes\n", nNodes($G)); }
N [shape == "note"] { printf("%s\n", $.label); }'

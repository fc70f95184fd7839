# Ctrl-C while -o is being written: the temporary file beside the target is removed, the target
# is not made, and keten dies of the signal (exit 130).  A diagram of 3,000 owners takes Graphviz
# long enough to catch keten with its temporary file open.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
{
    echo '{"id":"t","type":"company","name":"T","country":"NL"}'
    i=0
    while [ $i -lt 3000 ]; do
        echo "{\"id\":\"o$i\",\"type\":\"person\",\"name\":\"Owner $i\",\"country\":\"NL\"}"
        echo "{\"rel\":\"owns\",\"from\":\"o$i\",\"to\":\"t\",\"share\":0.03}"
        i=$((i + 1))
    done
} >"$t/star.jsonl"
# job control: a background job keeps SIGINT as a terminal's Ctrl-C would deliver it
set -m
$KETEN_RUN "$KETEN_BIN" diagram ownership t "$t/star.jsonl" --max-nodes 3001 --quiet -o "$t/out.svg" &
pid=$!
n=0
while [ $n -lt 400 ] && ! ls "$t"/out.svg.tmp.* >/dev/null 2>&1; do
    sleep 0.05
    n=$((n + 1))
done
if ls "$t"/out.svg.tmp.* >/dev/null 2>&1; then
    kill -INT $pid
    echo "temporary file seen, Ctrl-C sent"
else
    echo "no temporary file seen"
fi
wait $pid
echo "exit $?"
echo "$(ls "$t" | grep -c 'out.svg') files named out.svg..."

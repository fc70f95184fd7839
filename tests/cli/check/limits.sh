# Limits on one input file, each with the error that names it and the option that raises it:
# a .gz that expands to a 70 MB line with no end (stopped by the default 64M line limit, not by
# memory), a .gz of zeros read as one JSON document, bytes, records, a JSON document, a JSON
# string and nesting depth; then the same files with the limits raised load, and a bad --limit
# is a usage error.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cd "$t" || exit 9
k() { $KETEN_RUN "$KETEN_BIN" "$@" >out.txt 2>err.txt; echo "exit $?: $(cat err.txt)"; }
{ echo '{"keten":"1"}'; head -c 70000000 /dev/zero | tr '\0' x; } | gzip -1 >bomb.jsonl.gz
k check --quiet bomb.jsonl.gz
head -c 3000000 /dev/zero | gzip -1 >zeros.json.gz
k check --quiet --limit document=1M zeros.json.gz
i=0
while [ $i -lt 2000 ]; do
    echo "{\"id\":\"entity-number-$i-of-the-limits-test\",\"type\":\"company\",\"country\":\"NL\"}"
    i=$((i + 1))
done >many.jsonl
k check --quiet --limit bytes=64K many.jsonl
k --limit records=1500 check --quiet many.jsonl
k check --quiet --limit records=2000 --limit bytes=1M many.jsonl
printf '[{"statementID":"s1","statementType":"entityStatement","entityType":"registeredEntity","name":"%s"}]\n' \
    "$(head -c 3000 /dev/zero | tr '\0' x)" >doc.json
k check --quiet --limit document=2K doc.json
k check --quiet --limit string=2K doc.json
echo '{"id":"x","type":"company","name":"X","extra":[[[[["deep"]]]]]}' >deep.jsonl
k check --quiet --limit depth=4 deep.jsonl
k check --quiet --limit depth=6 deep.jsonl
k check --quiet --limit nonsense=1 deep.jsonl
k check --quiet --limit depth=2000 deep.jsonl

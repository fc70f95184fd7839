# The same input gives byte-identical output, for every command's JSON and the screening CSV.
# Each run must exit 0 and print something: two empty outputs are not "the same".
cd "$ROOT" || exit 9
d=samples/anpr-tender/data.jsonl
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
n=0
while read -r args; do
    # shellcheck disable=SC2086
    $KETEN_RUN "$KETEN_BIN" $args >"$t/a" 2>/dev/null || { echo "exit $?: keten $args"; continue; }
    # shellcheck disable=SC2086
    $KETEN_RUN "$KETEN_BIN" $args >"$t/b" 2>/dev/null || { echo "exit $?: keten $args"; continue; }
    [ -s "$t/a" ] || echo "no output: keten $args"
    cmp -s "$t/a" "$t/b" || echo "differs: keten $args"
    n=$((n + 1))
done <<EOF2
check --json $d
screen --format json samples/anpr-tender/tender.json
screen --format csv samples/anpr-tender/tender.json
exposure k2-polder $d --policy samples/policy.json --json
provenance dm-cam $d --policy samples/policy.json --json
critical k3-delta $d --json
owners lumen-modules $d --json
owned state-optics $d --json
paths state-optics lumen-modules $d --json
diagram exposure k2-polder $d --policy samples/policy.json --format svg
diagram exposure k2-polder $d --policy samples/policy.json --format pdf
EOF2
echo "$n commands, each byte-identical twice"

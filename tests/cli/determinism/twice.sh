# The same input gives byte-identical output, for every command's JSON and the screening CSV.
cd "$ROOT" || exit 9
d=samples/anpr-tender/data.jsonl
n=0
while read -r args; do
    # shellcheck disable=SC2086
    a=$($KETEN_RUN "$KETEN_BIN" $args 2>/dev/null | cksum)
    # shellcheck disable=SC2086
    b=$($KETEN_RUN "$KETEN_BIN" $args 2>/dev/null | cksum)
    [ "$a" = "$b" ] || echo "differs: keten $args"
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
EOF2
echo "$n commands, each byte-identical twice"

# --fail-on for pipelines: k2-polder has a finding, k1-noordlicht none and complete data,
# k5-vecht no finding but a node where the data stops.
cd "$ROOT" || exit 9
for a in "k2-polder finding" "k1-noordlicht unknown" "k5-vecht finding" "k5-vecht unknown"; do
    set -- $a
    $KETEN_RUN "$KETEN_BIN" exposure "$1" samples/anpr-tender/data.jsonl --policy samples/policy.json --quiet \
        --fail-on "$2" >/dev/null
    echo "$1 --fail-on $2: exit $?"
done
$KETEN_RUN "$KETEN_BIN" exposure k2-polder samples/anpr-tender/data.jsonl --policy samples/policy.json --fail-on some

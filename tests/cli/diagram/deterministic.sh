# the same input twice gives byte-identical DOT, for every kind of diagram
cd "$ROOT/tests/cli/diagram" || exit 9
for args in "ownership target" "ownership state --down" "exposure target --policy policy.json" "provenance cam"; do
    # shellcheck disable=SC2086
    a=$($KETEN_RUN "$KETEN_BIN" diagram $args fixture.jsonl --quiet | cksum)
    # shellcheck disable=SC2086
    b=$($KETEN_RUN "$KETEN_BIN" diagram $args fixture.jsonl --quiet | cksum)
    [ "$a" = "$b" ] && echo "same: $args"
done

# the same input twice gives byte-identical DOT, for every kind of diagram (each run must
# exit 0 and print something: two empty outputs are not "the same")
cd "$ROOT/tests/cli/diagram" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
for args in "ownership target" "ownership state --down" "exposure target --policy policy.json" "provenance cam"; do
    # shellcheck disable=SC2086
    $KETEN_RUN "$KETEN_BIN" diagram $args fixture.jsonl --quiet >"$t/a" || exit $?
    # shellcheck disable=SC2086
    $KETEN_RUN "$KETEN_BIN" diagram $args fixture.jsonl --quiet >"$t/b" || exit $?
    [ -s "$t/a" ] && cmp -s "$t/a" "$t/b" && echo "same: $args"
done

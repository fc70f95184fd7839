cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" exposure bidder fixture.jsonl --policy bad-threshold.json

cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" critical bidder fixture.jsonl

cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owned holding fixture.jsonl

cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owned x fixture.jsonl

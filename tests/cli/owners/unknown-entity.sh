cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owners x fixture.jsonl

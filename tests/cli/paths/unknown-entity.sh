cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" paths p1 x fixture.jsonl

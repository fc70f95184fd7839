cd "$ROOT/tests/cli/diagram" && $KETEN_RUN "$KETEN_BIN" diagram exposure target fixture.jsonl

cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" provenance nothing fixture.jsonl

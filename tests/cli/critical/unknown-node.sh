cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" critical nobody fixture.jsonl

cd "$ROOT/tests/cli/check" && $KETEN_RUN "$KETEN_BIN" check fixture.jsonl

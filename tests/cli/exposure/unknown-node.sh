cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" exposure nobody fixture.jsonl --policy policy.json

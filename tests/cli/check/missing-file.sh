cd "$ROOT/tests/cli/check" && $KETEN_RUN "$KETEN_BIN" check no-such-file.jsonl

cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" paths p1 acme fixture.jsonl

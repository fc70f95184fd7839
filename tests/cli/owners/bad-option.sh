cd "$ROOT/tests/cli/owners" && $KETEN_RUN "$KETEN_BIN" owners --bo-rule maybe acme fixture.jsonl

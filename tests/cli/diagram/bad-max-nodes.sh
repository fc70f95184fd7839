cd "$ROOT/tests/cli/diagram" && $KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --max-nodes 12x

cd "$ROOT/tests/cli/diagram" && $KETEN_RUN "$KETEN_BIN" diagram provenance mid fixture.jsonl --quiet

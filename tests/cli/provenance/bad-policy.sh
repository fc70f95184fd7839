cd "$ROOT/tests/cli/exposure" && $KETEN_RUN "$KETEN_BIN" provenance cam fixture.jsonl --policy bad-policy.json

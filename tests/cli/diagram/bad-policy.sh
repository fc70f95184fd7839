# a policy file that is not one: file:line: message, exit 2
cd "$ROOT/tests/cli/diagram" && $KETEN_RUN "$KETEN_BIN" diagram exposure target fixture.jsonl --policy fixture.jsonl --quiet

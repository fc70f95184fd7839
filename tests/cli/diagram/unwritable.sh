# a directory that does not exist: exit 2 and a message naming the file
cd "$ROOT/tests/cli/diagram" && $KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --quiet -o /nonexistent/dir/x.svg

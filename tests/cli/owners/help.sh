# the example on the help's second line works
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" owners --help | sed -n 2p | grep -q '^Example: keten owners ' &&
  $KETEN_RUN "$KETEN_BIN" owners acme tests/cli/owners/fixture.jsonl >/dev/null && echo ok

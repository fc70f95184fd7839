cd "$ROOT/tests/cli/critical" && $KETEN_RUN "$KETEN_BIN" critical bidder second-supplier.jsonl

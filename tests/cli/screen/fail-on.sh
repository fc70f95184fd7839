# --fail-on: exit 1 when a bidder is at the verdict or worse; output still complete
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen --quiet --fail-on exclusion_possible --format jsonl samples/anpr-tender/tender.json | wc -l

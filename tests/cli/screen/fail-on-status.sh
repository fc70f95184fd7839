cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen --quiet --fail-on exclusion_possible --format jsonl samples/anpr-tender/tender.json >/dev/null

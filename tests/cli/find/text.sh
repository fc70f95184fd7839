# keten find: case and accents folded, exact id first, then names, then the rest, by id
cd "$ROOT/samples/anpr-tender" && $KETEN_RUN "$KETEN_BIN" find NOÖRDLICHT data.jsonl 2>/dev/null &&
    $KETEN_RUN "$KETEN_BIN" find 09123456 data.jsonl 2>/dev/null &&
    $KETEN_RUN "$KETEN_BIN" find "no such thing" data.jsonl 2>/dev/null

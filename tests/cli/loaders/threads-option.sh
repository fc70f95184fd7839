# --threads takes a whole number 1-256: anything else is a usage error (message, exit 2, no output);
# a good value is accepted before or after the command.
cd "$ROOT" || exit 9
for a in "--threads 0" "--threads x" "--threads 2x" "--threads -1" "--threads 257" "--threads=" "--threads"; do
    # shellcheck disable=SC2086
    out=$($KETEN_RUN "$KETEN_BIN" check samples/anpr-tender/data.jsonl $a 2>&1 >/dev/null)
    echo "$? $out"
done
$KETEN_RUN "$KETEN_BIN" --threads 3 check samples/anpr-tender/data.jsonl 2>/dev/null | grep '^relations'
$KETEN_RUN "$KETEN_BIN" check --threads=1 samples/anpr-tender/data.jsonl 2>/dev/null | grep '^relations'

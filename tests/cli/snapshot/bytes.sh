# The same sources give the same snapshot, byte for byte, whatever was in the memory keten was
# given: glibc fills each allocation with a different byte in each run (MALLOC_PERTURB_), so a
# record's padding left unset shows as a difference.  A larger generated file as well, so the
# arrays outgrow what the allocator hands out zeroed.
cd "$ROOT" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
python3 bench/gen.py --relations 20000 --out "$t/r.jsonl" --tender "$t/t.json" --bidders 10 >/dev/null 2>&1 ||
    echo "gen.py failed"
for f in samples/anpr-tender/data.jsonl "$t/r.jsonl"; do
    MALLOC_PERTURB_=0 "$KETEN_BIN" index --quiet "$f" -o "$t/a.ktn" >/dev/null || echo "index failed: $f"
    MALLOC_PERTURB_=165 "$KETEN_BIN" index --quiet "$f" -o "$t/b.ktn" >/dev/null || echo "index failed: $f"
    MALLOC_PERTURB_=90 "$KETEN_BIN" --threads 1 index --quiet "$f" -o "$t/c.ktn" >/dev/null || echo "index failed: $f"
    [ -s "$t/a.ktn" ] || echo "no snapshot: $f"
    cmp -s "$t/a.ktn" "$t/b.ktn" || echo "snapshots differ between runs: $f"
    cmp -s "$t/a.ktn" "$t/c.ktn" || echo "snapshots differ between 1 thread and all: $f"
done
echo "compared"

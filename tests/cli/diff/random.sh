# The differential test (tests/diff/README.md): keten owners / owned / paths against an
# independent exact reference written from docs/ownership.md, on every kept regression case
# and 100 seeded random graphs.  `make difftest N=5000` runs more.
python3 "$ROOT/tests/diff/run.py" "$KETEN_BIN" --count 100 | tail -n 1 | sed 's/[0-9]* graphs, [0-9]* queries/N graphs, M queries/'

# Issue 12, case 4: F->A 30%, F->B 60%, B->A 60%, A->D 50%, D->A 10%, A->T 80%.  The simple
# paths from F to T are F>B>A>T (60% x 60% x 80% = 28.8%) and F>A>T (30% x 80% = 24%);
# F>B>A>D>A>T and F>A>D>A>T pass A twice and are not paths.
cd "$ROOT/tests/cli/paths" && $KETEN_RUN "$KETEN_BIN" paths --json F T simple.jsonl | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [(x["path"], x["product"]) for x in d["paths"]]
assert p == [(["F", "B", "A", "T"], {"min": 28.8, "max": 28.8}), (["F", "A", "T"], {"min": 24, "max": 24})], p
assert d["complete"] is True
print("ok")'

# --json reports problems as objects and still exits 2
cd "$ROOT/tests/invalid/native/undeclared" || exit 9
out=$($KETEN_RUN "$KETEN_BIN" check --json input); rc=$?
printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["valid"] is False and d["errors"] == 1
p = d["problems"][0]
print(p["code"], p["file"], p["line"])' || exit 9
exit $rc

# The output the README quotes for the quick-start must be what keten prints, line by line and
# in the same order ("..." marks lines the README leaves out).
cd "$ROOT" || exit 9
out=$(mktemp) || exit 9
trap 'rm -f "$out"' EXIT
$KETEN_RUN "$KETEN_BIN" screen samples/anpr-tender/tender.json >"$out" 2>/dev/null || exit $?
python3 - "$out" <<'P'
import sys
out = open(sys.argv[1]).read().split("\n")
readme = open("README.md").read()
a = readme.index("$ keten screen samples/anpr-tender/tender.json\n")
block = readme[a:readme.index("```", a)].split("\n")[1:]
want = [l for l in block if l.strip() and l.strip() != "..."]
i, bad = 0, []
for l in want:
    while i < len(out) and out[i] != l:
        i += 1
    if i == len(out):
        bad.append(l)
        i = 0
    else:
        i += 1
print("README lines quoted:", len(want))
print("README output lines not printed in this order:", bad if bad else "none")
P

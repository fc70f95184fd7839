# The output the README quotes for the quick-start must be what keten prints (line by line;
# "..." marks lines the README leaves out).
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen samples/anpr-tender/tender.json 2>/dev/null | python3 -c '
import sys
out = sys.stdin.read().split("\n")
readme = open("README.md").read()
a = readme.index("$ keten screen samples/anpr-tender/tender.json\n")
block = readme[a:readme.index("```", a)].split("\n")[1:]
bad = [l for l in block if l.strip() and l.strip() != "..." and l not in out]
print("README output lines not printed:", bad if bad else "none")'

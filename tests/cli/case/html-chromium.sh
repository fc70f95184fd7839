# The HTML report in a real browser (where Chromium is installed: Debian's chromium, see make
# deps): headless Chromium loads it with no console message (the page's Content-Security-
# Policy reports any attempt to fetch from outside or to run a script there), prints it to PDF
# on A4 with a page per bidder, and every bidder's section is in the rendered page.
# The script checks and exits 1 itself; without Chromium it says so on stderr and passes.
command -v chromium >/dev/null 2>&1 || { echo "skipped: chromium is not installed" >&2; exit 0; }
d=$(mktemp -d) || exit 9
trap 'rm -rf "$d"' EXIT
cd "$ROOT/samples/anpr-tender" || exit 9
$KETEN_RUN "$KETEN_BIN" screen --quiet --format html -o "$d/report.html" --decisions decisions.json \
    --answers answers-B5.jsonl tender.json || exit 1
run() {
    HOME="$d" timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$d/profile" \
        --enable-logging=stderr --v=0 --host-resolver-rules="MAP * ~NOTFOUND" "$@" "file://$d/report.html"
}
run --no-pdf-header-footer --print-to-pdf="$d/report.pdf" 2>"$d/log" >/dev/null || { echo "chromium failed"; cat "$d/log"; exit 1; }
if grep -E ':CONSOLE|ERR_NAME_NOT_RESOLVED' "$d/log"; then
    echo "console messages while loading the report"
    exit 1
fi
run --dump-dom 2>/dev/null >"$d/dom.html" || { echo "chromium --dump-dom failed"; exit 1; }
python3 - "$d/report.pdf" "$d/dom.html" <<'PY' || exit 1
import re, sys
pdf = open(sys.argv[1], "rb").read()
dom = open(sys.argv[2], encoding="utf-8").read()
assert pdf.startswith(b"%PDF"), "not a PDF"
pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
# the front matter (header, overview, catalogue), then at least one page for each of the 6 bidders
assert pages >= 7, "only %d pages" % pages
m = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf)
assert m and abs(float(m.group(1)) - 595) < 3 and abs(float(m.group(2)) - 842) < 3, "not A4: %r" % (m and m.groups(),)
for b in ["B1", "B2", "B3", "B4", "B5", "B6"]:
    sec = re.search(r'<section class="bidder" id="bidder-%s">(.*?)</section>' % b, dom, re.S)
    assert sec, "no section for " + b
    body = sec.group(1)
    assert re.search(r"<h2>%s: " % b, body), "no heading for " + b
    assert 'class="v v-' in body and "<h3>Findings</h3>" in body and "<h3>Questions to the bidder</h3>" in body, b
print("ok")
PY

# The HTML report: one section per bidder, everything from the data escaped (tender, names,
# sources, decisions), nothing fetched from outside, the inputs with their SHA-256 and record
# counts, the run's date from SOURCE_DATE_EPOCH
d=$(mktemp -d) || exit 9
cd "$ROOT/tests/cli/case/evil" || exit 9
SOURCE_DATE_EPOCH=1764547200 $KETEN_RUN "$KETEN_BIN" screen --quiet --allow-outside --format html -o "$d/r.html" --decisions decisions.json tender.json || exit 1
python3 - "$d/r.html" <<'PY'
import hashlib, re, sys
from html.parser import HTMLParser
s = open(sys.argv[1], encoding="utf-8").read()
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.sections, self.h2, self.text, self.fetch = {}, [], [], [], []
        self.cur = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "section":
            self.sections.append(a.get("id"))
        for k in ("src", "href"):
            if k in a and not (a[k] or "").startswith("#"):
                self.fetch.append((tag, a[k]))
        self.cur = tag
    def handle_data(self, data):
        if self.cur == "h2":
            self.h2.append(data)
        self.text.append(data)
p = P()
p.feed(s)
print("sections", p.sections)
print("script", p.tags.get("script", 0), "img", p.tags.get("img", 0), "style", p.tags.get("style", 0), "a to outside", p.fetch)
print("csp", "default-src 'none'" in s)
t = "".join(p.text)
for want in ['<script>alert("k")</script>', "Evil & Co <img src=x onerror=alert(1)>", "</p><script>alert(2)</script>",
             '<a href="https://example.org/">link</a>', "<style>body{display:none}</style>", "T-<evil>", "<b>x</b>"]:
    print("text shown:", want in t)
print("run", re.search(r"<th>Run</th><td>([^<]*)", s).group(1))
for f in ["tender.json", "data.jsonl", "../../../../samples/policy.json", "decisions.json"]:
    h = hashlib.sha256(open(f, "rb").read()).hexdigest()
    print(f, "hash shown", h in s)
print("records", re.search(r"data\.jsonl</td><td>data</td><td class=\"hash\">[0-9a-f]+</td><td>(\d+)</td><td>(\d+)</td>", s).groups())
print("svg", s.count("<svg"))
PY
rm -rf "$d"
# the 5k tender (tests/cli/screen/fivek): prohibitions in the report, their lines kept as lines
d=$(mktemp -d) || exit 9
cd "$ROOT/tests/cli/screen/fivek" || exit 9
$KETEN_RUN "$KETEN_BIN" screen --quiet --allow-outside --format html -o "$d/p.html" tender.json || exit 1
echo "prohibition sections $(grep -c '<h3>Prohibitions</h3>' "$d/p.html"), prohibited verdicts $(grep -c 'class="v v-prohibited"' "$d/p.html"), escaped line ends $(grep -c 'x0a' "$d/p.html")"
rm -rf "$d"

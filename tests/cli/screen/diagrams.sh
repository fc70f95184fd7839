# --diagrams: one well-formed SVG per bidder with findings or unknowns (B1 is clear: none)
d=$(mktemp -d) || exit 9
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen --quiet samples/anpr-tender/tender.json --diagrams "$d/out" >/dev/null || exit 9
ls "$d/out"
xmllint --noout "$d"/out/*.svg && echo well-formed
grep -c 'class="node"' "$d/out/B4.svg"
rm -rf "$d"

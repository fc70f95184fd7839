# Declared beneficial owners and roles beside the computed owners (tests/data/README.md).
# levent: a trust with no owner in the data; three parties declared beneficial owners
#   (beneficialOwnershipOrControl: true): trustee Andrew Anderson, settlor and trustee Bella
#   Buxton, and an anonymous beneficiary.
# mixed-direct-and-indirect-ownership: Person 1 holds 50% of Company A directly (since
#   2019-05-01) and 50% indirectly through Company B (a declared summary): the direct 50% is
#   an ownership of its own, the indirect one the declared figure.
# nomination: the nominator (Silvia Teixeira Perez, 101AB1984F) controls the nomination
#   arrangement and, as declared, the company; the nominee holds a role; the arrangement's
#   board seat is a directorship, not control.
cd "$ROOT/tests/data/bods" || exit 9
$KETEN_RUN "$KETEN_BIN" owners --as-of 2024-01-01 bods:8e40d059 levent.json 2>&1 | sed -n '/^no owner/,$p'
$KETEN_RUN "$KETEN_BIN" owners --as-of 2024-01-01 bods:9bfe59b6a869 mixed-direct-and-indirect-ownership.json 2>/dev/null |
    grep -E "^bods:|^declared"
$KETEN_RUN "$KETEN_BIN" owners --as-of 2018-01-01 bods:9bfe59b6a869 mixed-direct-and-indirect-ownership.json 2>/dev/null |
    grep -E "^bods:"
$KETEN_RUN "$KETEN_BIN" owners --as-of 2024-01-01 bods:104AB1984C nomination.json 2>/dev/null |
    grep -E "^bods:|^declared|^roles|^  bods:.*(role_in|director_of)|^ultimate"

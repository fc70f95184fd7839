# History in both statement forms (tests/data/README.md).
# tecido (0.4): Maria Esteves (018AF6B3EB) holds 100% of Tecido Ltd from 2019-01-20; the
#   statements of 2021-09-25 give her 40% and Shear Trust (033E84672B, jurisdiction US-DE ->
#   US) 60%; of 2022-09-25 30% and 70%; on 2023-03-03 her record closes and Shear Trust
#   holds 80%.
# 0.3 single direct + single update, two files: CHRINON LTD is 100% Chris Taggart's until
#   the update of 2018-01-05 replaces that statement with two of 50%: his, and one of an
#   unspecified party.  The replacement ends the replaced statement though it is in the
#   other file.
cd "$ROOT/tests/data/bods" || exit 9
for d in 2020-01-01 2022-01-01 2023-01-01 2023-03-03; do
    echo "tecido $d:"
    $KETEN_RUN "$KETEN_BIN" owners --as-of $d bods:01B68D7633 tecido.json 2>/dev/null | grep -E "^bods:[^ ]+ .* (person|company) "
done
for d in 2017-12-01 2018-01-04 2018-01-05; do
    echo "chrinon $d:"
    $KETEN_RUN "$KETEN_BIN" owners --as-of $d bods:1dc0e987-5c57-4a1c-b3ad-61353b66a9b7 0.3-1-single-direct.json \
        0.3-2-single-update.json 2>/dev/null | grep -E "^bods:[^ ]+ .* (person|company|unknown) "
done

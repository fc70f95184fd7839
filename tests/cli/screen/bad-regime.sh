cd "$ROOT/tests/cli/screen/bad" && $KETEN_RUN "$KETEN_BIN" screen --allow-outside -o out.json regime.json; rc=$?; test ! -e out.json || echo "out.json written"; exit $rc

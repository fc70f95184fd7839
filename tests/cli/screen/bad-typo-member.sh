# A misspelt key in a member object ("acess") is an error at its line, not ignored; nothing is written
cd "$ROOT/tests/cli/screen/bad" && $KETEN_RUN "$KETEN_BIN" screen --allow-outside -o out.json typo-member.json; rc=$?; test ! -e out.json || echo "out.json written"; exit $rc

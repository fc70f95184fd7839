# A misspelt threshold ("ownr_share") in the policy is an error at its line, not ignored
cd "$ROOT/tests/cli/screen/bad" && $KETEN_RUN "$KETEN_BIN" screen --allow-outside --policy typo-policy.json -o out.json ok.json; rc=$?; test ! -e out.json || echo "out.json written"; exit $rc

# A party referenced before any file declares it is a placeholder (type unknown) until a later
# file declares it: then it is that entity, not a conflict.
cd "$ROOT/tests/cli/loaders" && $KETEN_RUN "$KETEN_BIN" check ftm-a.ftm.json ftm-b.ftm.json 2>&1 | grep -E "^entities|^  (company|unknown)|ftm_ref_unknown|error"

$KETEN_RUN "$KETEN_BIN" frobnicate

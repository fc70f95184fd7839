$KETEN_RUN "$KETEN_BIN" diagram

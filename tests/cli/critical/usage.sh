$KETEN_RUN "$KETEN_BIN" critical

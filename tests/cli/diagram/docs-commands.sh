# the commands in docs/diagrams.md run and give well-formed SVG or DOT
cd "$ROOT" || exit 9
out=$(mktemp -d) || exit 9
trap 'rm -rf "$out"' EXIT
grep '^    keten diagram' docs/diagrams.md | sed 's/^    keten //' | while read -r line; do
    # shellcheck disable=SC2086
    set -- $line
    case "$line" in
    *" -o "*) $KETEN_RUN "$KETEN_BIN" "$@" --quiet -o "$out/x.svg" >/dev/null && xmllint --noout "$out/x.svg" && echo "ok svg" ;;
    *) $KETEN_RUN "$KETEN_BIN" "$@" --quiet | gvpr 'BEG_G { printf("ok dot %d nodes\n", nNodes($G)); }' ;;
    esac || echo "exit $?: keten $line"
done

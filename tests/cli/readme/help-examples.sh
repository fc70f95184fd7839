# The example each command's --help starts with must work on samples/ (exit 0).
d=$(mktemp -d) || exit 9
ln -s "$ROOT/samples" "$d/samples"
n=0
for c in check screen exposure provenance critical owners owned paths diagram index diff find questions; do
    $KETEN_RUN "$KETEN_BIN" $c --help >"$d/help" || { echo "keten $c --help: exit $?"; continue; }
    ex=$(grep -m1 '^Example: keten ' "$d/help" | sed 's/^Example: keten //')
    [ -n "$ex" ] || { echo "no example in keten $c --help"; continue; }
    # shellcheck disable=SC2086
    (cd "$d" && $KETEN_RUN "$KETEN_BIN" $ex >/dev/null 2>"$d/err") || { echo "failed: keten $ex"; cat "$d/err"; }
    n=$((n + 1))
done
echo "$n examples ran"
rm -rf "$d"

# Every command line the README shows (lines starting "    keten " or "$ keten ") must run, exit 0
# and print something (to stdout, or to the file its -o names).
d=$(mktemp -d) || exit 9
ln -s "$ROOT/samples" "$d/samples"
grep -E '^(    keten |\$ keten )' "$ROOT/README.md" | sed -e 's/^    //' -e 's/^\$ //' -e 's/  *#.*$//' | sort -u > "$d/cmds"
n=0
while read -r line; do
    args=${line#keten }
    # shellcheck disable=SC2086
    (cd "$d" && $KETEN_RUN "$KETEN_BIN" $args >"$d/out" 2>"$d/err") || { echo "failed: $line"; cat "$d/err"; }
    case " $args " in
    *" -o "*) o=$(printf '%s\n' "$args" | sed 's/.* -o \([^ ]*\).*/\1/'); [ -s "$d/$o" ] || echo "no output: $line"; rm -f "$d/$o" ;;
    *) [ -s "$d/out" ] || echo "no output: $line" ;;
    esac
    n=$((n + 1))
done < "$d/cmds"
[ "$n" -ge 8 ] && echo "ran the README's commands"
rm -rf "$d"

# -o onto what is not a plain new file: a symlink is followed (the link stays, the file it names
# gets the output), a 0600 file keeps its mode, a FIFO and /dev/null are written directly and
# stay what they are, and no temporary file is left anywhere.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
tender=$ROOT/samples/anpr-tender/tender.json
run() { $KETEN_RUN "$KETEN_BIN" screen --quiet --format json "$tender" -o "$1" || echo "exit $?: -o $1"; }
mkdir "$t/real"
echo old >"$t/real/target.json"
ln -s real/target.json "$t/link.json"
run "$t/link.json"
[ -L "$t/link.json" ] && echo "link.json: still a symlink"
head -c 1 "$t/real/target.json"; echo " <- real/target.json starts"
echo secret >"$t/private.json"
chmod 600 "$t/private.json"
run "$t/private.json"
echo "private.json: mode $(stat -c %a "$t/private.json"), starts $(head -c 1 "$t/private.json")"
ln -s real/new.json "$t/dangling.json"
run "$t/dangling.json"
echo "dangling.json: $(head -c 1 "$t/real/new.json") in real/new.json"
mkfifo "$t/fifo"
timeout 30 cat "$t/fifo" >"$t/from-fifo" &
run "$t/fifo"
wait
[ -p "$t/fifo" ] && echo "fifo: still a FIFO, $(head -c 1 "$t/from-fifo") read from it"
run /dev/null
[ -c /dev/null ] && echo "/dev/null: still a character device"
cd "$t" && find . -name '*.tmp.*' | sed 's/^/left behind: /'

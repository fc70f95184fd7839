# a full disk: -o /dev/full and stdout on /dev/full say why and exit 2; /dev/full stays a device
[ -c /dev/full ] || { echo "no /dev/full" >&2; exit 9; }
tender=$ROOT/samples/anpr-tender/tender.json
$KETEN_RUN "$KETEN_BIN" screen --quiet "$tender" -o /dev/full
echo "exit $?"
$KETEN_RUN "$KETEN_BIN" screen --quiet "$tender" >/dev/full
echo "exit $?"
[ -c /dev/full ] && echo "/dev/full: still a character device"

#!/bin/sh
# What a person sees on a terminal (DESIGN.md, "Command-line contract"):
# colour only on a terminal, none when NO_COLOR is set to anything but the
# empty string (no-color.org), and otherwise the same text as on a pipe;
# a progress bar on stderr on a terminal, nothing of it on a pipe or in
# stdout; no colour in --json; no control character but the few that draw
# (CR, LF, SGR colours, cursor up, erase line).
#
# rota runs on a pseudo-terminal made by script(1) (util-linux, Debian's
# bsdutils); without script or a pty (no /dev/pts) every test is a SKIP.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-tty.sh"

# After the report's month: the pages of January are in the past.
AFTER=2027-02-20T00:00:00Z
E=$(printf '\033')

tty_skip=
if ! command -v script >/dev/null 2>&1; then
	tty_skip="no script(1) (util-linux) to make a pseudo-terminal"
else
	case $(script -qec tty /dev/null </dev/null 2>&1) in
	/dev/*) ;;
	*) tty_skip="script(1) cannot open a pseudo-terminal (is devpts mounted on /dev/pts?)" ;;
	esac
fi

# test_tty DESC BODY: test_expect_success, or a TAP skip with the reason.
test_tty() {
	if [ -n "$tty_skip" ]; then
		test_count=$((test_count + 1))
		echo "ok $test_count - $1 # SKIP $tty_skip"
		return 0
	fi
	test_expect_success "$@"
}

# screen FILE: the lines a terminal shows after receiving FILE (LF as the
# terminal's usual CR LF; trailing blanks and empty lines left out).
# Fails on bytes that are not UTF-8, on a control character other than
# CR, LF and tab, and on an escape sequence other than SGR (colours),
# cursor up (CSI A) and erase to the end of the line (CSI K).
cat >"$TEST_ROOT/screen.py" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read().decode("utf-8")
csi = re.compile(r"\x1b\[([0-9;]*)([A-Za-z])")
rows, r, c, i = [[]], 0, 0, 0
while i < len(data):
    ch = data[i]
    if ch == "\x1b":
        m = csi.match(data, i)
        if m is None or m.group(2) not in "mAK" or (m.group(2) != "m" and m.group(1)):
            sys.exit("unexpected escape sequence %r at %d" % (data[i:i + 8], i))
        if m.group(2) == "A":
            r = max(r - 1, 0)
        elif m.group(2) == "K":
            del rows[r][c:]
        i = m.end()
        continue
    if ch == "\r":
        c = 0
    elif ch == "\n":
        r, c = r + 1, 0
    elif ch == "\t":
        c = (c // 8 + 1) * 8
    elif ord(ch) < 32 or 127 <= ord(ch) < 160:
        sys.exit("control character %r at %d" % (ch, i))
    else:
        line = rows[r]
        line.extend(" " * (c + 1 - len(line)))
        line[c] = ch
        c += 1
    while len(rows) <= r:
        rows.append([])
    i += 1
lines = ["".join(l).rstrip() for l in rows]
while lines and not lines[-1]:
    lines.pop()
print("\n".join(lines))
EOF
screen() {
	/usr/bin/python3 "$TEST_ROOT/screen.py" "$1"
}

# no_esc FILE: FILE has no escape character at all.
no_esc() {
	if [ "$(tr -cd '\033' <"$1" | wc -c)" != 0 ]; then
		echo "escape sequences in $1:"; cat -v "$1"; return 1
	fi
}

# strip_sgr FILE: FILE without its SGR (colour) sequences.
strip_sgr() {
	sed "s/$E\[[0-9;]*m//g" "$1"
}

# bar_frames FILE LABEL: the frames of the progress bar LABEL in FILE
# (what the terminal got on stderr), one a line, without their leading
# cursor up and CR; fails unless FILE is only such frames, each a line
# of its own, the first drawn where the cursor was and each later one
# over the one before (cursor up), and ends with the bar erased (cursor
# up, CR, erase line), the cursor back where the first frame began.
bar_frames() {
	/usr/bin/python3 - "$1" "$2" <<-\EOF
	import re, sys
	data, label = open(sys.argv[1], "rb").read().decode("utf-8"), sys.argv[2]
	frame = "\r" + re.escape(label) + r" \[[# ]+\] +\d+%[^\x1b\r\n]*\n"
	m = re.fullmatch(r"(%s)((?:\x1b\[A%s)*)\x1b\[A\r\x1b\[K" % (frame, frame), data)
	if m is None:
	    sys.exit("not a progress bar drawn and erased: %r" % data)
	print((m.group(1) + m.group(2)).replace("\x1b[A", "").replace("\r", ""), end="")
	EOF
}

# coloured_words FILE: FILE with each status word in its colour and each
# bold header cell put back to plain text: green (32), amber (bold 33),
# red (bold 31), grey (90: too few to judge), each reset (0) right after
# the word and its padding.
coloured_words() {
	sed -e "s/$E\[32m\(green *\)$E\[0m/\1/g" \
	    -e "s/$E\[1;33m\(amber *\)$E\[0m/\1/g" \
	    -e "s/$E\[1;31m\(red *\)$E\[0m/\1/g" \
	    -e "s/$E\[90m\(grey *\)$E\[0m/\1/g" \
	    -e "s/$E\[1m\([^$E]*\)$E\[0m/\1/g" "$1"
}

test_tty 'a table on a terminal: the header line in bold, reset at its end' '
	unset NO_COLOR &&
	team &&
	on_tty "rota person list" &&
	printf "%s\n" "${E}[1mHANDLE  NAME       EMAIL            ZONE              OFFICE  MANAGER${E}[0m" \
		"ana     Ana Alves  ana@example.com  Europe/Dublin     -       no" \
		"bo      Bo Berg    bo@example.com   Europe/Dublin     -       no" \
		"cy      Cy Chen    cy@example.com   America/New_York  -       no" \
		"mo      Mo Maas    mo@example.com   Europe/Dublin     -       yes" >expected &&
	cmp expected tty &&
	screen tty >shown &&
	rota person list | cat >pipe &&
	no_esc pipe &&
	strip_sgr tty | cmp - pipe &&
	cmp shown pipe
'

test_tty 'tables: the same text on a pipe and with NO_COLOR, without any escape' '
	unset NO_COLOR &&
	team &&
	for cmd in "person list" "schedule show" "rotation list" "term list" "now" "next ana" \
			"person show ana" "pay 2027-01"; do
		on_tty "rota $cmd" || { echo "rota $cmd failed on a terminal"; cat tty; exit 1; }
		mv tty tty.colour &&
		screen tty.colour >/dev/null &&
		rota $cmd | cat >pipe &&
		no_esc pipe &&
		strip_sgr tty.colour | cmp - pipe &&
		NO_COLOR=1 on_tty "rota $cmd" && no_esc tty && cmp tty pipe &&
		NO_COLOR=no on_tty "rota $cmd" && no_esc tty && cmp tty pipe &&
		rota $cmd >file && no_esc file && cmp file pipe || exit 1
	done &&
	on_tty "rota schedule show" && grep -q "$E\[1m" tty
'

test_tty 'an empty NO_COLOR is as if unset (no-color.org): colour on a terminal' '
	unset NO_COLOR &&
	team && pages &&
	on_tty "rota person list" && mv tty tty.unset &&
	NO_COLOR= on_tty "rota person list" &&
	grep -q "$E\[1m" tty && cmp tty.unset tty &&
	export ROTA_NOW=$AFTER &&
	on_tty "rota report monthly 2027-01" && mv tty tty.unset &&
	NO_COLOR= on_tty "rota report monthly 2027-01" &&
	grep -q "$E\[1;31m" tty && cmp tty.unset tty
'

test_tty 'the monthly report on a terminal: each status word in its colour, reset after it' '
	unset NO_COLOR &&
	team && pages &&
	export ROTA_NOW=$AFTER &&
	on_tty "rota report monthly 2027-01" &&
	screen tty >/dev/null &&
	rota report monthly 2027-01 | cat >pipe &&
	no_esc pipe &&
	strip_sgr tty | cmp - pipe &&
	coloured_words tty >plain &&
	no_esc plain && cmp plain pipe &&
	grep -qxF "${E}[1mINDICATOR${E}[0m                             ${E}[1mVALUE${E}[0m   ${E}[1mSTATUS${E}[0m  ${E}[1mTHRESHOLDS (AMBER / RED)${E}[0m" tty &&
	grep -qxF "Time to acknowledge, 95th percentile  15m00s  ${E}[90mgrey${E}[0m    15m00s / 30m00s" tty &&
	grep -qxF "Out-of-hours interruptions            5       ${E}[32mgreen${E}[0m   8 / 10" tty &&
	grep -qxF "ana     1       168.0  4    3      3       2    5          1      0       80%    1            0      0          -    ${E}[1;31mred${E}[0m" tty &&
	grep -qxF "api                   5xx rate       3      2    0      1          3           ${E}[1;31mred${E}[0m" tty &&
	grep -qxF "  ${E}[1;31mred  ${E}[0m  ana was woken 3 times; 3 or more a month is red." tty &&
	grep -qxF "  ${E}[32mgreen${E}[0m  the team had 5 out-of-hours interruptions; amber from 8 a month." tty &&
	grep -qxF "Overall: red" tty &&
	# Every status word is coloured: the 6 team, 4 people and 4 alert
	# rows, and each line that says why (grey: too few to judge).
	why=$(grep -cE "^  (green|amber|red|grey) " pipe) &&
	test "$(grep -o "$E\[\(32\|1;33\|1;31\|90\)m" tty | wc -l)" = $((14 + why)) &&
	NO_COLOR=1 on_tty "rota report monthly 2027-01" && no_esc tty && cmp tty pipe
'

test_tty 'on a terminal, --json, csv, html and a file carry no colour' '
	unset NO_COLOR &&
	team && pages &&
	export ROTA_NOW=$AFTER &&
	for cmd in "--json report monthly 2027-01" "report monthly 2027-01 --format json" \
			"report monthly 2027-01 --format csv" "report monthly 2027-01 --format html" \
			"--json person list" "--json schedule show" "--json now" "--json pay 2027-01" \
			"pay 2027-01 --format csv"; do
		on_tty "rota $cmd" || { echo "rota $cmd failed on a terminal"; cat tty; exit 1; }
		no_esc tty && rota $cmd | cmp - tty || { echo "rota $cmd"; exit 1; }
	done &&
	on_tty "rota report monthly 2027-01 -o report.txt" && test ! -s tty &&
	no_esc report.txt && rota report monthly 2027-01 | cmp - report.txt
'

test_tty 'page import on a terminal: a bar on stderr up to 100%, then erased' '
	team && big 10000 >big.csv &&
	export ROTA_NOW=$AFTER &&
	cp rota.db before.db &&
	on_tty "rota page import big.csv >out" &&
	printf "imported 10000 pages (0 already known)\n" >expected &&
	cmp expected out &&
	bar_frames tty importing >frames &&
	cat frames &&
	test "$(wc -l <frames)" -ge 3 &&
	tail -n 1 frames | grep -qx "importing \[#########################\] 100%" &&
	head -n 1 frames | grep -qx "importing \[#*  *\]  *[1-9][0-9]*%" &&
	sed "s/.* \([0-9]*\)%\$/\1/" frames | sort -n -c &&
	# Both on the terminal: the bar is gone, the result where it was.
	cp before.db rota.db &&
	on_tty "rota page import big.csv" &&
	screen tty >shown && cmp expected shown
'

test_tty 'page import: no bar on a pipe, nor in stdout or a file' '
	team && big 10000 >big.csv &&
	export ROTA_NOW=$AFTER &&
	cp rota.db before.db &&
	{ rota page import big.csv 2>&1 >out 3>&- | cat >err; } 3>&1 &&
	test ! -s err &&
	printf "imported 10000 pages (0 already known)\n" >expected &&
	cmp expected out &&
	cp before.db rota.db &&
	on_tty "rota page import big.csv 2>err" &&
	test ! -s err && cmp expected tty &&
	cp before.db rota.db &&
	on_tty "rota page import big.csv | cat >piped" &&
	cmp expected piped && grep -q "100%" tty &&
	cp before.db rota.db &&
	on_tty "rota --json page import big.csv >out.json" &&
	no_esc out.json &&
	/usr/bin/python3 -c "import json; assert json.load(open(\"out.json\"))[\"imported\"] == 10000"
'

test_tty 'page import that fails halfway: the error on a line of its own under the bar' '
	team && big 10000 | awk "NR == 9000 { print \"T9000,bad\"; next } { print }" >bad.csv &&
	export ROTA_NOW=$AFTER &&
	{ on_tty "rota page import bad.csv"; test $? = 65; } &&
	screen tty >shown &&
	cat shown &&
	test "$(wc -l <shown)" = 2 &&
	head -n 1 shown | grep -qx "importing \[#*  *\]  *[1-9][0-9]%" &&
	tail -n 1 shown | grep -qxF "rota: bad.csv:9000: 2 fields where the header has 10" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 0
'

test_tty 'publish --dir on a terminal: a bar on stderr up to N/N, erased; none on a pipe' '
	team &&
	on_tty "rota publish --dir pub >out" &&
	printf "%s\n" "publishing [#####                         ]  16% 1/6" \
		"publishing [##########                    ]  33% 2/6" \
		"publishing [###############               ]  50% 3/6" \
		"publishing [####################          ]  66% 4/6" \
		"publishing [#########################     ]  83% 5/6" \
		"publishing [##############################] 100% 6/6" >expected &&
	bar_frames tty publishing >frames &&
	cmp expected frames &&
	grep -qx "Personal feeds           4" out && no_esc out &&
	on_tty "rota publish --dir pub" &&
	screen tty >shown &&
	rota publish --dir pub | cat >pipe &&
	cmp pipe shown &&
	{ rota publish --dir pub 2>&1 >/dev/null 3>&- | cat >err; } 3>&1 &&
	test ! -s err &&
	on_tty "rota publish --dir pub 2>err" && test ! -s err && cmp pipe tty &&
	on_tty "rota --json publish --dir pub >out.json" && no_esc out.json &&
	/usr/bin/python3 -c "import json; assert json.load(open(\"out.json\"))[\"personal\"] == 4"
'

test_tty 'publish that fails halfway: the error on a line of its own under the bar' '
	team &&
	mkdir -p pub/ops.ics/x &&
	{ on_tty "rota publish --dir pub"; test $? = 74; } &&
	screen tty >shown &&
	printf "%s\n" "publishing [#########################     ]  83% 5/6" \
		"rota: cannot write pub/ops.ics: Is a directory" >expected &&
	cmp expected shown
'

test_tty 'an argument with a control character is not echoed raw to a terminal' '
	team &&
	{ on_tty "rota person show \"\$(printf \"x\\033[31my\")\""; test $? = 64; } &&
	cat -v tty &&
	no_esc tty
'

test_done

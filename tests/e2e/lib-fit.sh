# Helpers for the tests of output fitted to a terminal (issue 22,
# t0571-t0589, t0593-t0599): widths counted as a terminal counts them,
# independently of rota.

# cols FILE: the widest line of FILE in terminal columns: East Asian wide
# and fullwidth characters 2, combining marks 0, others 1.
cols() {
	/usr/bin/python3 -c '
import sys, unicodedata
def w(line):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
print(max([w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))
' "$1"
}

# fits WIDTH FILE: no line of FILE is wider than WIDTH columns (else
# FILE is shown).
fits() {
	test "$(cols "$2")" -le "$1" || {
		echo "--- wider than $1 columns ($(cols "$2")):"; cat "$2"; return 1; }
}

# same_words A B: A and B hold the same text but for where lines break
# and how they are padded (nothing lost in fitting, only moved).
same_words() {
	tr -d ' \n' <"$1" >"$1.words" && tr -d ' \n' <"$2" >"$2.words" &&
	cmp "$1.words" "$2.words" || {
		echo "--- $1:"; cat "$1"; echo "--- $2:"; cat "$2"; return 1; }
}

# wide_is_pipe ARGS...: `rota ARGS`, on a pipe, prints the same bytes
# and exits the same as with --wide and with --wide --width 80 (every
# column, nothing wrapped); leaves its output in pipe.txt.
wide_is_pipe() {
	local status
	rota "$@" >pipe.txt
	status=$?
	rota --wide "$@" >wide.txt
	test $? = "$status" && cmp wide.txt pipe.txt || return 1
	rota --wide --width 80 "$@" >wide.txt
	test $? = "$status" && cmp wide.txt pipe.txt
}
# wide_world (lay from lib-team.sh): people with long handles, names and zones, a CJK name, long
# office names (one in Japanese), a rotation with a long name in a long
# zone, a term of 6 weeks laid out by lay.
wide_world() {
	rota office add "Dublin Docklands Headquarters (Grand Canal)" --tz Europe/Dublin \
		--hours "Mon-Fri 09:00-17:30" >/dev/null &&
	rota office add "東京本社 丸の内オフィス運用センター" --tz Asia/Tokyo >/dev/null &&
	rota person add ana --name "Ana Alves" --email ana@example.com --tz Europe/Dublin \
		--office "Dublin Docklands Headquarters (Grand Canal)" >/dev/null &&
	rota person add christopher.vanderbilt-okonkwo --name "Christopher Vanderbilt-Okonkwo" \
		--email christopher.vanderbilt-okonkwo@payments.example.com \
		--tz America/Argentina/Buenos_Aires >/dev/null &&
	rota person add taro --name "田中太郎さん東京本社運用部" --email taro.tanaka@example.jp \
		--tz Asia/Tokyo --office "東京本社 丸の内オフィス運用センター" >/dev/null &&
	rota person add rene --name "Renée François-Dupont de la Tour" \
		--email rene.francois-dupont@example.com --tz Europe/Paris >/dev/null &&
	rota person add mo --name "Mo Maas" --email mo@example.com --tz Europe/Dublin --manager >/dev/null &&
	rota rotation add payments-platform-primary --tier primary \
		--tz America/Argentina/Buenos_Aires >/dev/null &&
	rota term add h1 --rotation payments-platform-primary --start 2027-01-04 --weeks 6 >/dev/null &&
	for h in ana christopher.vanderbilt-okonkwo taro rene; do
		rota volunteer join h1 $h >/dev/null || return 1
	done &&
	lay h1 ana christopher.vanderbilt-okonkwo taro rene ana christopher.vanderbilt-okonkwo
}

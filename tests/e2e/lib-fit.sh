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

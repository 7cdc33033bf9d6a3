# A pseudo-terminal for the tests of what a person sees on one (t0920,
# t0591), made by script(1) (util-linux, Debian's bsdutils).

# on_tty CMD: runs the shell command CMD (rota in it is the rota under
# test) on a pseudo-terminal, which is its stdin, stdout and stderr but
# where CMD redirects them. What the terminal received is in ./tty byte
# for byte (stty -onlcr: the pty adds no CR before each LF). Returns
# CMD's exit status.
on_tty() {
	{
		echo "stty -onlcr || exit 125"
		printf 'rota() { %s "%s" "$@"; }\n' "${ROTA_VALGRIND:-}" "$ROTA_BIN"
		printf '%s\n' "$1"
	} >tty.sh &&
	TERM=xterm script -qec "sh ./tty.sh" /dev/null </dev/null >tty
}

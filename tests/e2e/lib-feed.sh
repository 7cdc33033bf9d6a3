# Shared set-up of the feed and publish tests (t03xx).
#
# A team in three zones, over both 2027 spring DST changes: rotation ops
# (primary, Europe/Dublin: ana, bo, cy), sf (primary, America/Los_Angeles:
# dan, eve, fay), esc (escalation, Australia/Sydney, handoff Mon 09:00:
# the managers mo and max). Six-week terms from Mon 2027-03-01, generated
# by rota. The clock is 2027-02-20T12:00:00Z unless a test moves it.
FEED_PY="/usr/bin/python3 $ROTA_SRCDIR/tests/e2e/feed.py"
export ROTA_NOW=2027-02-20T12:00:00Z
# The start of the feeds' history window at that time (8 weeks earlier).
FEED_FROM=2026-12-26T12:00:00Z

feed_team() {
	for h in ana bo cy; do
		rota person add $h --name "Person $h" --email $h@example.com --tz Europe/Dublin >/dev/null || return 1
	done &&
	for h in dan eve fay; do
		rota person add $h --name "Person $h" --email $h@example.com --tz America/Los_Angeles >/dev/null || return 1
	done &&
	rota person add mo --name "Mo" --email mo@example.com --tz Australia/Sydney --manager >/dev/null &&
	rota person add max --name "Max" --email max@example.com --tz Australia/Sydney --manager >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota rotation add sf --tier primary --tz America/Los_Angeles >/dev/null &&
	rota rotation add esc --tier escalation --tz Australia/Sydney --handoff "Mon 09:00" >/dev/null &&
	rota term add h1 --rotation ops --start 2027-03-01 --weeks 6 >/dev/null &&
	rota term add s1 --rotation sf --start 2027-03-01 --weeks 6 >/dev/null &&
	rota term add e1 --rotation esc --start 2027-03-01 --weeks 6 >/dev/null &&
	for h in ana bo cy; do rota volunteer join h1 $h >/dev/null || return 1; done &&
	for h in dan eve fay; do rota volunteer join s1 $h >/dev/null || return 1; done &&
	rota volunteer join e1 mo >/dev/null && rota volunteer join e1 max >/dev/null &&
	rota schedule generate h1 >/dev/null &&
	rota schedule generate s1 >/dev/null &&
	rota schedule generate e1 >/dev/null
}

# same_as_schedule FEED.ics ARGS...: the events of the feed are the shifts
# `rota schedule show --json --from $FEED_FROM ARGS` lists: same count,
# same instants, same people.
same_as_schedule() {
	local ics=$1
	shift
	rota --json schedule show --from "$FEED_FROM" "$@" >shows.json &&
	$FEED_PY json shows.json >want.txt &&
	$FEED_PY ics "$ics" >got.txt &&
	test -s want.txt &&
	diff -u want.txt got.txt
}

# free_port: a TCP port nobody listens on at the moment, on loopback.
free_port() {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

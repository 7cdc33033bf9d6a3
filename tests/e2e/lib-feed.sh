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

# khal_lines FEED.ics: the events as khal reads them, in UTC, sorted.
khal_lines() {
	mkdir -p khal/cal &&
	cat >khal.conf <<-CONF &&
	[calendars]
	[[rota]]
	path = $PWD/khal/cal
	[locale]
	local_timezone = UTC
	default_timezone = UTC
	timeformat = %H:%M
	dateformat = %Y-%m-%d
	longdateformat = %Y-%m-%d
	datetimeformat = %Y-%m-%d %H:%M
	longdatetimeformat = %Y-%m-%d %H:%M
	CONF
	khal -c khal.conf printics --format \
		'{start-date}T{start-time} {end-date}T{end-time} {title} {status}' "$1" >khal.out &&
	sed -n '2,$p' khal.out | sed 's/ *$//' | sort
}

# schedule_as_khal: the same from want.txt (same_as_schedule's).
schedule_as_khal() {
	sed -E 's/^([0-9-]+T[0-9]+:[0-9]+):00Z ([0-9-]+T[0-9]+:[0-9]+):00Z ([^ ]+) ([^ ]+) (.*)$/\1 \2 On call: \4 — \3 \5/' want.txt | sort
}

# calcurse_lines FEED.ics N: the events as calcurse imports them (into a
# fresh folder cc, all N of them: calcurse exits 0 on garbage), in UTC,
# sorted, in khal_lines's form. calcurse marks an event with an alarm
# "!", one without "|" (cc/apts keeps the marks).
calcurse_lines() {
	rm -rf cc && mkdir cc &&
	calcurse -D cc -i "$1" </dev/null >report &&
	grep -q "^$2 apps / 0 events / 0 todos / 0 skipped" report &&
	sed -E "s|^([0-9]+)/([0-9]+)/([0-9]+) @ ([0-9:]+) -> ([0-9]+)/([0-9]+)/([0-9]+) @ ([0-9:]+)>[0-9a-f]+ [!|](.*)$|\3-\1-\2T\4 \7-\5-\6T\8 \9 CONFIRMED|" \
		cc/apts | sort
}

# token HANDLE: the person's feed token, from the database.
token() {
	sqlite3 rota.db "SELECT coalesce(feed_token, '') FROM persons WHERE handle = '$1'"
}


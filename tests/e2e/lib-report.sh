# Set-ups of the monthly report tests (t0450-t0479): a small team and its
# pages of January 2027, inserted as `rota page import` stores them.

# team: ana and bo (Dublin), cy (New York), mo a manager on the
# escalation tier; a primary rotation of six weeks from 4 January 2027.
team() {
	rota person add ana --name "Ana Alves" --email ana@example.com --tz Europe/Dublin &&
	rota person add bo --name "Bo Berg" --email bo@example.com --tz Europe/Dublin &&
	rota person add cy --name "Cy Chen" --email cy@example.com --tz America/New_York &&
	rota person add mo --name "Mo Maas" --email mo@example.com --tz Europe/Dublin --manager &&
	rota rotation add ops --tier primary --tz Europe/Dublin &&
	rota term add h1 --rotation ops --start 2027-01-04 --weeks 6 &&
	rota volunteer join h1 ana && rota volunteer join h1 bo && rota volunteer join h1 cy &&
	rota schedule generate h1
} >/dev/null

# page ID HANDLE CREATED ACK RESOLVE CLASS SERVICE ALERT [ESCALATED_TO] [ACTED] [RUNBOOK]:
# one page; ACK and RESOLVE are seconds after CREATED ("-": none).
page() {
	local ack=NULL res=NULL esc=NULL escalated=0
	[ "$4" = - ] || ack="strftime('%s', '$3') + $4"
	[ "$5" = - ] || res="strftime('%s', '$3') + $5"
	if [ -n "${9:-}" ]; then
		esc="(SELECT id FROM persons WHERE handle = '$9')"
		escalated=1
	fi
	sqlite3 rota.db "INSERT INTO pages (source, source_id, created_at, acknowledged_at,
		resolved_at, responder_id, rotation_id, service, alert, escalated,
		escalation_person_id, runbook_url, acted, class, imported_at)
		VALUES ('generic', '$1', strftime('%s', '$3'), $ack, $res,
		(SELECT id FROM persons WHERE handle = '$2'),
		(SELECT id FROM rotations WHERE name = 'ops'),
		'$(printf %s "$7" | sed "s/'/''/g")', '$(printf %s "$8" | sed "s/'/''/g")',
		$escalated, $esc, '${11:-}', ${10:-1}, '$6', 0)"
}

# pages: January 2027 (all times UTC, which is Dublin's winter time).
pages() {
	# ana, on call from the 11th: woken on three nights (11th, 12th, 14th),
	# twice within a minute on the first; no 11 hours of rest on the 12th
	# (03:00-03:30, 14:00-15:00, 19:00-19:20); one page escalated to mo.
	page 1 ana 2027-01-12T03:00:00 120 1800 sleep db "disk full" "" 1 https://rb/disk &&
	page 2 ana 2027-01-12T03:00:40 60 600 sleep db "disk full" "" 1 https://rb/disk &&
	page 3 ana 2027-01-12T14:00:00 300 3600 in_hours api "5xx rate" &&
	page 4 ana 2027-01-12T19:00:00 600 1200 out_of_hours api "5xx rate" &&
	page 5 ana 2027-01-13T02:00:00 240 2400 sleep db "disk full" mo 1 https://rb/disk &&
	page 6 ana 2027-01-14T23:30:00 60 900 sleep '"&<script>x</script>' "cert 'expiry'" "" 0 &&
	# bo, on call from the 18th: one evening page nobody acted on.
	page 7 bo 2027-01-19T20:00:00 - 300 out_of_hours api "5xx rate" "" 0 &&
	# cy, on call from the 25th: an in-hours page (10:00 in New York).
	page 8 cy 2027-01-27T15:00:00 900 7200 in_hours web "latency"
}

# big N: a generic CSV of N pages from 2027-01-05, 97 s apart, for ana, bo
# and cy in turn, out of hours and in.
big() {
	awk -v n="$1" 'BEGIN {
		print "id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url"
		split("ana bo cy", who, " ")
		for (i = 1; i <= n; i++) {
			t = 1799107200 + i * 97
			printf "T%d,%s,%s,%s,%s,svc%d,alert %d,high,false,\n", i,
				strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), strftime("%Y-%m-%dT%H:%M:%SZ", t + 60, 1),
				strftime("%Y-%m-%dT%H:%M:%SZ", t + 600, 1), who[i % 3 + 1], i % 3, i % 13
		}
	}'
}

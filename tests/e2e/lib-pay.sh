# Shared set-up of the pay tests (t043x).
#
# payteam: office Dublin (default hours, a public holiday on Wednesday
# 2027-01-06); ana (Dublin office), cy and dee (Dublin office) and bo
# ("Chen, Bo", Los Angeles, no office) volunteer in term h1 of rotation
# ops (primary, Europe/Dublin, handoff Mon 10:00 = 10:00Z in winter), whose
# six weeks from Mon 2027-01-04 go to ana bo cy dee ana bo (shifts 1-6);
# mo, a manager, holds every week of e1 in esc (shifts 7-12). rota.conf:
# months in Europe/Dublin; ops paid by policy standard (EUR: 500.00 a
# week, 10.00 a weekday, 20.00 a weekend day, 50.00 a holiday, 40.00 an
# active hour in steps of 15 minutes, 25.00 and 2 hours TOIL per sleep
# interruption), esc by managers (USD: 100.00 a week, cap 300.00).
# The people are described for pay; the rotations, terms and schedule are
# lib-team.sh's.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

pay_config() {
	cat >rota.conf <<'CONF'
[report]
timezone = Europe/Dublin

[rotation "ops"]
policy = standard

[rotation "esc"]
policy = managers

[policy "standard"]
currency = EUR
stipend_per_week = 500.00
weekday_rate = 10
weekend_rate = 20.00
holiday_rate = 50.0
active_hour_rate = 40.00
active_rounding_minutes = 15
sleep_interruption_bonus = 25.00
toil_hours_per_sleep_interruption = 2
monthly_cap = 0

[policy "managers"]
currency = USD
stipend_per_week = 100
monthly_cap = 300.00
CONF
	ROTA_CONFIG=$PWD/rota.conf
	export ROTA_CONFIG
}

payteam() {
	pay_config &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota holiday add Dublin 2027-01-06 --name "Test holiday" >/dev/null &&
	rota person add ana --name "Ana Lopez" --email ana@example.com --tz Europe/Dublin --office Dublin >/dev/null &&
	rota person add bo --name "Chen, Bo" --email bo@example.com --tz America/Los_Angeles >/dev/null &&
	rota person add cy --name "Cy Park" --email cy@example.com --tz Europe/Dublin --office Dublin >/dev/null &&
	rota person add dee --name "Dee Shah" --email dee@example.com --tz Europe/Dublin --office Dublin >/dev/null &&
	rota person add mo --name "Mo Reyes" --email mo@example.com --tz Europe/Dublin --manager >/dev/null &&
	team_terms &&
	team_schedule
}

# page ID HANDLE CREATED ACKNOWLEDGED RESOLVED CLASS [ROTATION]: one
# stored page (times in UTC; - for none; ROTATION - for none).
page() {
	local t ack res rot
	t() { if [ "$1" = - ]; then echo NULL; else echo "strftime('%s', '$1')"; fi; }
	ack=$(t "$4") res=$(t "$5")
	if [ "${7:-ops}" = - ]; then rot=NULL; else rot="(SELECT id FROM rotations WHERE name = '${7:-ops}')"; fi
	sqlite3 rota.db "INSERT INTO pages (source, source_id, created_at, acknowledged_at,
		resolved_at, responder_id, rotation_id, class, imported_at)
		SELECT 'generic', '$1', strftime('%s', '$3'), $ack, $res, p.id, $rot, '$6', 0
		FROM persons p WHERE p.handle = '$2'"
}

# pages: ana's and bo's January pages, with what they pay (rota.1's rules):
#  ana p1 03:00:00 and p2 03:00:30 on 5 Jan (sleep in Dublin): one
#      interruption; their work 03:02-03:40 and 03:05-03:50 merges into
#      48 minutes -> 60; p3 20:00 on 6 Jan, 1 minute -> 15; p4 in office
#      hours, nothing; p5 17:40-18:20 on 7 Jan, 20 minutes after 18:00
#      -> 30. 105 minutes: 70.00; one sleep interruption: 25.00, 2 h TOIL.
#  bo  p6 10:00Z on 12 Jan = 02:00 in Los Angeles (asleep), 10:01-10:09
#      -> 15 minutes: 10.00; 25.00 and 2 h TOIL.
#  cy  p7 on 5 Jan, not on call and of no rotation: not paid.
#  ana p8 in February (3 Feb 02:00, 02:00-02:31 -> 45 minutes: 30.00).
pages() {
	page p1 ana 2027-01-05T03:00:00 2027-01-05T03:02:00 2027-01-05T03:40:00 sleep &&
	page p2 ana 2027-01-05T03:00:30 2027-01-05T03:05:00 2027-01-05T03:50:00 sleep &&
	page p3 ana 2027-01-06T20:00:00 2027-01-06T20:10:00 2027-01-06T20:11:00 out_of_hours &&
	page p4 ana 2027-01-07T12:00:00 2027-01-07T12:01:00 2027-01-07T13:00:00 in_hours &&
	page p5 ana 2027-01-07T17:30:00 2027-01-07T17:40:00 2027-01-07T18:20:00 in_hours &&
	page p6 bo 2027-01-12T10:00:00 2027-01-12T10:01:00 2027-01-12T10:09:00 sleep &&
	page p7 cy 2027-01-05T03:00:00 2027-01-05T03:01:00 2027-01-05T04:00:00 sleep - &&
	page p8 ana 2027-02-03T02:00:00 2027-02-03T02:00:00 2027-02-03T02:31:00 sleep
}

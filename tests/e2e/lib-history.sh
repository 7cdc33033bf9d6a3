# Shared set-up of the history tests (t065x): a person's zone, office,
# sleep hours and manager flag apply from when they change (issue 23).
#
# histteam: rota.conf with months in UTC and rotation ops paid by policy
# standard (EUR: no stipend or day rates; 60.00 an active out-of-hours
# hour counted by the minute, so a minute is 1.00; 100.00 per sleep
# interruption); mo, a manager (Dublin); me, a volunteer in
# Europe/Dublin with no office (Mon-Fri 09:00-18:00 in their own zone,
# asleep 22:00-07:00); rotation ops (primary, Europe/Dublin), the only
# one, so every page of service api is ops work. People are added on
# 2026-12-01.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"

hist_config() {
	cat >rota.conf <<'CONF'
[report]
timezone = UTC

[rotation "ops"]
policy = standard

[policy "standard"]
currency = EUR
active_hour_rate = 60.00
active_rounding_minutes = 1
sleep_interruption_bonus = 100.00
CONF
	ROTA_CONFIG=$PWD/rota.conf
	export ROTA_CONFIG
}

histteam() {
	hist_config &&
	ROTA_NOW=2026-12-01T09:00:00Z rota person add mo --name "Mo Reyes" --email mo@example.com --tz Europe/Dublin --manager >/dev/null &&
	ROTA_NOW=2026-12-01T09:00:00Z rota person add me --name "Me Self" --email me@example.com --tz Europe/Dublin >/dev/null &&
	ROTA_NOW=2026-12-01T09:00:00Z rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null
}

# import_pages AT LINE...: imports the pages (id,created,acknowledged,
# resolved,responder, times in UTC) at instant AT.
import_pages() {
	local at=$1
	shift
	{ echo "id,created_at,acknowledged_at,resolved_at,responder,service"
	  for l in "$@"; do echo "$l,api"; done; } >pages.csv &&
	ROTA_NOW=$at rota page import pages.csv --format generic >/dev/null
}

# january: me's pages of January 2027, imported on 1 February:
#  q1 Tue 5 Jan 13:00-14:00Z: business hours in Dublin (in_hours), no
#     out-of-hours minute;
#  q2 Sat 9 Jan 12:00-20:20Z: a Saturday, awake until 22:00: 500
#     out-of-hours minutes, 500.00 (out_of_hours).
# Judged again in Pacific/Kiritimati (UTC+14), q1 would be 03:00-04:00
# on Wednesday, asleep: 60 out-of-hours minutes more (560.00, what rota
# paid before issue 23 while page list still said in_hours); with sleep
# hours 13:00-17:00 in Dublin, the same.
january() {
	import_pages 2027-02-01T00:00:00Z \
		"q1,2027-01-05T13:00:00Z,2027-01-05T13:00:00Z,2027-01-05T14:00:00Z,me" \
		"q2,2027-01-09T12:00:00Z,2027-01-09T12:00:00Z,2027-01-09T20:20:00Z,me"
}

# pay_of MONTH: me's total in MONTH (rota pay's CSV).
pay_of() {
	rota pay "$1" --format csv >pay.csv &&
	awk -F, '$2 == "me" { print $NF }' pay.csv
}

# classes MONTH: "ID CLASS" of every page of MONTH, as rota page list shows.
classes() {
	rota --json page list --month "$1" >out &&
	json '"\n".join(p["source_id"] + " " + p["class"] for p in j)'
}

# responders MONTH: "ID RESPONDER CLASS" of every page of MONTH, nobody
# when the service owners had it.
responders() {
	rota --json page list --month "$1" >out &&
	json '"\n".join("%s %s %s" % (p["source_id"], p["responder"] or "nobody", p["class"]) for p in j)'
}

# oohteam: histteam's people, with offices Dublin (Europe/Dublin) and LA
# (America/Los_Angeles), both Mon-Fri 09:00-18:00 local, me in Dublin's;
# ops covers out of hours with its members' offices (none chosen); term
# t1 from Mon 4 Jan 2027 10:00 Dublin, 16 weeks, me its only member,
# holding every week. In winter Dublin is open 09:00-18:00Z, LA
# 17:00-02:00Z.
oohteam() {
	histteam &&
	export ROTA_NOW=2026-12-01T10:00:00Z &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add LA --tz America/Los_Angeles >/dev/null &&
	rota person set me --office Dublin >/dev/null &&
	rota rotation set ops --covers out-of-hours >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 16 >/dev/null &&
	rota volunteer join t1 me >/dev/null &&
	lay t1 me me me me me me me me me me me me me me me me &&
	unset ROTA_NOW
}

#!/bin/sh
# The volunteers' windows count a member's office only while they are a
# member (issue 23): someone joining a term in progress, or leaving it,
# changes the windows of an out-of-hours rotation that follows its
# members' offices from that instant on, never before it.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

# withraj: oohteam, and raj of LA's office (17:00-02:00Z in winter), in no
# term yet.
withraj() {
	oohteam &&
	ROTA_NOW=2026-12-01T10:00:00Z rota person add raj --name "Raj Iyer" \
		--email raj@example.com --tz America/Los_Angeles --office LA >/dev/null
}

# raj joins t1 at 12:00Z on Wed 10 Feb and leaves it at 00:00Z on Sat 20
# Feb.
join() {
	ROTA_NOW=2027-02-10T12:00:00Z rota volunteer join t1 raj >/dev/null
}
leave() {
	ROTA_NOW=2027-02-20T00:00:00Z rota volunteer leave t1 raj >/dev/null
}

test_expect_success 'before the join Dublin'"'"'s evenings are the volunteers'"'"', after it LA'"'"'s hours are not' '
	withraj && join && leave &&
	ROTA_NOW=2027-02-09T19:00:00Z expect_status 0 rota now &&
	expect_out "ops       primary  me       Wed 2027-02-10 09:00 Europe/Dublin" &&
	ROTA_NOW=2027-02-16T19:00:00Z expect_status 0 rota now &&
	expect_out "ops       primary  in hours: service owners  Wed 2027-02-17 02:00 Europe/Dublin" &&
	ROTA_NOW=2027-02-23T19:00:00Z expect_status 0 rota now &&
	expect_out "ops       primary  me       Wed 2027-02-24 09:00 Europe/Dublin"
'

# p1 Tue 9 Feb 19:00Z, before the join: me's (Dublin closed), out of
# hours; p2 Tue 16 Feb 19:00Z, while raj is a member: LA open, the
# service owners'; p3 Tue 23 Feb 19:00Z, after the leave: me's again.
test_expect_success 'pages imported after the join and the leave: each by the members of its time' '
	withraj && join && leave &&
	import_pages 2027-02-24T00:00:00Z \
		"p1,2027-02-09T19:00:00Z,2027-02-09T19:00:00Z,2027-02-09T19:30:00Z," \
		"p2,2027-02-16T19:00:00Z,2027-02-16T19:00:00Z,2027-02-16T19:30:00Z," \
		"p3,2027-02-23T19:00:00Z,2027-02-23T19:00:00Z,2027-02-23T19:30:00Z," &&
	ROTA_NOW=2027-02-24T00:00:00Z responders 2027-02 >got &&
	expect_file "p1 me out_of_hours
p2 nobody in_hours
p3 me out_of_hours" got &&
	test "$(ROTA_NOW=2027-02-24T00:00:00Z pay_of 2027-02)" = 60.00
'

test_expect_success 'the month'"'"'s report and the feed before the join are the same after it' '
	withraj &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	rota report monthly 2027-01 --format json >january.before &&
	rota feed export --person me -o before.ics >/dev/null &&
	join &&
	rota report monthly 2027-01 --format json >january.after &&
	rota feed export --person me -o after.ics >/dev/null &&
	diff -u january.before january.after &&
	grep -v "^DTSTAMP" before.ics | awk "/^BEGIN:VEVENT/ { e = \"\" } { e = e \$0 \"\\n\" }
		/^DTSTART;TZID=Europe\\/Dublin:2027020[1-9]/ { keep = 1 } /^END:VEVENT/ { if (keep) printf \"%s\", e; keep = 0 }" >before &&
	grep -v "^DTSTAMP" after.ics | awk "/^BEGIN:VEVENT/ { e = \"\" } { e = e \$0 \"\\n\" }
		/^DTSTART;TZID=Europe\\/Dublin:2027020[1-9]/ { keep = 1 } /^END:VEVENT/ { if (keep) printf \"%s\", e; keep = 0 }" >after &&
	test -s before &&
	diff -u before after
'

test_expect_success 'someone removed without leaving the term counts no more from then on' '
	withraj && join &&
	ROTA_NOW=2027-02-20T00:00:00Z rota person remove raj >/dev/null &&
	ROTA_NOW=2027-02-16T19:00:00Z expect_status 0 rota now &&
	expect_out "ops       primary  in hours: service owners  Wed 2027-02-17 02:00 Europe/Dublin" &&
	ROTA_NOW=2027-02-23T19:00:00Z expect_status 0 rota now &&
	expect_out "ops       primary  me       Wed 2027-02-24 09:00 Europe/Dublin"
'

test_done

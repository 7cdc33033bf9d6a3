#!/bin/sh
# rota publish --dir: the index says when it was published in the zone
# the whole team's pages use ([report] timezone, as report monthly's
# page; UTC when unset), the zone named once, with the instant in UTC in
# <time datetime> for machines. Read with xmllint.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# crew: ana in Dublin on rotation ops (Dublin); no shift is needed for
# the time the index was published.
crew() {
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null
}

# zone NAME: a rota.conf whose [report] timezone is NAME.
zone() {
	printf "[report]\ntimezone = %s\n" "$1" >rota.conf
}

# x XPATH: the string value of XPATH in pub/index.html (libxml2 2.9's
# HTML parser knows HTML 4 only: it calls <time> an invalid tag, and
# nothing else may be reported).
x() {
	{ xmllint --html --noout pub/index.html 2>&1 | grep "parser error" |
		grep -v "Tag time invalid" >lint || :; } &&
	{ test ! -s lint || { cat lint; false; }; } &&
	xmllint --html --xpath "$1" pub/index.html 2>/dev/null
}

# published NOW: publishes into pub at NOW with ./rota.conf, then prints
# the index's publication sentence and its machine-readable instant.
published() {
	ROTA_NOW=$1 expect_status 0 rota --config rota.conf publish --dir pub &&
	x "normalize-space(//p[@id=\"published\"])" &&
	x "string(//p[@id=\"published\"]/time/@datetime)"
}

test_expect_success 'Dublin: winter time is UTC, summer time an hour ahead' '
	crew && zone Europe/Dublin &&
	published 2027-01-20T12:00:00Z >said &&
	expect_file "Published Wed 2027-01-20 12:00 (Europe/Dublin) by rota. Calendar clients refresh the feeds every 60 minutes.
2027-01-20T12:00:00Z" said &&
	published 2027-07-20T12:00:00Z >said &&
	expect_file "Published Tue 2027-07-20 13:00 (Europe/Dublin) by rota. Calendar clients refresh the feeds every 60 minutes.
2027-07-20T12:00:00Z" said
'

test_expect_success 'New York across the spring change: 01:59 EST, then a minute later 03:00 EDT' '
	crew && zone America/New_York &&
	published 2027-03-14T06:59:00Z >said &&
	expect_file "Published Sun 2027-03-14 01:59 (America/New_York) by rota. Calendar clients refresh the feeds every 60 minutes.
2027-03-14T06:59:00Z" said &&
	published 2027-03-14T07:00:00Z >said &&
	expect_file "Published Sun 2027-03-14 03:00 (America/New_York) by rota. Calendar clients refresh the feeds every 60 minutes.
2027-03-14T07:00:00Z" said
'

test_expect_success 'the zone is named once; the time is the <time> element'"'"'s text' '
	crew && zone America/New_York &&
	published 2027-03-14T07:00:00Z >said &&
	test "$(grep -o "America/New_York" pub/index.html | wc -l)" = 1 &&
	test "$(x "count(//time)")" = 1 &&
	test "$(x "string(//p[@id=\"published\"]/time)")" = "Sun 2027-03-14 03:00" &&
	! grep -q "Published 2027" pub/index.html
'

test_expect_success 'no [report] timezone: UTC, said as such' '
	crew && : >rota.conf &&
	published 2027-07-20T12:00:00Z >said &&
	expect_file "Published Tue 2027-07-20 12:00 (UTC) by rota. Calendar clients refresh the feeds every 60 minutes.
2027-07-20T12:00:00Z" said
'

test_expect_success 'an unknown [report] timezone: 78 at its line, nothing written, the database unchanged' '
	crew && zone Europe/Dublim &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_unchanged 78 rota --config rota.conf publish --dir pub &&
	expect_file "rota: rota.conf:2: unknown time zone '"'"'Europe/Dublim'"'"' in [report] timezone (an IANA name such as Europe/Dublin)" err &&
	test ! -e pub
'

test_done

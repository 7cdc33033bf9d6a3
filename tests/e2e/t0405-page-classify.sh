#!/bin/sh
# rota page import: each page classed in hours, out of hours or sleep by
# its responder's office (business hours, public holidays) and own sleep
# window, across a DST change.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# ana works in Dublin (St Patrick's Day off); lee lives in Los Angeles but
# works Dublin's hours; raj in Kolkata has no office (09:00-18:00 in his
# own zone); kit in Sydney sleeps 23:00-06:00. L5 is 06:30 in Los Angeles
# (PST; 07:30 had it been summer time already). Dublin goes to summer time
# on Sun 28 Mar 2027, Los Angeles on Sun 14 Mar, Sydney back to winter
# time on Sun 4 Apr.
office() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota holiday add Dublin 2027-03-17 --name "Saint Patrick's Day" >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin --office Dublin >/dev/null &&
	rota person add lee --name Lee --email lee@example.com --tz America/Los_Angeles --office Dublin >/dev/null &&
	rota person add raj --name Raj --email raj@example.com --tz Asia/Kolkata >/dev/null &&
	rota person add kit --name Kit --email kit@example.com --tz Australia/Sydney >/dev/null &&
	rota person set kit --sleep 23:00-06:00 >/dev/null
}

classes() {
	sqlite3 -separator ' ' "$ROTA_DB" "SELECT source_id, class FROM pages ORDER BY source_id"
}

test_expect_success 'a public holiday is out of hours all day, asleep at night' '
	office &&
	printf "id,created_at,responder\nH1,2027-03-16T10:00:00Z,ana\nH2,2027-03-17T09:00:00Z,ana\nH3,2027-03-17T17:59:59Z,ana\nH4,2027-03-17T23:00:00Z,ana\nH5,2027-03-18T09:00:00Z,ana\n" >h.csv &&
	expect_status 0 rota page import h.csv &&
	classes >got &&
	expect_file "H1 in_hours
H2 out_of_hours
H3 out_of_hours
H4 sleep
H5 in_hours" got
'

test_expect_success 'a DST week in Dublin: the edges move with the clock' '
	office &&
	printf "id,created_at,responder\nD1,2027-03-26T08:30:00Z,ana\nD2,2027-03-29T08:30:00Z,ana\nD3,2027-03-29T07:59:59Z,ana\nD4,2027-03-29T17:00:00Z,ana\nD5,2027-03-26T21:00:00Z,ana\nD6,2027-03-29T21:00:00Z,ana\nD7,2027-03-30T06:00:00Z,ana\nD8,2027-03-26T17:59:59Z,ana\n" >d.csv &&
	expect_status 0 rota page import d.csv &&
	classes >got &&
	expect_file "D1 out_of_hours
D2 in_hours
D3 out_of_hours
D4 out_of_hours
D5 out_of_hours
D6 sleep
D7 out_of_hours
D8 in_hours" got
'

test_expect_success 'responders in other zones: their own sleep, their office hours' '
	office &&
	printf "id,created_at,responder\nL1,2027-03-29T09:00:00Z,lee\nL2,2027-03-29T13:59:59Z,lee\nL3,2027-03-29T14:00:00Z,lee\nL4,2027-03-29T17:00:00Z,lee\nL5,2027-03-12T14:30:00Z,lee\nK1,2027-03-29T03:29:59Z,raj\nK2,2027-03-29T03:30:00Z,raj\nK3,2027-03-29T16:30:00Z,raj\nS1,2027-04-03T12:00:00Z,kit\nS2,2027-04-03T19:59:59Z,kit\nS3,2027-04-03T20:00:00Z,kit\nS4,2027-04-04T22:59:59Z,kit\nS5,2027-04-04T23:00:00Z,kit\n" >z.csv &&
	expect_status 0 rota page import z.csv &&
	classes >got &&
	expect_file "K1 out_of_hours
K2 in_hours
K3 sleep
L1 sleep
L2 sleep
L3 in_hours
L4 out_of_hours
L5 sleep
S1 sleep
S2 sleep
S3 out_of_hours
S4 out_of_hours
S5 in_hours" got
'

test_done

#!/bin/sh
# rota page import: a page that names nobody goes to whoever was on call
# then, after swaps and overrides.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

test_expect_success 'the schedule as swapped and overridden decides' '
	schedule &&
	rota --as mo override 2 dee >/dev/null &&
	rota --as ana swap request 5 --with cy >/dev/null &&
	rota --as cy swap accept 1 >/dev/null &&
	printf "id,created_at,service,escalated\nA,2027-01-11T09:59:59Z,ops,false\nB,2027-01-11T10:00:00Z,ops,true\nC,2027-01-17T23:00:00Z,ops,false\nD,2027-02-03T03:00:00Z,ops,true\nE,2027-02-08T10:00:00Z,ops,false\n" >p.csv &&
	expect_status 0 rota page import p.csv &&
	pages >got &&
	expect_file "A ana in_hours - 0
B dee in_hours mo 0
C dee sleep - 0
D cy sleep mo 0
E bo in_hours - 0" got
'

test_expect_success 'a named responder is taken even off shift' '
	schedule &&
	printf "id,created_at,responder\nA,2027-01-12T12:00:00Z,dee\n" >p.csv &&
	expect_status 0 rota page import p.csv &&
	test "$(pages)" = "A dee in_hours - 0"
'

test_done

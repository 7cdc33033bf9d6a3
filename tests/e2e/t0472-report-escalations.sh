#!/bin/sh
# report monthly: an escalated page is one interruption of its responder
# and, apart, an escalation of the manager it went to; the shares add up
# to 100; the text, the CSV, the JSON and rota pay count each figure once,
# the same way.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# ana is woken twice, both pages escalated to mo; bo has 3 evening pages,
# cy 2; mo is paged directly twice at 03:00. 9 out-of-hours
# interruptions: ana 2, bo 3, cy 2, mo 2: 22.2%, 33.3%, 22.2%, 22.2%;
# rounded down 22 + 33 + 22 + 22 = 99, the point left to bo's remainder
# (.33 against .22): 22, 34, 22, 22. Counting each escalation for mo
# too, as the report did, gave mo 4 interruptions and the shares 121%.
escalated() {
	team &&
	page 1 ana 2027-01-12T03:00:00 120 1800 sleep db "disk full" mo 1 https://rb/disk &&
	page 2 ana 2027-01-13T02:00:00 120 1800 sleep db "disk full" mo 1 https://rb/disk &&
	page 3 bo 2027-01-19T20:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	page 4 bo 2027-01-20T21:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	page 5 bo 2027-01-21T22:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	page 6 cy 2027-01-26T23:00:00 60 600 out_of_hours web latency "" 1 https://rb/web &&
	page 7 cy 2027-01-27T23:30:00 60 600 out_of_hours web latency "" 1 https://rb/web &&
	page 8 mo 2027-01-22T03:00:00 300 3600 sleep db "disk full" "" 1 https://rb/disk &&
	page 9 mo 2027-01-23T03:00:00 300 3600 sleep db "disk full" "" 1 https://rb/disk &&
	printf "[policy \"standard\"]\ncurrency = EUR\nstipend_per_week = 500.00\nsleep_interruption_bonus = 25.00\n" >rota.conf
}

test_expect_success 'shares add up to 100; an escalation is the manager'"'"'s escalation, not their interruption' '
	escalated &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota --config rota.conf report monthly 2027-01 --format json &&
	json "\"\\n\".join(\"%s %s %s %s %s %s\" % (p[\"handle\"], p[\"interruptions\"], p[\"ooh_interruptions\"], p[\"ooh_share_pct\"], p[\"indicators\"][\"ooh_share_pct\"][\"status\"], p[\"escalations\"]) for p in j[\"people\"])" >got &&
	expect_file "ana 2 2 22 green 0
bo 3 3 34 green 0
cy 2 2 22 green 0
mo 2 2 22 green 2" got &&
	test "$(json "sum(p[\"ooh_share_pct\"] for p in j[\"people\"]), sum(p[\"ooh_interruptions\"] for p in j[\"people\"]), j[\"team\"][\"ooh_interruptions\"], j[\"team\"][\"escalations\"]")" = \
		"100 9 9 2"
'

# Each person's sleep interruptions: ana 2, bo 0, cy 0, mo 2, wherever
# they are read. mo's used to read 4 in the report ("was woken 4 times")
# and 2 in the pay CSV.
test_expect_success 'the wake count is the same in text, CSV, JSON and the pay CSV' '
	escalated &&
	want="ana 2
bo 0
cy 0
mo 2" &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota --config rota.conf report monthly 2027-01 --format json &&
	json "\"\\n\".join(\"%s %s\" % (p[\"handle\"], p[\"sleep_interruptions\"]) for p in j[\"people\"])" >json.txt &&
	expect_file "$want" json.txt &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota --config rota.conf report monthly 2027-01 --format csv &&
	/usr/bin/python3 -c "import csv, sys; [print(r[\"handle\"], r[\"sleep_interruptions\"]) for r in csv.DictReader(open(\"out\"))]" >csv.txt &&
	expect_file "$want" csv.txt &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota --config rota.conf pay 2027-01 --format csv &&
	/usr/bin/python3 -c "import csv, sys; [print(r[\"person\"], r[\"sleep_interruptions\"]) for r in csv.DictReader(open(\"out\"))]" >pay.txt &&
	expect_file "$want" pay.txt &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota --config rota.conf report monthly 2027-01 &&
	sed -n "/^PERSON/,/^Why:/p" out | sed "1d;\$d" | awk "{ print \$1, \$5 }" >text.txt &&
	expect_file "$want" text.txt &&
	expect_out "mo      0       0.0    2    2      2       2    0          0      0       22%    -            0      2          50.00 EUR   amber" &&
	expect_out "  amber  mo was woken 2 times; 2 or more a month is amber, 3 red." &&
	! grep -q "mo was woken 4" out
'

test_expect_success 'an escalation alone lists the manager with no interruption and no share' '
	team &&
	page 1 ana 2027-01-12T03:00:00 120 1800 sleep db "disk full" mo 1 https://rb/disk &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[(p[\"interruptions\"], p[\"sleep_interruptions\"], p[\"ooh_share_pct\"], p[\"escalations\"], p[\"status\"]) for p in j[\"people\"] if p[\"handle\"] == \"mo\"]")" = \
		"[(0, 0, 0, 1, '"'"'green'"'"')]" &&
	test "$(json "[p[\"ooh_share_pct\"] for p in j[\"people\"]]")" = "[100, 0, 0, 0]"
'

test_done

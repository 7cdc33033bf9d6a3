#!/bin/sh
# rota page import: PagerDuty's incident report CSV.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

# The columns of PagerDuty's incident export, shuffled, with some rota does
# not read. P1: acknowledged by ana, before the term (names beat the
# schedule); P2: nobody acknowledged, assigned to bo and mo, escalated
# once; P3: names nobody: cy's week.
pagerduty() {
	csv incidents.csv <<-\END
	incident_number,urgency,description,service_name,id,created_on,resolved_on,escalation_policy_name,seconds_to_first_ack,seconds_to_resolve,auto_resolved,escalation_count,acknowledged_by_user_names,assigned_to_user_names,resolved_by_user_name,team_names
	101,high,"[#101] db-1: disk, 95% full",checkout,PA1B2C3,2027-01-04T03:12:00+00:00,2027-01-04T03:42:00+00:00,Ops,120,1800,false,0,Person ana,Person ana,Person ana,ops
	102,low,"payments ""latency"" high",payments,PD4E5F6,2027-01-13T19:30:00+00:00,,Ops,,,false,1,,"Person bo, Mo",,payments
	103,high,checkout 5xx,checkout,PG7H8I9,2027-01-20T14:00:00+00:00,2027-01-20T14:10:00+00:00,Ops,,600,true,0,,,,ops
	END
}

test_expect_success 'a PagerDuty export is imported, the format told from its header' '
	schedule && pagerduty &&
	expect_status 0 rota page import incidents.csv &&
	expect_file "imported 3 pages (0 already known)" out &&
	pages >got &&
	expect_file "PA1B2C3 ana sleep - 1
PD4E5F6 bo out_of_hours mo 0
PG7H8I9 cy in_hours - 0" got &&
	expect_status 0 rota --json page list --month 2027-01 &&
	test "$(json "j[0][\"source\"], j[0][\"created_at\"], j[0][\"acknowledged_at\"], j[0][\"resolved_at\"], j[0][\"urgency\"]")" = \
		"pagerduty 2027-01-04T03:12:00Z 2027-01-04T03:14:00Z 2027-01-04T03:42:00Z high" &&
	test "$(json "j[0][\"alert\"], \"|\", j[1][\"alert\"], \"|\", j[1][\"responder_name\"]")" = \
		"[#101] db-1: disk, 95% full | payments \"latency\" high | Person bo" &&
	test "$(json "j[1][\"escalated\"], j[1][\"acknowledged_at\"], j[2][\"resolved_at\"], j[2][\"acted\"]")" = \
		"True None 2027-01-20T14:10:00Z False"
'

test_expect_success 'the same export again imports nothing' '
	schedule && pagerduty &&
	rota page import --format pagerduty incidents.csv >/dev/null &&
	expect_status 0 rota page import --format pagerduty incidents.csv &&
	expect_file "imported 0 pages (3 already known)" out &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 3
'

test_expect_success 'incident_number serves when there is no id column' '
	schedule &&
	printf "incident_number,created_on,acknowledged_by_user_names\n7,2027-01-05T10:00:00Z,bo\n" >pd.csv &&
	expect_status 0 rota page import pd.csv &&
	test "$(sqlite3 rota.db "SELECT source, source_id FROM pages")" = "pagerduty|7"
'

test_expect_success 'a bad duration is refused at its line' '
	schedule &&
	printf "id,created_on,seconds_to_first_ack\nA,2027-01-05T10:00:00Z,60\nB,2027-01-05T10:00:00Z,soon\n" >pd.csv &&
	expect_unchanged 65 rota page import pd.csv &&
	expect_file "rota: pd.csv:3: bad seconds_to_first_ack '\''soon'\'': not a number of seconds" err
'

test_done

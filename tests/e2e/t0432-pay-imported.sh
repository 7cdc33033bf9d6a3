#!/bin/sh
# rota pay on pages brought in by `rota page import`: classified on import,
# merged into interruptions and pieces of work, paid by the policy of the
# shift the responder held.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

# The pages of lib-pay.sh's `pages`, as a generic CSV (cy's page names
# nobody on call... here it names cy, who holds no shift then: its
# rotation is ops, the only primary rotation, so it is paid as ops work:
# 03:01-04:00 is 59 minutes -> 60, 40.00; one sleep interruption, 25.00).
pages_csv() {
	cat >pages.csv <<'CSV'
id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url
p1,2027-01-05T03:00:00Z,2027-01-05T03:02:00Z,2027-01-05T03:40:00Z,ana,api,disk full,high,false,https://runbooks.example.com/disk
p2,2027-01-05T03:00:30Z,2027-01-05T03:05:00Z,2027-01-05T03:50:00Z,ana,api,latency,high,false,
p3,2027-01-06T20:00:00Z,2027-01-06T20:10:00Z,2027-01-06T20:11:00Z,ana,api,5xx,high,false,
p4,2027-01-07T12:00:00Z,2027-01-07T12:01:00Z,2027-01-07T13:00:00Z,ana,api,5xx,low,false,
p5,2027-01-07T17:30:00Z,2027-01-07T17:40:00Z,2027-01-07T18:20:00Z,ana,api,5xx,high,false,
p6,2027-01-12T10:00:00Z,2027-01-12T10:01:00Z,2027-01-12T10:09:00Z,bo,api,5xx,high,false,
p7,2027-01-05T03:00:00Z,2027-01-05T03:01:00Z,2027-01-05T04:00:00Z,cy,api,5xx,high,false,
CSV
}

test_expect_success 'pages imported from a generic CSV are paid' '
	payteam && pages_csv &&
	expect_status 0 rota page import pages.csv --format generic &&
	expect_status 0 rota pay 2027-01 --format csv &&
	expect_file "$HEADER
2027-01,ana,Ana Lopez,ana@example.com,EUR,1,500.00,40.00,40.00,50.00,105,70.00,1,25.00,2,0.00,725.00
2027-01,bo,\"Chen, Bo\",bo@example.com,EUR,1,500.00,50.00,40.00,0.00,15,10.00,1,25.00,2,0.00,625.00
2027-01,cy,Cy Park,cy@example.com,EUR,1,500.00,50.00,40.00,0.00,60,40.00,1,25.00,2,0.00,655.00
2027-01,dee,Dee Shah,dee@example.com,EUR,1,470.24,45.83,40.00,0.00,0,0.00,0,0.00,0,0.00,556.07
2027-01,mo,Mo Reyes,mo@example.com,USD,4,394.05,0.00,0.00,0.00,0,0.00,0,0.00,0,94.05,300.00" out
'

test_done

#!/bin/sh
# rota page pull: pages from PagerDuty's and Opsgenie's REST APIs, read
# from a loopback server answering with recorded bodies shaped like the
# real ones (tests/e2e/fake-pager-api.py): pagination, a 429 with
# Retry-After, rate limits and 503s (http/http.h's retry policy), a 500,
# a timeout, a malformed body, a refused token, a refused port.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

FAKE_API="$ROTA_SRCDIR/tests/e2e/fake-pager-api.py"
export ROTA_NOW=2027-01-20T12:00:00Z

# ops (primary, Europe/Dublin) from Monday 2027-01-04 with ana bo cy dee;
# managers (escalation) with max and mia. The config points both
# services at the fake API started by start_api SCENARIO. Set up before
# the term starts, as a team would; the pulls run on 2027-01-20.
team() (
	export ROTA_NOW=2027-01-01T12:00:00Z &&
	rota person add max --name "Max Moss" --email max@example.com --tz Europe/Dublin --manager >/dev/null &&
	rota person add mia --name "Mia Ng" --email mia@example.com --tz Europe/Dublin --manager >/dev/null &&
	rota person add ana --name "Ana Lopez" --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add bo --name "Bo Berg" --email bo@example.com --tz Europe/Dublin >/dev/null &&
	rota person add cy --name "Cy Diaz" --email cy@example.com --tz Europe/Dublin >/dev/null &&
	rota person add dee --name "Dee Roy" --email dee@example.com --tz Europe/Dublin >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 4 >/dev/null &&
	for h in ana bo cy dee; do rota volunteer join t1 $h >/dev/null || return 1; done &&
	rota schedule generate t1 >/dev/null &&
	rota rotation add managers --tier escalation --tz Europe/Dublin >/dev/null &&
	rota term add e1 --rotation managers --start 2027-01-04 --weeks 4 >/dev/null &&
	rota volunteer join e1 max >/dev/null && rota volunteer join e1 mia >/dev/null &&
	rota schedule generate e1 >/dev/null
)

# start_api SCENARIO: the fake API in the background, rota.conf at it.
start_api() {
	mkdir -p api && rm -f api/port || return 1
	test_bg /usr/bin/python3 "$FAKE_API" "$PWD/api" "$1" 2>>api/log &&
	echo "$TEST_BG_PID" >api.pid &&
	test_wait_for 5 "the fake API to start" test -s api/port ||
	{ cat api/log; return 1; }
	printf '[pagerduty]\napi_url = http://127.0.0.1:%s\n[opsgenie]\napi_url = http://127.0.0.1:%s\n' \
		"$(cat api/port)" "$(cat api/port)" >rota.conf
	export ROTA_CONFIG="$PWD/rota.conf"
}

stop_api() {
	test_bg_stop "$(cat api.pid)"
}

# on_call ROTATION TIME: the handle on call then, as rota now says.
on_call() {
	rota --json now --at "$2" | /usr/bin/python3 -c "import json,sys; print([s['person'] for s in json.load(sys.stdin) if s['rotation'] == '$1'][0])"
}

pages() {
	sqlite3 rota.db "SELECT pg.source_id, coalesce(r.handle, '-'), pg.created_at,
		coalesce(pg.acknowledged_at, 0), coalesce(pg.resolved_at, 0), pg.service,
		pg.escalated, coalesce(e.handle, '-'), pg.acted, pg.class
		FROM pages pg LEFT JOIN persons r ON r.id = pg.responder_id
		LEFT JOIN persons e ON e.id = pg.escalation_person_id ORDER BY pg.created_at"
}

ts() { date -u -d "$1" +%s; }

test_expect_success 'page pull pagerduty reads every page of incidents, waits out a 429, reads the log' '
	team && start_api ok &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_status 0 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	expect_file "pulled 3 pages from pagerduty (3 new, 0 updated)" out &&
	grep -c "^auth-ok /incidents?since=2027-01-01T00:00:00Z&until=2027-01-15T00:00:00Z&limit=100&offset=100" api/requests >n &&
	test "$(cat n)" = 2 &&
	grep -q "^auth-ok /log_entries?since=2027-01-01T00:00:00Z&until=2027-01-20T12:00:00Z&limit=100&offset=0" api/requests &&
	sat=$(on_call ops 2027-01-09T23:30:00Z) && esc=$(on_call managers 2027-01-05T02:10:00Z) &&
	pages >got &&
	expect_file "PQ1AAAA|ana|$(ts 2027-01-05T02:10Z)|$(ts 2027-01-05T02:14Z)|$(ts 2027-01-05T03:00Z)|database|1|$esc|1|sleep
PQ2BBBB|bo|$(ts 2027-01-06T14:00Z)|$(ts 2027-01-06T14:03Z)|0|api|0|-|1|in_hours
PQ3CCCC|$sat|$(ts 2027-01-09T23:30Z)|0|$(ts 2027-01-10T00:00Z)|api|0|-|0|sleep" got &&
	rota audit >audit && grep -q "page.pull" audit
'

test_expect_success 'a second pull of the same window imports nothing new' '
	team && start_api ok &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_status 0 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_status 0 rota --json page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	test "$(json "(j[\"source\"], j[\"pulled\"], j[\"imported\"])")" = "('"'"'pagerduty'"'"', 3, 0)" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 3
'

test_expect_success 'a later pull brings pages pulled before their acknowledgement up to date' '
	team && start_api early &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_status 0 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages WHERE resolved_at IS NULL")" = 3 &&
	stop_api && start_api ok &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_status 0 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	expect_file "pulled 3 pages from pagerduty (0 new, 2 updated)" out &&
	sqlite3 rota.db "SELECT source_id, acknowledged_at IS NOT NULL, resolved_at IS NOT NULL, escalated, acted FROM pages ORDER BY created_at" >got &&
	expect_file "PQ1AAAA|1|1|1|1
PQ2BBBB|1|0|0|1
PQ3CCCC|0|1|0|0" got
'

test_expect_success 'page pull opsgenie follows paging.next and reads the report times' '
	team && start_api ok &&
	ROTA_OPSGENIE_TOKEN=og-secret-key expect_status 0 rota page pull opsgenie --since 2027-01-01 --until 2027-01-15 &&
	expect_file "pulled 3 pages from opsgenie (3 new, 0 updated)" out &&
	grep -q "^auth-ok /v2/alerts?query=createdAt%3E%3D1798761600000%20AND%20createdAt%3C1799971200000&limit=100&offset=0&sort=createdAt&order=asc" api/requests &&
	grep -q "^auth-ok /v2/alerts?limit=100&offset=100" api/requests &&
	api=$(on_call ops 2027-01-07T12:00:00Z) && esc=$(on_call managers 2027-01-07T12:00:00Z) &&
	sat=$(on_call ops 2027-01-09T08:00:00Z) &&
	pages >got &&
	expect_file "og-1|ana|$(ts 2027-01-05T01:00Z)|$(ts 2027-01-05T01:03Z)|$(ts 2027-01-05T02:00Z)|database|0|-|1|sleep
og-2|$api|$(ts 2027-01-07T12:00Z)|0|$(ts 2027-01-07T12:01Z)|api|1|$esc|0|in_hours
og-3|$sat|$(ts 2027-01-09T08:00Z)|0|0|queue|0|-|0|out_of_hours" got
'

test_expect_success 'a token from a private file works; one others may read is refused' '
	team && start_api ok &&
	printf "pd-secret-token\n" >token && chmod 600 token &&
	printf "[pagerduty]\napi_url = http://127.0.0.1:%s\ntoken_file = %s/token\n" "$(cat api/port)" "$PWD" >rota.conf &&
	expect_status 0 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	expect_out "(3 new, 0 updated)" &&
	chmod 644 token &&
	expect_unchanged 78 rota page pull pagerduty --since 2027-01-01 &&
	expect_err "[pagerduty] token_file $PWD/token may be read by others (mode 0644): chmod 600 $PWD/token" &&
	! grep -q pd-secret-token err out
'

test_expect_success 'without a token, page pull says where to put one' '
	team && start_api ok &&
	expect_unchanged 78 rota page pull opsgenie &&
	expect_err "rota: no opsgenie token: set ROTA_OPSGENIE_TOKEN or [opsgenie] token_file in rota.conf" &&
	test ! -e api/requests
'

test_expect_success 'a refused token is exit 69, and the token is never printed' '
	team && start_api ok &&
	ROTA_PAGERDUTY_TOKEN=wrong-token expect_unchanged 69 rota page pull pagerduty &&
	expect_err "rota: PagerDuty answered HTTP 401 Unauthorized for GET http://127.0.0.1:$(cat api/port)/incidents?" &&
	expect_err ": the token was refused (check ROTA_PAGERDUTY_TOKEN or [pagerduty] token_file)" &&
	! grep -q wrong-token err out
'

test_expect_success 'a server error is exit 75 and imports nothing' '
	team && start_api error500 &&
	ROTA_OPSGENIE_TOKEN=og-secret-key expect_unchanged 75 rota page pull opsgenie &&
	expect_err "rota: Opsgenie answered HTTP 500 Internal Server Error for GET http://127.0.0.1:$(cat api/port)/v2/alerts?" &&
	expect_err "asc: try again later"
'

test_expect_success 'rate limited throughout: asked [http] retries times, then exit 75' '
	team && start_api busy &&
	printf "[http]\nretries = 1\n" >>rota.conf &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_unchanged 75 rota page pull pagerduty &&
	expect_err "rota: PagerDuty answered HTTP 429 Too Many Requests for GET http://127.0.0.1:$(cat api/port)/incidents?" &&
	expect_err "try again later (asked 2 times)" &&
	test "$(grep -c . api/requests)" = 2 &&
	printf "[opsgenie]\nmax_retry_after = 0\n" >>rota.conf &&
	ROTA_OPSGENIE_TOKEN=og-secret-key expect_unchanged 75 rota page pull opsgenie &&
	expect_err "try again later (it asks to wait 1 s; rota waits 0 s at most)" &&
	test "$(grep -c . api/requests)" = 3
'

test_expect_success 'a 503 is asked again only when it says when (Retry-After)' '
	team && start_api retry503 &&
	ROTA_OPSGENIE_TOKEN=og-secret-key expect_status 0 rota page pull opsgenie --since 2027-01-01 --until 2027-01-15 &&
	expect_file "pulled 3 pages from opsgenie (3 new, 0 updated)" out &&
	stop_api && rm api/requests && start_api unavailable &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_unchanged 75 rota page pull pagerduty &&
	expect_err "rota: PagerDuty answered HTTP 503 Service Unavailable for GET" &&
	test "$(grep -c . api/requests)" = 1
'

test_expect_success 'an API that does not answer: exit 75 after [opsgenie] timeout_seconds' '
	team && start_api hang &&
	printf "timeout_seconds = 1\n" >>rota.conf &&
	ROTA_OPSGENIE_TOKEN=og-secret-key expect_unchanged 75 rota page pull opsgenie &&
	expect_err "rota: Opsgenie at http://127.0.0.1:$(cat api/port)/v2/alerts?" &&
	expect_err "did not answer within 1 s (try again later; [opsgenie] timeout_seconds sets the limit)"
'

test_expect_success 'a body that is not the API answer is exit 65 and imports nothing' '
	team && start_api malformed &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_unchanged 65 rota page pull pagerduty &&
	expect_err "unexpected answer: not JSON: line 1 column 1"
'

test_expect_success 'paging.next to another host is refused: the key stays home' '
	team && start_api offsite &&
	ROTA_OPSGENIE_TOKEN=og-secret-key expect_unchanged 65 rota page pull opsgenie --since 2027-01-01 &&
	expect_err "paging.next leaves the API host" &&
	test "$(grep -c . api/requests)" = 1
'

test_expect_success 'a refused connection is exit 69' '
	team &&
	port=$(/usr/bin/python3 -c "import socket; s=socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])") &&
	printf "[pagerduty]\napi_url = http://127.0.0.1:%s\n" "$port" >rota.conf && export ROTA_CONFIG="$PWD/rota.conf" &&
	ROTA_PAGERDUTY_TOKEN=pd-secret-token expect_unchanged 69 rota page pull pagerduty &&
	expect_err "rota: cannot connect to PagerDuty at http://127.0.0.1:$port/incidents?" &&
	expect_err "(is it running, is the URL right?)"
'

test_expect_success 'bad usage and rights' '
	team &&
	expect_unchanged 64 rota page pull &&
	expect_err "page pull takes pagerduty or opsgenie" &&
	expect_unchanged 64 rota page pull victorops &&
	expect_err "unknown service '"'"'victorops'"'"': pagerduty or opsgenie" &&
	expect_unchanged 64 rota page pull pagerduty --since 2027-02-30 &&
	expect_unchanged 64 rota page pull pagerduty --since 2027-01-10 --until 2027-01-09 &&
	expect_err "--until must be after --since" &&
	ROTA_PAGERDUTY_TOKEN=x expect_unchanged 77 rota --as ana page pull pagerduty &&
	expect_err "page pull: managers only"
'

test_done

#!/bin/sh
# rota publish --caldav when things go wrong: each failure says what to do
# (in http/http.h's words) and exits 69 (unavailable: refused, unknown
# host, credentials, missing collection), 75 (temporary: 5xx, 429,
# timeout; 429 and 503 with Retry-After asked again first) or 78 (configuration),
# never shows the password, and records nothing as published.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-caldav.sh"

radicale_start || { echo "Bail out! Radicale did not start"; exit 1; }

# no_password: the password is in neither ./out nor ./err.
no_password() {
	! grep -q "$CALDAV_PW" out err && ! grep -q "wrong-Pw-1234" out err
}

test_expect_success 'a wrong password: exit 69, what to check, the password nowhere' '
	setup && printf "wrong-Pw-1234\\n" >pw &&
	expect_unchanged 69 rota publish --caldav "$COLL" &&
	expect_err "rota: the CalDAV server answered HTTP 401 Unauthorized for REPORT $COLL: check [caldav] username and the password" &&
	test ! -s out && no_password &&
	ROTA_CALDAV_PASSWORD=wrong-Pw-1234 expect_unchanged 69 rota publish --caldav "$COLL" &&
	no_password && events >got && test ! -s got
'

test_expect_success 'a refused connection: exit 69' '
	setup && port=$(free_port) &&
	expect_unchanged 69 rota publish --caldav "http://127.0.0.1:$port/ops/x/" &&
	expect_file "rota: cannot connect to the CalDAV server at http://127.0.0.1:$port/ops/x/ (is it running, is the URL right?)" err &&
	test ! -s out
'

test_expect_success 'a host that does not resolve: exit 69' '
	setup &&
	expect_unchanged 69 rota publish --caldav "http://no-such-host.invalid/ops/x/" &&
	expect_err "rota: cannot find the CalDAV server at http://no-such-host.invalid/ops/x/: " &&
	expect_err "(is the URL right?)"
'

test_expect_success 'a collection that does not exist: exit 69' '
	setup &&
	expect_unchanged 69 rota publish --caldav "$RADICALE_URL/ops/nothing-here/" &&
	expect_file "rota: the CalDAV server answered HTTP 404 Not Found for REPORT $RADICALE_URL/ops/nothing-here/: create the collection first (MKCALENDAR) or fix the URL" err
'

test_expect_success 'a server error: exit 75, try again later' '
	setup && stub_start 500 &&
	expect_unchanged 75 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_file "rota: the CalDAV server answered HTTP 500 Internal Server Error for REPORT $STUB_URL/ops/x/: try again later" err &&
	stub_start 503 &&
	expect_unchanged 75 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_file "rota: the CalDAV server answered HTTP 503 Service Unavailable for REPORT $STUB_URL/ops/x/: try again later" err
'

test_expect_success '429 or 503 with Retry-After: asked again after it, [http] retries times' '
	setup && stub_start once:429:1 &&
	start=$(date +%s) &&
	expect_status 0 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_file "put 12, updated 0, deleted 0, unchanged 0" out &&
	test $(($(date +%s) - start)) -ge 1 &&
	stub_start once:503:1 &&
	expect_status 0 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_file "put 12, updated 0, deleted 0, unchanged 0" out &&
	stub_start 429:1 && printf "[http]\nretries = 1\n" >>rota.conf &&
	expect_unchanged 75 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_file "rota: the CalDAV server answered HTTP 429 Too Many Requests for REPORT $STUB_URL/ops/x/: try again later (asked 2 times)" err &&
	stub_start 503:3600 &&
	expect_unchanged 75 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_file "rota: the CalDAV server answered HTTP 503 Service Unavailable for REPORT $STUB_URL/ops/x/: try again later (it asks to wait 3600 s; rota waits 60 s at most)" err
'

test_expect_success 'a server that does not answer: exit 75 after [caldav] timeout' '
	schedule && caldav_conf && sed -i "s/^timeout = 5/timeout = 1/" rota.conf && stub_start hang &&
	start=$(date +%s) &&
	expect_unchanged 75 rota publish --caldav "$STUB_URL/ops/x/" &&
	test $(($(date +%s) - start)) -lt 5 &&
	expect_file "rota: the CalDAV server at $STUB_URL/ops/x/ did not answer within 1 s (try again later; [caldav] timeout sets the limit)" err
'

test_expect_success 'a failure half-way records nothing as published' '
	setup && stub_start put:3 &&
	expect_unchanged 75 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_err "rota: the CalDAV server answered HTTP 500 Internal Server Error for PUT $STUB_URL/ops/x/" &&
	test -z "$(sqlite3 rota.db "SELECT count(*) FROM caldav_events WHERE collection LIKE '"'http://127.0.0.1:%/ops/x/'"' HAVING count(*) > 0")"
'

test_expect_success 'after a failure half-way the next publish completes' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	rota --as cy swap request 3 --with ana >/dev/null && rota --as ana swap accept 1 >/dev/null &&
	printf "wrong-Pw-1234\\n" >pw &&
	expect_unchanged 69 rota publish --caldav "$COLL" &&
	printf "%s\\n" "$CALDAV_PW" >pw &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 1, deleted 0, unchanged 11" out &&
	events >got && schedule_events >want && expect_file "$(cat want)" got
'

test_expect_success 'a password file others may read: exit 78, nothing sent' '
	setup && chmod 644 pw &&
	expect_unchanged 78 rota publish --caldav "$COLL" &&
	expect_file "rota: $PWD/rota.conf:3: [caldav] password_file $PWD/pw may be read by others (mode 0644): chmod 600 $PWD/pw" err &&
	no_password && events >got && test ! -s got &&
	chmod 640 pw && expect_unchanged 78 rota publish --caldav "$COLL" &&
	expect_err "(mode 0640)"
'

test_expect_success 'no password, or a password without a username: exit 78' '
	setup && printf "[caldav]\\nusername = ops\\n" >rota.conf &&
	expect_unchanged 78 rota publish --caldav "$COLL" &&
	expect_file "rota: [caldav] username is set but there is no password: set ROTA_CALDAV_PASSWORD or [caldav] password_file (see rota.conf(5))" err &&
	printf "[caldav]\\ntimeout = 5\\n" >rota.conf &&
	ROTA_CALDAV_PASSWORD=$CALDAV_PW expect_unchanged 78 rota publish --caldav "$COLL" &&
	expect_file "rota: a CalDAV password is set but no [caldav] username (see rota.conf(5))" err &&
	printf "[caldav]\\nusername = ops\\npassword_file = missing\\n" >rota.conf &&
	expect_unchanged 78 rota publish --caldav "$COLL" &&
	expect_err "cannot read [caldav] password_file $PWD/missing: No such file or directory"
'

test_expect_success 'credentials in the URL, or another scheme: usage error (64)' '
	setup &&
	expect_unchanged 64 rota publish --caldav "http://ops:$CALDAV_PW@127.0.0.1:1/ops/x/" &&
	expect_err "rota: publish --caldav: credentials do not go in the URL: set [caldav] username and the password (see rota.conf(5))" &&
	no_password &&
	expect_unchanged 64 rota publish --caldav "ftp://127.0.0.1/ops/x/" &&
	expect_err "rota: publish --caldav: '"'"'ftp://127.0.0.1/ops/x/'"'"' is not an http:// or https:// URL"
'

test_expect_success 'listed resources outside the collection are never written (no credentials elsewhere)' '
	setup && stub_start foreign &&
	expect_status 0 rota publish --caldav "$STUB_URL/ops/x/" &&
	expect_file "put 12, updated 0, deleted 0, unchanged 0" out &&
	expect_err "rota: warning: ignoring https://collector.invalid/steal.ics, which the CalDAV server lists in $STUB_URL/ops/x/ but is not inside it" &&
	expect_err "rota: warning: ignoring /elsewhere/ops-h1-1.ics, which" &&
	test "$(grep -c warning err)" = 2
'

test_expect_success '--caldav with --dir, or an empty URL: usage error (64)' '
	setup &&
	expect_unchanged 64 rota publish --caldav "$COLL" --dir feeds &&
	expect_err "rota: publish takes one of --dir DIR or --caldav URL" &&
	test ! -e feeds &&
	expect_unchanged 64 rota publish --caldav "" &&
	expect_err "rota: --caldav: empty URL" &&
	events >got && test ! -s got
'

test_expect_success 'https is verified: a plain server on an https URL fails with 69' '
	setup && port=${RADICALE_URL##*:} &&
	expect_unchanged 69 rota publish --caldav "https://127.0.0.1:$port/ops/x/" &&
	expect_err "rota: TLS with the CalDAV server at https://127.0.0.1:$port/ops/x/ failed: " &&
	expect_err "(certificates are always verified: "
'

test_expect_success 'a [caldav] timeout out of range is a configuration error' '
	setup && sed -i "s/^timeout = 5/timeout = 0/" rota.conf &&
	expect_unchanged 78 rota publish --caldav "$COLL" &&
	expect_err "timeout"
'

test_done

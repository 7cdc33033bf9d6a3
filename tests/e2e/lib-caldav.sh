# Shared set-up of the CalDAV tests (t034x): Radicale on loopback with
# htpasswd authentication (user ops, password $CALDAV_PW), started once
# per test file on a free port and stopped at exit (lib.sh's test_bg, as
# are the stubs a test starts, at the test's end); each test publishes
# the schedule of lib-swap.sh into a collection of its own.
. "$ROTA_SRCDIR/tests/e2e/lib-swap.sh"

CALDAV_PW='s3cret-Pw-7731'

# wait_http URL: until something answers there (10 s at most).
wait_http() {
	test_wait_for 10 "something to answer at $1" curl -s -o /dev/null "$1"
}

# radicale_start: sets RADICALE_URL (no trailing slash) and RADICALE_DIR.
radicale_start() {
	local port
	RADICALE_DIR="$TEST_ROOT/radicale"
	port=$(free_port) &&
	mkdir -p "$RADICALE_DIR" &&
	printf 'ops:%s\n' "$CALDAV_PW" >"$RADICALE_DIR/users" &&
	printf '%s\n' "[server]" "hosts = 127.0.0.1:$port" \
		"[auth]" "type = htpasswd" "htpasswd_filename = $RADICALE_DIR/users" \
		"htpasswd_encryption = plain" \
		"[storage]" "filesystem_folder = $RADICALE_DIR/storage" \
		"[web]" "type = none" >"$RADICALE_DIR/config" || return 1
	test_bg radicale --config "$RADICALE_DIR/config" >"$RADICALE_DIR/log" 2>&1
	RADICALE_URL="http://127.0.0.1:$port"
	wait_http "$RADICALE_URL/"
}

# stub_start MODE: a failing server (see caldav-stub.py); sets STUB_URL.
stub_start() {
	local portfile="$PWD/stub-port.$1"
	rm -f "$portfile" &&
	test_bg /usr/bin/python3 "$ROTA_SRCDIR/tests/e2e/caldav-stub.py" "$1" "$portfile" &&
	test_wait_for 10 "the CalDAV stub ($1) to start" test -s "$portfile" || return 1
	STUB_URL="http://127.0.0.1:$(cat "$portfile")"
}

# caldav_conf [KEY = VALUE...]: ./rota.conf with [caldav] username ops, the
# password in ./pw (mode 0600) and the extra lines; ROTA_CONFIG points at it.
caldav_conf() {
	printf '%s\n' "$CALDAV_PW" >pw && chmod 600 pw &&
	{ printf '[caldav]\nusername = ops\npassword_file = pw\ntimeout = 5\n'
	  for l in "$@"; do printf '%s\n' "$l"; done; } >rota.conf &&
	ROTA_CONFIG=$PWD/rota.conf && export ROTA_CONFIG
}

# collection: makes a calendar named after the test and sets COLL (its
# URL, ending in /) and COLL_DIR (where Radicale keeps its files).
collection() {
	local name
	name=$(basename "$PWD")
	COLL="$RADICALE_URL/ops/t$name/"
	COLL_DIR="$RADICALE_DIR/storage/collection-root/ops/t$name"
	test "$(curl -s -o /dev/null -w '%{http_code}' -u "ops:$CALDAV_PW" -X MKCALENDAR "$COLL")" = 201
}

# events: the collection's events as caldav-events.py lists them.
events() {
	/usr/bin/python3 "$ROTA_SRCDIR/tests/e2e/caldav-events.py" "$COLL" ops "$CALDAV_PW"
}

# schedule_events: the same lines from the database, for every shift not
# cancelled (ending after FROM, seconds; default 0).
schedule_events() {
	sqlite3 -separator '|' rota.db "SELECT s.uid, s.sequence, p.handle, s.start_at, s.end_at
		FROM shifts s JOIN persons p ON p.id = s.person_id
		WHERE s.cancelled_at IS NULL AND s.end_at > ${1:-0}" | sort
}

# stamps: the name and modification time of every file of the collection
# (a PUT rewrites its file).
stamps() {
	(cd "$COLL_DIR" && stat -c '%n %y' *.ics | sort)
}

# caldav_state: the rows of caldav_events.
caldav_state() {
	sqlite3 -separator '|' rota.db "SELECT uid, sequence, etag IS NOT NULL FROM caldav_events
		ORDER BY uid"
}

# setup: the schedule, the configuration and a fresh collection.
setup() {
	schedule && caldav_conf "$@" && collection
}

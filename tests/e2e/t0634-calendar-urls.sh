#!/bin/sh
# Calendar addresses keep their secrets (issue 23): an address holding a
# user name and password is refused (64: they would be stored, backed up
# and shown), the credentials come from [import] host, username and a
# password file instead, sent to that host only; every address shown
# (import output, errors, audit, leave list) is cut to
# scheme://host/.../LAST, without its private path or query.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# The server: /private-abc/cal.ics wants Basic alice:pa55word (401
# without); every other path is 404. Each request's path and
# Authorization header go to requests.log.
cat >"$TEST_ROOT/server.py" <<'EOF'
import base64, http.server, os

WANT = "Basic " + base64.b64encode(b"alice:pa55word").decode()

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        auth = self.headers.get("Authorization", "-")
        with open("requests.log", "a") as f:
            f.write("%s %s\n" % (self.path, auth))
        if self.path.split("?")[0] == "/private-abc/cal.ics":
            if auth != WANT:
                return self.answer(401, b"no\n", [("WWW-Authenticate", 'Basic realm="cal"')])
            return self.answer(200, open("ooo.ics", "rb").read(),
                               [("Content-Type", "text/calendar")])
        return self.answer(404, b"no\n")

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open("port.tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename("port.tmp", "port")
server.serve_forever()
EOF

# serve: the server in the background; $HOSTPORT and $URL, its calendar's
# address, with a private path and query; $SHOWN, that address as shown.
serve() {
	test_bg /usr/bin/python3 "$TEST_ROOT/server.py" 2>server.err &&
	test_wait_for 10 "the HTTP server to start" test -s port ||
	{ cat server.err; return 1; }
	HOSTPORT=127.0.0.1:$(cat port)
	URL="http://$HOSTPORT/private-abc/cal.ics?token=zzz"
	SHOWN="http://$HOSTPORT/…/cal.ics"
}

# team: ana and bo, a manager mo, office Dublin, a calendar ./ooo.ics.
team() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz Europe/Dublin >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz UTC --manager >/dev/null &&
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270303\r\nSUMMARY:Away\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" >ooo.ics
}

# creds [HOST]: [import] for alice at HOST (127.0.0.1), password in ./pw.
creds() {
	printf "pa55word\n" >pw && chmod 600 pw &&
	printf "[import]\nhost = %s\nusername = alice\npassword_file = pw\n" "${1:-127.0.0.1}" >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf"
}

test_expect_success 'an address with a user name and password is refused: 64, nothing stored or sent' '
	team && serve &&
	expect_unchanged 64 rota leave import "http://alice:pa55word@$HOSTPORT/private-abc/cal.ics" ana &&
	expect_file "rota: the calendar'"'"'s address holds a user name or password, which rota would store and show: give the address without them, and set [import] host, username and password_file (a file only you may read) as for CalDAV
usage: rota leave import FILE|URL [HANDLE]" err &&
	test ! -s out && test ! -e requests.log &&
	expect_unchanged 64 rota holiday import Dublin "http://alice@$HOSTPORT/private-abc/cal.ics" &&
	expect_err "holds a user name or password" &&
	expect_unchanged 64 rota leave import "HTTPS://alice:x@$HOSTPORT/" ana &&
	test ! -e requests.log && ! grep -q pa55word err
'

test_expect_success 'credentials from [import]: stored without them, shown without the private path' '
	team && serve && creds &&
	expect_status 0 rota leave import "$URL" ana &&
	expect_file "$SHOWN: leave of ana: added 1, updated 0, removed 0, unchanged 0" out &&
	test "$(cat requests.log)" = "/private-abc/cal.ics?token=zzz Basic YWxpY2U6cGE1NXdvcmQ=" &&
	test "$(sqlite3 rota.db "SELECT DISTINCT source FROM leave")" = "$URL" &&
	! sqlite3 rota.db .dump | grep -q pa55word &&
	expect_status 0 rota --json leave import "$URL" ana &&
	test "$(json "j[\"source\"]")" = "$SHOWN" &&
	expect_status 0 rota holiday import Dublin "$URL" &&
	expect_file "$SHOWN: public holidays of Dublin: added 2, updated 0, removed 0, unchanged 0" out
'

test_expect_success 'audit and leave list show the address cut short, to its person and managers' '
	team && serve && creds &&
	rota leave import "$URL" ana >/dev/null &&
	for who in ana mo; do
		expect_status 0 rota --as $who audit &&
		grep -q "leave.import.*$SHOWN" out && ! grep -q -e private-abc -e token= out &&
		expect_status 0 rota --as $who --json audit &&
		test "$(json "[e[\"after\"][\"source\"] for e in j if e[\"action\"] == \"leave.import\"]")" = "['"'"'$SHOWN'"'"']" || return 1
	done &&
	expect_status 0 rota --as bo --json audit &&
	test "$(json "[e[\"after\"].get(\"source\") for e in j if e[\"action\"] == \"leave.import\"]")" = "[None]" &&
	expect_status 0 rota --as ana --json leave list &&
	test "$(json "sorted(set(l[\"source\"] for l in j))")" = "['"'"'$SHOWN'"'"']" &&
	expect_status 0 rota --as mo leave list &&
	! grep -q -e private-abc -e token= out
'

test_expect_success 'credentials go to [import] host only: another host gets none' '
	team && serve && creds cal.example.com &&
	expect_unchanged 69 rota leave import "$URL" ana &&
	expect_file "rota: the server answered HTTP 401 Unauthorized for GET $SHOWN: give the address that needs no credentials (its secret or public URL), or set [import] host, username and password_file" err &&
	test "$(cat requests.log)" = "/private-abc/cal.ics?token=zzz -"
'

test_expect_success 'errors show the address cut short' '
	team && serve &&
	expect_unchanged 69 rota leave import "http://$HOSTPORT/u/secret-xyz/gone.ics?key=k" ana &&
	expect_file "rota: the server answered HTTP 404 Not Found for GET http://$HOSTPORT/…/gone.ics: no such calendar at that address: is the URL right?" err &&
	printf "BEGIN:VCALENDAR\r\nnot a calendar\r\n" >ooo.ics && creds &&
	expect_unchanged 65 rota leave import "$URL" ana &&
	expect_err "$SHOWN" && ! grep -q -e private-abc -e token= err
'

test_expect_success '[import] mistakes: 78 before anything is sent' '
	team && serve && creds && chmod 644 pw &&
	expect_unchanged 78 rota leave import "$URL" ana &&
	expect_file "rota: $PWD/rota.conf:4: [import] password_file $PWD/pw may be read by others (mode 0644): chmod 600 $PWD/pw" err &&
	printf "[import]\nusername = alice\npassword_file = pw\n" >rota.conf &&
	expect_unchanged 78 rota leave import "$URL" ana &&
	expect_file "rota: [import] username is set but [import] host is not: name the one host the credentials are for" err &&
	printf "[import]\nhost = 127.0.0.1\nusername = alice\n" >rota.conf &&
	expect_unchanged 78 rota leave import "$URL" ana &&
	expect_file "rota: [import] username is set but there is no password: set \$ROTA_IMPORT_PASSWORD or [import] password_file" err &&
	test ! -e requests.log &&
	ROTA_IMPORT_PASSWORD=pa55word expect_status 0 rota leave import "$URL" ana
'

test_done

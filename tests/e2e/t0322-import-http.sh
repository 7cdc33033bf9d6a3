#!/bin/sh
# rota leave import URL / holiday import OFFICE URL against a loopback HTTP
# server: ETag and Last-Modified kept, 304, redirects, 401/403/404, 5xx,
# 429 and 503 with Retry-After asked again (http/http.h's policy), a
# refused port, a timeout and an untrusted certificate.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# The server: serves ./ooo.ics with an ETag and Last-Modified (304 when
# If-None-Match matches), logs each request as "PATH IF-NONE-MATCH
# IF-MODIFIED-SINCE" in requests.log, and answers the other paths as
# their names say. Writes its port to ./port. With "tls", serves HTTPS
# with a self-signed certificate.
cat >"$TEST_ROOT/server.py" <<'EOF'
import hashlib, http.server, os, ssl, sys, time

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
        with open("requests.log", "a") as f:
            f.write("%s %s %s\n" % (self.path, self.headers.get("If-None-Match", "-"),
                                    self.headers.get("If-Modified-Since", "-")))
        path = self.path
        if path in ("/ooo.ics", "/nocache.ics"):
            body = open("ooo.ics", "rb").read()
            etag = '"%s"' % hashlib.sha1(body).hexdigest()[:12]
            cache = [("ETag", etag), ("Last-Modified", "Fri, 01 Jan 2027 10:00:00 GMT")]
            if path == "/nocache.ics":
                cache = []
            elif self.headers.get("If-None-Match") == etag:
                return self.answer(304, headers=cache)
            return self.answer(200, body, [("Content-Type", "text/calendar")] + cache)
        if path == "/moved.ics":
            return self.answer(302, headers=[("Location", "/ooo.ics")])
        if path == "/loop.ics":
            return self.answer(302, headers=[("Location", "/loop.ics")])
        if path == "/slow.ics":
            time.sleep(4)
            return self.answer(200, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        # /busy-N-S.ics: N answers 429 with Retry-After: S (none when S is
        # "-"), then the calendar; /unavail-N-S.ics the same with 503.
        for prefix, code in (("/busy-", 429), ("/unavail-", 503)):
            if path.startswith(prefix):
                n, wait = path[len(prefix):-4].split("-")
                seen = sum(1 for l in open("requests.log") if l.startswith(path + " "))
                if seen <= int(n):
                    return self.answer(code, b"later\n",
                                       [] if wait == "-" else [("Retry-After", wait)])
                return self.answer(200, open("ooo.ics", "rb").read())
        for code in (401, 403, 404, 500, 503):
            if path == "/%d.ics" % code:
                return self.answer(code, b"no\n")
        return self.answer(404, b"no\n")

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if len(sys.argv) > 1 and sys.argv[1] == "tls":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain("cert.pem", "key.pem")
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
with open("port.tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename("port.tmp", "port")
server.serve_forever()
EOF

# serve [tls]: starts the server in the background (stopped when the test
# ends) and sets $URL to its base address.
serve() {
	test_bg /usr/bin/python3 "$TEST_ROOT/server.py" "$@" 2>server.err &&
	test_wait_for 10 "the HTTP server to start" test -s port ||
	{ cat server.err; return 1; }
	URL="http${1:+s}://127.0.0.1:$(cat port)"
}

team() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz UTC --manager >/dev/null &&
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270303\r\nSUMMARY:Away\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" >ooo.ics
}

# cache: the http_cache table as "url|etag|last_modified|fetched_at".
cache() {
	sqlite3 rota.db "SELECT url, etag, last_modified, datetime(fetched_at, 'unixepoch') FROM http_cache ORDER BY url"
}

test_expect_success 'a URL is fetched; its ETag comes back and 304 means nothing to do' '
	team && serve &&
	expect_status 0 rota leave import "$URL/ooo.ics" ana &&
	expect_file "$URL/ooo.ics: leave of ana: added 1, updated 0, removed 0, unchanged 0" out &&
	test "$(sqlite3 rota.db "SELECT source, reason FROM leave")" = "$URL/ooo.ics|Away" &&
	etag=$(sed -n 1p requests.log | cut -d" " -f2) && test "$etag" = - &&
	test "$(cache)" = "$URL/ooo.ics#rota-leave-1|\"$(sha1sum ooo.ics | cut -c1-12)\"|Fri, 01 Jan 2027 10:00:00 GMT|2027-01-01 12:00:00" &&
	db_dump >before.sql &&
	expect_status 0 rota leave import "$URL/ooo.ics" ana &&
	expect_file "$URL/ooo.ics: not modified since the last import (HTTP 304): nothing to do" out &&
	db_dump >after.sql && diff -u before.sql after.sql &&
	test "$(sed -n 2p requests.log)" = "/ooo.ics \"$(sha1sum ooo.ics | cut -c1-12)\" Fri, 01 Jan 2027 10:00:00 GMT" &&
	expect_status 0 rota --json leave import "$URL/ooo.ics" ana &&
	test "$(json "j[\"not_modified\"], j[\"added\"]")" = "True 0"
'

test_expect_success 'a changed document is fetched again and applied' '
	team && serve &&
	rota leave import "$URL/ooo.ics" ana >/dev/null &&
	sed -i "s/SUMMARY:Away/SUMMARY:Away skiing/" ooo.ics &&
	expect_status 0 rota leave import "$URL/ooo.ics" ana &&
	expect_file "$URL/ooo.ics: leave of ana: added 0, updated 1, removed 0, unchanged 0" out &&
	test "$(cache | cut -d"|" -f2)" = "\"$(sha1sum ooo.ics | cut -c1-12)\""
'

test_expect_success 'the same URL for another person or an office is its own import' '
	team && serve &&
	rota leave import "$URL/ooo.ics" ana >/dev/null &&
	expect_status 0 rota leave import "$URL/ooo.ics" mo &&
	expect_out "leave of mo: added 1" &&
	expect_status 0 rota holiday import Dublin "$URL/ooo.ics" &&
	expect_out "public holidays of Dublin: added 2" &&
	test "$(cache | cut -d"|" -f1 | sed "s|$URL||")" = "/ooo.ics#rota-holiday-1
/ooo.ics#rota-leave-1
/ooo.ics#rota-leave-2" &&
	expect_status 0 rota holiday import Dublin "$URL/ooo.ics" &&
	expect_out "not modified"
'

test_expect_success 'validators older than a day are not sent' '
	team && serve &&
	rota leave import "$URL/ooo.ics" ana >/dev/null &&
	ROTA_NOW=2027-01-03T12:00:00Z expect_status 0 rota leave import "$URL/ooo.ics" ana &&
	expect_out "added 0, updated 0, removed 0, unchanged 1" &&
	test "$(sed -n 2p requests.log)" = "/ooo.ics - -" &&
	test "$(cache | cut -d"|" -f4)" = "2027-01-03 12:00:00"
'

test_expect_success 'redirects are followed; no validators, no cache row' '
	team && serve &&
	expect_status 0 rota leave import "$URL/moved.ics" ana &&
	expect_out "$URL/moved.ics: leave of ana: added 1" &&
	test "$(cut -d" " -f1 requests.log | tr "\n" " ")" = "/moved.ics /ooo.ics " &&
	test "$(cache | cut -d"|" -f1)" = "$URL/moved.ics#rota-leave-1" &&
	expect_status 0 rota leave import "$URL/nocache.ics" ana &&
	expect_out "added 1" &&
	test "$(cache | wc -l)" = 1 &&
	expect_unchanged 69 rota leave import "$URL/loop.ics" ana &&
	expect_err "rota: the server at $URL/loop.ics redirects more than 5 times"
'

test_expect_success 'HTTP errors name the status, exit 69 or 75, and change nothing' '
	team && serve &&
	expect_unchanged 69 rota leave import "$URL/404.ics" ana &&
	expect_file "rota: the server answered HTTP 404 Not Found for GET $URL/404.ics: no such calendar at that address: is the URL right?" err &&
	expect_unchanged 69 rota leave import "$URL/401.ics" ana &&
	expect_file "rota: the server answered HTTP 401 Unauthorized for GET $URL/401.ics: give the address that needs no credentials (its secret or public URL), or set [import] host, username and password_file" err &&
	expect_unchanged 69 rota holiday import Dublin "$URL/403.ics" &&
	expect_err "rota: the server answered HTTP 403 Forbidden for GET $URL/403.ics: give the address that needs no credentials" &&
	expect_unchanged 75 rota leave import "$URL/500.ics" ana &&
	expect_file "rota: the server answered HTTP 500 Internal Server Error for GET $URL/500.ics: try again later" err &&
	expect_unchanged 75 rota leave import "$URL/503.ics" ana &&
	expect_file "rota: the server answered HTTP 503 Service Unavailable for GET $URL/503.ics: try again later" err &&
	test "$(grep -c "^/503.ics " requests.log)" = 1
'

test_expect_success '429 and 503 with Retry-After are asked again after it, within [http] retries' '
	team && serve &&
	start=$(date +%s) &&
	expect_status 0 rota leave import "$URL/busy-1-1.ics" ana &&
	expect_out "leave of ana: added 1" &&
	test "$(grep -c "^/busy-1-1.ics " requests.log)" = 2 &&
	test $(($(date +%s) - start)) -ge 1 &&
	expect_status 0 rota leave import "$URL/busy-1-.ics" mo &&
	expect_status 0 rota holiday import Dublin "$URL/unavail-1-1.ics" &&
	expect_out "public holidays of Dublin: added 2" &&
	test "$(grep -c "^/unavail-1-1.ics " requests.log)" = 2 &&
	printf "[http]\nretries = 1\n" >rota.conf &&
	expect_unchanged 75 rota --config rota.conf leave import "$URL/busy-5-1.ics" ana &&
	expect_file "rota: the server answered HTTP 429 Too Many Requests for GET $URL/busy-5-1.ics: try again later (asked 2 times)" err &&
	test "$(grep -c "^/busy-5-1.ics " requests.log)" = 2 &&
	expect_unchanged 75 rota leave import "$URL/busy-1-3600.ics" ana &&
	expect_file "rota: the server answered HTTP 429 Too Many Requests for GET $URL/busy-1-3600.ics: try again later (it asks to wait 3600 s; rota waits 60 s at most)" err &&
	test "$(grep -c "^/busy-1-3600.ics " requests.log)" = 1 &&
	printf "[http]\nmax_retry_after = 0\n" >rota.conf &&
	expect_unchanged 75 rota --config rota.conf holiday import Dublin "$URL/unavail-1-2.ics" &&
	expect_err "(it asks to wait 2 s; rota waits 0 s at most)" &&
	printf "[http]\nretries = 11\n" >rota.conf &&
	expect_unchanged 78 rota --config rota.conf leave import "$URL/ooo.ics" ana
'

test_expect_success 'an import that fails to apply keeps no validators' '
	team && serve &&
	printf "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" >ooo.ics &&
	expect_unchanged 65 rota leave import "$URL/ooo.ics" ana &&
	expect_file "rota: $URL/ooo.ics:2: event x has no DTSTART" err &&
	test -z "$(cache)"
'

test_expect_success 'a refused connection exits 69' '
	team &&
	port=$(/usr/bin/python3 -c "import socket; s = socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1]); s.close()") &&
	expect_unchanged 69 rota leave import "http://127.0.0.1:$port/ooo.ics" ana &&
	expect_file "rota: cannot connect to the server at http://127.0.0.1:$port/ooo.ics (is it running, is the URL right?)" err
'

test_expect_success 'a slow server times out after [http] timeout_seconds: exit 75' '
	team && serve &&
	printf "[http]\ntimeout_seconds = 1\n" >rota.conf &&
	expect_unchanged 75 rota --config rota.conf leave import "$URL/slow.ics" ana &&
	expect_file "rota: the server at $URL/slow.ics did not answer within 1 s (try again later; [http] timeout_seconds sets the limit)" err &&
	test "$(grep -c "^/slow.ics " requests.log)" = 1 &&
	printf "[http]\ntimeout_seconds = 0\n" >bad.conf &&
	expect_unchanged 78 rota --config bad.conf leave import "$URL/ooo.ics" ana
'

test_expect_success 'an https server whose certificate is not trusted is refused: 69' '
	team &&
	openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 \
		-subj "/CN=127.0.0.1" >openssl.out 2>&1 &&
	serve tls &&
	expect_unchanged 69 rota leave import "$URL/ooo.ics" ana &&
	expect_err "rota: TLS with the server at $URL/ooo.ics failed: " &&
	expect_err "(certificates are always verified: the server'"'"'s must name its host and come from an authority this system trusts)"
'

test_done

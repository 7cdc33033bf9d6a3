#!/usr/bin/python3
"""A CalDAV server that fails, for rota's tests. Listens on a free
loopback port and writes it to PORTFILE. MODE:
  STATUS   every request gets HTTP STATUS
  STATUS:S every request gets HTTP STATUS with Retry-After: S
  once:STATUS:S  the first request gets HTTP STATUS with Retry-After: S,
           then an empty collection that takes every PUT (as put:1000)
  hang     no request gets an answer
  put:N    an empty collection (REPORT: 207) that takes N PUTs (201), then
           answers 500 to the next ones
  foreign  a collection that takes every PUT, whose REPORT lists events
           that are not inside it (elsewhere on the server, on another host)

usage: caldav-stub.py MODE PORTFILE
"""
import http.server
import os
import sys
import threading
import time

MODE = sys.argv[1]
PUTS = [0]
ONCE = [MODE.startswith("once:")]
RETRY_AFTER = [None]
LOCK = threading.Lock()
EMPTY = b"""<?xml version="1.0"?>\n<multistatus xmlns="DAV:"/>\n"""
FOREIGN = """<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
 <d:response><d:href>%s</d:href><d:propstat><d:prop><d:getetag>"f1"</d:getetag>
  <c:calendar-data>BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:ops-h1-0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n</c:calendar-data>
 </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>/elsewhere/ops-h1-1.ics</d:href><d:propstat><d:prop><d:getetag>"f2"</d:getetag>
  <c:calendar-data>BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:ops-h1-1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n</c:calendar-data>
 </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>
""" % "https://collector.invalid/steal.ics"


class Handler(http.server.BaseHTTPRequestHandler):
    def fail(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if MODE == "hang":
            time.sleep(60)
            return
        mode = MODE
        with LOCK:
            if mode.startswith("once:"):
                if ONCE[0]:
                    ONCE[0] = False
                    mode = mode[5:]
                else:
                    mode = "put:1000"
        if ":" in mode and not mode.startswith("put:"):
            code, wait = mode.split(":")
            return self.answer(int(code), b"failing on purpose\n", "text/plain", wait)
        if MODE == "foreign":
            if self.command == "REPORT":
                return self.answer(207, FOREIGN.encode(), "application/xml")
            if self.command != "PUT" or self.headers.get("If-Match"):
                return self.answer(400, b"unexpected\n", "text/plain")
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode.startswith("put:"):
            if self.command == "REPORT":
                return self.answer(207, EMPTY, "application/xml")
            with LOCK:
                PUTS[0] += 1
                ok = self.command == "PUT" and PUTS[0] <= int(mode[4:])
            if ok:
                self.send_response(201)
                self.send_header("ETag", '"stub-%d"' % PUTS[0])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.answer(500, b"failing on purpose\n", "text/plain")
        self.answer(int(MODE), b"failing on purpose\n", "text/plain")

    def answer(self, status, body, ctype, retry_after=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if retry_after is not None:
            self.send_header("Retry-After", retry_after)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = fail

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write("%d\n" % server.server_address[1])
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()

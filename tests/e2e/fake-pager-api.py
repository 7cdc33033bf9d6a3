#!/usr/bin/python3
"""A loopback stand-in for PagerDuty's and Opsgenie's REST APIs.

Usage: fake-pager-api.py DIR SCENARIO. Writes the port it listens on to
DIR/port, logs each request line (path and query, and whether the
Authorization header was the expected one) to DIR/requests, and answers
with the recorded bodies of SCENARIO:

  ok         PagerDuty: two pages of incidents (the second answered with a
             429 and Retry-After: 1 first), one page of log entries.
             Opsgenie: two pages of alerts linked by paging.next.
  error500   every request gets HTTP 500.
  malformed  a body that is not JSON.
  offsite    Opsgenie's paging.next points at another host.
  early      as ok, before anything was acknowledged or resolved: no
             log entries yet.
  busy       every request gets 429 with Retry-After: 1.
  unavailable  every request gets 503, without Retry-After.
  retry503   as ok, the first request answered 503 with Retry-After: 1.
  hang       no request gets an answer (for 10 s).
  longtext   one incident and one alert whose service and title are longer
             than rota keeps, in characters of two and three bytes.
  control    one incident and one alert with a control character in the
             title (ESC) and in the message (U+009B).
  id127, id128  one incident and one alert whose id is 127 (rota's limit)
             or 128 bytes long.
  answers1000, answers1001  lists of 1,000 answers (rota's limit) or more:
             each answer an empty page that says there is more, the last
             of 1,000 saying there is no more or (answers1001) never.
  size64m, size64m1  one answer of exactly 64 MiB (rota's limit; an empty
             list and spaces) or one byte more, for each list.
"""
import json
import os
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

DIR, SCENARIO = sys.argv[1], sys.argv[2]
TOKENS = {"Token token=pd-secret-token", "GenieKey og-secret-key"}
state = {"throttled": False, "unavailable": False}

INCIDENTS_1 = {
    "incidents": [
        {"id": "PQ1AAAA", "incident_number": 101, "title": "Disk full on db-1",
         "created_at": "2027-01-05T02:10:00Z", "status": "resolved", "urgency": "high",
         "service": {"id": "PSVC1", "type": "service_reference", "summary": "database"},
         "assignments": [], "acknowledgements": []},
        {"id": "PQ2BBBB", "incident_number": 102, "title": "Latency p99 > 2s",
         "created_at": "2027-01-06T14:00:00Z", "status": "acknowledged", "urgency": "low",
         "service": {"id": "PSVC2", "type": "service_reference", "summary": "api"},
         "assignments": [{"at": "2027-01-06T14:00:00Z",
                          "assignee": {"id": "PUSR1", "type": "user_reference", "summary": "Bo Berg"}}],
         "acknowledgements": [{"at": "2027-01-06T14:03:00Z",
                               "acknowledger": {"id": "PUSR1", "type": "user_reference", "summary": "Bo Berg"}}]},
    ],
    "limit": 100, "offset": 0, "more": True, "total": None,
}
INCIDENTS_2 = {
    "incidents": [
        {"id": "PQ3CCCC", "incident_number": 103, "title": "Certificate expires in 7 days",
         "created_at": "2027-01-09T23:30:00Z", "status": "resolved", "urgency": "low",
         "service": {"id": "PSVC2", "type": "service_reference", "summary": "api"},
         "assignments": [], "acknowledgements": []},
    ],
    "limit": 100, "offset": 100, "more": False, "total": None,
}
LOG_ENTRIES = {
    "log_entries": [
        {"id": "R1", "type": "resolve_log_entry", "created_at": "2027-01-10T00:00:00Z",
         "agent": {"id": "PSVC2", "type": "service_reference", "summary": "api"},
         "incident": {"id": "PQ3CCCC", "type": "incident_reference"}},
        {"id": "R2", "type": "resolve_log_entry", "created_at": "2027-01-05T03:00:00Z",
         "agent": {"id": "PUSR2", "type": "user_reference", "summary": "Ana Lopez"},
         "incident": {"id": "PQ1AAAA", "type": "incident_reference"}},
        {"id": "E1", "type": "escalate_log_entry", "created_at": "2027-01-05T02:25:00Z",
         "agent": {"id": "PEP1", "type": "escalation_policy_reference", "summary": "Default"},
         "incident": {"id": "PQ1AAAA", "type": "incident_reference"}},
        {"id": "A1", "type": "acknowledge_log_entry", "created_at": "2027-01-05T02:14:00Z",
         "agent": {"id": "PUSR2", "type": "user_reference", "summary": "Ana Lopez"},
         "incident": {"id": "PQ1AAAA", "type": "incident_reference"}},
        {"id": "X9", "type": "acknowledge_log_entry", "created_at": "2027-01-05T02:14:00Z",
         "agent": {"id": "PUSR9", "type": "user_reference", "summary": "Someone Else"},
         "incident": {"id": "PNOTOURS", "type": "incident_reference"}},
    ],
    "limit": 100, "offset": 0, "more": False,
}


def alert(aid, tiny, created, message, entity, ack=None, close=None, by=None, tags=()):
    a = {"id": aid, "tinyId": tiny, "message": message, "createdAt": created,
         "status": "closed", "acknowledged": ack is not None, "priority": "P2",
         "owner": "", "tags": list(tags), "entity": entity, "source": "Datadog",
         "teams": [{"id": "team-1"}], "report": {}}
    if ack is not None:
        a["report"]["ackTime"] = ack
        a["report"]["acknowledgedBy"] = by
    if close is not None:
        a["report"]["closeTime"] = close
    return a


def incident(iid, title, service):
    return {"id": iid, "incident_number": 901, "title": title,
            "created_at": "2027-01-05T02:10:00Z", "status": "resolved", "urgency": "high",
            "service": {"id": "PSVC9", "type": "service_reference", "summary": service},
            "assignments": [], "acknowledgements": []}


# The answers of the scenarios of hostile text, by path.
HOSTILE = {
    "longtext": {
        "/incidents": {"incidents": [incident("PLONG", "x" + "\u20ac" * 100, "\u00e9" * 100)],
                       "more": False},
        "/v2/alerts": {"data": [alert("og-long", "9", "2027-01-05T01:00:00Z",
                                      "x" + "\u20ac" * 100, "\u00e9" * 100)], "paging": {}},
    },
    "control": {
        "/incidents": {"incidents": [incident("PCTRL", "disk\u001b[2Jfull", "database")],
                       "more": False},
        "/v2/alerts": {"data": [alert("og-ctrl", "9", "2027-01-05T01:00:00Z", "Di\u009bsk",
                                      "database")], "paging": {}},
    },
}
for n in (127, 128):
    HOSTILE["id%d" % n] = {
        "/incidents": {"incidents": [incident("P" * n, "Disk full", "database")],
                       "more": False},
        "/v2/alerts": {"data": [alert("a" * n, "9", "2027-01-05T01:00:00Z", "Disk full",
                                      "database")], "paging": {}},
    }


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, code, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(url.query)
        auth = self.headers.get("Authorization", "")
        with open(os.path.join(DIR, "requests"), "a") as f:
            f.write("%s %s\n" % ("auth-ok" if auth in TOKENS else "auth-bad", self.path))
        if auth not in TOKENS:
            return self.reply(401, {"error": {"message": "Unauthorized", "code": 2001}})
        if SCENARIO == "hang":
            time.sleep(10)
            return
        if SCENARIO == "busy":
            return self.reply(429, {"error": {"message": "Rate Limit Exceeded"}},
                              [("Retry-After", "1")])
        if SCENARIO == "unavailable":
            return self.reply(503, {"error": {"message": "Unavailable"}})
        if SCENARIO == "retry503" and not state["unavailable"]:
            state["unavailable"] = True
            return self.reply(503, {"error": {"message": "Unavailable"}},
                              [("Retry-After", "1")])
        if SCENARIO == "error500":
            return self.reply(500, {"error": {"message": "Internal error"}})
        if SCENARIO == "malformed":
            return self.reply(200, b"<html>maintenance</html>")
        if SCENARIO.startswith("answers"):
            n = int(q.get("offset", ["0"])[0]) // 100 + 1
            more = SCENARIO == "answers1001" or n < 1000
            base = "http://127.0.0.1:%d" % self.server.server_address[1]
            if url.path == "/v2/alerts":
                nxt = base + "/v2/alerts?limit=100&offset=%d" % (n * 100)
                return self.reply(200, {"data": [], "paging": {"next": nxt} if more else {}})
            key = "incidents" if url.path == "/incidents" else "log_entries"
            return self.reply(200, {key: [], "more": more})
        if SCENARIO.startswith("size64m"):
            key = {"/incidents": "incidents", "/log_entries": "log_entries"}.get(url.path, "data")
            data = json.dumps({key: [], "more": False}).encode()
            size = 64 * 1024 * 1024 + (1 if SCENARIO == "size64m1" else 0)
            return self.reply(200, data + b" " * (size - len(data)))
        if SCENARIO in HOSTILE:
            return self.reply(200, HOSTILE[SCENARIO].get(
                url.path, {"log_entries": [], "limit": 100, "offset": 0, "more": False}))
        port = self.server.server_address[1]
        base = "http://127.0.0.1:%d" % port
        if url.path == "/incidents":
            if q.get("offset") == ["100"]:
                if not state["throttled"]:
                    state["throttled"] = True
                    return self.reply(429, {"error": {"message": "Rate Limit Exceeded"}},
                                      [("Retry-After", "1")])
                return self.reply(200, INCIDENTS_2)
            return self.reply(200, INCIDENTS_1)
        if url.path == "/log_entries":
            if SCENARIO == "early":
                return self.reply(200, {"log_entries": [], "limit": 100, "offset": 0, "more": False})
            return self.reply(200, LOG_ENTRIES)
        if url.path == "/v2/alerts":
            if q.get("offset") == ["100"]:
                return self.reply(200, {"data": [
                    alert("og-3", "3", "2027-01-09T08:00:00.000Z", "Queue depth high", "queue")],
                    "paging": {"first": base + "/v2/alerts?offset=0"}, "took": 0.01})
            nxt = base + "/v2/alerts?limit=100&offset=100&sort=createdAt&order=asc"
            if SCENARIO == "offsite":
                nxt = "http://attacker.example/v2/alerts?offset=100"
            return self.reply(200, {"data": [
                alert("og-1", "1", "2027-01-05T01:00:00.250Z", "Disk full on db-1", "database",
                      ack=180000, close=3600000, by="ana@example.com"),
                alert("og-2", "2", "2027-01-07T12:00:00Z", "Error rate above 5%", "api",
                      close=60000, tags=["escalated"])],
                "paging": {"next": nxt, "first": base + "/v2/alerts?offset=0"},
                "took": 0.02, "requestId": "r-1"})
        return self.reply(404, {"error": {"message": "Not found"}})


server = HTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(DIR, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
server.serve_forever()

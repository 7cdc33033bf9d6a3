# Shared set-up of the notification tests (t036x): receivers on loopback.
#
# webhook_up [STATUS]: a Slack-like receiver (Python's http.server) on a
#   free port of 127.0.0.1; each POST's path, Content-Type and body go to
#   ./hook/posts, one a line, when it answers 2xx; every attempt goes to
#   ./hook/attempts. It answers the status in ./hook/status (200 unless
#   told), which a test may change while it runs: one answer a line, each
#   line but the last used once; "429 1" adds Retry-After: 1, "hang"
#   answers nothing for 10 s. Sets HOOK_PORT.
# smtp_up: aiosmtpd (python3-aiosmtpd) on a free port, keeping each mail
#   in the maildir ./mail. Sets SMTP_PORT.
# Both are started with lib.sh's test_bg, so stopped when the test ends;
# receivers_down stops them before (a receiver gone away).

# wait_port PORT: until something listens there (10 s at most).
wait_port() {
	/usr/bin/python3 - "$1" <<'EOF'
import socket, sys, time
for _ in range(200):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
EOF
}

RECEIVER_PIDS=""
receivers_down() {
	[ -z "$RECEIVER_PIDS" ] || test_bg_stop $RECEIVER_PIDS || return 1
	RECEIVER_PIDS=""
}

webhook_up() {
	mkdir -p hook && echo "${1:-200}" >hook/status && : >hook/posts &&
	: >hook/attempts || return 1
	cat >hook/server.py <<'EOF'
import http.server, sys, time
port, folder = int(sys.argv[1]), sys.argv[2]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        # One answer a line: the first is used up while more follow.
        # "429 1" sends Retry-After: 1; "hang" answers nothing for 10 s.
        lines = open(folder + "/status").read().split("\n")
        lines = [l for l in lines if l.strip()]
        if len(lines) > 1:
            open(folder + "/status", "w").write("\n".join(lines[1:]) + "\n")
        words = lines[0].split()
        if words[0] == "hang":
            open(folder + "/attempts", "ab").write(b"hang\n")
            time.sleep(10)
            return
        code = int(words[0])
        line = b"%s %s %s\n" % (self.path.encode(), self.headers.get("Content-Type", "").encode(), body)
        open(folder + "/attempts", "ab").write(line)
        if 200 <= code < 300:
            open(folder + "/posts", "ab").write(line)
        self.send_response(code)
        if len(words) > 1:
            self.send_header("Retry-After", words[1])
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Hook).serve_forever()
EOF
	HOOK_PORT=$(free_port) || return 1
	test_bg /usr/bin/python3 hook/server.py "$HOOK_PORT" "$PWD/hook" 2>hook/log &&
	RECEIVER_PIDS="$RECEIVER_PIDS $TEST_BG_PID" &&
	wait_port "$HOOK_PORT"
}

smtp_up() {
	mkdir -p mail/cur mail/new mail/tmp && SMTP_PORT=${SMTP_PORT:-$(free_port)} || return 1
	test_bg /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
		-c aiosmtpd.handlers.Mailbox "$PWD/mail" 2>smtp.log &&
	RECEIVER_PIDS="$RECEIVER_PIDS $TEST_BG_PID" &&
	wait_port "$SMTP_PORT"
}

# smtp_refusing ADDRESS: smtp_up, but RCPT TO that address gets 550.
smtp_refusing() {
	mkdir -p mail/cur mail/new mail/tmp py && SMTP_PORT=${SMTP_PORT:-$(free_port)} || return 1
	cat >py/refusing.py <<'PYEOF'
from aiosmtpd.handlers import Mailbox
class Refusing(Mailbox):
    def __init__(self, folder, refused):
        super().__init__(folder)
        self.refused = refused
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address == self.refused:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)
PYEOF
	test_bg env PYTHONPATH="$PWD/py" /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
		-c refusing.Refusing "$PWD/mail" "$1" 2>smtp.log &&
	RECEIVER_PIDS="$RECEIVER_PIDS $TEST_BG_PID" &&
	wait_port "$SMTP_PORT"
}

# mails: every mail received, sorted by recipient and subject, as the
# envelope, the headers a reader sees (decoded) and the body lines.
mails() {
	/usr/bin/python3 - "$PWD/mail" <<'EOF'
import mailbox, sys, email.header
def text(v):
    return str(email.header.make_header(email.header.decode_header(v)))
out = []
for m in mailbox.Maildir(sys.argv[1], factory=None, create=False):
    lines = ["rcpt: " + m["X-RcptTo"], "mail from: " + m["X-MailFrom"]]
    for h in ("From", "To", "Subject"):
        lines.append(h + ": " + text(m[h]))
    body = m.get_payload(decode=True).decode("utf-8")
    lines += body.replace("\r\n", "\n").rstrip("\n").split("\n")
    out.append((m["X-RcptTo"], text(m["Subject"]), "\n".join(lines)))
print("\n--\n".join(o[2] for o in sorted(out)))
EOF
}

# mail_count: how many mails arrived.
mail_count() {
	find mail/new -type f 2>/dev/null | wc -l
}

# posts: the bodies of the POSTs received, one a line.
posts() {
	cut -d" " -f3- hook/posts
}

# notify_conf FILE KEY=VALUE...: a [notify] section with these settings.
# Shift news is off unless a setting says shift_news: the schedule the
# tests lay out would be news, and only t0365 is about it.
notify_conf() {
	local f=$1
	shift
	echo "[notify]" >"$f"
	for kv in "$@"; do
		echo "${kv%%=*} = ${kv#*=}" >>"$f"
	done
	case " $* " in
	*" shift_news="*) ;;
	*) echo "shift_news = no" >>"$f" ;;
	esac
	# It may hold webhook_url, a secret: rota refuses it readable by others.
	chmod 600 "$f"
}

# notes: kind|channel|recipient|state|attempts|error of every row.
notes() {
	sqlite3 rota.db "SELECT kind, channel, recipient, state, attempts,
		coalesce(last_error, '-') FROM notifications ORDER BY id"
}

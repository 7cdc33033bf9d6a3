# Shared by the hostile-text stories (t0500-t0519) and the limits of
# pages (t0546): what a terminal must never receive, a fake pager API.

# no_raw_controls FILE: FILE holds no control character but tab and line
# feed: no C0, no DEL, no C1 (U+0080-U+009F as UTF-8), so no escape
# sequence. A message quotes what it refuses as \xHH.
no_raw_controls() {
	/usr/bin/python3 -c '
import re, sys
data = open(sys.argv[1], "rb").read()
m = re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", data)
if m:
    sys.exit("%s: a raw control character at byte %d: %r" % (sys.argv[1], m.start(), data))
' "$1"
}

# api SCENARIO: fake-pager-api.py in the background, rota.conf at it.
api() {
	mkdir -p api &&
	test_bg /usr/bin/python3 "$ROTA_SRCDIR/tests/e2e/fake-pager-api.py" "$PWD/api" "$1" 2>>api/log &&
	test_wait_for 5 "the fake API to start" test -s api/port &&
	printf "[pagerduty]\napi_url = http://127.0.0.1:%s\n[opsgenie]\napi_url = http://127.0.0.1:%s\n" \
		"$(cat api/port)" "$(cat api/port)" >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf"
}

# repeat N TEXT: TEXT N times.
repeat() {
	/usr/bin/python3 -c "import sys; sys.stdout.write(sys.argv[2] * int(sys.argv[1]))" "$1" "$2"
}

# Shared by the hostile-text stories (t0500-t0519): what a terminal must
# never receive.

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

#!/bin/sh
# rota report monthly --format html: one self-contained page, every value
# escaped, three SVG charts, and a render in headless Chromium that is
# not blank. The screenshot stays in the test's folder.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# parse FILE: what an HTML parser finds in FILE, one fact a line.
parse() {
	/usr/bin/python3 - "$1" <<'PY'
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.texts, self.external = [], {}, [], []
    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for k, v in attrs:
            if k in ("src", "href") or (k == "rel" and v == "stylesheet"):
                self.external.append((tag, k, v))
        self.stack.append(tag)
    def handle_data(self, data):
        if data.strip():
            self.texts.append(((self.stack or [""])[-1], data.strip()))

p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print("svg", p.tags.get("svg", 0))
print("script", p.tags.get("script", 0))
print("style", p.tags.get("style", 0))
print("external", len(p.external))
for tag, t in p.texts:
    if "script" in t or "expiry" in t:
        print("text", tag, t)
PY
}

test_expect_success 'the HTML page: escaped values, three charts, no external assets' '
	team && pages &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o report.html &&
	test ! -s out && head -1 report.html >first && expect_file "<!DOCTYPE html>" first &&
	parse report.html >facts &&
	grep -qx "svg 3" facts && grep -qx "script 0" facts && grep -qx "style 1" facts &&
	grep -qx "external 0" facts &&
	grep -qxF "text td \"&<script>x</script>" facts &&
	grep -qxF "text td cert '"'"'expiry'"'"'" facts &&
	grep -qF "<td>\"&amp;&lt;script&gt;x&lt;/script&gt;</td>" report.html &&
	! grep -q "<script" report.html
'

# libxml2 2.9's HTML parser knows HTML 4 only: it reports the HTML5 and
# SVG element names as invalid tags, and nothing else may be reported.
test_expect_success 'xmllint reads the page, and finds the status words' '
	team && pages &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html &&
	{ xmllint --html --noout out 2>&1 | grep "parser error" |
		grep -v "Tag \(figure\|figcaption\|svg\|rect\|line\|text\) invalid" >lint || :; } &&
	{ test ! -s lint || { cat lint; false; }; } &&
	xmllint --html --xpath "count(//svg)" out >n && test "$(cat n)" = 3 &&
	xmllint --html --xpath "string(//title)" out >t && test "$(cat t)" = "On-call report 2027-01" &&
	xmllint --html --xpath "count(//span[@class=\"badge red\"][.=\"RED\"])" out >n && test "$(cat n)" -ge 3 &&
	xmllint --html --xpath "string(//svg[1]/@aria-label)" out >t &&
	test "$(cat t)" = "Out-of-hours interruptions per month against the goal"
'

test_expect_success 'headless Chromium renders the page, not blank' '
	team && pages &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o report.html &&
	timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$PWD/chrome" --screenshot="$PWD/report.png" \
		--window-size=1280,2000 "file://$PWD/report.html" >chrome.log 2>&1 &&
	test -s report.png &&
	/usr/bin/python3 - report.png <<'"'"'PY'"'"'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
w, h, depth, ctype = ihdr[:4]
assert (w, h) == (1280, 2000), (w, h)
assert depth == 8 and ctype in (2, 6), (depth, ctype)
bpp = 3 if ctype == 2 else 4
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours = set()
i = 0
for y in range(h):
    f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 8 == 0:
        for x in range(0, stride, bpp * 4):
            colours.add(bytes(line[x:x + 3]))
assert len(colours) > 20, len(colours)
PY
'

test_done

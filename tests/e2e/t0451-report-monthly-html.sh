#!/bin/sh
# rota report monthly --format html: one self-contained page, every value
# escaped, its structure (each section once, the headline's parts, legends
# and axes, the on-call strip, the change against last month), the same
# findings as the text report, each once. The browser's view of it is
# t0490's.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report-html.sh"

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
            if (k in ("src", "href") and not v.startswith("#")) or (k == "rel" and v == "stylesheet"):
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

# x XPATH: the string value of XPATH in ./report.html.
x() {
	xmllint --html --xpath "$1" report.html 2>/dev/null
}

# the_page: html_month's January as of the 20th, in report.html.
the_page() {
	html_month &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o report.html
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
test_expect_success 'xmllint reads the page; each section once, in the order a manager reads' '
	the_page &&
	{ xmllint --html --noout report.html 2>&1 | grep "parser error" |
		grep -v "Tag \(header\|section\|figure\|figcaption\|svg\|rect\|line\|text\) invalid" >lint || :; } &&
	{ test ! -s lint || { cat lint; false; }; } &&
	test "$(x "string(//title)")" = "On-call report 2027-01" &&
	test "$(x "string(//h1)")" = "On-call report: January 2027" &&
	test "$(x "count(//header[@id=\"headline\"])")" = 1 &&
	for s in oncall alerts people team services; do
		test "$(x "count(//section[@id=\"$s\"])")" = 1 || return 1
	done &&
	{ x "//body/*/@id" | tr -d " " | tr "\n" " " && echo; } >order &&
	expect_file "id=\"headline\" id=\"oncall\" id=\"alerts\" id=\"people\" id=\"team\" id=\"services\" " order &&
	x "//h2/text()" | sort | uniq -d >twice && test ! -s twice &&
	test "$(x "count(//svg)")" = 3 &&
	test "$(x "string(//header//figure//svg/@aria-label)")" = "Out-of-hours interruptions per month against the goal"
'

test_expect_success 'the headline: overall status, the team against the goal and its trend, the change, who needs attention' '
	the_page &&
	html_facts report.html >facts &&
	test "$(grep -c "Overall status" facts)" = 1 &&
	test "$(x "normalize-space(//header//p[@class=\"overall\"])")" = "Overall status for January 2027: RED" &&
	test "$(x "normalize-space(//header//p[@class=\"why\"][1])")" = "RED the team had 10 out-of-hours interruptions; 10 or more a month is red." &&
	test "$(x "normalize-space(//header//p[@class=\"change\"])")" = "Out-of-hours interruptions: 9 more than in December 2026." &&
	test "$(x "count(//header//figure[@id=\"trend\"])")" = 1 &&
	test "$(x "string(//header//figure//svg//text[.=\"goal < 10\"])")" = "goal < 10" &&
	test "$(x "count(//header//ul[@class=\"attention\"]/li)")" = 2 &&
	test "$(x "normalize-space(//header//ul[@class=\"attention\"]/li[1])")" = "RED bo: sleep interruptions, nights interrupted, interrupted nights in a row, share of the team'"'"'s out-of-hours load" &&
	test "$(x "normalize-space(//header//ul[@class=\"attention\"]/li[2])")" = "RED ana: sleep interruptions, nights interrupted" &&
	test "$(x "string(//header//ul[@class=\"attention\"]/li[1]/strong/@title)")" = "Bo Berg" &&
	test "$(x "count(//header//p[@class=\"why\"])")" = 2
'

# Hand-computed from crowd (lib-report-html.sh): red are ana (sleep and
# nights red, out of hours amber), then bo cy dan eve (sleep and nights
# red), by handle; amber are fay gus hal ida jo kim lu (sleep and nights
# amber). The headline names the first four, and counts the other 8:
# eve red, the 7 amber.
test_expect_success 'twelve of twenty amber or red: the headline names four, counts eight, each person once' '
	crowd &&
	ROTA_NOW=2027-02-02T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o report.html &&
	for i in 1 2 3 4 5; do
		x "normalize-space(//header//ul[@class=\"attention\"]/li[$i])" || return 1
	done >headline &&
	expect_file "RED ana: sleep interruptions, nights interrupted
RED bo: sleep interruptions, nights interrupted
RED cy: sleep interruptions, nights interrupted
RED dan: sleep interruptions, nights interrupted
and 8 more (1 red, 7 amber), each with why under People." headline &&
	test "$(x "count(//header//ul[@class=\"attention\"]/li)")" = 5 &&
	test "$(x "count(//header//strong)")" = 4 &&
	test "$(x "count(//header//p[@class=\"why\"])")" = 1 &&
	test "$(x "string(//header//li[@class=\"more\"]/a/@href)")" = "#why" &&
	test "$(x "count(//*[@id=\"why\"])")" = 1 &&
	test "$(x "name(//*[@id=\"why\"]/..)")" = section &&
	test "$(x "string(//*[@id=\"why\"]/../@id)")" = people
'

test_expect_success 'twelve of twenty amber or red: each is named under People with every reason, the others are not' '
	crowd &&
	ROTA_NOW=2027-02-02T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o report.html &&
	{
		echo "AMBER ana had 4 out-of-hours interruptions; 4 or more a month is amber, 7 red." &&
		echo "RED ana was woken 4 times; 3 or more a month is red." &&
		echo "RED ana had 4 interrupted nights; 3 or more a month is red." &&
		for h in bo cy dan eve; do
			echo "RED $h was woken 3 times; 3 or more a month is red." &&
			echo "RED $h had 3 interrupted nights; 3 or more a month is red." || return 1
		done &&
		for h in fay gus hal ida jo kim lu; do
			echo "AMBER $h was woken 2 times; 2 or more a month is amber, 3 red." &&
			echo "AMBER $h had 2 interrupted nights; 2 or more a month is amber, 3 red." || return 1
		done
	} >want &&
	n=$(x "count(//section[@id=\"people\"]/p[@class=\"why\"])") &&
	test "$n" = 25 &&
	for i in $(seq "$n"); do
		x "normalize-space(//section[@id=\"people\"]/p[@class=\"why\"][$i])" || return 1
	done >said &&
	diff -u want said &&
	test "$(x "name(//section[@id=\"people\"]/p[@class=\"why\"][1]/preceding-sibling::*[1])")" = h3 &&
	test "$(x "string(//section[@id=\"people\"]/h3[@id=\"why\"])")" = "Why they are amber or red" &&
	for h in ana bo cy dan eve; do
		test "$(x "string(//section[@id=\"people\"]//tr[td[1]=\"$h\"]/td[last()])")" = RED || return 1
	done &&
	for h in fay gus hal ida jo kim lu; do
		test "$(x "string(//section[@id=\"people\"]//tr[td[1]=\"$h\"]/td[last()])")" = AMBER || return 1
	done &&
	for h in max ned oli pia quin ros sam tia; do
		test "$(x "string(//section[@id=\"people\"]//tr[td[1]=\"$h\"]/td[last()])")" = GREEN &&
		! grep -q " $h " said || return 1
	done
'

test_expect_success 'every finding of the text report is in the page, once, and no other' '
	the_page &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota report monthly 2027-01 &&
	grep -E "^  (red|amber|green|grey) " out | sed -E "s/^  [a-z]+ +//" | sort >text-findings &&
	test "$(wc -l <text-findings)" -ge 20 &&
	grep -qxF "payments / error rate above 5% interrupted someone 5 times out of hours; 5 or more a month is red." text-findings &&
	html_facts report.html | sed -n "s/^why //p" | sort >html-findings &&
	diff -u text-findings html-findings &&
	uniq -d html-findings >twice && test ! -s twice
'

test_expect_success 'alerts to fix: one section, the sentence saying what to do, then each kind of finding' '
	the_page &&
	test "$(x "count(//section[@id=\"alerts\"]/p[@class=\"advice\"])")" = 1 &&
	x "normalize-space(//section[@id=\"alerts\"]/p[@class=\"advice\"])" >advice &&
	grep -q "^What to do: start with the noisiest alerts" advice &&
	x "//section[@id=\"alerts\"]/h3/text()" >kinds &&
	expect_file "Alerts that interrupted someone out of hours
Could it have waited until morning? (resolved out of hours without anyone acting)
Alerts without a runbook link" kinds &&
	test "$(x "count(//section[@id=\"alerts\"]//tr)")" = 6 &&
	test "$(x "string(//section[@id=\"alerts\"]//tr[2]/td[1])")" = payments &&
	test "$(x "count(//p[@class=\"advice\"] | //p[@class=\"overall\"])")" = 2
'

test_expect_success 'a quiet month: no alert to fix, nobody needs attention' '
	team &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o report.html &&
	test "$(x "normalize-space(//section[@id=\"alerts\"]/p)")" = "No alert needs work this month." &&
	test "$(x "count(//section[@id=\"alerts\"]//table)")" = 0 &&
	test "$(x "normalize-space(//header//h2/following-sibling::p)")" = "Nobody: no one'"'"'s indicator is amber or red."
'

test_expect_success 'the change against last month: the team and each person' '
	the_page &&
	for row in ana:+3 bo:+6 cy:0 mo:0; do
		test "$(x "string(//section[@id=\"people\"]//tr[td[1]=\"${row%%:*}\"]/td[5])")" = "${row#*:}" ||
			{ echo "$row"; return 1; }
	done &&
	test "$(x "string(//section[@id=\"people\"]//tr[1]/th[5])")" = Change
'

test_expect_success 'a first month with data has nothing to compare with, said once' '
	team && pages &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o report.html &&
	test "$(x "normalize-space(//header//p[@class=\"change\"])")" = "No earlier month with data to compare with." &&
	test "$(x "string(//section[@id=\"people\"]//tr[td[1]=\"ana\"]/td[5])")" = "-"
'

test_expect_success 'who was on call: one entry per shift or part of a week, and the days nobody held' '
	the_page &&
	test "$(x "string(//section[@id=\"oncall\"]//h3)")" = "ops, primary tier" &&
	html_facts report.html | sed -n "s/^strip //p" >strip &&
	expect_file "nobody 1-4 Jan
cy 4-11 Jan
ana 11-13 Jan
bo 13-14 Jan
ana 14-18 Jan
bo 18-25 Jan
cy 25-31 Jan" strip &&
	test "$(x "count(//ol[@class=\"strip\"]/li[not(@class)])")" = 6 &&
	test "$(x "string(//ol[@class=\"strip\"]/li[4]/@title)")" = "bo: Wed 13 Jan 18:00 to Thu 14 Jan 09:00"
'

test_expect_success 'generated when, and the zone, said in words' '
	html_month &&
	printf "[report]\ntimezone = America/New_York\n" >rota.conf &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota --config rota.conf report monthly 2027-01 --format html -o report.html &&
	test "$(x "normalize-space(//header/p[@class=\"sub\"])")" = "Generated on Wednesday 20 January 2027 at 07:00. Dates and times are in the America/New_York time zone." &&
	! grep -q "Months in" report.html
'

# stacked FILE: each person's bar in the people chart, its parts from the
# left ("COLOUR:WIDTH" in units of the scale), checked to touch, not overlap.
stacked() {
	/usr/bin/python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET, re
src = open(sys.argv[1], encoding="utf-8").read()
svg = re.search(r'<figure id="people-chart">.*?(<svg.*?</svg>)', src, re.S).group(1)
root = ET.fromstring(svg)
ns = "{http://www.w3.org/2000/svg}"
texts = [(float(t.get("x")), float(t.get("y")), t.text) for t in root.iter(ns + "text")]
ticks = sorted((x, int(s)) for x, y, s in texts if s.isdigit() and y == max(yy for _, yy, _ in texts if _ .isdigit()))
(x0, v0), (x1, v1) = ticks[0], ticks[1]
unit = (x1 - x0) / (v1 - v0)
rows = {}
for r in root.iter(ns + "rect"):
    rows.setdefault(float(r.get("y")), []).append((float(r.get("x")), float(r.get("width")), r.get("fill")))
names = {y: s for x, y, s in texts if x < x0}
for y in sorted(rows):
    parts = sorted(rows[y])
    for a, b in zip(parts, parts[1:]):
        assert abs(a[0] + a[1] - b[0]) < 0.2, ("overlap or gap", parts)
    name = [s for yy, s in names.items() if 0 < yy - y < 20][0]
    print(name, " ".join("%s:%g" % (f, round(w / unit, 1)) for x, w, f in parts))
PY
}

test_expect_success 'charts: stacked bars that match their legend, axes with a scale and a title' '
	the_page &&
	stacked report.html >bars &&
	expect_file "ana #8250df:3 #d4a72c:1 #afb8c1:1
bo #8250df:5 #d4a72c:1
cy #afb8c1:1" bars &&
	x "//figure[@id=\"people-chart\"]/ul[@class=\"legend\"]/li" | sed "s/<[^>]*>//g" | grep . >legend &&
	expect_file "in sleep hours
out of hours, awake
in working hours" legend &&
	x "//figure[@id=\"people-chart\"]/ul/li/span/@style" | tr -d " " >swatches &&
	expect_file "style=\"background:#8250df\"
style=\"background:#d4a72c\"
style=\"background:#afb8c1\"" swatches &&
	test "$(x "count(//figure[ul[@class=\"legend\"]/li/span[@class=\"swatch\"]])")" = 3 &&
	x "//svg//text[@class=\"axis-title\"]/text()" >titles &&
	expect_file "interruptions
month
interruptions
interruptions
the responder'"'"'s local hour, noon to noon" titles &&
	{ x "//figure[@id=\"trend\"]//text[@text-anchor=\"end\"]/text()" | tr "\n" " " && echo; } >scale &&
	expect_file "0 2 4 6 8 10 goal &lt; 10 " scale
'

test_expect_success 'every table scrolls in its own box; numbers are aligned right' '
	the_page &&
	test "$(x "count(//table)")" -ge 4 &&
	test "$(x "count(//table)")" = "$(x "count(//div[@class=\"scroll\"]/table)")" &&
	grep -q "th,td{[^}]*white-space:nowrap" report.html &&
	grep -q "td.n,th.n{text-align:right" report.html &&
	test "$(x "string(//section[@id=\"people\"]//tr[1]/th[.=\"Pay\"]/@class)")" = n
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

# Set-ups and readers of the HTML page tests (t0451, t0490): the month of
# lib-report.sh with more to show.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# html_month: team and pages (lib-report.sh); a December night of ana's;
# five nights of bo's in a row for payments / error rate above 5% (no
# runbook); the night of Wed 13 January 18:00 to Thu 09:00 of ana's week
# given to bo. So, out of hours: December 1 (ana), January 10 (ana 4, bo
# 6); the strip of ops's primary tier: nobody 1-4, cy 4-11, ana 11-13,
# bo 13-14, ana 14-18, bo 18-25, cy 25-31 January.
html_month() {
	team && pages &&
	page 14 ana 2026-12-20T01:00:00 60 600 sleep payments "error rate above 5%" &&
	for d in 20 21 22 23 24; do
		page "p$d" bo "2027-01-${d}T01:00:00" 60 600 sleep payments "error rate above 5%" ||
			return 1
	done &&
	rota override bo --from 2027-01-13T18:00 --to 2027-01-14T09:00 >/dev/null
}

# crowd: twenty volunteers of rotation ops (all in Dublin, whose winter
# time is UTC), twelve of them amber or red in January 2027: each woken
# at 02:00 on the nights after the 4th, 6th, 8th and 10th (never two in
# a row) as far as their share goes: ana all four (out of hours 4 amber,
# sleep 4 and nights 4 red), bo cy dan eve three (sleep 3 and nights 3
# red), fay gus hal ida jo kim lu two (sleep 2 and nights 2 amber); the
# other eight none. 30 out-of-hours interruptions: ana's share is 13%.
crowd() {
	for h in ana bo cy dan eve fay gus hal ida jo kim lu max ned oli pia quin ros sam tia; do
		rota person add $h --name "Person $h" --email $h@example.com --tz Europe/Dublin ||
			return 1
	done >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add h1 --rotation ops --start 2027-01-04 --weeks 6 >/dev/null &&
	for h in ana bo cy dan eve fay gus hal ida jo kim lu max ned oli pia quin ros sam tia; do
		rota volunteer join h1 $h >/dev/null || return 1
	done &&
	rota schedule generate h1 >/dev/null &&
	for h in ana:4 bo:3 cy:3 dan:3 eve:3 fay:2 gus:2 hal:2 ida:2 jo:2 kim:2 lu:2; do
		for d in 05 07 09 11; do
			[ "$d" -le $((3 + 2 * ${h#*:})) ] || break
			page "${h%:*}-$d" "${h%:*}" "2027-01-${d}T02:00:00" 60 600 sleep db "disk full" ||
				return 1
		done || return 1
	done
}

# html_facts FILE: what an HTML parser finds in FILE, one fact a line:
# "why SENTENCE" for each finding (class why, its badge left out), "h2
# TEXT", "strip WHO WHEN" for each entry of the on-call strip, "cell
# TEXT" for each table cell, "p TEXT" for each other paragraph.
html_facts() {
	/usr/bin/python3 - "$1" <<'PY'
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.out = [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("meta", "br", "img"):
            return
        self.stack.append([tag, a.get("class") or "", ""])
    def handle_endtag(self, tag):
        while self.stack:
            t, cls, text = self.stack.pop()
            text = " ".join(text.split())
            if t == "p" and cls == "why":
                self.out.append("why " + text)
            elif t == "p":
                self.out.append("p " + text)
            elif t in ("h1", "h2", "h3"):
                self.out.append(t + " " + text)
            elif t == "li" and self.stack and self.stack[-1][1] == "strip":
                self.out.append("strip " + text)
            elif t in ("td", "th"):
                self.out.append("cell " + text)
            if self.stack and not (t == "span" and cls.startswith("badge")):
                self.stack[-1][2] += " " + text
            if t == tag:
                break
    def handle_data(self, data):
        if self.stack and self.stack[-1][0] not in ("style", "title"):
            self.stack[-1][2] += data

p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print("\n".join(p.out))
PY
}

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

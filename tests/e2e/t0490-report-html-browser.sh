#!/bin/sh
# report monthly --format html as headless Chromium lays it out, at
# 1280x800 and 390 px wide: measured in the browser by a test-only page
# that holds the report in a frame of each size and writes what it
# measures into its own DOM, which --dump-dom prints. The report itself
# holds no script. Screenshots stay in the test's folder.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report-html.sh"

# chrome ARG...: headless Chromium as CI's root runs it (no sandbox).
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--allow-file-access-from-files --user-data-dir="$PWD/chrome" "$@" 2>>chrome.log
}

# measure WIDTH HEIGHT: loads report.html in a WIDTHxHEIGHT frame and
# prints one fact a line: the headline's bottom edge (px from the top of
# the page), the table cells, those whose content overflows them
# (scrollWidth > clientWidth) and those whose text takes two lines or
# more, the page's width, and the table boxes that scroll sideways.
measure() {
	cat >frame-$1.html <<EOF2 &&
<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="f" src="report.html" width="$1" height="$2" style="border:0;display:block"></iframe>
<pre id="out"></pre>
<script>
onload = function () {
	var d = document.getElementById("f").contentDocument, out = [];
	var cells = d.querySelectorAll("td, th"), over = 0, wrapped = 0, boxes = 0;
	cells.forEach(function (c) {
		var r = d.createRange(), rects;
		if (c.scrollWidth > c.clientWidth) over++;
		r.selectNodeContents(c);
		rects = Array.prototype.slice.call(r.getClientRects());
		if (rects.some(function (a) { return rects.some(function (b) {
			return b.top >= a.bottom - 1; }); })) wrapped++;
	});
	d.querySelectorAll("div.scroll").forEach(function (b) {
		if (b.scrollWidth > b.clientWidth) boxes++;
	});
	out.push("headline-bottom " + Math.ceil(d.getElementById("headline").getBoundingClientRect().bottom));
	out.push("cells " + cells.length);
	out.push("overflowing " + over);
	out.push("wrapped " + wrapped);
	out.push("page-width " + d.documentElement.scrollWidth);
	out.push("scrolling-boxes " + boxes);
	document.getElementById("out").textContent = out.join("\n") + "\n";
};
</script>
</body></html>
EOF2
	chrome --window-size=$(($1 + 40)),$(($2 + 200)) --virtual-time-budget=10000 --dump-dom \
		"file://$PWD/frame-$1.html" >dom-$1.html &&
	sed -n '/<pre id="out">/,/<\/pre>/p' dom-$1.html | sed 's/<[^>]*>//g' | grep . &&
	chrome --window-size=$1,$2 --screenshot="$PWD/report-$1.png" "file://$PWD/report.html" &&
	test -s report-$1.png
}

# fact NAME FILE: the number of fact NAME in FILE.
fact() {
	sed -n "s/^$1 //p" "$2"
}

# the_page: html_month's January as of the 20th, in report.html, with pay
# in EUR: bo 544.64 (his week, 500.00, and 15 of 168 hours of ana's).
the_page() {
	html_month &&
	printf "[policy \"standard\"]\ncurrency = EUR\nstipend_per_week = 500.00\n" >rota.conf &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota --config rota.conf report monthly 2027-01 \
		--format html -o report.html &&
	xmllint --html --xpath "string(//section[@id=\"people\"]//tr[td[1]=\"bo\"]/td[16])" report.html \
		2>/dev/null >pay && expect_file "544.64 EUR" pay
}

# wide_ok CELLS: report.html at 1280x800 has its headline end in the
# first screen, at least CELLS table cells, none overflowing or wrapped,
# and no page wider than the window.
wide_ok() {
	measure 1280 800 >facts &&
	cat facts &&
	test "$(fact headline-bottom facts)" -gt 300 &&
	test "$(fact headline-bottom facts)" -le 800 &&
	test "$(fact cells facts)" -ge "$1" &&
	test "$(fact overflowing facts)" = 0 &&
	test "$(fact wrapped facts)" = 0 &&
	test "$(fact page-width facts)" -le 1280
}

# narrow_ok CELLS: report.html 390 px wide has at least CELLS table
# cells, none overflowing or wrapped, no page wider than the window: the
# tables scroll sideways in their own boxes.
narrow_ok() {
	measure 390 800 >facts &&
	cat facts &&
	test "$(fact cells facts)" -ge "$1" &&
	test "$(fact overflowing facts)" = 0 &&
	test "$(fact wrapped facts)" = 0 &&
	test "$(fact page-width facts)" -le 390 &&
	test "$(fact scrolling-boxes facts)" -ge 2
}

test_expect_success 'at 1280x800 the headline ends in the first screen; no table cell overflows or wraps' '
	the_page &&
	wide_ok 100
'

test_expect_success 'at 390 px no table cell overflows or wraps: the tables scroll in their own box, not the page' '
	the_page &&
	narrow_ok 100
'

# crowd_page: crowd's January (lib-report-html.sh), twelve of twenty
# people amber or red, in report.html.
crowd_page() {
	crowd &&
	ROTA_NOW=2027-02-02T12:00:00Z expect_status 0 rota report monthly 2027-01 --format html \
		-o report.html &&
	test "$(xmllint --html --xpath "count(//section[@id=\"people\"]//tr)" report.html 2>/dev/null)" = 21
}

test_expect_success 'twelve of twenty amber or red at 1280x800: the headline still ends in the first screen' '
	crowd_page &&
	wide_ok 360
'

test_expect_success 'twelve of twenty amber or red at 390 px: no table cell overflows or wraps' '
	crowd_page &&
	narrow_ok 360
'

test_expect_success 'the measure sees cells that wrap, cells that overflow, a headline pushed down' '
	the_page &&
	cp report.html good.html &&
	sed "s|white-space:nowrap;vertical-align|white-space:normal;vertical-align|; s|max-width:1200px|max-width:300px|; s|<header id=\"headline\">|<div style=\"height:900px\"></div>&|" \
		good.html >report.html &&
	measure 1280 800 >facts &&
	cat facts &&
	test "$(fact headline-bottom facts)" -gt 800 &&
	test "$(fact wrapped facts)" -gt 0 &&
	sed "s|table{|table{table-layout:fixed;width:200px;|" good.html >report.html &&
	measure 1280 800 >facts &&
	cat facts &&
	test "$(fact overflowing facts)" -gt 0
'

test_done

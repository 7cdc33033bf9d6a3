/* The monthly report as one self-contained HTML page: inline CSS, three
 * inline SVG charts, every node built with libxml2 so that every value is
 * escaped when the tree is written. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "common/err.h"
#include "common/html-save.h"
#include "reports/monthly.h"

#define X(s) ((const xmlChar *)(s))

static const char css[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
	"sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:1100px;"
	"padding:32px 40px;line-height:1.45}"
	"h1{font-size:28px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 10px;"
	"border-bottom:1px solid #d0d7de;padding-bottom:6px}"
	".sub{color:#59636e;margin:0 0 20px}"
	"table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0 12px}"
	"th,td{padding:6px 10px;border-bottom:1px solid #e6e8eb;text-align:left;"
	"vertical-align:top}th{background:#f6f8fa;font-weight:600}"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;"
	"font-weight:700;letter-spacing:.03em;border:1px solid}"
	".green{color:#1a7f37;background:#dafbe1;border-color:#1a7f37}"
	".amber{color:#7d4e00;background:#fff1c2;border-color:#bf8700}"
	".red{color:#b42318;background:#ffe4e0;border-color:#b42318}"
	".grey{color:#59636e;background:#f6f8fa;border-color:#8c959f}"
	".cards{display:flex;gap:16px;flex-wrap:wrap;margin:12px 0}"
	".card{flex:1 1 200px;border:1px solid #d0d7de;border-radius:8px;padding:14px 16px}"
	".card .big{font-size:32px;font-weight:700}"
	".card .label{color:#59636e;font-size:13px}"
	".why{margin:4px 0;font-size:14px}"
	".charts{display:grid;grid-template-columns:1fr 1fr;gap:24px 32px}"
	"figure{margin:0}figure svg{display:block;max-width:520px}"
	"figcaption{font-size:13px;color:#59636e}"
	".legend{font-size:13px;color:#59636e;margin:4px 0 12px}"
	"svg text{font-family:inherit;font-size:12px;fill:#1f2328}"
	"@media print{body{padding:0;max-width:none}h2{break-after:avoid}"
	"table,figure{break-inside:avoid}"
	".badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

static const char *const fill[] = { [IND_GREY] = "#8c959f", [IND_GREEN] = "#2da44e",
	[IND_AMBER] = "#d4a72c", [IND_RED] = "#cf222e" };

static xmlNodePtr
el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, X(name), text != NULL ? X(text) : NULL);
}

static xmlNodePtr
elf(xmlNodePtr parent, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static xmlNodePtr
elf(xmlNodePtr parent, const char *name, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return el(parent, name, buf);
}

static void
attr(xmlNodePtr n, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
attr(xmlNodePtr n, const char *name, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	xmlSetProp(n, X(name), X(buf));   /* replaces an earlier value */
}

/* A status badge: the word in its colour, never the colour alone. */
static void
badge(xmlNodePtr parent, enum ind_status s)
{
	static const char *const word[] = { [IND_GREY] = "TOO FEW TO JUDGE",
		[IND_GREEN] = "GREEN", [IND_AMBER] = "AMBER", [IND_RED] = "RED" };
	xmlNodePtr b = el(parent, "span", word[s]);

	attr(b, "class", "badge %s", ind_status_name(s));
}

static xmlNodePtr
cell(xmlNodePtr tr, const char *tag, bool num, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static xmlNodePtr
cell(xmlNodePtr tr, const char *tag, bool num, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	xmlNodePtr c;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	c = el(tr, tag, buf);
	if (num)
		attr(c, "class", "n");
	return c;
}

static void
why(xmlNodePtr parent, const struct ind_result *st)
{
	xmlNodePtr p = el(parent, "p", NULL);

	attr(p, "class", "why");
	badge(p, st->status);
	xmlAddChild(p, xmlNewText(X(" ")));
	xmlAddChild(p, xmlNewText(X(st->why)));
}

static xmlNodePtr
svg(xmlNodePtr parent, int w, int h, const char *label)
{
	xmlNodePtr s = el(parent, "svg", NULL);

	attr(s, "xmlns", "http://www.w3.org/2000/svg");
	attr(s, "viewBox", "0 0 %d %d", w, h);
	attr(s, "width", "100%%");
	attr(s, "role", "img");
	attr(s, "aria-label", "%s", label);
	return s;
}

static void
rect(xmlNodePtr s, double x, double y, double w, double h, const char *colour)
{
	xmlNodePtr r = el(s, "rect", NULL);

	attr(r, "x", "%.1f", x);
	attr(r, "y", "%.1f", y);
	attr(r, "width", "%.1f", w);
	attr(r, "height", "%.1f", h);
	attr(r, "fill", "%s", colour);
}

static void
text(xmlNodePtr s, double x, double y, const char *anchor, const char *t)
{
	xmlNodePtr n = el(s, "text", t);

	attr(n, "x", "%.1f", x);
	attr(n, "y", "%.1f", y);
	attr(n, "text-anchor", "%s", anchor);
}

static void
line(xmlNodePtr s, double x1, double y1, double x2, double y2, const char *colour, bool dashed)
{
	xmlNodePtr n = el(s, "line", NULL);

	attr(n, "x1", "%.1f", x1);
	attr(n, "y1", "%.1f", y1);
	attr(n, "x2", "%.1f", x2);
	attr(n, "y2", "%.1f", y2);
	attr(n, "stroke", "%s", colour);
	attr(n, "stroke-width", "%s", dashed ? "2" : "1");
	if (dashed)
		attr(n, "stroke-dasharray", "6 4");
}

/* Monthly out-of-hours interruptions against the goal line. */
static void
chart_trend(xmlNodePtr parent, const struct monthly_report *r)
{
	const int W = 520, H = 260, L = 40, B = 40, T = 20;
	xmlNodePtr fig = el(parent, "figure", NULL), s;
	int64_t max = r->th.goal;
	double bw, scale;
	char buf[32];

	const int first = r->team.trend_first, n = MONTHLY_TREND - first;

	for (int i = first; i < MONTHLY_TREND; i++)
		if (r->team.trend[i].ooh > max)
			max = r->team.trend[i].ooh;
	max += max / 5 + 1;
	s = svg(fig, W, H, "Out-of-hours interruptions per month against the goal");
	scale = (double)(H - B - T) / (double)max;
	bw = (double)(W - L - 10) / n;
	line(s, L, H - B, W - 10, H - B, "#8c959f", false);
	for (int i = first; i < MONTHLY_TREND; i++) {
		int64_t v = r->team.trend[i].ooh;
		enum ind_status st = v >= r->th.t[IND_TEAM_OOH].red ? IND_RED :
			v >= r->th.t[IND_TEAM_OOH].amber ? IND_AMBER : IND_GREEN;
		double x = L + (i - first) * bw + bw * 0.15, h = (double)v * scale;

		rect(s, x, H - B - h, bw * 0.7, h, fill[st]);
		snprintf(buf, sizeof buf, "%" PRId64, v);
		text(s, x + bw * 0.35, H - B - h - 4, "middle", buf);
		snprintf(buf, sizeof buf, "%04d-%02d", r->team.trend[i].year, r->team.trend[i].month);
		text(s, x + bw * 0.35, H - B + 18, "middle", buf);
	}
	line(s, L, H - B - (double)r->th.goal * scale, W - 10, H - B - (double)r->th.goal * scale,
	     "#cf222e", true);
	snprintf(buf, sizeof buf, "goal < %" PRId64, r->th.goal);
	text(s, L + 4, H - B - (double)r->th.goal * scale - 6, "start", buf);
	elf(fig, "figcaption", "Out-of-hours interruptions per month; the dashed line is the "
	    "goal (fewer than %" PRId64 ").", r->th.goal);
}

/* Interruptions per person: out of hours, of which in sleep hours. */
static void
chart_people(xmlNodePtr parent, const struct monthly_report *r)
{
	const int W = 520, L = 110, RH = 26, T = 10;
	int H = T + RH * (int)(r->n_people > 0 ? r->n_people : 1) + 30;
	xmlNodePtr fig = el(parent, "figure", NULL), s;
	int64_t max = 1;
	char buf[48];

	for (size_t k = 0; k < r->n_people; k++)
		if (r->people[k].interruptions > max)
			max = r->people[k].interruptions;
	s = svg(fig, W, H, "Interruptions per person");
	for (size_t k = 0; k < r->n_people; k++) {
		const struct mr_person *p = &r->people[k];
		double y = T + (double)k * RH, sc = (double)(W - L - 180) / (double)max;

		text(s, L - 8, y + 16, "end", p->handle);
		rect(s, L, y + 4, (double)p->interruptions * sc, RH - 8, "#afb8c1");
		rect(s, L, y + 4, (double)p->v[IND_OOH] * sc, RH - 8, "#d4a72c");
		rect(s, L, y + 4, (double)p->v[IND_SLEEP] * sc, RH - 8, "#8250df");
		snprintf(buf, sizeof buf, "%" PRId64 " (%" PRId64 " ooh, %" PRId64 " sleep)",
			 p->interruptions, p->v[IND_OOH], p->v[IND_SLEEP]);
		text(s, L + (double)p->interruptions * sc + 6, y + 16, "start", buf);
	}
	if (r->n_people == 0)
		text(s, W / 2.0, T + 16, "middle", "nobody was on call");
	el(fig, "figcaption", "Interruptions per person: grey in hours, amber out of hours, "
	   "purple in sleep hours.");
}

/* Out-of-hours interruptions by the responder's local hour, from noon to noon. */
static void
chart_hours(xmlNodePtr parent, const struct monthly_report *r)
{
	const int W = 520, H = 220, L = 30, B = 36, T = 16;
	xmlNodePtr fig = el(parent, "figure", NULL), s;
	int64_t max = 1;
	double bw = (double)(W - L - 10) / 24.0;
	char buf[32];

	for (int h = 0; h < 24; h++)
		if (r->by_hour[h] > max)
			max = r->by_hour[h];
	s = svg(fig, W, H, "Out-of-hours interruptions by hour of the night");
	line(s, L, H - B, W - 10, H - B, "#8c959f", false);
	for (int i = 0; i < 24; i++) {
		int h = (i + 12) % 24;
		bool night = h >= 22 || h < 7;
		double bh = (double)r->by_hour[h] * (H - B - T) / (double)max, x = L + i * bw;

		rect(s, x + 2, H - B - bh, bw - 4, bh, night ? "#8250df" : "#d4a72c");
		if (r->by_hour[h] > 0) {
			snprintf(buf, sizeof buf, "%" PRId64, r->by_hour[h]);
			text(s, x + bw / 2, H - B - bh - 3, "middle", buf);
		}
		if (h % 3 == 0) {
			snprintf(buf, sizeof buf, "%02d:00", h);
			text(s, x + bw / 2, H - B + 16, "middle", buf);
		}
	}
	el(fig, "figcaption", "Out-of-hours interruptions by the responder's local hour, noon "
	   "to noon; purple bars are the default sleep hours (22:00-07:00).");
}

static void
card(xmlNodePtr parent, const char *label, const char *value, enum ind_status st)
{
	xmlNodePtr c = el(parent, "div", NULL), v;

	attr(c, "class", "card");
	v = el(c, "div", value);
	attr(v, "class", "big");
	badge(c, st);
	xmlAddChild(c, xmlNewText(X(" ")));
	v = el(c, "span", label);
	attr(v, "class", "label");
}

static void
team(xmlNodePtr body, const struct monthly_report *r)
{
	const struct mr_team *t = &r->team;
	xmlNodePtr cards, tbl, tr;
	char v[64];

	el(body, "h2", "Team");
	cards = el(body, "div", NULL);
	attr(cards, "class", "cards");
	snprintf(v, sizeof v, "%" PRId64 " / < %" PRId64, t->v[IND_TEAM_OOH], r->th.goal);
	card(cards, "out-of-hours interruptions against the goal", v, t->st[IND_TEAM_OOH].status);
	if (t->has_forecast) {
		snprintf(v, sizeof v, "%.0f (%" PRId64 "-%" PRId64 ")", t->fc.expected, t->fc.low,
			 t->fc.high);
		card(cards, "forecast for the month, 90% interval", v, t->fc_st.status);
	}
	snprintf(v, sizeof v, "%" PRId64, t->v[IND_ESCALATIONS]);
	card(cards, "escalations to the managers' tier", v, t->st[IND_ESCALATIONS].status);
	why(body, &t->st[IND_TEAM_OOH]);
	if (t->has_forecast)
		why(body, &t->fc_st);
	tbl = el(body, "table", NULL);
	tr = el(tbl, "tr", NULL);
	el(tr, "th", "Indicator");
	cell(tr, "th", true, "Value");
	el(tr, "th", "Status");
	el(tr, "th", "Why");
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++) {
		tr = el(tbl, "tr", NULL);
		el(tr, "td", ind_def(i)->label);
		if (t->v[i] < 0)
			snprintf(v, sizeof v, "-");
		else
			ind_format(ind_def(i)->kind, t->v[i], v, sizeof v);
		cell(tr, "td", true, "%s", v);
		badge(el(tr, "td", NULL), t->st[i].status);
		el(tr, "td", t->st[i].why);
	}
	if (t->owners_pages > 0) {
		char line[128];

		snprintf(line, sizeof line, "Handled by the services' own teams in business "
			 "hours: %" PRId64 " page%s", t->owners_pages, t->owners_pages == 1 ? "" : "s");
		el(body, "p", line);
	}
}

static void
people(xmlNodePtr body, const struct monthly_report *r)
{
	xmlNodePtr tbl, tr;

	el(body, "h2", "People");
	tbl = el(body, "table", NULL);
	tr = el(tbl, "tr", NULL);
	el(tr, "th", "Person");
	cell(tr, "th", true, "Shifts");
	cell(tr, "th", true, "Hours");
	for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
		attr(cell(tr, "th", true, "%s", ind_def(i)->brief), "title", "%s", ind_def(i)->label);
	cell(tr, "th", true, "Pay");
	el(tr, "th", "Status");
	for (size_t k = 0; k < r->n_people; k++) {
		const struct mr_person *p = &r->people[k];
		enum ind_status w = IND_GREEN;
		xmlNodePtr td;

		tr = el(tbl, "tr", NULL);
		td = el(tr, "td", p->handle);
		attr(td, "title", "%s", p->name);
		cell(tr, "td", true, "%" PRId64, p->shifts);
		cell(tr, "td", true, "%.1f", (double)p->oncall_seconds / 3600.0);
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
			char v[64];

			if (p->v[i] < 0)
				snprintf(v, sizeof v, "-");
			else
				ind_format(ind_def(i)->kind, p->v[i], v, sizeof v);
			td = cell(tr, "td", true, "%s", v);
			if (p->st[i].status != IND_GREEN)
				attr(td, "class", "n %s", ind_status_name(p->st[i].status));
			if (p->st[i].status > w)
				w = p->st[i].status;
		}
		{
			char pay[128];

			monthly_pay_text(p, pay, sizeof pay);
			cell(tr, "td", true, "%s", pay[0] ? pay : "-");
		}
		badge(el(tr, "td", NULL), w);
	}
	{
		char legend[1024] = "";
		size_t used = 0;

		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST && used < sizeof legend; i++)
			used += (size_t)snprintf(legend + used, sizeof legend - used, "%s%s: %s",
						 i > IND_PERSON_FIRST ? "; " : "", ind_def(i)->brief,
						 ind_def(i)->label);
		attr(el(body, "p", legend), "class", "legend");
	}
	for (size_t k = 0; k < r->n_people; k++)
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
			if (r->people[k].st[i].status > IND_GREEN ||
			    monthly_grey_shown(&r->people[k].st[i], r->people[k].v[i]))
				why(body, &r->people[k].st[i]);
}

static void
alerts(xmlNodePtr body, const struct monthly_report *r)
{
	xmlNodePtr tbl, tr;
	size_t shown = 0;

	el(body, "h2", "Noisiest alerts");
	tbl = el(body, "table", NULL);
	tr = el(tbl, "tr", NULL);
	el(tr, "th", "Service");
	el(tr, "th", "Alert");
	cell(tr, "th", true, "Pages");
	cell(tr, "th", true, "Out of hours");
	cell(tr, "th", true, "In sleep hours");
	cell(tr, "th", true, "Resolved without action");
	cell(tr, "th", true, "Without runbook");
	el(tr, "th", "Status");
	for (size_t k = 0; k < r->n_alerts && k < 20; k++) {
		const struct mr_alert *a = &r->alerts[k];

		tr = el(tbl, "tr", NULL);
		el(tr, "td", a->service);
		el(tr, "td", a->alert);
		cell(tr, "td", true, "%" PRId64, a->pages);
		cell(tr, "td", true, "%" PRId64, a->ooh);
		cell(tr, "td", true, "%" PRId64, a->sleep);
		cell(tr, "td", true, "%" PRId64, a->unacted);
		cell(tr, "td", true, "%" PRId64, a->no_runbook);
		badge(el(tr, "td", NULL), a->worst);
	}
	if (r->n_alerts == 0) {
		tr = el(tbl, "tr", NULL);
		attr(el(tr, "td", "No pages this month."), "colspan", "8");
	}
	for (size_t k = 0; k < r->n_alerts; k++)
		if (r->alerts[k].unacted > 0) {
			if (shown++ == 0)
				el(body, "h2", "Could it have waited until morning?");
			why(body, &r->alerts[k].st[IND_ALERT_UNACTED]);
		}
	shown = 0;
	for (size_t k = 0; k < r->n_alerts; k++)
		if (r->alerts[k].no_runbook > 0) {
			if (shown++ == 0)
				el(body, "h2", "Alerts without a runbook link");
			why(body, &r->alerts[k].st[IND_ALERT_NO_RUNBOOK]);
		}
	if (r->n_services > 0) {
		el(body, "h2", "Services");
		tbl = el(body, "table", NULL);
		tr = el(tbl, "tr", NULL);
		el(tr, "th", "Service");
		cell(tr, "th", true, "Pages");
		cell(tr, "th", true, "Out of hours");
		cell(tr, "th", true, "In sleep hours");
		for (size_t k = 0; k < r->n_services; k++) {
			tr = el(tbl, "tr", NULL);
			el(tr, "td", r->services[k].service);
			cell(tr, "td", true, "%" PRId64, r->services[k].pages);
			cell(tr, "td", true, "%" PRId64, r->services[k].ooh);
			cell(tr, "td", true, "%" PRId64, r->services[k].sleep);
		}
	}
}

int
render_html(const struct monthly_report *r, FILE *f, const char *name)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head, body, n, charts;
	int ret;
	char title[64];

	if (doc == NULL)
		return rota_fail(EX_SOFTWARE, "libxml2 cannot make a document");
	xmlCreateIntSubset(doc, X("html"), NULL, NULL);
	html = xmlNewNode(NULL, X("html"));
	xmlDocSetRootElement(doc, html);
	xmlNewProp(html, X("lang"), X("en"));
	head = el(html, "head", NULL);
	n = el(head, "meta", NULL);
	xmlNewProp(n, X("charset"), X("utf-8"));
	n = el(head, "meta", NULL);
	xmlNewProp(n, X("name"), X("viewport"));
	xmlNewProp(n, X("content"), X("width=device-width, initial-scale=1"));
	snprintf(title, sizeof title, "On-call report %s", r->month_name);
	el(head, "title", title);
	el(head, "style", css);
	body = el(html, "body", NULL);
	el(body, "h1", title);
	n = elf(body, "p", "Months in %s. Overall status: ", r->zone);
	attr(n, "class", "sub");
	badge(n, r->worst);
	team(body, r);
	el(body, "h2", "Charts");
	charts = el(body, "div", NULL);
	attr(charts, "class", "charts");
	chart_trend(charts, r);
	chart_people(charts, r);
	chart_hours(charts, r);
	people(body, r);
	alerts(body, r);
	ret = html_save(doc, f, name);
	xmlFreeDoc(doc);
	return ret;
}

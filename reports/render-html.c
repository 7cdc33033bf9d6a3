/* The monthly report as one self-contained HTML page a manager reads in
 * 30 seconds: the headline first (the team against the goal, its trend,
 * the change against last month, who needs attention, each once), then
 * who was on call when, the alerts to fix, the people and why they need
 * attention, the charts, the team's other figures and the services.
 * Inline CSS and SVG, no script; every node built with libxml2, so that
 * every value is escaped when the tree is written. Each finding
 * (reports/findings.h, the list the text report tells) is told once. */
#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>

#include "common/err.h"
#include "common/html-save.h"
#include "common/tz.h"
#include "reports/findings.h"
#include "reports/html.h"
#include "reports/monthly.h"

/* The headline names at most this many people; it counts the others. */
#define HEADLINE_PEOPLE 4

static const char css[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
	"sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:1200px;"
	"padding:20px 28px;line-height:1.4}"
	"h1{font-size:26px;margin:0 0 2px}"
	"h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}"
	"h3{font-size:15px;margin:14px 0 6px}"
	"#headline h2{margin-top:10px}"
	".sub{color:#59636e;margin:0 0 10px;font-size:14px}"
	".head{display:grid;grid-template-columns:minmax(0,1fr) 400px;gap:8px 28px;"
	"align-items:start}"
	".overall{font-size:18px;font-weight:600;margin:0 0 6px}"
	".change{margin:6px 0;font-size:15px}"
	".attention{list-style:none;padding:0;margin:0}"
	".attention li{margin:0 0 6px}"
	".why{margin:2px 0;font-size:14px}"
	".advice{font-size:15px;margin:6px 0 10px}"
	".scroll{overflow-x:auto;max-width:100%}"
	"table{border-collapse:collapse;font-size:14px;margin:6px 0 10px}"
	"th,td{padding:5px 8px;border-bottom:1px solid #e6e8eb;text-align:left;"
	"white-space:nowrap;vertical-align:top}th{background:#f6f8fa;font-weight:600}"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	".badge{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;"
	"font-weight:700;letter-spacing:.03em;border:1px solid;white-space:nowrap}"
	".green{color:#1a7f37;background:#dafbe1;border-color:#1a7f37}"
	".amber{color:#7d4e00;background:#fff1c2;border-color:#bf8700}"
	".red{color:#b42318;background:#ffe4e0;border-color:#b42318}"
	".grey{color:#59636e;background:#f6f8fa;border-color:#8c959f}"
	".charts{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px 32px}"
	"figure{margin:0}figure svg{display:block;width:100%;height:auto}"
	"figcaption{font-size:13px;color:#59636e}"
	"ul.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;"
	"gap:2px 16px;font-size:13px;color:#59636e}"
	".swatch{display:inline-block;width:12px;height:12px;border-radius:2px;"
	"margin-right:6px;vertical-align:-1px}"
	".columns{font-size:13px;color:#59636e;margin:4px 0 12px}"
	"svg text{font-family:inherit;font-size:12px;fill:#1f2328}"
	"svg .axis-title{fill:#59636e}"
	".strip-row h3{font-size:14px;margin:10px 0 4px;font-weight:600}"
	"ol.strip{display:flex;list-style:none;padding:0;margin:0;border:1px solid #d0d7de;"
	"border-radius:6px;overflow:hidden}"
	"ol.strip li{min-width:0;flex-basis:0;padding:4px 6px;border-right:1px solid #d0d7de;"
	"font-size:13px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}"
	"ol.strip li:last-child{border-right:0}"
	"ol.strip li.gap{background:#f6f8fa;color:#59636e}"
	"ol.strip .who{font-weight:600;margin-right:6px}"
	"@media (max-width:760px){body{padding:12px}"
	".head,.charts{grid-template-columns:minmax(0,1fr)}"
	"ol.strip{flex-direction:column}ol.strip li{flex:0 0 auto!important;border-right:0;"
	"border-bottom:1px solid #d0d7de}}"
	"@media print{body{padding:0;max-width:none}h2{break-after:avoid}"
	"table,figure{break-inside:avoid}"
	".badge,.swatch,ol.strip li{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/* Whether finding F is of OF (and of INDICATOR unless -1). */
static bool
is_of(const struct finding *f, enum finding_of of, int indicator)
{
	return f->of == of && (indicator < 0 || f->indicator == indicator);
}

/* Whether FS[0..NF) has a finding of OF (and of INDICATOR unless -1). */
static bool
any_of(const struct finding *fs, size_t nf, enum finding_of of, int indicator)
{
	for (size_t k = 0; k < nf; k++)
		if (is_of(&fs[k], of, indicator))
			return true;
	return false;
}

/* The findings of FS[0..NF) of OF (and of INDICATOR unless -1) under
 * PARENT. */
static void
told(xmlNodePtr parent, const struct finding *fs, size_t nf, enum finding_of of, int indicator)
{
	for (size_t k = 0; k < nf; k++)
		if (is_of(&fs[k], of, indicator))
			why(parent, fs[k].st);
}

static xmlNodePtr
section(xmlNodePtr body, const char *id, const char *heading)
{
	xmlNodePtr s = el(body, "section", NULL);

	attr(s, "id", "%s", id);
	el(s, "h2", heading);
	return s;
}

/* "9 more than in December 2026." */
static void
change_words(int64_t now, int64_t before, const char *month, char *buf, size_t len)
{
	if (now > before)
		snprintf(buf, len, "%" PRId64 " more than in %s.", now - before, month);
	else if (now < before)
		snprintf(buf, len, "%" PRId64 " fewer than in %s.", before - now, month);
	else
		snprintf(buf, len, "As many as in %s.", month);
}

/* Whether the report's store has data from before its month: last
 * month's figures are then figures, not a month before any data. */
static bool
has_last_month(const struct monthly_report *r)
{
	return r->prev != NULL && r->team.trend_first < MONTHLY_TREND - 1;
}

/* P's indicators of status S as the headline names them: "sleep
 * interruptions, nights interrupted". */
static void
indicators_of(const struct mr_person *p, enum ind_status s, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST && used < len; i++)
		if (p->st[i].status == s)
			used += (size_t)snprintf(buf + used, len - used, "%s%c%s",
						 used > 0 ? ", " : "",
						 tolower((unsigned char)ind_def(i)->label[0]),
						 ind_def(i)->label + 1);
}

/* Who needs attention, each once and in a few lines: the
 * HEADLINE_PEOPLE most concerning (monthly_attention) by name with the
 * indicators that make them red or amber, then how many more and where
 * to read about them. Why, in sentences, is in the people section. */
static void
attention(xmlNodePtr parent, const struct monthly_report *r)
{
	struct attention *who;
	size_t n = monthly_attention(r, &who);
	xmlNodePtr ul, li, a;
	char buf[1024];

	/* A volunteer sees their own row only: the page says nothing of
	 * anyone else's. */
	el(parent, "h2", r->own_row_only ? "Your indicators" : "Who needs attention");
	if (n == 0) {
		el(parent, "p", r->own_row_only ? "None of yours is amber or red." :
		   "Nobody: no one's indicator is amber or red.");
		return;
	}
	ul = el(parent, "ul", NULL);
	attr(ul, "class", "attention");
	for (size_t k = 0; k < n && k < HEADLINE_PEOPLE; k++) {
		const struct mr_person *p = &r->people[who[k].index];

		li = el(ul, "li", NULL);
		badge(li, who[k].worst);
		add_text(li, " ");
		attr(el(li, "strong", p->handle), "title", "%s", p->name);
		indicators_of(p, who[k].worst, buf, sizeof buf);
		add_text(li, ": ");
		add_text(li, buf);
	}
	if (n > HEADLINE_PEOPLE) {
		int red = 0;

		for (size_t k = HEADLINE_PEOPLE; k < n; k++)
			red += who[k].worst == IND_RED;
		li = el(ul, "li", NULL);
		attr(li, "class", "more");
		snprintf(buf, sizeof buf, "and %zu more (%d red, %zu amber), each with why under ",
			 n - HEADLINE_PEOPLE, red, n - HEADLINE_PEOPLE - (size_t)red);
		add_text(li, buf);
		a = el(li, "a", "People");
		attr(a, "href", "#why");
		add_text(li, ".");
	}
	free(who);
}

static void
headline(xmlNodePtr body, const struct monthly_report *r, const struct finding *fs, size_t nf)
{
	const struct tz_zone *zone = tz_lookup_or_utc(r->zone);
	xmlNodePtr h = el(body, "header", NULL), head, text, p;
	struct local_time l;
	char month[32], buf[256];
	static const char *const wd[] = { "Sunday", "Monday", "Tuesday", "Wednesday",
		"Thursday", "Friday", "Saturday" };

	attr(h, "id", "headline");
	month_words(r->year, r->month, month, sizeof month);
	elf(h, "h1", "On-call report: %s", month);
	tz_to_local(zone, r->now, &l);
	month_words(l.year, l.month, buf, sizeof buf);
	p = elf(h, "p", "Generated on %s %d %s at %02d:%02d. Dates and times are in the %s "
		"time zone.", wd[l.wday], l.day, buf, l.hour, l.minute, r->zone);
	attr(p, "class", "sub");
	head = el(h, "div", NULL);
	attr(head, "class", "head");
	text = el(head, "div", NULL);
	p = elf(text, "p", "Overall status for %s: ", month);
	attr(p, "class", "overall");
	badge(p, r->worst);
	told(text, fs, nf, FINDING_TEAM, IND_TEAM_OOH);
	if (has_last_month(r)) {
		char prev[32];

		month_words(r->prev->year, r->prev->month, prev, sizeof prev);
		change_words(r->team.v[IND_TEAM_OOH], r->prev->team.v[IND_TEAM_OOH], prev, buf,
			     sizeof buf);
		p = elf(text, "p", "Out-of-hours interruptions: %s", buf);
	} else
		p = el(text, "p", "No earlier month with data to compare with.");
	attr(p, "class", "change");
	told(text, fs, nf, FINDING_FORECAST, -1);
	attention(text, r);
	chart_trend(head, r);
}

static void
oncall(xmlNodePtr body, const struct monthly_report *r)
{
	xmlNodePtr s = section(body, "oncall", "Who was on call");

	oncall_strip(s, r);
}

static void
alerts(xmlNodePtr body, const struct monthly_report *r, const struct finding *fs, size_t nf)
{
	xmlNodePtr s = section(body, "alerts", "Alerts to fix"), tbl, tr, p;

	p = el(s, "p", any_of(fs, nf, FINDING_ALERT, -1) ? "What to do: start with the noisiest alerts, at the top of the "
	       "table. Fix or retune those that interrupt people out of hours, let those "
	       "resolved without anyone acting wait until morning (lower their urgency), and "
	       "give every alert a runbook link." : "No alert needs work this month.");
	attr(p, "class", "advice");
	if (r->n_alerts == 0)
		return;
	tbl = table_box(s);
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
	if (r->n_alerts > 20)
		elf(s, "p", "%zu more alerts in --format json.", r->n_alerts - 20);
	for (int i = IND_ALERT_FIRST; i <= IND_ALERT_LAST; i++)
		if (any_of(fs, nf, FINDING_ALERT, i)) {
			el(s, "h3", finding_alert_heading(i));
			told(s, fs, nf, FINDING_ALERT, i);
		}
}

/* P's out-of-hours interruptions against last month's: "+2", "-1", "0"
 * (none last month when last month's report does not list P: it lists
 * everyone interrupted), "-" when there is no earlier data. */
static void
person_change(const struct monthly_report *r, const struct mr_person *p, char *buf, size_t len)
{
	const struct mr_person *before;
	int64_t d;

	if (!has_last_month(r)) {
		snprintf(buf, len, "-");
		return;
	}
	before = monthly_person(r->prev, p->id);
	d = p->v[IND_OOH] - (before != NULL ? before->v[IND_OOH] : 0);
	snprintf(buf, len, d == 0 ? "0" : "%+" PRId64, d);
}

static void
people(xmlNodePtr body, const struct monthly_report *r, const struct finding *fs, size_t nf)
{
	xmlNodePtr s = section(body, "people", "People"), tbl, tr, charts;
	char cols[1024] = "";
	size_t used = 0;

	tbl = table_box(s);
	tr = el(tbl, "tr", NULL);
	el(tr, "th", "Person");
	cell(tr, "th", true, "Shifts");
	cell(tr, "th", true, "Hours");
	for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
		attr(cell(tr, "th", true, "%s", ind_def(i)->brief), "title", "%s", ind_def(i)->label);
		if (i == IND_OOH)
			attr(cell(tr, "th", true, "Change"), "title", "Out-of-hours interruptions "
			     "against last month");
	}
	cell(tr, "th", true, "Escalated");
	cell(tr, "th", true, "Pay");
	el(tr, "th", "Status");
	for (size_t k = 0; k < r->n_people; k++) {
		const struct mr_person *p = &r->people[k];
		enum ind_status w = IND_GREEN;
		char v[128];
		xmlNodePtr td;

		tr = el(tbl, "tr", NULL);
		td = el(tr, "td", p->handle);
		attr(td, "title", "%s", p->name);
		cell(tr, "td", true, "%" PRId64, p->shifts);
		cell(tr, "td", true, "%.1f", (double)p->oncall_seconds / 3600.0);
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
			if (p->v[i] < 0)
				snprintf(v, sizeof v, "-");
			else
				ind_format(ind_def(i)->kind, p->v[i], v, sizeof v);
			td = cell(tr, "td", true, "%s", v);
			if (p->st[i].status != IND_GREEN)
				attr(td, "class", "n %s", ind_status_name(p->st[i].status));
			if (p->st[i].status > w)
				w = p->st[i].status;
			if (i == IND_OOH) {
				person_change(r, p, v, sizeof v);
				cell(tr, "td", true, "%s", v);
			}
		}
		cell(tr, "td", true, "%" PRId64, p->escalations);
		monthly_pay_text(p, v, sizeof v);
		cell(tr, "td", true, "%s", v[0] ? v : "-");
		badge(el(tr, "td", NULL), w);
	}
	for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST && used < sizeof cols; i++)
		used += (size_t)snprintf(cols + used, sizeof cols - used, "%s%s: %s",
					 i > IND_PERSON_FIRST ? "; " : "", ind_def(i)->brief,
					 ind_def(i)->label);
	attr(el(s, "p", cols), "class", "columns");
	if (any_of(fs, nf, FINDING_PERSON, -1)) {
		attr(el(s, "h3", "Why they are amber or red"), "id", "why");
		told(s, fs, nf, FINDING_PERSON, -1);
	}
	if (any_of(fs, nf, FINDING_PERSON_GREY, -1)) {
		el(s, "h3", "Too few to judge (shown, not judged)");
		told(s, fs, nf, FINDING_PERSON_GREY, -1);
	}
	el(s, "h3", "When the interruptions came");
	charts = el(s, "div", NULL);
	attr(charts, "class", "charts");
	chart_people(charts, r);
	chart_hours(charts, r);
}

static void
team(xmlNodePtr body, const struct monthly_report *r, const struct finding *fs, size_t nf)
{
	const struct mr_team *t = &r->team;
	xmlNodePtr s = section(body, "team", "The team's other figures"), tbl, tr;
	char v[64];

	elf(s, "p", "%" PRId64 " page%s this month made %" PRId64 " interruption%s, %" PRId64
	    " of them in sleep hours.", t->pages, t->pages == 1 ? "" : "s", t->interruptions,
	    t->interruptions == 1 ? "" : "s", t->sleep_interruptions);
	if (t->owners_pages > 0)
		elf(s, "p", "Handled by the services' own teams in business hours: %" PRId64
		    " page%s.", t->owners_pages, t->owners_pages == 1 ? "" : "s");
	tbl = table_box(s);
	tr = el(tbl, "tr", NULL);
	el(tr, "th", "Indicator");
	cell(tr, "th", true, "Value");
	el(tr, "th", "Status");
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++) {
		if (i == IND_TEAM_OOH)
			continue;       /* the headline's */
		tr = el(tbl, "tr", NULL);
		el(tr, "td", ind_def(i)->label);
		if (t->v[i] < 0)
			snprintf(v, sizeof v, "-");
		else
			ind_format(ind_def(i)->kind, t->v[i], v, sizeof v);
		cell(tr, "td", true, "%s", v);
		badge(el(tr, "td", NULL), t->st[i].status);
	}
	for (size_t k = 0; k < nf; k++)
		if (fs[k].of == FINDING_TEAM && fs[k].indicator != IND_TEAM_OOH)
			why(s, fs[k].st);
}

static void
services(xmlNodePtr body, const struct monthly_report *r)
{
	xmlNodePtr s, tbl, tr;

	if (r->n_services == 0)
		return;
	s = section(body, "services", "Pages by service");
	tbl = table_box(s);
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

int
render_html(const struct monthly_report *r, FILE *f, const char *name)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head, body, n;
	struct finding *fs;
	size_t nf;
	int ret;

	if (doc == NULL)
		return rota_fail(EX_SOFTWARE, "libxml2 cannot make a document");
	nf = monthly_findings(r, &fs);
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
	elf(head, "title", "On-call report %s", r->month_name);
	el(head, "style", css);
	body = el(html, "body", NULL);
	headline(body, r, fs, nf);
	oncall(body, r);
	alerts(body, r, fs, nf);
	people(body, r, fs, nf);
	team(body, r, fs, nf);
	services(body, r);
	free(fs);
	ret = html_save(doc, f, name);
	xmlFreeDoc(doc);
	return ret;
}

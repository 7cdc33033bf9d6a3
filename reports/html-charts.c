/* The monthly report's charts: inline SVG built with libxml2, each with
 * axes that carry a scale and a title, a legend of swatches and a
 * caption (html.h). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "reports/html.h"

#define AXIS "#59636e"
#define GRID "#e6e8eb"
#define IN_HOURS "#afb8c1"
#define AWAKE "#d4a72c"
#define ASLEEP "#8250df"

static xmlNodePtr
svg(xmlNodePtr parent, int w, int h, const char *label)
{
	xmlNodePtr s = el(parent, "svg", NULL);

	attr(s, "xmlns", "http://www.w3.org/2000/svg");
	attr(s, "viewBox", "0 0 %d %d", w, h);
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

static xmlNodePtr
text(xmlNodePtr s, double x, double y, const char *anchor, const char *t)
{
	xmlNodePtr n = el(s, "text", t);

	attr(n, "x", "%.1f", x);
	attr(n, "y", "%.1f", y);
	attr(n, "text-anchor", "%s", anchor);
	return n;
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

/* A step of 1, 2 or 5 times a power of ten giving at most 5 ticks up to
 * MAX, and the top of the scale (a multiple of it, at least 1). */
static int64_t
scale_step(int64_t max, int64_t *top)
{
	int64_t step = 1;

	for (int64_t p = 1; step * 5 < max; p *= 10)
		step = max <= 10 * p ? 2 * p : max <= 25 * p ? 5 * p : 10 * p;
	*top = max < 1 ? step : (max + step - 1) / step * step;
	return step;
}

/* A vertical scale from 0 to TOP by STEP at X0, over [Y0 (top), Y1]
 * (0 at Y1), grid lines across to X1, and TITLE along it. */
static void
y_axis(xmlNodePtr s, double x0, double x1, double y0, double y1, int64_t top, int64_t step,
       const char *title)
{
	char buf[32];
	xmlNodePtr t;

	for (int64_t v = 0; v <= top; v += step) {
		double y = y1 - (y1 - y0) * (double)v / (double)top;

		if (v > 0)
			line(s, x0, y, x1, y, GRID, false);
		snprintf(buf, sizeof buf, "%" PRId64, v);
		text(s, x0 - 6, y + 4, "end", buf);
	}
	line(s, x0, y0, x0, y1, AXIS, false);
	line(s, x0, y1, x1, y1, AXIS, false);
	t = text(s, 12, (y0 + y1) / 2, "middle", title);
	attr(t, "transform", "rotate(-90 12 %.1f)", (y0 + y1) / 2);
	attr(t, "class", "axis-title");
}

static void
x_title(xmlNodePtr s, double x, double y, const char *title)
{
	attr(text(s, x, y, "middle", title), "class", "axis-title");
}

void
chart_trend(xmlNodePtr parent, const struct monthly_report *r)
{
	const int W = 440, H = 240, L = 48, R = 12, B = 44, T = 14;
	const struct ind_threshold *th = &r->th.t[IND_TEAM_OOH];
	const int first = r->team.trend_first, n = MONTHLY_TREND - first;
	xmlNodePtr fig = el(parent, "figure", NULL), s;
	int64_t max = r->th.goal, top, step;
	double bw, gy;
	char buf[48], a[48], rd[48];

	attr(fig, "id", "trend");
	for (int i = first; i < MONTHLY_TREND; i++)
		if (r->team.trend[i].ooh > max)
			max = r->team.trend[i].ooh;
	step = scale_step(max, &top);
	s = svg(fig, W, H, "Out-of-hours interruptions per month against the goal");
	y_axis(s, L, W - R, T, H - B, top, step, "interruptions");
	bw = (double)(W - L - R) / n;
	for (int i = first; i < MONTHLY_TREND; i++) {
		int64_t v = r->team.trend[i].ooh;
		enum ind_status st = v >= th->red ? IND_RED : v >= th->amber ? IND_AMBER : IND_GREEN;
		double x = L + (i - first) * bw + bw * 0.2, h = (double)v * (H - B - T) / (double)top;

		rect(s, x, H - B - h, bw * 0.6, h, html_fill[st]);
		snprintf(buf, sizeof buf, "%" PRId64, v);
		text(s, x + bw * 0.3, H - B - h - 4, "middle", buf);
		snprintf(buf, sizeof buf, "%04d-%02d", r->team.trend[i].year, r->team.trend[i].month);
		text(s, x + bw * 0.3, H - B + 16, "middle", buf);
	}
	x_title(s, L + (W - L - R) / 2.0, H - 6, "month");
	gy = H - B - (double)r->th.goal * (H - B - T) / (double)top;
	line(s, L, gy, W - R, gy, html_fill[IND_RED], true);
	snprintf(buf, sizeof buf, "goal < %" PRId64, r->th.goal);
	text(s, W - R - 2, gy - 5, "end", buf);
	snprintf(a, sizeof a, "fewer than %" PRId64, th->amber);
	snprintf(rd, sizeof rd, "%" PRId64 " or more", th->red);
	snprintf(buf, sizeof buf, "%" PRId64 " to %" PRId64, th->amber, th->red - 1);
	{
		const char *const colour[] = { html_fill[IND_GREEN], html_fill[IND_AMBER],
					       html_fill[IND_RED] };
		const char *const label[] = { a, buf, rd };

		legend(fig, th->red > th->amber ? 3 : 2, colour, label);
	}
	el(fig, "figcaption", "Out-of-hours interruptions per month, from the first month "
	   "with data; the dashed line is the goal.");
}

void
chart_people(xmlNodePtr parent, const struct monthly_report *r)
{
	const int W = 520, L = 96, R = 40, RH = 26, T = 8, B = 44;
	const int rows = (int)(r->n_people > 0 ? r->n_people : 1), H = T + RH * rows + B;
	static const char *const colour[] = { ASLEEP, AWAKE, IN_HOURS };
	static const char *const label[] = { "in sleep hours", "out of hours, awake",
		"in working hours" };
	xmlNodePtr fig = el(parent, "figure", NULL), s;
	int64_t max = 1, top, step;
	double sc;
	char buf[32];

	attr(fig, "id", "people-chart");
	for (size_t k = 0; k < r->n_people; k++)
		if (r->people[k].interruptions > max)
			max = r->people[k].interruptions;
	step = scale_step(max, &top);
	sc = (double)(W - L - R) / (double)top;
	s = svg(fig, W, H, "Interruptions per person, stacked by when they came");
	for (int64_t v = 0; v <= top; v += step) {
		double x = L + (double)v * sc;

		if (v > 0)
			line(s, x, T, x, H - B, GRID, false);
		snprintf(buf, sizeof buf, "%" PRId64, v);
		text(s, x, H - B + 16, "middle", buf);
	}
	line(s, L, T, L, H - B, AXIS, false);
	line(s, L, H - B, W - R, H - B, AXIS, false);
	x_title(s, L + (W - L - R) / 2.0, H - 6, "interruptions");
	for (size_t k = 0; k < r->n_people; k++) {
		const struct mr_person *p = &r->people[k];
		/* Stacked: each part once, so the bar's length is the total. */
		const int64_t part[] = { p->v[IND_SLEEP], p->v[IND_OOH] - p->v[IND_SLEEP],
			p->interruptions - p->v[IND_OOH] };
		double y = T + (double)k * RH, x = L;

		text(s, L - 8, y + 17, "end", p->handle);
		for (int i = 0; i < 3; i++)
			if (part[i] > 0) {
				rect(s, x, y + 5, (double)part[i] * sc, RH - 10, colour[i]);
				x += (double)part[i] * sc;
			}
		snprintf(buf, sizeof buf, "%" PRId64, p->interruptions);
		text(s, x + 5, y + 17, "start", buf);
	}
	if (r->n_people == 0)
		text(s, (L + W - R) / 2.0, T + 17, "middle", "nobody was on call");
	legend(fig, 3, colour, label);
	el(fig, "figcaption", "Interruptions per person this month, each bar the total of "
	   "its parts.");
}

void
chart_hours(xmlNodePtr parent, const struct monthly_report *r)
{
	const int W = 520, H = 240, L = 48, R = 12, B = 44, T = 14;
	static const char *const colour[] = { AWAKE, ASLEEP };
	static const char *const label[] = { "evening and morning",
		"default sleep hours (22:00-07:00)" };
	xmlNodePtr fig = el(parent, "figure", NULL), s;
	int64_t max = 1, top, step;
	double bw = (double)(W - L - R) / 24.0;
	char buf[32];

	attr(fig, "id", "hours-chart");
	for (int h = 0; h < 24; h++)
		if (r->by_hour[h] > max)
			max = r->by_hour[h];
	step = scale_step(max, &top);
	s = svg(fig, W, H, "Out-of-hours interruptions by the responder's local hour");
	y_axis(s, L, W - R, T, H - B, top, step, "interruptions");
	for (int i = 0; i < 24; i++) {
		int h = (i + 12) % 24;
		bool night = h >= 22 || h < 7;
		double bh = (double)r->by_hour[h] * (H - B - T) / (double)top, x = L + i * bw;

		if (r->by_hour[h] > 0)
			rect(s, x + 2, H - B - bh, bw - 4, bh, night ? ASLEEP : AWAKE);
		if (h % 3 == 0) {
			snprintf(buf, sizeof buf, "%02d:00", h);
			text(s, x + bw / 2, H - B + 16, "middle", buf);
		}
	}
	x_title(s, L + (W - L - R) / 2.0, H - 6, "the responder's local hour, noon to noon");
	legend(fig, 2, colour, label);
	el(fig, "figcaption", "Out-of-hours interruptions by the hour they came, on the "
	   "responder's clock.");
}

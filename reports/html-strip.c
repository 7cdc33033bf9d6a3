/* Who was on call when: the month as a strip per rotation and tier, one
 * entry per shift or part of a shift (a week's part held by someone
 * else) and one per stretch nobody held, each as wide as its share of
 * the month (html.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "common/tz.h"
#include "reports/html.h"

/* A colour of the handle's own, the same on every strip. */
static const char *
colour_of(const char *handle)
{
	static const char *const palette[] = { "#ddf4ff", "#fff8c5", "#dafbe1", "#ffebe9",
		"#fbefff", "#ffeff7", "#fff1e5", "#eaeef2" };
	unsigned h = 5381;

	for (const unsigned char *c = (const unsigned char *)handle; *c; c++)
		h = h * 33 + *c;
	return palette[h % (sizeof palette / sizeof palette[0])];
}

/* "4-11 Jan", "25 Jan-1 Feb": the local days of [FROM, TO). */
static void
days(const struct tz_zone *zone, int64_t from, int64_t to, char *buf, size_t len)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		"Aug", "Sep", "Oct", "Nov", "Dec" };
	struct local_time a, b;

	tz_to_local(zone, from, &a);
	tz_to_local(zone, to - 1, &b);
	if (a.month == b.month && a.day == b.day)
		snprintf(buf, len, "%d %s", a.day, mon[a.month - 1]);
	else if (a.month == b.month)
		snprintf(buf, len, "%d-%d %s", a.day, b.day, mon[a.month - 1]);
	else
		snprintf(buf, len, "%d %s-%d %s", a.day, mon[a.month - 1], b.day, mon[b.month - 1]);
}

/* "Mon 4 Jan 10:00" */
static void
moment(const struct tz_zone *zone, int64_t t, char *buf, size_t len)
{
	static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		"Aug", "Sep", "Oct", "Nov", "Dec" };
	struct local_time l;

	tz_to_local(zone, t, &l);
	snprintf(buf, len, "%s %d %s %02d:%02d", wd[l.wday], l.day, mon[l.month - 1], l.hour,
		 l.minute);
}

/* An entry of STRIP for [FROM, TO): HANDLE's (NULL: nobody's). */
static void
entry(xmlNodePtr strip, const struct monthly_report *r, const struct tz_zone *zone,
      const char *handle, int64_t from, int64_t to)
{
	xmlNodePtr li = el(strip, "li", NULL);
	char d[48], a[48], b[48];

	days(zone, from, to, d, sizeof d);
	moment(zone, from, a, sizeof a);
	moment(zone, to, b, sizeof b);
	attr(li, "style", "flex-grow:%.4f%s%s", (double)(to - from) / (double)(r->to - r->from),
	     handle != NULL ? ";background:" : "", handle != NULL ? colour_of(handle) : "");
	attr(li, "title", "%s: %s to %s", handle != NULL ? handle : "nobody on call", a, b);
	if (handle == NULL)
		attr(li, "class", "gap");
	attr(el(li, "span", handle != NULL ? handle : "nobody"), "class", "who");
	attr(el(li, "span", d), "class", "when");
}

void
oncall_strip(xmlNodePtr parent, const struct monthly_report *r)
{
	const struct tz_zone *zone = tz_lookup_or_utc(r->zone);
	xmlNodePtr strip = NULL;
	int64_t at = r->from;

	if (r->n_parts == 0) {
		el(parent, "p", "Nobody was on call this month.");
		return;
	}
	for (size_t i = 0; i < r->n_parts; i++) {
		const struct mr_part *p = &r->parts[i];

		if (i == 0 || strcmp(p->rotation, p[-1].rotation) != 0 || p->tier != p[-1].tier) {
			xmlNodePtr row;

			if (strip != NULL && at < r->to)
				entry(strip, r, zone, NULL, at, r->to);
			row = el(parent, "div", NULL);
			attr(row, "class", "strip-row");
			elf(row, "h3", "%s, %s tier", p->rotation, tier_name(p->tier));
			strip = el(row, "ol", NULL);
			attr(strip, "class", "strip");
			at = r->from;
		}
		if (p->start > at)
			entry(strip, r, zone, NULL, at, p->start);
		entry(strip, r, zone, p->handle, p->start, p->end);
		if (p->end > at)
			at = p->end;
	}
	if (at < r->to)
		entry(strip, r, zone, NULL, at, r->to);
}

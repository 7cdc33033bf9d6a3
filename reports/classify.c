/* Classification of instants and intervals against an office's working
 * week and a person's sleep window. See classify.h for the rules. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "reports/classify.h"

static int
cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
work_calendar_init(struct work_calendar *c, const char *tz, const char *hours,
		   int64_t office_id, const struct holiday *h, size_t n)
{
	memset(c, 0, sizeof *c);
	if ((c->zone = tz_lookup(tz)) == NULL)
		return -1;
	if (business_hours_parse(hours != NULL && *hours != '\0' ? hours :
				 DEFAULT_BUSINESS_HOURS, &c->hours) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int y, m, d;

		if (office_id != 0 && h[i].office_id != office_id)
			continue;
		if (date_parse(h[i].day, &y, &m, &d) < 0)
			continue;
		if ((c->n_holidays & (c->n_holidays + 1)) == 0 || c->holidays == NULL)
			c->holidays = xreallocarray(c->holidays, 2 * c->n_holidays + 1,
						    sizeof *c->holidays);
		c->holidays[c->n_holidays++] = days_from_civil(y, m, d);
	}
	if (c->n_holidays > 1)
		qsort(c->holidays, c->n_holidays, sizeof *c->holidays, cmp_day);
	return 0;
}

void
work_calendar_free(struct work_calendar *c)
{
	free(c->holidays);
	c->holidays = NULL;
	c->n_holidays = 0;
}

int
work_calendar_is_holiday(const struct work_calendar *c, int64_t day)
{
	size_t lo = 0, hi = c->n_holidays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->holidays[mid] == day)
			return 1;
		if (c->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
sleep_window_init(struct sleep_window *w, const char *tz, int start, int end)
{
	memset(w, 0, sizeof *w);
	if ((w->zone = tz_lookup(tz)) == NULL)
		return -1;
	if (start < 0 || start > 1439 || end < 0 || end > 1439)
		return -1;
	w->start = start;
	w->end = end;
	return 0;
}

/* The local day (days_from_civil) and second of the day of T in ZONE.
 * Speed: a small cache of UTC days whose offset is the same at both ends
 * (no change of offset inside: none of the world's zones changes twice in
 * a day), so that pages in time order ask libical about each zone once a
 * day rather than once a page. */
static void
local_of(const struct tz_zone *zone, int64_t t, int64_t *day, int *sod)
{
	static struct {
		const struct tz_zone *zone;
		int64_t utc_day;
		int offset;
	} cache[32];
	int64_t ud = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), local;
	size_t slot = (size_t)(((uintptr_t)zone >> 4) ^ (uint64_t)ud) % 32;
	struct local_time a, b;
	int offset;

	if (cache[slot].zone == zone && cache[slot].utc_day == ud) {
		offset = cache[slot].offset;
	} else {
		tz_to_local(zone, ud * 86400, &a);
		tz_to_local(zone, ud * 86400 + 86399, &b);
		if (a.utc_offset == b.utc_offset) {
			cache[slot].zone = zone;
			cache[slot].utc_day = ud;
			cache[slot].offset = offset = a.utc_offset;
		} else {
			tz_to_local(zone, t, &a);
			offset = a.utc_offset;
		}
	}
	local = t + offset;
	*day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	*sod = (int)(local - *day * 86400);
}

static int
asleep(const struct sleep_window *w, int64_t t)
{
	int64_t day;
	int sod;

	if (w == NULL || w->start == w->end)
		return 0;
	local_of(w->zone, t, &day, &sod);
	if (w->start < w->end)
		return sod >= w->start * 60 && sod < w->end * 60;
	return sod >= w->start * 60 || sod < w->end * 60;
}

static int64_t
local_day(const struct tz_zone *zone, int64_t t)
{
	int64_t day;
	int sod;

	local_of(zone, t, &day, &sod);
	return day;
}

static int
working_day(const struct work_calendar *c, int64_t day)
{
	int wday = (int)(((day % 7) + 11) % 7);

	return (c->hours.days & (1u << wday)) != 0 && !work_calendar_is_holiday(c, day);
}

enum page_class
classify_instant(const struct work_calendar *c, const struct sleep_window *w, int64_t t)
{
	int64_t day;
	int sod;

	if (asleep(w, t))
		return PAGE_SLEEP;
	local_of(c->zone, t, &day, &sod);
	if (!working_day(c, day))
		return PAGE_OUT_OF_HOURS;
	if (sod >= c->hours.start * 60 && sod < c->hours.end * 60)
		return PAGE_IN_HOURS;
	return PAGE_OUT_OF_HOURS;
}

/* The instant of minute MINUTE (0..1440) of local day DAY in ZONE. */
static int64_t
instant_of(const struct tz_zone *zone, int64_t day, int minute)
{
	int y, m, d;

	civil_from_days(day + minute / 1440, &y, &m, &d);
	minute %= 1440;
	return tz_from_local(zone, y, m, d, minute / 60, minute % 60, 0);
}

struct span {
	int64_t from, to;
};

/* Appends [a, b) clipped to [lo, hi) when anything is left. */
static void
push_span(struct span **v, size_t *n, size_t *cap, int64_t a, int64_t b,
	  int64_t lo, int64_t hi)
{
	if (a < lo)
		a = lo;
	if (b > hi)
		b = hi;
	if (a >= b)
		return;
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = (struct span){ a, b };
}

int64_t
classify_out_of_hours_seconds(const struct work_calendar *c,
			      const struct sleep_window *w, int64_t from, int64_t to)
{
	struct span *in = NULL, *zz = NULL;
	size_t nin = 0, cin = 0, nzz = 0, czz = 0;
	int64_t in_secs = 0, both = 0;

	if (to <= from)
		return 0;
	/* Business hours of every office-local day that touches [from, to). */
	for (int64_t d = local_day(c->zone, from) - 1, last = local_day(c->zone, to) + 1;
	     d <= last; d++)
		if (working_day(c, d))
			push_span(&in, &nin, &cin, instant_of(c->zone, d, c->hours.start),
				  instant_of(c->zone, d, c->hours.end), from, to);
	/* Sleep windows of the responder's own days, each starting on day d. */
	if (w != NULL && w->start != w->end)
		for (int64_t d = local_day(w->zone, from) - 1, last = local_day(w->zone, to) + 1;
		     d <= last; d++)
			push_span(&zz, &nzz, &czz, instant_of(w->zone, d, w->start),
				  instant_of(w->zone, d + (w->start > w->end), w->end),
				  from, to);
	/* Out of hours = everything but (business hours minus sleep). */
	for (size_t i = 0, j = 0; i < nin; i++) {
		in_secs += in[i].to - in[i].from;
		while (j < nzz && zz[j].to <= in[i].from)
			j++;
		for (size_t k = j; k < nzz && zz[k].from < in[i].to; k++) {
			int64_t a = zz[k].from > in[i].from ? zz[k].from : in[i].from;
			int64_t b = zz[k].to < in[i].to ? zz[k].to : in[i].to;

			if (b > a)
				both += b - a;
		}
	}
	free(in);
	free(zz);
	return (to - from) - (in_secs - both);
}

/* Offices' working weeks and out-of-hours on-call windows: see
 * office-hours.h. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "scheduler/office-hours.h"

static int
cmp_int64(const void *a, const void *b)
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
		qsort(c->holidays, c->n_holidays, sizeof *c->holidays, cmp_int64);
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

/* Speed: a small cache of UTC days whose offset is the same at both ends
 * (no change of offset inside: none of the world's zones changes twice in
 * a day), so that pages in time order ask libical about each zone once a
 * day rather than once a page. */
void
local_day_second(const struct tz_zone *zone, int64_t t, int64_t *day, int *sod)
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

static int64_t
local_day(const struct tz_zone *zone, int64_t t)
{
	int64_t day;
	int sod;

	local_day_second(zone, t, &day, &sod);
	return day;
}

static int
working_day(const struct work_calendar *c, int64_t day)
{
	int wday = (int)(((day % 7) + 11) % 7);

	return (c->hours.days & (1u << wday)) != 0 && !work_calendar_is_holiday(c, day);
}

int
work_calendar_open(const struct work_calendar *c, int64_t t)
{
	int64_t day;
	int sod;

	local_day_second(c->zone, t, &day, &sod);
	return working_day(c, day) && sod >= c->hours.start * 60 && sod < c->hours.end * 60;
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

void
time_span_push(struct time_span **v, size_t *n, size_t *cap, int64_t a, int64_t b,
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
	(*v)[(*n)++] = (struct time_span){ a, b };
}

void
work_calendar_spans(const struct work_calendar *c, int64_t from, int64_t to,
		    struct time_span **v, size_t *n, size_t *cap)
{
	if (to <= from)
		return;
	/* Every office-local day that touches [from, to). */
	for (int64_t d = local_day(c->zone, from) - 1, last = local_day(c->zone, to) + 1;
	     d <= last; d++)
		if (working_day(c, d))
			time_span_push(v, n, cap, instant_of(c->zone, d, c->hours.start),
				  instant_of(c->zone, d, c->hours.end), from, to);
}

static int
by_from(const void *a, const void *b)
{
	const struct time_span *x = a, *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

void
oncall_windows(const struct work_calendar *c, size_t n, int64_t from, int64_t to,
	       struct time_span **v, size_t *nv)
{
	struct time_span *open = NULL;
	size_t nopen = 0, cap = 0, vcap = 0;
	int64_t t = from;

	*v = NULL;
	*nv = 0;
	for (size_t i = 0; i < n; i++)
		work_calendar_spans(&c[i], from, to, &open, &nopen, &cap);
	if (nopen > 1)
		qsort(open, nopen, sizeof *open, by_from);
	/* The gaps between the union of every office's hours. */
	for (size_t i = 0; i < nopen; i++) {
		time_span_push(v, nv, &vcap, t, open[i].from, from, to);
		if (open[i].to > t)
			t = open[i].to;
	}
	time_span_push(v, nv, &vcap, t, to, from, to);
	free(open);
}

void
oncall_windows_over(const struct work_calendar *c, size_t n,
		    const struct office_period *p, size_t np, int64_t from, int64_t to,
		    struct time_span **v, size_t *nv)
{
	int64_t *cut = xcalloc(2 * np + 2, sizeof *cut);
	struct work_calendar *open = xcalloc(n ? n : 1, sizeof *open);
	bool *counted = xcalloc(n ? n : 1, sizeof *counted);
	size_t ncut = 0, vcap = 0;

	*v = NULL;
	*nv = 0;
	/* Pieces between the instants where an office starts or stops
	 * counting: within one, the same offices count throughout. */
	cut[ncut++] = from;
	cut[ncut++] = to;
	for (size_t i = 0; i < np; i++) {
		if (p[i].from > from && p[i].from < to)
			cut[ncut++] = p[i].from;
		if (p[i].to > from && p[i].to < to)
			cut[ncut++] = p[i].to;
	}
	qsort(cut, ncut, sizeof *cut, cmp_int64);
	for (size_t i = 0; i + 1 < ncut; i++) {
		struct time_span *w;
		size_t k = 0, nw;

		if (cut[i] == cut[i + 1])
			continue;
		memset(counted, 0, n * sizeof *counted);
		for (size_t j = 0; j < np; j++)
			if (p[j].from <= cut[i] && p[j].to > cut[i] && !counted[p[j].office]) {
				counted[p[j].office] = true;
				open[k++] = c[p[j].office];     /* borrowed */
			}
		oncall_windows(open, k, cut[i], cut[i + 1], &w, &nw);
		for (size_t j = 0; j < nw; j++)
			if (*nv > 0 && (*v)[*nv - 1].to == w[j].from)
				(*v)[*nv - 1].to = w[j].to;     /* one window across the cut */
			else
				time_span_push(v, nv, &vcap, w[j].from, w[j].to, from, to);
		free(w);
	}
	free(counted);
	free(open);
	free(cut);
}

int64_t
time_spans_within(const struct time_span *v, size_t n, int64_t from, int64_t to)
{
	size_t lo = 0, hi = n;
	int64_t sum = 0;

	/* The first span that ends after FROM (the spans are in time order
	 * and do not overlap, so their ends are in order too). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].to <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < n && v[i].from < to; i++) {
		int64_t a = v[i].from > from ? v[i].from : from;
		int64_t b = v[i].to < to ? v[i].to : to;

		sum += b - a;
	}
	return sum;
}

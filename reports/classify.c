/* Classification of instants and intervals against an office's working
 * week and a person's sleep window. See classify.h for the rules. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "reports/classify.h"

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

static int
asleep(const struct sleep_window *w, int64_t t)
{
	int64_t day;
	int sod;

	if (w == NULL || w->start == w->end)
		return 0;
	local_day_second(w->zone, t, &day, &sod);
	if (w->start < w->end)
		return sod >= w->start * 60 && sod < w->end * 60;
	return sod >= w->start * 60 || sod < w->end * 60;
}

enum page_class
classify_instant(const struct work_calendar *c, const struct sleep_window *w, int64_t t)
{
	if (asleep(w, t))
		return PAGE_SLEEP;
	return work_calendar_open(c, t) ? PAGE_IN_HOURS : PAGE_OUT_OF_HOURS;
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

static int64_t
local_day(const struct tz_zone *zone, int64_t t)
{
	int64_t day;
	int sod;

	local_day_second(zone, t, &day, &sod);
	return day;
}

int64_t
classify_out_of_hours_seconds(const struct work_calendar *c,
			      const struct sleep_window *w, int64_t from, int64_t to)
{
	struct time_span *in = NULL, *zz = NULL;
	size_t nin = 0, cin = 0, nzz = 0, czz = 0;
	int64_t in_secs = 0, both = 0;

	if (to <= from)
		return 0;
	work_calendar_spans(c, from, to, &in, &nin, &cin);
	/* Sleep windows of the responder's own days, each starting on day d. */
	if (w != NULL && w->start != w->end)
		for (int64_t d = local_day(w->zone, from) - 1, last = local_day(w->zone, to) + 1;
		     d <= last; d++)
			time_span_push(&zz, &nzz, &czz, instant_of(w->zone, d, w->start),
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

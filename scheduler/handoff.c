#include "config.h"

#include "scheduler/handoff.h"

int64_t
handoff_next(const struct tz_zone *zone, int dow, int minute, int64_t t)
{
	struct local_time lt;

	tz_to_local(zone, t, &lt);
	for (int k = 0; k <= 7; k++) {
		int y = lt.year, m = lt.month, d = lt.day;
		int64_t at;

		civil_add_days(&y, &m, &d, k);
		if (civil_weekday(y, m, d) != dow)
			continue;
		at = tz_from_local(zone, y, m, d, minute / 60, minute % 60, 0);
		if (at >= t)
			return at;
	}
	/* Unreachable: within 8 days the weekday recurs after t. */
	return t;
}

void
handoff_series(const struct tz_zone *zone, int64_t first, int minute, int shift_days,
	       int count, int64_t *out)
{
	struct local_time lt;

	tz_to_local(zone, first, &lt);
	for (int i = 0; i <= count; i++) {
		int y = lt.year, m = lt.month, d = lt.day;

		civil_add_days(&y, &m, &d, i * shift_days);
		out[i] = tz_from_local(zone, y, m, d, minute / 60, minute % 60, 0);
	}
}

#include <config.h>  /* autoconf's, not common/config.h */

#include <stdbool.h>
#include <stdlib.h>

#include "common/tz-ical.h"

/* libical keeps the zones it loaded until told; told once, at exit, so
 * that no pointer handed out is freed under its user. */
static void
free_libical_zones(void)
{
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}

icaltimezone *
tz_ical(const struct tz_zone *zone)
{
	static bool registered;

	if (zone == NULL)
		return NULL;
	if (zone == tz_utc())
		return icaltimezone_get_utc_timezone();
	if (!registered) {
		atexit(free_libical_zones);
		registered = true;
	}
	return icaltimezone_get_builtin_timezone(tz_name(zone));
}

static int
ical_offset(void *ctx, int64_t t)
{
	struct icaltimetype tt = icaltime_from_timet_with_zone((time_t)t, 0,
							       icaltimezone_get_utc_timezone());
	int is_daylight = 0;

	return icaltimezone_get_utc_offset_of_utc_time(ctx, &tt, &is_daylight);
}

struct tz_zone *
tz_from_ical(icaltimezone *zone)
{
	return tz_custom_new(icaltimezone_get_tzid(zone), ical_offset, zone);
}

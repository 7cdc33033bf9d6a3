#include <config.h>  /* autoconf's, not common/config.h */

#include <stdint.h>
#include <string.h>

#include "common/tz.h"

#define TZ_CACHE_NAME 64

/* Zones already looked up, by name: libical finds a builtin zone by a
 * linear search over some 600 names, and a command that prints a row per
 * rotation asks for the same few zones again and again. Unknown names are
 * remembered too (as NULL). Emptied by tz_cleanup(). */
#define ZONE_CACHE 32
static struct {
	char name[TZ_CACHE_NAME];
	icaltimezone *zone;
} zones[ZONE_CACHE];
static size_t n_zones, next_zone;

/* UTC offsets already computed, by zone and instant (direct-mapped): libical
 * answers each one by a binary search and a few conversions, and the same
 * instant comes back often (every rotation of a zone hands off at once). */
#define OFFSET_CACHE 512
static struct {
	icaltimezone *zone;
	int64_t t;
	int offset;
} offsets[OFFSET_CACHE];

icaltimezone *
tz_lookup(const char *name)
{
	icaltimezone *zone;
	size_t len;

	if (name == NULL || *name == '\0')
		return NULL;
	if (strcmp(name, "UTC") == 0 || strcmp(name, "Etc/UTC") == 0)
		return icaltimezone_get_utc_timezone();
	for (size_t i = 0; i < n_zones; i++)
		if (strcmp(zones[i].name, name) == 0)
			return zones[i].zone;
	zone = icaltimezone_get_builtin_timezone(name);
	if ((len = strlen(name)) < TZ_CACHE_NAME) {
		/* Full: overwrite the oldest entry. */
		size_t i = n_zones < ZONE_CACHE ? n_zones++ : next_zone++ % ZONE_CACHE;

		memcpy(zones[i].name, name, len + 1);
		zones[i].zone = zone;
	}
	return zone;
}

const char *
tz_name(icaltimezone *zone)
{
	if (zone == icaltimezone_get_utc_timezone())
		return "UTC";
	return icaltimezone_get_location(zone);
}

int64_t
days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's algorithm: exact for every Gregorian date. */
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int
civil_weekday(int y, int m, int d)
{
	int64_t days = days_from_civil(y, m, d);

	/* 1970-01-01 was a Thursday (4). */
	return (int)(((days % 7) + 11) % 7);
}

int
civil_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && leap);
}

void
civil_add_days(int *y, int *m, int *d, int n)
{
	civil_from_days(days_from_civil(*y, *m, *d) + n, y, m, d);
}

static int
utc_offset_at(icaltimezone *zone, int64_t t)
{
	struct icaltimetype tt;
	int is_daylight = 0;
	uint64_t h;
	size_t slot;

	if (zone == icaltimezone_get_utc_timezone())
		return 0;
	h = ((uint64_t)(uintptr_t)zone ^ (uint64_t)t) * UINT64_C(0x9e3779b97f4a7c15);
	slot = (size_t)(h >> 55) % OFFSET_CACHE;
	if (offsets[slot].zone == zone && offsets[slot].t == t)
		return offsets[slot].offset;
	tt = icaltime_from_timet_with_zone((time_t)t, 0,
					   icaltimezone_get_utc_timezone());
	offsets[slot].zone = zone;
	offsets[slot].t = t;
	offsets[slot].offset = icaltimezone_get_utc_offset_of_utc_time(zone, &tt,
								       &is_daylight);
	return offsets[slot].offset;
}

void
tz_to_local(icaltimezone *zone, int64_t t, struct local_time *out)
{
	int offset = utc_offset_at(zone, t);
	int64_t local = t + offset;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	int64_t secs = local - days * 86400;

	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
	out->wday = (int)(((days % 7) + 11) % 7);
	out->utc_offset = offset;
}

int64_t
tz_from_local(icaltimezone *zone, int y, int mo, int d, int h, int mi, int s)
{
	int64_t local = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	/* Offsets a day either side bracket any single change of offset. */
	int64_t before = local - utc_offset_at(zone, local - 86400);
	int64_t after = local - utc_offset_at(zone, local + 86400);
	int64_t first = before < after ? before : after;
	int64_t second = before < after ? after : before;

	if (first + utc_offset_at(zone, first) == local)
		return first;     /* unambiguous, or the earlier of two */
	if (second + utc_offset_at(zone, second) == local)
		return second;
	/* In a gap: read the wall time with the offset from before the change,
	 * which lands just after the gap by as much as the time was inside it. */
	return before;
}

void
tz_cleanup(void)
{
	memset(zones, 0, sizeof zones);
	memset(offsets, 0, sizeof offsets);
	n_zones = next_zone = 0;
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}

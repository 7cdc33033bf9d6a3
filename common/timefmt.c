#include <config.h>  /* autoconf's, not common/config.h */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/err.h"
#include "common/timefmt.h"

static const char *const weekdays[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };

const char *
weekday_name(int dow)
{
	return dow >= 0 && dow < 7 ? weekdays[dow] : "?";
}

/* Reads exactly n digits at *p, advancing it. -1 when they are not there. */
static int
digits(const char **p, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return v;
}

bool
time_in_range(int64_t t)
{
	return t >= 0 && t < ROTA_TIME_END;
}

static int
date_read(const char **p, int *y, int *m, int *d)
{
	if ((*y = digits(p, 4)) < 0 || *(*p)++ != '-' ||
	    (*m = digits(p, 2)) < 0 || *(*p)++ != '-' ||
	    (*d = digits(p, 2)) < 0)
		return -1;
	if (*m < 1 || *m > 12 || *d < 1 || *d > civil_days_in_month(*y, *m))
		return -1;
	if (!time_in_range(days_from_civil(*y, *m, *d) * 86400))
		return TIME_OUT_OF_RANGE;
	return 0;
}

int
date_parse(const char *s, int *y, int *m, int *d)
{
	const char *p = s;
	int r;

	/* After a -1, P may be past the end: it is not read again. */
	if ((r = date_read(&p, y, m, d)) == -1 || *p != '\0')
		return -1;
	return r;
}

/* OUT set to T: 0, or TIME_OUT_OF_RANGE. */
static int
in_range(int64_t t, int64_t *out)
{
	if (!time_in_range(t))
		return TIME_OUT_OF_RANGE;
	*out = t;
	return 0;
}

int
time_parse(const char *s, const struct tz_zone *zone, int64_t *out)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, sign, oh, om, r;
	int64_t local;

	/* The year's range is checked on the instant (below), after the
	 * syntax: a year 9999 is out of range, not malformed. */
	if ((r = date_read(&p, &y, &mo, &d)) == -1)
		return -1;
	if (*p == '\0')
		return in_range(tz_from_local(zone, y, mo, d, 0, 0, 0), out);
	if (*p != 'T' && *p != ' ')
		return -1;
	p++;
	if ((h = digits(&p, 2)) < 0 || *p++ != ':' || (mi = digits(&p, 2)) < 0)
		return -1;
	if (*p == ':') {
		p++;
		if ((sec = digits(&p, 2)) < 0)
			return -1;
	}
	if (h > 23 || mi > 59 || sec > 59)
		return -1;
	if (*p == '\0')
		return in_range(tz_from_local(zone, y, mo, d, h, mi, sec), out);
	local = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	if (strcmp(p, "Z") == 0)
		return in_range(local, out);
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '+' ? 1 : -1;
	if ((oh = digits(&p, 2)) < 0)
		return -1;
	if (*p == ':')
		p++;
	if ((om = digits(&p, 2)) < 0 || *p != '\0' || oh > 14 || om > 59)
		return -1;
	return in_range(local - sign * (oh * 3600 + om * 60), out);
}

void
time_format_utc(int64_t t, char *buf, size_t len)
{
	struct local_time lt;

	tz_to_local(tz_utc(), t, &lt);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02dZ", lt.year, lt.month,
		 lt.day, lt.hour, lt.minute, lt.second);
}

void
time_format_local(int64_t t, const struct tz_zone *zone, char *buf, size_t len)
{
	struct local_time lt;

	tz_to_local(zone, t, &lt);
	snprintf(buf, len, "%s %04d-%02d-%02d %02d:%02d", weekdays[lt.wday],
		 lt.year, lt.month, lt.day, lt.hour, lt.minute);
}

void
date_format_local(int64_t t, const struct tz_zone *zone, char *buf, size_t len)
{
	struct local_time lt;

	tz_to_local(zone, t, &lt);
	snprintf(buf, len, "%04d-%02d-%02d", lt.year, lt.month, lt.day);
}

void
day_format_local(int64_t t, const struct tz_zone *zone, char *buf, size_t len)
{
	struct local_time lt;

	tz_to_local(zone, t, &lt);
	snprintf(buf, len, "%s %04d-%02d-%02d", weekdays[lt.wday], lt.year, lt.month, lt.day);
}

void
time_format_typed(int64_t t, const struct tz_zone *zone, char *buf, size_t len)
{
	struct local_time lt;
	int64_t back;
	int n, off;

	tz_to_local(zone, t, &lt);
	n = snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d", lt.year, lt.month, lt.day,
		     lt.hour, lt.minute);
	if (lt.second != 0 && n > 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, ":%02d", lt.second);
	if (time_parse(buf, zone, &back) == 0 && back == t)
		return;
	off = lt.utc_offset < 0 ? -lt.utc_offset : lt.utc_offset;
	if (n > 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "%c%02d:%02d", lt.utc_offset < 0 ? '-' : '+',
			 off / 3600, off / 60 % 60);
}

int
rota_clock(int64_t *now)
{
	const char *env = getenv("ROTA_NOW");

	if (env == NULL || *env == '\0') {
		*now = (int64_t)time(NULL);
		return 0;
	}
	if (time_parse(env, tz_utc(), now) < 0) {
		rota_fail(EX_USAGE, "ROTA_NOW: '%s' is not an ISO 8601 time from "
			  ROTA_DATE_RANGE " (2027-01-04T10:00:00Z)", env);
		return -1;
	}
	return 0;
}

int
clock_parse(const char *s, int *minute)
{
	const char *p = s;
	int h, m;

	if ((h = digits(&p, 2)) < 0 || *p++ != ':' || (m = digits(&p, 2)) < 0 ||
	    *p != '\0' || m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*minute = h * 60 + m;
	return 0;
}

static int
weekday_parse(const char *s, size_t len)
{
	for (int i = 0; i < 7; i++)
		if (len == 3 && strncasecmp(s, weekdays[i], 3) == 0)
			return i;
	return -1;
}

int
weekday_time_parse(const char *s, int *dow, int *minute)
{
	const char *space = strchr(s, ' ');

	if (space == NULL || (*dow = weekday_parse(s, (size_t)(space - s))) < 0)
		return -1;
	while (*space == ' ')
		space++;
	if (clock_parse(space, minute) < 0 || *minute >= 24 * 60)
		return -1;
	return 0;
}

int
business_hours_parse(const char *s, struct business_hours *out)
{
	const char *space = strchr(s, ' '), *dash, *tdash;
	char clock[6];
	int first, last;

	if (space == NULL)
		return -1;
	dash = memchr(s, '-', (size_t)(space - s));
	if (dash == NULL) {
		first = last = weekday_parse(s, (size_t)(space - s));
	} else {
		first = weekday_parse(s, (size_t)(dash - s));
		last = weekday_parse(dash + 1, (size_t)(space - dash - 1));
	}
	if (first < 0 || last < 0)
		return -1;
	out->days = 0;
	for (int d = first;; d = (d + 1) % 7) {
		out->days |= 1u << d;
		if (d == last)
			break;
	}
	while (*space == ' ')
		space++;
	tdash = strchr(space, '-');
	if (tdash == NULL || tdash - space != 5)
		return -1;
	memcpy(clock, space, 5);
	clock[5] = '\0';
	if (clock_parse(clock, &out->start) < 0 || clock_parse(tdash + 1, &out->end) < 0 ||
	    out->start >= out->end)
		return -1;
	return 0;
}

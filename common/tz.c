#include <config.h>  /* autoconf's, not common/config.h */

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/tz.h"

#include "common/xalloc.h"

/* Forward: the zone's data, read from its TZif file (below). */
static bool zone_load(struct tz_zone *zone);

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

/* -- UTC offsets --
 *
 * libical answers an offset by expanding the zone's VTIMEZONE rules (with
 * ICU calendars) from the zone's first rule, 1880 for Dublin, up to some
 * years from now, the first time it is asked about a zone: some 25 ms for
 * the five zones of a large organisation, more than the whole of `rota now`
 * should take. The VTIMEZONE it expands is built from the zone's TZif file
 * in its zone directory (/usr/share/zoneinfo); rota reads that file itself
 * instead: the list of transitions and the POSIX TZ rule of its footer for
 * the times after them (RFC 8536). A zone whose file cannot be read is
 * unknown, to libical as well (icaltimezone_get_builtin_timezone reads the
 * same file). tests/unit/test-time.c checks the two agree at every hour
 * around every change of offset from 1970 to 2040 in the five
 * zones. */

/* One date of a POSIX TZ rule: "Mm.w.d", "Jn" or "n", then "/time". */
struct rule_date {
	char kind;                /* 'M', 'J' or 'D' (zero-based day) */
	int month, week, wday;    /* 'M': week 5 = the last */
	int day;                  /* 'J': 1-365 without Feb 29; 'D': 0-365 */
	int time;                 /* seconds after local midnight, may be < 0 or > 24 h */
};

struct tz_rule {
	int std_off, dst_off;     /* seconds east of UTC */
	bool has_dst;
	struct rule_date start, end;   /* std -> dst, dst -> std */
};

struct tz_zone {
	char *name;
	bool utc;
	int64_t *at;              /* [n] transitions, ascending */
	int *off;                 /* [n] offset from at[i] on */
	size_t n;
	int first_off;            /* before at[0] (time type 0) */
	bool has_rule;            /* the footer's rule, after at[n - 1] */
	struct tz_rule rule;
	int (*offset)(void *ctx, int64_t t);   /* a custom zone's, else NULL */
	void *ctx;
	struct tz_zone *next;     /* zones already read, newest first */
};

static struct tz_zone utc_zone = { .name = (char *)"UTC", .utc = true };
static struct tz_zone *zones;     /* every zone read, until tz_cleanup() */

const struct tz_zone *
tz_utc(void)
{
	return &utc_zone;
}

/* A zone name as the zone database spells them: "Europe/Dublin",
 * "America/Argentina/Buenos_Aires", "Etc/GMT+5"; never a path that could
 * leave the database's folder. */
static bool
zone_name_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len >= 64 || name[0] == '/' || name[0] == '.' ||
	    strstr(name, "..") != NULL || strstr(name, "//") != NULL)
		return false;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && strchr("/_+-", *p) == NULL)
			return false;
	return true;
}

/* Zones already read are kept, by name, so that a command printing a row
 * per shift reads each zone's file once; a pointer handed out stays valid
 * until tz_cleanup(). */
const struct tz_zone *
tz_lookup(const char *name)
{
	struct tz_zone *z;

	if (name == NULL || *name == '\0')
		return NULL;
	if (strcmp(name, "UTC") == 0 || strcmp(name, "Etc/UTC") == 0)
		return &utc_zone;
	for (z = zones; z != NULL; z = z->next)
		if (strcmp(z->name, name) == 0)
			return z;
	if (!zone_name_ok(name))
		return NULL;
	z = xcalloc(1, sizeof *z);
	z->name = xstrdup(name);
	if (!zone_load(z)) {
		free(z->name);
		free(z);
		return NULL;
	}
	z->next = zones;
	zones = z;
	return z;
}

struct tz_zone *
tz_custom_new(const char *name, int (*offset)(void *ctx, int64_t t), void *ctx)
{
	struct tz_zone *z = xcalloc(1, sizeof *z);

	z->name = xstrdup(name ? name : "");
	z->offset = offset;
	z->ctx = ctx;
	return z;
}

void
tz_custom_free(struct tz_zone *zone)
{
	if (zone == NULL)
		return;
	free(zone->name);
	free(zone);
}

const struct tz_zone *
tz_lookup_or_utc(const char *name)
{
	const struct tz_zone *zone = tz_lookup(name);

	return zone != NULL ? zone : &utc_zone;
}

const char *
tz_name(const struct tz_zone *zone)
{
	return zone->name;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* "[+-]hh[:mm[:ss]]" into seconds; NULL when malformed. */
static const char *
parse_hms(const char *p, int *out)
{
	int sign = 1, h = 0, m = 0, s = 0, digits = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	while (*p >= '0' && *p <= '9' && digits < 3)
		h = h * 10 + (*p++ - '0'), digits++;
	if (digits == 0)
		return NULL;
	if (*p == ':') {
		if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
			return NULL;
		m = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
		if (*p == ':') {
			if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
				return NULL;
			s = (p[1] - '0') * 10 + (p[2] - '0');
			p += 3;
		}
	}
	*out = sign * (h * 3600 + m * 60 + s);
	return p;
}

/* A zone abbreviation: three or more letters, or "<...>". */
static const char *
parse_abbr(const char *p)
{
	const char *s = p;

	if (*p == '<') {
		p = strchr(p, '>');
		return p ? p + 1 : NULL;
	}
	while (isalpha((unsigned char)*p))
		p++;
	return p - s >= 3 ? p : NULL;
}

static const char *
parse_number(const char *p, int *out)
{
	int v = 0;

	if (!isdigit((unsigned char)*p))
		return NULL;
	while (isdigit((unsigned char)*p) && v < 1000)
		v = v * 10 + (*p++ - '0');
	*out = v;
	return p;
}

static const char *
parse_rule_date(const char *p, struct rule_date *d)
{
	memset(d, 0, sizeof *d);
	d->time = 7200;
	if (*p == 'M') {
		d->kind = 'M';
		if ((p = parse_number(p + 1, &d->month)) == NULL || *p++ != '.' ||
		    (p = parse_number(p, &d->week)) == NULL || *p++ != '.' ||
		    (p = parse_number(p, &d->wday)) == NULL)
			return NULL;
		if (d->month < 1 || d->month > 12 || d->week < 1 || d->week > 5 ||
		    d->wday > 6)
			return NULL;
	} else if (*p == 'J') {
		d->kind = 'J';
		if ((p = parse_number(p + 1, &d->day)) == NULL || d->day < 1 || d->day > 365)
			return NULL;
	} else {
		d->kind = 'D';
		if ((p = parse_number(p, &d->day)) == NULL || d->day > 365)
			return NULL;
	}
	if (*p == '/')
		p = parse_hms(p + 1, &d->time);
	return p;
}

/* A TZif footer: "std offset [dst [offset] [,start[/time],end[/time]]]".
 * 0, or -1 when it is not one (or names DST without a rule). */
static int
parse_posix_tz(const char *p, struct tz_rule *r)
{
	int west;

	memset(r, 0, sizeof *r);
	if ((p = parse_abbr(p)) == NULL || (p = parse_hms(p, &west)) == NULL)
		return -1;
	r->std_off = r->dst_off = -west;
	if (*p == '\0')
		return 0;
	if ((p = parse_abbr(p)) == NULL)
		return -1;
	r->has_dst = true;
	r->dst_off = r->std_off + 3600;
	if (*p != ',' && *p != '\0') {
		if ((p = parse_hms(p, &west)) == NULL)
			return -1;
		r->dst_off = -west;
	}
	if (*p++ != ',' || (p = parse_rule_date(p, &r->start)) == NULL ||
	    *p++ != ',' || (p = parse_rule_date(p, &r->end)) == NULL || *p != '\0')
		return -1;
	return 0;
}

/* The instant of date D of year Y, read on a clock at offset OFF. */
static int64_t
rule_instant(const struct rule_date *d, int y, int off)
{
	int64_t days;

	if (d->kind == 'M') {
		int first = civil_weekday(y, d->month, 1);
		int day = 1 + (d->wday - first + 7) % 7 + (d->week - 1) * 7;

		while (day > civil_days_in_month(y, d->month))
			day -= 7;
		days = days_from_civil(y, d->month, day);
	} else if (d->kind == 'J') {
		days = days_from_civil(y, 1, 1) + d->day - 1 +
		       (d->day >= 60 && civil_days_in_month(y, 2) == 29);
	} else {
		days = days_from_civil(y, 1, 1) + d->day;
	}
	return days * 86400 + d->time - off;
}

/* The rule's offset at T. The changes are taken in T's own (standard time)
 * year, which is right for every rule whose changes keep clear of the turn
 * of the year, as every zone's do. */
static int
rule_offset(const struct tz_rule *r, int64_t t)
{
	int64_t local = t + r->std_off, start, end;
	int y, m, d;

	if (!r->has_dst)
		return r->std_off;
	civil_from_days(local >= 0 ? local / 86400 : -((-local + 86399) / 86400), &y, &m, &d);
	start = rule_instant(&r->start, y, r->std_off);
	end = rule_instant(&r->end, y, r->dst_off);
	if (start < end)
		return t >= start && t < end ? r->dst_off : r->std_off;
	return t >= end && t < start ? r->std_off : r->dst_off;
}

/* The zone database: the first of the folders libical 3.0 searches
 * (icaltzutil_get_zone_directory) that exists. */
static const char *
zone_directory(void)
{
	static const char *const dirs[] = {
		"/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/etc/zoneinfo",
		"/usr/share/lib/zoneinfo",
	};
	static const char *found;

	for (size_t i = 0; found == NULL && i < sizeof dirs / sizeof dirs[0]; i++)
		if (access(dirs[i], F_OK) == 0)
			found = dirs[i];
	return found;
}

/* Reads the TZif file of the zone ZD names (RFC 8536, versions 1 to 4). */
static bool
zone_load(struct tz_zone *zd)
{
	const char *dir = zone_directory(), *name = zd->name;
	unsigned char *buf = NULL, *p, *end;
	uint32_t cnt[6];
	size_t len = 0, time_size = 4;
	char path[PATH_MAX];
	bool ok = false;
	FILE *f;

	if (dir == NULL || name == NULL || strstr(name, "..") != NULL ||
	    (size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path ||
	    (f = fopen(path, "rb")) == NULL)
		return false;
	buf = xmalloc(1 << 17);
	len = fread(buf, 1, 1 << 17, f);
	fclose(f);
	if (len < 44 || memcmp(buf, "TZif", 4) != 0)
		goto done;
	p = buf;
	end = buf + len;
	for (;;) {
		size_t block;

		for (int i = 0; i < 6; i++)
			cnt[i] = be32(p + 20 + 4 * i);
		/* isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt */
		if (cnt[4] == 0 || cnt[3] > 100000 || cnt[4] > 256 || cnt[5] > 100000 ||
		    cnt[2] > 100000 || cnt[0] > 256 || cnt[1] > 256)
			goto done;
		block = cnt[3] * time_size + cnt[3] + cnt[4] * 6 + cnt[5] +
			cnt[2] * (time_size + 4) + cnt[1] + cnt[0];
		if ((size_t)(end - p) < 44 + block)
			goto done;
		/* Version 2 and later repeat the data with 64-bit times. */
		if (time_size == 4 && buf[4] >= '2') {
			p += 44 + block;
			if ((size_t)(end - p) < 44 || memcmp(p, "TZif", 4) != 0)
				goto done;
			time_size = 8;
			continue;
		}
		break;
	}
	{
		const unsigned char *times = p + 44, *idx = times + cnt[3] * time_size;
		const unsigned char *types = idx + cnt[3];
		size_t block = cnt[3] * time_size + cnt[3] + cnt[4] * 6 + cnt[5] +
			       cnt[2] * (time_size + 4) + cnt[1] + cnt[0];
		const char *footer = (const char *)p + 44 + block;

		zd->n = cnt[3];
		zd->at = xreallocarray(NULL, zd->n, sizeof *zd->at);
		zd->off = xreallocarray(NULL, zd->n, sizeof *zd->off);
		for (size_t i = 0; i < zd->n; i++) {
			if (idx[i] >= cnt[4])
				goto done;
			zd->at[i] = time_size == 8 ? be64(times + 8 * i) :
				    (int32_t)be32(times + 4 * i);
			zd->off[i] = (int32_t)be32(types + 6 * idx[i]);
			if (i > 0 && zd->at[i] <= zd->at[i - 1])
				goto done;
		}
		zd->first_off = (int32_t)be32(types);
		/* The footer, "\nTZ\n", rules the times after the last change. */
		if (time_size == 8 && (const unsigned char *)footer < end && *footer == '\n') {
			const char *nl = memchr(footer + 1, '\n', (size_t)(end - (const unsigned char *)footer - 1));
			char tz[128];

			if (nl != NULL && nl - footer - 1 > 0 && (size_t)(nl - footer - 1) < sizeof tz) {
				memcpy(tz, footer + 1, (size_t)(nl - footer - 1));
				tz[nl - footer - 1] = '\0';
				zd->has_rule = parse_posix_tz(tz, &zd->rule) == 0;
				if (!zd->has_rule)
					goto done;
			}
		}
	}
	ok = true;
done:
	free(buf);
	if (!ok) {
		free(zd->at);
		free(zd->off);
		zd->at = NULL;
		zd->off = NULL;
		zd->n = 0;
		zd->has_rule = false;
	}
	return ok;
}

int
tz_utc_offset(const struct tz_zone *zd, int64_t t)
{
	size_t lo, hi;

	if (zd == NULL || zd->utc)
		return 0;
	if (zd->offset != NULL)
		return zd->offset(zd->ctx, t);
	if (zd->n == 0 || t >= zd->at[zd->n - 1])
		return zd->has_rule ? rule_offset(&zd->rule, t) :
		       zd->n ? zd->off[zd->n - 1] : zd->first_off;
	if (t < zd->at[0])
		return zd->first_off;
	lo = 0;                         /* at[lo] <= t < at[hi] */
	hi = zd->n - 1;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (zd->at[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return zd->off[lo];
}

void
tz_to_local(const struct tz_zone *zone, int64_t t, struct local_time *out)
{
	int offset = tz_utc_offset(zone, t);
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
tz_from_local(const struct tz_zone *zone, int y, int mo, int d, int h, int mi, int s)
{
	int64_t local = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	/* Offsets a day either side bracket any single change of offset. */
	int64_t before = local - tz_utc_offset(zone, local - 86400);
	int64_t after = local - tz_utc_offset(zone, local + 86400);
	int64_t first = before < after ? before : after;
	int64_t second = before < after ? after : before;

	if (first + tz_utc_offset(zone, first) == local)
		return first;     /* unambiguous, or the earlier of two */
	if (second + tz_utc_offset(zone, second) == local)
		return second;
	/* In a gap: read the wall time with the offset from before the change,
	 * which lands just after the gap by as much as the time was inside it. */
	return before;
}

void
tz_cleanup(void)
{
	while (zones != NULL) {
		struct tz_zone *z = zones;

		zones = z->next;
		free(z->name);
		free(z->at);
		free(z->off);
		free(z);
	}
}

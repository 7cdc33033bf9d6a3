/* Time zones and civil dates.
 *
 * Inside rota every instant is UTC seconds (int64_t). Local wall-clock time
 * exists only at the edges; these functions are the one place that crosses
 * between the two. A zone is read from its TZif file in the zone database
 * libical 3.0 uses (/usr/share/zoneinfo), the same file libical builds its
 * own zone from, so the two agree (tests/unit/test-time.c checks it at
 * every hour around every change); common/tz-ical.h hands the calendar code
 * libical's zone of the same name. This module does not need libical
 * itself, so the commands that only read times (rota now) start without
 * loading it (cli/local.mk). Zones live until tz_cleanup(). */
#ifndef ROTA_TZ_H
#define ROTA_TZ_H

#include <stdint.h>

/* A time zone: opaque. */
struct tz_zone;

struct local_time {
	int year, month, day;     /* month 1-12, day 1-31 */
	int hour, minute, second;
	int wday;                 /* 0 = Sunday ... 6 = Saturday */
	int utc_offset;           /* seconds east of UTC in force at that instant */
};

/* The zone named NAME ("Europe/Dublin", "UTC"), or NULL if there is none
 * (no readable TZif file of that name in the zone database). */
const struct tz_zone *tz_lookup(const char *name);

/* UTC. */
const struct tz_zone *tz_utc(void);

/* The zone of a rotation, office or person: tz_lookup(NAME), or UTC if the
 * stored name is no longer known to the zone database. */
const struct tz_zone *tz_lookup_or_utc(const char *name);

/* A zone whose offsets OFFSET gives (CTX passed along): common/tz-ical.c
 * makes one of an imported calendar's own VTIMEZONE. Not found by
 * tz_lookup; freed by tz_custom_free, not by tz_cleanup. */
struct tz_zone *tz_custom_new(const char *name, int (*offset)(void *ctx, int64_t t),
			      void *ctx);
void tz_custom_free(struct tz_zone *zone);

/* The IANA name of ZONE ("UTC" for UTC). */
const char *tz_name(const struct tz_zone *zone);

/* Seconds east of UTC in force in ZONE at instant T: from the zone's TZif
 * file (its transitions, then the POSIX rule of its footer). Agrees with
 * libical's icaltimezone_get_utc_offset_of_utc_time (tests/unit/test-time.c). */
int tz_utc_offset(const struct tz_zone *zone, int64_t t);

/* Wall-clock fields of instant T in ZONE. */
void tz_to_local(const struct tz_zone *zone, int64_t t, struct local_time *out);

/* The instant at which ZONE's wall clock shows the given fields. A time that
 * does not exist (skipped by a spring-forward change) is moved forward by
 * the length of the gap; a time that happens twice (autumn change) gives
 * the first, earlier instant. */
int64_t tz_from_local(const struct tz_zone *zone, int year, int month, int day,
		      int hour, int minute, int second);

/* Proleptic Gregorian calendar arithmetic on dates. */
int64_t days_from_civil(int year, int month, int day);
void civil_from_days(int64_t days, int *year, int *month, int *day);
int civil_weekday(int year, int month, int day);  /* 0 = Sunday */
int civil_days_in_month(int year, int month);
void civil_add_days(int *year, int *month, int *day, int days);

/* Frees every zone; call once at exit (keeps valgrind quiet). */
void tz_cleanup(void);

#endif

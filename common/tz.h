/* Time zones and civil dates.
 *
 * Inside rota every instant is UTC seconds (int64_t). Local wall-clock time
 * exists only at the edges; these functions are the one place that crosses
 * between the two, through libical's built-in zone database
 * (/usr/share/zoneinfo). Zone pointers are owned by libical and live until
 * tz_cleanup(). */
#ifndef ROTA_TZ_H
#define ROTA_TZ_H

#include <stdint.h>
#include <libical/ical.h>

struct local_time {
	int year, month, day;     /* month 1-12, day 1-31 */
	int hour, minute, second;
	int wday;                 /* 0 = Sunday ... 6 = Saturday */
	int utc_offset;           /* seconds east of UTC in force at that instant */
};

/* The zone named NAME ("Europe/Dublin", "UTC"), or NULL if there is none. */
icaltimezone *tz_lookup(const char *name);

/* The IANA name of ZONE ("UTC" for UTC). Owned by libical. */
const char *tz_name(icaltimezone *zone);

/* Seconds east of UTC in force in ZONE at instant T: from the zone's TZif
 * file (its transitions, then the POSIX rule of its footer), or from
 * libical when the file cannot be read. Agrees with libical's
 * icaltimezone_get_utc_offset_of_utc_time (tests/unit/test-time.c). */
int tz_utc_offset(icaltimezone *zone, int64_t t);

/* Wall-clock fields of instant T in ZONE. */
void tz_to_local(icaltimezone *zone, int64_t t, struct local_time *out);

/* The instant at which ZONE's wall clock shows the given fields. A time that
 * does not exist (skipped by a spring-forward change) is moved forward by
 * the length of the gap; a time that happens twice (autumn change) gives
 * the first, earlier instant. */
int64_t tz_from_local(icaltimezone *zone, int year, int month, int day,
		      int hour, int minute, int second);

/* Proleptic Gregorian calendar arithmetic on dates. */
int64_t days_from_civil(int year, int month, int day);
void civil_from_days(int64_t days, int *year, int *month, int *day);
int civil_weekday(int year, int month, int day);  /* 0 = Sunday */
int civil_days_in_month(int year, int month);
void civil_add_days(int *year, int *month, int *day, int days);

/* Frees libical's zone cache; call once at exit (keeps valgrind quiet). */
void tz_cleanup(void);

#endif

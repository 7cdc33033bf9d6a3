/* Reading and writing times, dates and wall-clock rules as text. */
#ifndef ROTA_TIMEFMT_H
#define ROTA_TIMEFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/tz.h"

/* The times rota reads and keeps: from 1970-01-01T00:00:00Z up to the
 * end of 2199-12-31 (UTC). Every date or time read (arguments, files,
 * APIs, ROTA_NOW) and every time computed from one (a term's end) is
 * checked with time_in_range(), the one rule: nothing past it is stored
 * or printed (libical writes year 10000 as 00000000T000000). */
#define ROTA_TIME_END INT64_C(7258118400)          /* 2200-01-01T00:00:00Z */
#define ROTA_DATE_RANGE "1970-01-01 to 2199-12-31"
bool time_in_range(int64_t t);

/* What the parsers below return for a well-formed date or time outside
 * ROTA_DATE_RANGE (-1: not one at all). */
#define TIME_OUT_OF_RANGE (-2)

/* Reads "YYYY-MM-DD" into a valid Gregorian date in ROTA_DATE_RANGE.
 * 0, -1 or TIME_OUT_OF_RANGE. */
int date_parse(const char *s, int *year, int *month, int *day);

/* Reads a time given on the command line: "YYYY-MM-DD" (midnight in ZONE),
 * "YYYY-MM-DDTHH:MM[:SS]" (wall clock in ZONE), or the same followed by
 * "Z" or "+HH:MM"/"-HH:MM" (an absolute instant). 0, -1, or
 * TIME_OUT_OF_RANGE when the instant is not time_in_range(). */
int time_parse(const char *s, const struct tz_zone *zone, int64_t *out);

/* Writes "2027-01-04T10:00:00Z" into buf (at least 21 bytes). */
void time_format_utc(int64_t t, char *buf, size_t len);

/* Writes "2027-01-04 10:00" in ZONE's wall clock into buf. */
void time_format_local(int64_t t, const struct tz_zone *zone, char *buf, size_t len);

/* Writes "YYYY-MM-DD" of instant T in ZONE into buf (at least 11 bytes). */
void date_format_local(int64_t t, const struct tz_zone *zone, char *buf, size_t len);

/* Writes "Mon 2027-01-04", the day of T in ZONE, into buf: a whole day
 * as a person reads it. */
void day_format_local(int64_t t, const struct tz_zone *zone, char *buf, size_t len);

/* T as a person types it for a command reading ZONE's wall clock,
 * "2027-02-03T10:00" (with the seconds when there are any), which
 * time_parse() reads back as T; in the hour a DST change repeats, where
 * the wall clock is ambiguous, with the offset: "2027-10-31T01:30+01:00". */
void time_format_typed(int64_t t, const struct tz_zone *zone, char *buf, size_t len);

/* The current time: $ROTA_NOW (an ISO 8601 instant) when set, for tests and
 * reproducible demos, else the system clock. 0, or -1 with a message when
 * ROTA_NOW cannot be read. */
int rota_clock(int64_t *now);

/* Reads a weekday and wall-clock time such as "Mon 10:00". dow is 0 for
 * Sunday; minute is minutes after midnight. 0 or -1. */
int weekday_time_parse(const char *s, int *dow, int *minute);

/* Reads "HH:MM" into minutes after midnight (00:00-24:00). 0 or -1. */
int clock_parse(const char *s, int *minute);

/* Business hours: a set of weekdays and a daily window, "Mon-Fri 09:00-18:00". */
struct business_hours {
	unsigned days;        /* bit n set: weekday n (0 = Sunday) is a working day */
	int start, end;       /* minutes after midnight, start < end */
};
int business_hours_parse(const char *s, struct business_hours *out);

/* The English weekday abbreviation, "Sun" to "Sat". */
const char *weekday_name(int dow);

#endif

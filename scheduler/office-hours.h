/* Offices' working weeks, and when an out-of-hours rotation is on call.
 *
 * An office works its business hours ("Mon-Fri 09:00-18:00" in its own
 * zone) on every working day that is not one of its public holidays
 * (office-local days); the start is in, the end is out. A rotation that
 * covers out of hours is on call exactly while none of its offices is in
 * business hours: with Dublin and San Francisco, a Dublin weekday evening
 * is San Francisco's morning, and the volunteers are on call only once
 * both have closed. Pure: no store, no I/O; local times through
 * common/tz.h, so days of 23 and 25 hours and offices whose DST changes
 * fall on different dates are right. Page classification
 * (reports/classify.h) and every reader of on-call time use these. */
#ifndef ROTA_OFFICE_HOURS_H
#define ROTA_OFFICE_HOURS_H

#include <stddef.h>
#include <stdint.h>

#include "common/timefmt.h"
#include "common/tz.h"
#include "model/model.h"

#define DEFAULT_BUSINESS_HOURS "Mon-Fri 09:00-18:00"

/* An office's working week. Owns its holidays (work_calendar_free). */
struct work_calendar {
	const struct tz_zone *zone;             /* the office's */
	struct business_hours hours;
	int64_t *holidays;              /* office-local days (days_from_civil), sorted */
	size_t n_holidays;
};

/* A half-open range of instants, [from, to), UTC seconds. */
struct time_span {
	int64_t from, to;
};

/* Appends [A, B) clipped to [LO, HI) to *V (*N entries, capacity *CAP)
 * when anything is left of it. */
void time_span_push(struct time_span **v, size_t *n, size_t *cap, int64_t a, int64_t b,
		    int64_t lo, int64_t hi);

/* Builds the calendar of an office in zone TZ with HOURS (NULL: the
 * default) and the public holidays among H[0..N) whose office_id is
 * OFFICE_ID (0: take all of them). 0, or -1 when TZ or HOURS cannot be
 * read (nothing to free then). */
int work_calendar_init(struct work_calendar *c, const char *tz, const char *hours,
		       int64_t office_id, const struct holiday *h, size_t n);
void work_calendar_free(struct work_calendar *c);
/* Whether office-local DAY (days_from_civil) is a public holiday. */
int work_calendar_is_holiday(const struct work_calendar *c, int64_t day);

/* Whether the office of C is in business hours at T. */
int work_calendar_open(const struct work_calendar *c, int64_t t);

/* The office-local day (days_from_civil) and second of the day of T in
 * ZONE (cached per zone and UTC day: pages in time order ask libical
 * once a day). */
void local_day_second(const struct tz_zone *zone, int64_t t, int64_t *day, int *sod);

/* Appends to *V (*N entries, capacity *CAP; start with NULL, 0, 0 and
 * free() at the end) the business hours of C inside [FROM, TO), in time
 * order. */
void work_calendar_spans(const struct work_calendar *c, int64_t from, int64_t to,
			 struct time_span **v, size_t *n, size_t *cap);

/* The on-call windows of a rotation covering out of hours with the N
 * offices C, inside [FROM, TO): the times when none of them is in
 * business hours, in time order, adjacent windows joined (a weekend is
 * one window from Friday evening to Monday morning). *V (*NV entries) is
 * free()d by the caller; none when every instant is someone's office
 * hours. With N == 0 the whole range is one window. */
void oncall_windows(const struct work_calendar *c, size_t n, int64_t from, int64_t to,
		    struct time_span **v, size_t *nv);

/* One office (its index in a calendar array) counted over [from, to):
 * a member's office for the time it was theirs. */
struct office_period {
	size_t office;
	int64_t from, to;
};

/* As oncall_windows, for offices that count only during their periods:
 * at each instant of [FROM, TO) the offices among C[0..N) with a period
 * P[0..NP) covering it (none: on call). So a member's move to another
 * office changes the windows from the move on, never before it. */
void oncall_windows_over(const struct work_calendar *c, size_t n,
			 const struct office_period *p, size_t np, int64_t from, int64_t to,
			 struct time_span **v, size_t *nv);

/* The seconds of [FROM, TO) inside the N spans V (in time order, not
 * overlapping, as oncall_windows gives them): how long a shift held
 * from FROM to TO is on call. */
int64_t time_spans_within(const struct time_span *v, size_t n, int64_t from, int64_t to);

#endif

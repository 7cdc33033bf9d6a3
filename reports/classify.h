/* Classification of pages: in hours, out of hours, or out of hours and in
 * sleep hours (DESIGN.md, "Out of hours, sleep, and the goal"). Pure: no
 * store, no I/O.
 *
 *  - In hours: the responder's office's business hours ("Mon-Fri
 *    09:00-18:00" in the office's zone), on a day that is not one of that
 *    office's public holidays (office-local days). The start is in, the
 *    end is out: 09:00:00 is in hours, 18:00:00 is out.
 *  - Sleep: the responder's sleep window (default 22:00-07:00 in their own
 *    zone); 22:00:00 is asleep, 07:00:00 is awake.
 *  - Sleep is a kind of out of hours, and it wins: a page inside the
 *    responder's sleep window is PAGE_SLEEP even when their office is open
 *    then (a person who lives zones away from their office is still woken
 *    up). So "out of hours" = outside business hours, or asleep.
 * A person with no office works the default hours in their own zone, with
 * no public holidays. All local times go through common/tz.h (libical), so
 * days of 23 and 25 hours are right. */
#ifndef ROTA_CLASSIFY_H
#define ROTA_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "common/timefmt.h"
#include "common/tz.h"
#include "scheduler/office-hours.h"
#include "store/store.h"

/* A person's sleep window, minutes after midnight in their own zone.
 * start > end wraps midnight (22:00-07:00); start == end: never asleep. */
struct sleep_window {
	const struct tz_zone *zone;
	int start, end;
};

/* 0, or -1 when TZ is unknown or a minute is outside 0..1439. */
int sleep_window_init(struct sleep_window *w, const char *tz, int start, int end);

/* The class of instant T for a responder with calendar C and sleep W
 * (W may be NULL: never asleep). Never PAGE_UNCLASSIFIED. */
enum page_class classify_instant(const struct work_calendar *c,
				 const struct sleep_window *w, int64_t t);

/* The seconds of [from, to) that are out of hours (outside business
 * hours, or asleep), exactly as classify_instant() would class each
 * second. 0 when to <= from. Pay uses it on acknowledge-to-resolve. */
int64_t classify_out_of_hours_seconds(const struct work_calendar *c,
				      const struct sleep_window *w,
				      int64_t from, int64_t to);

#endif

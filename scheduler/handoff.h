/* Handoffs: the local wall-clock instants at which one shift hands over to
 * the next. A handoff is "Monday 10:00 in the rotation's zone", so a week
 * across a DST change is 167 or 169 hours long and the handoff stays at
 * 10:00 local. */
#ifndef ROTA_HANDOFF_H
#define ROTA_HANDOFF_H

#include <stdint.h>

#include "common/tz.h"

/* The first handoff (weekday DOW, 0 = Sunday, at MINUTE after local
 * midnight in ZONE) at or after instant T. */
int64_t handoff_next(const struct tz_zone *zone, int dow, int minute, int64_t t);

/* Fills out[0..count] with COUNT+1 boundaries: the handoff on FIRST's
 * local day (FIRST itself, a handoff), then every SHIFT_DAYS local days,
 * each at MINUTE after local midnight, the rotation's handoff time. A
 * handoff whose time a spring-forward skips is moved later (as
 * tz_from_local does) on that day only: the next one is back at MINUTE,
 * so a term's weeks end where its last handoff says. */
void handoff_series(const struct tz_zone *zone, int64_t first, int minute, int shift_days,
		    int count, int64_t *out);

#endif

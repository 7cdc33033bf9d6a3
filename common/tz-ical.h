/* libical's side of a time zone, for the code that builds or reads
 * iCalendar (VTIMEZONE components, TZID parameters). Everything else uses
 * common/tz.h alone. */
#ifndef ROTA_TZ_ICAL_H
#define ROTA_TZ_ICAL_H

#include <libical/ical.h>

#include "common/tz.h"

/* libical's zone of the same name as ZONE (built from the same TZif file),
 * or NULL if libical has none; libical's UTC for UTC. Owned by libical;
 * freed at exit. */
icaltimezone *tz_ical(const struct tz_zone *zone);

/* A zone whose offsets libical computes from ZONE (a VTIMEZONE of a
 * calendar being read, which may be no zone of the database): free it
 * with tz_custom_free before ZONE goes. */
struct tz_zone *tz_from_ical(icaltimezone *zone);

#endif

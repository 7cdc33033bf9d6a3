/* When a rotation is on call. A rotation covering every hour is on call
 * throughout its shifts; one covering out of hours only while none of
 * its offices is in business hours (scheduler/office-hours.h): the
 * offices chosen for it (rota rotation set --offices), or else those of
 * its terms' members (the office each had while a member), each with
 * its public holidays. Every reader of on-call time (now and next,
 * feeds, reports, pay, classification of a page whose responder comes
 * from the schedule) asks here, so that they agree. Also the setting of
 * a rotation's hours (rotation add/set). */
#ifndef ROTA_SERVICE_ONCALL_H
#define ROTA_SERVICE_ONCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scheduler/office-hours.h"
#include "service/service.h"

/* The working weeks of the offices whose hours rotation ROT leaves out,
 * for instants in [FROM, TO), and when each counts. Chosen offices count
 * throughout. Otherwise each member of the terms overlapping [FROM, TO)
 * counts, while a member, the office they had at each instant, as their
 * history (store_person_history) says: joining, leaving or moving to
 * another office changes the windows from then on, never before, so past
 * shifts, pages' responders, pay and reports stay as they were. Empty
 * for a rotation covering every hour. */
struct oncall_offices {
	struct office *offices;         /* by name */
	struct work_calendar *cal;      /* one per office */
	size_t n;
	bool chosen;                    /* chosen for the rotation, not its members' */
	struct office_period *periods;  /* when each office counts */
	size_t n_periods;
};

/* 0, or a store status / EX_DATAERR (an office's zone or hours unreadable,
 * said). Free *OUT with oncall_offices_free in every case. */
int oncall_offices_load(struct store *db, const struct rotation *rot, int64_t from,
			int64_t to, struct oncall_offices *out);
void oncall_offices_free(struct oncall_offices *o);

/* The times in [FROM, TO) when rotation ROT is on call, in time order:
 * the whole range for a rotation covering every hour. *V (*N) is free()d
 * by the caller. 0 or an error status (said). */
int oncall_rotation_windows(struct store *db, const struct rotation *rot, int64_t from,
			    int64_t to, struct time_span **v, size_t *n);

/* Sets what rotation ROT covers: COVERS "always" or "out-of-hours" (NULL:
 * as it is), with OFFICES, a comma-separated list of office names (NULL:
 * as they are; "": its members' offices). EX_USAGE for a word that is
 * not one of those or offices on a rotation covering always; EX_DATAERR
 * for an unknown office, or offices that are open together around the
 * clock (the rotation would never be on call). Managers only (WHAT: the
 * command, for the refusal); audited as rotation.cover. Updates *ROT. */
int oncall_rotation_set(const struct svc *s, struct rotation *rot, const char *covers,
			const char *offices, const char *what);

/* "always", or "out-of-hours". */
const char *oncall_covers_name(const struct rotation *rot);

#endif

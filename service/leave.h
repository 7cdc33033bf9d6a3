/* Leave: time a person is unavailable, added by hand or imported from
 * their out-of-office calendar (service/calendar-sync.h). A volunteer
 * handles their own leave, a manager anyone's. Each operation checks who
 * may, changes the store and writes its audit event; conventions of
 * service/service.h (0, or an exit status after handing the message to
 * the sink; nothing printed).
 *
 * Times of leave are given as typed, "YYYY-MM-DD" or ISO 8601, and read in
 * the person's own zone (DESIGN's rule): dates are whole days with both
 * ends included, 2027-05-01 to 2027-05-31 runs from 1 May 00:00 to
 * 1 June 00:00. An unreadable time is EX_USAGE "WHAT: bad date 'S'", as
 * is a span that is reversed or empty: a front end shows its usage. */
#ifndef ROTA_SERVICE_LEAVE_H
#define ROTA_SERVICE_LEAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/tz.h"
#include "service/calendar-sync.h"
#include "service/service.h"

/* Whether L is whole days in ZONE: it starts and ends at a midnight there,
 * as leave given as dates does. Then *LAST (may be NULL) gets the start
 * of its last day, which it includes (the end is the midnight after). */
bool leave_whole_days(const struct leave *l, const struct tz_zone *zone, int64_t *last);

/* L as a person reads it, into BUF: "from Mon 2027-01-04 to Sun
 * 2027-01-10" (both days included), or "Thu 2027-01-07" for one day, when
 * it is whole days in ZONE, else "from Mon 2027-01-04 09:00 to Mon
 * 2027-01-04 13:00" in ZONE's wall clock. The one way every message shows
 * leave. */
#define LEAVE_SPAN_MAX 64
const char *leave_span_text(const struct leave *l, const struct tz_zone *zone, char *buf,
			    size_t len);

/* L as JSON for the audit trail (a new reference): "first_day" and
 * "last_day", "YYYY-MM-DD", both included, when it is whole days in ZONE
 * (else null), "start" and "end" in UTC (the end not included). */
json_t *leave_to_json(const struct leave *l, const struct tz_zone *zone);

/* HANDLE's (NULL: the actor's) leave from FROM to TO with REASON (may be
 * ""): refused when it overlaps another leave of theirs (EX_DATAERR naming
 * it). *L gets the new leave, *P its person (for their zone). */
int leave_add(const struct svc *s, const char *handle, const char *from, const char *to,
	      const char *reason, struct leave *l, struct person *p);

/* Removes leave ID: its person or a manager. *L and *P get what it was. */
int leave_remove(const struct svc *s, int64_t id, struct leave *l, struct person *p);

/* The leave that has not ended by FROM (NULL: now) and starts before the
 * end of TO (NULL: ever), of HANDLE, or (HANDLE NULL) of the actor, or of
 * everyone when the actor is a manager. FROM and TO are read in that
 * person's zone (for everyone: the manager's own; UTC for root). *P gets
 * the person (id 0 for everyone); *V (*N entries) the leave by start;
 * free(*v). */
int leave_list(const struct svc *s, const char *handle, const char *from, const char *to,
	       struct person *p, struct leave_item **v, size_t *n);

/* The same in two steps, for a list that never holds its rows: whose
 * leave and when, checked and read as leave_list reads them; then each
 * leave (a struct leave_item) handed to FN as it is read, in that order. */
struct leave_query {
	struct person person;   /* id 0: everyone */
	int64_t start, end;
};
int leave_list_query(const struct svc *s, const char *handle, const char *from,
		     const char *to, struct leave_query *q);
int leave_list_each(const struct svc *s, const struct leave_query *q, store_row_fn *fn,
		    void *arg);

/* A shift of the person that the imported leave overlaps. */
struct leave_conflict {
	struct shift shift;
	/* plan_kept_why (service/plan.h): NULL when `schedule generate`
	 * moves it; else why it stays ("swapped", "overridden", "started",
	 * "frozen") and needs a swap or an override. */
	const char *kept;
};

/* What leave import did: the sync, and the conflicts to warn about. */
struct leave_import {
	struct person person;
	struct sync_result sync;
	struct leave_conflict *conflicts;   /* by start, from now on */
	size_t n_conflicts;
};

/* Imports HANDLE's (NULL: the actor's) out-of-office calendar ARG (a file
 * or an http(s) URL) as leave: its busy events, free time and cancelled
 * events left out. Then lists the person's shifts from now on that the
 * calendar's events overlap: results, not warnings; the front end says
 * what to do about each (the command line warns, after the summary).
 * out->sync.synced tells whether the leave is up to date even when a
 * later step failed. Free *OUT with leave_import_free whatever the
 * status. */
int leave_import(const struct svc *s, const char *arg, const char *handle,
		 struct leave_import *out);
void leave_import_free(struct leave_import *r);

#endif

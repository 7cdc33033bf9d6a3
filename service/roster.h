/* Who is on call, when: the readings of the schedule that anyone may make
 * (rota now, next, schedule show, rotation list, person list). See
 * service/service.h for the conventions. */
#ifndef ROTA_SERVICE_ROSTER_H
#define ROTA_SERVICE_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "service/service.h"

/* Who answers a rotation's pages at an instant: the holder of the shift
 * in force; or, in a rotation covering out of hours while one of its
 * offices is in business hours, the service owners (each team answers
 * for its own services), until the volunteers take over again. */
struct on_duty {
	/* The shift in force (shift_id 0: none), valid during the call. */
	const struct on_call *c;
	bool in_hours;                  /* the service owners answer, not c's holder */
	/* Out of hours, when the holder's on-call time ends: the end of
	 * their window, which is the shift's end in a rotation covering
	 * every hour. In hours, when the volunteers take over: the first
	 * window of the holder's part, or else of the parts after it (0: no
	 * shift within a fortnight has one). */
	int64_t until;
	char next_handle[HANDLE_MAX];   /* in hours: who holds UNTIL ("": nobody) */
};

/* Hands FN (with ARG) each rotation and who answers it at AT, as they
 * are read: `rota now` prints them as they come. A rotation nobody
 * covers then comes with c->shift_id 0 (and in_hours when the service
 * owners answer it). Only rotations covering out of hours read their
 * offices' hours. */
int roster_now(const struct svc *s, int64_t at,
	       void (*fn)(const struct on_duty *d, void *arg), void *arg);

/* A shift to come as `rota next` shows it, with when its holder is
 * first on call in it: at its start in a rotation covering every hour;
 * in one covering out of hours, at the start of its first on-call
 * window that has not ended (the one in progress, or the next). */
struct next_shift {
	struct shift sh;
	bool out_of_hours;              /* the rotation's */
	int64_t on_call_from, on_call_until;    /* that window; both 0: none */
};

/* The shifts of HANDLE (NULL: the actor) that have not ended, in time
 * order, at most MAX of them, into *V (*N; free()); *WHO gets the
 * person. */
int roster_next(const struct svc *s, const char *handle, size_t max, struct person *who,
		struct next_shift **v, size_t *n);

/* The shifts overlapping [FROM, TO) (TO 0: no end) of ROTATION and of
 * HANDLE (each NULL: all), in time order, each a struct shift handed to
 * FN as it is read (never the whole list in memory). */
int roster_show(const struct svc *s, const char *rotation, const char *handle,
		int64_t from, int64_t to, store_row_fn *fn, void *arg);

/* Every person, by handle, each a struct person handed to FN as it is
 * read (never the whole list in memory). */
int roster_people_each(const struct svc *s, store_row_fn *fn, void *arg);

/* A rotation as `rota rotation list` shows it. */
struct roster_rotation {
	struct rotation rotation;
	size_t terms;                   /* how many it has */
	struct term current;            /* the term in force now; name "" for none */
};

/* Every rotation with its terms counted and the term in force now, into
 * *V (*N; free()). */
int roster_rotations(const struct svc *s, struct roster_rotation **v, size_t *n);

#endif

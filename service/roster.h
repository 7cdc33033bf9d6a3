/* Who is on call, when: the readings of the schedule that anyone may make
 * (rota now, next, schedule show, rotation list, person list). See
 * service/service.h for the conventions. */
#ifndef ROTA_SERVICE_ROSTER_H
#define ROTA_SERVICE_ROSTER_H

#include <stddef.h>

#include "service/service.h"

/* Hands FN (with ARG) each rotation with the shift in force at AT, one
 * with shift_id 0 for a rotation nobody covers then, as they are read:
 * `rota now` prints them as they come. */
int roster_now(const struct svc *s, int64_t at,
	       void (*fn)(const struct on_call *c, void *arg), void *arg);

/* The shifts of HANDLE (NULL: the actor) that have not ended, in time
 * order, into *V (*N of them; free()); *WHO gets the person. */
int roster_next(const struct svc *s, const char *handle, struct person *who,
		struct shift **v, size_t *n);

/* The shifts overlapping [FROM, TO) (TO 0: no end) of ROTATION and of
 * HANDLE (each NULL: all), in time order, into *V (*N; free()). */
int roster_show(const struct svc *s, const char *rotation, const char *handle,
		int64_t from, int64_t to, struct shift **v, size_t *n);

/* Every person, by handle, into *V (*N; free()). */
int roster_people(const struct svc *s, struct person **v, size_t *n);

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

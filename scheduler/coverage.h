/* What "covered" means: the one rule that `rota schedule check` and
 * `rota report fairness` share, so that a window one calls a problem the
 * other does not count as covered.
 *
 * An instant of a term is covered when a shift in force (not cancelled)
 * holds it and its holder has not left the term by then. A shift held by
 * someone who is not a member (a manager given an escalation week by
 * override) covers. Every other instant is a gap: nobody holds it, or
 * the one who holds it has left the term.
 *
 * Pure: plain structs in, plain structs out. */
#ifndef ROTA_COVERAGE_H
#define ROTA_COVERAGE_H

#include <stddef.h>
#include <stdint.h>

/* A shift in force (or a part of a week), in any order. */
struct coverage_shift {
	int64_t person_id;
	int64_t start, end;             /* UTC, half-open */
};

/* A member of the term. */
struct coverage_member {
	int64_t person_id;
	int64_t left;                   /* when they left the term; INT64_MAX while a member */
};

/* A window that is not covered. */
struct coverage_gap {
	int64_t start, end;
	/* The shift (index into the caller's) whose holder had left the term
	 * by then; (size_t)-1 when no shift holds the window. */
	size_t shift;
};

/* The gaps of [FROM, TO), in time order, a gap that nobody holds split
 * from one held by someone who left; *V (*N entries) is malloc'd, free()
 * it (NULL when there is none). */
void coverage_gaps(const struct coverage_shift *shifts, size_t n_shifts,
		   const struct coverage_member *members, size_t n_members,
		   int64_t from, int64_t to, struct coverage_gap **v, size_t *n);

/* The seconds of [FROM, TO) that are covered. */
int64_t coverage_seconds(const struct coverage_shift *shifts, size_t n_shifts,
			 const struct coverage_member *members, size_t n_members,
			 int64_t from, int64_t to);

#endif

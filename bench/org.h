/* Synthetic organisations for the benchmarks: many rotations, each with its
 * own members and consecutive 26-week terms, in several time zones. */
#ifndef ROTA_BENCH_ORG_H
#define ROTA_BENCH_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct org_shape {
	int rotations;          /* primary rotations */
	int members;            /* volunteers per rotation (not shared) */
	int years;              /* terms cover this many years, two per year */
	int64_t start;          /* the first term starts at the handoff after this */
};

/* Fills an empty database with the organisation, in one transaction. */
int org_make(struct store *db, const struct org_shape *shape);

/* Generates every term of every rotation in time order, in one
 * transaction, as a manager running `schedule generate` term after term
 * would (service/plan.c). Counts the shifts written into *shifts (may be
 * NULL). */
int org_generate_all(struct store *db, int64_t now, size_t *shifts);

#endif

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

/* Splits every EVERY-th week of each rotation (staggered across
 * rotations, so that a tenth of the rotations are in a split week at any
 * time when EVERY is 10) into three parts, in one transaction, as a
 * manager's `rota override --from --to` would: the middle two days (from
 * the week's start plus 48 hours to plus 96 hours) go to the holder of the
 * week three weeks later (earlier, near the end), who keeps the minimum
 * gap, through cover_apply (service/cover.c). Counts the weeks split into
 * *weeks. */
int org_split(struct store *db, int every, int64_t now, size_t *weeks);

#endif

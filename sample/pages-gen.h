/* Synthetic pages as a generic CSV (rota(1), "The generic page format"):
 * for the import benchmark, the 10,000,000-page database of the report and
 * pay benchmarks, and `rota demo`. Deterministic: the same arguments give
 * the same file. Sample data, not library code: rota-full and
 * bench/bench-pages link it (sample/local.mk); it includes common/ only. */
#ifndef ROTA_SAMPLE_PAGES_GEN_H
#define ROTA_SAMPLE_PAGES_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/tz.h"

/* The header line of the generic format. */
void pages_gen_header(FILE *f);

/* N pages with ids PREFIX-1..PREFIX-N, created at random instants of
 * [from, to) (in order), given round robin to HANDLES (NH of them; NH 0:
 * the responder column is left empty, for whoever was on call). About 1 in
 * 20 is escalated, 1 in 10 resolved unacknowledged, 3 in 10 lack a runbook.
 * SEED picks the sequence. Returns 0 or -1 on a write error. */
int pages_gen_write(FILE *f, const char *prefix, int64_t from, int64_t to, size_t n,
		    const char *const *handles, size_t nh, uint64_t seed);

/* Three months of pages for a demonstration, from the first of YEAR-MONTH
 * in ZONE (the team's), with no responder named (the schedule decides):
 * a quiet month (6 out-of-hours pages, 2 of them in sleep hours, and 9 in
 * hours: under the goal of 10), a noisy month (18 out-of-hours pages, 8 in
 * sleep hours, three of them a burst within a minute that counts as one
 * interruption, so 16 interruptions; and 12 in hours: over the goal), and
 * a middling one (8 out of hours, 3 of them asleep; 10 in hours). Classes hold for responders in ZONE whose
 * office is in ZONE with the default hours and sleep window and no public
 * holiday on those days (weekdays 09:00-18:00 in hours, evenings and
 * weekends out of hours, 22:00-07:00 asleep). 0 or -1. */
int pages_gen_demo(FILE *f, const struct tz_zone *zone, int year, int month);

#endif

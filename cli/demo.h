/* Lookups the demo needs between its steps. */
#ifndef ROTA_CLI_DEMO_H
#define ROTA_CLI_DEMO_H

#include <stddef.h>
#include <stdio.h>

#include "cli/cmd.h"

/* The member of SH's term best placed to take SH (the top of
 * `rota swap suggest`), written into handle. */
int demo_best_partner(struct ctx *ctx, const struct shift *sh, char *handle, size_t len);

/* The id (as text) of the open swap request for shift SHIFT_ID. */
int demo_open_swap_id(struct ctx *ctx, int64_t shift_id, char *buf, size_t len);

/* Writes to F the three months of pages_gen_demo from YEAR-MONTH, each
 * page at the wall-clock time the generator meant in the zone of whoever
 * was on call in the primary tier then: ZONES[0] (the team's) unless that
 * person lives in ZONES[1]. So a page meant in hours, in the evening or in
 * sleep hours is one for the person it goes to, in either office, and the
 * quiet month stays under the goal. 0 or an exit status. */
int demo_write_pages(struct ctx *ctx, FILE *f, const char *const zones[2], int year,
		     int month);

#endif

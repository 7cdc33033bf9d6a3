/* Lookups the demo needs between its steps. */
#ifndef ROTA_CLI_DEMO_H
#define ROTA_CLI_DEMO_H

#include <stddef.h>

#include "cli/cmd.h"

/* The member of SH's term best placed to take SH (the top of
 * `rota swap suggest`), written into handle. */
int demo_best_partner(struct ctx *ctx, const struct shift *sh, char *handle, size_t len);

/* The id (as text) of the open swap request for shift SHIFT_ID. */
int demo_open_swap_id(struct ctx *ctx, int64_t shift_id, char *buf, size_t len);

#endif

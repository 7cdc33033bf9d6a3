/* Who is acting: the OS login matched to a person's handle, or --as. */
#ifndef ROTA_CLI_ACTOR_H
#define ROTA_CLI_ACTOR_H

#include "cli/cmd.h"

/* Fills ctx->actor from getpwuid(getuid()) and AS (NULL: none). Managers
 * and root may act as someone else; so may anyone while the database has
 * no manager yet, so that a fresh team can be set up. */
int actor_resolve(struct ctx *ctx, const char *as);

/* Makes HANDLE the acting person with that person's own rights, for
 * `rota demo`, which owns the database it acts in. */
int actor_become(struct ctx *ctx, const char *handle);

#endif

/* Who is acting: the OS login matched to a person's handle, or --as. */
#ifndef ROTA_CLI_ACTOR_H
#define ROTA_CLI_ACTOR_H

#include "cli/cmd.h"

/* Fills ctx->actor from getpwuid(getuid()) and AS (NULL: none). Managers,
 * root and the OS user who owns the database file (the service account)
 * act with a manager's rights and may act as someone else; so may anyone while the database has
 * no manager yet, so that a fresh team can be set up. */
int actor_resolve(struct ctx *ctx, const char *as);

/* Fills ctx->actor for rota serve HANDLE: HANDLE with that person's
 * rights only (never the OS user's: not root, not the database's owner,
 * no bootstrapping), acting as AS (NULL: none) when HANDLE is a manager.
 * EX_NOPERM when HANDLE is no person, or AS is given by a volunteer. */
int actor_serve(struct ctx *ctx, const char *handle, const char *as);

/* Makes HANDLE the acting person with that person's own rights, for
 * `rota demo`, which owns the database it acts in. */
int actor_become(struct ctx *ctx, const char *handle);

#endif

/* Shared by the feed commands (feed export|url|rotate-token, publish). */
#ifndef ROTA_CLI_FEEDS_H
#define ROTA_CLI_FEEDS_H

#include <stddef.h>

#include "calendars/feed.h"
#include "cli/cmd.h"

/* The [feed] settings at ctx->now: 0 or EX_CONFIG. */
int feeds_settings(struct ctx *ctx, struct feed_settings *out);

/* Refuses (EX_NOPERM) unless the actor is P or a manager: WHAT shows a
 * personal feed's secret address. */
int feeds_self_or_manager(struct ctx *ctx, const struct person *p, const char *what);

/* The subscription URL of P's personal feed ([feed] base_url + "/" +
 * token + ".ics") into BUF, or "" when base_url is unset. */
void feeds_url(struct ctx *ctx, const struct person *p, char *buf, size_t len);

#endif

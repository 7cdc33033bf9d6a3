/* Shared by the feed commands (feed export). */
#ifndef ROTA_CLI_FEEDS_H
#define ROTA_CLI_FEEDS_H

#include "calendars/feed.h"
#include "cli/cmd.h"

/* The [feed] settings at ctx->now: 0 or EX_CONFIG. */
int feeds_settings(struct ctx *ctx, struct feed_settings *out);

#endif

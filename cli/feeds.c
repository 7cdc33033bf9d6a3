/* Shared by the feed commands: see feeds.h. */
#include "config.h"

#include "cli/feeds.h"

int
feeds_settings(struct ctx *ctx, struct feed_settings *out)
{
	return feed_settings_load(ctx->cfg, ctx->now, out);
}

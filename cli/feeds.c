/* Shared by the feed commands: see feeds.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/feeds.h"
#include "cli/util.h"
#include "common/err.h"

int
feeds_settings(struct ctx *ctx, struct feed_settings *out)
{
	return feed_settings_load(ctx->cfg, ctx->now, out);
}

int
feeds_self_or_manager(struct ctx *ctx, const struct person *p, const char *what)
{
	if (ctx->actor.privileged || (ctx->actor.known && ctx->actor.person.id == p->id))
		return 0;
	return rota_fail(EX_NOPERM, "%s: only %s or a manager may (you are %s)", what,
			 p->handle, ctx->actor.label);
}

void
feeds_url(struct ctx *ctx, const struct person *p, char *buf, size_t len)
{
	const char *base = config_get(ctx->cfg, "feed", NULL, "base_url", NULL);
	size_t n;

	if (base == NULL || *base == '\0' || p->feed_token[0] == '\0') {
		if (len > 0)
			buf[0] = '\0';
		return;
	}
	n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	snprintf(buf, len, "%.*s/%s.ics", (int)n, base, p->feed_token);
}

/* rota feed url: the address of a personal feed, to subscribe to. */
#include "config.h"

#include "calendars/publish.h"
#include "cli/cmd.h"
#include "cli/feeds.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

static int
exec_feed_url(struct ctx *ctx, int argc, char **argv)
{
	const char *base;
	struct person p;
	char url[4096];
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "feed url takes at most one HANDLE");
	if (argc == 2) {
		if ((r = find_person(ctx, argv[1], &p)) != 0)
			return r;
	} else {
		if ((r = require_person(ctx)) != 0)
			return r;
		p = ctx->actor.person;
	}
	if ((r = feeds_self_or_manager(ctx, &p, "feed url")) != 0)
		return r;
	base = config_get(ctx->cfg, "feed", NULL, "base_url", NULL);
	if (base == NULL || *base == '\0')
		return rota_fail(EX_CONFIG, "feed url: [feed] base_url is not set: set it to the "
				 "public address of the folder rota publish --dir writes");
	/* The token is made on first use, so the address can be handed out
	 * before the next publish writes the file. */
	if ((r = feed_token_ensure(ctx->db, &p)) != 0)
		return r;
	feeds_url(ctx, &p, url, sizeof url);
	out_object_begin(NULL);
	out_str("person", NULL, p.handle);
	out_str("url", NULL, url);
	out_object_end();
	if (!out_json())
		puts(url);
	return 0;
}

const struct cmd_entry cmd_feed_url_entry = {
	.name = "feed url",
	.args = "[HANDLE]",
	.summary = "print the address of a personal feed",
	.help = "  HANDLE   whose feed (default: yours); yours or, for managers, anyone's\n"
		"\n"
		"Prints [feed] base_url followed by the person's secret feed token, the\n"
		"address to subscribe to in a calendar client. Anyone who has it can read\n"
		"the feed: if it leaks, replace it with rota feed rotate-token. The\n"
		"token is made on first use; the file appears at the next\n"
		"rota publish --dir. With --json: {person, url}.\n",
	.flags = CMD_WRITE,
	.exec = exec_feed_url,
};

/* rota feed rotate-token: replace a personal feed's secret address. */
#include "config.h"

#include "calendars/publish.h"
#include "cli/cmd.h"
#include "cli/feeds.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

static int
exec_feed_rotate_token(struct ctx *ctx, int argc, char **argv)
{
	struct person p;
	char url[4096];
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "feed rotate-token takes at most one HANDLE");
	if (argc == 2) {
		if ((r = find_person(ctx, argv[1], &p)) != 0)
			return r;
	} else {
		if ((r = require_person(ctx)) != 0)
			return r;
		p = ctx->actor.person;
	}
	if ((r = feeds_self_or_manager(ctx, &p, "feed rotate-token")) != 0)
		return r;
	p.feed_token[0] = '\0';
	if ((r = feed_token_ensure(ctx->db, &p)) != 0)
		return r;
	/* The audit trail says that it happened, never what the token is. */
	if ((r = audit(ctx, "feed.rotate-token", p.handle, NULL, NULL)) != 0)
		return r;
	feeds_url(ctx, &p, url, sizeof url);
	out_object_begin(NULL);
	out_str("person", "Person", p.handle);
	if (url[0] != '\0')
		out_str("url", "New address", url);
	else
		out_null("url", "New address");
	out_object_end();
	out_note("the old address stops working at the next rota publish --dir%s",
		 url[0] ? "" : " ([feed] base_url is not set: no address to print)");
	return 0;
}

const struct cmd_entry cmd_feed_rotate_token_entry = {
	.name = "feed rotate-token",
	.args = "[HANDLE]",
	.summary = "give a personal feed a new secret address",
	.help = "  HANDLE   whose feed (default: yours); yours or, for managers, anyone's\n"
		"\n"
		"Makes a new random feed token (128 bits) for HANDLE. The next\n"
		"rota publish --dir writes the feed under the new address and removes\n"
		"the old file, so the leaked address stops working. Prints the new\n"
		"address when [feed] base_url is set (with --json: {person, url}).\n",
	.flags = CMD_WRITE,
	.exec = exec_feed_rotate_token,
};

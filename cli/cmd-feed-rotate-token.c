/* rota feed rotate-token: replace a personal feed's secret address. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/feeds.h"

static int
exec_feed_rotate_token(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct feed_address a;
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "feed rotate-token takes at most one HANDLE");
	if ((r = feed_rotate_token(&s, argc == 2 ? argv[1] : NULL, &a)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("person", "Person", a.person.handle);
	if (a.url[0] != '\0')
		out_str("url", "New address", a.url);
	else
		out_null("url", "New address");
	out_object_end();
	out_note("the old address stops working at the next rota publish --dir%s",
		 a.url[0] ? "" : " ([feed] base_url is not set: no address to print)");
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

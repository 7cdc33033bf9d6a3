/* rota feed url: the address of a personal feed, to subscribe to. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/feeds.h"

static int
exec_feed_url(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct feed_address a;
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "feed url takes at most one HANDLE");
	if ((r = feed_address(&s, argc == 2 ? argv[1] : NULL, &a)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("person", NULL, a.person.handle);
	out_str("url", NULL, a.url);
	out_object_end();
	if (!out_json())
		puts(a.url);
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

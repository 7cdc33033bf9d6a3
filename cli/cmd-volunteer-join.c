/* rota volunteer join: a person joins a term. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/team.h"

static int
exec_volunteer_join(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct membership_change c;
	int r;

	if (argc != 2 && argc != 3)
		return cmd_usage_error(ctx, "volunteer join takes TERM and an optional HANDLE");
	if ((r = volunteer_join(&s, argv[1], argc == 3 ? argv[2] : NULL, &c)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("term", "Term:", c.term.name);
	out_str("rotation", "Rotation:", c.rotation.name);
	out_str("person", "Joined:", c.person.handle);
	out_time("joined", "From:", c.at, tz_lookup_or_utc(c.rotation.tz));
	out_object_end();
	return 0;
}

const struct cmd_entry cmd_volunteer_join_entry = {
	.name = "volunteer join",
	.args = "TERM [HANDLE]",
	.summary = "join a term as a volunteer",
	.help = "  TERM    the term to join (see rota term list)\n"
		"  HANDLE  who joins (default: you); joining for someone else is for\n"
		"          managers. The escalation tier takes managers only.\n",
	.flags = CMD_WRITE,
	.exec = exec_volunteer_join,
};

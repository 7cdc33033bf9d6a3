/* rota rotation set: what hours a rotation covers. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"

static int
exec_rotation_set(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct rotation rot;
	int r;

	if ((r = require_manager(ctx, "rotation set")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "rotation set takes one NAME");
	if (cmd_opt(ctx, "covers") == NULL && cmd_opt(ctx, "offices") == NULL)
		return cmd_usage_error(ctx, "rotation set: nothing to set (--covers, --offices)");
	if ((r = find_rotation(ctx, argv[1], &rot)) != 0)
		return r;
	return rotation_cover_exec(ctx, &s, &rot, "rotation set");
}

const struct cmd_entry cmd_rotation_set_entry = {
	.name = "rotation set",
	.args = "NAME",
	.options = (const struct cmd_option[]){
		{ "covers", 0, "always|out-of-hours", "when its holder is on call: every hour, "
		  "or only while none of its offices is in business hours", 0, 0 },
		{ "offices", 0, "A,B", "with out-of-hours, the offices whose hours it leaves "
		  "out; \"\" for its members' offices", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "set the hours a rotation covers (managers)",
	.help = "  NAME     the rotation\n"
		"\n"
		"An out-of-hours rotation is on call only while none of its offices is\n"
		"in business hours (a public holiday of an office is out of hours for\n"
		"that office): with Dublin and San Francisco, only once both have\n"
		"closed. Generation, terms and the weekly stipend are unchanged; what\n"
		"changes is when the holder is on call (rota now, feeds, reports).\n"
		"Offices that are open around the clock together are refused: the\n"
		"rotation would never be on call.\n",
	.flags = CMD_WRITE,
	.exec = exec_rotation_set,
};

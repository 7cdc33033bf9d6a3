/* rota term add: a term of a rotation, aligned to its handoffs. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/setup.h"

static int
exec_term_add(struct ctx *ctx, int argc, char **argv)
{
	const char *rotation = cmd_opt(ctx, "rotation"), *start = cmd_opt(ctx, "start");
	const char *weeks = cmd_opt(ctx, "weeks");
	struct term t = { .weeks = 26 };
	struct svc s = cmd_svc(ctx);
	struct rotation rot;
	int r;

	/* Before the arguments: a volunteer learns first that they may not. */
	if ((r = require_manager(ctx, "term add")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "term add takes one NAME");
	if ((r = name_arg(ctx, "term name", argv[1], t.name, sizeof t.name)) != 0)
		return r;
	if (weeks != NULL &&
	    (r = count_arg(ctx, "--weeks", weeks, TERM_WEEKS_MAX, &t.weeks)) != 0)
		return r;
	if ((r = term_add(&s, rotation, start, &t, &rot)) != 0)
		return usage_if(ctx, r);
	print_term(ctx, &t, &rot, NULL, 0);
	return 0;
}

const struct cmd_entry cmd_term_add_entry = {
	.name = "term add",
	.args = "NAME",
	.options = (const struct cmd_option[]){
		{ "rotation", 0, "ROTATION", "the rotation it belongs to", CMD_OPT_REQUIRED, 0 },
		{ "start", 0, "DATE", "the term starts at the first handoff at or after DATE "
		  "(YYYY-MM-DD: midnight in the rotation's zone, or a full ISO 8601 time)",
		  CMD_OPT_REQUIRED, 0 },
		{ "weeks", 0, "N", "number of shifts, 1 to 520 (default 26); the term ends "
		  "at the handoff N shifts later, by 2199-12-31", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "add a term to a rotation (managers)",
	.help = "  NAME                 the term's name, e.g. 2027-h1\n"
		"\n"
		"A term may not overlap another term of the same rotation.\n",
	.flags = CMD_WRITE,
	.exec = exec_term_add,
};

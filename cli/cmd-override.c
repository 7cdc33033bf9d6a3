/* rota override: a manager gives a shift, or part of one, to someone
 * directly. */
#include "config.h"

#include "cli/cmd.h"
#include "service/swap.h"
#include "cli/swaps.h"
#include "cli/util.h"

/* rota override --from TIME [--to TIME] [--rotation R] HANDLE */
static int
override_range(struct ctx *ctx, struct svc *s, const char *handle, struct shift *sh)
{
	const char *from_arg = cmd_opt(ctx, "from"), *to_arg = cmd_opt(ctx, "to");
	struct rotation rot;
	int64_t from, to = 0;
	int r;

	if (from_arg == NULL)
		return cmd_usage_error(ctx, "override takes a SHIFT and a HANDLE, or a HANDLE "
				       "with --from TIME");
	if ((r = usage_if(ctx, swap_rotation(s, cmd_opt(ctx, "rotation"), &rot))) != 0 ||
	    (r = range_time_arg(ctx, "--from", from_arg, &rot, s->now, &from)) != 0 ||
	    (to_arg && (r = range_time_arg(ctx, "--to", to_arg, &rot, s->now, &to)) != 0))
		return r;
	return swap_override_range(s, &rot, from, to, handle, cmd_flag(ctx, "force"), sh);
}

static int
exec_override(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	bool range = cmd_opt(ctx, "from") || cmd_opt(ctx, "to") || cmd_opt(ctx, "rotation");
	struct shift sh;
	int r;

	if (argc != (range ? 2 : 3))
		return cmd_usage_error(ctx, "override takes a SHIFT and a HANDLE, or a HANDLE "
				       "with --from TIME");
	if ((r = require_manager(ctx, "override")) != 0)
		return r;
	if (range)
		r = override_range(ctx, &s, argv[1], &sh);
	else if ((r = find_shift(ctx, argv[1], 0, &sh)) == 0)
		r = swap_override(&s, sh.id, argv[2], cmd_flag(ctx, "force"), &sh);
	if (r == 0)
		print_shift_object(&sh);
	return r;
}

const struct cmd_entry cmd_override_entry = {
	.name = "override",
	.args = "[SHIFT|DATE] HANDLE",
	.options = (const struct cmd_option[]){
		{ "from", 0, "TIME", "give only the time from TIME: now, YYYY-MM-DDTHH:MM in "
		  "the rotation's zone, or an instant with Z or +HH:MM", 0, 0 },
		{ "to", 0, "TIME", "until TIME (the range is [from, to)); without it, to the "
		  "end of the shift in force at --from", 0, 0 },
		{ "rotation", 0, "NAME", "the rotation of --from/--to; without it, the one "
		  "rotation of the primary tier", 0, 0 },
		{ "force", 0, NULL, "take it even when that breaks a hard rule (leave, other "
		  "tier, minimum gap, managers-only tier, membership); the rule broken is "
		  "kept in the audit trail", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "give a shift, or part of one, to someone (managers)",
	.help = "  SHIFT|DATE   the shift's id (rota schedule show), or a time inside it\n"
		"  HANDLE       who takes it\n"
		"\n"
		"The past is never rewritten: a shift in progress is split at now, and\n"
		"the part already worked stays with its holder (in the schedule, the\n"
		"feeds, pay and reports). With --from (and --to), only that time\n"
		"changes hands: a night, a weekend, the rest of the week from now\n"
		"(--from now). The range must lie within the shifts of one holder, or\n"
		"in time nobody covers; the shift is split into up to three parts, and\n"
		"adjacent parts of one holder are merged back. What is given is marked\n"
		"as overridden, so re-generating the schedule keeps it; open swap\n"
		"requests for the parts that change hands are cancelled.\n",
	.flags = CMD_WRITE,
	.exec = exec_override,
};

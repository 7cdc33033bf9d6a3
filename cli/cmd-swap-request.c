/* rota swap request: the owner of a shift asks someone (or anyone in the
 * term) to take it, or part of it. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "service/swap.h"

static int
exec_swap_request(struct ctx *ctx, int argc, char **argv)
{
	const char *from_arg = cmd_opt(ctx, "from"), *to_arg = cmd_opt(ctx, "to");
	struct svc s = cmd_svc(ctx);
	struct rotation rot;
	struct swap w;
	struct shift sh;
	int64_t from = 0, to = 0;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap request takes one SHIFT (an id, a time "
				       "inside it or a day)");
	if ((r = require_person(ctx)) != 0 ||
	    (r = find_own_shift(ctx, argv[1], &sh)) != 0 ||
	    (r = find_rotation(ctx, sh.rotation, &rot)) != 0 ||
	    (from_arg && (r = range_time_arg(ctx, "--from", from_arg, &rot, s.now, &from)) != 0) ||
	    (to_arg && (r = range_time_arg(ctx, "--to", to_arg, &rot, s.now, &to)) != 0) ||
	    (r = swap_request(&s, sh.id, from, to, cmd_opt(ctx, "with"), &w, &sh)) != 0)
		return r;
	print_swap(&w, &sh);
	return 0;
}

const struct cmd_entry cmd_swap_request_entry = {
	.name = "swap request",
	.args = "SHIFT|DATE",
	.options = (const struct cmd_option[]){
		{ "with", 0, "HANDLE", "ask this person; without it, anyone in the term may "
		  "accept", 0, 0 },
		{ "from", 0, "TIME", "ask for the time from TIME only: now, YYYY-MM-DDTHH:MM in "
		  "the rotation's zone, or an instant with Z or +HH:MM", 0, 0 },
		{ "to", 0, "TIME", "until TIME (the range is [from, to)); without it, to the "
		  "shift's end", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "ask someone to take one of your shifts, or part of it",
	.help = "  SHIFT|DATE      the shift's id (rota schedule show), a time inside it,\n"
		"                  or a day (YYYY-MM-DD in your own zone): your shift in\n"
		"                  force that day\n"
		"\n"
		"Only the shift's owner may ask. With --from and --to, only that time is\n"
		"asked for (\"can you take my Tuesday night?\"); a shift in progress may be\n"
		"asked for from now (\"the rest of my week\"). The time must lie inside\n"
		"the shift and not before now. Accepting splits the shift where the\n"
		"range begins and ends. The person named must be able to take it\n"
		"(member of the term, not on leave, not on call in the other tier; for a\n"
		"whole week, the minimum gap kept).\n",
	.flags = CMD_WRITE,
	.exec = exec_swap_request,
};

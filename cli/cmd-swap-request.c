/* rota swap request: the owner of a shift asks someone (or anyone in the
 * term) to take it. */
#include "config.h"


#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "service/swap.h"

static int
exec_swap_request(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct swap w;
	struct shift sh;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap request takes one SHIFT (an id or a time inside it)");
	if ((r = require_person(ctx)) != 0 ||
	    (r = find_shift(ctx, argv[1], ctx->actor.person.id, &sh)) != 0 ||
	    (r = swap_request(&s, sh.id, cmd_opt(ctx, "with"), &w, &sh)) != 0)
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
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "ask someone to take one of your shifts",
	.help = "  SHIFT|DATE      the shift's id (rota schedule show), or a time inside\n"
		"                  it (YYYY-MM-DD is midnight in your own zone)\n"
		"\n"
		"Only the shift's owner may ask, and only for a shift that has not\n"
		"started. The person named must be able to take it (member of the term,\n"
		"not on leave, not on call in the other tier, minimum gap kept).\n",
	.flags = CMD_WRITE,
	.exec = exec_swap_request,
};

/* rota swap accept: the person asked (or, for a request open to anyone,
 * any member of the term) takes the shift. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "service/swap.h"

static int
exec_swap_accept(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct swap w;
	struct shift sh;
	int64_t id;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap accept takes one swap request ID");
	if ((r = id_arg(ctx, "swap request", argv[1], &id)) != 0 ||
	    (r = swap_answer(&s, id, SWAP_ANSWER_ACCEPT, &w, &sh)) != 0)
		return r;
	print_swap(&w, &sh);
	return 0;
}

const struct cmd_entry cmd_swap_accept_entry = {
	.name = "swap accept",
	.args = "ID",
	.summary = "take the shift of a swap request made to you",
	.help = "  ID   the request's id (rota swap list)\n"
		"\n"
		"Only the person asked may accept, or any member of the term when the\n"
		"request names nobody. The hard rules are checked again: accepting is\n"
		"refused (exit 65, saying which rule) when you are on leave then, on call\n"
		"in the other tier, too close to another of your shifts, or not a\n"
		"manager in the escalation tier. The shift becomes yours, marked as a\n"
		"swap, so that re-generating the schedule keeps it.\n",
	.flags = CMD_WRITE,
	.exec = exec_swap_accept,
};

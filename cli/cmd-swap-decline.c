/* rota swap decline: the person asked says no. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "service/swap.h"

static int
exec_swap_decline(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct swap w;
	struct shift sh;
	int64_t id;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap decline takes one swap request ID");
	if ((r = id_arg(ctx, "swap request", argv[1], &id)) != 0 ||
	    (r = swap_answer(&s, id, SWAP_ANSWER_DECLINE, &w, &sh)) != 0)
		return r;
	print_swap(&w, &sh);
	return 0;
}

const struct cmd_entry cmd_swap_decline_entry = {
	.name = "swap decline",
	.args = "ID",
	.summary = "turn down a swap request made to you",
	.help = "  ID   the request's id (rota swap list)\n"
		"\n"
		"Only the person asked may decline, or any member of the term when the\n"
		"request names nobody (which closes it for everyone). The shift stays\n"
		"with its owner, who may ask again.\n",
	.flags = CMD_WRITE,
	.exec = exec_swap_decline,
};

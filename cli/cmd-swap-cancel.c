/* rota swap cancel: the owner withdraws a request. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "service/swap.h"

static int
exec_swap_cancel(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct swap w;
	struct shift sh;
	int64_t id;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap cancel takes one swap request ID");
	if ((r = id_arg(ctx, "swap request", argv[1], &id)) != 0 ||
	    (r = swap_cancel(&s, id, &w, &sh)) != 0)
		return r;
	print_swap(&w, &sh);
	return 0;
}

const struct cmd_entry cmd_swap_cancel_entry = {
	.name = "swap cancel",
	.args = "ID",
	.summary = "withdraw a swap request you made",
	.help = "  ID   the request's id (rota swap list)\n"
		"\n"
		"Only the person who asked may cancel, while the request is open.\n",
	.flags = CMD_WRITE,
	.exec = exec_swap_cancel,
};

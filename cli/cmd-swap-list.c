/* rota swap list: open swap requests to and from you (everyone's for
 * managers); --all adds the decided ones. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/swap.h"

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "DECIDED BY", 3, OUT_KEEP },
	{ "ROTATION", 2, OUT_KEEP },
	{ "SHIFT", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

struct swap_rows {
	const struct svc *s;
	bool all;
};

static int
print_swap_item(void *row, void *arg)
{
	const struct swap_item *it = row;

	(void)arg;
	print_swap_row(&it->swap, &it->shift);
	return 0;
}

static int
swap_rows(void *arg)
{
	const struct swap_rows *sr = arg;

	return swap_list_each(sr->s, !sr->all, print_swap_item, NULL);
}

static int
exec_swap_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct swap_rows sr = { &s, cmd_flag(ctx, "all") };
	size_t n;
	int r;

	(void)argv;
	if (argc != 1)
		return cmd_usage_error(ctx, "swap list takes no arguments");
	/* Row by row, however many: never the whole table in memory. */
	out_columns(columns);
	if ((r = out_list_rows(NULL, NULL, swap_rows, &sr, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No %sswap requests%s.", sr.all ? "" : "open ",
			 ctx->actor.privileged ? "" : " to or from you");
	return 0;
}

const struct cmd_entry cmd_swap_list_entry = {
	.name = "swap list",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "all", 0, NULL, "also list requests that were accepted, declined or "
		  "cancelled", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list open swap requests to and from you",
	.help = "Volunteers see the requests they made, those made to them, and those\n"
		"open to anyone in their terms; managers see every request.\n",
	.flags = CMD_STREAM,
	.exec = exec_swap_list,
};

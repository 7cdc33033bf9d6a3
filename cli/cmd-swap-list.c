/* rota swap list: open swap requests to and from you (everyone's for
 * managers); --all adds the decided ones. */
#include "config.h"

#include <stdlib.h>

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

static int
exec_swap_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	bool all = cmd_flag(ctx, "all");
	struct swap *v;
	struct shift *sh;
	size_t n;
	int r;

	if (argc != 1)
		return cmd_usage_error(ctx, "swap list takes no arguments");
	if ((r = swap_list(&s, !all, &v, &sh, &n)) != 0)
		return r;
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++)
		print_swap_row(&v[i], &sh[i]);
	if (n == 0)
		out_note("No %sswap requests%s.", all ? "" : "open ",
			 ctx->actor.privileged ? "" : " to or from you");
	out_list_end();
	free(v);
	free(sh);
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
	.exec = exec_swap_list,
};

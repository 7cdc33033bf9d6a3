/* rota swap list: open swap requests to and from you (everyone's for
 * managers); --all adds the decided ones. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/swap.h"

static int
exec_swap_list(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct svc s = cmd_svc(ctx);
	bool all = false;
	struct swap *v;
	struct shift *sh;
	size_t n;
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a': all = true; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc)
		return cmd_usage_error(ctx, "swap list takes no arguments");
	if ((r = swap_list(&s, !all, &v, &sh, &n)) != 0)
		return r;
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
	.args = "[--all]",
	.summary = "list open swap requests to and from you",
	.help = "  --all   also list requests that were accepted, declined or cancelled\n"
		"\n"
		"Volunteers see the requests they made, those made to them, and those\n"
		"open to anyone in their terms; managers see every request.\n",
	.exec = exec_swap_list,
};

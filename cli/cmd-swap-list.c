/* rota swap list: open swap requests to and from you (everyone's for
 * managers); --all adds the decided ones. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

/* Whether a volunteer sees W: they asked or were asked, or it is open to
 * anyone in a term they belong to. */
static int
visible(struct ctx *ctx, const struct swap *w, const struct shift *sh, bool *out)
{
	const struct person *me = &ctx->actor.person;
	struct membership m;
	int r;

	*out = w->requester_id == me->id || w->target_id == me->id;
	if (*out || w->target_id != 0)
		return 0;
	r = store_member_get(ctx->db, sh->term_id, me->id, &m);
	if (r > STORE_NOT_FOUND)
		return r;
	*out = r == 0;
	return 0;
}

static int
exec_swap_list(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	bool all = false, everyone;
	struct swap *v = NULL;
	size_t n = 0, shown = 0;
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
	everyone = ctx->actor.privileged;
	if (!everyone && (r = require_person(ctx)) != 0)
		return r;
	if ((r = store_swap_list(ctx->db, everyone ? 0 : ctx->actor.person.id, !all,
				 &v, &n)) != 0)
		return r;
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct shift sh;
		bool see = true;

		if ((r = swap_shift(ctx, &v[i], &sh)) != 0)
			break;
		if (!everyone && (r = visible(ctx, &v[i], &sh, &see)) != 0)
			break;
		if (see) {
			print_swap_row(&v[i], &sh);
			shown++;
		}
	}
	if (r == 0 && shown == 0)
		out_note("No %sswap requests%s.", all ? "" : "open ",
			 everyone ? "" : " to or from you");
	out_list_end();
	free(v);
	return r;
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

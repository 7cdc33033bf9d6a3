/* rota swap decline: the person asked says no. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/err.h"

static int
exec_swap_decline(struct ctx *ctx, int argc, char **argv)
{
	struct swap w, before;
	struct shift sh;
	char object[48];
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap decline takes one swap request ID");
	if ((r = require_person(ctx)) != 0 ||
	    (r = find_swap(ctx, argv[1], &w)) != 0 ||
	    (r = swap_shift(ctx, &w, &sh)) != 0 ||
	    (r = swap_may_answer(ctx, &w, &sh, "decline")) != 0 ||
	    (r = swap_require_open(&w)) != 0)
		return r;
	before = w;
	r = store_swap_decide(ctx->db, w.id, SWAP_DECLINED, ctx->actor.person.id, ctx->now);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "swap request %lld is no longer open", (long long)w.id);
	if (r != 0 || (r = store_swap_get(ctx->db, w.id, &w)) != 0)
		return r;
	snprintf(object, sizeof object, "swap %lld", (long long)w.id);
	if ((r = audit(ctx, "swap.decline", object, swap_to_json(&before),
		       swap_to_json(&w))) != 0)
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

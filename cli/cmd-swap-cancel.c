/* rota swap cancel: the owner withdraws a request. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/err.h"

static int
exec_swap_cancel(struct ctx *ctx, int argc, char **argv)
{
	struct swap w, before;
	struct shift sh;
	char object[48];
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap cancel takes one swap request ID");
	if ((r = require_person(ctx)) != 0 ||
	    (r = find_swap(ctx, argv[1], &w)) != 0 ||
	    (r = swap_shift(ctx, &w, &sh)) != 0)
		return r;
	if (w.requester_id != ctx->actor.person.id)
		return rota_fail(EX_NOPERM, "swap request %lld is %s's, not yours (%s): only "
				 "%s may cancel it", (long long)w.id, w.requester,
				 ctx->actor.person.handle, w.requester);
	if ((r = swap_require_open(&w)) != 0)
		return r;
	before = w;
	r = store_swap_decide(ctx->db, w.id, SWAP_CANCELLED, ctx->actor.person.id, ctx->now);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "swap request %lld is no longer open", (long long)w.id);
	if (r != 0 || (r = store_swap_get(ctx->db, w.id, &w)) != 0)
		return r;
	snprintf(object, sizeof object, "swap %lld", (long long)w.id);
	if ((r = audit(ctx, "swap.cancel", object, swap_to_json(&before),
		       swap_to_json(&w))) != 0)
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

/* rota swap accept: the person asked (or, for a request open to anyone,
 * any member of the term) takes the shift. */
#include "config.h"

#include "cli/cmd.h"
#include "service/shift-check.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

static int
exec_swap_accept(struct ctx *ctx, int argc, char **argv)
{
	struct swap w;
	struct shift sh, before;
	struct shift_verdict v;
	char object[48];
	json_t *after;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap accept takes one swap request ID");
	if ((r = require_person(ctx)) != 0 ||
	    (r = find_swap(ctx, argv[1], &w)) != 0)
		return r;
	if ((r = swap_shift(ctx, &w, &sh)) != 0 ||
	    (r = swap_may_answer(ctx, &w, &sh, "accept")) != 0 ||
	    (r = swap_require_open(&w)) != 0 ||
	    (r = shift_require_future(ctx, &sh, "swap accept")) != 0)
		return r;
	if (sh.cancelled || sh.person_id != w.requester_id)
		return rota_fail(EX_DATAERR, "swap request %lld is out of date: shift %lld is "
				 "%s now", (long long)w.id, (long long)sh.id,
				 sh.cancelled ? "cancelled" : "someone else's");
	if ((r = shift_check(ctx->db, ctx->cfg, &sh, &ctx->actor.person, &v)) != 0)
		return r;
	if (v.code != 0)
		return rota_fail(EX_DATAERR, "%s cannot take shift %lld: %s",
				 ctx->actor.person.handle, (long long)sh.id, v.why);
	/* Only an open request is decided: of two accepts at once, the second
	 * finds it closed (each runs in its own BEGIN IMMEDIATE transaction). */
	r = store_swap_decide(ctx->db, w.id, SWAP_ACCEPTED, ctx->actor.person.id, ctx->now);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "swap request %lld is no longer open", (long long)w.id);
	before = sh;
	if (r != 0 ||
	    (r = store_shift_assign(ctx->db, sh.id, ctx->actor.person.id, ORIGIN_SWAP,
				    ctx->now)) != 0 ||
	    (r = store_swap_close_for_shift(ctx->db, sh.id, ctx->now)) != 0 ||
	    (r = store_swap_get(ctx->db, w.id, &w)) != 0 ||
	    (r = store_shift_get(ctx->db, sh.id, &sh)) != 0)
		return r;
	snprintf(object, sizeof object, "shift %lld", (long long)sh.id);
	after = shift_to_json(&sh);
	json_object_set_new(after, "swap", json_integer(w.id));
	if ((r = audit(ctx, "swap.accept", object, shift_to_json(&before), after)) != 0)
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

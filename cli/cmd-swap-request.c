/* rota swap request: the owner of a shift asks someone (or anyone in the
 * term) to take it. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "service/shift-check.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

/* EX_DATAERR when SH already has an open request. */
static int
refuse_second_request(struct ctx *ctx, const struct shift *sh)
{
	struct swap *v;
	size_t n;
	int r;

	if ((r = store_swap_list(ctx->db, 0, true, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++)
		if (v[i].shift_id == sh->id)
			r = rota_fail(EX_DATAERR, "shift %lld already has an open swap request "
				      "(%lld): cancel it first with rota swap cancel %lld",
				      (long long)sh->id, (long long)v[i].id, (long long)v[i].id);
	free(v);
	return r;
}

/* EX_DATAERR unless WITH could take SH. */
static int
check_target(struct ctx *ctx, const struct shift *sh, const struct person *with)
{
	struct shift_verdict v;
	int r;

	if (with->id == sh->person_id)
		return rota_fail(EX_DATAERR, "shift %lld is already yours: name someone "
				 "else with --with", (long long)sh->id);
	if ((r = shift_check(ctx->db, ctx->cfg, sh, with, &v)) != 0)
		return r;
	if (v.code != 0)
		return rota_fail(EX_DATAERR, "%s cannot take shift %lld: %s", with->handle,
				 (long long)sh->id, v.why);
	return 0;
}

static int
exec_swap_request(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "with", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	const char *with_handle = NULL;
	struct person with = { 0 };
	struct swap w = { 0 };
	struct shift sh;
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'w': with_handle = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(ctx, "swap request takes one SHIFT (an id or a time inside it)");
	if ((r = require_person(ctx)) != 0 ||
	    (r = find_shift(ctx, argv[optind], ctx->actor.person.id, &sh)) != 0)
		return r;
	if (sh.person_id != ctx->actor.person.id)
		return rota_fail(EX_NOPERM, "shift %lld is %s's, not yours (%s): only its "
				 "owner may ask for a swap", (long long)sh.id, sh.handle,
				 ctx->actor.person.handle);
	if ((r = shift_require_future(ctx, &sh, "swap request")) != 0 ||
	    (r = refuse_second_request(ctx, &sh)) != 0)
		return r;
	if (with_handle != NULL &&
	    ((r = find_person(ctx, with_handle, &with)) != 0 ||
	     (r = check_target(ctx, &sh, &with)) != 0))
		return r;
	w.shift_id = sh.id;
	w.requester_id = sh.person_id;
	snprintf(w.requester, sizeof w.requester, "%s", sh.handle);
	w.target_id = with.id;
	snprintf(w.target, sizeof w.target, "%s", with.handle);
	w.created = ctx->now;
	if ((r = store_swap_add(ctx->db, &w)) != 0)
		return r;
	{
		char object[48];

		snprintf(object, sizeof object, "swap %lld", (long long)w.id);
		if ((r = audit(ctx, "swap.request", object, NULL, swap_to_json(&w))) != 0)
			return r;
	}
	print_swap(&w, &sh);
	return 0;
}

const struct cmd_entry cmd_swap_request_entry = {
	.name = "swap request",
	.args = "SHIFT|DATE [--with HANDLE]",
	.summary = "ask someone to take one of your shifts",
	.help = "  SHIFT|DATE      the shift's id (rota schedule show), or a time inside\n"
		"                  it (YYYY-MM-DD is midnight in your own zone)\n"
		"  --with HANDLE   ask this person; without it, anyone in the term may\n"
		"                  accept\n"
		"\n"
		"Only the shift's owner may ask, and only for a shift that has not\n"
		"started. The person named must be able to take it (member of the term,\n"
		"not on leave, not on call in the other tier, minimum gap kept).\n",
	.flags = CMD_WRITE,
	.exec = exec_swap_request,
};

/* rota leave remove: forget a leave. */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

static int
exec_leave_remove(struct ctx *ctx, int argc, char **argv)
{
	struct leave l;
	struct person p;
	char object[32];
	int64_t id;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "leave remove takes one ID");
	if ((r = id_arg(ctx, "leave", argv[1], &id)) != 0)
		return r;
	r = store_leave_get(ctx->db, id, &l);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "no leave %lld (see rota leave list)", (long long)id);
	if (r != 0)
		return r;
	if (!(ctx->actor.known && ctx->actor.person.id == l.person_id) && !ctx->actor.privileged)
		return rota_fail(EX_NOPERM, "leave remove: leave %lld is %s's: only they or a "
				 "manager may remove it (you are %s)", (long long)id, l.handle,
				 ctx->actor.label);
	if ((r = store_person_get_id(ctx->db, l.person_id, &p)) != 0)
		return r;
	if ((r = store_leave_remove(ctx->db, id)) != 0)
		return r;
	snprintf(object, sizeof object, "leave %lld", (long long)id);
	if ((r = audit(ctx, "leave.remove", object, leave_to_json(&l), NULL)) != 0)
		return r;
	print_leave(&l, tz_lookup_or_utc(p.tz));
	out_note("Removed.");
	return 0;
}

const struct cmd_entry cmd_leave_remove_entry = {
	.name = "leave remove",
	.args = "ID",
	.summary = "remove leave (its owner, or a manager)",
	.help = "  ID  the leave's id, from rota leave list\n",
	.flags = CMD_WRITE,
	.exec = exec_leave_remove,
};

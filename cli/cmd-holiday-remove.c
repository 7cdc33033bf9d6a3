/* rota holiday remove: forget a public holiday. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

static int
exec_holiday_remove(struct ctx *ctx, int argc, char **argv)
{
	struct holiday h;
	int64_t id;
	int r;

	if ((r = require_manager(ctx, "holiday remove")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "holiday remove takes one ID");
	if ((r = id_arg(ctx, "holiday", argv[1], &id)) != 0)
		return r;
	r = store_holiday_get(ctx->db, id, &h);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "no holiday %lld (see rota holiday list)", (long long)id);
	if (r != 0 || (r = store_holiday_remove(ctx->db, id)) != 0 ||
	    (r = audit(ctx, "holiday.remove", h.day, holiday_to_json(&h), NULL)) != 0)
		return r;
	print_holiday(&h);
	out_note("Removed.");
	return 0;
}

const struct cmd_entry cmd_holiday_remove_entry = {
	.name = "holiday remove",
	.args = "ID",
	.summary = "remove a public holiday (managers)",
	.help = "  ID  the holiday's id, from rota holiday list\n",
	.flags = CMD_WRITE,
	.exec = exec_holiday_remove,
};

/* rota holiday remove: forget a public holiday. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/holiday.h"

static int
exec_holiday_remove(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct holiday h;
	int64_t id;
	int r;

	if ((r = require_manager(ctx, "holiday remove")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "holiday remove takes one ID");
	if ((r = id_arg(ctx, "holiday", argv[1], &id)) != 0 ||
	    (r = holiday_remove(&s, id, &h)) != 0)
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

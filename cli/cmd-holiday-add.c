/* rota holiday add: a public holiday of an office. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "service/holiday.h"

static int
exec_holiday_add(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	const char *name = cmd_opt(ctx, "name");
	char buf[NAME_MAX_];
	struct holiday h;
	int r;

	if ((r = require_manager(ctx, "holiday add")) != 0)
		return r;
	if (argc != 3)
		return cmd_usage_error(ctx, "holiday add takes OFFICE and DATE");
	if ((name != NULL && (r = name_arg(ctx, "--name", name, buf, sizeof buf)) != 0) ||
	    (r = usage_if(ctx, holiday_add(&s, argv[1], argv[2], name ? buf : NULL, &h))) != 0)
		return r;
	print_holiday(&h);
	return 0;
}

const struct cmd_entry cmd_holiday_add_entry = {
	.name = "holiday add",
	.args = "OFFICE DATE",
	.options = (const struct cmd_option[]){
		{ "name", 0, "TEXT", "what it is called (default \"" HOLIDAY_NAME_DEFAULT "\")",
		  0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "add a public holiday to an office (managers)",
	.help = "  OFFICE       the office it applies to (see rota office list)\n"
		"  DATE         the day, YYYY-MM-DD, in the office's own zone\n"
		"\n"
		"A holiday is out of hours all day, and weeks with one weigh more when\n"
		"shifts are shared out.\n",
	.flags = CMD_WRITE,
	.exec = exec_holiday_add,
};

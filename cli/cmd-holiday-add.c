/* rota holiday add: a public holiday of an office. */
#include "config.h"

#include <getopt.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "service/holiday.h"

static int
exec_holiday_add(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct svc s = cmd_svc(ctx);
	const char *name = NULL;
	char buf[NAME_MAX_];
	struct holiday h;
	int c, r;

	if ((r = require_manager(ctx, "holiday add")) != 0)
		return r;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (argc - optind != 2)
		return cmd_usage_error(ctx, "holiday add takes OFFICE and DATE");
	if ((name != NULL && (r = name_arg(ctx, "--name", name, buf, sizeof buf)) != 0) ||
	    (r = usage_if(ctx, holiday_add(&s, argv[optind], argv[optind + 1],
					   name ? buf : NULL, &h))) != 0)
		return r;
	print_holiday(&h);
	return 0;
}

const struct cmd_entry cmd_holiday_add_entry = {
	.name = "holiday add",
	.args = "OFFICE DATE [--name TEXT]",
	.summary = "add a public holiday to an office (managers)",
	.help = "  OFFICE       the office it applies to (see rota office list)\n"
		"  DATE         the day, YYYY-MM-DD, in the office's own zone\n"
		"  --name TEXT  what it is called (default \"Public holiday\")\n"
		"A holiday is out of hours all day, and weeks with one weigh more when\n"
		"shifts are shared out.\n",
	.flags = CMD_WRITE,
	.exec = exec_holiday_add,
};

/* rota holiday add: a public holiday of an office. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

static int
exec_holiday_add(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = "Public holiday";
	struct holiday h = { 0 }, *same;
	struct office o;
	size_t nsame;
	int c, r, y, m, d;

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
	if (date_parse(argv[optind + 1], &y, &m, &d) < 0)
		return cmd_usage_error(ctx, "DATE: bad date '%s' (expected YYYY-MM-DD)",
				       argv[optind + 1]);
	snprintf(h.day, sizeof h.day, "%04d-%02d-%02d", y, m, d);
	if ((r = name_arg(ctx, "--name", name, h.name, sizeof h.name)) != 0 ||
	    (r = find_office(ctx, argv[optind], &o)) != 0)
		return r;
	h.office_id = o.id;
	snprintf(h.office, sizeof h.office, "%s", o.name);
	if ((r = store_holiday_list(ctx->db, o.id, h.day, h.day, &same, &nsame)) != 0)
		return r;
	if (nsame > 0)
		r = rota_fail(EX_DATAERR, "office '%s' already has a holiday on %s: %s "
			      "(holiday %lld)", o.name, h.day, same[0].name, (long long)same[0].id);
	free(same);
	if (r != 0 ||
	    (r = store_holiday_add(ctx->db, &h, "manual", NULL, NULL)) != 0 ||
	    (r = audit(ctx, "holiday.add", h.day, NULL, holiday_to_json(&h))) != 0)
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

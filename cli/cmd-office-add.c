/* rota office add: an office (a time zone, business hours, holidays). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"

static int
exec_office_add(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tz", required_argument, NULL, 'z' },
		{ "hours", required_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *tz = NULL, *hours = "Mon-Fri 09:00-18:00";
	struct business_hours bh;
	struct office o = { 0 };
	const struct tz_zone *zone;
	int c, r;

	if ((r = require_manager(ctx, "office add")) != 0)
		return r;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'z': tz = optarg; break;
		case 'h': hours = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(ctx, "office add takes one NAME");
	if (tz == NULL)
		return cmd_usage_error(ctx, "--tz is required");
	if ((r = name_arg(ctx, "office name", argv[optind], o.name, sizeof o.name)) != 0 ||
	    (r = zone_arg(ctx, "--tz", tz, &zone)) != 0)
		return r;
	snprintf(o.tz, sizeof o.tz, "%s", tz_name(zone));
	if (business_hours_parse(hours, &bh) < 0)
		return cmd_usage_error(ctx, "--hours: '%s' is not business hours such as "
				       "\"Mon-Fri 09:00-18:00\"", hours);
	if ((r = text_arg(ctx, "--hours", hours, o.hours, sizeof o.hours)) != 0 ||
	    (r = store_office_add(ctx->db, &o, ctx->now)) != 0 ||
	    (r = audit(ctx, "office.add", o.name, NULL, office_to_json(&o))) != 0)
		return r;
	out_object_begin(NULL);
	out_str("name", "Office:", o.name);
	out_str("tz", "Time zone:", o.tz);
	out_str("hours", "Business hours:", o.hours);
	out_object_end();
	return 0;
}

const struct cmd_entry cmd_office_add_entry = {
	.name = "office add",
	.args = "NAME --tz ZONE [--hours \"Mon-Fri 09:00-18:00\"]",
	.summary = "add an office (managers)",
	.help = "  NAME          the office's name, e.g. Dublin\n"
		"  --tz ZONE     its time zone (IANA name, e.g. Europe/Dublin)\n"
		"  --hours SPEC  business hours in that zone (default \"Mon-Fri 09:00-18:00\");\n"
		"                outside them, and on the office's public holidays, pages\n"
		"                count as out of hours\n",
	.flags = CMD_WRITE,
	.exec = exec_office_add,
};

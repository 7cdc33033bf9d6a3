/* rota office add: an office (a time zone, business hours, holidays). */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/setup.h"

static int
exec_office_add(struct ctx *ctx, int argc, char **argv)
{
	const char *tz = cmd_opt(ctx, "tz"), *hours = cmd_opt(ctx, "hours");
	struct business_hours bh;
	struct office o = { 0 };
	struct svc s = cmd_svc(ctx);
	const struct tz_zone *zone;
	int r;

	/* Before the arguments: a volunteer learns first that they may not. */
	if ((r = require_manager(ctx, "office add")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "office add takes one NAME");
	if (hours == NULL)
		hours = "Mon-Fri 09:00-18:00";
	if ((r = name_arg(ctx, "office name", argv[1], o.name, sizeof o.name)) != 0 ||
	    (r = zone_arg(ctx, "--tz", tz, &zone)) != 0)
		return r;
	snprintf(o.tz, sizeof o.tz, "%s", tz_name(zone));
	if (business_hours_parse(hours, &bh) < 0)
		return cmd_usage_error(ctx, "--hours: '%s' is not business hours such as "
				       "\"Mon-Fri 09:00-18:00\"", hours);
	if ((r = text_arg(ctx, "--hours", hours, o.hours, sizeof o.hours)) != 0 ||
	    (r = office_add(&s, &o)) != 0)
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
	.args = "NAME",
	.options = (const struct cmd_option[]){
		{ "tz", 0, "ZONE", "its time zone (IANA name, e.g. Europe/Dublin)",
		  CMD_OPT_REQUIRED, 0 },
		{ "hours", 0, "SPEC", "business hours in that zone (default \"Mon-Fri "
		  "09:00-18:00\"); outside them, and on the office's public holidays, "
		  "pages count as out of hours", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "add an office (managers)",
	.help = "  NAME           the office's name, e.g. Dublin\n",
	.flags = CMD_WRITE,
	.exec = exec_office_add,
};

/* rota rotation add: a rotation (a tier, a zone and a handoff time). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"

static int
exec_rotation_add(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tier", required_argument, NULL, 't' },
		{ "tz", required_argument, NULL, 'z' },
		{ "handoff", required_argument, NULL, 'h' },
		{ "shift-days", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	struct rotation rot = { .handoff_dow = 1, .handoff_minute = 10 * 60, .shift_days = 7 };
	const char *tier = NULL, *tz = NULL, *handoff = NULL, *days = NULL;
	const struct tz_zone *zone;
	int c, r;

	if ((r = require_manager(ctx, "rotation add")) != 0)
		return r;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 't': tier = optarg; break;
		case 'z': tz = optarg; break;
		case 'h': handoff = optarg; break;
		case 'd': days = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(ctx, "rotation add takes one NAME");
	if (tier == NULL || tz == NULL)
		return cmd_usage_error(ctx, "--tier and --tz are required");
	if ((r = name_arg(ctx, "rotation name", argv[optind], rot.name, sizeof rot.name)) != 0)
		return r;
	if (tier_parse(tier, &rot.tier) < 0)
		return cmd_usage_error(ctx, "--tier: '%s' is not a tier (primary or escalation)", tier);
	if ((r = zone_arg(ctx, "--tz", tz, &zone)) != 0)
		return r;
	snprintf(rot.tz, sizeof rot.tz, "%s", tz_name(zone));
	if (handoff != NULL &&
	    weekday_time_parse(handoff, &rot.handoff_dow, &rot.handoff_minute) < 0)
		return cmd_usage_error(ctx, "--handoff: '%s' is not a weekday and time such "
				       "as \"Mon 10:00\"", handoff);
	if (days != NULL && (r = int_arg(ctx, "--shift-days", days, 1, 28, &rot.shift_days)) != 0)
		return r;
	if ((r = store_rotation_add(ctx->db, &rot, ctx->now)) != 0)
		return r;
	if ((r = audit(ctx, "rotation.add", rot.name, NULL, rotation_to_json(&rot))) != 0)
		return r;
	print_rotation(&rot);
	return 0;
}

const struct cmd_entry cmd_rotation_add_entry = {
	.name = "rotation add",
	.args = "NAME --tier primary|escalation --tz ZONE [--handoff \"Mon 10:00\"] [--shift-days 7]",
	.summary = "add a rotation (managers)",
	.help = "  NAME              the rotation's name, e.g. ops or escalation\n"
		"  --tier TIER       primary (volunteers) or escalation (managers only)\n"
		"  --tz ZONE         the zone of the handoff's wall clock (IANA name)\n"
		"  --handoff WHEN    weekday and local time of the handoff (default \"Mon 10:00\");\n"
		"                    it stays at that wall-clock time across DST changes\n"
		"  --shift-days N    days in one shift, 1 to 28 (default 7)\n",
	.flags = CMD_WRITE,
	.exec = exec_rotation_add,
};

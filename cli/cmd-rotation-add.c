/* rota rotation add: a rotation (a tier, a zone and a handoff time). */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/setup.h"

static int
exec_rotation_add(struct ctx *ctx, int argc, char **argv)
{
	struct rotation rot = { .handoff_dow = 1, .handoff_minute = 10 * 60, .shift_days = 7 };
	const char *tier = cmd_opt(ctx, "tier"), *tz = cmd_opt(ctx, "tz");
	const char *handoff = cmd_opt(ctx, "handoff"), *days = cmd_opt(ctx, "shift-days");
	struct svc s = cmd_svc(ctx);
	const struct tz_zone *zone;
	int r;

	/* Before the arguments: a volunteer learns first that they may not. */
	if ((r = require_manager(ctx, "rotation add")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "rotation add takes one NAME");
	if ((r = name_arg(ctx, "rotation name", argv[1], rot.name, sizeof rot.name)) != 0)
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
	if (days != NULL && (r = count_arg(ctx, "--shift-days", days, 28, &rot.shift_days)) != 0)
		return r;
	if ((r = rotation_add(&s, &rot)) != 0)
		return r;
	return rotation_cover_exec(ctx, &s, &rot, "rotation add");
}

const struct cmd_entry cmd_rotation_add_entry = {
	.name = "rotation add",
	.args = "NAME",
	.options = (const struct cmd_option[]){
		{ "tier", 0, "primary|escalation", "primary (volunteers) or escalation "
		  "(managers only)", CMD_OPT_REQUIRED, 0 },
		{ "tz", 0, "ZONE", "the zone of the handoff's wall clock (IANA name)",
		  CMD_OPT_REQUIRED, 0 },
		{ "handoff", 0, "WHEN", "weekday and local time of the handoff (default "
		  "\"Mon 10:00\"); it stays at that wall-clock time across DST changes",
		  0, 0 },
		{ "shift-days", 0, "N", "days in one shift, 1 to 28 (default 7)", 0, 0 },
		{ "covers", 0, "always|out-of-hours", "when its holder is on call: every hour "
		  "(default), or only while none of its offices is in business hours", 0, 0 },
		{ "offices", 0, "A,B", "with --covers out-of-hours, the offices whose hours it "
		  "leaves out (default: its members' offices)", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "add a rotation (managers)",
	.help = "  NAME                       the rotation's name, e.g. ops or escalation\n"
		"\n"
		"A volunteer rotation that covers every team's services out of hours\n"
		"only (each team answers its own alerts in business hours) is added\n"
		"with --covers out-of-hours: its holder is on call while none of its\n"
		"offices is in business hours, public holidays of an office being out\n"
		"of hours for that office. With Dublin and San Francisco, a Dublin\n"
		"evening is San Francisco's working day. See rota rotation set.\n",
	.flags = CMD_WRITE,
	.exec = exec_rotation_add,
};
